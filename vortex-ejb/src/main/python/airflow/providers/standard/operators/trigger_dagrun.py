"""Airflow 3 / standard provider path of airflow.operators.trigger_dagrun."""
from __future__ import absolute_import, division, print_function, unicode_literals

from airflow.operators.trigger_dagrun import *  # noqa: F401,F403
