"""VORTEX's Airflow-compatible shim: enough of Airflow 2.10 to import DAG files and see their graph.

Operators are recorded while a file is parsed. VORTEX runs tasks from the serialized graph; Python
tasks (PythonOperator, ``@task`` and their variants, custom operators) run here, through run_task.
"""
from __future__ import absolute_import, division, print_function, unicode_literals

__version__ = "2.10.5"

from airflow.models.dag import DAG  # noqa: E402,F401
from airflow.datasets import Dataset  # noqa: E402,F401
from airflow.exceptions import AirflowException  # noqa: E402,F401
