"""DateTimeSensor / DateTimeSensorAsync: wait until a (templated) datetime."""
from __future__ import absolute_import, division, print_function, unicode_literals

import datetime

from airflow._vortex.compat import string_types, type_repr
from airflow.sensors.base import BaseSensorOperator
from airflow.utils import timezone


class DateTimeSensor(BaseSensorOperator):
    """Waits until the specified datetime; ``target_time`` is a template field, so a datetime is kept
    as its ISO text, as in Airflow."""

    template_fields = ("target_time",)

    def __init__(self, target_time, **kwargs):
        super(DateTimeSensor, self).__init__(**kwargs)
        if isinstance(target_time, datetime.datetime):
            self.target_time = target_time.isoformat()
        elif isinstance(target_time, string_types):
            self.target_time = target_time
        else:
            raise TypeError(
                "Expected str or datetime.datetime type for target_time. Got %s" % type_repr(target_time)
            )


class DateTimeSensorAsync(DateTimeSensor):
    """Waits until the specified datetime, deferred to the triggerer."""

    start_from_trigger = False

    def __init__(self, start_from_trigger=False, end_from_trigger=False, trigger_kwargs=None, **kwargs):
        super(DateTimeSensorAsync, self).__init__(**kwargs)
        self.end_from_trigger = end_from_trigger
        self.start_from_trigger = start_from_trigger
        if self.start_from_trigger:
            # Airflow parses the (unrendered) target right away in this mode.
            timezone.parse(self.target_time)
