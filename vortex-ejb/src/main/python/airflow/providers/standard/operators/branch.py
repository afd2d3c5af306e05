"""Airflow 3 / provider path of airflow.operators.branch."""
from __future__ import absolute_import, division, print_function, unicode_literals

from airflow.operators.branch import *  # noqa: F401,F403
