"""HttpOperator (SimpleHttpOperator before provider 4.9): calls an HTTP endpoint."""
from __future__ import absolute_import, division, print_function, unicode_literals

from airflow.models.baseoperator import BaseOperator


class HttpOperator(BaseOperator):
    template_fields = ("endpoint", "data", "headers")
    template_fields_renderers = {"headers": "json", "data": "py"}
    template_ext = ()
    ui_color = "#f4a460"

    def __init__(
        self,
        endpoint=None,
        method="POST",
        data=None,
        headers=None,
        pagination_function=None,
        response_check=None,
        response_filter=None,
        extra_options=None,
        http_conn_id="http_default",
        log_response=False,
        auth_type=None,
        tcp_keep_alive=True,
        tcp_keep_alive_idle=120,
        tcp_keep_alive_count=20,
        tcp_keep_alive_interval=30,
        deferrable=False,
        retry_args=None,
        **kwargs
    ):
        super(HttpOperator, self).__init__(**kwargs)
        self.endpoint = endpoint
        self.method = method
        self.data = data
        self.headers = headers or {}
        self.pagination_function = pagination_function
        self.response_check = response_check
        self.response_filter = response_filter
        self.extra_options = extra_options or {}
        self.http_conn_id = http_conn_id
        self.log_response = log_response
        self.auth_type = auth_type
        self.deferrable = deferrable
        self.retry_args = retry_args


class SimpleHttpOperator(HttpOperator):
    """The name HttpOperator had before the http provider 4.9."""
