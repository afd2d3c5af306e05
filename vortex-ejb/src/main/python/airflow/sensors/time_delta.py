"""TimeDeltaSensor: waits until ``delta`` after the end of the data interval; WaitSensor: a fixed wait."""
from __future__ import absolute_import, division, print_function, unicode_literals

from datetime import timedelta

from airflow._vortex.compat import integer_types
from airflow.configuration import conf
from airflow.sensors.base import BaseSensorOperator


class TimeDeltaSensor(BaseSensorOperator):
    def __init__(self, delta, **kwargs):
        super(TimeDeltaSensor, self).__init__(**kwargs)
        self.delta = delta


class TimeDeltaSensorAsync(TimeDeltaSensor):
    def __init__(self, end_from_trigger=False, **kwargs):
        super(TimeDeltaSensorAsync, self).__init__(**kwargs)
        self.end_from_trigger = end_from_trigger


class WaitSensor(BaseSensorOperator):
    """Waits ``time_to_wait`` (a timedelta, or an int of minutes) from the start of the task."""

    def __init__(
        self,
        time_to_wait,
        deferrable=conf.getboolean("operators", "default_deferrable", fallback=False),
        **kwargs
    ):
        super(WaitSensor, self).__init__(**kwargs)
        self.deferrable = deferrable
        if isinstance(time_to_wait, integer_types):
            self.time_to_wait = timedelta(minutes=time_to_wait)
        else:
            self.time_to_wait = time_to_wait
