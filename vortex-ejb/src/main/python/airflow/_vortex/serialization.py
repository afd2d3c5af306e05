"""Turn DAG objects into the JSON VORTEX stores (format: docs/dag-serialization.md).

Plain dicts, not OrderedDict: JSON objects have no order, and Jython's pure-Python OrderedDict
made serialization the slowest step of a parse.
"""
from __future__ import absolute_import, division, print_function, unicode_literals

import codecs
import datetime as dt
import math

from airflow._vortex.compat import Mapping, PY2, callable_name, integer_types, py_repr, string_types, text_type
from airflow.datasets import BaseDataset
from airflow.models.abstractoperator import AbstractOperator
from airflow.models.baseoperator import BASE_OPERATOR_ARGUMENTS, BaseOperator
from airflow.models.dag import DAG
from airflow.models.param import DagParam, Param, ParamsDict
from airflow.models.xcom_arg import PlainXComArg, XComArg
from airflow.sensors.base import BaseSensorOperator
from airflow.utils.task_group import TaskGroup
from airflow.utils.timezone import is_named_zone, timezone_name, utc, zone_label
from airflow.utils.trigger_rule import TriggerRule
from airflow.utils.types import ArgNotSet
from airflow.utils.weight_rule import WeightRule

TASK_CALLBACKS = (
    "on_execute_callback",
    "on_failure_callback",
    "on_success_callback",
    "on_retry_callback",
    "on_skipped_callback",
)
DAG_CALLBACKS = ("on_success_callback", "on_failure_callback", "sla_miss_callback")
SENSOR_ARGUMENTS = ("poke_interval", "timeout", "soft_fail", "mode", "exponential_backoff", "max_wait", "silent_fail", "never_fail")
# Constructor parameters that are plumbing, not operator configuration.
_INTERNAL_ARGUMENTS = frozenset(["self", "kwargs", "kwargs_to_upstream", "task_id", "multiple_outputs"])
_MAX_DEPTH = 32
# Exact types encode() returns unchanged (a str subclass such as TriggerRule becomes a plain str).
_AS_IS_TYPES = frozenset([type(None), bool, text_type] + list(integer_types))
_TEXT_ENUM_TYPES = frozenset([TriggerRule, WeightRule])
_TIMEDELTA = dt.timedelta
_KNOWN_DATES_LIMIT = 8


def iso_datetime(value):
    """ISO-8601 in UTC with its offset; naive values are UTC (Airflow's default timezone)."""
    if type(value) is dt.datetime and value.tzinfo is utc:
        # Already UTC: formatted directly, as isoformat() would (datetime is pure Python, and slow, on Jython).
        text = "%04d-%02d-%02dT%02d:%02d:%02d" % (
            value.year, value.month, value.day, value.hour, value.minute, value.second
        )
        if value.microsecond:
            text += ".%06d" % value.microsecond
        return text + "+00:00"
    offset = value.utcoffset()
    if offset is None:
        value = value.replace(tzinfo=utc)
        offset = value.utcoffset()
    return (value.replace(tzinfo=None) - offset).isoformat() + "+00:00"


def encode(value, depth=0):
    """Any argument value as JSON: plain data as is, timedeltas as seconds, the rest by name or repr."""
    if depth > _MAX_DEPTH:
        return py_repr(value)
    # Jython: the common exact types are answered before the isinstance chain, whose ABC checks
    # (ParamsDict, Mapping) are slow there; each shortcut gives what the chain below would.
    kind = type(value)
    if kind in _AS_IS_TYPES:
        return value
    if kind is dict:
        return _encode_dict(value, depth)
    if kind is list or kind is tuple:
        return [encode(v, depth + 1) for v in value]
    if kind is _TIMEDELTA:
        return value.total_seconds()
    if kind in _TEXT_ENUM_TYPES:
        return value._value_  # text_type(value), without running the enum's Python-level __str__
    if kind is ParamsDict:
        return _encode_params(value, depth)
    if PY2 and kind is str:
        # value.decode("utf-8", "replace") without the codec registry and its Python wrapper.
        return codecs.utf_8_decode(value, "replace", True)[0]
    return _encode_by_class(value, depth)


