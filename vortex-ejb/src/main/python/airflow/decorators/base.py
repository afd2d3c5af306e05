"""TaskFlow machinery: ``@task`` functions become DecoratedOperators, their calls XComArgs."""
from __future__ import absolute_import, division, print_function, unicode_literals

import copy
import re

from airflow._vortex.compat import Mapping, PY2, Signature, py_repr
from airflow.models.baseoperator import (
    BASE_OPERATOR_ARGUMENTS,
    BaseOperator,
    coerce_timedelta,
    get_merged_defaults,
    parse_retries,
)
from airflow.models.dag import DagContext
from airflow.models.mappedoperator import (
    MappedOperator,
    ensure_xcomarg_return_value,
    is_mappable,
    prevent_duplicates,
    validate_expand_kwargs,
)
from airflow.models.pool import Pool
from airflow.models.xcom import multiple_outputs_items
from airflow.models.xcom_arg import XComArg
from airflow.utils import timezone
from airflow.utils.context import KNOWN_CONTEXT_KEYS
from airflow.utils.task_group import TaskGroupContext
from airflow.utils.trigger_rule import TriggerRule
from airflow.utils.types import NOTSET


def get_unique_task_id(task_id, dag=None, task_group=None):
    """``task``, then ``task__1``, ``task__2``... when a @task function is called again."""
    dag = dag or DagContext.get_current_dag()
    if not dag:
        return task_id
    task_group = task_group or TaskGroupContext.get_current_task_group(dag)
    tg_task_id = task_group.child_id(task_id) if task_group else task_id
    if tg_task_id not in dag.task_ids:
        return task_id
    prefix = re.split(r"__\d+$", tg_task_id)[0]
    suffixes = [0]
    for existing in dag.task_ids:
        match = re.match(r"^%s__(\d+)$" % re.escape(prefix), existing)
        if match:
            suffixes.append(int(match.group(1)))
    core = re.split(r"__\d+$", task_id)[0]
    return "%s__%d" % (core, max(suffixes) + 1)


def _callable_signature(python_callable):
    try:
        return Signature(python_callable)
    except TypeError:
        return None


class DecoratedOperator(BaseOperator):
    """The operator a ``@task`` call creates; checks the call against the function's signature."""

    template_fields = ("op_args", "op_kwargs")
    template_fields_renderers = {"op_args": "py", "op_kwargs": "py"}
    shallow_copy_attrs = ("python_callable",)

    def __init__(self, python_callable, task_id, op_args=None, op_kwargs=None, kwargs_to_upstream=None, **kwargs):
        task_id = get_unique_task_id(task_id, kwargs.get("dag"), kwargs.get("task_group"))
        self.python_callable = python_callable
        kwargs_to_upstream = kwargs_to_upstream or {}
        op_args = op_args or []
        op_kwargs = op_kwargs or {}
        signature = _callable_signature(python_callable)
        if signature is not None:
            # Context variables are filled in at run time, so they count as optional here.
            signature.check_call(
                op_args,
                op_kwargs,
                partial=bool(kwargs.get("_airflow_mapped_validation_only")),
                optional=KNOWN_CONTEXT_KEYS,
            )
        self.op_args = op_args
        self.op_kwargs = op_kwargs
        kwargs.update(kwargs_to_upstream)
        super(DecoratedOperator, self).__init__(task_id=task_id, **kwargs)

    def execute(self, context):
        return_value = super(DecoratedOperator, self).execute(context)
        return self._handle_output(return_value=return_value, context=context, xcom_push=self.xcom_push)

    def _handle_output(self, return_value, context, xcom_push):
        """With multiple_outputs, each key of the returned dict is pushed as an XCom of its own."""
        if not self.multiple_outputs or return_value is None:
            return return_value
        for key, value in multiple_outputs_items(return_value):
            xcom_push(context, key, value)
        return return_value


def _infer_multiple_outputs(function):
    """A return annotation that is a Mapping type means ``multiple_outputs=True``, as in Airflow."""
    annotations = getattr(function, "__annotations__", None) or {}
    if PY2 or "return" not in annotations:
        return False
    import typing

    def fake():
        pass

    fake.__annotations__ = {"return": annotations["return"]}
    try:
        return_type = typing.get_type_hints(fake, getattr(function, "__globals__", {})).get("return")
    except Exception:
        return False
    ttype = getattr(return_type, "__origin__", return_type)
    return isinstance(ttype, type) and issubclass(ttype, Mapping)


