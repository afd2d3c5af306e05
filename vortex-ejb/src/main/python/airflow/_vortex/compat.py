"""The few Python 2.7 (Jython) / Python 3 differences the shim has to bridge, in one place."""
from __future__ import absolute_import, division, print_function, unicode_literals

import functools
import inspect
import sys

PY2 = sys.version_info[0] == 2

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


def with_metaclass(meta, *bases):
    """Class-statement-independent metaclass declaration (the ``six`` recipe)."""

    class _TemporaryMeta(type):
        def __new__(cls, name, this_bases, namespace):
            return meta(name, bases, namespace)

    return type.__new__(_TemporaryMeta, str("temporary_class"), (), {})


def is_sequence(value):
    """``isinstance(value, collections.abc.Sequence)``, the test Airflow uses for task lists."""
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
