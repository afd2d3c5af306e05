"""``@task.bash``: the function returns the bash command at run time."""
from __future__ import absolute_import, division, print_function, unicode_literals

from airflow.decorators.base import DecoratedOperator, task_decorator_factory
from airflow.operators.bash import BashOperator

SET_DURING_EXECUTION = "SET_DURING_EXECUTION"


class _BashDecoratedOperator(DecoratedOperator, BashOperator):
    template_fields = DecoratedOperator.template_fields + BashOperator.template_fields
    template_fields_renderers = dict(
        list(DecoratedOperator.template_fields_renderers.items()) + list(BashOperator.template_fields_renderers.items())
    )
    custom_operator_name = "@task.bash"

    def __init__(self, python_callable, op_args=None, op_kwargs=None, **kwargs):
        kwargs.pop("multiple_outputs", None)
        super(_BashDecoratedOperator, self).__init__(
            python_callable=python_callable,
            op_args=op_args,
            op_kwargs=op_kwargs,
            bash_command=SET_DURING_EXECUTION,
            multiple_outputs=False,
            **kwargs
        )


def bash_task(python_callable=None, **kwargs):
    return task_decorator_factory(
        python_callable=python_callable, decorated_operator_class=_BashDecoratedOperator, _decorator_name="task.bash", **kwargs
    )
