"""Deprecated module path of the Python operators."""
from __future__ import absolute_import, division, print_function, unicode_literals

from airflow.operators.python import (  # noqa: F401
    BranchPythonOperator,
    PythonOperator,
    PythonVirtualenvOperator,
    ShortCircuitOperator,
)
