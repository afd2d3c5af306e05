"""``airflow.decorators``: ``@dag``, ``@task`` (and its variants), ``@task_group``, ``@setup``, ``@teardown``."""
from __future__ import absolute_import, division, print_function, unicode_literals

from airflow.decorators.bash import bash_task
from airflow.decorators.branch_external_python import branch_external_python_task
from airflow.decorators.branch_python import branch_task
from airflow.decorators.branch_virtualenv import branch_virtualenv_task
from airflow.decorators.python import python_task
from airflow.decorators.python_virtualenv import external_python_task, virtualenv_task
from airflow.decorators.sensor import sensor_task
from airflow.decorators.setup_teardown import setup_task, teardown_task
from airflow.decorators.short_circuit import short_circuit_task
from airflow.decorators.task_group import task_group  # noqa: F401
from airflow.models.dag import dag  # noqa: F401


class TaskDecoratorCollection(object):
    """``task``: callable as ``@task`` and holding ``@task.bash``, ``@task.branch``..."""

    python = staticmethod(python_task)
    bash = staticmethod(bash_task)
    branch = staticmethod(branch_task)
    short_circuit = staticmethod(short_circuit_task)
    sensor = staticmethod(sensor_task)
    virtualenv = staticmethod(virtualenv_task)
    external_python = staticmethod(external_python_task)
    branch_virtualenv = staticmethod(branch_virtualenv_task)
    branch_external_python = staticmethod(branch_external_python_task)

    def __call__(self, *args, **kwargs):
        return self.python(*args, **kwargs)


task = TaskDecoratorCollection()
setup = setup_task
teardown = teardown_task
