"""DagRun: what a running task sees of its DAG run (``context["dag_run"]``); VORTEX keeps the runs."""
from __future__ import absolute_import, division, print_function, unicode_literals


class DagRun(object):
    """One run of a DAG, with the attributes Airflow's DagRun gives tasks."""

    def __init__(
        self,
        dag_id=None,
        run_id=None,
        execution_date=None,
        start_date=None,
        external_trigger=None,
        conf=None,
        state=None,
        run_type=None,
        data_interval=None,
    ):
        self.dag_id = dag_id
        self.run_id = run_id
        self.execution_date = execution_date
        self.start_date = start_date
        self.external_trigger = external_trigger
        self.conf = conf or {}
        self.state = state
        self.run_type = run_type
        self.data_interval_start, self.data_interval_end = data_interval or (None, None)

    @property
    def logical_date(self):
        return self.execution_date

    def __repr__(self):
        return "<DagRun %s @ %s: %s, state:%s, queued_at: None. externally triggered: %s>" % (
            self.dag_id,
            self.execution_date,
            self.run_id,
            self.state,
            self.external_trigger,
        )
