"""BaseHook: importable at parse time; hooks only do work when tasks run."""
from __future__ import absolute_import, division, print_function, unicode_literals

from airflow.models.connection import Connection


class BaseHook(object):
    """Base class for hooks; connection lookups are not possible while parsing."""

    conn_name_attr = None
    default_conn_name = "default_conn_id"
    conn_type = None
    hook_name = None

    def __init__(self, logger_name=None):
        self._logger_name = logger_name

    @classmethod
    def get_connection(cls, conn_id):
        return Connection.get_connection_from_secrets(conn_id)

    @classmethod
    def get_hook(cls, conn_id, hook_params=None):
        return cls.get_connection(conn_id)
