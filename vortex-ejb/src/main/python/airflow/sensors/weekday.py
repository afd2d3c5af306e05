"""DayOfWeekSensor: waits until one of the given week days."""
from __future__ import absolute_import, division, print_function, unicode_literals

import warnings

from airflow.exceptions import RemovedInAirflow3Warning
from airflow.sensors.base import BaseSensorOperator
from airflow.utils.weekday import WeekDay


class DayOfWeekSensor(BaseSensorOperator):
    """Waits until the first of the given days of the week (the system's day, or the logical date's)."""

    def __init__(self, week_day, use_task_logical_date=False, use_task_execution_day=False, **kwargs):
        super(DayOfWeekSensor, self).__init__(**kwargs)
        self.week_day = week_day
        self.use_task_logical_date = use_task_logical_date
        if use_task_execution_day:
            self.use_task_logical_date = use_task_execution_day
            warnings.warn(
                "Parameter ``use_task_execution_day`` is deprecated. Use ``use_task_logical_date``.",
                RemovedInAirflow3Warning,
                stacklevel=2,
            )
        self._week_day_num = WeekDay.validate_week_day(week_day)
