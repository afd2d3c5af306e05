"""Deprecated Airflow 1 module name of airflow.sensors.time_delta."""
from __future__ import absolute_import, division, print_function, unicode_literals

from airflow.sensors.time_delta import *  # noqa: F401,F403
