"""Key validation and the ``chain`` / ``cross_downstream`` helpers."""
from __future__ import absolute_import, division, print_function, unicode_literals

import re

from airflow._vortex.compat import py_repr, string_types
from airflow.exceptions import AirflowException
from airflow.utils.types import NOTSET

KEY_REGEX = re.compile(r"^[\w.-]+$", re.UNICODE)
GROUP_KEY_REGEX = re.compile(r"^[\w-]+$", re.UNICODE)

# Keys already known to match KEY_REGEX / GROUP_KEY_REGEX: every parse of a file validates the
# same ids again, and a regex match is comparatively slow on Jython. Bounded by _MATCHED_LIMIT.
_MATCHED_KEYS = set()
_MATCHED_GROUP_KEYS = set()
_MATCHED_LIMIT = 100000


def _matches(regex, matched, key):
    if key in matched:
        return True
    if not regex.match(key):
        return False
    if len(matched) >= _MATCHED_LIMIT:
        matched.clear()
    matched.add(key)
    return True


def validate_key(k, max_length=250):
    """Validate a dag_id or task_id the way Airflow does."""
    if not isinstance(k, string_types):
        raise TypeError("The key has to be a string and is %s:%s" % (_type_repr(k), k))
    if len(k) > max_length:
        raise AirflowException("The key has to be less than %d characters" % max_length)
    if not _matches(KEY_REGEX, _MATCHED_KEYS, k):
        raise AirflowException(
            "The key %s has to be made of alphanumeric characters, dashes, "
            "dots and underscores exclusively" % py_repr(k)
        )


def validate_group_key(k, max_length=200):
    """Validate a TaskGroup id used as a prefix: no dots allowed."""
    if not isinstance(k, string_types):
        raise TypeError("The key has to be a string and is %s:%s" % (_type_repr(k), k))
    if len(k) > max_length:
        raise AirflowException("The key has to be less than %d characters" % max_length)
    if not _matches(GROUP_KEY_REGEX, _MATCHED_GROUP_KEYS, k):
        raise AirflowException(
            "The key %s has to be made of alphanumeric characters, dashes "
            "and underscores exclusively" % py_repr(k)
        )


def _type_repr(value):
    return "<class '%s'>" % type(value).__name__


def chain(*args, **kwargs):
    from airflow.models.baseoperator import chain as _chain

    return _chain(*args, **kwargs)


def cross_downstream(*args, **kwargs):
    from airflow.models.baseoperator import cross_downstream as _cross_downstream

    return _cross_downstream(*args, **kwargs)


def _count_set(args):
    """How many arguments are set (not NOTSET and truthy); a loop, as generators are slow on Jython."""
    count = 0
    for arg in args:
        if arg is not NOTSET and bool(arg):
            count += 1
    return count


def at_most_one(*args):
    """True when at most one argument is set (not NOTSET and truthy)."""
    return _count_set(args) in (0, 1)


def exactly_one(*args):
    return _count_set(args) == 1


def merge_dicts(dict1, dict2):
    merged = dict1.copy()
    for key, value in dict2.items():
        if isinstance(merged.get(key), dict) and isinstance(value, dict):
            merged[key] = merge_dicts(merged[key], value)
        else:
            merged[key] = value
    return merged
