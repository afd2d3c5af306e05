"""Deprecated module; in Airflow 2.10 ``DummyOperator`` *is* EmptyOperator (same class)."""
from __future__ import absolute_import, division, print_function, unicode_literals

from airflow.operators.empty import EmptyOperator

DummyOperator = EmptyOperator
