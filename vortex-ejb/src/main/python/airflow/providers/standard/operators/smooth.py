"""Airflow 3 / provider path of airflow.operators.smooth."""
from __future__ import absolute_import, division, print_function, unicode_literals

from airflow.operators.smooth import *  # noqa: F401,F403
