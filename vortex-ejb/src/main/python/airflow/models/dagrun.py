"""DagRun: importable for type hints in DAG files; runs exist only in VORTEX."""
from __future__ import absolute_import, division, print_function, unicode_literals


class DagRun(object):
    """Placeholder for ``from airflow.models import DagRun``."""
