"""BaseOperator: every task of a DAG; its metaclass applies ``default_args`` as Airflow does."""
from __future__ import absolute_import, division, print_function, unicode_literals

import copy
import logging
import warnings
from datetime import datetime, timedelta

from airflow._vortex.compat import (
    IMMUTABLE_TYPES,
    Sequence,
    Signature,
    is_mapping,
    py_repr,
    string_types,
    with_metaclass,
)
from airflow.exceptions import AirflowException, RemovedInAirflow3Warning
from airflow.models.abstractoperator import (
    DEFAULT_IGNORE_FIRST_DEPENDS_ON_PAST,
    DEFAULT_OWNER,
    DEFAULT_POOL_SLOTS,
    DEFAULT_PRIORITY_WEIGHT,
    DEFAULT_QUEUE,
    DEFAULT_RETRIES,
    DEFAULT_RETRY_DELAY,
    DEFAULT_TASK_EXECUTION_TIMEOUT,
    DEFAULT_TRIGGER_RULE,
    DEFAULT_WAIT_FOR_PAST_DEPENDS_BEFORE_SKIPPING,
    DEFAULT_WEIGHT_RULE,
    AbstractOperator,
)
from airflow.models.dag import DAG, DagContext
from airflow.models.param import ParamsDict
from airflow.models.pool import Pool
from airflow.models.taskmixin import DependencyMixin
from airflow.models.xcom import XCOM_RETURN_KEY
from airflow.models.xcom_arg import XComArg
from airflow.task.priority_strategy import validate_and_load_priority_weight_strategy
from airflow.utils import timezone
from airflow.utils.helpers import validate_key
from airflow.utils.setup_teardown import SetupTeardownContext
from airflow.utils.task_group import TaskGroupContext
from airflow.utils.trigger_rule import TriggerRule
from airflow.utils.types import NOTSET
from airflow.utils.weight_rule import WeightRule

logger = logging.getLogger("airflow.models.baseoperator.BaseOperator")


def parse_retries(retries):
    if retries is None or type(retries) == int:  # noqa: E721 - Airflow rejects bool here too
        return retries
    try:
        parsed_retries = int(retries)
    except (TypeError, ValueError):
        raise AirflowException("'retries' type must be int, not %s" % type(retries).__name__)
    logger.warning("Implicitly converting 'retries' from %r to int", retries)
    return parsed_retries


def coerce_timedelta(value, key):
    if isinstance(value, timedelta):
        return value
    return timedelta(seconds=value)


def _get_parent_defaults(dag, task_group):
    if not dag:
        return {}, ParamsDict()
    # Runs for every operator, twice; the copy module is slow on Jython, so common types skip it.
    dag_args = dag.default_args.copy() if type(dag.default_args) is dict else copy.copy(dag.default_args)
    dag_params = dag.params.__deepcopy__({}) if type(dag.params) is ParamsDict else copy.deepcopy(dag.params)
    if task_group:
        if task_group.default_args and not is_mapping(task_group.default_args):
            raise TypeError("default_args must be a mapping")
        dag_args.update(task_group.default_args)
    return dag_args, dag_params


def get_merged_defaults(dag, task_group, task_params, task_default_args):
    """DAG default_args, then the task group's, then the task's own default_args."""
    args, params = _get_parent_defaults(dag, task_group)
    if task_params:
        if not is_mapping(task_params):
            raise TypeError("params must be a mapping")
        params.update(task_params)
    if task_default_args:
        if not is_mapping(task_default_args):
            raise TypeError("default_args must be a mapping")
        args.update(task_default_args)
        if "params" in task_default_args:
            params.update(task_default_args["params"] or {})
    return args, params


