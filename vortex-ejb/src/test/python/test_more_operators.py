"""Latest-only, week-day, date-time, time sensors, e-mail, transfers, SubDagOperator, the branch
virtualenv operators and their decorators, settings and sessions: Airflow's arguments and errors."""
from __future__ import absolute_import, division, print_function, unicode_literals

import datetime
import json
import os
import tempfile
import unittest
import warnings

import shim_paths  # noqa: F401
import vortex_dagparse
from airflow import DAG
from airflow._vortex.serialization import encode
from airflow.exceptions import AirflowException
from airflow.models.baseoperator import BaseOperator
from airflow.operators.datetime import BranchDateTimeOperator, target_times_as_dates
from airflow.operators.email import EmailOperator
from airflow.operators.empty import EmptyOperator
from airflow.operators.generic_transfer import GenericTransfer
from airflow.operators.latest_only import LatestOnlyOperator
from airflow.operators.python import (
    BranchExternalPythonOperator,
    BranchPythonVirtualenvOperator,
    ExternalPythonOperator,
    PythonVirtualenvOperator,
    is_venv_installed,
)
from airflow.operators.smooth import SmoothOperator
from airflow.operators.subdag import SkippedStatePropagationOptions, SubDagOperator
from airflow.operators.weekday import BranchDayOfWeekOperator
from airflow.sensors.base import BaseSensorOperator
from airflow.sensors.date_time import DateTimeSensor, DateTimeSensorAsync
from airflow.sensors.time_delta import TimeDeltaSensorAsync, WaitSensor
from airflow.sensors.time_sensor import TimeSensor, TimeSensorAsync
from airflow.sensors.weekday import DayOfWeekSensor
from airflow.utils import timezone
from airflow.utils.weekday import WeekDay


def _choose():
    return "a"


def _generate():
    yield "a"


class WeekDayTest(unittest.TestCase):
    def test_members_behave_like_an_int_enum(self):
        self.assertEqual(1, WeekDay.MONDAY)
        self.assertEqual("SUNDAY", WeekDay.SUNDAY.name)
        self.assertEqual(7, WeekDay.SUNDAY.value)
        self.assertIs(WeekDay.FRIDAY, WeekDay(5))
        self.assertIs(WeekDay.FRIDAY, WeekDay["FRIDAY"])
        self.assertEqual(list(range(1, 8)), [int(day) for day in WeekDay])
        self.assertEqual(7, len(WeekDay.__members__))
        self.assertEqual("<WeekDay.MONDAY: 1>", repr(WeekDay.MONDAY))
        self.assertEqual("[1, 7]", json.dumps([WeekDay.MONDAY, WeekDay.SUNDAY]))
        with self.assertRaises(ValueError):
            WeekDay(8)

    def test_names_in_any_case(self):
        self.assertIs(WeekDay.SUNDAY, WeekDay.get_weekday_number("sunday"))
        self.assertIs(WeekDay.TUESDAY, WeekDay.convert("Tuesday"))
        self.assertIs(WeekDay.TUESDAY, WeekDay.convert(WeekDay.TUESDAY))
        with self.assertRaises(AttributeError) as raised:
            WeekDay.get_weekday_number("Funday")
        self.assertEqual('Invalid Week Day passed: "Funday"', str(raised.exception))

    def test_validate_week_day(self):
        self.assertEqual(set([1]), WeekDay.validate_week_day("Monday"))
        self.assertEqual(set([6]), WeekDay.validate_week_day(WeekDay.SATURDAY))
        self.assertEqual(set([6, 7]), WeekDay.validate_week_day(["saturday", WeekDay.SUNDAY]))
        self.assertEqual(set([3]), WeekDay.validate_week_day({"Wednesday": True}))
        with self.assertRaises(TypeError) as raised:
            WeekDay.validate_week_day(3)
        self.assertEqual(
            "Unsupported Type for week_day parameter: <class 'int'>.Input should be iterable type:"
            "str, set, list, dict or Weekday enum type",
            str(raised.exception),
        )


