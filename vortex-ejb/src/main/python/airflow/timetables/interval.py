"""Data-interval schedules: a cron expression or a fixed timedelta."""
from __future__ import absolute_import, division, print_function, unicode_literals

from airflow.timetables.base import CronMixin, Timetable


class CronDataIntervalTimetable(CronMixin, Timetable):
    """What a cron string or preset becomes in Airflow 2 (``create_cron_data_intervals``)."""


class DeltaDataIntervalTimetable(Timetable):
    """A schedule of one run every ``delta``."""

    def __init__(self, delta):
        self._delta = delta

    @property
    def summary(self):
        return str(self._delta)

    def serialize_schedule(self):
        total = getattr(self._delta, "total_seconds", None)
        if total is None:
            return {"type": "relativedelta", "value": repr(self._delta)}
        return {"type": "timedelta", "seconds": float(total())}
