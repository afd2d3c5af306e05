"""Looks up a task that does not exist."""
from datetime import datetime

from airflow import DAG
from airflow.operators.empty import EmptyOperator

with DAG("error_unknown_task", start_date=datetime(2024, 1, 1), schedule=None) as dag:
    EmptyOperator(task_id="present")

dag.get_task("nope").set_downstream(dag.get_task("present"))
