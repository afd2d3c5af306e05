"""Dependency semantics of the shim match Airflow 2.10: >>, lists, groups, chain, labels and their errors."""
from __future__ import absolute_import, division, print_function, unicode_literals

import unittest
from datetime import datetime

import shim_paths  # noqa: F401
from airflow import DAG
from airflow.exceptions import AirflowException
from airflow.models.baseoperator import chain, cross_downstream
from airflow.operators.empty import EmptyOperator
from airflow.utils.edgemodifier import Label
from airflow.utils.task_group import TaskGroup


def new_dag(dag_id="deps"):
    return DAG(dag_id, start_date=datetime(2024, 1, 1), schedule=None)


class DependencyTest(unittest.TestCase):
    def test_list_on_the_left_links_every_task(self):
        with new_dag():
            a, b, c = [EmptyOperator(task_id=n) for n in "abc"]
            [a, b] >> c
        self.assertEqual(set(["a", "b"]), c.upstream_task_ids)

    def test_list_to_list_is_the_python_type_error_airflow_gives(self):
        with new_dag():
            a, b, c, d = [EmptyOperator(task_id=n) for n in "abcd"]
            with self.assertRaises(TypeError):
                [a, b] >> [c, d]

    def test_chain_of_unequal_lists_is_refused(self):
        with new_dag():
            a, b, c = [EmptyOperator(task_id=n) for n in "abc"]
            with self.assertRaises(AirflowException) as raised:
                chain([a, b], [c])
        self.assertEqual("Chain not supported for different length Iterable. Got 2 and 1.", str(raised.exception))

    def test_cross_downstream_links_every_pair(self):
        with new_dag():
            a, b, c, d = [EmptyOperator(task_id=n) for n in "abcd"]
            cross_downstream([a, b], [c, d])
        self.assertEqual(set(["c", "d"]), a.downstream_task_ids)
        self.assertEqual(set(["a", "b"]), d.upstream_task_ids)

    def test_group_edges_use_leaves_and_roots(self):
        with new_dag():
            start = EmptyOperator(task_id="start")
            with TaskGroup("g") as group:
                first = EmptyOperator(task_id="first")
                last = EmptyOperator(task_id="last")
                first >> last
            end = EmptyOperator(task_id="end")
            start >> group >> end
        self.assertEqual(set(["g.first"]), start.downstream_task_ids)
        self.assertEqual(set(["g.last"]), end.upstream_task_ids)

    def test_label_is_recorded_on_the_edge(self):
        with new_dag() as dag:
            a, b = EmptyOperator(task_id="a"), EmptyOperator(task_id="b")
            a >> Label("when ready") >> b
        self.assertEqual({"label": "when ready"}, dag.get_edge_info("a", "b"))

    def test_task_without_dag_is_adopted(self):
        loose = EmptyOperator(task_id="loose")
        with new_dag() as dag:
            inside = EmptyOperator(task_id="inside")
        loose >> inside
        self.assertIs(dag, loose.dag)
        self.assertIn("loose", dag.task_dict)

    def test_tasks_of_two_dags_cannot_be_linked(self):
        with new_dag("one"):
            a = EmptyOperator(task_id="a")
        with new_dag("two"):
            b = EmptyOperator(task_id="b")
        with self.assertRaises(AirflowException) as raised:
            a >> b
        self.assertEqual(
            "Tried to set relationships between tasks in more than one DAG: {<DAG: one>, <DAG: two>}",
            str(raised.exception),
        )

    def test_a_task_cannot_move_to_another_dag(self):
        with new_dag("one"):
            a = EmptyOperator(task_id="a")
        with self.assertRaises(AirflowException) as raised:
            a.dag = new_dag("two")
        self.assertEqual("The DAG assigned to <Task(EmptyOperator): a> can not be changed.", str(raised.exception))
