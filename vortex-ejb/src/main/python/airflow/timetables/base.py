"""Timetable: how a DAG's ``schedule`` argument is understood; VORTEX's scheduler reads the summary."""
from __future__ import absolute_import, division, print_function, unicode_literals

import re
from collections import namedtuple

from airflow._vortex.compat import callable_name
from airflow.exceptions import AirflowTimetableInvalid


class DataInterval(namedtuple("DataInterval", ["start", "end"])):
    """The period a run covers; custom timetables build these."""

    __slots__ = ()

    @classmethod
    def exact(cls, at):
        return cls(at, at)


class TimeRestriction(namedtuple("TimeRestriction", ["earliest", "latest", "catchup"])):
    """The bounds a DAG puts on its timetable: start_date, end_date and catchup."""

    __slots__ = ()


class DagRunInfo(namedtuple("DagRunInfo", ["run_after", "data_interval"])):
    """When a run may start, and the data interval it covers."""

    __slots__ = ()

    @classmethod
    def exact(cls, at):
        return cls(run_after=at, data_interval=DataInterval.exact(at))

    @classmethod
    def interval(cls, start, end):
        return cls(run_after=end, data_interval=DataInterval(start, end))

    @property
    def logical_date(self):
        return self.data_interval.start


class Timetable(object):
    """Base class of all schedules."""

    can_be_scheduled = True
    active_runs_limit = None

    @property
    def summary(self):
        """What the UI shows as the schedule; Airflow's default is the class name."""
        return type(self).__name__

    def validate(self):
        """Raise AirflowTimetableInvalid for a schedule that can never run."""

    def serialize_schedule(self):
        return {"type": "custom", "value": callable_name(type(self)), "summary": self.summary}


# croniter's aliases besides Airflow's own presets.
CRON_ALIASES = {
    "@hourly": "0 * * * *",
    "@daily": "0 0 * * *",
    "@midnight": "0 0 * * *",
    "@weekly": "0 0 * * 0",
    "@monthly": "0 0 1 * *",
    "@quarterly": "0 0 1 */3 *",
    "@yearly": "0 0 1 1 *",
    "@annually": "0 0 1 1 *",
}

_FIELD_RANGES = [(0, 59), (0, 23), (1, 31), (1, 12), (0, 7)]
_FIELD_CHARS = re.compile(r"^[\d*/,?LW#A-Za-z-]+$")


class CronMixin(object):
    """A cron expression (or preset), checked the way croniter checks it."""

    def __init__(self, cron, timezone):
        self._expression = CRON_ALIASES.get(cron, cron)
        self._original = cron
        self._timezone = timezone

    @property
    def summary(self):
        return self._original

    def validate(self):
        fields = self._expression.split()
        if len(fields) not in (5, 6, 7):
            raise AirflowTimetableInvalid("Exactly 5, 6 or 7 columns has to be specified for iterator expression.")
        for field, (low, high) in zip(fields, _FIELD_RANGES):
            if not _FIELD_CHARS.match(field):
                raise AirflowTimetableInvalid("[%s] is not acceptable" % self._expression)
            for number in re.findall(r"\d+", field.split("/")[0]):
                if not low <= int(number) <= high:
                    raise AirflowTimetableInvalid("[%s] is not acceptable, out of range" % self._expression)

    def serialize_schedule(self):
        if self._original.startswith("@"):
            return {"type": "preset", "value": self._original, "cron": self._expression}
        return {"type": "cron", "value": self._original}
