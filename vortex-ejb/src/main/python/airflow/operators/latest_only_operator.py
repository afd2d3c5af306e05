"""Deprecated Airflow 1 module name of airflow.operators.latest_only."""
from __future__ import absolute_import, division, print_function, unicode_literals

from airflow.operators.latest_only import *  # noqa: F401,F403
