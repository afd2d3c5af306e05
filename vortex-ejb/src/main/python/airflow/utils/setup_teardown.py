"""The ``with setup >> teardown:`` context manager of Airflow 2.7+ setup/teardown tasks.

Entering a setup or teardown task (``with op:``) pushes it here; every plain task built while a
context is open is remembered under it, and leaving the block wires those tasks between the setup
and the teardown the way Airflow's ``SetupTeardownContext`` does: setup >> roots, leaves >> teardown,
plus the links between nested contexts (outer setup >> inner setup, inner teardown >> outer
teardown). The bookkeeping is class-level, as in Airflow, so VORTEX resets it for each file.
"""
from __future__ import absolute_import, division, print_function, unicode_literals

from airflow.exceptions import AirflowException

try:
    RecursionError = RecursionError  # noqa: F821 - Python 3
except NameError:  # Python 2 / Jython: CPython 2 raised a RuntimeError with the same message

    class RecursionError(RuntimeError):  # noqa: A001
        """What Python 3 raises when a recursion never ends."""


# Airflow finds the teardowns of a setup (and the setups of a teardown) with a recursive search
# that never ends when none is reachable through a cycle-free but connected graph; Python stops it
# with a RecursionError. The search here is iterative and stops as soon as it would repeat itself.
_RECURSION_MESSAGE = "maximum recursion depth exceeded"


def _as_key(tasks):
    """Context map key: a task, or the tuple of a list of tasks."""
    return tuple(tasks) if isinstance(tasks, list) else tasks


def _distinct(tasks):
    result = []
    for task in tasks:
        if not [seen for seen in result if seen is task]:
            result.append(task)
    return result


def _search_relatives(start, first_step, wanted):
    """Tasks of the first ring around ``start`` (by ``first_step``, then both ways) that are ``wanted``.

    Airflow starts from the direct downstream (or upstream) tasks of the context's (first) task and,
    while none of the ring is wanted, moves to every neighbour of the ring except that task.
    """
    ring = _distinct(first_step(start))
    seen_rings = []
    while True:
        found = [task for task in ring if wanted(task)]
        if found:
            return found
        following = []
        for task in ring:
            following.extend(task.downstream_list)
            following.extend(task.upstream_list)
        ring = _distinct([task for task in following if task is not start])
        if not ring:
            return []
        ids = frozenset(task.node_id for task in ring)
        if ids in seen_rings:
            raise RecursionError(_RECURSION_MESSAGE)
        seen_rings.append(ids)


