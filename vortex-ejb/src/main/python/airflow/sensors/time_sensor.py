"""TimeSensor / TimeSensorAsync: wait until a time of day (in the DAG's timezone)."""
from __future__ import absolute_import, division, print_function, unicode_literals

import datetime

from airflow.sensors.base import BaseSensorOperator
from airflow.utils import timezone


class TimeSensor(BaseSensorOperator):
    """Waits until the specified time of the day."""

    def __init__(self, target_time, **kwargs):
        super(TimeSensor, self).__init__(**kwargs)
        self.target_time = target_time


class TimeSensorAsync(BaseSensorOperator):
    """Waits until the specified time of the day, deferred to the triggerer."""

    start_from_trigger = False

    def __init__(self, target_time, start_from_trigger=False, trigger_kwargs=None, end_from_trigger=False, **kwargs):
        super(TimeSensorAsync, self).__init__(**kwargs)
        self.start_from_trigger = start_from_trigger
        self.end_from_trigger = end_from_trigger
        self.target_time = target_time
        # Today at target_time in the DAG's timezone, as Airflow computes it (it needs the DAG).
        dag_timezone = self.dag.timezone
        aware_time = datetime.datetime.combine(datetime.datetime.today(), target_time).replace(tzinfo=dag_timezone)
        self.target_datetime = timezone.convert_to_utc(aware_time)
