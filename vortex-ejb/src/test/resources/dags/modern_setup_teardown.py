"""TaskFlow setup/teardown: @setup/@teardown functions in a ``with`` block, as_setup()/as_teardown() on
@task results, ``scope.add_task``, @setup on @task.bash, a mapped teardown and a task group."""
from __future__ import annotations

import pendulum

from airflow.decorators import dag, setup, task, task_group, teardown


@dag(
    schedule=None,
    start_date=pendulum.datetime(2024, 1, 1, tz="UTC"),
    catchup=False,
    tags=["setup-teardown"],
)
def modern_setup_teardown():
    @setup
    def create_cluster() -> str:
        return "cluster-1"

    @teardown(on_failure_fail_dagrun=True)
    def delete_cluster(cluster_id: str) -> None:
        print(f"deleting {cluster_id}")

    @task
    def run_query(cluster_id: str) -> int:
        return 42

    @task
    def report(rows: int) -> None:
        print(f"{rows=}")

    cluster = create_cluster()
    with cluster >> delete_cluster(cluster):
        report(run_query(cluster))

    # as_setup()/as_teardown() on plain @task results; the mapped task runs while the lock is held.
    @task
    def acquire_lock() -> str:
        return "lock-1"

    @task
    def write_partition(day: str) -> None:
        print(day)

    @task
    def release_lock(lock_id: str) -> None:
        print(lock_id)

    lock = acquire_lock()
    lock >> write_partition.expand(day=["mon", "tue"]) >> release_lock(lock).as_teardown(setups=lock)

    # A task built before the block joins it through the scope.
    @setup
    def warm_cache() -> None:
        pass

    @teardown
    def cool_cache() -> None:
        pass

    @task
    def prepare() -> None:
        pass

    prepared = prepare()
    with warm_cache() >> cool_cache() as scope:
        scope.add_task(prepared)

    # In a group: a @task.bash setup and a mapped teardown, which ``>>`` on the group leaves out.
    @task_group
    def load():
        @setup
        @task.bash
        def stage_files() -> str:
            return "mkdir -p /tmp/stage"

        @task
        def copy(table: str) -> str:
            return table

        @task
        def validate(tables: list[str]) -> None:
            print(tables)

        @teardown
        def drop_stage(table: str) -> None:
            print(table)

        staged = stage_files()
        copied = copy.expand(table=["a", "b"])
        dropped = drop_stage.expand(table=["a", "b"])
        staged >> copied
        staged >> dropped
        validate(copied) >> dropped

    @task
    def publish() -> None:
        pass

    lock >> load() >> publish()


modern_setup_teardown()
