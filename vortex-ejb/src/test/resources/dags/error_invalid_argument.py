"""An operator argument that does not exist (``retires``)."""
from datetime import datetime

from airflow import DAG
from airflow.operators.bash import BashOperator

with DAG("error_invalid_argument", start_date=datetime(2024, 1, 1), schedule=None) as dag:
    BashOperator(task_id="load", bash_command="echo load", retires=3)
