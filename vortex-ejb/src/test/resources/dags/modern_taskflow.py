"""TaskFlow ETL: @dag params, XComArg wiring, multiple_outputs, @task.bash and override()."""
from __future__ import annotations

import pendulum

from airflow.decorators import dag, task


@dag(
    schedule="@daily",
    start_date=pendulum.datetime(2024, 1, 1, tz="UTC"),
    catchup=False,
    tags=["taskflow"],
    default_args={"retries": 2},
)
def modern_taskflow(source: str = "api", limit: int = 100):
    """Extract, transform and load with TaskFlow."""

    @task
    def extract(source: str) -> dict[str, int]:
        return {"rows": 10, "bad": 1}

    @task(task_id="transform_rows", retries=5)
    def transform(payload: dict) -> list[int]:
        return list(range(payload["rows"]))

    @task(multiple_outputs=True)
    def stats(rows: list[int]) -> dict:
        return {"count": len(rows), "total": sum(rows)}

    @task
    def load(count: int, total: int) -> None:
        """Writes the totals."""
        print(f"loaded {count} rows, total {total}")

    @task.bash
    def archive(count: int) -> str:
        return f"echo archived {count}"

    raw = extract(source)
    rows = transform(raw)
    summary = stats(rows)
    load(summary["count"], summary["total"])
    archive(summary["count"]) >> extract.override(task_id="extract_again")("backup")


modern_taskflow()
