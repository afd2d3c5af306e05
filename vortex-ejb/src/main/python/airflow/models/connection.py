"""Connection: importable at parse time; connections are resolved when tasks run."""
from __future__ import absolute_import, division, print_function, unicode_literals

import json

from airflow.exceptions import AirflowNotFoundException


class Connection(object):
    """A connection definition (host, login, password, extra...)."""

    def __init__(
        self,
        conn_id=None,
        conn_type=None,
        description=None,
        host=None,
        login=None,
        password=None,
        schema=None,
        port=None,
        extra=None,
        uri=None,
    ):
        self.conn_id = conn_id
        self.conn_type = conn_type
        self.description = description
        self.host = host
        self.login = login
        self.password = password
        self.schema = schema
        self.port = port
        self.extra = json.dumps(extra) if isinstance(extra, dict) else extra
        self.uri = uri

    @property
    def extra_dejson(self):
        return json.loads(self.extra) if self.extra else {}

    @classmethod
    def get_connection_from_secrets(cls, conn_id):
        raise AirflowNotFoundException("The conn_id `%s` isn't defined" % conn_id)

    def __repr__(self):
        return self.conn_id or ""
