"""Datasets: ``schedule=[Dataset("s3://...")]`` makes a DAG run when the dataset is updated.

``&`` and ``|`` build the conditions of Airflow 2.9+; ``as_condition()`` is how VORTEX stores them.
"""
from __future__ import absolute_import, division, print_function, unicode_literals


class BaseDataset(object):
    def __and__(self, other):
        if not isinstance(other, BaseDataset):
            return NotImplemented
        return DatasetAll(self, other)

    def __or__(self, other):
        if not isinstance(other, BaseDataset):
            return NotImplemented
        return DatasetAny(self, other)

    def iter_datasets(self):
        return iter(())

    def iter_dataset_aliases(self):
        return iter(())


class Dataset(BaseDataset):
    def __init__(self, uri, extra=None):
        if not uri or not uri.strip():
            raise ValueError("Dataset URI cannot be empty")
        if uri.startswith("airflow://"):
            raise ValueError("Scheme `airflow` is reserved.")
        self.uri = uri
        self.extra = extra or {}

    def iter_datasets(self):
        return iter([self])

    def as_condition(self):
        return {"uri": self.uri}

    def __eq__(self, other):
        return isinstance(other, Dataset) and self.uri == other.uri

    def __ne__(self, other):
        return not self == other

    def __hash__(self):
        return hash(self.uri)

    def __repr__(self):
        return "Dataset(uri=%r, extra=%r)" % (self.uri, self.extra)


class DatasetAlias(BaseDataset):
    """A name a task resolves to concrete datasets at run time (Airflow 2.10)."""

    def __init__(self, name):
        if not name or not name.strip():
            raise ValueError("DatasetAlias name cannot be empty")
        self.name = name

    def iter_dataset_aliases(self):
        return iter([self])

    def as_condition(self):
        return {"alias": self.name}

    def __eq__(self, other):
        return isinstance(other, DatasetAlias) and self.name == other.name

    def __ne__(self, other):
        return not self == other

    def __hash__(self):
        return hash(self.name)

    def __repr__(self):
        return "DatasetAlias(name=%r)" % self.name


class _DatasetBooleanCondition(BaseDataset):
    _key = None

    def __init__(self, *objects):
        if not all(isinstance(obj, BaseDataset) for obj in objects):
            raise TypeError("expect dataset expressions in condition")
        self.objects = objects

    def iter_datasets(self):
        seen = set()
        found = []
        for obj in self.objects:
            for dataset in obj.iter_datasets():
                if dataset.uri not in seen:
                    seen.add(dataset.uri)
                    found.append(dataset)
        return iter(found)

    def iter_dataset_aliases(self):
        found = []
        for obj in self.objects:
            found.extend(obj.iter_dataset_aliases())
        return iter(found)

    def as_condition(self):
        return {self._key: [obj.as_condition() for obj in self.objects]}


class DatasetAll(_DatasetBooleanCondition):
    """Every dataset (or condition) must have been updated: ``a & b``, or a list as ``schedule``."""

    _key = "all"

    def __and__(self, other):
        if not isinstance(other, BaseDataset):
            return NotImplemented
        # Airflow flattens a chain of & into one condition.
        return DatasetAll(*(self.objects + (other,)))

    def __repr__(self):
        return "DatasetAll(%s)" % ", ".join(repr(obj) for obj in self.objects)


class DatasetAny(_DatasetBooleanCondition):
    """Any one of the datasets (or conditions) updated is enough: ``a | b``."""

    _key = "any"

    def __or__(self, other):
        if not isinstance(other, BaseDataset):
            return NotImplemented
        return DatasetAny(*(self.objects + (other,)))

    def __repr__(self):
        return "DatasetAny(%s)" % ", ".join(repr(obj) for obj in self.objects)
