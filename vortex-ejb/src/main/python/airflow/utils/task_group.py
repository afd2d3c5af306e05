"""TaskGroup: a named box of tasks; ``>>`` on a group links its leaves or roots."""
from __future__ import absolute_import, division, print_function, unicode_literals

import re

from airflow._vortex.compat import InsertionOrderedDict, deepcopy_value, is_sequence, string_types
from airflow.exceptions import AirflowException, DuplicateTaskIdFound, TaskAlreadyInTaskGroup
from airflow.models.abstractoperator import AbstractOperator
from airflow.models.taskmixin import DAGNode
from airflow.utils.helpers import validate_group_key

_dag_context = None


def _current_dag():
    """DagContext's current DAG; airflow.models.dag imports this module, so it is looked up on first use."""
    global _dag_context
    if _dag_context is None:
        from airflow.models.dag import DagContext

        _dag_context = DagContext
    return _dag_context.get_current_dag()


class TaskGroup(DAGNode):
    """A collection of tasks; nested groups prefix their ids with ``parent.child`` by default."""

    def __init__(
        self,
        group_id,
        prefix_group_id=True,
        parent_group=None,
        dag=None,
        default_args=None,
        tooltip="",
        ui_color="CornflowerBlue",
        ui_fgcolor="#000",
        add_suffix_on_collision=False,
        group_display_name="",
    ):
        self.prefix_group_id = prefix_group_id
        self.default_args = deepcopy_value(default_args or {})

        dag = dag or _current_dag()

        if group_id is None:
            if parent_group:
                raise AirflowException("Root TaskGroup cannot have parent_group")
            self.used_group_ids = set()
            self._dag = dag
        else:
            if prefix_group_id:
                validate_group_key(group_id)
            else:
                if not isinstance(group_id, string_types):
                    raise ValueError("group_id must be str")
                if not group_id:
                    raise ValueError("group_id must not be empty")
            if not parent_group and not dag:
                raise AirflowException("TaskGroup can only be used inside a dag")
            parent_group = parent_group or TaskGroupContext.get_current_task_group(dag)
            if not parent_group:
                raise AirflowException("TaskGroup must have a parent_group except for the root TaskGroup")
            if dag is not parent_group.dag:
                raise RuntimeError(
                    "Cannot mix TaskGroups from different DAGs: %s and %s" % (dag, parent_group.dag)
                )
            self.used_group_ids = parent_group.used_group_ids

        self._group_id = group_id
        self._check_for_group_id_collisions(add_suffix_on_collision)

        self.children = InsertionOrderedDict()
        self.task_group = None
        if parent_group:
            parent_group.add(self)
            self._update_default_args(parent_group)

        self.used_group_ids.add(self.group_id)
        if self.group_id:
            self.used_group_ids.add(self.downstream_join_id)
            self.used_group_ids.add(self.upstream_join_id)

        self.tooltip = tooltip
        self.ui_color = ui_color
        self.ui_fgcolor = ui_fgcolor
        self.group_display_name = group_display_name
        self.upstream_group_ids = set()
        self.downstream_group_ids = set()
        self.upstream_task_ids = set()
        self.downstream_task_ids = set()

    def _check_for_group_id_collisions(self, add_suffix_on_collision):
        if self._group_id is None:
            return
        if self._group_id in self.used_group_ids:
            if not add_suffix_on_collision:
                raise DuplicateTaskIdFound("group_id '%s' has already been added to the DAG" % self._group_id)
            base = re.split(r"__\d+$", self._group_id)[0]
            suffixed = re.compile(r"^%s__\d+$" % re.escape(base))
            suffixes = sorted(
                int(re.split(r"^.+__", used)[1])
                for used in self.used_group_ids
                if used is not None and suffixed.match(used)
            )
            self._group_id = base + ("__%d" % (suffixes[-1] + 1) if suffixes else "__1")

    def _update_default_args(self, parent_group):
        if parent_group.default_args:
            merged = dict(parent_group.default_args)
            merged.update(self.default_args)
            self.default_args = merged

    @classmethod
    def create_root(cls, dag):
        return cls(group_id=None, dag=dag)

    @property
    def node_id(self):
        return self.group_id

    @property
    def is_root(self):
        return not self._group_id

    @property
    def parent_group(self):
        return self.task_group

    @property
    def dag(self):
        return self._dag

    @dag.setter
    def dag(self, value):
        self._dag = value

    def add(self, task):
        """Add a task or a group to this group (the id gets this group's prefix first)."""
        if TaskGroupContext.active:
            if task.task_group is not None and task.task_group is not self:
                task.task_group.children.pop(task.node_id, None)
                task.task_group = self
        existing_tg = task.task_group
        if isinstance(task, AbstractOperator) and existing_tg is not None and existing_tg is not self:
            raise TaskAlreadyInTaskGroup(task.node_id, existing_tg.node_id, self.node_id)

        task.task_group = self
        key = task.node_id

        if key in self.children:
            node_type = "Task" if hasattr(task, "task_id") else "Task Group"
            raise DuplicateTaskIdFound("%s id '%s' has already been added to the DAG" % (node_type, key))

        if isinstance(task, TaskGroup):
            if self.dag:
                if task.dag is not None and self.dag is not task.dag:
                    raise RuntimeError(
                        "Cannot mix TaskGroups from different DAGs: %s and %s" % (self.dag, task.dag)
                    )
                task.dag = self.dag
            if task.children:
                raise AirflowException("Cannot add a non-empty TaskGroup")

        self.children[key] = task
        return task

    @property
    def group_id(self):
        parent = self.task_group
        if parent is not None and parent.prefix_group_id and parent._group_id:
            return parent.child_id(self._group_id)
        return self._group_id

    @property
    def label(self):
        return self._group_id

    def child_id(self, label):
        """Prefix label with this group's id unless ``prefix_group_id`` is False."""
        if self.prefix_group_id:
            group_id = self.group_id
            if group_id:
                return "%s.%s" % (group_id, label)
        return label

    @property
    def upstream_join_id(self):
        return "%s.upstream_join_id" % self.group_id

    @property
    def downstream_join_id(self):
        return "%s.downstream_join_id" % self.group_id

    def update_relative(self, other, upstream=True, edge_modifier=None):
        """Remember group-level relations (the graph view draws them as one edge)."""
        if isinstance(other, TaskGroup):
            parent, child = (self, other) if upstream else (other, self)
            parent.upstream_group_ids.add(child.group_id)
            child.downstream_group_ids.add(parent.group_id)
            return
        for task in other.roots:
            if not isinstance(task, DAGNode):
                raise AirflowException(
                    "Relationships can only be set between TaskGroup or operators; received %s"
                    % task.__class__.__name__
                )
            if self is task:
                continue
            if upstream:
                self.upstream_task_ids.add(task.node_id)
            else:
                self.downstream_task_ids.add(task.node_id)

    def _set_relatives(self, task_or_task_list, upstream=False, edge_modifier=None):
        """Link every root (upstream) or leaf (downstream) task of this group.

        Airflow keeps a label on a group edge under the group's join ids; VORTEX has no join
        nodes, so the label goes on each task-level edge the group edge stands for.
        """
        if not is_sequence(task_or_task_list):
            task_or_task_list = [task_or_task_list]
        for task_like in task_or_task_list:
            self.update_relative(task_like, upstream, edge_modifier=edge_modifier)
        if upstream:
            for task in self.get_roots():
                task.set_upstream(task_or_task_list, edge_modifier=edge_modifier)
        else:
            for task in self.get_leaves():
                task.set_downstream(task_or_task_list, edge_modifier=edge_modifier)

    def __enter__(self):
        TaskGroupContext.push_context_managed_task_group(self)
        return self

    def __exit__(self, _type, _value, _tb):
        TaskGroupContext.pop_context_managed_task_group()

    def has_task(self, task):
        if task.task_id in self.children:
            return True
        return any(child.has_task(task) for child in self.children.values() if isinstance(child, TaskGroup))

    def __iter__(self):
        for child in self.children.values():
            if isinstance(child, TaskGroup):
                for grandchild in child:
                    yield grandchild
            else:
                yield child

    @property
    def roots(self):
        return list(self.get_roots())

    @property
    def leaves(self):
        return list(self.get_leaves())

    def get_roots(self):
        """Tasks of the group with no upstream inside the group."""
        tasks = list(self)
        ids = set(t.task_id for t in tasks)
        for task in tasks:
            if task.upstream_task_ids.isdisjoint(ids):
                yield task

    def get_leaves(self):
        """Tasks of the group with no downstream inside the group, teardowns left out.

        As in Airflow 2.7+: a teardown that ends the group stands aside, and the work tasks before it
        are the leaves instead (through chains of teardowns, never back through a teardown's setup,
        and not a task that already has a non-teardown downstream in the group).
        """
        tasks = list(self)
        ids = set(t.task_id for t in tasks)
        for task in tasks:
            if task.downstream_task_ids.isdisjoint(ids):
                if not task.is_teardown:
                    yield task
                else:
                    for leaf in _work_tasks_before(task, ids):
                        yield leaf

    def get_task_group_dict(self):
        """Every group below (and including) this one by group_id."""
        result = {}

        def walk(group):
            result[group.group_id] = group
            for child in group.children.values():
                if isinstance(child, TaskGroup):
                    walk(child)

        walk(self)
        return result

    def get_child_by_label(self, label):
        return self.children[self.child_id(label)]

    def topological_sort(self):
        return list(self)

    def __repr__(self):
        return "<TaskGroup: %s>" % self.group_id


