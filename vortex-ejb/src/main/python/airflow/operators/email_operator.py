"""Deprecated Airflow 1 module name of airflow.operators.email."""
from __future__ import absolute_import, division, print_function, unicode_literals

from airflow.operators.email import *  # noqa: F401,F403
