"""BaseSensorOperator: a task that waits for a condition (poked by VORTEX, never here)."""
from __future__ import absolute_import, division, print_function, unicode_literals

from datetime import timedelta
from numbers import Number

from airflow.configuration import conf
from airflow.exceptions import AirflowException
from airflow.models.baseoperator import BaseOperator


class PokeReturnValue(object):
    """What a poke may return: done or not, plus an XCom value."""

    def __init__(self, is_done, xcom_value=None):
        self.is_done = is_done
        self.xcom_value = xcom_value

    def __bool__(self):
        return self.is_done

    __nonzero__ = __bool__


def _coerce_seconds(value, name):
    if isinstance(value, timedelta):
        return value
    if isinstance(value, Number) and not isinstance(value, bool) and value >= 0:
        return timedelta(seconds=value)
    raise AirflowException("Operator arg `%s` must be timedelta object or a non-negative number" % name)


class BaseSensorOperator(BaseOperator):
    """Sensor operators keep executing at an interval and succeed when a criteria is met."""

    ui_color = "#e6f1f2"
    valid_modes = ["poke", "reschedule"]

    def __init__(
        self,
        poke_interval=60,
        timeout=conf.getfloat("sensors", "default_timeout"),
        soft_fail=False,
        mode="poke",
        exponential_backoff=False,
        max_wait=None,
        silent_fail=False,
        never_fail=False,
        **kwargs
    ):
        super(BaseSensorOperator, self).__init__(**kwargs)
        self.poke_interval = _coerce_seconds(poke_interval, "poke_interval").total_seconds()
        self.soft_fail = soft_fail
        self.timeout = _coerce_seconds(timeout, "timeout").total_seconds()
        self.mode = mode
        self.exponential_backoff = exponential_backoff
        self.max_wait = None if max_wait is None else _coerce_seconds(max_wait, "max_wait")
        if soft_fail is True and never_fail is True:
            raise ValueError("soft_fail and never_fail are mutually exclusive, you can not provide both.")
        self.silent_fail = silent_fail
        self.never_fail = never_fail
        if self.mode not in self.valid_modes:
            raise AirflowException(
                "The mode must be one of %s,'%s .%s'; received '%s'."
                % (
                    "['poke', 'reschedule']",
                    self.dag.dag_id if self.has_dag() else "",
                    self.task_id,
                    self.mode,
                )
            )

    @property
    def reschedule(self):
        return self.mode == "reschedule"

    def poke(self, context):
        raise AirflowException("Override me.")
