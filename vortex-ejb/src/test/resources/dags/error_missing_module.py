"""Imports a module that is not installed."""
from datetime import datetime

from airflow import DAG
import vortex_module_that_does_not_exist

with DAG("error_missing_module", start_date=datetime(2024, 1, 1), schedule=None) as dag:
    pass
