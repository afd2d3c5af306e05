"""A small stand-in for pendulum, used only when the real library is not installed (always on Jython).

It covers what DAG files use at parse time: ``datetime(..., tz=...)``, ``duration``, ``now``/``today``
with ``add``/``subtract``, ``timezone``, ``parse``, ``instance``, and ``date(...)``/``time(...)`` (the
``Date`` and ``Time`` classes, subclasses of ``datetime.date`` and ``datetime.time``). Region zones (Europe/Paris) take
their offsets from the JVM's time-zone database on Jython and from ``zoneinfo`` on CPython.
"""
from __future__ import absolute_import, division, print_function, unicode_literals

import calendar
import datetime as _dt
import re

__version__ = "3.0.0+vortex.fallback"

_ZERO = _dt.timedelta(0)


class InvalidTimezone(ValueError):
    pass


class _JavaZoneRules(object):
    """Offsets of a zone from java.time (Jython)."""

    def __init__(self, rules):
        self._rules = rules

    def _local(self, naive):
        from java.time import LocalDateTime

        return LocalDateTime.of(naive.year, naive.month, naive.day, naive.hour, naive.minute, naive.second)

    def utcoffset(self, naive):
        return _dt.timedelta(seconds=self._rules.getOffset(self._local(naive)).getTotalSeconds())

    def dst(self, naive):
        local = self._local(naive)
        instant = local.atOffset(self._rules.getOffset(local)).toInstant()
        return _dt.timedelta(seconds=self._rules.getDaylightSavings(instant).getSeconds())


def _zone_rules(name):
    try:
        from java.time import ZoneId
    except ImportError:
        ZoneId = None
    if ZoneId is not None:
        try:
            return _JavaZoneRules(ZoneId.of(name).getRules())
        except:  # noqa: E722 - java.time throws Java exceptions, not Python ones
            raise InvalidTimezone("Invalid timezone %r" % name)
    try:
        import zoneinfo
    except ImportError:
        raise InvalidTimezone("No time-zone database to resolve %r" % name)
    try:
        return zoneinfo.ZoneInfo(name)
    except Exception:
        raise InvalidTimezone("Invalid timezone %r" % name)


class Timezone(_dt.tzinfo):
    """A region zone such as Europe/Paris; the offset depends on the date."""

    def __init__(self, name):
        self.name = name
        self._rules = None if name == "UTC" else _zone_rules(name)

    def utcoffset(self, value):
        if self._rules is None:
            return _ZERO
        if value is None:
            return None
        return self._rules.utcoffset(value.replace(tzinfo=None))

    def dst(self, value):
        if self._rules is None or value is None:
            return _ZERO
        return self._rules.dst(value.replace(tzinfo=None))

    def tzname(self, value):
        return self.name

    def __eq__(self, other):
        return isinstance(other, Timezone) and other.name == self.name

    def __ne__(self, other):
        return not self == other

    def __hash__(self):
        return hash(self.name)

    def __repr__(self):
        return "Timezone('%s')" % self.name


