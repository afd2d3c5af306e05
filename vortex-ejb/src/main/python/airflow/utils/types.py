"""Sentinels Airflow uses to tell "argument not given" from ``None``."""
from __future__ import absolute_import, division, print_function, unicode_literals


class ArgNotSet(object):
    """Type of NOTSET: an argument the caller did not pass."""

    def __repr__(self):
        return "NOTSET"

    def __bool__(self):
        return False

    __nonzero__ = __bool__


NOTSET = ArgNotSet()


class DagRunType(object):
    BACKFILL_JOB = "backfill"
    SCHEDULED = "scheduled"
    MANUAL = "manual"
    DATASET_TRIGGERED = "dataset_triggered"
