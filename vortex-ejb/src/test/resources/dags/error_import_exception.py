"""Fails while the module is imported, before any DAG exists."""
from datetime import datetime

from airflow import DAG

BATCH_SIZE = int("not-a-number")

with DAG("error_import_exception", start_date=datetime(2024, 1, 1), schedule=None) as dag:
    pass
