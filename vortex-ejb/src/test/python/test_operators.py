"""Operator construction follows Airflow: default_args precedence, validation messages, helpers."""
from __future__ import absolute_import, division, print_function, unicode_literals

import unittest
from datetime import datetime, timedelta

import shim_paths  # noqa: F401
from airflow import DAG
from airflow.exceptions import AirflowException, DuplicateTaskIdFound, TaskNotFound
from airflow.models import Variable
from airflow.models.param import Param
from airflow.operators.bash import BashOperator
from airflow.operators.empty import EmptyOperator
from airflow.sensors.base import BaseSensorOperator
from airflow.utils.task_group import TaskGroup
from airflow.utils.trigger_rule import TriggerRule


class OperatorTest(unittest.TestCase):
    def test_defaults_of_an_operator_are_airflows(self):
        task = EmptyOperator(task_id="t")
        self.assertEqual(("airflow", 0, timedelta(seconds=300), "default_pool", 1, "default", "downstream"),
                         (task.owner, task.retries, task.retry_delay, task.pool, task.priority_weight, task.queue,
                          task.weight_rule))
        self.assertEqual("all_success", task.trigger_rule)

    def test_explicit_argument_beats_group_beats_dag_default_args(self):
        with DAG("d", start_date=datetime(2024, 1, 1), default_args={"retries": 1, "owner": "dag", "pool": "p"}):
            with TaskGroup("g", default_args={"retries": 2, "owner": "group"}):
                explicit = EmptyOperator(task_id="explicit", retries=3)
                grouped = EmptyOperator(task_id="grouped")
        self.assertEqual((3, "group", "p"), (explicit.retries, explicit.owner, explicit.pool))
        self.assertEqual((2, "group"), (grouped.retries, grouped.owner))

    def test_unknown_argument_is_an_airflow_exception(self):
        with self.assertRaises(AirflowException) as raised:
            BashOperator(task_id="x", bash_command="true", retires=3)
        self.assertEqual(
            "Invalid arguments were passed to BashOperator (task_id: x). Invalid arguments were:\n**kwargs: {'retires': 3}",
            str(raised.exception),
        )

    def test_missing_required_argument(self):
        with self.assertRaises(AirflowException) as raised:
            BashOperator(task_id="x")
        self.assertEqual("missing keyword argument 'bash_command'", str(raised.exception))

    def test_invalid_task_id(self):
        with self.assertRaises(AirflowException) as raised:
            EmptyOperator(task_id="bad id!")
        self.assertEqual(
            "The key 'bad id!' has to be made of alphanumeric characters, dashes, dots and underscores exclusively",
            str(raised.exception),
        )

    def test_trigger_rule_enum_and_invalid_rule(self):
        self.assertEqual("none_failed_min_one_success", TriggerRule.NONE_FAILED_MIN_ONE_SUCCESS)
        self.assertIs(TriggerRule.ALL_DONE, TriggerRule("all_done"))
        self.assertTrue(TriggerRule.is_valid("always"))
        with self.assertRaises(AirflowException):
            EmptyOperator(task_id="t", trigger_rule="sometimes")

    def test_duplicate_task_id_and_unknown_task(self):
        with DAG("d", start_date=datetime(2024, 1, 1)) as dag:
            EmptyOperator(task_id="t")
            with self.assertRaises(DuplicateTaskIdFound) as raised:
                EmptyOperator(task_id="t")
        self.assertEqual("Task id 't' has already been added to the DAG", str(raised.exception))
        with self.assertRaises(TaskNotFound) as missing:
            dag.get_task("nope")
        self.assertEqual("Task nope not found", str(missing.exception))

    def test_sensor_defaults(self):
        sensor = BaseSensorOperator(task_id="s")
        self.assertEqual((60.0, 604800.0, "poke", False), (sensor.poke_interval, sensor.timeout, sensor.mode, sensor.soft_fail))
        with self.assertRaises(AirflowException):
            BaseSensorOperator(task_id="s2", mode="sometimes")

    def test_dag_defaults_and_schedule_conflict(self):
        dag = DAG("d", start_date=datetime(2024, 1, 1))
        self.assertEqual((True, 16, 16, timedelta(days=1)),
                         (dag.catchup, dag.max_active_runs, dag.max_active_tasks, dag.schedule_interval))
        with self.assertRaises(ValueError):
            DAG("d2", start_date=datetime(2024, 1, 1), schedule="@daily", schedule_interval="@daily")

    def test_continuous_schedule_needs_one_active_run(self):
        with self.assertRaises(AirflowException):
            DAG("c", start_date=datetime(2024, 1, 1), schedule="@continuous")
        DAG("c", start_date=datetime(2024, 1, 1), schedule="@continuous", max_active_runs=1)

    def test_scheduled_dag_needs_param_values(self):
        with self.assertRaises(AirflowException):
            DAG("p", start_date=datetime(2024, 1, 1), schedule="@daily", params={"x": Param(type="string")})
        DAG("p", start_date=datetime(2024, 1, 1), schedule=None, params={"x": Param(type="string")})

    def test_variable_get(self):
        self.assertEqual("fallback", Variable.get("missing", default_var="fallback"))
        with self.assertRaises(KeyError):
            Variable.get("missing")
