"""HttpSensor: pokes an endpoint until the response passes ``response_check``."""
from __future__ import absolute_import, division, print_function, unicode_literals

from airflow.sensors.base import BaseSensorOperator


class HttpSensor(BaseSensorOperator):
    template_fields = ("endpoint", "request_params", "headers")

    def __init__(
        self,
        endpoint,
        http_conn_id="http_default",
        method="GET",
        request_params=None,
        request_kwargs=None,
        headers=None,
        response_error_codes_allowlist=None,
        response_check=None,
        extra_options=None,
        tcp_keep_alive=True,
        tcp_keep_alive_idle=120,
        tcp_keep_alive_count=20,
        tcp_keep_alive_interval=30,
        deferrable=False,
        **kwargs
    ):
        super(HttpSensor, self).__init__(**kwargs)
        self.endpoint = endpoint
        self.http_conn_id = http_conn_id
        self.method = method
        self.response_error_codes_allowlist = (
            ("404",) if response_error_codes_allowlist is None else tuple(response_error_codes_allowlist)
        )
        self.request_params = request_params or {}
        self.headers = headers or {}
        self.extra_options = extra_options or {}
        self.response_check = response_check
        self.request_kwargs = request_kwargs or {}
        self.tcp_keep_alive = tcp_keep_alive
        self.tcp_keep_alive_idle = tcp_keep_alive_idle
        self.tcp_keep_alive_count = tcp_keep_alive_count
        self.tcp_keep_alive_interval = tcp_keep_alive_interval
        self.deferrable = deferrable
