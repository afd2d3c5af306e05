"""TriggerRule: Airflow's ``str`` enum of the rules deciding when a task may run."""
from __future__ import absolute_import, division, print_function, unicode_literals

from airflow._vortex.compat import text_type, with_metaclass


class _StrEnumMeta(type):
    """Enough of ``enum.EnumMeta`` for a ``str`` enum on Python 2: lookup by value, iteration."""

    def __new__(mcs, name, bases, namespace):
        cls = type.__new__(mcs, name, bases, namespace)
        members = []
        for key, value in list(namespace.items()):
            if key.isupper() and isinstance(value, (str, text_type)):
                member = text_type.__new__(cls, value)
                member._name_ = key
                member._value_ = text_type(value)  # the plain string, as enum members have it
                setattr(cls, key, member)
                members.append(member)
        order = namespace.get("_order_", "").split()
        members.sort(key=lambda m: order.index(m._name_) if m._name_ in order else len(order))
        cls._members_ = members
        # Member by value: lookups and validation run for every operator, a dict keeps them cheap.
        cls._value2member_ = dict((text_type(member), member) for member in members)
        return cls

    def __call__(cls, value):
        try:
            return cls._value2member_[value]
        except (KeyError, TypeError):  # TypeError: unhashable values are no member either
            pass
        raise ValueError("%r is not a valid %s" % (text_type(value), cls.__name__))

    def __iter__(cls):
        return iter(cls._members_)

    def __len__(cls):
        return len(cls._members_)

    @property
    def __members__(cls):
        return dict((m._name_, m) for m in cls._members_)


class StrEnum(with_metaclass(_StrEnumMeta, text_type)):
    """Members are strings equal to their value, as ``class X(str, Enum)`` members are."""

    @property
    def value(self):
        return text_type(self)

    @property
    def name(self):
        return self._name_

    def __repr__(self):
        return "<%s.%s: '%s'>" % (type(self).__name__, self._name_, text_type(self))

    def __str__(self):
        return text_type.__str__(self)

    # No __hash__ override: the inherited str hash is the same value, and a Python-level
    # __hash__ ran on every rule lookup (slow on Jython).

    def __reduce__(self):
        return (type(self), (text_type(self),))

    @classmethod
    def is_valid(cls, value):
        return value in cls._value2member_

    @classmethod
    def values(cls):
        return set(m.value for m in cls)


class TriggerRule(StrEnum):
    """Class with task's trigger rules."""

    _order_ = (
        "ALL_SUCCESS ALL_FAILED ALL_DONE ALL_DONE_SETUP_SUCCESS ONE_SUCCESS ONE_FAILED ONE_DONE "
        "NONE_FAILED NONE_SKIPPED ALWAYS NONE_FAILED_MIN_ONE_SUCCESS ALL_SKIPPED"
    )
    ALL_SUCCESS = "all_success"
    ALL_FAILED = "all_failed"
    ALL_DONE = "all_done"
    ALL_DONE_SETUP_SUCCESS = "all_done_setup_success"
    ONE_SUCCESS = "one_success"
    ONE_FAILED = "one_failed"
    ONE_DONE = "one_done"
    NONE_FAILED = "none_failed"
    NONE_SKIPPED = "none_skipped"
    ALWAYS = "always"
    NONE_FAILED_MIN_ONE_SUCCESS = "none_failed_min_one_success"
    ALL_SKIPPED = "all_skipped"

    @classmethod
    def all_triggers(cls):
        return cls.values()
