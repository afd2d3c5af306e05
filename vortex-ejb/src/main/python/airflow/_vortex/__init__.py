"""VORTEX internals of the Airflow shim: Python 2/3 helpers, DAG serialization, dag_factory specs.

Nothing here exists in real Airflow; DAG files never import it.
"""
