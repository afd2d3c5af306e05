"""A factory that puts three DAGs into globals(); each one is dynamic."""
from datetime import datetime

from airflow import DAG
from airflow.operators.bash import BashOperator

SOURCES = [("crm", "@daily"), ("erp", "0 3 * * *"), ("web", None)]


def create_dag(dag_id, schedule, source):
    dag = DAG(
        dag_id,
        start_date=datetime(2024, 1, 1),
        schedule=schedule,
        catchup=False,
        tags=["factory", source],
        default_args={"owner": "factory"},
    )
    with dag:
        extract = BashOperator(task_id="extract", bash_command="echo extract %s" % source)
        load = BashOperator(task_id="load", bash_command="echo load %s" % source)
        extract >> load
    return dag


for source, schedule in SOURCES:
    dag_id = "classic_factory_%s" % source
    globals()[dag_id] = create_dag(dag_id, schedule, source)
