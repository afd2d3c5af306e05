"""WeekDay: the ISO day numbers (Monday 1 ... Sunday 7) as Airflow's ``IntEnum``.

Jython 2.7 has no ``enum`` module, so the members are ``int`` instances of the class itself, made by a
small metaclass that gives what DAG files use: ``WeekDay.MONDAY``, ``WeekDay(1)``, ``WeekDay["MONDAY"]``,
iteration, ``__members__``, ``.name`` and ``.value``.
"""
from __future__ import absolute_import, division, print_function, unicode_literals

import warnings

from airflow._vortex.compat import integer_types, string_types, type_repr, with_metaclass
from airflow.exceptions import RemovedInAirflow3Warning


class _IntEnumMeta(type):
    def __new__(mcs, name, bases, namespace):
        cls = type.__new__(mcs, name, bases, namespace)
        members = []
        for key, value in list(namespace.items()):
            if key.isupper() and type(value) in integer_types:
                member = int.__new__(cls, value)
                member._name_ = key
                setattr(cls, key, member)
                members.append(member)
        members.sort(key=int)
        cls._members_ = members
        cls._value2member_ = dict((int(member), member) for member in members)
        return cls

    def __call__(cls, value):
        if isinstance(value, cls):
            return value
        try:
            return cls._value2member_[value]
        except (KeyError, TypeError):
            pass
        raise ValueError("%r is not a valid %s" % (value, cls.__name__))

    def __getitem__(cls, name):
        for member in cls._members_:
            if member._name_ == name:
                return member
        raise KeyError(name)

    def __iter__(cls):
        return iter(cls._members_)

    def __len__(cls):
        return len(cls._members_)

    def __contains__(cls, value):
        return isinstance(value, cls) and value in cls._members_

    @property
    def __members__(cls):
        return dict((m._name_, m) for m in cls._members_)


class _IntEnum(with_metaclass(_IntEnumMeta, int)):
    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return int(self)

    def __repr__(self):
        return "<%s.%s: %d>" % (type(self).__name__, self._name_, int(self))

    def __str__(self):
        # Python 3.11+ IntEnum: str() is the number.
        return str(int(self))

    __hash__ = int.__hash__

    def __reduce__(self):
        return (type(self), (int(self),))


class WeekDay(_IntEnum):
    """Python Enum containing Days of the Week."""

    MONDAY = 1
    TUESDAY = 2
    WEDNESDAY = 3
    THURSDAY = 4
    FRIDAY = 5
    SATURDAY = 6
    SUNDAY = 7

    @classmethod
    def get_weekday_number(cls, week_day_str):
        """The ISO week day number of a day's full name, in any case ("Sunday" gives SUNDAY, 7)."""
        sanitized_week_day_str = week_day_str.upper()
        if sanitized_week_day_str not in cls.__members__:
            raise AttributeError('Invalid Week Day passed: "%s"' % week_day_str)
        return cls[sanitized_week_day_str]

    @classmethod
    def convert(cls, day):
        """The day number of a WeekDay or a day name."""
        if isinstance(day, WeekDay):
            return day
        return cls.get_weekday_number(week_day_str=day)

    @classmethod
    def validate_week_day(cls, week_day):
        """The set of day numbers of a day name, a WeekDay, or an iterable of either."""
        if isinstance(week_day, WeekDay):
            week_day = set([week_day])
        elif isinstance(week_day, string_types):
            week_day = set([week_day])
        else:
            try:
                iter(week_day)
            except TypeError:
                raise TypeError(
                    "Unsupported Type for week_day parameter: %s."
                    "Input should be iterable type:"
                    "str, set, list, dict or Weekday enum type" % type_repr(week_day)
                )
        return set(cls.convert(item) for item in week_day)


def logical_date_flag(use_task_logical_date, use_task_execution_day):
    """``use_task_logical_date``, or what its deprecated name ``use_task_execution_day`` says, with Airflow's warning."""
    if use_task_execution_day:
        warnings.warn(
            "Parameter ``use_task_execution_day`` is deprecated. Use ``use_task_logical_date``.",
            RemovedInAirflow3Warning,
            stacklevel=3,
        )
        return use_task_execution_day
    return use_task_logical_date
