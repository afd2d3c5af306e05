"""Airflow's timezone helpers: naive datetimes mean UTC (Airflow's default_timezone)."""
from __future__ import absolute_import, division, print_function, unicode_literals

import datetime as dt
import re

from airflow._vortex.compat import string_types

_ZERO = dt.timedelta(0)


class _Utc(dt.tzinfo):
    """UTC without depending on pendulum (``datetime.timezone`` does not exist on Python 2)."""

    name = "UTC"

    def utcoffset(self, _dt):
        return _ZERO

    def dst(self, _dt):
        return _ZERO

    def tzname(self, _dt):
        return "UTC"

    def __repr__(self):
        return "Timezone('UTC')"

    def __reduce__(self):
        return (_Utc, ())


class FixedOffset(dt.tzinfo):
    """A constant offset east of UTC, as in ``2024-01-01T00:00:00+02:00``."""

    def __init__(self, seconds):
        self.seconds = seconds

    def utcoffset(self, _dt):
        return dt.timedelta(seconds=self.seconds)

    def dst(self, _dt):
        return _ZERO

    def tzname(self, _dt):
        return format_offset(self.seconds)

    def __repr__(self):
        return "FixedTimezone(%d)" % self.seconds


utc = _Utc()
TIMEZONE = utc
UTC_NAMES = ("UTC", "Etc/UTC", "utc", "Z", "GMT", "Etc/GMT", "+00:00", "UTC+00:00")


def format_offset(seconds):
    sign = "-" if seconds < 0 else "+"
    minutes = abs(int(seconds)) // 60
    return "%s%02d:%02d" % (sign, minutes // 60, minutes % 60)


def timezone_name(tzinfo):
    """IANA name of a tzinfo from any library (pendulum, zoneinfo, pytz), or None for fixed offsets."""
    if tzinfo is None:
        return None
    for attribute in ("name", "key", "zone"):
        name = getattr(tzinfo, attribute, None)
        if isinstance(name, string_types) and name:
            return "UTC" if name in UTC_NAMES else name
    if isinstance(tzinfo, _Utc) or tzinfo.utcoffset(None) == _ZERO and tzinfo.tzname(None) in UTC_NAMES:
        return "UTC"
    return None


def zone_label(zone):
    """How VORTEX names a zone: its IANA name, else its fixed offset (``+02:00``), ``UTC`` by default."""
    if isinstance(zone, string_types):
        return "UTC" if zone in UTC_NAMES else zone
    name = timezone_name(zone)
    if name:
        return name
    offset = zone.utcoffset(None) if zone is not None else None
    return format_offset(offset.total_seconds()) if offset is not None else "UTC"


def is_named_zone(tzinfo):
    """True for a region zone such as Europe/Paris, whose offset depends on the date."""
    name = timezone_name(tzinfo)
    return name is not None and name != "UTC" and not re.match(r"^[+-]\d\d:\d\d$", name)


def is_localized(value):
    return value.utcoffset() is not None


def is_naive(value):
    return value.utcoffset() is None


def utcnow():
    return dt.datetime.utcnow().replace(tzinfo=utc)


def datetime(*args, **kwargs):
    """A datetime in Airflow's default timezone (UTC) unless ``tzinfo`` is given."""
    if "tzinfo" not in kwargs:
        kwargs["tzinfo"] = TIMEZONE
    return dt.datetime(*args, **kwargs)


def make_aware(value, timezone=None):
    if value is None:
        return None
    if is_localized(value):
        raise ValueError("make_aware expects a naive datetime, got %s" % value)
    return value.replace(tzinfo=timezone or TIMEZONE)


def make_naive(value, timezone=None):
    if is_naive(value):
        raise ValueError("make_naive() cannot be applied to a naive datetime")
    return value.astimezone(timezone or TIMEZONE).replace(tzinfo=None)


def coerce_datetime(value, timezone=None):
    """An aware datetime: a naive one is taken to be in ``timezone`` (UTC), an aware one kept as it is."""
    if value is None or is_localized(value):
        return value
    return make_aware(value, timezone)


def convert_to_utc(value):
    """Naive means UTC; fixed offsets become UTC; named zones keep their zone for serialization.

    Airflow converts to UTC too, but keeps the zone in ``dag.timezone``; keeping it on the value
    lets VORTEX report the zone of every date without a second attribute.
    """
    if value is None or not isinstance(value, dt.datetime):
        return value
    if is_naive(value):
        return value.replace(tzinfo=TIMEZONE)
    if is_named_zone(value.tzinfo):
        return value
    return value.astimezone(utc)


_ISO_RE = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})"
    r"(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,6})\d*)?)?)?"
    r"\s*(Z|[+-]\d{2}(?::?\d{2})?)?$"
)


def parse(string, timezone=None):
    """Parse an ISO-8601 date or datetime; without an offset it is in ``timezone`` (UTC)."""
    match = _ISO_RE.match(string.strip())
    if not match:
        raise ValueError("Unable to parse string [%s]" % string)
    year, month, day, hour, minute, second, fraction, offset = match.groups()
    microsecond = int((fraction or "0").ljust(6, "0"))
    tzinfo = timezone or TIMEZONE
    if offset == "Z":
        tzinfo = utc
    elif offset:
        digits = offset[1:].replace(":", "")
        seconds = int(digits[:2]) * 3600 + int(digits[2:4] or 0) * 60
        tzinfo = utc if seconds == 0 else FixedOffset(-seconds if offset[0] == "-" else seconds)
    value = dt.datetime(
        int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0), microsecond
    )
    return value.replace(tzinfo=tzinfo)
