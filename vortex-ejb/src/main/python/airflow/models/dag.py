"""DAG: a schedule and the tasks it runs; DagContext tracks ``with DAG(...)`` blocks."""
from __future__ import absolute_import, division, print_function, unicode_literals

import functools
import os
import sys
import warnings
from collections import OrderedDict
from datetime import datetime, timedelta

from airflow._vortex.compat import InsertionOrderedDict, Signature, deepcopy_value, string_types
from airflow.configuration import conf
from airflow.datasets import BaseDataset, Dataset, DatasetAlias, DatasetAll
from airflow.exceptions import (
    AirflowException,
    DuplicateTaskIdFound,
    ParamValidationError,
    RemovedInAirflow3Warning,
    TaskNotFound,
)
from airflow.models.param import DagParam, ParamsDict
from airflow.timetables.base import Timetable
from airflow.timetables.interval import CronDataIntervalTimetable, DeltaDataIntervalTimetable
from airflow.timetables.simple import ContinuousTimetable, DatasetTriggeredTimetable, NullTimetable, OnceTimetable
from airflow.utils import timezone
from airflow.utils.helpers import at_most_one, validate_key
from airflow.utils.setup_teardown import SetupTeardownContext
from airflow.utils.task_group import TaskGroup, TaskGroupContext
from airflow.utils.trigger_rule import TriggerRule
from airflow.utils.types import NOTSET

DEFAULT_SCHEDULE_INTERVAL = timedelta(days=1)
DEFAULT_VIEW_PRESETS = ["grid", "graph", "duration", "gantt", "landing_times"]
ORIENTATION_PRESETS = ["LR", "TB", "RL", "BT"]
TAG_MAX_LEN = 100

_ARG_TYPES = [
    ("description", string_types),
    ("max_active_tasks", int),
    ("max_active_runs", int),
    ("max_consecutive_failed_dag_runs", int),
    ("dagrun_timeout", timedelta),
    ("catchup", bool),
    ("doc_md", string_types),
    ("is_paused_upon_creation", bool),
    ("render_template_as_native_obj", bool),
    ("tags", (list, tuple, set)),
    ("auto_register", bool),
    ("fail_stop", bool),
]


class FailStopDagInvalidTriggerRule(AirflowException):
    """A fail-stop DAG only allows the default trigger rule (and the teardowns' ``all_done_setup_success``)."""

    _allowed_rules = (TriggerRule.ALL_SUCCESS, TriggerRule.ALL_DONE_SETUP_SUCCESS)

    @classmethod
    def check(cls, dag, trigger_rule):
        if dag is not None and dag.fail_stop and trigger_rule not in cls._allowed_rules:
            raise cls("A 'fail-stop' dag can only have %s trigger rule" % TriggerRule.ALL_SUCCESS.value)


def create_timetable(interval, tz):
    """The timetable Airflow 2 derives from a ``schedule_interval`` value."""
    if interval is NOTSET:
        return DeltaDataIntervalTimetable(DEFAULT_SCHEDULE_INTERVAL)
    if interval is None:
        return NullTimetable()
    if interval == "@once":
        return OnceTimetable()
    if interval == "@continuous":
        return ContinuousTimetable()
    if isinstance(interval, timedelta) or type(interval).__name__ == "relativedelta":
        return DeltaDataIntervalTimetable(interval)
    if isinstance(interval, string_types):
        return CronDataIntervalTimetable(interval, tz)
    raise ValueError("%s is not a valid DAG.schedule_interval." % type(interval).__name__)


class DagContext(object):
    """The ``with DAG(...)`` stack, and the DAGs registered when a block exits (auto_register)."""

    _context_managed_dags = []
    autoregistered_dags = []
    current_autoregister_module_name = None
    # VORTEX: every DAG built while parsing the current file, and that file's path.
    created_dags = []
    current_file = None

    @classmethod
    def push_context_managed_dag(cls, dag):
        cls._context_managed_dags.insert(0, dag)

    @classmethod
    def pop_context_managed_dag(cls):
        dag = cls._context_managed_dags.pop(0)
        if cls.current_autoregister_module_name is not None and dag and dag.auto_register:
            if all(registered is not dag for registered in cls.autoregistered_dags):
                cls.autoregistered_dags.append(dag)
        return dag

    @classmethod
    def get_current_dag(cls):
        return cls._context_managed_dags[0] if cls._context_managed_dags else None

    @classmethod
    def reset(cls, module_name=None, current_file=None):
        """Start a new file: nothing open, nothing registered."""
        cls._context_managed_dags = []
        cls.autoregistered_dags = []
        cls.created_dags = []
        cls.current_autoregister_module_name = module_name
        cls.current_file = current_file
        SetupTeardownContext.reset()  # the ``with setup >> teardown:`` contexts are class-level too