def _apply_defaults(func):
    """Wrap one class's ``__init__`` so unset parameters of *its* signature come from default_args.

    Every class in the hierarchy is wrapped; a default only fills a parameter named in the
    signature of some ``__init__`` on the way up, exactly like Airflow's BaseOperatorMeta.
    """
    signature = Signature(func).without_first()
    non_optional = [n for n in signature.required if n != "task_id"]
    # Defaults are filled in signature order, as Airflow does (kwargs order shows on Python 3).
    parameter_index = dict((name, index) for index, name in enumerate(signature.names))

    def apply_defaults(self, *args, **kwargs):
        if args:
            raise AirflowException("Use keyword arguments when initializing operators")

        state = self.__dict__
        from_mapped = kwargs.pop("_airflow_from_mapped", state.get("_vortex_from_mapped", False))
        dag = kwargs.get("dag")
        if dag is None:
            dag = DagContext.get_current_dag()
            if dag is not None:
                kwargs["dag"] = dag
        task_group = kwargs.get("task_group")
        if dag and not task_group:
            task_group = TaskGroupContext.get_current_task_group(dag)
            if task_group is not None:
                kwargs["task_group"] = task_group

        default_args, merged_params = get_merged_defaults(
            dag=dag,
            task_group=task_group,
            task_params=kwargs.pop("params", None),
            task_default_args=kwargs.pop("default_args", None),
        )
        # Walks the few default_args rather than the (long) signature; (index, name) pairs sort
        # without a key function, which is slow on Jython.
        filled = [(parameter_index[name], name) for name in default_args if name in parameter_index and name not in kwargs]
        if len(filled) > 1:
            filled.sort()
        for _, name in filled:
            kwargs[name] = default_args[name]

        missing = [name for name in non_optional if name not in kwargs]
        if len(missing) == 1:
            raise AirflowException("missing keyword argument %s" % py_repr(missing[0]))
        if missing:
            raise AirflowException("missing keyword arguments %s" % ", ".join(py_repr(a) for a in sorted(missing)))

        if merged_params:
            kwargs["params"] = merged_params

        outermost = "_vortex_init_kwargs" not in state
        if outermost:
            state["_vortex_init_kwargs"] = {}
        state["_vortex_from_mapped"] = from_mapped

        result = func(self, default_args=default_args, **kwargs)

        state["_vortex_init_kwargs"].update(kwargs)
        if outermost and not from_mapped:
            self.set_xcomargs_dependencies()
            state["_vortex_instantiated"] = True
        return result

    apply_defaults.__wrapped__ = func
    apply_defaults.__name__ = func.__name__
    apply_defaults.__doc__ = func.__doc__
    apply_defaults._vortex_param_names = list(signature.names)
    apply_defaults._vortex_defaults = dict(signature.defaults)
    return apply_defaults


class BaseOperatorMeta(type):
    """Wraps each operator class's own ``__init__`` with default_args handling."""

    def __new__(mcs, name, bases, namespace):
        init = namespace.get("__init__")
        if init is not None and not hasattr(init, "_vortex_param_names"):
            namespace["__init__"] = _apply_defaults(init)
        new_cls = type.__new__(mcs, name, bases, namespace)
        partial_descriptor = namespace.get("partial")
        if isinstance(partial_descriptor, _PartialDescriptor):
            partial_descriptor.class_method = classmethod(partial)
        return new_cls


class _PartialDescriptor(object):
    """``Operator.partial(...)`` on the class; calling it on a task is an error, as in Airflow."""

    class_method = None

    def __get__(self, obj, cls=None):
        def partial(**kwargs):
            raise TypeError("partial can only be called on Operator classes, not Tasks themselves")

        if obj is not None:
            return partial
        return self.class_method.__get__(cls, cls)


_PARTIAL_DEFAULTS = {
    "map_index_template": None,
    "owner": DEFAULT_OWNER,
    "trigger_rule": DEFAULT_TRIGGER_RULE,
    "depends_on_past": False,
    "ignore_first_depends_on_past": DEFAULT_IGNORE_FIRST_DEPENDS_ON_PAST,
    "wait_for_past_depends_before_skipping": DEFAULT_WAIT_FOR_PAST_DEPENDS_BEFORE_SKIPPING,
    "wait_for_downstream": False,
    "retries": DEFAULT_RETRIES,
    "executor": None,
    "queue": DEFAULT_QUEUE,
    "pool_slots": DEFAULT_POOL_SLOTS,
    "execution_timeout": DEFAULT_TASK_EXECUTION_TIMEOUT,
    "retry_delay": DEFAULT_RETRY_DELAY,
    "retry_exponential_backoff": False,
    "priority_weight": DEFAULT_PRIORITY_WEIGHT,
    "weight_rule": DEFAULT_WEIGHT_RULE,
    "inlets": [],
    "outlets": [],
    "allow_nested_operators": True,
}

