"""``airflow.utils.context``: the task execution context (only ever filled when a task runs).

DAG files import ``Context`` for type hints and call ``get_current_context()`` inside task functions;
while VORTEX parses, no task runs, so asking for the context fails as it does outside a task in Airflow.
"""
from __future__ import absolute_import, division, print_function, unicode_literals

from airflow.exceptions import AirflowException

KNOWN_CONTEXT_KEYS = frozenset(
    [
        "conf", "conn", "dag", "dag_run", "data_interval_end", "data_interval_start", "ds", "ds_nodash",
        "execution_date", "expanded_ti_count", "exception", "inlets", "inlet_events", "logical_date", "macros",
        "map_index_template", "next_ds", "next_ds_nodash", "next_execution_date", "outlets", "outlet_events",
        "params", "prev_data_interval_start_success", "prev_data_interval_end_success", "prev_ds",
        "prev_ds_nodash", "prev_execution_date", "prev_execution_date_success", "prev_start_date_success",
        "prev_end_date_success", "reason", "run_id", "task", "task_instance", "task_instance_key_str",
        "test_mode", "templates_dict", "ti", "tomorrow_ds", "tomorrow_ds_nodash", "triggering_dataset_events",
        "ts", "ts_nodash", "ts_nodash_with_tz", "try_number", "var", "yesterday_ds", "yesterday_ds_nodash",
    ]
)


class Context(dict):
    """The mapping a running task receives (``context["ti"]``, ``context["logical_date"]``...)."""


def get_current_context():
    """The context of the running task; there is none while a DAG file is parsed."""
    raise AirflowException(
        "Current context was requested but no context was found! Are you running within an airflow task?"
    )
