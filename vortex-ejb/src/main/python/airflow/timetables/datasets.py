"""DatasetOrTimeSchedule (Airflow 2.9): runs on its timetable and whenever its datasets are updated."""
from __future__ import absolute_import, division, print_function, unicode_literals

from airflow.datasets import BaseDataset, DatasetAll
from airflow.timetables.base import Timetable
from airflow.timetables.simple import serialize_dataset_condition


class DatasetOrTimeSchedule(Timetable):
    def __init__(self, timetable, datasets):
        self.timetable = timetable
        if isinstance(datasets, BaseDataset):
            self.dataset_condition = datasets
        else:
            self.dataset_condition = DatasetAll(*datasets)
        self.can_be_scheduled = timetable.can_be_scheduled
        self.active_runs_limit = timetable.active_runs_limit

    @property
    def summary(self):
        return "Dataset or %s" % self.timetable.summary

    def validate(self):
        self.timetable.validate()

    def serialize_schedule(self):
        schedule = serialize_dataset_condition(self.dataset_condition)
        schedule["type"] = "dataset_or_time"
        schedule["timetable"] = self.timetable.serialize_schedule()
        return schedule
