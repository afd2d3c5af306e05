"""ExternalTaskSensor waits for a task of another DAG; ExternalTaskMarker clears it."""
from __future__ import absolute_import, division, print_function, unicode_literals

from airflow.exceptions import AirflowException
from airflow.models.baseoperator import BaseOperator
from airflow.sensors.base import BaseSensorOperator
from airflow.utils.state import TaskInstanceState


class ExternalTaskSensor(BaseSensorOperator):
    """Waits for a different DAG, task group, or task to complete for a specific logical date."""

    template_fields = ["external_dag_id", "external_task_id", "external_task_ids", "external_task_group_id"]
    ui_color = "#4db7db"

    def __init__(
        self,
        external_dag_id,
        external_task_id=None,
        external_task_ids=None,
        external_task_group_id=None,
        allowed_states=None,
        skipped_states=None,
        failed_states=None,
        execution_delta=None,
        execution_date_fn=None,
        check_existence=False,
        poll_interval=2.0,
        deferrable=False,
        **kwargs
    ):
        super(ExternalTaskSensor, self).__init__(**kwargs)
        self.allowed_states = list(allowed_states) if allowed_states else [TaskInstanceState.SUCCESS.value]
        self.skipped_states = list(skipped_states) if skipped_states else []
        self.failed_states = list(failed_states) if failed_states else []

        total_states = set(self.allowed_states + self.skipped_states + self.failed_states)
        if len(total_states) != len(self.allowed_states) + len(self.skipped_states) + len(self.failed_states):
            raise AirflowException("Duplicate values provided across allowed_states, skipped_states and failed_states.")

        if external_task_id is not None and external_task_ids is not None:
            raise ValueError(
                "Only one of `external_task_id` or `external_task_ids` may "
                "be provided to ExternalTaskSensor; "
                "use external_task_id or external_task_ids or external_task_group_id."
            )
        if external_task_group_id is not None and external_task_id is not None:
            raise ValueError(
                "Only one of `external_task_group_id` or `external_task_id` may "
                "be provided to ExternalTaskSensor; "
                "use external_task_id or external_task_ids or external_task_group_id."
            )
        if external_task_id is not None:
            external_task_ids = [external_task_id]
        if execution_delta is not None and execution_date_fn is not None:
            raise ValueError(
                "Only one of `execution_delta` or `execution_date_fn` may "
                "be provided to ExternalTaskSensor; not both."
            )
        self.execution_delta = execution_delta
        self.execution_date_fn = execution_date_fn
        self.external_dag_id = external_dag_id
        self.external_task_id = external_task_id
        self.external_task_ids = external_task_ids
        self.external_task_group_id = external_task_group_id
        self.check_existence = check_existence
        self.deferrable = deferrable
        self.poll_interval = poll_interval


class ExternalTaskMarker(BaseOperator):
    """Clearing this task also clears the named task of another DAG."""

    template_fields = ["external_dag_id", "external_task_id", "execution_date"]
    ui_color = "#4db7db"

    def __init__(
        self,
        external_dag_id,
        external_task_id,
        execution_date="{{ logical_date.isoformat() }}",
        recursion_depth=10,
        **kwargs
    ):
        super(ExternalTaskMarker, self).__init__(**kwargs)
        self.external_dag_id = external_dag_id
        self.external_task_id = external_task_id
        self.execution_date = execution_date
        if recursion_depth <= 0:
            raise ValueError("recursion_depth should be a positive integer")
        self.recursion_depth = recursion_depth

