"""Dependency operators (``>>``, ``<<``) shared by tasks, task groups, XComArgs and edge labels."""
from __future__ import absolute_import, division, print_function, unicode_literals

from airflow._vortex.compat import is_sequence, py_repr
from airflow.exceptions import AirflowException
from airflow.utils.types import NOTSET


class DependencyMixin(object):
    """Anything that can stand on either side of ``>>``; lists go through the reflected methods."""

    @property
    def roots(self):
        raise NotImplementedError()

    @property
    def leaves(self):
        raise NotImplementedError()

    def set_upstream(self, other, edge_modifier=None):
        raise NotImplementedError()

    def set_downstream(self, other, edge_modifier=None):
        raise NotImplementedError()

    def as_setup(self):
        """Mark a task as setup task (operators and ``@task`` results implement it)."""
        raise NotImplementedError()

    def as_teardown(self, **kwargs):
        """Mark a task as teardown and set its ``setups`` as direct upstreams."""
        raise NotImplementedError()

    def update_relative(self, other, upstream=True, edge_modifier=None):
        """Let the other side of a relationship react (labels and groups do, tasks do not)."""

    def __lshift__(self, other):
        """Task << Task."""
        self.set_upstream(other)
        return other

    def __rshift__(self, other):
        """Task >> Task."""
        self.set_downstream(other)
        return other

    def __rrshift__(self, other):
        """[Task] >> Task, because lists have no ``__rshift__``."""
        self.__lshift__(other)
        return self

    def __rlshift__(self, other):
        """[Task] << Task."""
        self.__rshift__(other)
        return self


TaskMixin = DependencyMixin


def teardown_arguments(func_name, kwargs):
    """(setups, on_failure_fail_dagrun) of ``as_teardown(*, setups=NOTSET, on_failure_fail_dagrun=NOTSET)``:
    keyword-only arguments in Airflow, checked by hand here (Jython has no keyword-only syntax)."""
    unknown = [name for name in kwargs if name not in ("setups", "on_failure_fail_dagrun")]
    if unknown:
        raise TypeError("%s() got an unexpected keyword argument %s" % (func_name, py_repr(sorted(unknown)[0])))
    return kwargs.get("setups", NOTSET), kwargs.get("on_failure_fail_dagrun", NOTSET)

_operator_types = None


def _operator_classes():
    """(BaseOperator, MappedOperator): those modules import this one, so they are looked up on first use."""
    global _operator_types
    if _operator_types is None:
        from airflow.models.baseoperator import BaseOperator
        from airflow.models.mappedoperator import MappedOperator

        _operator_types = (BaseOperator, MappedOperator)
    return _operator_types


class DAGNode(DependencyMixin):
    """A node of the DAG graph: an operator or a mapped operator (TaskGroup overrides the linking)."""

    task_group = None
    _dag = None

    @property
    def node_id(self):
        raise NotImplementedError()

    @property
    def label(self):
        tg = self.task_group
        if tg and tg.node_id and tg.prefix_group_id:
            return self.node_id[len(tg.node_id) + 1:]
        return self.node_id

    def has_dag(self):
        return self._dag is not None

    def get_dag(self):
        return self._dag

    def _set_relatives(self, task_or_task_list, upstream=False, edge_modifier=None):
        """Link this task to the roots (downstream) or leaves (upstream) of each given node."""
        operator_classes = _operator_classes()
        if not is_sequence(task_or_task_list):
            task_or_task_list = [task_or_task_list]

        task_list = []
        for task_object in task_or_task_list:
            task_object.update_relative(self, not upstream, edge_modifier=edge_modifier)
            relatives = task_object.leaves if upstream else task_object.roots
            for task in relatives:
                if not isinstance(task, operator_classes):
                    raise AirflowException(
                        "Relationships can only be set between Operators; received %s"
                        % task.__class__.__name__
                    )
                task_list.append(task)

        dags = []
        for task in list(self.roots) + task_list:
            if task.has_dag():
                task_dag = task.get_dag()
                # A list comprehension, not all() over a generator: generators are slow on Jython.
                if not [d for d in dags if d is task_dag]:
                    dags.append(task_dag)
        if len(dags) > 1:
            shown = "{" + ", ".join(sorted(repr(d) for d in dags)) + "}"
            raise AirflowException("Tried to set relationships between tasks in more than one DAG: %s" % shown)
        if not dags:
            shown = "[" + ", ".join(repr(t) for t in [self] + task_list) + "]"
            raise AirflowException(
                "Tried to create relationships between tasks that don't have DAGs yet. "
                "Set the DAG for at least one task and try again: %s" % shown
            )
        dag = dags[0]

        if not self.has_dag():
            self.dag = dag

        for task in task_list:
            if not task.has_dag():
                dag.add_task(task)
            if upstream:
                task.downstream_task_ids.add(self.node_id)
                self.upstream_task_ids.add(task.node_id)
                if edge_modifier:
                    edge_modifier.add_edge_info(dag, task.node_id, self.node_id)
            else:
                self.downstream_task_ids.add(task.node_id)
                task.upstream_task_ids.add(self.node_id)
                if edge_modifier:
                    edge_modifier.add_edge_info(dag, self.node_id, task.node_id)

    def set_downstream(self, task_or_task_list, edge_modifier=None):
        self._set_relatives(task_or_task_list, upstream=False, edge_modifier=edge_modifier)

    def set_upstream(self, task_or_task_list, edge_modifier=None):
        self._set_relatives(task_or_task_list, upstream=True, edge_modifier=edge_modifier)

    def get_direct_relative_ids(self, upstream=False):
        return self.upstream_task_ids if upstream else self.downstream_task_ids

    def get_direct_relatives(self, upstream=False):
        dag = self.get_dag()
        ids = self.get_direct_relative_ids(upstream)
        return [dag.get_task(task_id) for task_id in ids] if dag else []

    def get_flat_relative_ids(self, upstream=False):
        """Ids of every task upstream (or downstream) of this one, however far; traced by a loop, not
        recursion, so long chains do not exhaust the stack."""
        dag = self.get_dag()
        if not dag:
            return set()
        relatives = set()
        task_ids_to_trace = self.get_direct_relative_ids(upstream)
        while task_ids_to_trace:
            task_ids_to_trace_next = set()
            for task_id in task_ids_to_trace:
                if task_id in relatives:
                    continue
                task_ids_to_trace_next.update(dag.task_dict[task_id].get_direct_relative_ids(upstream))
                relatives.add(task_id)
            task_ids_to_trace = task_ids_to_trace_next
        return relatives

    def get_flat_relatives(self, upstream=False):
        dag = self.get_dag()
        if not dag:
            return []
        return [dag.task_dict[task_id] for task_id in self.get_flat_relative_ids(upstream=upstream)]

    @property
    def upstream_list(self):
        return self.get_direct_relatives(upstream=True)

    @property
    def downstream_list(self):
        return self.get_direct_relatives(upstream=False)
