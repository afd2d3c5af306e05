"""Airflow 3 / standard provider path of airflow.operators.bash."""
from __future__ import absolute_import, division, print_function, unicode_literals

from airflow.operators.bash import *  # noqa: F401,F403
