"""TimeDeltaSensor: waits until ``delta`` after the end of the data interval."""
from __future__ import absolute_import, division, print_function, unicode_literals

from airflow.sensors.base import BaseSensorOperator


class TimeDeltaSensor(BaseSensorOperator):
    def __init__(self, delta, **kwargs):
        super(TimeDeltaSensor, self).__init__(**kwargs)
        self.delta = delta


class TimeDeltaSensorAsync(TimeDeltaSensor):
    def __init__(self, end_from_trigger=False, **kwargs):
        super(TimeDeltaSensorAsync, self).__init__(**kwargs)
        self.end_from_trigger = end_from_trigger