def _encode_by_class(value, depth):
    """encode() for the less common types, tested class by class (kept apart so encode() stays small)."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, string_types):
        if PY2 and isinstance(value, str):
            return value.decode("utf-8", "replace")
        return text_type(value)
    if isinstance(value, integer_types):
        return value
    if isinstance(value, float):
        return value if not (math.isnan(value) or math.isinf(value)) else repr(value)
    if isinstance(value, dt.timedelta):
        return value.total_seconds()
    if isinstance(value, dt.datetime):
        return iso_datetime(value)
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, XComArg):
        return encode_xcom_arg(value)
    if isinstance(value, DagParam):
        return {"dag_param": value._name}
    if isinstance(value, Param):
        return encode_param(value, depth)
    if isinstance(value, ParamsDict):
        return _encode_params(value, depth)
    if isinstance(value, Mapping):
        return _encode_dict(value, depth)
    if isinstance(value, (list, tuple)):
        return [encode(v, depth + 1) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted((encode(v, depth + 1) for v in value), key=lambda v: py_repr(v))
    if isinstance(value, DAG):
        return value.dag_id
    if isinstance(value, AbstractOperator):
        return value.task_id
    if isinstance(value, TaskGroup):
        return value.group_id
    if callable(value):
        return callable_name(value)
    return py_repr(value)


def _encode_params(params, depth):
    result = {}
    for name, param in params.items():
        result[name] = encode_param(param, depth)
    return result


def _encode_dict(value, depth):
    result = {}
    for k, v in value.items():
        result[_key(k)] = encode(v, depth + 1)
    return result


def _key(key):
    if type(key) is text_type:
        return key
    return encode(key) if isinstance(key, string_types) else py_repr(key)


def encode_xcom_arg(arg):
    if isinstance(arg, PlainXComArg):
        return {"xcom_arg": dict([("task_id", arg.operator.task_id), ("key", arg.key)])}
    references = [dict([("task_id", op.task_id), ("key", key)]) for op, key in arg.iter_references()]
    return {"xcom_arg": dict([("kind", type(arg).__name__), ("references", references), ("repr", repr(arg))])}


def encode_param(param, depth=0):
    has_value = not isinstance(param.value, ArgNotSet)
    return dict(
        [
            ("value", encode(param.value, depth + 1) if has_value else None),
            ("has_value", has_value),
            ("description", param.description),
            ("schema", encode(param.schema, depth + 1)),
        ]
    )


def _date_fields(name, value, known_dates=None):
    """``name`` as ISO UTC, plus ``name_timezone`` when the date was given in a region zone."""
    text, zone = _formatted_date(value, known_dates)
    fields = [(name, text)]
    if zone is not None:
        fields.append((name + "_timezone", zone))
    return fields


def _add_date_fields(fields, name, value, known_dates):
    """_date_fields() written into the ``fields`` dict."""
    text, zone = _formatted_date(value, known_dates)
    fields[name] = text
    if zone is not None:
        fields[name + "_timezone"] = zone


def _formatted_date(value, known_dates):
    """(ISO text, region zone name or None) of a date.

    Tasks usually share their DAG's date objects and datetime is pure Python on Jython, so
    ``known_dates`` (a short list of (date, result), one per serialized DAG) formats each object
    once; it is searched by identity, as id() is slow on Jython.
    """
    if value is None:
        return None, None
    if known_dates is not None:
        for known_value, known_result in known_dates:
            if known_value is value:
                return known_result
    if isinstance(value, dt.datetime):
        result = (iso_datetime(value), timezone_name(value.tzinfo) if is_named_zone(value.tzinfo) else None)
    else:
        result = (encode(value), None)
    if known_dates is not None and len(known_dates) < _KNOWN_DATES_LIMIT:
        known_dates.append((value, result))
    return result


def _callbacks(owner, names):
    result = dict()
    for name in names:
        value = getattr(owner, name, None)
        if value:
            result[name] = encode(value)
    return result


def _lineage(task, name, is_mapped):
    """A task's inlets or outlets: datasets and aliases as in a schedule condition, the rest encoded."""
    items = task.partial_kwargs.get(name) if is_mapped else getattr(task, name)
    if not items:
        return []
    if not isinstance(items, (list, tuple)):
        items = [items]
    encoded = []
    for item in items:
        if isinstance(item, BaseDataset):
            entry = item.as_condition()
            if getattr(item, "extra", None):
                entry["extra"] = encode(item.extra)
            encoded.append(entry)
        else:
            encoded.append(encode(item))
    return encoded


