"""Build DAGs from a dag_factory spec (YAML/JSON turned into JSON by VORTEX); see docs/dag-factory.md."""
from __future__ import absolute_import, division, print_function, unicode_literals

import importlib
import re
from collections import OrderedDict
from datetime import timedelta

from airflow._vortex.compat import Mapping, string_types
from airflow.exceptions import AirflowException
from airflow.models.baseoperator import BaseOperator
from airflow.models.dag import DAG
from airflow.models.param import Param
from airflow.utils import timezone
from airflow.utils.task_group import TaskGroup

OPERATORS = {
    "BashOperator": "airflow.operators.bash.BashOperator",
    "PythonOperator": "airflow.operators.python.PythonOperator",
    "BranchPythonOperator": "airflow.operators.python.BranchPythonOperator",
    "ShortCircuitOperator": "airflow.operators.python.ShortCircuitOperator",
    "EmptyOperator": "airflow.operators.empty.EmptyOperator",
    "DummyOperator": "airflow.operators.empty.EmptyOperator",
    "TriggerDagRunOperator": "airflow.operators.trigger_dagrun.TriggerDagRunOperator",
    "FileSensor": "airflow.sensors.filesystem.FileSensor",
    "ExternalTaskSensor": "airflow.sensors.external_task.ExternalTaskSensor",
    "ExternalTaskMarker": "airflow.sensors.external_task.ExternalTaskMarker",
    "TimeDeltaSensor": "airflow.sensors.time_delta.TimeDeltaSensor",
    "PythonSensor": "airflow.sensors.python.PythonSensor",
    "BashSensor": "airflow.sensors.bash.BashSensor",
    "HttpSensor": "airflow.providers.http.sensors.http.HttpSensor",
    "HttpOperator": "airflow.providers.http.operators.http.HttpOperator",
    "SqlSensor": "airflow.providers.common.sql.sensors.sql.SqlSensor",
}
DURATION_KEYS = frozenset(
    ["retry_delay", "max_retry_delay", "execution_timeout", "sla", "dagrun_timeout", "timeout", "poke_interval",
     "execution_delta", "delta", "max_wait"]
)
DATE_KEYS = frozenset(["start_date", "end_date"])
CALLABLE_KEYS = frozenset(
    ["python_callable", "on_execute_callback", "on_failure_callback", "on_success_callback", "on_retry_callback",
     "on_skipped_callback", "sla_miss_callback", "response_check"]
)
_TASK_KEYS = frozenset(["operator", "dependencies", "upstream", "downstream", "task_group", "task_id"])
_DURATION_PART = re.compile(r"(\d+(?:\.\d+)?)\s*(ms|w|d|h|m|s)")
_DURATION_UNITS = {"ms": 0.001, "s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}


class DagFactoryError(AirflowException):
    """The spec cannot be turned into DAGs (unknown operator, unknown upstream, bad value)."""


class LazyCallable(object):
    """A ``module:function`` reference, imported only when a task calls it; named like the function."""

    def __init__(self, reference):
        module, _, name = reference.partition(":")
        if not module or not name:
            raise DagFactoryError("Callable %r must be written as 'module:function'" % reference)
        self.__module__ = module
        self.__name__ = name
        self.__qualname__ = name

    def __call__(self, *args, **kwargs):
        target = importlib.import_module(self.__module__)
        for part in self.__name__.split("."):
            target = getattr(target, part)
        return target(*args, **kwargs)

    def __repr__(self):
        return "<callable %s:%s>" % (self.__module__, self.__name__)


def parse_duration(value, key):
    """Seconds as a number, or text such as ``300``, ``90s``, ``5m``, ``1h30m``, ``2d``."""
    if isinstance(value, timedelta) or value is None:
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return timedelta(seconds=value)
    if isinstance(value, string_types):
        text = value.strip()
        if re.match(r"^\d+(\.\d+)?$", text):
            return timedelta(seconds=float(text))
        parts = _DURATION_PART.findall(text)
        if parts and _DURATION_PART.sub("", text).strip() == "":
            return timedelta(seconds=sum(float(n) * _DURATION_UNITS[u] for n, u in parts))
    raise DagFactoryError("%s: %r is not a duration (seconds, or text like '5m', '1h30m', '2d')" % (key, value))


def _is_duration_text(value):
    text = value.strip()
    return bool(_DURATION_PART.findall(text)) and _DURATION_PART.sub("", text).strip() == ""


def _zone(name):
    if not name:
        return None
    import pendulum

    return pendulum.timezone(name)


def _convert(key, value, zone):
    if key in DURATION_KEYS:
        return parse_duration(value, key)
    if key in DATE_KEYS and isinstance(value, string_types):
        try:
            return timezone.parse(value, timezone=zone)
        except ValueError:
            raise DagFactoryError("%s: %r is not an ISO-8601 date or datetime" % (key, value))
    if key in CALLABLE_KEYS and isinstance(value, string_types):
        return LazyCallable(value)
    if key in CALLABLE_KEYS and isinstance(value, list):
        return [LazyCallable(v) if isinstance(v, string_types) else v for v in value]
    return value


def _convert_all(mapping, zone):
    return dict((k, _convert(k, v, zone)) for k, v in mapping.items())


def _params(spec):
    params = {}
    for name, value in (spec or {}).items():
        if isinstance(value, Mapping) and "default" in value:
            declaration = dict(value)
            params[name] = Param(declaration.pop("default"), declaration.pop("description", None), **declaration)
        else:
            params[name] = value
    return params


def _merge(defaults, config):
    merged = dict(defaults)
    for key, value in config.items():
        if key == "default_args" and isinstance(merged.get(key), Mapping):
            args = dict(merged[key])
            args.update(value or {})
            merged[key] = args
        else:
            merged[key] = value
    return merged


def dag_configs(spec):
    """``(dag_id, config)`` pairs from any of the accepted top-level shapes."""
    if not isinstance(spec, Mapping):
        raise DagFactoryError("A dag_factory spec must be a mapping, not %s" % type(spec).__name__)
    if "dags" in spec:
        defaults = spec.get("default", {})
        dags = spec["dags"]
        if isinstance(dags, Mapping):
            return [(dag_id, _merge(defaults, config or {})) for dag_id, config in dags.items()]
        if isinstance(dags, list):
            return [(config.get("dag_id"), _merge(defaults, config)) for config in dags]
        raise DagFactoryError("'dags' must be a mapping of dag_id to DAG or a list of DAGs")
    if "dag_id" in spec:
        return [(spec["dag_id"], spec)]
    defaults = spec.get("default", {})
    configs = [(k, v) for k, v in spec.items() if k != "default"]
    if configs and all(isinstance(v, Mapping) and "tasks" in v for _, v in configs):
        return [(dag_id, _merge(defaults, config)) for dag_id, config in configs]
    raise DagFactoryError("A dag_factory spec needs 'dag_id', or 'dags', or dag ids mapped to DAGs with 'tasks'")


def resolve_operator(name, task_id, dag_id):
    path = OPERATORS.get(name, name)
    module_name, _, class_name = path.replace(":", ".").rpartition(".")
    operator_class = None
    if module_name:
        try:
            operator_class = getattr(importlib.import_module(module_name), class_name, None)
        except ImportError:
            operator_class = None
    if not (isinstance(operator_class, type) and issubclass(operator_class, BaseOperator)):
        raise DagFactoryError(
            "Unknown operator '%s' for task '%s' in DAG '%s'; use one of %s or a full 'module.Class' path"
            % (name, task_id, dag_id, ", ".join(sorted(OPERATORS)))
        )
    return operator_class


def _as_list(value):
    if value is None:
        return []
    return [value] if isinstance(value, string_types) else list(value)


def _task_specs(tasks):
    if isinstance(tasks, Mapping):
        return list(tasks.items())
    if isinstance(tasks, list):
        return [(t.get("task_id"), t) for t in tasks]
    raise DagFactoryError("'tasks' must be a mapping of task_id to task or a list of tasks")


def _build_groups(dag, group_specs, zone):
    """TaskGroups in spec order, each after its parent_group."""
    groups = {}
    pending = OrderedDict(group_specs or {})
    while pending:
        ready = [g for g, c in pending.items() if (c or {}).get("parent_group") in groups or not (c or {}).get("parent_group")]
        if not ready:
            names = ", ".join(sorted(pending))
            raise DagFactoryError("Task groups %s name an unknown (or circular) parent_group" % names)
        for group_id in ready:
            config = dict(pending.pop(group_id) or {})
            parent_id = config.pop("parent_group", None)
            if "default_args" in config:
                config["default_args"] = _convert_all(config["default_args"] or {}, zone)
            groups[group_id] = TaskGroup(group_id=group_id, dag=dag, parent_group=groups.get(parent_id), **config)
    return groups


def build_dag(dag_id, config, path):
    config = dict(config)
    config.pop("dag_id", None)
    tasks = config.pop("tasks", {})
    group_specs = config.pop("task_groups", {})
    zone = _zone(config.pop("timezone", None))
    if "default_args" in config:
        config["default_args"] = _convert_all(config["default_args"] or {}, zone)
    if "params" in config:
        config["params"] = _params(config["params"])
    schedule = config.get("schedule")
    if isinstance(schedule, string_types) and not schedule.startswith("@") and _is_duration_text(schedule):
        config["schedule"] = parse_duration(schedule, "schedule")
    config = _convert_all(config, zone)

    dag = DAG(dag_id, **config)
    dag.fileloc = path
    groups = _build_groups(dag, group_specs, zone)
    created = {}
    relations = []
    for task_id, task_spec in _task_specs(tasks):
        task_spec = dict(task_spec or {})
        if "operator" not in task_spec:
            raise DagFactoryError("Task '%s' in DAG '%s' has no 'operator'" % (task_id, dag_id))
        operator_class = resolve_operator(task_spec["operator"], task_id, dag_id)
        group_id = task_spec.get("task_group")
        if group_id is not None and group_id not in groups:
            raise DagFactoryError("Task '%s' in DAG '%s' names unknown task_group '%s'" % (task_id, dag_id, group_id))
        kwargs = _convert_all(dict((k, v) for k, v in task_spec.items() if k not in _TASK_KEYS), zone)
        created[task_id] = operator_class(task_id=task_id, dag=dag, task_group=groups.get(group_id), **kwargs)
        for upstream_id in _as_list(task_spec.get("dependencies")) + _as_list(task_spec.get("upstream")):
            relations.append((upstream_id, task_id, task_id))
        for downstream_id in _as_list(task_spec.get("downstream")):
            relations.append((task_id, downstream_id, task_id))

    def node(node_id, referenced_by):
        if node_id in created:
            return created[node_id]
        if node_id in groups:
            return groups[node_id]
        if node_id in dag.task_dict:
            return dag.task_dict[node_id]
        raise DagFactoryError(
            "Task '%s' in DAG '%s' depends on unknown task '%s'" % (referenced_by, dag_id, node_id)
        )

    for upstream_id, downstream_id, referenced_by in relations:
        node(upstream_id, referenced_by) >> node(downstream_id, referenced_by)
    return dag


def build_dags(spec, path):
    return [build_dag(dag_id, config, path) for dag_id, config in dag_configs(spec)]
