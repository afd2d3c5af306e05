"""Variable: ``Variable.get`` at parse time asks VORTEX through ``_lookup`` (no value yet)."""
from __future__ import absolute_import, division, print_function, unicode_literals

import json

_NO_DEFAULT = object()


class Variable(object):
    """A key/value pair stored by the orchestrator."""

    def __init__(self, key=None, val=None, description=None):
        self.key = key
        self.val = val
        self.description = description

    @staticmethod
    def _lookup(key):
        """The stored value of ``key`` as text, or None; VORTEX replaces this hook to serve values."""
        return None

    @classmethod
    def get(cls, key, default_var=_NO_DEFAULT, deserialize_json=False):
        value = cls._lookup(key)
        if value is None:
            if default_var is not _NO_DEFAULT:
                return default_var
            raise KeyError("Variable %s does not exist" % key)
        return json.loads(value) if deserialize_json else value

    @classmethod
    def setdefault(cls, key, default, description=None, deserialize_json=False):
        value = cls.get(key, default_var=None, deserialize_json=deserialize_json)
        if value is None:
            if default is None:
                raise ValueError("Default Value must be set")
            return default
        return value

    @classmethod
    def set(cls, key, value, description=None, serialize_json=False, session=None):
        """Writing variables is not possible while parsing; Airflow would write to its database."""

    @classmethod
    def delete(cls, key, session=None):
        return 0
