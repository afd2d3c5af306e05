"""Dataset conditions, dataset aliases, DatasetOrTimeSchedule, EventsTimetable and a custom
timetable, in Python 2.7 syntax so that both engines read it."""
from datetime import datetime

from airflow import DAG
from airflow.datasets import Dataset, DatasetAlias
from airflow.operators.empty import EmptyOperator
from airflow.timetables.base import DagRunInfo, DataInterval, Timetable
from airflow.timetables.datasets import DatasetOrTimeSchedule
from airflow.timetables.events import EventsTimetable
from airflow.timetables.trigger import CronTriggerTimetable

orders = Dataset("s3://lake/orders", extra={"format": "parquet"})
customers = Dataset("s3://lake/customers")
refunds = Dataset("s3://lake/refunds")
START = datetime(2024, 1, 1)


class EveryOtherDay(Timetable):
    def next_dagrun_info(self, last_automated_data_interval, restriction):
        start = last_automated_data_interval.end if last_automated_data_interval else restriction.earliest
        return DagRunInfo.interval(start, start)

    def infer_manual_data_interval(self, run_after):
        return DataInterval.exact(run_after)


with DAG("datasets_producer", start_date=START, schedule="@daily", catchup=False):
    EmptyOperator(task_id="publish", outlets=[orders, customers], task_display_name="Publish orders")
    EmptyOperator(task_id="alias", outlets=[DatasetAlias("daily-exports")], inlets=refunds)

with DAG("datasets_all", start_date=START, schedule=(orders & customers & refunds)):
    EmptyOperator(task_id="join")

with DAG("datasets_nested", start_date=START, schedule=(orders | (customers & refunds))):
    EmptyOperator(task_id="join")

with DAG("datasets_list", start_date=START, schedule=[orders, DatasetAlias("daily-exports")]):
    EmptyOperator(task_id="join")

with DAG(
    "datasets_or_time",
    start_date=START,
    schedule=DatasetOrTimeSchedule(timetable=CronTriggerTimetable("0 1 * * 3", timezone="UTC"), datasets=[orders, refunds]),
):
    EmptyOperator(task_id="join")

with DAG(
    "events_timetable",
    start_date=START,
    schedule=EventsTimetable([datetime(2024, 3, 1, 12), datetime(2024, 1, 15, 8)], restrict_to_events=True),
):
    EmptyOperator(task_id="run")

with DAG("custom_timetable", start_date=START, schedule=EveryOtherDay()):
    EmptyOperator(task_id="run")
