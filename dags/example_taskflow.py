"""
The TaskFlow API with Python 3 syntax (annotations, f-strings): Jython cannot read this file,
so VORTEX parses it with CPython. Return values wire the tasks together, and the transform runs
once per order through dynamic task mapping. VORTEX loads this file when VORTEX_LOAD_EXAMPLES
is true.
"""
from __future__ import annotations

import pendulum

from airflow.decorators import dag, task


@dag(
    schedule="@hourly",
    start_date=pendulum.datetime(2024, 1, 1, tz="UTC"),
    catchup=False,
    tags=["example", "taskflow"],
    doc_md=__doc__,
)
def example_taskflow():
    @task
    def extract() -> list[dict]:
        return [{"order": n, "amount": 10.0 * n} for n in range(1, 4)]

    @task(retries=2)
    def transform(order: dict) -> float:
        print(f"order {order['order']} is worth {order['amount']:.2f}")
        return order["amount"] * 1.2

    @task
    def load(totals: list[float]) -> None:
        print(f"loaded {len(totals)} orders, {sum(totals):.2f} in all")

    load(transform.expand(order=extract()))


example_taskflow()