# Arguments of ``partial()`` that are BaseOperator's own; NOTSET means "not given".
_PARTIAL_BASE_ARGS = [
    "start_date", "end_date", "owner", "email", "resources", "trigger_rule", "depends_on_past",
    "ignore_first_depends_on_past", "wait_for_past_depends_before_skipping", "wait_for_downstream",
    "retries", "queue", "pool", "pool_slots", "execution_timeout", "max_retry_delay", "retry_delay",
    "retry_exponential_backoff", "priority_weight", "weight_rule", "sla", "map_index_template",
    "max_active_tis_per_dag", "max_active_tis_per_dagrun", "on_execute_callback", "on_failure_callback",
    "on_success_callback", "on_retry_callback", "on_skipped_callback", "run_as_user", "executor",
    "executor_config", "inlets", "outlets", "doc", "doc_md", "doc_json", "doc_yaml", "doc_rst",
    "task_display_name", "logger_name",
]


def partial(operator_class, **kwargs):
    """First half of dynamic task mapping: fix the arguments every mapped instance shares."""
    from airflow.models.dag import DagContext
    from airflow.models.mappedoperator import OperatorPartial, validate_mapping_kwargs
    from airflow.utils.task_group import TaskGroupContext

    if "task_id" not in kwargs:
        raise TypeError("partial() missing 1 required keyword-only argument: 'task_id'")
    task_id = kwargs.pop("task_id")
    dag = kwargs.pop("dag", None)
    task_group = kwargs.pop("task_group", None)
    params = kwargs.pop("params", None)
    allow_nested_operators = kwargs.pop("allow_nested_operators", True)
    given = dict((name, kwargs.pop(name, NOTSET)) for name in _PARTIAL_BASE_ARGS)

    validate_mapping_kwargs(operator_class, "partial", kwargs)

    dag = dag or DagContext.get_current_dag()
    if dag:
        task_group = task_group or TaskGroupContext.get_current_task_group(dag)
    if task_group:
        task_id = task_group.child_id(task_id)

    dag_default_args, partial_params = get_merged_defaults(
        dag=dag, task_group=task_group, task_params=params, task_default_args=kwargs.pop("default_args", None)
    )

    partial_kwargs = dict(kwargs)
    partial_kwargs.update(given)
    partial_kwargs.update(
        {"dag": dag, "task_group": task_group, "task_id": task_id, "allow_nested_operators": allow_nested_operators}
    )
    for key, value in dag_default_args.items():
        if partial_kwargs.get(key) is NOTSET:
            partial_kwargs[key] = value
    partial_kwargs = dict(
        (k, _PARTIAL_DEFAULTS.get(k) if v is NOTSET else v) for k, v in partial_kwargs.items()
    )

    if "task_concurrency" in kwargs:
        raise TypeError("unexpected argument: task_concurrency")
    if partial_kwargs["wait_for_downstream"]:
        partial_kwargs["depends_on_past"] = True
    partial_kwargs["start_date"] = timezone.convert_to_utc(partial_kwargs["start_date"])
    partial_kwargs["end_date"] = timezone.convert_to_utc(partial_kwargs["end_date"])
    if partial_kwargs["pool"] is None:
        partial_kwargs["pool"] = Pool.DEFAULT_POOL_NAME
    partial_kwargs["retries"] = parse_retries(partial_kwargs["retries"])
    partial_kwargs["retry_delay"] = coerce_timedelta(partial_kwargs["retry_delay"], key="retry_delay")
    if partial_kwargs["max_retry_delay"] is not None:
        partial_kwargs["max_retry_delay"] = coerce_timedelta(partial_kwargs["max_retry_delay"], key="max_retry_delay")
    partial_kwargs["executor_config"] = partial_kwargs["executor_config"] or {}
    return OperatorPartial(operator_class=operator_class, kwargs=partial_kwargs, params=partial_params)


