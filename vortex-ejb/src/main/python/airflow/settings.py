"""``airflow.settings``: the module-level settings DAG files read (``DAGS_FOLDER``, ``AIRFLOW_HOME``...).

While VORTEX parses a file, ``DAGS_FOLDER`` is the DAG folder the file was read from. ``Session()``
gives the database-less session of airflow.utils.session.
"""
from __future__ import absolute_import, division, print_function, unicode_literals

import os

from airflow.configuration import conf
from airflow.utils import timezone
from airflow.utils.session import ParseTimeSession

AIRFLOW_HOME = os.path.expanduser(os.environ.get("AIRFLOW_HOME") or "~/airflow")
DAGS_FOLDER = os.path.expanduser(conf.get("core", "dags_folder") or os.path.join(AIRFLOW_HOME, "dags"))
PLUGINS_FOLDER = os.path.join(AIRFLOW_HOME, "plugins")
TIMEZONE = timezone.TIMEZONE
SQL_ALCHEMY_CONN = None
engine = None
Session = ParseTimeSession
CAN_FORK = hasattr(os, "fork")
LAZY_LOAD_PLUGINS = True
LAZY_LOAD_PROVIDERS = True

_CONFIGURED_DAGS_FOLDER = DAGS_FOLDER


def use_dags_folder(dags_folder):
    """VORTEX: the folder of the file being parsed (the configured one when None)."""
    global DAGS_FOLDER
    DAGS_FOLDER = dags_folder or _CONFIGURED_DAGS_FOLDER
