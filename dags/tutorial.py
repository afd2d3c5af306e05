"""
The classic first pipeline: three Bash tasks, one of them templated, with default_args
shared by all tasks. VORTEX loads this file when VORTEX_LOAD_EXAMPLES is true.
"""
from datetime import datetime, timedelta

from airflow import DAG
from airflow.operators.bash import BashOperator

default_args = {
    "owner": "vortex",
    "retries": 1,
    "retry_delay": timedelta(minutes=5),
}

with DAG(
    dag_id="tutorial",
    description="A first DAG: print the date, sleep, render a template",
    default_args=default_args,
    schedule="@daily",
    start_date=datetime(2024, 1, 1),
    catchup=False,
    tags=["example"],
) as dag:
    print_date = BashOperator(task_id="print_date", bash_command="date")

    sleep = BashOperator(task_id="sleep", bash_command="sleep 5", retries=3)

    templated = BashOperator(
        task_id="templated",
        bash_command="""
{% for i in range(3) %}
    echo "{{ ds }} is day {{ i }} of the loop; param: {{ params.my_param }}"
{% endfor %}
""",
        params={"my_param": "a value passed in"},
    )

    print_date >> [sleep, templated]
