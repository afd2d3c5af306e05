"""``@task.virtualenv`` and ``@task.external_python``."""
from __future__ import absolute_import, division, print_function, unicode_literals

from airflow.decorators.base import DecoratedOperator, task_decorator_factory
from airflow.operators.python import ExternalPythonOperator, PythonVirtualenvOperator


class _PythonVirtualenvDecoratedOperator(DecoratedOperator, PythonVirtualenvOperator):
    template_fields = PythonVirtualenvOperator.template_fields
    custom_operator_name = "@task.virtualenv"

    def __init__(self, python_callable, op_args=None, op_kwargs=None, **kwargs):
        kwargs_to_upstream = {"python_callable": python_callable, "op_args": op_args, "op_kwargs": op_kwargs}
        super(_PythonVirtualenvDecoratedOperator, self).__init__(
            kwargs_to_upstream=kwargs_to_upstream,
            python_callable=python_callable,
            op_args=op_args,
            op_kwargs=op_kwargs,
            **kwargs
        )


class _PythonExternalDecoratedOperator(DecoratedOperator, ExternalPythonOperator):
    template_fields = ExternalPythonOperator.template_fields
    custom_operator_name = "@task.external_python"

    def __init__(self, python_callable, op_args=None, op_kwargs=None, **kwargs):
        kwargs_to_upstream = {"python_callable": python_callable, "op_args": op_args, "op_kwargs": op_kwargs}
        super(_PythonExternalDecoratedOperator, self).__init__(
            kwargs_to_upstream=kwargs_to_upstream,
            python_callable=python_callable,
            op_args=op_args,
            op_kwargs=op_kwargs,
            **kwargs
        )


def virtualenv_task(python_callable=None, multiple_outputs=None, **kwargs):
    return task_decorator_factory(
        python_callable=python_callable,
        multiple_outputs=multiple_outputs,
        decorated_operator_class=_PythonVirtualenvDecoratedOperator,
        **kwargs
    )


def external_python_task(python=None, python_callable=None, multiple_outputs=None, **kwargs):
    return task_decorator_factory(
        python=python,
        python_callable=python_callable,
        multiple_outputs=multiple_outputs,
        decorated_operator_class=_PythonExternalDecoratedOperator,
        **kwargs
    )
