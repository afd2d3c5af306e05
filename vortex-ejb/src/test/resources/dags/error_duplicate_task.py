"""Two tasks with the same id in one DAG."""
from datetime import datetime

from airflow import DAG
from airflow.operators.bash import BashOperator

with DAG("error_duplicate_task", start_date=datetime(2024, 1, 1), schedule=None) as dag:
    BashOperator(task_id="extract", bash_command="echo one")
    BashOperator(task_id="extract", bash_command="echo two")
