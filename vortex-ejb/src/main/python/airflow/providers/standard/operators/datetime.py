"""Airflow 3 / provider path of airflow.operators.datetime."""
from __future__ import absolute_import, division, print_function, unicode_literals

from airflow.operators.datetime import *  # noqa: F401,F403