class _TaskDecorator(object):
    """What ``@task`` returns: call it to add a task, or partial()/expand() it to map.

    ``@setup`` / ``@teardown`` set the three flags below; ``override()`` and ``partial()`` keep them.
    """

    is_setup = False
    is_teardown = False
    on_failure_fail_dagrun = False

    def __init__(self, function, operator_class, multiple_outputs=NOTSET, kwargs=None, decorator_name="task"):
        signature = _callable_signature(function)
        if signature is not None and "self" in signature.names:
            raise TypeError("@%s does not support methods" % decorator_name)
        self.function = function
        self.operator_class = operator_class
        self.decorator_name = decorator_name
        self.kwargs = dict(kwargs or {})
        self.kwargs.setdefault("task_id", function.__name__)
        self.multiple_outputs = _infer_multiple_outputs(function) if multiple_outputs is NOTSET else multiple_outputs
        self.__name__ = function.__name__
        self.__doc__ = function.__doc__
        self.__wrapped__ = function

    def _evolve(self, kwargs):
        clone = copy.copy(self)
        clone.kwargs = kwargs
        return clone

    def _teardown_trigger_rule(self):
        """A teardown runs with ``all_done_setup_success``. As in Airflow the rule is written into the
        decorator's own kwargs, so calling the same ``@teardown`` function twice without
        ``.override()`` fails the second time."""
        if self.is_teardown:
            if "trigger_rule" in self.kwargs:
                raise ValueError("Trigger rule not configurable for teardown tasks.")
            self.kwargs.update(trigger_rule=TriggerRule.ALL_DONE_SETUP_SUCCESS)

    def __call__(self, *args, **kwargs):
        self._teardown_trigger_rule()
        on_failure_fail_dagrun = self.kwargs.pop("on_failure_fail_dagrun", self.on_failure_fail_dagrun)
        op = self.operator_class(
            python_callable=self.function,
            op_args=args,
            op_kwargs=kwargs,
            multiple_outputs=self.multiple_outputs,
            **self.kwargs
        )
        op.is_setup = self.is_setup
        op.is_teardown = self.is_teardown
        op.on_failure_fail_dagrun = on_failure_fail_dagrun
        if self.function.__doc__ and not any([op.doc, op.doc_json, op.doc_md, op.doc_rst, op.doc_yaml]):
            op.doc_md = self.function.__doc__
        return XComArg(op)

    def override(self, **kwargs):
        merged = dict(self.kwargs)
        merged.update(kwargs)
        return self._evolve(merged)

    def _validate_arg_names(self, func, kwargs):
        shadowed = sorted(KNOWN_CONTEXT_KEYS.intersection(kwargs))
        if len(shadowed) == 1:
            raise ValueError("cannot call %s() on task context variable %s" % (func, py_repr(shadowed[0])))
        if shadowed:
            raise ValueError(
                "cannot call %s() on task context variables %s" % (func, ", ".join(py_repr(n) for n in shadowed))
            )
        signature = _callable_signature(self.function)
        names = signature.names if signature is not None else list(kwargs)
        kwargs_left = dict(kwargs)
        for name in names:
            value = kwargs_left.pop(name, NOTSET)
            if func == "expand" and value is not NOTSET and not is_mappable(value):
                raise ValueError(
                    "expand() got an unexpected type %s for keyword argument %s"
                    % (py_repr(type(value).__name__), py_repr(name))
                )
        if signature is not None and signature.var_keyword:
            return
        left = [n for n in kwargs if n in kwargs_left]
        if len(left) == 1:
            raise TypeError("%s() got an unexpected keyword argument %s" % (func, py_repr(left[0])))
        if left:
            raise TypeError("%s() got unexpected keyword arguments %s" % (func, ", ".join(py_repr(n) for n in left)))

    def partial(self, **kwargs):
        self._validate_arg_names("partial", kwargs)
        old_kwargs = self.kwargs.get("op_kwargs", {})
        prevent_duplicates(old_kwargs, kwargs, fail_reason="duplicate partial")
        kwargs.update(old_kwargs)
        merged = dict(self.kwargs)
        merged["op_kwargs"] = kwargs
        return self._evolve(merged)

    def expand(self, **map_kwargs):
        if self.kwargs.get("trigger_rule") == TriggerRule.ALWAYS and any(
            isinstance(expanded, XComArg) for expanded in map_kwargs.values()
        ):
            raise ValueError(
                "Task-generated mapping within a task using 'expand' is not allowed with trigger rule 'always'."
            )
        if not map_kwargs:
            raise TypeError("no arguments to expand against")
        self._validate_arg_names("expand", map_kwargs)
        prevent_duplicates(self.kwargs, map_kwargs, fail_reason="mapping already partial")
        self._teardown_trigger_rule()
        return self._expand(map_kwargs, None)

    def expand_kwargs(self, kwargs, strict=True):
        validate_expand_kwargs(kwargs)
        return self._expand({}, kwargs)

    def _expand(self, expand_input, expand_kwargs):
        from airflow.sensors.base import BaseSensorOperator

        ensure_xcomarg_return_value(expand_input if expand_kwargs is None else expand_kwargs)
        task_kwargs = dict(self.kwargs)
        # Airflow puts these three in partial_kwargs; here they become the mapped task's attributes.
        on_failure_fail_dagrun = task_kwargs.pop("on_failure_fail_dagrun", self.on_failure_fail_dagrun)
        dag = task_kwargs.pop("dag", None) or DagContext.get_current_dag()
        task_group = task_kwargs.pop("task_group", None) or TaskGroupContext.get_current_task_group(dag)
        default_args, partial_params = get_merged_defaults(
            dag=dag,
            task_group=task_group,
            task_params=task_kwargs.pop("params", None),
            task_default_args=task_kwargs.pop("default_args", None),
        )
        ignore = set(["default_args", "kwargs", "do_xcom_push", "multiple_outputs", "params", "task_concurrency"])
        partial_keys = BASE_OPERATOR_ARGUMENTS - ignore
        partial_kwargs = dict((k, v) for k, v in default_args.items() if k in partial_keys)
        partial_kwargs.update(task_kwargs)

        task_id = get_unique_task_id(partial_kwargs.pop("task_id"), dag, task_group)
        if task_group:
            task_id = task_group.child_id(task_id)

        if "task_concurrency" in partial_kwargs:
            raise TypeError("unexpected argument: task_concurrency")
        if partial_kwargs.get("wait_for_downstream"):
            partial_kwargs["depends_on_past"] = True
        start_date = timezone.convert_to_utc(partial_kwargs.pop("start_date", None))
        end_date = timezone.convert_to_utc(partial_kwargs.pop("end_date", None))
        if partial_kwargs.get("pool") is None:
            partial_kwargs["pool"] = Pool.DEFAULT_POOL_NAME
        partial_kwargs["retries"] = parse_retries(partial_kwargs.get("retries", 0))
        partial_kwargs["retry_delay"] = coerce_timedelta(partial_kwargs.get("retry_delay", 300), key="retry_delay")
        if partial_kwargs.get("max_retry_delay") is not None:
            partial_kwargs["max_retry_delay"] = coerce_timedelta(partial_kwargs["max_retry_delay"], key="max_retry_delay")
        partial_kwargs.setdefault("executor_config", {})
        partial_kwargs.setdefault("op_args", [])
        partial_kwargs.setdefault("op_kwargs", {})
        partial_kwargs["multiple_outputs"] = self.multiple_outputs

        operator = MappedOperator(
            operator_class=self.operator_class,
            expand_input=expand_input,
            expand_kwargs=expand_kwargs,
            partial_kwargs=partial_kwargs,
            task_id=task_id,
            params=partial_params,
            dag=dag,
            task_group=task_group,
            start_date=start_date,
            end_date=end_date,
            is_sensor=issubclass(self.operator_class, BaseSensorOperator),
        )
        operator.python_callable = self.function
        operator.is_setup = self.is_setup
        operator.is_teardown = self.is_teardown
        operator._on_failure_fail_dagrun = on_failure_fail_dagrun  # unchecked, as in partial_kwargs
        return XComArg(operator=operator)


def task_decorator_factory(python_callable=None, multiple_outputs=None, decorated_operator_class=None, **kwargs):
    """``@task`` and ``@task(...)`` for any DecoratedOperator subclass."""
    decorator_name = kwargs.pop("_decorator_name", "task")
    if multiple_outputs is None:
        multiple_outputs = NOTSET
    if python_callable:
        return _TaskDecorator(
            function=python_callable,
            operator_class=decorated_operator_class,
            multiple_outputs=multiple_outputs,
            kwargs=kwargs,
            decorator_name=decorator_name,
        )
    if python_callable is not None:
        raise TypeError("No args allowed while using @task, use kwargs instead")

    def decorator_factory(function):
        return _TaskDecorator(
            function=function,
            operator_class=decorated_operator_class,
            multiple_outputs=multiple_outputs,
            kwargs=kwargs,
            decorator_name=decorator_name,
        )

    return decorator_factory
