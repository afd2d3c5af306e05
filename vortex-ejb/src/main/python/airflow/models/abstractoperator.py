"""Defaults shared by classic and mapped operators, and their common base class."""
from __future__ import absolute_import, division, print_function, unicode_literals

from datetime import timedelta

from airflow.configuration import conf
from airflow.exceptions import AirflowException
from airflow.models.taskmixin import DAGNode, DependencyMixin, teardown_arguments
from airflow.models.xcom_arg import XComArg
from airflow.utils.setup_teardown import SetupTeardownContext
from airflow.utils.trigger_rule import TriggerRule
from airflow.utils.types import NOTSET
from airflow.utils.weight_rule import WeightRule

DEFAULT_OWNER = conf.get_mandatory_value("operators", "default_owner")
DEFAULT_POOL_SLOTS = 1
DEFAULT_PRIORITY_WEIGHT = 1
DEFAULT_EXECUTOR = None
DEFAULT_QUEUE = conf.get_mandatory_value("operators", "default_queue")
DEFAULT_IGNORE_FIRST_DEPENDS_ON_PAST = False
DEFAULT_WAIT_FOR_PAST_DEPENDS_BEFORE_SKIPPING = False
DEFAULT_RETRIES = conf.getint("core", "default_task_retries", fallback=0)
DEFAULT_RETRY_DELAY = timedelta(seconds=conf.getint("core", "default_task_retry_delay", fallback=300))
DEFAULT_WEIGHT_RULE = WeightRule(conf.get("core", "default_task_weight_rule", fallback="downstream"))
DEFAULT_TRIGGER_RULE = TriggerRule.ALL_SUCCESS
DEFAULT_TASK_EXECUTION_TIMEOUT = None


class AbstractOperator(DAGNode):
    """What BaseOperator and MappedOperator have in common."""

    template_fields = ()
    template_ext = ()
    template_fields_renderers = {}
    _is_setup = False
    _is_teardown = False
    _on_failure_fail_dagrun = False

    @property
    def node_id(self):
        return self.task_id

    @property
    def dag_id(self):
        if self.has_dag():
            return self.get_dag().dag_id
        return "adhoc_" + self.owner

    @property
    def roots(self):
        return [self]

    @property
    def leaves(self):
        return [self]

    @property
    def output(self):
        return XComArg(operator=self)

    @property
    def task_display_name(self):
        return getattr(self, "_task_display_property_value", None) or self.task_id

    # -- setup / teardown (Airflow 2.7+) ------------------------------------------------------------

    @property
    def is_setup(self):
        return self._is_setup

    @is_setup.setter
    def is_setup(self, value):
        if value and self.is_teardown:
            raise ValueError("Cannot mark task '%s' as setup; task is already a teardown." % self.task_id)
        self._is_setup = value

    @property
    def is_teardown(self):
        return self._is_teardown

    @is_teardown.setter
    def is_teardown(self, value):
        if value and self.is_setup:
            raise ValueError("Cannot mark task '%s' as teardown; task is already a setup." % self.task_id)
        self._is_teardown = value

    @property
    def on_failure_fail_dagrun(self):
        """Whether a failed teardown fails the DAG run (teardowns are ignored for the run state otherwise)."""
        return self._on_failure_fail_dagrun

    @on_failure_fail_dagrun.setter
    def on_failure_fail_dagrun(self, value):
        if value is True and self.is_teardown is not True:
            raise ValueError(
                "Cannot set task on_failure_fail_dagrun for '%s' because it is not a teardown task." % self.task_id
            )
        self._on_failure_fail_dagrun = value

    def as_setup(self):
        self.is_setup = True
        return self

    def as_teardown(self, **kwargs):
        """``as_teardown(setups=..., on_failure_fail_dagrun=...)`` (keyword-only, as in Airflow):
        mark the task a teardown, with trigger rule ``all_done_setup_success``; each setup given is
        marked a setup and made upstream of this task."""
        setups, on_failure_fail_dagrun = teardown_arguments("as_teardown", kwargs)
        self.is_teardown = True
        self.trigger_rule = TriggerRule.ALL_DONE_SETUP_SUCCESS
        if on_failure_fail_dagrun is not NOTSET:
            self.on_failure_fail_dagrun = on_failure_fail_dagrun
        if setups is not NOTSET:
            for setup in [setups] if isinstance(setups, DependencyMixin) else setups:
                setup.is_setup = True
                setup >> self
        return self

    def __enter__(self):
        """``with setup_task:`` / ``with teardown_task:`` / ``with setup >> teardown:``."""
        if not self.is_setup and not self.is_teardown:
            raise AirflowException("Only setup/teardown tasks can be used as context managers.")
        SetupTeardownContext.push_setup_teardown_task(self)
        return SetupTeardownContext

    def __exit__(self, exc_type, exc_val, exc_tb):
        SetupTeardownContext.set_work_task_roots_and_leaves()

    def __repr__(self):
        return "<Task(%s): %s>" % (self.task_type, self.task_id)
