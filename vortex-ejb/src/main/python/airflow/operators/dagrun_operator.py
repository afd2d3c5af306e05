"""Deprecated module path of TriggerDagRunOperator."""
from __future__ import absolute_import, division, print_function, unicode_literals

from airflow.operators.trigger_dagrun import TriggerDagRunOperator  # noqa: F401