class BranchingOperatorsTest(unittest.TestCase):
    def test_latest_only_and_smooth(self):
        self.assertEqual("#e9ffdb", LatestOnlyOperator(task_id="l").ui_color)
        self.assertEqual("#e8f7e4", SmoothOperator(task_id="s").ui_color)
        self.assertEqual((), tuple(LatestOnlyOperator.template_fields))

    def test_branch_day_of_week(self):
        task = BranchDayOfWeekOperator(
            task_id="b", week_day={"Saturday", WeekDay.SUNDAY}, follow_task_ids_if_true="w", follow_task_ids_if_false="d"
        )
        self.assertEqual(set([6, 7]), task._week_day_num)
        self.assertFalse(task.use_task_logical_date)
        with warnings.catch_warnings(record=True):
            warnings.simplefilter("always")
            old = BranchDayOfWeekOperator(
                task_id="o", week_day="Monday", follow_task_ids_if_true="w", follow_task_ids_if_false="d",
                use_task_execution_day=True,
            )
        self.assertTrue(old.use_task_logical_date)
        with self.assertRaises(AttributeError):
            BranchDayOfWeekOperator(task_id="x", week_day="Mon", follow_task_ids_if_true="w", follow_task_ids_if_false="d")
        with self.assertRaises(AirflowException) as raised:
            BranchDayOfWeekOperator(task_id="y", week_day="Monday")
        self.assertEqual(
            "missing keyword arguments 'follow_task_ids_if_false', 'follow_task_ids_if_true'", str(raised.exception)
        )

    def test_branch_date_time_needs_a_target(self):
        task = BranchDateTimeOperator(
            task_id="t", target_lower=datetime.time(9), target_upper=None,
            follow_task_ids_if_true="a", follow_task_ids_if_false="b",
        )
        self.assertEqual(datetime.time(9), task.target_lower)
        with self.assertRaises(AirflowException) as raised:
            BranchDateTimeOperator(
                task_id="u", target_lower=None, target_upper=None, follow_task_ids_if_true="a", follow_task_ids_if_false="b"
            )
        self.assertEqual(
            "Both target_upper and target_lower are None. At least one must be defined to be compared to the current datetime",
            str(raised.exception),
        )

    def test_targets_past_midnight_move_to_the_next_day(self):
        base = datetime.datetime(2024, 5, 1, 23, 0)
        lower, upper = target_times_as_dates(base, datetime.time(22), datetime.time(1))
        self.assertEqual((datetime.datetime(2024, 5, 1, 22), datetime.datetime(2024, 5, 2, 1)), (lower, upper))


class TimeSensorsTest(unittest.TestCase):
    def test_sensors_are_sensors(self):
        for sensor in (
            TimeSensor(task_id="a", target_time=datetime.time(6)),
            DayOfWeekSensor(task_id="b", week_day="Friday"),
            TimeDeltaSensorAsync(task_id="c", delta=datetime.timedelta(minutes=1)),
        ):
            self.assertIsInstance(sensor, BaseSensorOperator)
            self.assertEqual("#e6f1f2", sensor.ui_color)

    def test_date_time_sensor_keeps_text(self):
        sensor = DateTimeSensor(task_id="d", target_time=datetime.datetime(2024, 6, 1, 12, 30))
        self.assertEqual("2024-06-01T12:30:00", sensor.target_time)
        self.assertEqual(("target_time",), tuple(sensor.template_fields))
        with self.assertRaises(TypeError) as raised:
            DateTimeSensor(task_id="e", target_time=5)
        self.assertEqual("Expected str or datetime.datetime type for target_time. Got <class 'int'>", str(raised.exception))
        with self.assertRaises(ValueError):
            DateTimeSensorAsync(task_id="f", target_time="{{ ds }}", start_from_trigger=True)

    def test_time_sensor_async_needs_its_dag(self):
        with self.assertRaises(AirflowException):
            TimeSensorAsync(task_id="g", target_time=datetime.time(6))
        with DAG("t", start_date=datetime.datetime(2024, 1, 1), schedule=None):
            sensor = TimeSensorAsync(task_id="g", target_time=datetime.time(6, 15))
        self.assertEqual((6, 15), (sensor.target_datetime.hour, sensor.target_datetime.minute))
        self.assertEqual(datetime.timedelta(0), sensor.target_datetime.utcoffset())

    def test_wait_sensor_counts_minutes(self):
        self.assertEqual(datetime.timedelta(minutes=3), WaitSensor(task_id="w", time_to_wait=3).time_to_wait)
        self.assertFalse(WaitSensor(task_id="x", time_to_wait=datetime.timedelta(1)).deferrable)


class MessagingAndTransferTest(unittest.TestCase):
    def test_email_operator(self):
        task = EmailOperator(task_id="m", to="a@example.com", subject="s", html_content="<b>x</b>")
        self.assertEqual(([], "mixed", "utf-8", "#e6faf9"), (task.files, task.mime_subtype, task.mime_charset, task.ui_color))
        self.assertEqual(("to", "subject", "html_content", "files"), tuple(task.template_fields))
        with self.assertRaises(AirflowException) as raised:
            EmailOperator(task_id="n", to="a@example.com", subject="s")
        self.assertEqual("missing keyword argument 'html_content'", str(raised.exception))

    def test_generic_transfer(self):
        task = GenericTransfer(task_id="g", sql="q.sql", destination_table="t", source_conn_id="a", destination_conn_id="b")
        self.assertEqual(({}, None, "#b0f07c"), (task.insert_args, task.preoperator, task.ui_color))
        self.assertIn("insert_args", task.template_fields)


