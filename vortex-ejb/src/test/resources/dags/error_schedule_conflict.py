"""schedule and schedule_interval given together."""
from datetime import datetime

from airflow import DAG

dag = DAG("error_schedule_conflict", start_date=datetime(2024, 1, 1), schedule="@daily", schedule_interval="@hourly")
