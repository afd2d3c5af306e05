"""The few Python 2.7 (Jython) / Python 3 differences the shim has to bridge, in one place."""
from __future__ import absolute_import, division, print_function, unicode_literals

import copy
import datetime
import functools
import inspect
import re
import sys

PY2 = sys.version_info[0] == 2
JYTHON = sys.platform.startswith("java")

if PY2:
    text_type = unicode  # noqa: F821 - only evaluated on Python 2
    string_types = (str, unicode)  # noqa: F821
    integer_types = (int, long)  # noqa: F821
    from collections import Mapping, MutableMapping, Sequence  # noqa: F401
else:
    text_type = str
    string_types = (str,)
    integer_types = (int,)
    from collections.abc import Mapping, MutableMapping, Sequence  # noqa: F401

# Airflow imports a DAG file as module "unusual_prefix_<sha1 of its path>_<file stem>".
_DAG_MODULE_PREFIX = re.compile(r"^unusual_prefix_[0-9a-f]{40}_")

# Exact types whose values never change: deepcopy may hand them back as they are.
IMMUTABLE_TYPES = frozenset(
    set([type(None), bool, float, str, text_type, datetime.datetime, datetime.date, datetime.timedelta])
    | set(integer_types)
)


def is_mapping(value):
    """``isinstance(value, Mapping)``; a plain dict skips the ABC check, which is slow on Jython."""
    return type(value) is dict or isinstance(value, Mapping)


def deepcopy_value(value, memo=None):
    """``copy.deepcopy``, answered without the copy module for immutable scalars and for plain
    dicts and lists holding only those (Jython's pure-Python copy module is slow)."""
    kind = type(value)
    if kind in IMMUTABLE_TYPES:
        return value
    if kind is dict:
        if _all_immutable(value) and _all_immutable(value.values()):
            return _remember_copy(value, dict, memo)
    elif kind is list:
        if _all_immutable(value):
            return _remember_copy(value, list, memo)
    return copy.deepcopy(value, memo)


def _all_immutable(values):
    for item in values:
        if type(item) not in IMMUTABLE_TYPES:
            return False
    return True


def _remember_copy(value, container_type, memo):
    """A shallow copy of a container of immutables, shared through ``memo`` as deepcopy would."""
    if memo is None:
        return container_type(value)
    key = id(value)
    if key not in memo:
        memo[key] = container_type(value)
    return memo[key]


if PY2:

    class InsertionOrderedDict(dict):
        """A dict iterating in insertion order, for task and task-group registries on Jython.

        Jython's dict has no order, and its pure-Python OrderedDict raises (and catches) an
        exception per instance and runs a generator per iteration, which showed in every parse.
        """

        def __init__(self, items=()):
            dict.__init__(self)
            self._keys = []
            if items:
                self.update(items)

        def __setitem__(self, key, value):
            if key not in self:
                self._keys.append(key)
            dict.__setitem__(self, key, value)

        def __delitem__(self, key):
            dict.__delitem__(self, key)
            self._keys.remove(key)

        def __iter__(self):
            return iter(self._keys)

        def __reversed__(self):
            return reversed(self._keys)

        def __repr__(self):
            return "%s(%r)" % (type(self).__name__, self.items())

        def __reduce__(self):
            return (type(self), (self.items(),))

        def keys(self):
            return list(self._keys)

        def values(self):
            return [dict.__getitem__(self, key) for key in self._keys]

        def items(self):
            return [(key, dict.__getitem__(self, key)) for key in self._keys]

        def iterkeys(self):
            return iter(self._keys)

        def itervalues(self):
            return iter(self.values())

        def iteritems(self):
            return iter(self.items())

        def pop(self, key, *default):
            if key in self:
                self._keys.remove(key)
            return dict.pop(self, key, *default)

        def popitem(self, last=True):
            if not self._keys:
                raise KeyError("dictionary is empty")
            key = self._keys[-1] if last else self._keys[0]
            return key, self.pop(key)

        def setdefault(self, key, default=None):
            if key not in self:
                self[key] = default
            return dict.__getitem__(self, key)

        def update(self, *args, **kwargs):
            for source in args + (kwargs,):
                pairs = source.items() if hasattr(source, "keys") else source
                for key, value in pairs:
                    self[key] = value

        def clear(self):
            dict.clear(self)
            del self._keys[:]

        def copy(self):
            return type(self)(self.items())

        __copy__ = copy

else:
    from collections import OrderedDict as InsertionOrderedDict  # noqa: F401 - ordered and fast on CPython


def with_metaclass(meta, *bases):
    """Class-statement-independent metaclass declaration (the ``six`` recipe)."""

    class _TemporaryMeta(type):
        def __new__(cls, name, this_bases, namespace):
            return meta(name, bases, namespace)

    return type.__new__(_TemporaryMeta, str("temporary_class"), (), {})


