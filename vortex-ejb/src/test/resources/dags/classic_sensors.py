"""Sensors of every kind waiting before processing; legacy operator import paths."""
from datetime import datetime, timedelta

from airflow import DAG
from airflow.operators.bash_operator import BashOperator
from airflow.operators.python_operator import PythonOperator
from airflow.providers.common.sql.sensors.sql import SqlSensor
from airflow.providers.http.sensors.http import HttpSensor
from airflow.sensors.external_task import ExternalTaskMarker, ExternalTaskSensor
from airflow.sensors.filesystem import FileSensor
from airflow.sensors.time_delta import TimeDeltaSensor


def process_batch(table, **context):
    print("processing %s" % table)


with DAG(
    "classic_sensors",
    start_date=datetime(2024, 1, 1),
    schedule_interval="@daily",
    catchup=False,
    default_args={"poke_interval": 120, "owner": "ops"},
) as dag:
    wait_file = FileSensor(
        task_id="wait_for_file",
        filepath="/data/{{ ds }}/ready.flag",
        fs_conn_id="fs_data",
        mode="reschedule",
        timeout=3600,
    )
    wait_upstream = ExternalTaskSensor(
        task_id="wait_for_upstream",
        external_dag_id="classic_default_args",
        external_task_id="report",
        execution_delta=timedelta(hours=1),
        mode="reschedule",
        soft_fail=True,
    )
    wait_api = HttpSensor(
        task_id="wait_for_api", http_conn_id="orders_api", endpoint="health", poke_interval=30, exponential_backoff=True
    )
    wait_rows = SqlSensor(
        task_id="wait_for_rows",
        conn_id="warehouse",
        sql="SELECT COUNT(*) FROM staging.orders WHERE ds = '{{ ds }}'",
        timeout=timedelta(hours=2),
    )
    settle = TimeDeltaSensor(task_id="settle", delta=timedelta(minutes=15))
    process = PythonOperator(
        task_id="process", python_callable=process_batch, provide_context=True, op_kwargs={"table": "staging.orders"}
    )
    archive = BashOperator(task_id="archive", bash_command="echo archive {{ ds }}")
    mark = ExternalTaskMarker(task_id="mark_reporting", external_dag_id="reporting", external_task_id="start")

    [wait_file, wait_upstream, wait_api, wait_rows] >> settle >> process >> [archive, mark]
