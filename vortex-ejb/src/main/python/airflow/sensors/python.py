"""PythonSensor: waits until a callable returns True."""
from __future__ import absolute_import, division, print_function, unicode_literals

from airflow.sensors.base import BaseSensorOperator


class PythonSensor(BaseSensorOperator):
    template_fields = ("templates_dict", "op_args", "op_kwargs")

    def __init__(self, python_callable, op_args=None, op_kwargs=None, templates_dict=None, **kwargs):
        super(PythonSensor, self).__init__(**kwargs)
        self.python_callable = python_callable
        self.op_args = op_args or []
        self.op_kwargs = op_kwargs or {}
        self.templates_dict = templates_dict
