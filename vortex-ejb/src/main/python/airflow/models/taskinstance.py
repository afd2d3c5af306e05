"""TaskInstance: importable for type hints in DAG files; instances exist only in VORTEX."""
from __future__ import absolute_import, division, print_function, unicode_literals


class TaskInstance(object):
    """Placeholder for ``from airflow.models import TaskInstance``."""