def serialize_dag(dag, is_dynamic):
    known_dates = []
    fields = [
        ("dag_id", dag.dag_id),
        ("fileloc", dag.fileloc),
        ("description", dag.description),
        ("doc_md", encode(dag.doc_md)),
        ("schedule", encode(dag.timetable.serialize_schedule())),
        ("timezone", zone_label(dag.timezone)),
    ]
    fields.extend(_date_fields("start_date", dag.start_date, known_dates))
    fields.extend(_date_fields("end_date", dag.end_date, known_dates))
    fields.extend(
        [
            ("catchup", dag.catchup),
            ("max_active_runs", dag.max_active_runs),
            ("max_active_tasks", dag.max_active_tasks),
            ("max_consecutive_failed_dag_runs", dag.max_consecutive_failed_dag_runs),
            ("dagrun_timeout", encode(dag.dagrun_timeout)),
            ("tags", encode(list(dag.tags))),
            ("owners", sorted(set(t.owner for t in dag.tasks))),
            ("params", encode(dag.params)),
            ("default_args", encode(dag.default_args)),
            ("callbacks", _callbacks(dag, DAG_CALLBACKS)),
            ("is_dynamic", is_dynamic),
            ("render_template_as_native_obj", dag.render_template_as_native_obj),
            ("template_searchpath", encode(dag.template_searchpath)),
            ("user_defined_macros", sorted(dag.user_defined_macros or {})),
            ("user_defined_filters", sorted(dag.user_defined_filters or {})),
            ("is_paused_upon_creation", dag.is_paused_upon_creation),
            ("fail_stop", dag.fail_stop),
            ("default_view", dag.default_view),
            ("orientation", dag.orientation),
            ("access_control", encode(dag.access_control)),
            ("owner_links", encode(dag.owner_links)),
            ("dag_display_name", dag.dag_display_name),
            ("parent_dag_id", dag.parent_dag.dag_id if dag.parent_dag is not None else None),
            ("line", dag._vortex_line),
            ("task_groups", serialize_task_groups(dag)),
            ("tasks", [serialize_task(task, dag, known_dates) for task in dag.tasks]),
        ]
    )
    return dict(fields)


def serialize_task_groups(dag):
    groups = []

    def walk(group):
        for child in group.children.values():
            if isinstance(child, TaskGroup):
                parent = child.task_group
                groups.append(
                    dict(
                        [
                            ("group_id", child.group_id),
                            ("parent_group_id", None if parent is None or parent.is_root else parent.group_id),
                            ("prefix_group_id", child.prefix_group_id),
                            ("tooltip", child.tooltip),
                            ("ui_color", child.ui_color),
                            ("ui_fgcolor", child.ui_fgcolor),
                            ("is_mapped", bool(getattr(child, "is_mapped", False))),
                            ("default_args", encode(child.default_args)),
                            ("children", list(child.children)),
                        ]
                    )
                )
                walk(child)

    walk(dag.task_group)
    return groups


def _class_arguments(task):
    """Operator-specific constructor arguments: each ``__init__`` below BaseOperator, effective values."""
    arguments = dict()
    templated = set(task.template_fields)
    init_kwargs = task.init_kwargs
    state = task.__dict__
    for name, default in _argument_defaults(type(task)):
        if name in templated:
            continue
        if name in state:
            value = state[name]
        elif name in init_kwargs:
            value = init_kwargs[name]
        else:
            value = default
        arguments[name] = encode(value)
    return arguments


def _argument_defaults(operator_class):
    """(name, default) of each operator-specific ``__init__`` parameter, the nearest class's first.

    Cached on the class: walking the MRO and its signatures for every task was a visible part
    of a parse on Jython.
    """
    cached = operator_class.__dict__.get("_vortex_argument_defaults")
    if cached is None:
        cached = []
        seen = set()
        for klass in operator_class.__mro__:
            if klass in (BaseOperator, BaseSensorOperator):
                continue
            init = klass.__dict__.get("__init__")
            names = getattr(init, "_vortex_param_names", None)
            if names is None:
                continue
            for name in names:
                if name in seen or name in _INTERNAL_ARGUMENTS or name in BASE_OPERATOR_ARGUMENTS:
                    continue
                seen.add(name)
                cached.append((name, init._vortex_defaults.get(name)))
        cached = tuple(cached)
        setattr(operator_class, "_vortex_argument_defaults", cached)
    return cached


def _sensor_fields(source, is_sensor):
    if not is_sensor:
        return None
    defaults = {"poke_interval": 60.0, "timeout": 604800.0, "soft_fail": False, "mode": "poke",
                "exponential_backoff": False, "max_wait": None, "silent_fail": False, "never_fail": False}
    result = dict()
    for name in SENSOR_ARGUMENTS:
        value = source(name, defaults[name])
        if name in ("poke_interval", "timeout") and isinstance(value, dt.timedelta):
            value = value.total_seconds()
        result[name] = encode(value)
    return result


