"""``@task`` / ``@task.python``."""
from __future__ import absolute_import, division, print_function, unicode_literals

from airflow.decorators.base import DecoratedOperator, task_decorator_factory
from airflow.operators.python import PythonOperator


class _PythonDecoratedOperator(DecoratedOperator, PythonOperator):
    """The class of every ``@task`` task; Airflow shows it as ``@task``."""

    template_fields = ("templates_dict", "op_args", "op_kwargs")
    template_fields_renderers = {"templates_dict": "json", "op_args": "py", "op_kwargs": "py"}
    shallow_copy_attrs = ("python_callable",)
    custom_operator_name = "@task"

    def __init__(self, python_callable, op_args=None, op_kwargs=None, **kwargs):
        kwargs_to_upstream = {"python_callable": python_callable, "op_args": op_args, "op_kwargs": op_kwargs}
        super(_PythonDecoratedOperator, self).__init__(
            kwargs_to_upstream=kwargs_to_upstream,
            python_callable=python_callable,
            op_args=op_args,
            op_kwargs=op_kwargs,
            **kwargs
        )


def python_task(python_callable=None, multiple_outputs=None, **kwargs):
    return task_decorator_factory(
        python_callable=python_callable,
        multiple_outputs=multiple_outputs,
        decorated_operator_class=_PythonDecoratedOperator,
        **kwargs
    )
