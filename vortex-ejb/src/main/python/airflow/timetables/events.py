"""EventsTimetable: runs at a fixed list of dates (``airflow.timetables.events``)."""
from __future__ import absolute_import, division, print_function, unicode_literals

from airflow.timetables.base import Timetable


class EventsTimetable(Timetable):
    def __init__(self, event_dates, restrict_to_events=False, presorted=False, description=None):
        dates = list(event_dates)
        self.event_dates = dates if presorted else sorted(dates)
        self.restrict_to_events = restrict_to_events
        if description is None:
            # Airflow's own texts; an empty list fails there too.
            self.description = "%d Events between %s and %s" % (len(self.event_dates), self.event_dates[0], self.event_dates[-1])
            self._summary = "%d Events" % len(self.event_dates)
        else:
            self.description = description
            self._summary = description

    @property
    def summary(self):
        return self._summary

    def serialize_schedule(self):
        return {
            "type": "events",
            "dates": self.event_dates,
            "restrict_to_events": self.restrict_to_events,
            "summary": self._summary,
        }
