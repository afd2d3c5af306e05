"""Airflow's ``conf``: the defaults of airflow.cfg that DAG files read at parse time.

``AIRFLOW__SECTION__KEY`` environment variables override them, as in Airflow.
"""
from __future__ import absolute_import, division, print_function, unicode_literals

import os

from airflow.exceptions import AirflowConfigException

_DEFAULTS = {
    "core": {
        "dags_folder": "",
        "default_timezone": "utc",
        "executor": "LocalExecutor",
        "parallelism": "32",
        "max_active_tasks_per_dag": "16",
        "max_active_runs_per_dag": "16",
        "max_consecutive_failed_dag_runs_per_dag": "0",
        "dags_are_paused_at_creation": "True",
        "load_examples": "False",
        "default_task_retries": "0",
        "default_task_retry_delay": "300",
        "default_task_weight_rule": "downstream",
        "default_task_execution_timeout": "",
        "dagbag_import_timeout": "30.0",
        "dag_file_processor_timeout": "50",
        "killed_task_cleanup_time": "60",
        "unit_test_mode": "False",
        "allowed_deserialization_classes": "airflow.*",
    },
    "operators": {
        "default_owner": "airflow",
        "default_deferrable": "false",
        "default_cpus": "1",
        "default_ram": "512",
        "default_disk": "512",
        "default_gpus": "0",
        "default_queue": "default",
        "allow_illegal_arguments": "False",
    },
    "scheduler": {
        "catchup_by_default": "True",
        "create_cron_data_intervals": "True",
        "min_file_process_interval": "30",
        "dag_dir_list_interval": "300",
    },
    "sensors": {"default_timeout": "604800"},
    "email": {"default_email_on_retry": "True", "default_email_on_failure": "True"},
    "webserver": {"dag_default_view": "grid", "dag_orientation": "LR", "base_url": "http://localhost:8080"},
    "celery": {"worker_concurrency": "16"},
    "logging": {"base_log_folder": "", "logging_level": "INFO"},
}

_NO_FALLBACK = object()


class AirflowConfigParser(object):
    """Read-only view of the configuration; values are strings like in airflow.cfg."""

    def has_option(self, section, key):
        return self._lookup(section, key) is not None

    def get(self, section, key, fallback=_NO_FALLBACK, **_kwargs):
        value = self._lookup(section, key)
        if value is not None:
            return value
        if fallback is not _NO_FALLBACK:
            return fallback
        raise AirflowConfigException("section/key [%s/%s] not found in config" % (section, key))

    def get_mandatory_value(self, section, key, **kwargs):
        return self.get(section, key, **kwargs)

    def getboolean(self, section, key, fallback=_NO_FALLBACK, **kwargs):
        value = self.get(section, key, fallback=fallback, **kwargs)
        if not isinstance(value, str) and not hasattr(value, "lower"):
            return value
        lowered = value.strip().lower().split("#")[0].strip()
        if lowered in ("t", "true", "1"):
            return True
        if lowered in ("f", "false", "0"):
            return False
        raise AirflowConfigException(
            'Failed to convert value to bool. Please check "%s" key in "%s" section. '
            'Current value: "%s".' % (key, section, value)
        )

    def getint(self, section, key, fallback=_NO_FALLBACK, **kwargs):
        value = self.get(section, key, fallback=fallback, **kwargs)
        return None if value is None else int(value)

    def getfloat(self, section, key, fallback=_NO_FALLBACK, **kwargs):
        value = self.get(section, key, fallback=fallback, **kwargs)
        return None if value is None else float(value)

    def getlist(self, section, key, delimiter=",", **kwargs):
        value = self.get(section, key, **kwargs)
        return [item.strip() for item in value.split(delimiter) if item.strip()]

    def _lookup(self, section, key):
        env_value = os.environ.get("AIRFLOW__%s__%s" % (section.upper(), key.upper()))
        if env_value is not None:
            return env_value
        return _DEFAULTS.get(section.lower(), {}).get(key.lower())


conf = AirflowConfigParser()

get = conf.get
getboolean = conf.getboolean
getint = conf.getint
getfloat = conf.getfloat
has_option = conf.has_option