class FixedTimezone(_dt.tzinfo):
    """A constant offset in seconds east of UTC."""

    def __init__(self, offset, name=None):
        self.offset = offset
        sign = "-" if offset < 0 else "+"
        minutes = abs(int(offset)) // 60
        self.name = name or "%s%02d:%02d" % (sign, minutes // 60, minutes % 60)

    def utcoffset(self, value):
        return _dt.timedelta(seconds=self.offset)

    def dst(self, value):
        return _ZERO

    def tzname(self, value):
        return self.name

    def __repr__(self):
        return "FixedTimezone(%d, name=\"%s\")" % (self.offset, self.name)


UTC = Timezone("UTC")
_OFFSET_NAME = re.compile(r"^([+-])(\d{2}):?(\d{2})$")


def timezone(name):
    """``pendulum.timezone("Europe/Paris")``; offsets like ``+02:00`` give a FixedTimezone."""
    if isinstance(name, _dt.tzinfo):
        return name
    if name in ("UTC", "utc", "Etc/UTC", "Z"):
        return UTC
    match = _OFFSET_NAME.match(name)
    if match:
        seconds = int(match.group(2)) * 3600 + int(match.group(3)) * 60
        return FixedTimezone(-seconds if match.group(1) == "-" else seconds)
    return Timezone(name)


def local_timezone():
    """VORTEX parses DAGs the same on every server, so "local" means UTC here."""
    return UTC


def _tz(tz):
    if tz is None or isinstance(tz, _dt.tzinfo):
        return tz
    if tz == "local":
        return local_timezone()
    return timezone(tz)


class Duration(_dt.timedelta):
    """A timedelta that knows pendulum's ``in_*`` helpers."""

    def __new__(cls, days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0, weeks=0, years=0, months=0):
        days = days + years * 365 + months * 30
        return _dt.timedelta.__new__(cls, days, seconds, microseconds, milliseconds, minutes, hours, weeks)

    def in_seconds(self):
        return int(self.total_seconds())

    def in_minutes(self):
        return int(self.total_seconds() // 60)

    def in_hours(self):
        return int(self.total_seconds() // 3600)

    def in_days(self):
        return self.days


def duration(days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0, weeks=0, years=0, months=0):
    return Duration(days, seconds, microseconds, milliseconds, minutes, hours, weeks, years, months)


def _add_months(year, month, day, months):
    """(year, month, day) ``months`` later, the day clipped to the end of the month as pendulum does."""
    month_index = year * 12 + (month - 1) + months
    year, month = divmod(month_index, 12)
    return year, month + 1, min(day, calendar.monthrange(year, month + 1)[1])


class Date(_dt.date):
    """A date with pendulum's helpers (add, subtract, start_of, to_date_string)."""

    @classmethod
    def instance(cls, value):
        return cls(value.year, value.month, value.day)

    @classmethod
    def today(cls):
        return cls.instance(_dt.date.today())

    def add(self, years=0, months=0, weeks=0, days=0):
        value = self
        if years or months:
            value = Date(*_add_months(self.year, self.month, self.day, years * 12 + months))
        return Date.instance(_dt.date.__add__(value, _dt.timedelta(weeks=weeks, days=days)))

    def subtract(self, years=0, months=0, weeks=0, days=0):
        return self.add(-years, -months, -weeks, -days)

    def start_of(self, unit):
        if unit == "day":
            return self
        if unit == "week":
            return self.subtract(days=self.weekday())
        if unit == "month":
            return self.replace(day=1)
        if unit == "year":
            return self.replace(month=1, day=1)
        raise ValueError("Invalid unit %r for start_of()" % unit)

    def to_date_string(self):
        return self.isoformat()

    def replace(self, *args, **kwargs):
        return Date.instance(_dt.date.replace(self, *args, **kwargs))

    def __add__(self, other):
        result = _dt.date.__add__(self, other)
        return Date.instance(result) if isinstance(result, _dt.date) else result

    __radd__ = __add__

    def __sub__(self, other):
        result = _dt.date.__sub__(self, other)
        return Date.instance(result) if isinstance(result, _dt.date) else result

    def __repr__(self):
        return "Date(%d, %d, %d)" % (self.year, self.month, self.day)


class Time(_dt.time):
    """A time of day with pendulum's helpers (add, subtract); ``+``/``-`` a timedelta wrap around midnight."""

    @classmethod
    def instance(cls, value, tz=None):
        tzinfo = value.tzinfo if value.tzinfo is not None else _tz(tz)
        return cls(value.hour, value.minute, value.second, value.microsecond, tzinfo)

    def add(self, hours=0, minutes=0, seconds=0, microseconds=0):
        return self._shifted(_dt.timedelta(hours=hours, minutes=minutes, seconds=seconds, microseconds=microseconds))

    def subtract(self, hours=0, minutes=0, seconds=0, microseconds=0):
        return self.add(-hours, -minutes, -seconds, -microseconds)

    def _shifted(self, delta):
        moved = _dt.datetime.combine(_dt.date(2000, 1, 1), self.replace(tzinfo=None)) + delta
        return Time(moved.hour, moved.minute, moved.second, moved.microsecond, self.tzinfo)

    def replace(self, *args, **kwargs):
        return Time.instance(_dt.time.replace(self, *args, **kwargs))

    def __add__(self, other):
        if isinstance(other, _dt.timedelta):
            return self._shifted(other)
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, _dt.timedelta):
            return self._shifted(-other)
        return NotImplemented

    def __repr__(self):
        parts = "%d, %d, %d" % (self.hour, self.minute, self.second)
        if self.microsecond:
            parts += ", %d" % self.microsecond
        if self.tzinfo is not None:
            parts += ", tzinfo=%r" % (self.tzinfo,)
        return "Time(%s)" % parts


class DateTime(_dt.datetime):
    """A datetime with pendulum's arithmetic helpers (add, subtract, start_of, in_timezone)."""

    @classmethod
    def instance(cls, value, tz=None):
        tzinfo = value.tzinfo if value.tzinfo is not None else _tz(tz)
        return cls(value.year, value.month, value.day, value.hour, value.minute, value.second, value.microsecond, tzinfo)

    @property
    def timezone(self):
        return self.tzinfo

    tz = timezone

    @property
    def timezone_name(self):
        return getattr(self.tzinfo, "name", None)

    def add(self, years=0, months=0, weeks=0, days=0, hours=0, minutes=0, seconds=0, microseconds=0):
        value = self
        if years or months:
            year, month, day = _add_months(self.year, self.month, self.day, years * 12 + months)
            value = self.replace(year=year, month=month, day=day)
        delta = _dt.timedelta(
            weeks=weeks, days=days, hours=hours, minutes=minutes, seconds=seconds, microseconds=microseconds
        )
        return DateTime.instance(_dt.datetime.__add__(value, delta))

    def subtract(self, years=0, months=0, weeks=0, days=0, hours=0, minutes=0, seconds=0, microseconds=0):
        return self.add(-years, -months, -weeks, -days, -hours, -minutes, -seconds, -microseconds)

    def start_of(self, unit):
        if unit == "minute":
            return self.replace(second=0, microsecond=0)
        if unit == "hour":
            return self.replace(minute=0, second=0, microsecond=0)
        day = self.replace(hour=0, minute=0, second=0, microsecond=0)
        if unit == "day":
            return day
        if unit == "week":
            return day.subtract(days=self.weekday())
        if unit == "month":
            return day.replace(day=1)
        if unit == "year":
            return day.replace(month=1, day=1)
        raise ValueError("Invalid unit %r for start_of()" % unit)

    def end_of(self, unit):
        if unit != "day":
            raise ValueError("The VORTEX pendulum stand-in supports end_of('day') only")
        return self.replace(hour=23, minute=59, second=59, microsecond=999999)

    def in_timezone(self, tz):
        return DateTime.instance(self.astimezone(_tz(tz)))

    in_tz = in_timezone

    def date(self):
        return Date(self.year, self.month, self.day)

    def time(self):
        return Time(self.hour, self.minute, self.second, self.microsecond)

    def naive(self):
        return DateTime.instance(self.replace(tzinfo=None))

    def to_iso8601_string(self):
        return self.isoformat()

    def to_date_string(self):
        return self.strftime("%Y-%m-%d")

    def to_datetime_string(self):
        return self.strftime("%Y-%m-%d %H:%M:%S")

    def replace(self, *args, **kwargs):
        return DateTime.instance(_dt.datetime.replace(self, *args, **kwargs))

    def __add__(self, other):
        result = _dt.datetime.__add__(self, other)
        return DateTime.instance(result) if isinstance(result, _dt.datetime) else result

    __radd__ = __add__

    def __sub__(self, other):
        result = _dt.datetime.__sub__(self, other)
        return DateTime.instance(result) if isinstance(result, _dt.datetime) else result


def datetime(year, month=1, day=1, hour=0, minute=0, second=0, microsecond=0, tz=UTC, **kwargs):
    return DateTime(year, month, day, hour, minute, second, microsecond, _tz(kwargs.get("tzinfo", tz)))


def local(year, month=1, day=1, hour=0, minute=0, second=0, microsecond=0):
    return datetime(year, month, day, hour, minute, second, microsecond, tz=local_timezone())


def naive(year, month=1, day=1, hour=0, minute=0, second=0, microsecond=0):
    return DateTime(year, month, day, hour, minute, second, microsecond)


def date(year, month, day):
    return Date(year, month, day)


def time(hour, minute=0, second=0, microsecond=0):
    """``pendulum.time(0, 0, 0)``: a time of day without timezone."""
    return Time(hour, minute, second, microsecond)


def now(tz=None):
    zone = _tz(tz) or local_timezone()
    return DateTime.instance(_dt.datetime.utcnow().replace(tzinfo=UTC).astimezone(zone))


def today(tz="local"):
    return now(tz).start_of("day")


def yesterday(tz="local"):
    return today(tz).subtract(days=1)


def tomorrow(tz="local"):
    return today(tz).add(days=1)


def instance(value, tz=UTC):
    return DateTime.instance(value, tz)


def from_timestamp(timestamp, tz=UTC):
    value = DateTime.instance(_dt.datetime.utcfromtimestamp(timestamp).replace(tzinfo=UTC))
    return value.in_timezone(tz)


_ISO = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,6})\d*)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$"
)


def parse(text, tz=UTC, **options):
    """ISO-8601 dates and datetimes; without an offset the value is in ``tz``."""
    match = _ISO.match(text.strip())
    if not match:
        raise ValueError("Unable to parse string [%s]" % text)
    year, month, day, hour, minute, second, fraction, offset = match.groups()
    zone = _tz(tz)
    if offset:
        zone = UTC if offset == "Z" else timezone(offset)
    return DateTime(
        int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0),
        int((fraction or "0").ljust(6, "0")), zone,
    )
