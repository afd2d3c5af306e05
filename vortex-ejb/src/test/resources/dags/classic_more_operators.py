"""Latest-only, week-day and time-window branching, time sensors, e-mail, transfers and a SubDagOperator."""
import os
from datetime import datetime, time, timedelta

import pendulum

from airflow import DAG, settings
from airflow.operators.datetime import BranchDateTimeOperator
from airflow.operators.email_operator import EmailOperator
from airflow.operators.empty import EmptyOperator
from airflow.operators.generic_transfer import GenericTransfer
from airflow.operators.latest_only import LatestOnlyOperator
from airflow.operators.python import (
    BranchExternalPythonOperator,
    BranchPythonVirtualenvOperator,
    get_current_context,
)
from airflow.operators.smooth import SmoothOperator
from airflow.operators.subdag import SubDagOperator
from airflow.operators.weekday import BranchDayOfWeekOperator
from airflow.sensors.date_time import DateTimeSensor, DateTimeSensorAsync
from airflow.sensors.time_delta import TimeDeltaSensorAsync, WaitSensor
from airflow.sensors.time_sensor import TimeSensor, TimeSensorAsync
from airflow.sensors.weekday import DayOfWeekSensor
from airflow.utils.context import Context
from airflow.utils.session import NEW_SESSION, provide_session
from airflow.utils.weekday import WeekDay

DEFAULT_ARGS = {"owner": "ops", "retries": 1}


@provide_session
def transfer_pool(session=NEW_SESSION):
    session.commit()
    return "transfer_pool"


def choose_region():
    context = get_current_context()
    return "eu_report" if context["logical_date"].hour < 12 else "us_report"


def choose_format(fmt):
    return "csv_export" if fmt == "csv" else "json_export"


def make_subdag(parent_dag_id, child_id, args):
    subdag = DAG(
        "%s.%s" % (parent_dag_id, child_id),
        default_args=args,
        start_date=datetime(2024, 1, 1),
        schedule_interval="@daily",
        catchup=False,
    )
    for number in range(2):
        EmptyOperator(task_id="%s-task-%d" % (child_id, number + 1), dag=subdag)
    return subdag


with DAG(
    "classic_more_operators",
    description="Files under %s" % os.path.basename(settings.DAGS_FOLDER),
    start_date=datetime(2024, 1, 1),
    schedule_interval="@daily",
    catchup=False,
    default_args=DEFAULT_ARGS,
) as dag:
    latest = LatestOnlyOperator(task_id="latest_only")
    weekend_check = BranchDayOfWeekOperator(
        task_id="weekend_check",
        week_day={WeekDay.SATURDAY, WeekDay.SUNDAY},
        use_task_logical_date=True,
        follow_task_ids_if_true="weekend",
        follow_task_ids_if_false="workday",
    )
    weekend = EmptyOperator(task_id="weekend")
    workday = EmptyOperator(task_id="workday")
    wait_monday = DayOfWeekSensor(task_id="wait_for_monday", week_day="Monday", mode="reschedule", poke_interval=3600)

    business_hours = BranchDateTimeOperator(
        task_id="business_hours",
        target_lower=pendulum.time(9, 0, 0),
        target_upper=pendulum.time(17, 30, 0),
        follow_task_ids_if_true="in_hours",
        follow_task_ids_if_false="after_hours",
    )
    in_hours = EmptyOperator(task_id="in_hours")
    after_hours = EmptyOperator(task_id="after_hours")
    night_window = BranchDateTimeOperator(
        task_id="night_window",
        target_lower=pendulum.time(22, 0, 0),
        target_upper=pendulum.time(0, 0, 0),
        use_task_logical_date=True,
        follow_task_ids_if_true=["night_run"],
        follow_task_ids_if_false=["day_run"],
    )
    night_run = EmptyOperator(task_id="night_run")
    day_run = EmptyOperator(task_id="day_run")
    join = EmptyOperator(task_id="join", trigger_rule="none_failed_min_one_success")

    wait_six = TimeSensor(task_id="wait_six", target_time=time(6, 0))
    wait_six_async = TimeSensorAsync(task_id="wait_six_async", target_time=pendulum.time(6, 30))
    wait_until = DateTimeSensor(task_id="wait_until", target_time="{{ data_interval_end.add(hours=1) }}")
    wait_fixed = DateTimeSensorAsync(task_id="wait_fixed", target_time=datetime(2024, 6, 1, 12, 0))
    settle = TimeDeltaSensorAsync(task_id="settle", delta=timedelta(minutes=5))
    pause = WaitSensor(task_id="pause", time_to_wait=2)

    section = SubDagOperator(task_id="section", subdag=make_subdag("classic_more_operators", "section", DEFAULT_ARGS))
    copy_orders = GenericTransfer(
        task_id="copy_orders",
        sql="SELECT * FROM orders WHERE ds = '{{ ds }}'",
        destination_table="orders_copy",
        source_conn_id="source_db",
        destination_conn_id="warehouse",
        preoperator="TRUNCATE orders_copy",
        pool=transfer_pool(),
    )
    region = BranchPythonVirtualenvOperator(
        task_id="pick_region",
        python_callable=choose_region,
        requirements="pendulum",
        system_site_packages=False,
    )
    eu_report = EmptyOperator(task_id="eu_report")
    us_report = EmptyOperator(task_id="us_report")
    export_format = BranchExternalPythonOperator(
        task_id="pick_format",
        python="/opt/venvs/reporting/bin/python",
        python_callable=choose_format,
        op_args=["csv"],
        skip_on_exit_code=99,
        trigger_rule="none_failed_min_one_success",
    )
    csv_export = EmptyOperator(task_id="csv_export")
    json_export = EmptyOperator(task_id="json_export")
    notify = EmailOperator(
        task_id="notify",
        to=["ops@example.com"],
        subject="Orders copied for {{ ds }}",
        html_content="<p>Done</p>",
        trigger_rule="none_failed_min_one_success",
    )
    smooth = SmoothOperator(task_id="smooth")

    latest >> weekend_check >> [weekend, workday]
    weekend >> wait_monday
    workday >> business_hours >> [in_hours, after_hours] >> join
    wait_six_async >> night_window >> [night_run, day_run]
    join >> wait_six >> wait_until >> wait_fixed >> settle >> pause >> section >> copy_orders >> region
    region >> [eu_report, us_report] >> export_format >> [csv_export, json_export] >> notify >> smooth


def describe(context):
    # type: (Context) -> str
    return context["ds"]
