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
        return serialize_dataset_condition(self.dataset_condition)


def serialize_dataset_condition(condition):
    """``uris``: every dataset the condition names; ``condition``: its and/or tree (see docs/dag-serialization.md)."""
    return {
        "type": "dataset",
        "uris": [dataset.uri for dataset in condition.iter_datasets()],
        "aliases": [alias.name for alias in condition.iter_dataset_aliases()],
        "condition": condition.as_condition(),
    }
