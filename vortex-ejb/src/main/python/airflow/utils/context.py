"""``airflow.utils.context``: the task execution context.

DAG files import ``Context`` for type hints and call ``get_current_context()`` inside task functions.
The context exists only while VORTEX runs a task (op run_task); while a file is parsed, asking for it
fails as it does outside a task in Airflow.
"""
from __future__ import absolute_import, division, print_function, unicode_literals

import contextlib

from airflow.exceptions import AirflowException, AirflowNotFoundException
from airflow.models.connection import Connection
from airflow.models.variable import Variable
from airflow.utils.types import NOTSET

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

# The contexts of the running tasks, innermost last (Airflow's _CURRENT_CONTEXT).
_CURRENT_CONTEXT = []


class Context(dict):
    """The mapping a running task receives (``context["ti"]``, ``context["logical_date"]``...)."""


def context_merge(context, *args, **kwargs):
    """Merge mappings and keyword values into the context, as ``dict.update`` does."""
    context.update(*args, **kwargs)


@contextlib.contextmanager
def set_current_context(context):
    """Make ``context`` what ``get_current_context()`` returns while the block runs."""
    _CURRENT_CONTEXT.append(context)
    try:
        yield context
    finally:
        _CURRENT_CONTEXT.pop()


def get_current_context():
    """The context of the running task; there is none while a DAG file is parsed."""
    if not _CURRENT_CONTEXT:
        raise AirflowException(
            "Current context was requested but no context was found! Are you running within an airflow task?"
        )
    return _CURRENT_CONTEXT[-1]


class VariableAccessor(object):
    """``context["var"]["value"]`` / ``["json"]``: ``var.value.name``, ``var.value["name"]``,
    ``var.value.get(name, default)``."""

    def __init__(self, deserialize_json):
        self._deserialize_json = deserialize_json

    def __eq__(self, other):
        # Airflow: every accessor reads the same variables.
        return isinstance(other, VariableAccessor)

    def __ne__(self, other):
        return not self == other

    __hash__ = object.__hash__

    def __getattr__(self, key):
        if key.startswith("__"):
            raise AttributeError(key)
        return self.get(key)

    def __getitem__(self, key):
        return self.get(key)

    def get(self, key, default=NOTSET):
        if default is NOTSET:
            return Variable.get(key, deserialize_json=self._deserialize_json)
        return Variable.get(key, default, deserialize_json=self._deserialize_json)


class ConnectionAccessor(object):
    """``context["conn"]``: ``conn.my_conn_id`` or ``conn.get("my_conn_id", default)``."""

    def __getattr__(self, key):
        if key.startswith("__"):
            raise AttributeError(key)
        return Connection.get_connection_from_secrets(key)

    def get(self, key, default_conn=None):
        try:
            return getattr(self, key)
        except AirflowNotFoundException:
            return default_conn
