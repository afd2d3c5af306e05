"""SubDagOperator (deprecated in Airflow 2): runs another DAG, ``<parent dag_id>.<task_id>``, as one task.

The subdag is registered as a DAG of the file too, as Airflow's DagBag does (see vortex_dagparse).
"""
from __future__ import absolute_import, division, print_function, unicode_literals

import warnings

from airflow.exceptions import AirflowException, RemovedInAirflow3Warning
from airflow.models.dag import DagContext
from airflow.sensors.base import BaseSensorOperator
from airflow.utils.trigger_rule import StrEnum


class SkippedStatePropagationOptions(StrEnum):
    """Available options for skipped state propagation of subdag's tasks to parent dag tasks."""

    _order_ = "ALL_LEAVES ANY_LEAF"
    ALL_LEAVES = "all_leaves"
    ANY_LEAF = "any_leaf"


class SubDagOperator(BaseSensorOperator):
    """This class is deprecated, please use :class:`airflow.utils.task_group.TaskGroup`."""

    ui_color = "#555"
    ui_fgcolor = "#fff"

    def __init__(self, subdag, conf=None, propagate_skipped_state=None, **kwargs):
        # Airflow's ``session`` argument (``@provide_session``): there is no database while parsing.
        kwargs.pop("session", None)
        super(SubDagOperator, self).__init__(**kwargs)
        self.subdag = subdag
        self.conf = conf
        self.propagate_skipped_state = propagate_skipped_state
        self._validate_dag(kwargs)
        # Airflow also refuses a pool of one slot shared with the subdag's tasks; slot counts live
        # in the metadata database, which parsing does not read.
        warnings.warn(
            """This class is deprecated. Please use `airflow.utils.task_group.TaskGroup`.""",
            RemovedInAirflow3Warning,
            stacklevel=4,
        )

    def _validate_dag(self, kwargs):
        dag = kwargs.get("dag") or DagContext.get_current_dag()
        if not dag:
            raise AirflowException("Please pass in the `dag` param or call within a DAG context manager")
        if dag.dag_id + "." + kwargs["task_id"] != self.subdag.dag_id:
            raise AirflowException(
                "The subdag's dag_id should have the form '{parent_dag_id}.{this_task_id}'. "
                "Expected '%s.%s'; received '%s'." % (dag.dag_id, kwargs["task_id"], self.subdag.dag_id)
            )
