"""Airflow 3 / standard provider path of airflow.sensors.bash."""
from __future__ import absolute_import, division, print_function, unicode_literals

from airflow.sensors.bash import *  # noqa: F401,F403
