"""Timetable: how a DAG's ``schedule`` argument is understood; VORTEX's scheduler reads the summary."""
from __future__ import absolute_import, division, print_function, unicode_literals

import re

from airflow.exceptions import AirflowTimetableInvalid


class Timetable(object):
    """Base class of all schedules."""

    can_be_scheduled = True
    active_runs_limit = None
    summary = None

    def validate(self):
        """Raise AirflowTimetableInvalid for a schedule that can never run."""

    def serialize_schedule(self):
        return {"type": "custom", "value": "%s.%s" % (type(self).__module__, type(self).__name__)}


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
