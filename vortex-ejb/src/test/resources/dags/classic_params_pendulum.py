"""Params, pendulum dates in a region zone, macros, callbacks and other DAG-level settings."""
import pendulum

from airflow import DAG
from airflow.models.param import Param
from airflow.operators.bash import BashOperator


def on_success(context):
    print("done")


def page_oncall(context):
    print("paging")


def log_failure(context):
    print("failed")


with DAG(
    dag_id="classic_params_pendulum",
    start_date=pendulum.datetime(2024, 3, 31, tz="Europe/Paris"),
    end_date=pendulum.datetime(2025, 1, 1, tz="UTC"),
    schedule="30 2 * * *",
    catchup=False,
    params={
        "env": Param("dev", type="string", enum=["dev", "prod"], description="Target environment"),
        "batch_size": Param(500, type="integer", minimum=1),
        "dry_run": False,
    },
    user_defined_macros={"project": "vortex", "region": "eu"},
    template_searchpath="/opt/vortex/sql",
    render_template_as_native_obj=True,
    is_paused_upon_creation=False,
    on_success_callback=on_success,
    on_failure_callback=[page_oncall, log_failure],
    doc_md="Loads the **nightly** batch.",
    dagrun_timeout=pendulum.duration(hours=3),
    max_active_tasks=8,
) as dag:
    run = BashOperator(
        task_id="run",
        bash_command="run --env {{ params.env }} --batch {{ params.batch_size }}",
        params={"batch_size": 100},
        env={"MODE": "{{ params.env }}"},
        cwd="/tmp",
        doc_md="Runs the batch.",
    )
    later = BashOperator(
        task_id="later", bash_command="echo later", start_date=pendulum.datetime(2024, 6, 1, tz="UTC"), sla=pendulum.duration(minutes=30)
    )
    run >> later
