"""Deprecated Airflow 1 module name of airflow.operators.subdag."""
from __future__ import absolute_import, division, print_function, unicode_literals

from airflow.operators.subdag import *  # noqa: F401,F403