def _line_in_current_file():
    """Line of the innermost frame executing the DAG file being parsed (None outside a parse)."""
    path = DagContext.current_file
    if not path:
        return None
    frame = sys._getframe(2)
    while frame is not None:
        if frame.f_code.co_filename == path:
            return frame.f_lineno
        frame = frame.f_back
    return None


def _type_repr(value):
    return "<class '%s'>" % type(value).__name__


def _expected_type_repr(expected):
    if expected is string_types:
        return "<class 'str'>"
    return "<class '%s'>" % (expected[0] if isinstance(expected, tuple) else expected).__name__


class DAG(object):
    """A DAG (directed acyclic graph): tasks, their dependencies, and when to run them."""

    def __init__(
        self,
        dag_id,
        description=None,
        schedule=NOTSET,
        schedule_interval=NOTSET,
        timetable=None,
        start_date=None,
        end_date=None,
        full_filepath=None,
        template_searchpath=None,
        template_undefined=None,
        user_defined_macros=None,
        user_defined_filters=None,
        default_args=None,
        concurrency=None,
        max_active_tasks=conf.getint("core", "max_active_tasks_per_dag"),
        max_active_runs=conf.getint("core", "max_active_runs_per_dag"),
        max_consecutive_failed_dag_runs=conf.getint("core", "max_consecutive_failed_dag_runs_per_dag"),
        dagrun_timeout=None,
        sla_miss_callback=None,
        default_view=conf.get("webserver", "dag_default_view").lower(),
        orientation=conf.get("webserver", "dag_orientation"),
        catchup=conf.getboolean("scheduler", "catchup_by_default"),
        on_success_callback=None,
        on_failure_callback=None,
        doc_md=None,
        params=None,
        access_control=None,
        is_paused_upon_creation=None,
        jinja_environment_kwargs=None,
        render_template_as_native_obj=False,
        tags=None,
        owner_links=None,
        auto_register=True,
        fail_stop=False,
        dag_display_name=None,
    ):
        if tags and any(len(tag) > TAG_MAX_LEN for tag in tags):
            raise AirflowException("tag cannot be longer than %d characters" % TAG_MAX_LEN)

        self.owner_links = owner_links or {}
        self.user_defined_macros = user_defined_macros
        self.user_defined_filters = user_defined_filters
        if default_args and not isinstance(default_args, dict):
            raise TypeError("default_args must be a dict")
        self.default_args = deepcopy_value(default_args or {})
        params = params or {}
        if "params" in self.default_args:
            params.update(self.default_args["params"])
            del self.default_args["params"]
        self.params = ParamsDict(params)

        validate_key(dag_id)
        self._dag_id = dag_id
        self._dag_display_property_value = dag_display_name

        if concurrency:
            warnings.warn(
                "The 'concurrency' parameter is deprecated. Please use 'max_active_tasks'.",
                RemovedInAirflow3Warning,
                stacklevel=2,
            )
            max_active_tasks = concurrency
        self._max_active_tasks = max_active_tasks
        self._description = description
        back = sys._getframe(1)
        self.fileloc = back.f_code.co_filename if back else ""
        self.task_dict = InsertionOrderedDict()

        tz = None
        if start_date and start_date.tzinfo:
            tz = start_date.tzinfo
        elif self.default_args.get("start_date"):
            date = self.default_args["start_date"]
            if not isinstance(date, datetime):
                date = timezone.parse(date)
                self.default_args["start_date"] = date
                start_date = date
            tz = date.tzinfo
        self.timezone = tz or timezone.TIMEZONE

        if isinstance(self.default_args.get("end_date"), string_types):
            self.default_args["end_date"] = timezone.parse(self.default_args["end_date"], timezone=self.timezone)

        self.start_date = timezone.convert_to_utc(start_date)
        self.end_date = timezone.convert_to_utc(end_date)
        if "start_date" in self.default_args:
            self.default_args["start_date"] = timezone.convert_to_utc(self.default_args["start_date"])
        if "end_date" in self.default_args:
            self.default_args["end_date"] = timezone.convert_to_utc(self.default_args["end_date"])

        scheduling_args = [schedule_interval, timetable, schedule]
        has_scheduling_args = any(a is not NOTSET and bool(a) for a in scheduling_args)
        has_empty_start_date = not ("start_date" in self.default_args or self.start_date)
        if has_scheduling_args and has_empty_start_date:
            raise ValueError("DAG is missing the start_date parameter")
        if not at_most_one(*scheduling_args):
            raise ValueError("At most one allowed for args 'schedule_interval', 'timetable', and 'schedule'.")
        if schedule_interval is not NOTSET:
            warnings.warn(
                "Param `schedule_interval` is deprecated and will be removed in a future release. "
                "Please use `schedule` instead. ",
                RemovedInAirflow3Warning,
                stacklevel=2,
            )

        self.dataset_triggers = None
        if isinstance(schedule, BaseDataset):
            self.dataset_triggers = schedule
        elif isinstance(schedule, (list, tuple, set, frozenset)):
            if not all(isinstance(x, (Dataset, DatasetAlias)) for x in schedule):
                raise ValueError("All elements in 'schedule' should be datasets or dataset aliases")
            self.dataset_triggers = DatasetAll(*schedule)
        elif isinstance(schedule, Timetable):
            timetable = schedule
        elif schedule is not NOTSET:
            schedule_interval = schedule

        if self.dataset_triggers:
            self.timetable = DatasetTriggeredTimetable(self.dataset_triggers)
            self.schedule_interval = self.timetable.summary
        elif timetable:
            self.timetable = timetable
            self.schedule_interval = timetable.summary
        else:
            if schedule_interval is NOTSET:
                schedule_interval = DEFAULT_SCHEDULE_INTERVAL
            self.schedule_interval = schedule_interval
            self.timetable = create_timetable(schedule_interval, self.timezone)

        if isinstance(template_searchpath, string_types):
            template_searchpath = [template_searchpath]
        self.template_searchpath = template_searchpath
        self.template_undefined = template_undefined
        self.max_active_runs = max_active_runs
        self.max_consecutive_failed_dag_runs = max_consecutive_failed_dag_runs
        if self.max_consecutive_failed_dag_runs < 0:
            raise AirflowException(
                "Invalid max_consecutive_failed_dag_runs: %s. Requires max_consecutive_failed_dag_runs >= 0"
                % self.max_consecutive_failed_dag_runs
            )
        limit = self.timetable.active_runs_limit
        if limit is not None and limit < self.max_active_runs:
            raise AirflowException(
                "Invalid max_active_runs: <class '%s.%s'> requires max_active_runs <= %d"
                % (type(self.timetable).__module__, type(self.timetable).__name__, limit)
            )
        self.dagrun_timeout = dagrun_timeout
        self.sla_miss_callback = sla_miss_callback
        if default_view in DEFAULT_VIEW_PRESETS:
            self._default_view = default_view
        elif default_view == "tree":
            self._default_view = "grid"
        else:
            raise AirflowException(
                "Invalid values of dag.default_view: only support %s, but get %s" % (DEFAULT_VIEW_PRESETS, default_view)
            )
        if orientation not in ORIENTATION_PRESETS:
            raise AirflowException(
                "Invalid values of dag.orientation: only support %s, but get %s" % (ORIENTATION_PRESETS, orientation)
            )
        self.orientation = orientation
        self.catchup = catchup
        self.on_success_callback = on_success_callback
        self.on_failure_callback = on_failure_callback
        self.edge_info = {}
        self.access_control = access_control
        self.is_paused_upon_creation = is_paused_upon_creation
        self.auto_register = auto_register
        self.fail_stop = fail_stop
        self.jinja_environment_kwargs = jinja_environment_kwargs
        self.render_template_as_native_obj = render_template_as_native_obj
        self.doc_md = self.get_doc_md(doc_md)
        self.tags = tags or []
        self._task_group = TaskGroup.create_root(self)
        self.validate_schedule_and_params()
        for name, expected in _ARG_TYPES:
            value = getattr(self, name, None)
            if value is not None and not isinstance(value, expected):
                raise TypeError(
                    "'%s' has an invalid type %s with value %s, expected type is %s"
                    % (name, _type_repr(value), value, _expected_type_repr(expected))
                )

        self._vortex_line = _line_in_current_file()
        self._vortex_line_exact = False
        self._vortex_sequence = len(DagContext.created_dags)
        DagContext.created_dags.append(self)

    def __repr__(self):
        return "<DAG: %s>" % self.dag_id

    def __enter__(self):
        DagContext.push_context_managed_dag(self)
        return self

    def __exit__(self, _type, _value, _tb):
        DagContext.pop_context_managed_dag()

    @property
    def dag_id(self):
        return self._dag_id

    @dag_id.setter
    def dag_id(self, value):
        self._dag_id = value

    @property
    def dag_display_name(self):
        return self._dag_display_property_value or self._dag_id

    @property
    def description(self):
        return self._description

    @property
    def max_active_tasks(self):
        return self._max_active_tasks

    @max_active_tasks.setter
    def max_active_tasks(self, value):
        self._max_active_tasks = value

    concurrency = max_active_tasks

    @property
    def default_view(self):
        return self._default_view

    @property
    def filepath(self):
        return self.fileloc

    @property
    def folder(self):
        return os.path.dirname(self.fileloc)

    @property
    def owner(self):
        """Owners of the DAG's tasks, as Airflow reports them (VORTEX sorts them)."""
        return ", ".join(sorted(set(t.owner for t in self.tasks)))

    @property
    def tasks(self):
        return list(self.task_dict.values())

    @tasks.setter
    def tasks(self, val):
        raise AttributeError("DAG.tasks can not be modified. Use dag.add_task() instead.")

    @property
    def task_ids(self):
        return list(self.task_dict)

    @property
    def teardowns(self):
        return []

    # Set by the DagBag (vortex_dagparse) on the DAGs that SubDagOperators run.
    is_subdag = False
    parent_dag = None

    def subdags_of_tasks(self):
        """The DAGs this DAG's own SubDagOperator tasks run (not the nested ones)."""
        module = sys.modules.get("airflow.operators.subdag")
        if module is None:
            return []
        return [
            task.subdag
            for task in self.task_dict.values()
            if isinstance(task, module.SubDagOperator) and isinstance(getattr(task, "subdag", None), DAG)
        ]

    @property
    def subdags(self):
        """The subdag objects associated to this DAG, nested ones included (depth first), as in Airflow 2."""
        result = []
        for subdag in self.subdags_of_tasks():
            result.append(subdag)
            result.extend(subdag.subdags)
        return result

    @property
    def task_group(self):
        return self._task_group

    @property
    def roots(self):
        return [task for task in self.tasks if not task.upstream_task_ids]

    @property
    def leaves(self):
        return [task for task in self.tasks if not task.downstream_task_ids]

    @property
    def task_count(self):
        return len(self.task_dict)

    def get_doc_md(self, doc_md):
        """A ``.md`` file name is replaced by the file's content, looked up beside the DAG file."""
        if doc_md is None or not isinstance(doc_md, string_types) or not doc_md.endswith(".md"):
            return doc_md
        folders = [os.path.dirname(DagContext.current_file or self.fileloc)] + list(self.template_searchpath or [])
        for folder in folders:
            candidate = os.path.join(folder, doc_md)
            if os.path.isfile(candidate):
                with open(candidate, "rb") as handle:
                    return handle.read().decode("utf-8")
        return doc_md

    def param(self, name, default=NOTSET):
        return DagParam(current_dag=self, name=name, default=default)

    def has_task(self, task_id):
        return task_id in self.task_dict

    def get_task(self, task_id, include_subdags=False):
        if task_id in self.task_dict:
            return self.task_dict[task_id]
        raise TaskNotFound("Task %s not found" % task_id)

    def add_task(self, task):
        """Add a task; the task's dates are clipped to the DAG's, its id must be unique."""
        FailStopDagInvalidTriggerRule.check(self, task.trigger_rule)
        if not task.start_date:
            task.start_date = self.start_date
        elif self.start_date:
            task.start_date = max(task.start_date, self.start_date)
        if not task.end_date:
            task.end_date = self.end_date
        elif task.end_date and self.end_date:
            task.end_date = min(task.end_date, self.end_date)

        task_id = task.task_id
        if not task.task_group:
            task_group = TaskGroupContext.get_current_task_group(self)
            if task_group:
                task_id = task_group.child_id(task_id)
                task_group.add(task)

        if (task_id in self.task_dict and self.task_dict[task_id] is not task) or (
            task_id in self._task_group.used_group_ids
        ):
            raise DuplicateTaskIdFound("Task id '%s' has already been added to the DAG" % task_id)
        self.task_dict[task_id] = task
        task.dag = self
        self._task_group.used_group_ids.add(task_id)

    def add_tasks(self, tasks):
        for task in tasks:
            self.add_task(task)

    def set_dependency(self, upstream_task_id, downstream_task_id):
        self.get_task(upstream_task_id).set_downstream(self.get_task(downstream_task_id))

    def set_edge_info(self, upstream_task_id, downstream_task_id, info):
        self.edge_info.setdefault(upstream_task_id, {})[downstream_task_id] = info

    def get_edge_info(self, upstream_task_id, downstream_task_id):
        return self.edge_info.get(upstream_task_id, {}).get(downstream_task_id, {})

    def validate_schedule_and_params(self):
        """A scheduled DAG needs a valid value for every param (nobody is there to type one in)."""
        if not self.timetable or not self.timetable.can_be_scheduled:
            return
        try:
            self.params.validate()
        except ParamValidationError:
            raise AirflowException(
                "DAG is not allowed to define a schedule, as there are required params without default values "
                "or the default values are not valid."
            )

    def validate(self):
        """What DagBag checks before accepting a DAG (the cycle check runs separately)."""
        self.validate_schedule_and_params()
        self.timetable.validate()
        self.validate_setup_teardown()

    def validate_setup_teardown(self):
        """Work tasks right after a setup must keep ``all_success``; fail-stop DAGs allow no other rule."""
        for task in self.tasks:
            if task.is_setup:
                for down_task in task.downstream_list:
                    if not down_task.is_teardown and down_task.trigger_rule != TriggerRule.ALL_SUCCESS:
                        raise ValueError("Setup tasks must be followed with trigger rule ALL_SUCCESS.")
            FailStopDagInvalidTriggerRule.check(self, task.trigger_rule)

    def test(self, *args, **kwargs):
        raise AirflowException("dag.test() runs tasks; VORTEX only parses DAG files")

    def cli(self):
        raise AirflowException("dag.cli() is not available while VORTEX parses DAG files")


