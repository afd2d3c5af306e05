"""Setup/teardown with classic operators: as_setup()/as_teardown(setups=...), nested ``with`` blocks,
a teardown inside a task group (ignored by ``>>`` on the group), and the ALL_DONE_SETUP_SUCCESS rule."""
from datetime import datetime

from airflow import DAG
from airflow.operators.bash import BashOperator
from airflow.operators.empty import EmptyOperator
from airflow.utils.task_group import TaskGroup
from airflow.utils.trigger_rule import TriggerRule

with DAG(
    dag_id="classic_setup_teardown",
    start_date=datetime(2024, 1, 1),
    schedule="@daily",
    catchup=False,
) as dag:
    start = EmptyOperator(task_id="start")

    # as_teardown() replaces the trigger rule given to the operator with all_done_setup_success.
    create_cluster = BashOperator(task_id="create_cluster", bash_command="echo create").as_setup()
    run_query = BashOperator(task_id="run_query", bash_command="echo query")
    delete_cluster = BashOperator(
        task_id="delete_cluster", bash_command="echo delete", trigger_rule=TriggerRule.ALL_DONE
    )
    start >> create_cluster >> run_query >> delete_cluster.as_teardown(
        setups=create_cluster, on_failure_fail_dagrun=True
    )

    # Nested contexts: grant/revoke inside create_bucket/remove_bucket.
    create_bucket = BashOperator(task_id="create_bucket", bash_command="echo mb").as_setup()
    remove_bucket = BashOperator(task_id="remove_bucket", bash_command="echo rb").as_teardown()
    grant = EmptyOperator(task_id="grant").as_setup()
    revoke = EmptyOperator(task_id="revoke").as_teardown()
    with create_bucket >> remove_bucket:
        with grant >> revoke:
            load = BashOperator(task_id="load", bash_command="echo load")
            publish = BashOperator(task_id="publish", bash_command="echo publish")
            load >> publish

    # ``with teardown.as_teardown(setups=...)``: tasks built inside go between the setup and the teardown.
    snapshot = BashOperator(task_id="snapshot", bash_command="echo snapshot")
    drop_snapshot = BashOperator(task_id="drop_snapshot", bash_command="echo drop")
    with drop_snapshot.as_teardown(setups=snapshot):
        BashOperator(task_id="verify", bash_command="echo verify")
        BashOperator(task_id="archive", bash_command="echo archive")

    # The group's teardown is not one of its leaves: aggregate is.
    with TaskGroup("transform") as transform:
        spin_up = EmptyOperator(task_id="spin_up").as_setup()
        clean = BashOperator(task_id="clean", bash_command="echo clean")
        aggregate = BashOperator(task_id="aggregate", bash_command="echo aggregate")
        spin_down = EmptyOperator(task_id="spin_down").as_teardown(setups=spin_up)
        spin_up >> clean >> aggregate >> spin_down

    notify = EmptyOperator(task_id="notify")
    audit = EmptyOperator(task_id="audit", trigger_rule=TriggerRule.ALL_DONE_SETUP_SUCCESS)
    start >> transform >> [notify, audit]
