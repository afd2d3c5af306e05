"""TaskInstance: the ``ti`` a running task receives (VORTEX keeps the task instances themselves)."""
from __future__ import absolute_import, division, print_function, unicode_literals

import json
import logging
from collections import OrderedDict

from airflow._vortex.compat import deepcopy_value, py_repr, string_types
from airflow.models.xcom import XCOM_RETURN_KEY, XCom


class TaskInstance(object):
    """One try of a task in a DAG run: its XComs, and what it tells VORTEX's scheduler.

    ``_vortex_run_xcoms`` holds the XComs the run's other task instances pushed before this one
    (``{"task_id", "map_index", "key", "value"}``, oldest first); ``xcom_push`` adds to this task
    instance's own, and ``xcom_pull`` reads both, the most recent push first as Airflow does. Operators
    record the branch to follow, a short circuit, or the bash command to run in the other
    ``_vortex_`` attributes.
    """

    def __init__(self, task, execution_date=None, run_id=None, state=None, map_index=-1):
        self.task = task
        self.task_id = task.task_id
        self.dag_id = task.dag_id
        self.run_id = run_id
        self.execution_date = execution_date
        self.state = state
        self.map_index = map_index
        self.try_number = 0
        self.max_tries = task.retries
        self.operator = task.task_type
        self.dag_run = None
        self._vortex_run_xcoms = []
        self._vortex_pushed = OrderedDict()
        self._vortex_follow = None
        self._vortex_short_circuit = None
        self._vortex_bash_command = None

    @property
    def log(self):
        return logging.getLogger("airflow.task")

    def get_dagrun(self, session=None):
        return self.dag_run

    def xcom_push(self, key, value, execution_date=None, session=None):
        """Push an XCom; a second push of one key replaces the first, which Airflow deletes."""
        if not key:
            raise ValueError("XCom key must be a non-empty string. Received: %s" % py_repr(key))
        stored = json.loads(XCom.serialize_value(value))
        self._vortex_pushed.pop(key, None)
        self._vortex_pushed[key] = stored

    @property
    def pushed_xcoms(self):
        """``[{"key", "value"}]`` in push order: what the run_task answer reports."""
        return [OrderedDict([("key", key), ("value", value)]) for key, value in self._vortex_pushed.items()]

    def xcom_pull(
        self,
        task_ids=None,
        dag_id=None,
        key=XCOM_RETURN_KEY,
        include_prior_dates=False,
        session=None,
        map_indexes=None,
        default=None,
    ):
        """Airflow 2's pull over this DAG run's XComs (another DAG's, or earlier runs', are not available).

        One task id (or None, any task) and at most one map index: the most recent matching value, else
        ``default`` (all map indexes of a mapped task, as a list, when no map index is given). Several
        task ids or map indexes: the found values, ordered as the ids and indexes were given.
        """
        one_task = task_ids is None or isinstance(task_ids, string_types)
        several_map_indexes = map_indexes is not None and hasattr(map_indexes, "__iter__")
        wanted_task_ids = _wanted(task_ids)
        wanted_map_indexes = _wanted(map_indexes)
        found = [
            (task_id, map_index, value)
            for task_id, map_index, xcom_key, value in self._xcom_records(dag_id)
            if xcom_key == key and _matches(task_id, wanted_task_ids) and _matches(map_index, wanted_map_indexes)
        ]
        if one_task and not several_map_indexes:
            if not found:
                return default
            _, latest_map_index, latest_value = found[-1]
            if map_indexes is not None or latest_map_index < 0:
                return deepcopy_value(latest_value)

        def ordering(record):
            task_id, map_index, _ = record
            task_rank = task_id if task_ids is None else wanted_task_ids.index(task_id)
            map_rank = wanted_map_indexes.index(map_index) if several_map_indexes else map_index
            return task_rank, map_rank

        return [deepcopy_value(value) for _, _, value in sorted(found, key=ordering)]

    def _xcom_records(self, dag_id):
        """(task_id, map_index, key, value) of the run's XComs, oldest first; this task instance's
        earlier XComs are left out, as Airflow clears them when a try starts."""
        if dag_id is not None and dag_id != self.dag_id:
            return []
        records = [
            (xcom["task_id"], xcom.get("map_index", -1), xcom["key"], xcom.get("value"))
            for xcom in self._vortex_run_xcoms
            if (xcom["task_id"], xcom.get("map_index", -1)) != (self.task_id, self.map_index)
        ]
        records.extend((self.task_id, self.map_index, key, value) for key, value in self._vortex_pushed.items())
        return records

    def __repr__(self):
        map_part = " map_index=%d" % self.map_index if self.map_index >= 0 else ""
        return "<TaskInstance: %s.%s %s%s [%s]>" % (self.dag_id, self.task_id, self.run_id, map_part, self.state)


def _wanted(ids):
    """None (any), or the list of wanted task ids or map indexes: one, or an iterable of them."""
    if ids is None:
        return None
    if isinstance(ids, string_types) or not hasattr(ids, "__iter__"):
        return [ids]
    return list(ids)


def _matches(value, wanted):
    return wanted is None or value in wanted
