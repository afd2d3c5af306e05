"""Never finishes importing: VORTEX must stop it (dagbag_import_timeout). Not run by the unit tests."""
from datetime import datetime

from airflow import DAG

while True:
    pass

dag = DAG("error_runaway", start_date=datetime(2024, 1, 1), schedule=None)
