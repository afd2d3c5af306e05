"""Airflow 3 / provider path of airflow.sensors.time_sensor."""
from __future__ import absolute_import, division, print_function, unicode_literals

from airflow.sensors.time_sensor import *  # noqa: F401,F403