class BaseSetupTeardownContext(object):
    """Class-level state of the open setup/teardown contexts (Airflow's bookkeeping, kept as is)."""

    active = False
    context_map = {}
    _context_managed_setup_task = []
    _previous_context_managed_setup_task = []
    _context_managed_teardown_task = []
    _previous_context_managed_teardown_task = []
    _teardown_downstream_of_setup = []
    _previous_teardown_downstream_of_setup = []
    _setup_upstream_of_teardown = []
    _previous_setup_upstream_of_teardown = []

    @classmethod
    def reset(cls):
        """Forget every open context (a DAG file that failed inside a ``with`` block leaves some)."""
        cls.active = False
        cls.context_map = {}
        cls._context_managed_setup_task = []
        cls._previous_context_managed_setup_task = []
        cls._context_managed_teardown_task = []
        cls._previous_context_managed_teardown_task = []
        cls._teardown_downstream_of_setup = []
        cls._previous_teardown_downstream_of_setup = []
        cls._setup_upstream_of_teardown = []
        cls._previous_setup_upstream_of_teardown = []

    # -- the four stacks -------------------------------------------------------------------------

    @classmethod
    def push_context_managed_setup_task(cls, task):
        current = cls._context_managed_setup_task
        if current and current != task:
            cls._previous_context_managed_setup_task.append(current)
        cls._context_managed_setup_task = task

    @classmethod
    def push_context_managed_teardown_task(cls, task):
        current = cls._context_managed_teardown_task
        if current and current != task:
            cls._previous_context_managed_teardown_task.append(current)
        cls._context_managed_teardown_task = task

    @classmethod
    def pop_context_managed_setup_task(cls):
        """Close the innermost setup context; the one around it becomes upstream of it."""
        closed = cls._context_managed_setup_task
        if cls._previous_context_managed_setup_task:
            outer = cls._previous_context_managed_setup_task.pop()
            cls._context_managed_setup_task = outer
            if outer and closed:
                cls.set_dependency(closed, outer, upstream=False)
        else:
            cls._context_managed_setup_task = []
        return closed

    @classmethod
    def pop_context_managed_teardown_task(cls):
        """Close the innermost teardown context; the one around it becomes downstream of it."""
        closed = cls._context_managed_teardown_task
        if cls._previous_context_managed_teardown_task:
            outer = cls._previous_context_managed_teardown_task.pop()
            cls._context_managed_teardown_task = outer
            if outer and closed:
                cls.set_dependency(closed, outer)
        else:
            cls._context_managed_teardown_task = []
        return closed

    @classmethod
    def pop_teardown_downstream_of_setup(cls):
        closed = cls._teardown_downstream_of_setup
        if cls._previous_teardown_downstream_of_setup:
            outer = cls._previous_teardown_downstream_of_setup.pop()
            cls._teardown_downstream_of_setup = outer
            if outer and closed:
                cls.set_dependency(closed, outer)
        else:
            cls._teardown_downstream_of_setup = []
        return closed

    @classmethod
    def pop_setup_upstream_of_teardown(cls):
        closed = cls._setup_upstream_of_teardown
        if cls._previous_setup_upstream_of_teardown:
            outer = cls._previous_setup_upstream_of_teardown.pop()
            cls._setup_upstream_of_teardown = outer
            if outer and closed:
                cls.set_dependency(closed, outer, upstream=False)
        else:
            cls._setup_upstream_of_teardown = []
        return closed

    # -- linking ---------------------------------------------------------------------------------

    @classmethod
    def set_dependency(cls, receiving_task, new_task, upstream=True):
        """``new_task`` (each of them, for a list or tuple) gets ``receiving_task`` as its upstream
        (``upstream=True``) or downstream."""
        tasks = new_task if isinstance(new_task, (list, tuple)) else [new_task]
        for task in tasks:
            if upstream:
                task.set_upstream(receiving_task)
            else:
                task.set_downstream(receiving_task)

    @classmethod
    def update_context_map(cls, task):
        """Remember a plain task under each open context (setup and teardown ones)."""
        if task.is_setup or task.is_teardown:
            return
        for context_task in (cls._context_managed_setup_task, cls._context_managed_teardown_task):
            if context_task:
                cls.context_map.setdefault(_as_key(context_task), []).append(task)

    @classmethod
    def push_setup_teardown_task(cls, operator):
        """``with op:`` (or a list of tasks): open a teardown context, or a setup one."""
        first = operator[0] if isinstance(operator, list) else operator
        if first.is_teardown:
            cls._push_tasks(operator)
        elif first.is_setup:
            cls._push_tasks(operator, setup=True)
        cls.active = True

    @classmethod
    def _push_tasks(cls, operator, setup=False):
        if isinstance(operator, list):
            kinds = set(bool(task.is_setup) for task in operator)
            if len(kinds) > 1:
                cls.error("All tasks in the list must be either setup or teardown tasks")
        if setup:
            cls.push_context_managed_setup_task(operator)
            cls._update_teardown_downstream(operator)
        else:
            cls.push_context_managed_teardown_task(operator)
            cls._update_setup_upstream(operator)

    @classmethod
    def _update_teardown_downstream(cls, operator):
        """The teardowns reachable from the setup being entered (its first task for a list)."""
        start = operator[0] if isinstance(operator, list) else operator
        teardowns = _search_relatives(start, lambda task: task.downstream_list, lambda task: task.is_teardown)
        current = cls._teardown_downstream_of_setup
        if current and current != teardowns:
            cls._previous_teardown_downstream_of_setup.append(current)
        cls._teardown_downstream_of_setup = teardowns

    @classmethod
    def _update_setup_upstream(cls, operator):
        """The setups reachable from the teardown being entered (its first task for a list)."""
        start = operator[0] if isinstance(operator, list) else operator
        setups = _search_relatives(start, lambda task: task.upstream_list, lambda task: task.is_setup)
        current = cls._setup_upstream_of_teardown
        if current and current != setups:
            cls._previous_setup_upstream_of_teardown.append(current)
        cls._setup_upstream_of_teardown = setups

    @classmethod
    def set_teardown_task_as_leaves(cls, leaves):
        teardowns = cls._teardown_downstream_of_setup
        if cls._context_managed_teardown_task:
            cls.set_dependency(cls._context_managed_teardown_task, teardowns)
        else:
            cls.set_dependency(leaves, teardowns)

    @classmethod
    def set_setup_task_as_roots(cls, roots):
        setups = cls._setup_upstream_of_teardown
        if cls._context_managed_setup_task:
            cls.set_dependency(cls._context_managed_setup_task, setups, upstream=False)
        else:
            cls.set_dependency(roots, setups, upstream=False)

    @classmethod
    def _tasks_in_context(cls, context_task):
        return [
            task for task in cls.context_map.get(_as_key(context_task), [])
            if not task.is_teardown and not task.is_setup
        ]

    @classmethod
    def set_work_task_roots_and_leaves(cls):
        """End of a ``with`` block: wire the tasks built inside it, then close the innermost contexts."""
        setup_task = cls._context_managed_setup_task
        if setup_task:
            setup_task = _as_key(setup_task)
            tasks = cls._tasks_in_context(setup_task)
            if tasks:
                roots = [task for task in tasks if not task.upstream_list]
                if roots:
                    cls.set_dependency(roots, setup_task, upstream=False)
                else:
                    setup_task >> tasks[0]
                leaves = [task for task in tasks if not task.downstream_list]
                cls.set_teardown_task_as_leaves(leaves if leaves else tasks[-1])

        teardown_task = cls._context_managed_teardown_task
        if teardown_task:
            teardown_task = _as_key(teardown_task)
            tasks = cls._tasks_in_context(teardown_task)
            if tasks:
                leaves = [task for task in tasks if not task.downstream_list]
                if leaves:
                    cls.set_dependency(leaves, teardown_task)
                else:
                    teardown_task << tasks[-1]
                roots = [task for task in tasks if not task.upstream_list]
                cls.set_setup_task_as_roots(roots if roots else tasks[0])
        cls.set_setup_teardown_relationships()
        cls.active = False

    @classmethod
    def set_setup_teardown_relationships(cls):
        """Close the innermost setup and teardown contexts (nested ones link to the outer ones:
        ``with s1 >> t1: with s2 >> t2:`` gives s1 >> s2 and t2 >> t1)."""
        setup_task = cls.pop_context_managed_setup_task()
        teardown_task = cls.pop_context_managed_teardown_task()
        cls.pop_teardown_downstream_of_setup()
        cls.pop_setup_upstream_of_teardown()
        cls.context_map.pop(_as_key(setup_task), None)
        cls.context_map.pop(_as_key(teardown_task), None)

    @classmethod
    def error(cls, message):
        cls.active = False
        cls.context_map.clear()
        cls._context_managed_setup_task = []
        cls._context_managed_teardown_task = []
        cls._previous_context_managed_setup_task = []
        cls._previous_context_managed_teardown_task = []
        raise ValueError(message)


class SetupTeardownContext(BaseSetupTeardownContext):
    """What ``with setup_task >> teardown_task as scope:`` binds to ``scope``."""

    @staticmethod
    def add_task(task):
        """Put a task built outside the block into the innermost open context(s)."""
        from airflow.models.xcom_arg import PlainXComArg

        if not SetupTeardownContext.active:
            raise AirflowException("Cannot add task to context outside the context manager.")
        if isinstance(task, PlainXComArg):
            task = task.operator
        SetupTeardownContext.update_context_map(task)
