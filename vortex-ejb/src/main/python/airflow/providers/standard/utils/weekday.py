"""Airflow 3 / provider path of airflow.utils.weekday."""
from __future__ import absolute_import, division, print_function, unicode_literals

from airflow.utils.weekday import *  # noqa: F401,F403
