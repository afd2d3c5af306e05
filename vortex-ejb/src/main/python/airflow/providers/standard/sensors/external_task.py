"""Airflow 3 / standard provider path of airflow.sensors.external_task."""
from __future__ import absolute_import, division, print_function, unicode_literals

from airflow.sensors.external_task import *  # noqa: F401,F403
