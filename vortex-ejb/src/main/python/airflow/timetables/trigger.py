"""CronTriggerTimetable: a cron schedule without data intervals (``schedule=CronTriggerTimetable(...)``)."""
from __future__ import absolute_import, division, print_function, unicode_literals

from datetime import timedelta

from airflow.timetables.base import CronMixin, Timetable
from airflow.utils.timezone import zone_label


class CronTriggerTimetable(CronMixin, Timetable):
    def __init__(self, cron, timezone="UTC", interval=timedelta(), run_immediately=False):
        super(CronTriggerTimetable, self).__init__(cron, timezone)
        self._interval = interval
        self.run_immediately = run_immediately

    def serialize_schedule(self):
        schedule = super(CronTriggerTimetable, self).serialize_schedule()
        schedule["timetable"] = "CronTriggerTimetable"
        schedule["timezone"] = zone_label(self._timezone)
        schedule["interval"] = self._interval
        return schedule
