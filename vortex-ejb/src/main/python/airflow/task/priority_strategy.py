"""Priority weight strategies (Airflow 2.9+): ``weight_rule`` as a name or a strategy object.

Custom strategies need an Airflow plugin to register them; VORTEX loads no plugins, so only the
three built-in rules are accepted, and anything else fails the way Airflow fails for an
unregistered strategy.
"""
from __future__ import absolute_import, division, print_function, unicode_literals

from airflow._vortex.compat import callable_name, string_types
from airflow.exceptions import AirflowException
from airflow.utils.weight_rule import WeightRule


class PriorityWeightStrategy(object):
    """Base class of priority weight strategies."""

    def get_weight(self, ti):
        raise NotImplementedError("must be implemented by a subclass")

    @classmethod
    def deserialize(cls, data):
        return cls(**data)

    def serialize(self):
        return {}

    def __eq__(self, other):
        return type(self) is type(other) and self.serialize() == other.serialize()

    def __ne__(self, other):
        return not self == other

    def __hash__(self):
        return hash(type(self))


class _AbsolutePriorityWeightStrategy(PriorityWeightStrategy):
    rule = WeightRule.ABSOLUTE


class _DownstreamPriorityWeightStrategy(PriorityWeightStrategy):
    rule = WeightRule.DOWNSTREAM


class _UpstreamPriorityWeightStrategy(PriorityWeightStrategy):
    rule = WeightRule.UPSTREAM


airflow_priority_weight_strategies = {
    WeightRule.ABSOLUTE: _AbsolutePriorityWeightStrategy,
    WeightRule.DOWNSTREAM: _DownstreamPriorityWeightStrategy,
    WeightRule.UPSTREAM: _UpstreamPriorityWeightStrategy,
}


def validate_and_load_priority_weight_strategy(priority_weight_strategy):
    """The strategy a ``weight_rule`` value names; AirflowException for an unknown one."""
    if priority_weight_strategy is None:
        return _AbsolutePriorityWeightStrategy()
    if isinstance(priority_weight_strategy, string_types):
        strategy_class = airflow_priority_weight_strategies.get(priority_weight_strategy)
        if strategy_class is not None:
            return strategy_class()
        name = priority_weight_strategy
    else:
        if type(priority_weight_strategy) in airflow_priority_weight_strategies.values():
            return priority_weight_strategy
        name = callable_name(priority_weight_strategy)
    raise AirflowException("Unknown priority strategy %s" % name)
