"""A DAG whose dependencies loop back: extract >> transform >> load >> extract."""
from datetime import datetime

from airflow import DAG
from airflow.operators.empty import EmptyOperator

with DAG("error_cycle", start_date=datetime(2024, 1, 1), schedule=None) as dag:
    extract = EmptyOperator(task_id="extract")
    transform = EmptyOperator(task_id="transform")
    load = EmptyOperator(task_id="load")
    extract >> transform >> load >> extract
