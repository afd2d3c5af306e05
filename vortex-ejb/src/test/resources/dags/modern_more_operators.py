"""@task.branch_virtualenv / @task.branch_external_python and the Airflow 3 provider paths of the
latest-only, week-day, time-window, time sensor and transfer operators."""
from __future__ import annotations

import datetime

import pendulum

from airflow.decorators import dag, task
from airflow.operators.python import is_venv_installed
from airflow.providers.common.sql.operators.generic_transfer import GenericTransfer
from airflow.providers.standard.operators.datetime import BranchDateTimeOperator
from airflow.providers.standard.operators.empty import EmptyOperator
from airflow.providers.standard.operators.latest_only import LatestOnlyOperator
from airflow.providers.standard.operators.smooth import SmoothOperator
from airflow.providers.standard.operators.weekday import BranchDayOfWeekOperator
from airflow.providers.standard.sensors.date_time import DateTimeSensorAsync
from airflow.providers.standard.sensors.time import TimeSensor
from airflow.providers.standard.sensors.weekday import DayOfWeekSensor
from airflow.providers.standard.utils.weekday import WeekDay

VENV_NOTE = "virtualenv available" if is_venv_installed() else "virtualenv missing"


@dag(
    dag_id="modern_more_operators",
    schedule="30 6 * * 1-5",
    start_date=pendulum.datetime(2024, 1, 1, tz="Europe/Paris"),
    catchup=False,
    tags=["branching", "time"],
)
def more_operators():
    latest = LatestOnlyOperator(task_id="latest_only", doc=VENV_NOTE)

    @task.branch_virtualenv(requirements=["holidays==0.50"], system_site_packages=False, serializer="cloudpickle")
    def holiday_check(country: str) -> str:
        import datetime as dt

        import holidays

        return "holiday" if dt.date.today() in holidays.country_holidays(country) else "business_day"

    @task.branch_external_python(python="/opt/py311/bin/python", expect_airflow=False)
    def pick_engine(rows: int) -> list[str]:
        return ["spark_load"] if rows > 1_000_000 else ["pandas_load"]

    holiday = EmptyOperator(task_id="holiday")
    business_day = EmptyOperator(task_id="business_day")
    midweek = BranchDayOfWeekOperator(
        task_id="midweek",
        week_day=[WeekDay.TUESDAY, "Wednesday", "thursday"],
        follow_task_ids_if_true="evening",
        follow_task_ids_if_false="friday",
        trigger_rule="none_failed_min_one_success",
    )
    spark_load = EmptyOperator(task_id="spark_load")
    pandas_load = EmptyOperator(task_id="pandas_load")
    evening = BranchDateTimeOperator(
        task_id="evening",
        target_lower=pendulum.time(18, 0),
        target_upper=None,
        follow_task_ids_if_true="copy_late",
        follow_task_ids_if_false="at_seven",
    )
    at_seven = TimeSensor(task_id="at_seven", target_time=datetime.time(7, 0, 15))
    deadline = DateTimeSensorAsync(
        task_id="deadline", target_time=pendulum.datetime(2024, 12, 31, 23, tz="Europe/Paris"), end_from_trigger=True
    )
    friday = DayOfWeekSensor(task_id="friday", week_day=WeekDay.FRIDAY, use_task_logical_date=True, mode="reschedule")
    copy_late = GenericTransfer(
        task_id="copy_late",
        sql="sql/late_orders.sql",
        destination_table="late_orders",
        source_conn_id="orders_db",
        destination_conn_id="warehouse",
        insert_args={"replace": True, "commit_every": 1000},
        trigger_rule="none_failed_min_one_success",
    )
    smooth = SmoothOperator(task_id="smooth")

    @task
    def report(cutoff: datetime.date, until: datetime.time) -> None:
        print(f"report until {cutoff} {until}")

    branch = holiday_check("FR")
    latest >> branch >> [holiday, business_day]
    business_day >> pick_engine(2_000_000) >> [spark_load, pandas_load] >> midweek >> [evening, friday]
    evening >> [copy_late, at_seven]
    at_seven >> deadline
    copy_late >> smooth >> report(cutoff=pendulum.date(2024, 12, 31), until=pendulum.time(23, 59, 59))


more_operators()
