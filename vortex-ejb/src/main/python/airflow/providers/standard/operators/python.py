"""Airflow 3 / standard provider path of airflow.operators.python."""
from __future__ import absolute_import, division, print_function, unicode_literals

from airflow.operators.python import *  # noqa: F401,F403
