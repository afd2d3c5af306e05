"""Airflow 3 / provider path of airflow.operators.weekday."""
from __future__ import absolute_import, division, print_function, unicode_literals

from airflow.operators.weekday import *  # noqa: F401,F403
