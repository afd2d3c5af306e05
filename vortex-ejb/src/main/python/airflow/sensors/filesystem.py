"""FileSensor: waits for a file or folder to land in a filesystem."""
from __future__ import absolute_import, division, print_function, unicode_literals

from airflow.configuration import conf
from airflow.sensors.base import BaseSensorOperator


class FileSensor(BaseSensorOperator):
    template_fields = ("filepath",)
    ui_color = "#91818a"

    def __init__(
        self,
        filepath,
        fs_conn_id="fs_default",
        recursive=False,
        deferrable=conf.getboolean("operators", "default_deferrable", fallback=False),
        **kwargs
    ):
        super(FileSensor, self).__init__(**kwargs)
        self.filepath = filepath
        self.fs_conn_id = fs_conn_id
        self.recursive = recursive
        self.deferrable = deferrable
