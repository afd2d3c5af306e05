"""Deprecated module path of BashOperator."""
from __future__ import absolute_import, division, print_function, unicode_literals

from airflow.operators.bash import BashOperator  # noqa: F401
