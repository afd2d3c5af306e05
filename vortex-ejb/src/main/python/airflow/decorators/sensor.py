"""``@task.sensor``: the function is the poke."""
from __future__ import absolute_import, division, print_function, unicode_literals

from airflow.decorators.base import get_unique_task_id, task_decorator_factory
from airflow.sensors.base import BaseSensorOperator


class DecoratedSensorOperator(BaseSensorOperator):
    template_fields = ("op_args", "op_kwargs")
    template_fields_renderers = {"op_args": "py", "op_kwargs": "py"}
    custom_operator_name = "@task.sensor"
    shallow_copy_attrs = ("python_callable",)

    def __init__(self, python_callable, task_id, op_args=None, op_kwargs=None, **kwargs):
        kwargs.pop("multiple_outputs", None)
        kwargs["task_id"] = get_unique_task_id(task_id, kwargs.get("dag"), kwargs.get("task_group"))
        self.python_callable = python_callable
        self.op_args = op_args or []
        self.op_kwargs = op_kwargs or {}
        super(DecoratedSensorOperator, self).__init__(**kwargs)


def sensor_task(python_callable=None, **kwargs):
    return task_decorator_factory(
        python_callable=python_callable, decorated_operator_class=DecoratedSensorOperator, **kwargs
    )
