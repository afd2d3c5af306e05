"""Param and ParamsDict: DAG/task parameters with an optional JSON-schema.

Validation covers the schema keywords DAG files use (type, enum, bounds, lengths, required
properties); VORTEX's UI validates full JSON schema when a run is triggered.
"""
from __future__ import absolute_import, division, print_function, unicode_literals

import copy
import numbers

from airflow._vortex.compat import MutableMapping, deepcopy_value, integer_types, py_repr, string_types
from airflow.exceptions import ParamValidationError
from airflow.utils.types import NOTSET, ArgNotSet


class Param(object):
    """A parameter value with its description and schema keywords."""

    CLASS_IDENTIFIER = "__class"

    def __init__(self, default=NOTSET, description=None, **kwargs):
        self.value = default
        self.description = description
        self.schema = kwargs.pop("schema") if "schema" in kwargs else kwargs

    def __copy__(self):
        return Param(self.value, self.description, schema=self.schema)

    def __deepcopy__(self, memo):
        return Param(deepcopy_value(self.value, memo), self.description, schema=deepcopy_value(self.schema, memo))

    def has_value(self):
        return self.value is not NOTSET and self.value is not None

    def resolve(self, value=NOTSET, suppress_exception=False):
        """Validate ``value`` (or the default) against the schema and return it."""
        final_val = self.value if value is NOTSET else value
        if isinstance(final_val, ArgNotSet):
            if suppress_exception:
                return None
            raise ParamValidationError("No value passed and Param has no default value")
        problem = _schema_problem(final_val, self.schema)
        if problem:
            if suppress_exception:
                return None
            raise ParamValidationError(problem)
        self.value = final_val
        return final_val

    def dump(self):
        return {"value": self.value, "description": self.description, "schema": self.schema}

    def __repr__(self):
        return "Param(%s)" % py_repr(self.value)


_TYPE_CHECKS = {
    "string": lambda v: isinstance(v, string_types),
    "integer": lambda v: isinstance(v, integer_types) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, numbers.Number) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "array": lambda v: isinstance(v, (list, tuple)),
    "object": lambda v: isinstance(v, dict),
    "null": lambda v: v is None,
}


def _schema_problem(value, schema):
    """A jsonschema-like message for the first violated keyword, or None."""
    if not isinstance(schema, dict):
        return None
    expected = schema.get("type")
    if expected is not None:
        types = expected if isinstance(expected, (list, tuple)) else [expected]
        if not any(_TYPE_CHECKS.get(t, lambda v: True)(value) for t in types):
            shown = py_repr(expected if isinstance(expected, string_types) else list(expected))
            return "%s is not of type %s" % (py_repr(value), shown)
    if "enum" in schema and value not in schema["enum"]:
        return "%s is not one of %s" % (py_repr(value), py_repr(list(schema["enum"])))
    if "const" in schema and value != schema["const"]:
        return "%s was expected" % py_repr(schema["const"])
    if isinstance(value, numbers.Number) and not isinstance(value, bool):
        if "minimum" in schema and value < schema["minimum"]:
            return "%s is less than the minimum of %s" % (value, schema["minimum"])
        if "maximum" in schema and value > schema["maximum"]:
            return "%s is greater than the maximum of %s" % (value, schema["maximum"])
    if isinstance(value, string_types):
        if "minLength" in schema and len(value) < schema["minLength"]:
            return "%s is too short" % py_repr(value)
        if "maxLength" in schema and len(value) > schema["maxLength"]:
            return "%s is too long" % py_repr(value)
    if isinstance(value, dict):
        for name in schema.get("required", []):
            if name not in value:
                return "%s is a required property" % py_repr(name)
    return None


class ParamsDict(MutableMapping):
    """A dict of name -> Param; plain values are wrapped in Param on the way in."""

    def __init__(self, dict_obj=None, suppress_exception=False):
        self._dict = {}
        self._order = []
        self.suppress_exception = suppress_exception
        for key, value in (dict_obj or {}).items():
            self._order.append(key)
            self._dict[key] = value if isinstance(value, Param) else Param(value)

    def __copy__(self):
        return ParamsDict(dict((k, self._dict[k]) for k in self._order), self.suppress_exception)

    def __deepcopy__(self, memo):
        result = ParamsDict(suppress_exception=self.suppress_exception)
        for key in self._order:
            result._order.append(key)
            result._dict[key] = copy.deepcopy(self._dict[key], memo)
        return result

    def __contains__(self, key):
        return key in self._dict

    def __len__(self):
        return len(self._dict)

    def __delitem__(self, key):
        del self._dict[key]
        self._order.remove(key)

    def __iter__(self):
        return iter(list(self._order))

    def __setitem__(self, key, value):
        if key in self._dict and not isinstance(value, Param):
            param = self._dict[key]
            try:
                param.resolve(value=value, suppress_exception=self.suppress_exception)
            except ParamValidationError as error:
                raise ParamValidationError("Invalid input for param %s: %s" % (key, error))
        else:
            param = value if isinstance(value, Param) else Param(value)
            if key not in self._dict:
                self._order.append(key)
        self._dict[key] = param

    def __getitem__(self, key):
        return self._dict[key].resolve(suppress_exception=True)

    def get_param(self, key):
        return self._dict[key]

    def items(self):
        return [(k, self._dict[k]) for k in self._order]

    def values(self):
        return [self._dict[k] for k in self._order]

    def update(self, *args, **kwargs):
        other = args[0] if args else kwargs
        if isinstance(other, ParamsDict):
            for key, param in other.items():
                self[key] = param
            return
        for key, value in (other.items() if hasattr(other, "items") else other):
            self[key] = value

    def dump(self):
        return dict((k, self._dict[k].resolve(suppress_exception=True)) for k in self._order)

    def validate(self):
        for key in self._order:
            try:
                self._dict[key].resolve(suppress_exception=False)
            except ParamValidationError as error:
                raise ParamValidationError("Invalid input for param %s: %s" % (key, error))
        return self.dump()

    def __repr__(self):
        return repr(self.dump())


class DagParam(object):
    """What an ``@dag`` function receives for each of its arguments: a reference to a DAG param."""

    def __init__(self, current_dag, name, default=NOTSET):
        if default is not NOTSET:
            current_dag.params[name] = default
        self._name = name
        self._default = default

    def iter_references(self):
        return iter(())

    def __str__(self):
        return "{{ params.%s }}" % self._name

    def __repr__(self):
        return "DagParam(%s)" % py_repr(self._name)
