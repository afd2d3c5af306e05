"""``@setup`` and ``@teardown``: mark a ``@task`` function (or a plain function) as setup/teardown."""
from __future__ import absolute_import, division, print_function, unicode_literals

import types

from airflow._vortex.compat import py_repr
from airflow.decorators.python import python_task
from airflow.decorators.task_group import _TaskGroupFactory
from airflow.exceptions import AirflowException
from airflow.models.baseoperator import BaseOperator
from airflow.utils.setup_teardown import SetupTeardownContext


def _as_task_decorator(func):
    # A plain function becomes a @task first; a @task.bash (or any other task decorator) is kept.
    if isinstance(func, types.FunctionType):
        func = python_task(func)
    if isinstance(func, _TaskGroupFactory):
        raise AirflowException("Task groups cannot be marked as setup or teardown.")
    return func


def setup_task(func):
    """``@setup`` / ``@setup @task.bash``: every call of the function builds a setup task."""
    func = _as_task_decorator(func)
    func.is_setup = True
    return func


def teardown_task(_func=None, **kwargs):
    """``@teardown``, ``@teardown(on_failure_fail_dagrun=True)`` (keyword-only, as in Airflow)."""
    unknown = sorted(name for name in kwargs if name != "on_failure_fail_dagrun")
    if unknown:
        raise TypeError("teardown_task() got an unexpected keyword argument %s" % py_repr(unknown[0]))
    on_failure_fail_dagrun = kwargs.get("on_failure_fail_dagrun", False)

    def teardown(func):
        func = _as_task_decorator(func)
        func.is_teardown = True
        func.on_failure_fail_dagrun = on_failure_fail_dagrun
        return func

    if _func is None:
        return teardown
    return teardown(_func)


class ContextWrapper(list):
    """``context_wrapper([s1, s2])``: a list of setups (or teardowns) usable in a ``with`` statement,
    e.g. ``with teardown_task << context_wrapper([setup1, setup2]):``."""

    def __init__(self, tasks):
        self.tasks = tasks
        super(ContextWrapper, self).__init__(tasks)

    def __enter__(self):
        operators = []
        for task in self.tasks:
            if isinstance(task, BaseOperator):
                operators.append(task)
                if not task.is_setup and not task.is_teardown:
                    raise AirflowException("Only setup/teardown tasks can be used as context managers.")
            elif not task.operator.is_setup and not task.operator.is_teardown:
                raise AirflowException("Only setup/teardown tasks can be used as context managers.")
        if not operators:
            # only XComArgs (@task calls)
            operators = [task.operator for task in self.tasks]
        SetupTeardownContext.push_setup_teardown_task(operators)
        return SetupTeardownContext

    def __exit__(self, exc_type, exc_val, exc_tb):
        SetupTeardownContext.set_work_task_roots_and_leaves()


context_wrapper = ContextWrapper
