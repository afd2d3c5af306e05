"""chain (pairwise lists), cross_downstream, Label inside chain, set_upstream/set_downstream and <<."""
from datetime import datetime, timedelta

from airflow import DAG
from airflow.models.baseoperator import chain, cross_downstream
from airflow.operators.empty import EmptyOperator
from airflow.utils.edgemodifier import Label
from airflow.utils.helpers import chain as helpers_chain

with DAG("classic_chain_labels", start_date=datetime(2024, 1, 1), schedule=timedelta(hours=6)) as dag:
    tasks = dict(
        (name, EmptyOperator(task_id=name))
        for name in ["begin", "a1", "a2", "b1", "b2", "merge", "audit", "x1", "x2", "y1", "y2", "publish", "announce"]
    )

    chain(tasks["begin"], [tasks["a1"], tasks["a2"]], [tasks["b1"], tasks["b2"]], tasks["merge"])
    cross_downstream([tasks["merge"], tasks["audit"]], [tasks["x1"], tasks["x2"]])
    helpers_chain(tasks["x2"], Label("ship it"), tasks["publish"])
    tasks["publish"] << tasks["y1"]
    tasks["publish"].set_downstream(tasks["announce"])
    tasks["announce"].set_upstream([tasks["y2"]])
