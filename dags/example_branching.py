"""
Branching and trigger rules: a branch picks one path, the join runs when that path has
succeeded and the other was skipped. VORTEX loads this file when VORTEX_LOAD_EXAMPLES is true.
"""
import random
from datetime import datetime

from airflow import DAG
from airflow.operators.empty import EmptyOperator
from airflow.operators.python import BranchPythonOperator


def choose_path():
    return random.choice(["path_a", "path_b"])


with DAG(
    dag_id="example_branching",
    schedule="0 6 * * 1-5",
    start_date=datetime(2024, 1, 1),
    catchup=False,
    tags=["example"],
) as dag:
    start = EmptyOperator(task_id="start")
    branch = BranchPythonOperator(task_id="branch", python_callable=choose_path)
    path_a = EmptyOperator(task_id="path_a")
    path_b = EmptyOperator(task_id="path_b")
    join = EmptyOperator(task_id="join", trigger_rule="none_failed_min_one_success")

    start >> branch >> [path_a, path_b] >> join
