"""``airflow.utils.operator_helpers``: which context values a Python callable receives."""
from __future__ import absolute_import, division, print_function, unicode_literals

import inspect

from airflow._vortex.compat import PY2, py_repr

# The parameter kinds the injection rules tell apart (inspect.Parameter's names).
_POSITIONAL = "positional"
_VAR_POSITIONAL = "var_positional"
_KEYWORD_ONLY = "keyword_only"
_VAR_KEYWORD = "var_keyword"


def _parameters(func):
    """(name, kind) of each parameter of ``func`` in declaration order, as ``inspect.signature`` lists them."""
    if not PY2:
        kinds = {
            inspect.Parameter.VAR_POSITIONAL: _VAR_POSITIONAL,
            inspect.Parameter.KEYWORD_ONLY: _KEYWORD_ONLY,
            inspect.Parameter.VAR_KEYWORD: _VAR_KEYWORD,
        }
        return [(p.name, kinds.get(p.kind, _POSITIONAL)) for p in inspect.signature(func).parameters.values()]
    target = func if inspect.isfunction(func) or inspect.ismethod(func) else func.__call__
    spec = inspect.getargspec(target)
    names = spec.args[1:] if inspect.ismethod(target) and target.__self__ is not None else spec.args
    parameters = [(name, _POSITIONAL) for name in names]
    if spec.varargs:
        parameters.append((spec.varargs, _VAR_POSITIONAL))
    if spec.keywords:
        parameters.append((spec.keywords, _VAR_KEYWORD))
    return parameters


class KeywordParameters(object):
    """The keyword arguments a callable takes from a mapping: all of it when it has ``**kwargs``,
    otherwise only the names it declares."""

    def __init__(self, kwargs, wildcard):
        self._kwargs = kwargs
        self._wildcard = wildcard

    @classmethod
    def determine(cls, func, args, kwargs):
        parameters = _parameters(func)
        for name, kind in parameters[: len(args)]:
            # Keyword-only arguments can't be passed positionally and are not checked.
            if kind in (_KEYWORD_ONLY, _VAR_KEYWORD):
                continue
            if name in kwargs:
                raise ValueError("The key %s in args is a part of kwargs and therefore reserved." % py_repr(name))
        if any(kind == _VAR_KEYWORD for _, kind in parameters):
            return cls(kwargs, wildcard=True)
        return cls(dict((name, kwargs[name]) for name, _ in parameters if name in kwargs), wildcard=False)

    def unpacking(self):
        """The mapping to unpack with ``**`` in the call."""
        return self._kwargs


def determine_kwargs(func, args, kwargs):
    """The part of ``kwargs`` (usually the task context) that ``func(*args, **...)`` should receive."""
    return KeywordParameters.determine(func, args, kwargs).unpacking()
