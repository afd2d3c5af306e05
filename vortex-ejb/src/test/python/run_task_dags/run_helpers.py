"""A helper module of the run_task fixture DAG folder: its frames belong in a task's traceback."""
from airflow.models import BaseOperator


def fail_deep(reason):
    raise ValueError(reason)


class HelperOperator(BaseOperator):
    """A custom operator defined outside the DAG file."""

    def execute(self, context):
        fail_deep("helper operator failed for %s" % context["ds"])
