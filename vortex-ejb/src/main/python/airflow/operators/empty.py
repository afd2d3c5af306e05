"""EmptyOperator: a task that does nothing (VORTEX marks it success without running anything)."""
from __future__ import absolute_import, division, print_function, unicode_literals

from airflow.models.baseoperator import BaseOperator


class EmptyOperator(BaseOperator):
    """Operator that does literally nothing; useful to group tasks in a DAG."""

    ui_color = "#e8f7e4"
    inherits_from_empty_operator = True

    def execute(self, context):
        pass
