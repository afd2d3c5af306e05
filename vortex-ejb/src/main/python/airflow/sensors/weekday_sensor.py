"""Deprecated Airflow 1 module name of airflow.sensors.weekday."""
from __future__ import absolute_import, division, print_function, unicode_literals

from airflow.sensors.weekday import *  # noqa: F401,F403
