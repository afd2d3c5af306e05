"""Key validation and the ``chain`` / ``cross_downstream`` helpers."""
from __future__ import absolute_import, division, print_function, unicode_literals

import re

from airflow._vortex.compat import py_repr, string_types
from airflow.exceptions import AirflowException

KEY_REGEX = re.compile(r"^[\w.-]+$", re.UNICODE)
GROUP_KEY_REGEX = re.compile(r"^[\w-]+$", re.UNICODE)


def validate_key(k, max_length=250):
    """Validate a dag_id or task_id the way Airflow does."""
    if not isinstance(k, string_types):
        raise TypeError("The key has to be a string and is %s:%s" % (_type_repr(k), k))
    if len(k) > max_length:
        raise AirflowException("The key has to be less than %d characters" % max_length)
    if not KEY_REGEX.match(k):
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
    if not GROUP_KEY_REGEX.match(k):
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


def at_most_one(*args):
    """True when at most one argument is set (not NOTSET and truthy)."""
    from airflow.utils.types import NOTSET

    return sum(1 for a in args if a is not NOTSET and bool(a)) in (0, 1)


def exactly_one(*args):
    from airflow.utils.types import NOTSET

    return sum(1 for a in args if a is not NOTSET and bool(a)) == 1


def merge_dicts(dict1, dict2):
    merged = dict1.copy()
    for key, value in dict2.items():
        if isinstance(merged.get(key), dict) and isinstance(value, dict):
            merged[key] = merge_dicts(merged[key], value)
        else:
            merged[key] = value
    return merged
