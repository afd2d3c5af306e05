"""Tasks generated in a loop, one branch per region, serialised exports; concurrency alias."""
from datetime import datetime

from airflow import DAG
from airflow.operators.bash import BashOperator
from airflow.operators.empty import EmptyOperator

REGIONS = ["eu", "us", "apac"]

dag = DAG(
    "classic_loop_tasks",
    start_date=datetime(2024, 1, 1),
    schedule="@weekly",
    concurrency=4,
    catchup=False,
)

start = EmptyOperator(task_id="start", dag=dag)
done = EmptyOperator(task_id="done", dag=dag)
previous_export = None
for region in REGIONS:
    export = BashOperator(
        task_id="export_%s" % region,
        bash_command="echo export {{ ds }} %s" % region,
        env={"REGION": region},
        dag=dag,
    )
    check = EmptyOperator(task_id="check_%s" % region, dag=dag)
    start >> export >> check
    check.set_downstream(done)
    if previous_export is not None:
        previous_export >> export
    previous_export = export
