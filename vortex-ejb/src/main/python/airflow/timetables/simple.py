"""Schedules without a clock: None, ``@once``, ``@continuous``, dataset-triggered."""
from __future__ import absolute_import, division, print_function, unicode_literals

from airflow.timetables.base import Timetable


class NullTimetable(Timetable):
    """``schedule=None``: runs only when triggered."""

    can_be_scheduled = False
    summary = None

    def serialize_schedule(self):
        return None


class OnceTimetable(Timetable):
    summary = "@once"

    def serialize_schedule(self):
        return {"type": "once"}


class ContinuousTimetable(Timetable):
    """A new run as soon as the previous one ends; Airflow allows one active run only."""

    summary = "@continuous"
    active_runs_limit = 1

    def serialize_schedule(self):
        return {"type": "continuous"}


class DatasetTriggeredTimetable(Timetable):
    summary = "Dataset"

    def __init__(self, datasets):
        self.dataset_condition = datasets

    def serialize_schedule(self):
        return {"type": "dataset", "uris": [d.uri for d in self.dataset_condition.iter_datasets()]}
