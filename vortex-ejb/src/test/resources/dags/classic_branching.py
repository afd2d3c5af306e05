"""Branching: short-circuit, branch with labels, join and alert trigger rules, legacy DummyOperator."""
from datetime import datetime

from airflow import DAG
from airflow.operators.bash import BashOperator
from airflow.operators.dummy import DummyOperator
from airflow.operators.empty import EmptyOperator
from airflow.operators.python import BranchPythonOperator, ShortCircuitOperator
from airflow.utils.edgemodifier import Label
from airflow.utils.trigger_rule import TriggerRule


def is_business_day(**context):
    return context["logical_date"].weekday() < 5


def choose_path(**context):
    if context["logical_date"].hour < 12:
        return "morning"
    return "afternoon"


with DAG(
    dag_id="classic_branching",
    start_date=datetime(2024, 1, 1),
    schedule="@hourly",
    catchup=False,
) as dag:
    check = ShortCircuitOperator(task_id="check_business_day", python_callable=is_business_day)
    branch = BranchPythonOperator(task_id="choose_path", python_callable=choose_path)
    morning = BashOperator(task_id="morning", bash_command="echo morning")
    afternoon = DummyOperator(task_id="afternoon")
    join = EmptyOperator(task_id="join", trigger_rule=TriggerRule.NONE_FAILED_MIN_ONE_SUCCESS)
    alert = BashOperator(task_id="alert", bash_command="echo alert", trigger_rule="one_failed")
    cleanup = EmptyOperator(task_id="cleanup", trigger_rule=TriggerRule.ALL_DONE)

    check >> branch
    branch >> Label("before noon") >> morning >> join
    branch >> Label("after noon") >> afternoon >> join
    [morning, afternoon] >> alert
    [join, alert] >> cleanup