class SubDagTest(unittest.TestCase):
    def test_subdag_id_must_be_parent_dot_task(self):
        with DAG("parent", start_date=datetime.datetime(2024, 1, 1), schedule=None) as parent:
            with warnings.catch_warnings(record=True):
                warnings.simplefilter("always")
                op = SubDagOperator(task_id="child", subdag=DAG("parent.child", schedule=None),
                                    propagate_skipped_state=SkippedStatePropagationOptions.ANY_LEAF)
        with DAG("parent", schedule=None):
            with warnings.catch_warnings(record=True):
                warnings.simplefilter("always")
                with self.assertRaises(AirflowException) as raised:
                    SubDagOperator(task_id="other", subdag=DAG("parent.child2", schedule=None))
        self.assertEqual(
            "The subdag's dag_id should have the form '{parent_dag_id}.{this_task_id}'. "
            "Expected 'parent.other'; received 'parent.child2'.",
            str(raised.exception),
        )
        self.assertEqual(("#555", "#fff"), (op.ui_color, op.ui_fgcolor))
        self.assertEqual(["parent.child"], [d.dag_id for d in parent.subdags])
        self.assertEqual("any_leaf", encode(op.propagate_skipped_state))

    def test_subdag_needs_a_dag(self):
        with warnings.catch_warnings(record=True):
            warnings.simplefilter("always")
            with self.assertRaises(AirflowException) as raised:
                SubDagOperator(task_id="alone", subdag=DAG("x.alone", schedule=None))
        self.assertEqual("Please pass in the `dag` param or call within a DAG context manager", str(raised.exception))

    def test_nested_subdags_are_registered_with_their_parent(self):
        folder = tempfile.mkdtemp()
        path = os.path.join(folder, "nested_subdags.py")
        with open(path, "w") as handle:
            handle.write(
                "from airflow import DAG\n"
                "from airflow.operators.empty import EmptyOperator\n"
                "from airflow.operators.subdag import SubDagOperator\n"
                "inner = DAG('top.mid.leaf', schedule=None)\n"
                "EmptyOperator(task_id='work', dag=inner)\n"
                "mid = DAG('top.mid', schedule=None)\n"
                "SubDagOperator(task_id='leaf', subdag=inner, dag=mid)\n"
                "with DAG('top', schedule=None) as top:\n"
                "    SubDagOperator(task_id='mid', subdag=mid)\n"
                "del inner, mid\n"
            )
        result = json.loads(vortex_dagparse.parse_file(path, folder))
        self.assertIsNone(result["error"])
        parents = dict((d["dag_id"], d["parent_dag_id"]) for d in result["dags"])
        self.assertEqual({"top": None, "top.mid": "top", "top.mid.leaf": "top.mid"}, parents)
        self.assertEqual([path] * 3, [d["fileloc"] for d in result["dags"]])