class BaseOperator(with_metaclass(BaseOperatorMeta, AbstractOperator)):
    """Abstract base class for all operators; an instance is one task of a DAG."""

    template_fields = ()
    template_ext = ()
    template_fields_renderers = {}
    ui_color = "#fff"
    ui_fgcolor = "#000"
    pool = ""
    shallow_copy_attrs = ()
    operator_extra_links = ()
    supports_lineage = False
    partial = _PartialDescriptor()

    _dag = None
    task_group = None
    start_date = None
    end_date = None
    # Whether run_task runs this operator class through the shim's own execute(); VORTEX runs the
    # others (Bash, Empty, sensors...) itself. An operator with an execute() of its own always runs.
    _vortex_runnable = False

    def __init__(
        self,
        task_id,
        owner=DEFAULT_OWNER,
        email=None,
        email_on_retry=True,
        email_on_failure=True,
        retries=DEFAULT_RETRIES,
        retry_delay=DEFAULT_RETRY_DELAY,
        retry_exponential_backoff=False,
        max_retry_delay=None,
        start_date=None,
        end_date=None,
        depends_on_past=False,
        ignore_first_depends_on_past=DEFAULT_IGNORE_FIRST_DEPENDS_ON_PAST,
        wait_for_past_depends_before_skipping=DEFAULT_WAIT_FOR_PAST_DEPENDS_BEFORE_SKIPPING,
        wait_for_downstream=False,
        dag=None,
        params=None,
        default_args=None,
        priority_weight=DEFAULT_PRIORITY_WEIGHT,
        weight_rule=DEFAULT_WEIGHT_RULE,
        queue=DEFAULT_QUEUE,
        pool=None,
        pool_slots=DEFAULT_POOL_SLOTS,
        sla=None,
        execution_timeout=DEFAULT_TASK_EXECUTION_TIMEOUT,
        on_execute_callback=None,
        on_failure_callback=None,
        on_success_callback=None,
        on_retry_callback=None,
        on_skipped_callback=None,
        pre_execute=None,
        post_execute=None,
        trigger_rule=DEFAULT_TRIGGER_RULE,
        resources=None,
        run_as_user=None,
        task_concurrency=None,
        map_index_template=None,
        max_active_tis_per_dag=None,
        max_active_tis_per_dagrun=None,
        executor=None,
        executor_config=None,
        do_xcom_push=True,
        multiple_outputs=False,
        inlets=None,
        outlets=None,
        task_group=None,
        doc=None,
        doc_md=None,
        doc_json=None,
        doc_yaml=None,
        doc_rst=None,
        task_display_name=None,
        logger_name=None,
        allow_nested_operators=True,
        **kwargs
    ):
        kwargs.pop("_airflow_mapped_validation_only", None)
        if kwargs:
            raise AirflowException(
                "Invalid arguments were passed to %s (task_id: %s). Invalid arguments were:\n**kwargs: %s"
                % (self.__class__.__name__, task_id, py_repr(kwargs))
            )
        validate_key(task_id)

        dag = dag or DagContext.get_current_dag()
        task_group = task_group or TaskGroupContext.get_current_task_group(dag)

        # Jython: each ``self.x = ...`` would run the Python-level __setattr__ below. While the
        # operator is being built that hook only stores the value (init_kwargs is still empty), so
        # when nothing else intercepts these names the instance dict is updated directly, a run of
        # assignments at a time (one update() call is cheaper there than one store per name).
        attrs = self.__dict__ if self._assigns_plainly() else _AttributeWriter(self)

        attrs.update(task_id=task_group.child_id(task_id) if task_group else task_id)
        if not self._vortex_from_mapped and task_group:
            task_group.add(self)

        attrs.update(owner=owner, email=email, email_on_retry=email_on_retry, email_on_failure=email_on_failure)

        if execution_timeout is not None and not isinstance(execution_timeout, timedelta):
            raise ValueError(
                "execution_timeout must be timedelta object but passed as type: <class '%s'>"
                % type(execution_timeout).__name__
            )
        attrs.update(
            execution_timeout=execution_timeout,
            on_execute_callback=on_execute_callback,
            on_failure_callback=on_failure_callback,
            on_success_callback=on_success_callback,
            on_retry_callback=on_retry_callback,
            on_skipped_callback=on_skipped_callback,
            _pre_execute_hook=pre_execute,
            _post_execute_hook=post_execute,
        )

        if start_date and not isinstance(start_date, datetime):
            logger.warning("start_date for %s isn't datetime.datetime", self)
        elif start_date:
            attrs.update(start_date=timezone.convert_to_utc(start_date))
        if end_date:
            attrs.update(end_date=timezone.convert_to_utc(end_date))

        attrs.update(
            executor=executor,
            executor_config=executor_config or {},
            run_as_user=run_as_user,
            retries=parse_retries(retries),
            queue=queue,
            pool=Pool.DEFAULT_POOL_NAME if pool is None else pool,
            pool_slots=pool_slots,
        )
        if self.pool_slots < 1:
            dag_str = " in dag %s" % dag.dag_id if dag else ""
            raise ValueError("pool slots for %s%s cannot be less than 1" % (self.task_id, dag_str))
        attrs.update(sla=sla)

        if trigger_rule == "dummy":
            warnings.warn(
                "dummy Trigger Rule is deprecated. Please use `TriggerRule.ALWAYS`.",
                RemovedInAirflow3Warning,
                stacklevel=2,
            )
            trigger_rule = TriggerRule.ALWAYS
        if trigger_rule == "none_failed_or_skipped":
            warnings.warn(
                "none_failed_or_skipped Trigger Rule is deprecated. Please use `none_failed_min_one_success`.",
                RemovedInAirflow3Warning,
                stacklevel=2,
            )
            trigger_rule = TriggerRule.NONE_FAILED_MIN_ONE_SUCCESS
        if not TriggerRule.is_valid(trigger_rule):
            raise AirflowException(
                "The trigger_rule must be one of %s,'%s.%s'; received '%s'."
                % (_rule_set_repr(TriggerRule), dag.dag_id if dag else "", task_id, trigger_rule)
            )
        attrs.update(
            trigger_rule=TriggerRule(trigger_rule),
            depends_on_past=depends_on_past,
            ignore_first_depends_on_past=ignore_first_depends_on_past,
            wait_for_past_depends_before_skipping=wait_for_past_depends_before_skipping,
            wait_for_downstream=wait_for_downstream,
        )
        if wait_for_downstream:
            attrs.update(depends_on_past=True)

        attrs.update(
            retry_delay=coerce_timedelta(retry_delay, key="retry_delay"),
            retry_exponential_backoff=retry_exponential_backoff,
            max_retry_delay=(
                max_retry_delay if max_retry_delay is None else coerce_timedelta(max_retry_delay, key="max_retry_delay")
            ),
            params=ParamsDict(params),
        )
        if priority_weight is not None and (isinstance(priority_weight, bool) or not isinstance(priority_weight, int)):
            raise AirflowException(
                "`priority_weight` for task '%s' only accepts integers, received '<class '%s'>'."
                % (self.task_id, type(priority_weight).__name__)
            )
        attrs.update(priority_weight=priority_weight)
        strategy = validate_and_load_priority_weight_strategy(weight_rule)
        attrs.update(weight_rule=WeightRule(strategy.rule), resources=resources)
        if task_concurrency and not max_active_tis_per_dag:
            warnings.warn(
                "The 'task_concurrency' parameter is deprecated. Please use 'max_active_tis_per_dag'.",
                RemovedInAirflow3Warning,
                stacklevel=2,
            )
            max_active_tis_per_dag = task_concurrency
        attrs.update(
            max_active_tis_per_dag=max_active_tis_per_dag,
            max_active_tis_per_dagrun=max_active_tis_per_dagrun,
            do_xcom_push=do_xcom_push,
            map_index_template=map_index_template,
            multiple_outputs=multiple_outputs,
            doc_md=doc_md,
            doc_json=doc_json,
            doc_yaml=doc_yaml,
            doc_rst=doc_rst,
            doc=doc,
            _task_display_property_value=(
                task_display_name if task_display_name and task_display_name != task_id else None
            ),
            upstream_task_ids=set(),
            downstream_task_ids=set(),
        )

        if dag:
            self.dag = dag

        attrs.update(
            _logger_name=logger_name,
            allow_nested_operators=allow_nested_operators,
            inlets=list(inlets) if isinstance(inlets, list) else ([inlets] if inlets else []),
            outlets=list(outlets) if isinstance(outlets, list) else ([outlets] if outlets else []),
        )

        if isinstance(self.template_fields, string_types):
            attrs.update(template_fields=[self.template_fields])

        if SetupTeardownContext.active and not self._vortex_from_mapped:
            # Built inside ``with setup >> teardown:``: wired between them when the block ends.
            SetupTeardownContext.update_context_map(self)

    def _assigns_plainly(self):
        """True when ``self.name = value`` in __init__ would only put the value in the instance dict.

        That needs an empty init_kwargs, no class-level property (or other data descriptor) for the
        names __init__ assigns, and no __setattr__ other than BaseOperator's; cached per class.
        """
        state = self.__dict__
        if state.get("_vortex_init_kwargs") or state.get("_vortex_instantiated"):
            return False
        cls = type(self)
        plain = cls.__dict__.get("_vortex_assigns_plainly")
        if plain is None:
            plain = _class_assigns_plainly(cls)
            setattr(cls, "_vortex_assigns_plainly", plain)
        return plain

    def __setattr__(self, key, value):
        object.__setattr__(self, key, value)
        state = self.__dict__
        if state.get("_vortex_from_mapped"):
            return
        init_kwargs = state.get("_vortex_init_kwargs")
        if init_kwargs is not None and key in init_kwargs:
            init_kwargs[key] = value
        if state.get("_vortex_instantiated") and key in self.template_fields:
            # An XComArg assigned after construction wires the dependency too (op.bash_command = x.output).
            self.set_xcomargs_dependencies()

    @property
    def dag(self):
        if self._dag is not None:
            return self._dag
        raise AirflowException("Operator %s has not been assigned to a DAG yet" % self)

    @dag.setter
    def dag(self, dag):
        """A task belongs to one DAG for life; assigning the same DAG again is fine."""
        if dag is None:
            self._dag = None
            return
        if not isinstance(dag, DAG):
            raise TypeError("Expected DAG; received %s" % dag.__class__.__name__)
        if self.has_dag() and self._dag is not dag:
            raise AirflowException("The DAG assigned to %s can not be changed." % self)
        if self.__dict__.get("_vortex_from_mapped"):
            pass
        elif self.task_id not in dag.task_dict or dag.task_dict[self.task_id] is not self:
            dag.add_task(self)
        self._dag = dag

    @property
    def task_type(self):
        return self.__class__.__name__

    @property
    def operator_name(self):
        """Airflow shows ``custom_operator_name`` (e.g. ``@task``) when a class sets one."""
        return getattr(self, "custom_operator_name", None) or self.task_type

    @property
    def operator_class(self):
        return self.__class__

    @property
    def is_mapped(self):
        return False

    @property
    def init_kwargs(self):
        """The keyword arguments the operator was built with, default_args applied."""
        return self.__dict__.get("_vortex_init_kwargs", {})

    def set_xcomargs_dependencies(self):
        """An XComArg anywhere in a templated field makes its task upstream of this one."""
        for field in self.template_fields:
            if hasattr(self, field):
                value = getattr(self, field)
                # Strings, the usual templated values, cannot hold an XComArg.
                if type(value) not in IMMUTABLE_TYPES:
                    XComArg.apply_upstream_relationship(self, value)

    @property
    def log(self):
        """The task's logger, named as Airflow names it: ``airflow.task.operators.<module>.<class>``, or
        ``airflow.task.operators.<logger_name>``."""
        cls = type(self)
        return logging.getLogger(
            "airflow.task.operators.%s" % (self._logger_name or "%s.%s" % (cls.__module__, cls.__name__))
        )

    @classmethod
    def logger(cls):
        return logging.getLogger("airflow.task.operators.%s.%s" % (cls.__module__, cls.__name__))

    def pre_execute(self, context):
        """Runs right before execute(): the ``pre_execute`` argument's callable, if any."""
        if self._pre_execute_hook is not None:
            self._pre_execute_hook(context)

    def execute(self, context):
        raise NotImplementedError()

    def post_execute(self, context, result=None):
        """Runs right after execute() with its result: the ``post_execute`` argument's callable, if any."""
        if self._post_execute_hook is not None:
            self._post_execute_hook(context, result)

    def xcom_push(self, context, key, value, execution_date=None):
        context["ti"].xcom_push(key=key, value=value, execution_date=execution_date)

    def xcom_pull(
        self,
        context,
        task_ids=None,
        dag_id=None,
        key=XCOM_RETURN_KEY,
        include_prior_dates=None,
        session=None,
        map_indexes=None,
        default=None,
    ):
        return context["ti"].xcom_pull(
            key=key,
            task_ids=task_ids,
            dag_id=dag_id,
            include_prior_dates=include_prior_dates,
            map_indexes=map_indexes,
            default=default,
        )

    def __deepcopy__(self, memo):
        raise TypeError("VORTEX parses DAG files only; copying a task is not supported at parse time")


