"""Deprecated Airflow 1 module name of airflow.sensors.date_time."""
from __future__ import absolute_import, division, print_function, unicode_literals

from airflow.sensors.date_time import *  # noqa: F401,F403
