"""Airflow 3 / standard provider path of airflow.operators.empty."""
from __future__ import absolute_import, division, print_function, unicode_literals

from airflow.operators.empty import *  # noqa: F401,F403