def _bind_arguments(func, args, kwargs):
    """The ``(name, value)`` pairs a call binds, defaults included, in signature order."""
    signature = Signature(func)
    signature.check_call(args, kwargs)
    values = dict(zip(signature.positional, args))
    values.update(kwargs)
    bound = OrderedDict()
    for name in signature.names:
        if name in values:
            bound[name] = values[name]
        elif name in signature.defaults:
            bound[name] = signature.defaults[name]
    for name in kwargs:
        if name not in bound:
            bound[name] = kwargs[name]
    return bound


def dag(*dag_args, **dag_kwargs):
    """``@dag(...)``: calling the decorated function builds (and registers) the DAG.

    The function's arguments become DAG params with their defaults. A bare ``@dag`` is accepted
    too (Airflow 2 requires the parentheses; Airflow 3 does not).
    """
    if len(dag_args) == 1 and callable(dag_args[0]) and not dag_kwargs:
        return dag()(dag_args[0])
    dag_id = dag_args[0] if dag_args else dag_kwargs.pop("dag_id", "")
    if len(dag_args) > 1:
        raise TypeError("dag() takes at most 1 positional argument (dag_id); use keyword arguments")

    def wrapper(f):
        @functools.wraps(f)
        def factory(*args, **kwargs):
            bound = _bind_arguments(f, args, kwargs)
            with DAG(dag_id or f.__name__, **dag_kwargs) as dag_obj:
                if f.__doc__ and not dag_obj.doc_md:
                    dag_obj.doc_md = f.__doc__
                f_kwargs = OrderedDict((name, dag_obj.param(name, value)) for name, value in bound.items())
                code = getattr(f, "__code__", None)
                if code is not None and code.co_filename == DagContext.current_file:
                    dag_obj._vortex_line = code.co_firstlineno
                    dag_obj._vortex_line_exact = True
                dag_obj.fileloc = code.co_filename if code is not None else dag_obj.fileloc
                f(**f_kwargs)
            return dag_obj

        return factory

    return wrapper
