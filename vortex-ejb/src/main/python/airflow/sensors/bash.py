"""BashSensor: waits until a bash command exits with 0."""
from __future__ import absolute_import, division, print_function, unicode_literals

from airflow.sensors.base import BaseSensorOperator


class BashSensor(BaseSensorOperator):
    template_fields = ("bash_command", "env")

    def __init__(self, bash_command, env=None, output_encoding="utf-8", retry_exit_code=None, **kwargs):
        super(BashSensor, self).__init__(**kwargs)
        self.bash_command = bash_command
        self.env = env
        self.output_encoding = output_encoding
        self.retry_exit_code = retry_exit_code