class _AttributeWriter(object):
    """``writer.update(name=value, ...)`` runs ``setattr(obj, name, value)`` for each name, in the
    order BaseOperator.__init__ lists them: the general path beside ``obj.__dict__.update``."""

    __slots__ = ("_obj",)

    def __init__(self, obj):
        self._obj = obj

    def update(self, **values):
        for name in _INIT_ATTRIBUTES:
            if name in values:
                setattr(self._obj, name, values[name])


# What BaseOperator.__init__ assigns through ``attrs``, in the order it assigns them; a subclass
# property for any of them makes the class take the setattr path.
_INIT_ATTRIBUTES = (
    "task_id", "owner", "email", "email_on_retry", "email_on_failure", "execution_timeout",
    "on_execute_callback", "on_failure_callback", "on_success_callback", "on_retry_callback",
    "on_skipped_callback", "_pre_execute_hook", "_post_execute_hook", "start_date", "end_date", "executor",
    "executor_config", "run_as_user", "retries", "queue", "pool", "pool_slots", "sla", "trigger_rule",
    "depends_on_past", "ignore_first_depends_on_past", "wait_for_past_depends_before_skipping",
    "wait_for_downstream", "retry_delay", "retry_exponential_backoff", "max_retry_delay", "params",
    "priority_weight", "weight_rule", "resources", "max_active_tis_per_dag", "max_active_tis_per_dagrun",
    "do_xcom_push", "map_index_template", "multiple_outputs", "doc_md", "doc_json", "doc_yaml", "doc_rst",
    "doc", "_task_display_property_value", "upstream_task_ids", "downstream_task_ids", "_logger_name",
    "allow_nested_operators", "inlets", "outlets", "template_fields",
)