def _has_non_teardown_downstream(task, ids, exclude):
    for down_task in task.downstream_list:
        if down_task.task_id != exclude and down_task.task_id in ids and not down_task.is_teardown:
            return True
    return False


def _work_tasks_before(task, ids):
    """The group's leaves that stand behind a teardown leaf (Airflow's ``recurse_for_first_non_teardown``)."""
    for upstream_task in task.upstream_list:
        if upstream_task.task_id not in ids:
            continue
        if upstream_task.is_teardown:
            for leaf in _work_tasks_before(upstream_task, ids):
                yield leaf
        elif task.is_teardown and upstream_task.is_setup:
            continue  # not through the teardown-to-setup edge
        elif not _has_non_teardown_downstream(upstream_task, ids, exclude=task.task_id):
            yield upstream_task


class TaskGroupContext(object):
    """The stack of ``with TaskGroup(...)`` blocks being executed."""

    active = False
    _context_managed_task_group = None
    _previous_context_managed_task_groups = []

    @classmethod
    def push_context_managed_task_group(cls, task_group):
        if cls._context_managed_task_group:
            cls._previous_context_managed_task_groups.append(cls._context_managed_task_group)
        cls._context_managed_task_group = task_group
        cls.active = True

    @classmethod
    def pop_context_managed_task_group(cls):
        old_task_group = cls._context_managed_task_group
        if cls._previous_context_managed_task_groups:
            cls._context_managed_task_group = cls._previous_context_managed_task_groups.pop()
        else:
            cls._context_managed_task_group = None
        cls.active = False
        return old_task_group

    @classmethod
    def get_current_task_group(cls, dag):
        if cls._context_managed_task_group is None:
            return dag.task_group if dag else None
        return cls._context_managed_task_group

    @classmethod
    def reset(cls):
        """Forget groups left open by a failed import (VORTEX parses many files per interpreter)."""
        cls.active = False
        cls._context_managed_task_group = None
        cls._previous_context_managed_task_groups = []