class VirtualenvBranchingTest(unittest.TestCase):
    def test_is_venv_installed_is_a_bool(self):
        self.assertIn(is_venv_installed(), (True, False))

    def test_branch_virtualenv_operator(self):
        task = BranchPythonVirtualenvOperator(task_id="v", python_callable=_choose, requirements="pendulum")
        self.assertIsInstance(task, PythonVirtualenvOperator)
        self.assertTrue(task.inherits_from_skipmixin)
        self.assertEqual((["pendulum"], "pickle", []), (task.requirements, task.serializer, task.skip_on_exit_code))
        self.assertEqual((".txt",), tuple(task.template_ext))

    def test_virtualenv_callable_and_serializer_checks(self):
        with self.assertRaises(ValueError) as lambda_error:
            BranchPythonVirtualenvOperator(task_id="l", python_callable=lambda: "a")
        self.assertEqual(
            "BranchPythonVirtualenvOperator only supports functions for python_callable arg", str(lambda_error.exception)
        )
        with self.assertRaises(ValueError) as generator_error:
            PythonVirtualenvOperator(task_id="g", python_callable=_generate)
        self.assertEqual(
            "PythonVirtualenvOperator does not support using 'yield' in python_callable", str(generator_error.exception)
        )
        with self.assertRaises(AirflowException) as serializer_error:
            BranchPythonVirtualenvOperator(task_id="s", python_callable=_choose, serializer="json")
        self.assertEqual(
            "Unsupported serializer 'json'. Expected one of 'pickle', 'dill', 'cloudpickle'", str(serializer_error.exception)
        )
        with warnings.catch_warnings(record=True):
            warnings.simplefilter("always")
            with self.assertRaises(AirflowException):
                BranchPythonVirtualenvOperator(task_id="d", python_callable=_choose, use_dill=True, serializer="dill")
            dill = BranchPythonVirtualenvOperator(task_id="d2", python_callable=_choose, use_dill=True)
        self.assertEqual("dill", dill.serializer)

    def test_branch_external_python_operator(self):
        task = BranchExternalPythonOperator(
            task_id="e", python="/venv/bin/python", python_callable=_choose, skip_on_exit_code=(3, 4)
        )
        self.assertIsInstance(task, ExternalPythonOperator)
        self.assertEqual(((3, 4), []), (task.skip_on_exit_code, task.string_args))
        with self.assertRaises(ValueError) as raised:
            BranchExternalPythonOperator(task_id="f", python="", python_callable=_choose)
        self.assertEqual("Python Path must be defined in ExternalPythonOperator", str(raised.exception))

    def test_decorators(self):
        from airflow.decorators import task

        with DAG("deco", start_date=datetime.datetime(2024, 1, 1), schedule=None) as dag:

            @task.branch_virtualenv(requirements=["x==1"])
            def pick():
                return "a"

            @task.branch_external_python(python="/venv/bin/python")
            def pick_external():
                return "a"

            pick()
            pick_external()
        self.assertEqual(
            ["@task.branch_virtualenv", "@task.branch_external_python"], [t.operator_name for t in dag.tasks]
        )
        self.assertEqual(["x==1"], dag.get_task("pick").requirements)
        self.assertEqual("/venv/bin/python", dag.get_task("pick_external").python)


class ContextSessionSettingsTest(unittest.TestCase):
    def test_get_current_context_fails_outside_a_task(self):
        from airflow.operators.python import get_current_context as from_operators
        from airflow.utils.context import Context, get_current_context

        self.assertIs(get_current_context, from_operators)
        with self.assertRaises(AirflowException):
            get_current_context()
        self.assertEqual({"ds": "x"}, Context(ds="x"))

    def test_provide_session(self):
        from airflow.utils.session import NEW_SESSION, create_session, provide_session

        @provide_session
        def uses(value, session=NEW_SESSION):
            return value, session

        value, session = uses(1)
        self.assertEqual(1, value)
        self.assertIsNotNone(session)
        self.assertEqual((2, "mine"), uses(2, session="mine"))
        self.assertEqual((3, "positional"), uses(3, "positional"))
        with self.assertRaises(ValueError):
            provide_session(lambda: None)
        with create_session() as opened:
            opened.commit()
            with self.assertRaises(AirflowException):
                opened.query(BaseOperator)

    def test_dags_folder_is_the_parsed_folder(self):
        from airflow import settings

        folder = tempfile.mkdtemp()
        path = os.path.join(folder, "folder_dag.py")
        with open(path, "w") as handle:
            handle.write(
                "from airflow import DAG, settings\n"
                "dag = DAG('folder_dag', schedule=None, description=settings.DAGS_FOLDER)\n"
            )
        result = json.loads(vortex_dagparse.parse_file(path, folder))
        self.assertEqual(folder, result["dags"][0]["description"])
        self.assertTrue(settings.AIRFLOW_HOME)


class TimeValuesTest(unittest.TestCase):
    def test_times_and_dates_serialize_as_iso_text(self):
        self.assertEqual("06:30:00", encode(datetime.time(6, 30)))
        self.assertEqual("06:30:00.250000", encode(datetime.time(6, 30, 0, 250000)))
        self.assertEqual("06:30:00+00:00", encode(datetime.time(6, 30, tzinfo=timezone.utc)))
        self.assertEqual("2024-02-29", encode(datetime.date(2024, 2, 29)))

    def test_airflow_3_paths(self):
        from airflow.providers.standard.operators.datetime import BranchDateTimeOperator as Std
        from airflow.providers.standard.operators.latest_only import LatestOnlyOperator as StdLatest
        from airflow.providers.standard.sensors.time import TimeSensor as StdTime
        from airflow.providers.standard.utils.weekday import WeekDay as StdWeekDay
        from airflow.providers.common.sql.operators.generic_transfer import GenericTransfer as SqlTransfer

        self.assertIs(BranchDateTimeOperator, Std)
        self.assertIs(LatestOnlyOperator, StdLatest)
        self.assertIs(TimeSensor, StdTime)
        self.assertIs(WeekDay, StdWeekDay)
        self.assertIs(GenericTransfer, SqlTransfer)
        self.assertTrue(issubclass(EmptyOperator, BaseOperator))
