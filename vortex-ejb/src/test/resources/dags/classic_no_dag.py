"""Shared helpers for DAG files: imports airflow but defines no DAG."""
from airflow.models import Variable

DEFAULT_OWNER = "data-eng"


def dag_name(source):
    return "ingest_%s" % source


def bucket():
    return Variable.get("landing_bucket", default_var="s3://landing")


LANDING_BUCKET = bucket()
