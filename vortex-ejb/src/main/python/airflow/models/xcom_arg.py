"""XComArg: a reference to a task's future XCom value; passing one wires the dependency."""
from __future__ import absolute_import, division, print_function, unicode_literals

from airflow._vortex.compat import py_repr
from airflow.exceptions import AirflowException
from airflow.models.taskmixin import DependencyMixin, teardown_arguments
from airflow.models.xcom import XCOM_RETURN_KEY
from airflow.utils.setup_teardown import SetupTeardownContext
from airflow.utils.trigger_rule import TriggerRule
from airflow.utils.types import NOTSET


class XComArg(DependencyMixin):
    """``XComArg(op)`` builds a PlainXComArg, as in Airflow."""

    def __new__(cls, *args, **kwargs):
        if cls is XComArg:
            return object.__new__(PlainXComArg)
        return object.__new__(cls)

    @staticmethod
    def iter_xcom_references(arg):
        """Every (operator, key) referenced anywhere inside a (nested) argument value."""
        if isinstance(arg, XComArg):
            for reference in arg.iter_references():
                yield reference
        elif isinstance(arg, (tuple, set, list)):
            for elem in arg:
                for reference in XComArg.iter_xcom_references(elem):
                    yield reference
        elif isinstance(arg, dict):
            for elem in arg.values():
                for reference in XComArg.iter_xcom_references(elem):
                    yield reference

    @staticmethod
    def apply_upstream_relationship(op, arg):
        """Make ``op`` downstream of every task whose XCom ``arg`` reads."""
        for operator, _ in XComArg.iter_xcom_references(arg):
            op.set_upstream(operator)

    def iter_references(self):
        raise NotImplementedError()

    @property
    def roots(self):
        return [op for op, _ in self.iter_references()]

    @property
    def leaves(self):
        return [op for op, _ in self.iter_references()]

    def set_upstream(self, task_or_task_list, edge_modifier=None):
        for operator, _ in self.iter_references():
            operator.set_upstream(task_or_task_list, edge_modifier)

    def set_downstream(self, task_or_task_list, edge_modifier=None):
        for operator, _ in self.iter_references():
            operator.set_downstream(task_or_task_list, edge_modifier)

    def map(self, f):
        return MapXComArg(self, [f])

    def zip(self, *others, **kwargs):
        return ZipXComArg([self] + list(others), fillvalue=kwargs.get("fillvalue", NOTSET))

    def concat(self, *others):
        return ConcatXComArg([self] + list(others))

    def __iter__(self):
        raise TypeError("'XComArg' object is not iterable")

    def __bool__(self):
        return True

    __nonzero__ = __bool__

    def __enter__(self):
        """``with setup_task():`` on a ``@setup``/``@teardown`` call (Airflow reads ``self.operator``,
        so only a plain XComArg can be used this way)."""
        if not self.operator.is_setup and not self.operator.is_teardown:
            raise AirflowException("Only setup/teardown tasks can be used as context managers.")
        SetupTeardownContext.push_setup_teardown_task(self.operator)
        return SetupTeardownContext

    def __exit__(self, exc_type, exc_val, exc_tb):
        SetupTeardownContext.set_work_task_roots_and_leaves()


class PlainXComArg(XComArg):
    """The value one task pushed under one key (``return_value`` unless indexed)."""

    def __init__(self, operator, key=XCOM_RETURN_KEY):
        self.operator = operator
        self.key = key

    def __eq__(self, other):
        if not isinstance(other, PlainXComArg):
            return NotImplemented
        return self.operator is other.operator and self.key == other.key

    def __ne__(self, other):
        result = self.__eq__(other)
        return result if result is NotImplemented else not result

    def __hash__(self):
        return hash((id(self.operator), self.key))

    def __getitem__(self, item):
        return PlainXComArg(operator=self.operator, key=item)

    def __repr__(self):
        if self.key == XCOM_RETURN_KEY:
            return "XComArg(%r)" % (self.operator,)
        return "XComArg(%r, %s)" % (self.operator, py_repr(self.key))

    def __str__(self):
        """The Jinja expression Airflow substitutes when an XComArg is formatted into a string."""
        kwargs = ["task_ids='%s'" % self.operator.task_id, "dag_id='%s'" % self.operator.dag_id]
        if self.key is not None:
            kwargs.append("key='%s'" % self.key)
        return "{{ task_instance.xcom_pull(%s) }}" % ", ".join(kwargs)

    @property
    def is_setup(self):
        return self.operator.is_setup

    @is_setup.setter
    def is_setup(self, value):
        self.operator.is_setup = value

    @property
    def is_teardown(self):
        return self.operator.is_teardown

    @is_teardown.setter
    def is_teardown(self, value):
        self.operator.is_teardown = value

    @property
    def on_failure_fail_dagrun(self):
        return self.operator.on_failure_fail_dagrun

    @on_failure_fail_dagrun.setter
    def on_failure_fail_dagrun(self, value):
        self.operator.on_failure_fail_dagrun = value

    def as_setup(self):
        for operator, _ in self.iter_references():
            operator.is_setup = True
        return self

    def as_teardown(self, **kwargs):
        """As ``BaseOperator.as_teardown``, on the task behind this XComArg; returns the XComArg."""
        setups, on_failure_fail_dagrun = teardown_arguments("as_teardown", kwargs)
        for operator, _ in self.iter_references():
            operator.is_teardown = True
            operator.trigger_rule = TriggerRule.ALL_DONE_SETUP_SUCCESS
            if on_failure_fail_dagrun is not NOTSET:
                operator.on_failure_fail_dagrun = on_failure_fail_dagrun
            if setups is not NOTSET:
                setups = [setups] if isinstance(setups, DependencyMixin) else setups
                for setup in setups:
                    setup.is_setup = True
                    setup >> operator
        return self

    def iter_references(self):
        yield self.operator, self.key


class MapXComArg(XComArg):
    """``xcom_arg.map(fn)``: the same upstream, values transformed at run time."""

    def __init__(self, arg, callables):
        self.arg = arg
        self.callables = list(callables)

    def iter_references(self):
        return self.arg.iter_references()

    def map(self, f):
        return MapXComArg(self.arg, self.callables + [f])

    def __repr__(self):
        return "%r.map([%s])" % (self.arg, ", ".join(getattr(c, "__name__", repr(c)) for c in self.callables))


class ZipXComArg(XComArg):
    """``a.zip(b, ...)``: every argument is an upstream."""

    def __init__(self, args, fillvalue=NOTSET):
        self.args = list(args)
        self.fillvalue = fillvalue

    def iter_references(self):
        for arg in self.args:
            for reference in arg.iter_references():
                yield reference

    def __repr__(self):
        return "%r.zip(%s)" % (self.args[0], ", ".join(repr(a) for a in self.args[1:]))


class ConcatXComArg(ZipXComArg):
    """``a.concat(b, ...)``: every argument is an upstream."""

    def __init__(self, args):
        super(ConcatXComArg, self).__init__(args)

    def __repr__(self):
        return "%r.concat(%s)" % (self.args[0], ", ".join(repr(a) for a in self.args[1:]))
