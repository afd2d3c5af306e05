"""DayOfWeekSensor: waits until one of the given week days."""
from __future__ import absolute_import, division, print_function, unicode_literals

from airflow.sensors.base import BaseSensorOperator
from airflow.utils.weekday import WeekDay, logical_date_flag


class DayOfWeekSensor(BaseSensorOperator):
    """Waits until the first of the given days of the week (the system's day, or the logical date's)."""

    def __init__(self, week_day, use_task_logical_date=False, use_task_execution_day=False, **kwargs):
        super(DayOfWeekSensor, self).__init__(**kwargs)
        self.week_day = week_day
        self.use_task_logical_date = logical_date_flag(use_task_logical_date, use_task_execution_day)
        self._week_day_num = WeekDay.validate_week_day(week_day)
