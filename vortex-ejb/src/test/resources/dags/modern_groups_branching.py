"""@task_group returning its last task, @task.branch, @task.short_circuit, Airflow 3 import paths."""
from __future__ import annotations

import pendulum

from airflow.decorators import dag, task, task_group
from airflow.models.baseoperator import chain
from airflow.providers.standard.operators.bash import BashOperator
from airflow.providers.standard.operators.empty import EmptyOperator
from airflow.providers.standard.sensors.filesystem import FileSensor


@dag(
    dag_id="modern_groups_branching",
    schedule="0 */4 * * *",
    start_date=pendulum.datetime(2024, 1, 1),
    catchup=False,
    max_active_runs=2,
)
def pipeline():
    start = EmptyOperator(task_id="start")
    landed = FileSensor(task_id="landed", filepath="/incoming/{{ ds }}", poke_interval=300, mode="reschedule")

    @task_group(group_id="quality", tooltip="Data quality checks")
    def quality(table: str):
        @task
        def row_count(name: str) -> int:
            return len(name)

        @task.short_circuit
        def has_rows(count: int) -> bool:
            return count > 0

        return has_rows(row_count(table))

    @task.branch
    def pick(**context) -> str:
        return "full_refresh" if context["logical_date"].day == 1 else "incremental"

    full = BashOperator(task_id="full_refresh", bash_command="refresh --full")
    incremental = BashOperator(task_id="incremental", bash_command="refresh")
    done = EmptyOperator(task_id="done", trigger_rule="none_failed_min_one_success")

    chain(start, landed, [quality("orders"), quality("customers")], pick(), [full, incremental], done)


pipeline()
