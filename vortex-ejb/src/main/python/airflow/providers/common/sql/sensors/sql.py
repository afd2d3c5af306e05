"""SqlSensor: runs a query until its first cell is truthy (or ``success`` says so)."""
from __future__ import absolute_import, division, print_function, unicode_literals

from operator import itemgetter

from airflow.sensors.base import BaseSensorOperator


class SqlSensor(BaseSensorOperator):
    template_fields = ("sql", "hook_params", "parameters")
    template_ext = (".hql", ".sql")
    ui_color = "#7c7287"

    def __init__(
        self,
        conn_id,
        sql,
        parameters=None,
        success=None,
        failure=None,
        selector=itemgetter(0),
        fail_on_empty=False,
        hook_params=None,
        **kwargs
    ):
        self.conn_id = conn_id
        self.sql = sql
        self.parameters = parameters
        self.success = success
        self.failure = failure
        self.selector = selector
        self.fail_on_empty = fail_on_empty
        self.hook_params = hook_params
        super(SqlSensor, self).__init__(**kwargs)
