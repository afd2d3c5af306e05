"""Datasets: ``schedule=[Dataset("s3://...")]`` makes a DAG run when the dataset is updated."""
from __future__ import absolute_import, division, print_function, unicode_literals


class BaseDataset(object):
    def __and__(self, other):
        return DatasetAll(self, other)

    def __or__(self, other):
        return DatasetAny(self, other)


class Dataset(BaseDataset):
    def __init__(self, uri, extra=None):
        self.uri = uri
        self.extra = extra or {}

    def iter_datasets(self):
        yield self

    def __eq__(self, other):
        return isinstance(other, Dataset) and self.uri == other.uri

    def __ne__(self, other):
        return not self == other

    def __hash__(self):
        return hash(self.uri)

    def __repr__(self):
        return "Dataset(uri=%r)" % self.uri


class DatasetAll(BaseDataset):
    def __init__(self, *objects):
        self.objects = objects

    def iter_datasets(self):
        for obj in self.objects:
            for dataset in obj.iter_datasets():
                yield dataset


class DatasetAny(DatasetAll):
    pass
