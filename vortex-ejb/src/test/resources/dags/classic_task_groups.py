"""Nested task groups: prefixes, prefix_group_id=False, group default_args, suffix on collision."""
from datetime import datetime

from airflow import DAG
from airflow.operators.bash import BashOperator
from airflow.operators.empty import EmptyOperator
from airflow.utils.task_group import TaskGroup

with DAG(
    "classic_task_groups",
    start_date=datetime(2024, 1, 1),
    schedule=None,
    default_args={"owner": "platform", "retries": 1},
) as dag:
    start = EmptyOperator(task_id="start")

    with TaskGroup("ingest", tooltip="Ingest sources", default_args={"retries": 4, "pool": "ingest_pool"}) as ingest:
        with TaskGroup("api") as api:
            fetch = BashOperator(task_id="fetch", bash_command="curl -fsS https://api.example.com/orders")
            parse = BashOperator(task_id="parse", bash_command="echo parse", retries=0)
            fetch >> parse
        with TaskGroup("files", prefix_group_id=False) as files:
            list_files = BashOperator(task_id="list_files", bash_command="ls /incoming")
            with TaskGroup("checks") as checks:
                EmptyOperator(task_id="size")
                EmptyOperator(task_id="schema")
            list_files >> checks

    with TaskGroup("publish", prefix_group_id=False, default_args={"owner": "analytics"}) as publish:
        EmptyOperator(task_id="to_warehouse")
        EmptyOperator(task_id="to_lake")

    with TaskGroup("ingest", add_suffix_on_collision=True) as late_ingest:
        EmptyOperator(task_id="late_source")

    end = EmptyOperator(task_id="end")

    start >> ingest >> publish >> end
    start >> late_ingest >> end
