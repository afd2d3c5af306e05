"""A misspelled trigger rule."""
from datetime import datetime

from airflow import DAG
from airflow.operators.empty import EmptyOperator

with DAG("error_trigger_rule", start_date=datetime(2024, 1, 1), schedule=None) as dag:
    EmptyOperator(task_id="join", trigger_rule="all_sucess")
