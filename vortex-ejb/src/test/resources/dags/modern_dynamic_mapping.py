"""Dynamic task mapping: @task partial/expand, classic partial/expand and expand_kwargs."""
from __future__ import annotations

from datetime import datetime

from airflow import DAG
from airflow.decorators import task
from airflow.operators.bash import BashOperator

with DAG(
    dag_id="modern_dynamic_mapping",
    start_date=datetime(2024, 1, 1),
    schedule=None,
    default_args={"owner": "mapper", "retries": 1},
):

    @task
    def list_files() -> list[str]:
        return [f"file_{i}.csv" for i in range(3)]

    @task
    def process(path: str, mode: str) -> int:
        return len(path)

    @task
    def total(sizes: list[int]) -> int:
        return sum(sizes)

    @task
    def make_commands() -> list[dict[str, str]]:
        return [{"bash_command": "echo a"}, {"bash_command": "echo b"}]

    sizes = process.partial(mode="fast").expand(path=list_files())
    total(sizes)
    process.expand(path=["a.csv", "b.csv"], mode=["strict"])

    echo = BashOperator.partial(task_id="echo", retries=3, env={"A": "1"}).expand(
        bash_command=["echo 1", "echo 2"]
    )
    per_kwargs = BashOperator.partial(task_id="per_kwargs").expand_kwargs(make_commands())
    echo >> per_kwargs
