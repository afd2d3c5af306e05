"""Dynamic task mapping: ``Op.partial(...).expand(...)`` records one mapped task in the DAG."""
from __future__ import absolute_import, division, print_function, unicode_literals

from airflow._vortex.compat import Mapping, Sequence, py_repr
from airflow.exceptions import AirflowException
from airflow.models.abstractoperator import DEFAULT_OWNER, AbstractOperator
from airflow.models.xcom import XCOM_RETURN_KEY
from airflow.utils.trigger_rule import TriggerRule
from airflow.utils.types import NOTSET


def is_mappable(value):
    from airflow.models.xcom_arg import XComArg

    return isinstance(value, (dict, list, XComArg))


def validate_mapping_kwargs(op, func, value):
    """Reject names no ``__init__`` in the operator's MRO accepts, and unmappable expand values."""
    unknown_args = dict(value)
    order = list(value)
    for klass in op.mro():
        param_names = getattr(klass.__dict__.get("__init__"), "_vortex_param_names", None)
        if param_names is None:
            continue
        for name in param_names:
            arg = unknown_args.pop(name, NOTSET)
            if func != "expand" or arg is NOTSET or is_mappable(arg):
                continue
            raise ValueError(
                "%s.expand() got an unexpected type %s for keyword argument %s"
                % (op.__name__, py_repr(type(arg).__name__), name)
            )
        if not unknown_args:
            return
    names = [n for n in order if n in unknown_args]
    if len(names) == 1:
        error = "an unexpected keyword argument %s" % py_repr(names[0])
    else:
        error = "unexpected keyword arguments %s" % ", ".join(py_repr(n) for n in names)
    raise TypeError("%s.%s() got %s" % (op.__name__, func, error))


def prevent_duplicates(kwargs1, kwargs2, fail_reason):
    duplicated_keys = set(kwargs1).intersection(kwargs2)
    if not duplicated_keys:
        return
    if len(duplicated_keys) == 1:
        raise TypeError("%s argument: %s" % (fail_reason, duplicated_keys.pop()))
    raise TypeError("%s arguments: %s" % (fail_reason, ", ".join(sorted(duplicated_keys))))


def validate_expand_kwargs(kwargs):
    """What ``expand_kwargs`` accepts: an XComArg, or a list of dicts and XComArgs."""
    from airflow.models.xcom_arg import XComArg

    if isinstance(kwargs, Sequence):
        for item in kwargs:
            if not isinstance(item, (XComArg, Mapping)):
                raise TypeError("expected XComArg or list[dict], not %s" % type(kwargs).__name__)
    elif not isinstance(kwargs, XComArg):
        raise TypeError("expected XComArg or list[dict], not %s" % type(kwargs).__name__)


def ensure_xcomarg_return_value(arg):
    """Mapping over an XCom pushed under a custom key is an error in Airflow."""
    from airflow.models.xcom_arg import XComArg

    if isinstance(arg, XComArg):
        for operator, key in arg.iter_references():
            if key != XCOM_RETURN_KEY:
                raise ValueError("cannot map over XCom with custom key %s from %r" % (py_repr(key), operator))
    elif isinstance(arg, (list, tuple)):
        for value in arg:
            ensure_xcomarg_return_value(value)
    elif isinstance(arg, dict):
        for value in arg.values():
            ensure_xcomarg_return_value(value)


class OperatorPartial(object):
    """The result of ``Operator.partial(...)``; becomes a task only once expanded."""

    def __init__(self, operator_class, kwargs, params):
        self.operator_class = operator_class
        self.kwargs = kwargs
        self.params = params

    def __repr__(self):
        return "%s.partial(%s)" % (self.operator_class.__name__, ", ".join(sorted(self.kwargs)))

    def expand(self, **mapped_kwargs):
        if not mapped_kwargs:
            raise TypeError("no arguments to expand against")
        validate_mapping_kwargs(self.operator_class, "expand", mapped_kwargs)
        prevent_duplicates(self.kwargs, mapped_kwargs, fail_reason="unmappable or already specified")
        return self._expand(mapped_kwargs, None)

    def expand_kwargs(self, kwargs, strict=True):
        validate_expand_kwargs(kwargs)
        return self._expand({}, kwargs)

    def _expand(self, expand_input, expand_kwargs):
        from airflow.sensors.base import BaseSensorOperator

        ensure_xcomarg_return_value(expand_input if expand_kwargs is None else expand_kwargs)
        partial_kwargs = dict(self.kwargs)
        return MappedOperator(
            operator_class=self.operator_class,
            expand_input=expand_input,
            expand_kwargs=expand_kwargs,
            partial_kwargs=partial_kwargs,
            task_id=partial_kwargs.pop("task_id"),
            params=self.params,
            dag=partial_kwargs.pop("dag"),
            task_group=partial_kwargs.pop("task_group"),
            start_date=partial_kwargs.pop("start_date"),
            end_date=partial_kwargs.pop("end_date"),
            is_sensor=issubclass(self.operator_class, BaseSensorOperator),
        )


