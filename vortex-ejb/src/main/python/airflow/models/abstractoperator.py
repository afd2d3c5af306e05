"""Defaults shared by classic and mapped operators, and their common base class."""
from __future__ import absolute_import, division, print_function, unicode_literals

from datetime import timedelta

from airflow.configuration import conf
from airflow.models.taskmixin import DAGNode
from airflow.models.xcom_arg import XComArg
from airflow.utils.trigger_rule import TriggerRule
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
    is_setup = False
    is_teardown = False

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

    def __repr__(self):
        return "<Task(%s): %s>" % (self.task_type, self.task_id)
