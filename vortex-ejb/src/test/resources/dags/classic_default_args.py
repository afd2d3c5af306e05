"""Nightly ETL: DAG-level default_args merged into every task, explicit arguments winning."""
from datetime import datetime, timedelta

from airflow import DAG
from airflow.operators.bash import BashOperator
from airflow.operators.empty import EmptyOperator
from airflow.operators.python import PythonOperator


def notify_failure(context):
    print("task failed: %s" % context["task_instance"].task_id)


def notify_success(context):
    print("run succeeded")


def extract_orders(**context):
    return 42


default_args = {
    "owner": "data-eng",
    "retries": 3,
    "retry_delay": timedelta(minutes=5),
    "pool": "etl_pool",
    "queue": "etl",
    "email": ["oncall@example.com"],
    "email_on_retry": False,
    "on_failure_callback": notify_failure,
    # Only operators whose __init__ takes bash_command receive it; EmptyOperator ignores it.
    "bash_command": "echo from default_args",
    "not_an_operator_argument": "ignored",
}

with DAG(
    dag_id="classic_default_args",
    description="Default arguments merged into tasks",
    start_date=datetime(2024, 1, 1),
    schedule_interval="0 6 * * *",
    catchup=False,
    max_active_runs=1,
    dagrun_timeout=timedelta(hours=2),
    default_args=default_args,
    tags=["etl", "classic"],
    on_success_callback=notify_success,
) as dag:
    start = EmptyOperator(task_id="start")
    extract = PythonOperator(task_id="extract", python_callable=extract_orders, retries=1, owner="alice")
    load = BashOperator(task_id="load", pool="load_pool", priority_weight=10, weight_rule="absolute")
    report = BashOperator(
        task_id="report",
        bash_command="echo report {{ ds }}",
        trigger_rule="all_done",
        retry_delay=30,
        execution_timeout=timedelta(minutes=10),
        depends_on_past=True,
    )

    start >> extract >> load >> report
