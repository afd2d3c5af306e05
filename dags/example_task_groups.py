"""
Task groups and generated tasks: one group per region, built in a loop, each with an extract
and a load task; a final report waits for every region. VORTEX loads this file when
VORTEX_LOAD_EXAMPLES is true.
"""
from datetime import datetime, timedelta

from airflow import DAG
from airflow.operators.bash import BashOperator
from airflow.operators.empty import EmptyOperator
from airflow.utils.task_group import TaskGroup

REGIONS = ["emea", "amer", "apac"]

with DAG(
    dag_id="example_task_groups",
    schedule=timedelta(hours=6),
    start_date=datetime(2024, 1, 1),
    catchup=False,
    default_args={"owner": "data-eng", "retries": 1, "pool": "default_pool"},
    tags=["example"],
) as dag:
    start = EmptyOperator(task_id="start")
    report = BashOperator(task_id="report", bash_command="echo 'all regions loaded for {{ ds }}'")

    for region in REGIONS:
        with TaskGroup(group_id=region) as group:
            extract = BashOperator(task_id="extract", bash_command="echo extract " + region)
            load = BashOperator(task_id="load", bash_command="echo load " + region, retries=3)
            extract >> load
        start >> group >> report