class MappedOperator(AbstractOperator):
    """A task expanded at run time into one instance per mapped value."""

    def __init__(
        self,
        operator_class,
        expand_input,
        expand_kwargs,
        partial_kwargs,
        task_id,
        params,
        dag,
        task_group,
        start_date,
        end_date,
        is_sensor=False,
    ):
        from airflow.models.xcom_arg import XComArg

        self.operator_class = operator_class
        self.expand_input = expand_input
        self.expand_kwargs = expand_kwargs
        self.partial_kwargs = partial_kwargs
        self.task_id = task_id
        self.params = params
        self.start_date = start_date
        self.end_date = end_date
        self.is_sensor = is_sensor
        self.template_fields = operator_class.template_fields
        self.template_ext = operator_class.template_ext
        self.ui_color = operator_class.ui_color
        self.ui_fgcolor = operator_class.ui_fgcolor
        self.task_module = operator_class.__module__
        self.task_type = operator_class.__name__
        self.operator_name = getattr(operator_class, "custom_operator_name", None) or operator_class.__name__
        self.upstream_task_ids = set()
        self.downstream_task_ids = set()
        self.task_group = None
        self._dag = None

        if task_group:
            task_group.add(self)
        if dag:
            dag.add_task(self)
        XComArg.apply_upstream_relationship(self, self.expand_input)
        XComArg.apply_upstream_relationship(self, self.expand_kwargs)
        for key, value in self.partial_kwargs.items():
            if key in self.template_fields:
                XComArg.apply_upstream_relationship(self, value)
        if self.partial_kwargs.get("sla") is not None:
            raise AirflowException(
                "SLAs are unsupported with mapped tasks. Please set `sla=None` for task %s." % py_repr(self.task_id)
            )

    @property
    def is_mapped(self):
        return True

    @property
    def dag(self):
        return self._dag

    @dag.setter
    def dag(self, dag):
        self._dag = dag

    def __getattr__(self, name):
        """Task attributes (owner, retries, pool...) come from the partial arguments."""
        if name.startswith("__") or name not in _PARTIAL_ATTRIBUTE_DEFAULTS:
            raise AttributeError(name)
        partial_kwargs = self.__dict__.get("partial_kwargs", {})
        return partial_kwargs.get(name, _PARTIAL_ATTRIBUTE_DEFAULTS[name])

    @property
    def mapped_argument_names(self):
        return sorted(self.expand_input)

    @property
    def trigger_rule(self):
        return self.partial_kwargs.get("trigger_rule", TriggerRule.ALL_SUCCESS)

    @trigger_rule.setter
    def trigger_rule(self, value):
        self.partial_kwargs["trigger_rule"] = value

    # Airflow keeps these in partial_kwargs and, unlike BaseOperator, does not check that a task is
    # not both; they are kept beside partial_kwargs here, so they never show as operator arguments.
    @property
    def is_setup(self):
        return self._is_setup

    @is_setup.setter
    def is_setup(self, value):
        self._is_setup = value

    @property
    def is_teardown(self):
        return self._is_teardown

    @is_teardown.setter
    def is_teardown(self, value):
        self._is_teardown = value


_PARTIAL_ATTRIBUTE_DEFAULTS = {
    "owner": DEFAULT_OWNER,
    "email": None,
    "email_on_retry": True,
    "email_on_failure": True,
    "retries": 0,
    "retry_delay": None,
    "retry_exponential_backoff": False,
    "max_retry_delay": None,
    "execution_timeout": None,
    "pool": "default_pool",
    "pool_slots": 1,
    "priority_weight": 1,
    "weight_rule": "downstream",
    "trigger_rule": TriggerRule.ALL_SUCCESS,
    "queue": "default",
    "sla": None,
    "depends_on_past": False,
    "wait_for_downstream": False,
    "doc": None,
    "doc_md": None,
    "doc_json": None,
    "doc_yaml": None,
    "doc_rst": None,
    "on_execute_callback": None,
    "on_failure_callback": None,
    "on_success_callback": None,
    "on_retry_callback": None,
    "on_skipped_callback": None,
    "max_active_tis_per_dag": None,
    "max_active_tis_per_dagrun": None,
    "executor_config": None,
    "do_xcom_push": True,
    "multiple_outputs": False,
    "map_index_template": None,
}
