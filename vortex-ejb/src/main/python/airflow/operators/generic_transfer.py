"""GenericTransfer: copies the rows of a query from one connection into a table of another."""
from __future__ import absolute_import, division, print_function, unicode_literals

from airflow.models.baseoperator import BaseOperator


class GenericTransfer(BaseOperator):
    """Moves data from a connection to another (source hook ``get_records``, destination ``insert_rows``)."""

    template_fields = (
        "source_conn_id",
        "destination_conn_id",
        "sql",
        "destination_table",
        "preoperator",
        "insert_args",
    )
    template_ext = (".sql", ".hql")
    template_fields_renderers = {"preoperator": "sql"}
    ui_color = "#b0f07c"

    def __init__(
        self,
        sql,
        destination_table,
        source_conn_id,
        destination_conn_id,
        source_hook_params=None,
        destination_hook_params=None,
        preoperator=None,
        insert_args=None,
        **kwargs
    ):
        super(GenericTransfer, self).__init__(**kwargs)
        self.sql = sql
        self.destination_table = destination_table
        self.source_conn_id = source_conn_id
        self.source_hook_params = source_hook_params
        self.destination_conn_id = destination_conn_id
        self.destination_hook_params = destination_hook_params
        self.preoperator = preoperator
        self.insert_args = insert_args or {}
