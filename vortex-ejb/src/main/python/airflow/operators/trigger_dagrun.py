"""TriggerDagRunOperator: starts a run of another DAG."""
from __future__ import absolute_import, division, print_function, unicode_literals

from airflow.models.baseoperator import BaseOperator


class TriggerDagRunOperator(BaseOperator):
    """Triggers a DAG run for a specified dag_id."""

    template_fields = (
        "trigger_dag_id",
        "trigger_run_id",
        "execution_date",
        "conf",
        "wait_for_completion",
        "skip_when_already_exists",
    )
    template_fields_renderers = {"conf": "py"}
    ui_color = "#ffefeb"

    def __init__(
        self,
        trigger_dag_id,
        trigger_run_id=None,
        conf=None,
        execution_date=None,
        reset_dag_run=False,
        wait_for_completion=False,
        poke_interval=60,
        allowed_states=None,
        failed_states=None,
        skip_when_already_exists=False,
        deferrable=False,
        **kwargs
    ):
        super(TriggerDagRunOperator, self).__init__(**kwargs)
        self.trigger_dag_id = trigger_dag_id
        self.trigger_run_id = trigger_run_id
        self.conf = conf
        self.reset_dag_run = reset_dag_run
        self.wait_for_completion = wait_for_completion
        self.poke_interval = poke_interval
        self.allowed_states = [str(s) for s in allowed_states] if allowed_states else ["success"]
        self.failed_states = [str(s) for s in failed_states] if failed_states else ["failed"]
        self.skip_when_already_exists = skip_when_already_exists
        self.deferrable = deferrable
        self.execution_date = execution_date
