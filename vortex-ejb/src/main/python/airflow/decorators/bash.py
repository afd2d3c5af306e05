"""``@task.bash``: the function returns the bash command at run time."""
from __future__ import absolute_import, division, print_function, unicode_literals

from airflow._vortex.compat import string_types
from airflow.decorators.base import DecoratedOperator, task_decorator_factory
from airflow.operators.bash import BashOperator
from airflow.utils.context import context_merge
from airflow.utils.operator_helpers import determine_kwargs

SET_DURING_EXECUTION = "SET_DURING_EXECUTION"


class _BashDecoratedOperator(DecoratedOperator, BashOperator):
    """The function runs in the shim and returns the command; VORTEX renders and runs the command as a
    BashOperator's (Airflow renders the returned command as a template too)."""

    template_fields = DecoratedOperator.template_fields + BashOperator.template_fields
    template_fields_renderers = dict(
        list(DecoratedOperator.template_fields_renderers.items()) + list(BashOperator.template_fields_renderers.items())
    )
    custom_operator_name = "@task.bash"
    _vortex_runnable = True

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

    def execute(self, context):
        context_merge(context, self.op_kwargs)
        kwargs = determine_kwargs(self.python_callable, self.op_args, context)
        self.bash_command = self.python_callable(*self.op_args, **kwargs)
        if not isinstance(self.bash_command, string_types) or self.bash_command.strip() == "":
            raise TypeError("The returned value from the TaskFlow callable must be a non-empty string.")
        context["ti"]._vortex_bash_command = self.bash_command


def bash_task(python_callable=None, **kwargs):
    return task_decorator_factory(
        python_callable=python_callable, decorated_operator_class=_BashDecoratedOperator, _decorator_name="task.bash", **kwargs
    )