def serialize_task(task, dag, known_dates=None):
    is_mapped = task.is_mapped
    operator_class = task.operator_class
    group = task.task_group
    edges = dag.edge_info.get(task.task_id)
    edge_labels = dict(
        (down_id, info.get("label")) for down_id, info in sorted(edges.items()) if info.get("label") is not None
    ) if edges else {}
    # One dict display rather than a list of pairs turned into a dict: fewer steps on Jython.
    fields = {
        "task_id": task.task_id,
        "operator_name": task.operator_name,
        "task_type": task.task_type,
        "class_ref": {"module_path": operator_class.__module__, "class_name": operator_class.__name__},
        "task_group_id": None if group is None or group.is_root else group.group_id,
        "downstream_task_ids": sorted(task.downstream_task_ids),
        "upstream_task_ids": sorted(task.upstream_task_ids),
        "edge_labels": edge_labels,
        "owner": task.owner,
        "retries": task.retries,
        "retry_delay": encode(task.retry_delay),
        "retry_exponential_backoff": task.retry_exponential_backoff,
        "max_retry_delay": encode(task.max_retry_delay),
        "execution_timeout": encode(task.execution_timeout),
        "pool": task.pool,
        "pool_slots": task.pool_slots,
        "priority_weight": task.priority_weight,
        "weight_rule": encode(task.weight_rule),
        "trigger_rule": encode(task.trigger_rule),
        "is_setup": bool(task.is_setup),
        "is_teardown": bool(task.is_teardown),
        "queue": task.queue,
        "sla": encode(task.sla),
        "depends_on_past": task.depends_on_past,
        "wait_for_downstream": task.wait_for_downstream,
        "email": encode(task.email),
        "email_on_failure": task.email_on_failure,
        "email_on_retry": task.email_on_retry,
    }
    if fields["is_teardown"]:
        fields["on_failure_fail_dagrun"] = bool(task.on_failure_fail_dagrun)
    _add_date_fields(fields, "start_date", task.start_date, known_dates)
    _add_date_fields(fields, "end_date", task.end_date, known_dates)
    fields["doc_md"] = encode(task.doc_md)
    fields["doc"] = encode(task.doc)
    fields["params"] = encode(task.params)
    fields["max_active_tis_per_dag"] = task.max_active_tis_per_dag
    fields["max_active_tis_per_dagrun"] = task.max_active_tis_per_dagrun
    fields["do_xcom_push"] = task.do_xcom_push
    fields["multiple_outputs"] = task.multiple_outputs
    fields["executor_config"] = encode(task.executor_config)
    fields["task_display_name"] = task.task_display_name
    fields["inlets"] = _lineage(task, "inlets", is_mapped)
    fields["outlets"] = _lineage(task, "outlets", is_mapped)
    fields["template_fields"] = list(task.template_fields)
    if is_mapped:
        partial_kwargs = task.partial_kwargs
        templated = dict(
            (f, encode(partial_kwargs[f])) for f in task.template_fields if f in partial_kwargs and f not in task.expand_input
        )
        arguments = dict(
            (k, encode(v))
            for k, v in sorted(partial_kwargs.items())
            if k not in BASE_OPERATOR_ARGUMENTS and k not in task.template_fields and k not in _INTERNAL_ARGUMENTS
        )
        python_callable = getattr(task, "python_callable", None)
        if python_callable is not None:
            arguments["python_callable"] = encode(python_callable)
            partial = encode(partial_kwargs.get("op_kwargs", {}))
        else:
            partial = dict(
                (k, encode(v)) for k, v in sorted(partial_kwargs.items()) if k not in BASE_OPERATOR_ARGUMENTS
            )
        mapped = dict(
            [
                ("partial", partial),
                ("expand", encode(task.expand_input)),
                ("expand_kwargs", None if task.expand_kwargs is None else encode(task.expand_kwargs)),
            ]
        )
        sensor = _sensor_fields(lambda name, default: partial_kwargs.get(name, default), task.is_sensor)
        is_sensor = task.is_sensor
    else:
        templated = {}
        for field in task.template_fields:
            templated[field] = encode(getattr(task, field, None))
        arguments = _class_arguments(task)
        mapped = None
        is_sensor = isinstance(task, BaseSensorOperator)
        sensor = _sensor_fields(lambda name, default: getattr(task, name, default), is_sensor)
    fields["templated"] = templated
    fields["arguments"] = arguments
    fields["callbacks"] = _callbacks(task, TASK_CALLBACKS)
    fields["is_mapped"] = is_mapped
    fields["mapped"] = mapped
    fields["is_sensor"] = is_sensor
    fields["sensor"] = sensor
    fields["ui_color"] = task.ui_color
    fields["ui_fgcolor"] = task.ui_fgcolor
    return fields
