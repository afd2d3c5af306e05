"""WeightRule: how a task's effective priority weight is computed."""
from __future__ import absolute_import, division, print_function, unicode_literals

from airflow.utils.trigger_rule import StrEnum


class WeightRule(StrEnum):
    """Weight rules."""

    _order_ = "DOWNSTREAM UPSTREAM ABSOLUTE"
    DOWNSTREAM = "downstream"
    UPSTREAM = "upstream"
    ABSOLUTE = "absolute"

    @classmethod
    def all_weight_rules(cls):
        return cls.values()