def is_sequence(value):
    """``isinstance(value, collections.abc.Sequence)``, the test Airflow uses for task lists."""
    kind = type(value)
    if kind is list or kind is tuple:  # the usual case, without the ABC check (slow on Jython)
        return True
    return isinstance(value, Sequence)


def py_repr(value):
    """repr() as Python 3 prints it, so error messages read the same on Jython and CPython."""
    if isinstance(value, bool) or value is None:
        return repr(value)
    if isinstance(value, string_types):
        text = repr(text_type(value) if PY2 and isinstance(value, str) else value)
        return text[1:] if PY2 and text.startswith("u") else text
    if isinstance(value, integer_types):
        return str(value)
    if isinstance(value, dict):
        return "{" + ", ".join(py_repr(k) + ": " + py_repr(v) for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(py_repr(v) for v in value) + "]"
    if isinstance(value, tuple):
        if len(value) == 1:
            return "(" + py_repr(value[0]) + ",)"
        return "(" + ", ".join(py_repr(v) for v in value) + ")"
    if isinstance(value, (set, frozenset)):
        if not value:
            return "set()"
        return "{" + ", ".join(sorted(py_repr(v) for v in value)) + "}"
    return repr(value)


def type_repr(value):
    """``str(type(value))`` as Python 3 prints it: ``<class 'str'>``, ``<class 'module.Name'>``."""
    kind = type(value)
    name = {"unicode": "str", "long": "int"}.get(kind.__name__, kind.__name__)
    module = getattr(kind, "__module__", None)
    if module in (None, "builtins", "__builtin__", "exceptions"):
        return "<class '%s'>" % name
    return "<class '%s.%s'>" % (module, name)


class Signature(object):
    """The parameters of a plain Python function, read with the inspect API of either Python."""

    def __init__(self, func):
        if PY2:
            spec = inspect.getargspec(func)
            args, varargs, varkw, defaults = spec.args, spec.varargs, spec.keywords, spec.defaults
            kwonly, kwonly_defaults = [], {}
        else:
            spec = inspect.getfullargspec(func)
            args, varargs, varkw, defaults = spec.args, spec.varargs, spec.varkw, spec.defaults
            kwonly, kwonly_defaults = spec.kwonlyargs, spec.kwonlydefaults or {}
        defaults = defaults or ()
        self.positional = list(args)
        self.defaults = dict(zip(args[len(args) - len(defaults):], defaults))
        self.defaults.update(kwonly_defaults)
        self.names = list(args) + list(kwonly)
        self.required = [n for n in self.names if n not in self.defaults]
        self.var_positional = varargs
        self.var_keyword = varkw

    def without_first(self):
        """The same signature seen through a bound method (``self`` dropped)."""
        first = self.positional[0] if self.positional else None
        if first is not None:
            self.positional = self.positional[1:]
            self.names.remove(first)
            if first in self.required:
                self.required.remove(first)
        return self

    def check_call(self, args, kwargs, partial=False, optional=()):
        """Raise the TypeError ``inspect.Signature.bind`` would raise for this call."""
        if len(args) > len(self.positional) and not self.var_positional:
            raise TypeError("too many positional arguments")
        bound = set(self.positional[: len(args)])
        for name in kwargs:
            if name in bound:
                raise TypeError("multiple values for argument %s" % py_repr(name))
            if name not in self.names and not self.var_keyword:
                raise TypeError("got an unexpected keyword argument %s" % py_repr(name))
        if partial:
            return
        for name in self.required:
            if name not in bound and name not in kwargs and name not in optional:
                raise TypeError("missing a required argument: %s" % py_repr(name))


def unwrap(func):
    """Follow ``__wrapped__`` like inspect.signature does."""
    while hasattr(func, "__wrapped__"):
        func = func.__wrapped__
    return func


def callable_name(obj):
    """``module.qualname``; a DAG file's own module is named after the file (not Airflow's hash)."""
    return _DAG_MODULE_PREFIX.sub("", qualified_name(obj))


def qualified_name(obj):
    """``module.qualname`` of a callable, the way Airflow names callbacks and callables."""
    if isinstance(obj, functools.partial):
        return "functools.partial(%s)" % qualified_name(obj.func)
    module = getattr(obj, "__module__", None)
    name = getattr(obj, "__qualname__", None)
    if name is None:
        name = getattr(obj, "__name__", None)
        owner = getattr(obj, "im_class", None)
        if name is not None and owner is not None:
            name = owner.__name__ + "." + name
    if name is None:
        kind = type(obj)
        module, name = kind.__module__, getattr(kind, "__qualname__", kind.__name__)
    return "%s.%s" % (module, name) if module else text_type(name)


def exec_code(code, namespace):
    """Run compiled module code in ``namespace`` (``exec`` is a statement on Python 2)."""
    exec(code, namespace)
