from datetime import datetime

from airflow import DAG
from airflow.operators.empty import EmptyOperator


class DecreasingPriority(object):
    """A strategy no plugin registers: Airflow refuses it by name."""


with DAG("error_weight_strategy", start_date=datetime(2024, 1, 1), schedule=None):
    EmptyOperator(task_id="t", weight_rule=DecreasingPriority())