def _class_attribute(cls, name, default=None):
    for klass in cls.__mro__:
        if name in klass.__dict__:
            return klass.__dict__[name]
    return default


def _class_assigns_plainly(cls):
    if _class_attribute(cls, "__setattr__") is not BaseOperator.__dict__["__setattr__"]:
        return False
    for name in _INIT_ATTRIBUTES:
        kind = type(_class_attribute(cls, name))
        if hasattr(kind, "__set__") or hasattr(kind, "__delete__"):
            return False
    return True


def _rule_set_repr(enum_class):
    return "{" + ", ".join("'%s'" % m.value for m in enum_class) + "}"


def chain(*tasks):
    """Chain tasks, lists of equal length pairwise: ``chain(a, [b, c], [d, e], f)``."""
    for up_task, down_task in zip(tasks, tasks[1:]):
        if isinstance(up_task, DependencyMixin):
            up_task.set_downstream(down_task)
            continue
        if isinstance(down_task, DependencyMixin):
            down_task.set_upstream(up_task)
            continue
        if not isinstance(up_task, Sequence) or not isinstance(down_task, Sequence):
            raise TypeError(
                "Chain not supported between instances of <class '%s'> and <class '%s'>"
                % (type(up_task).__name__, type(down_task).__name__)
            )
        if len(up_task) != len(down_task):
            raise AirflowException(
                "Chain not supported for different length Iterable. Got %d and %d." % (len(up_task), len(down_task))
            )
        for up_t, down_t in zip(up_task, down_task):
            up_t.set_downstream(down_t)


def cross_downstream(from_tasks, to_tasks):
    """Every task of from_tasks upstream of every task of to_tasks."""
    for task in from_tasks:
        task.set_downstream(to_tasks)


def chain_linear(*elements):
    """Every element fully connected to the next one (Airflow 2.7+)."""
    from airflow.utils.edgemodifier import EdgeModifier

    if not elements:
        raise ValueError("No tasks provided; nothing to do.")
    prev_elem = None
    deps_set = False
    for curr_elem in elements:
        if isinstance(curr_elem, EdgeModifier):
            raise ValueError("Labels are not supported by chain_linear")
        if prev_elem is not None:
            for task in prev_elem:
                task >> curr_elem
                deps_set = True
        prev_elem = [curr_elem] if isinstance(curr_elem, DependencyMixin) else curr_elem
    if not deps_set:
        raise ValueError("No dependencies were set. Did you forget to expand with `*`?")


BASE_OPERATOR_ARGUMENTS = frozenset(BaseOperator.__init__._vortex_param_names)
