"""Airflow 3 / provider path of airflow.operators.generic_transfer."""
from __future__ import absolute_import, division, print_function, unicode_literals

from airflow.operators.generic_transfer import *  # noqa: F401,F403
