"""Deprecated module path of the external task sensor."""
from __future__ import absolute_import, division, print_function, unicode_literals

from airflow.sensors.external_task import ExternalTaskMarker, ExternalTaskSensor  # noqa: F401
