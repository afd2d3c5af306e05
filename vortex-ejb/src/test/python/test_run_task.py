"""run_task: Python tasks of run_task_dags/run_etl.py run as Airflow 2.10's task runner runs them, on
Jython (in-process) and CPython (in-process and through the worker protocol)."""
from __future__ import absolute_import, division, print_function, unicode_literals

import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest
from collections import OrderedDict

from shim_paths import HERE, JYTHON, SHIM_ROOT
import vortex_dagparse
from airflow.exceptions import AirflowException
from airflow.models import Variable
from airflow.operators.python import get_current_context

RUN_DAGS = os.path.join(HERE, "run_task_dags")
RUN_ETL = os.path.join(RUN_DAGS, "run_etl.py")
CONTEXT = {
    "run_id": "manual__2026-01-01T00:00:00+00:00",
    "run_type": "manual",
    "logical_date": "2026-01-01T00:00:00+00:00",
    "data_interval_start": "2026-01-01T00:00:00+00:00",
    "data_interval_end": "2026-01-01T00:00:00+00:00",
    "ds": "2026-01-01",
    "ds_nodash": "20260101",
    "ts": "2026-01-01T00:00:00+00:00",
    "ts_nodash": "20260101T000000",
    "ts_nodash_with_tz": "20260101T000000+0000",
    "conf": {"who": "me"},
    "params": {"limit": 3},
    "try_number": 1,
    "max_tries": 2,
    "external_trigger": True,
    "dag_run_start_date": "2026-01-01T00:00:05+00:00",
}
LOG_LINE = re.compile(r"^\[\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000\] \{([^}]+)\} (\w+) - (.*)$")


def line_of(code):
    """The line of run_etl.py holding ``code``."""
    with io.open(RUN_ETL, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if code in line:
                return number
    raise AssertionError("%s is not in run_etl.py" % code)


class RunTaskTestCase(unittest.TestCase):
    maxDiff = None

    def setUp(self):
        self.logs = tempfile.mkdtemp()
        self.log_path = os.path.join(self.logs, "dag_id=run_etl", "run_id=manual", "attempt=1.log")

    def tearDown(self):
        shutil.rmtree(self.logs)

    def request(self, task_id, **fields):
        request = {
            "id": 7,
            "op": "run_task",
            "path": RUN_ETL,
            "dags_folder": RUN_DAGS,
            "dag_id": "run_etl",
            "task_id": task_id,
            "map_index": -1,
            "log_path": self.log_path,
            "context": CONTEXT,
            "rendered": {},
            "xcoms": [],
            "variables": {},
        }
        request.update(fields)
        return request

    def run_task(self, task_id, **fields):
        return json.loads(vortex_dagparse.handle_request(json.dumps(self.request(task_id, **fields))))

    def returned(self, answer):
        self.assertEqual("success", answer["state"], answer["error"])
        return dict((xcom["key"], xcom["value"]) for xcom in answer["xcoms"])["return_value"]

    def log_lines(self):
        with io.open(self.log_path, encoding="utf-8") as handle:
            return handle.read().splitlines()

    def log_records(self):
        """(location, level, message) of each formatted line of the log."""
        return [LOG_LINE.match(line).groups() for line in self.log_lines() if LOG_LINE.match(line)]


class AnswerTest(RunTaskTestCase):
    def test_the_answer_has_every_key(self):
        text = vortex_dagparse.handle_request(json.dumps(self.request("decorated")))
        self.assertEqual(
            ["id", "state", "xcoms", "follow", "short_circuit", "bash_command", "retry", "error"],
            list(json.loads(text, object_pairs_hook=OrderedDict)),
        )
        answer = json.loads(text)
        self.assertEqual(
            {"id": 7, "state": "success", "xcoms": [{"key": "return_value", "value": [7, "2026-01-01", "decorated"]}],
             "follow": None, "short_circuit": None, "bash_command": None, "retry": False, "error": None},
            answer,
        )

    def test_a_missing_dag(self):
        answer = self.run_task("named", dag_id="ghost")
        self.assertEqual("failed", answer["state"])
        self.assertTrue(answer["retry"])
        self.assertEqual("AirflowException", answer["error"]["kind"])
        self.assertEqual(
            "Dag 'ghost' could not be found; either it does not exist or it failed to parse.", answer["error"]["message"]
        )
        self.assertEqual(RUN_ETL, answer["error"]["filename"])

    def test_a_task_of_a_subdag(self):
        self.assertEqual("run_etl.section", self.returned(self.run_task("inside", dag_id="run_etl.section")))

    def test_a_missing_task(self):
        answer = self.run_task("ghost")
        self.assertEqual("TaskNotFound", answer["error"]["kind"])
        self.assertEqual("Task 'ghost' not found in DAG 'run_etl'", answer["error"]["message"])

    def test_a_file_that_fails_to_import(self):
        folder = tempfile.mkdtemp()
        try:
            path = os.path.join(folder, "broken.py")
            with open(path, "w") as handle:
                handle.write("from airflow import DAG\nimport no_such_module_anywhere\n")
            answer = self.run_task("named", path=path, dags_folder=folder)
        finally:
            shutil.rmtree(folder)
        self.assertEqual("failed", answer["state"])
        self.assertEqual("ImportError", answer["error"]["kind"])
        self.assertEqual(2, answer["error"]["line"])
        self.assertEqual(
            "Dag 'run_etl' could not be found; either it does not exist or it failed to parse.", answer["error"]["message"]
        )
        self.assertIn("no_such_module_anywhere", answer["error"]["traceback"])
        self.assertIn("Failed to import: %s" % path, "\n".join(self.log_lines()))

    def test_operators_vortex_runs_itself_are_refused(self):
        for task_id, task_type in [("bash", "BashOperator"), ("left", "EmptyOperator")]:
            answer = self.run_task(task_id)
            self.assertEqual("failed", answer["state"])
            self.assertFalse(answer["retry"])
            self.assertEqual("ProtocolError", answer["error"]["kind"])
            self.assertEqual("run_task cannot run %s" % task_type, answer["error"]["message"])

    def test_a_log_that_cannot_be_written(self):
        blocker = os.path.join(self.logs, "a_file")
        with open(blocker, "w") as handle:
            handle.write("not a folder")
        answer = self.run_task("decorated", log_path=os.path.join(blocker, "attempt=1.log"))
        self.assertEqual("failed", answer["state"])
        self.assertEqual(RUN_ETL, answer["error"]["filename"])
        self.assertEqual([], answer["xcoms"])

    def test_a_request_without_its_fields(self):
        answer = json.loads(vortex_dagparse.handle_request(json.dumps({"id": 3, "op": "run_task", "path": RUN_ETL})))
        self.assertEqual(3, answer["id"])
        self.assertEqual("ProtocolError", answer["error"]["kind"])
        self.assertEqual("run_task needs dag_id, task_id, log_path", answer["error"]["message"])


class PythonCallableTest(RunTaskTestCase):
    def test_the_callable_gets_only_the_context_values_it_names(self):
        self.assertEqual(["2026-01-01", "named", {"limit": 3}, 5], self.returned(self.run_task("named")))

    def test_kwargs_takes_the_whole_context_with_op_kwargs_and_templates_dict(self):
        rendered = {"op_args": [1, 2], "op_kwargs": {"extra": "2026-01-01"}, "templates_dict": {"query": "2026-01-01"}}
        answer = self.run_task("positional", rendered=rendered)
        self.assertEqual([1, 2, "2026-01-01", {"query": "2026-01-01"}, True], self.returned(answer))

    def test_unrendered_fields_keep_their_values(self):
        answer = self.run_task("positional")
        self.assertEqual([1, 2, "{{ ds }}", {"query": "{{ ds }}"}, True], self.returned(answer))

    def test_a_positional_argument_named_as_a_context_key_is_refused(self):
        answer = self.run_task("clash")
        self.assertEqual("ValueError", answer["error"]["kind"])
        self.assertEqual("The key 'ds' in args is a part of kwargs and therefore reserved.", answer["error"]["message"])

    def test_a_task_function_gets_its_arguments_and_the_context(self):
        answer = self.run_task("decorated", rendered={"op_args": [8], "op_kwargs": {}})
        self.assertEqual([8, "2026-01-01", "decorated"], self.returned(answer))

    def test_multiple_outputs_push_each_key_then_the_return_value(self):
        for task_id in ("classic_outputs", "decorated_outputs"):
            xcoms = self.run_task(task_id)["xcoms"]
            self.assertEqual(["a", "b"], sorted(xcom["key"] for xcom in xcoms[:-1]), task_id)
            self.assertEqual({"a": 1, "b": 2}, dict((xcom["key"], xcom["value"]) for xcom in xcoms[:-1]))
            self.assertEqual({"key": "return_value", "value": {"a": 1, "b": 2}}, xcoms[-1])

    def test_multiple_outputs_need_a_dict(self):
        answer = self.run_task("not_a_dict")
        self.assertEqual("AirflowException", answer["error"]["kind"])
        self.assertEqual(
            "Returned output was type <class 'str'> expected dictionary for multiple_outputs", answer["error"]["message"]
        )

    def test_no_xcom_without_do_xcom_push(self):
        answer = self.run_task("no_push")
        self.assertEqual("success", answer["state"])
        self.assertEqual([], answer["xcoms"])

    def test_a_mapped_task_function_runs_one_map_index(self):
        answer = self.run_task("fan_out", map_index=1, rendered={"op_args": [], "op_kwargs": {"factor": 10, "x": 2}})
        self.assertEqual([20, 1], self.returned(answer))

    def test_a_mapped_operator_needs_its_mapped_arguments(self):
        self.assertEqual(4, self.returned(self.run_task("classic_fan_out", map_index=1, rendered={"op_args": [2]})))
        answer = self.run_task("classic_fan_out", map_index=1)
        self.assertEqual("ProtocolError", answer["error"]["kind"])
        self.assertEqual("run_task needs the mapped arguments of classic_fan_out: op_args", answer["error"]["message"])


class ContextTest(RunTaskTestCase):
    def test_the_context_airflow_gives(self):
        variables = {"my_var": "text value", "json_var": '{"n": 1}'}
        report = self.returned(self.run_task("report", variables=variables))
        self.assertTrue(report["current_is_this_run"])
        expected_keys = set(
            "conf conn dag dag_run data_interval_end data_interval_start ds ds_nodash execution_date "
            "expanded_ti_count inlets logical_date macros map_index_template next_ds next_ds_nodash "
            "next_execution_date outlets params prev_data_interval_end_success prev_data_interval_start_success "
            "prev_ds prev_ds_nodash prev_end_date_success prev_execution_date prev_execution_date_success "
            "prev_start_date_success run_id task task_instance task_instance_key_str templates_dict test_mode ti "
            "tomorrow_ds tomorrow_ds_nodash triggering_dataset_events ts ts_nodash ts_nodash_with_tz var "
            "yesterday_ds yesterday_ds_nodash".split()
        )
        self.assertEqual(sorted(expected_keys), report["keys"])
        self.assertEqual("2026-01-01T00:00:00+00:00", report["logical_date"])
        self.assertEqual("DateTime", report["logical_date_type"])
        self.assertTrue(report["execution_date_is_logical_date"])
        self.assertEqual("2026-01-01T00:00:00+00:00", report["data_interval_end"])
        self.assertEqual(
            ["2026-01-01", "20260101", "2026-01-01T00:00:00+00:00", "20260101T000000", "20260101T000000+0000"],
            report["dates"],
        )
        # A manual run's previous and next logical dates are its own.
        self.assertEqual(["2025-12-31", "2026-01-02", "2026-01-01", "20260101"], report["neighbours"])
        self.assertEqual("run_etl__report__20260101", report["task_instance_key_str"])
        self.assertEqual(CONTEXT["run_id"], report["run_id"])
        self.assertEqual(
            ["run_etl", CONTEXT["run_id"], "manual", {"who": "me"}, True, True, "2026-01-01T00:00:05+00:00"],
            report["dag_run"],
        )
        self.assertEqual(["run_etl", "report", CONTEXT["run_id"], -1, 1, 2, "running", True, True], report["ti"])
        self.assertEqual({"limit": 3}, report["params"])
        self.assertEqual("utc", report["conf"])
        self.assertEqual("run_etl", report["dag"])
        self.assertEqual(["2026-01-04", "01/01"], report["macros"])
        self.assertEqual(["text value", {"n": 1}, "d"], report["var"])
        self.assertEqual(["text value", {"n": 1}, None], report["variable"])
        self.assertFalse(report["test_mode"])
        self.assertIsNone(report["map_index_template"])

    def test_a_scheduled_run_knows_the_next_logical_date(self):
        context = dict(CONTEXT, external_trigger=False, run_id="scheduled__2026-01-01T00:00:00+00:00",
                       data_interval_end="2026-01-02T00:00:00+00:00")
        variables = {"my_var": "text value", "json_var": "{}"}
        report = self.returned(self.run_task("report", context=context, variables=variables))
        self.assertEqual(["2025-12-31", "2026-01-02", None, "20260102"], report["neighbours"])

    def test_outside_a_task_there_is_no_context_and_no_variable(self):
        self.run_task("report", variables={"my_var": "text value"})
        with self.assertRaises(AirflowException):
            get_current_context()
        with self.assertRaises(KeyError):
            Variable.get("my_var")


class XComTest(RunTaskTestCase):
    XCOMS = [
        {"task_id": "extract", "map_index": -1, "key": "return_value", "value": 1},
        {"task_id": "extract", "map_index": -1, "key": "rows", "value": 10},
        {"task_id": "load", "map_index": -1, "key": "return_value", "value": "L"},
        {"task_id": "a", "map_index": -1, "key": "shared", "value": "first"},
        {"task_id": "b", "map_index": -1, "key": "shared", "value": "second"},
        {"task_id": "fan_out", "map_index": 2, "key": "return_value", "value": "m2"},
        {"task_id": "fan_out", "map_index": 0, "key": "return_value", "value": "m0"},
        {"task_id": "fan_out", "map_index": 1, "key": "return_value", "value": "m1"},
        {"task_id": "pulls", "map_index": -1, "key": "mine", "value": "from an earlier try"},
    ]

    def test_pull_forms(self):
        answer = self.run_task("pulls", xcoms=self.XCOMS)
        self.assertEqual(
            {
                "one": 1,
                "missing": None,
                "missing_default": "d",
                "many": ["L", 1],
                "latest_of_key": "second",
                "keyed": 10,
                "other_dag": None,
                "mapped": ["m0", "m1", "m2"],
                "one_index": "m1",
                "some_indexes": ["m2", "m0"],
                "own": [1, 2],
            },
            self.returned(answer),
        )
        self.assertEqual(["mine", "return_value"], [xcom["key"] for xcom in answer["xcoms"]])

    def test_a_value_that_is_not_json_fails_the_task(self):
        for task_id in ("push_thing", "return_thing"):
            answer = self.run_task(task_id)
            self.assertEqual("failed", answer["state"], task_id)
            self.assertTrue(answer["retry"])
            self.assertEqual("TypeError", answer["error"]["kind"])
            self.assertEqual("Object of type Thing is not JSON serializable", answer["error"]["message"])

    def test_an_unpushed_return_value_may_be_anything(self):
        answer = self.run_task("return_thing_unpushed")
        self.assertEqual("success", answer["state"])
        self.assertEqual([], answer["xcoms"])


class BranchTest(RunTaskTestCase):
    def test_follow_the_returned_ids(self):
        for task_id, follow in [("branch_one", ["left"]), ("branch_many", ["left", "right"]), ("branch_none", []),
                                ("decorated_branch", ["right"])]:
            answer = self.run_task(task_id)
            self.assertEqual("success", answer["state"], answer["error"])
            self.assertEqual(follow, answer["follow"], task_id)

    def test_the_branch_is_the_return_value(self):
        self.assertEqual(["left", "right"], self.returned(self.run_task("branch_many")))
        self.assertEqual([], self.run_task("branch_none")["xcoms"])

    def test_a_direct_downstream_task_after_the_followed_branch_is_followed_too(self):
        self.assertEqual(["join", "left"], self.run_task("branch_join")["follow"])

    def test_a_task_group_stands_for_its_root_tasks(self):
        self.assertEqual(["grp.first"], self.run_task("branch_group")["follow"])

    def test_an_unknown_id_fails_the_task(self):
        answer = self.run_task("branch_bad")
        self.assertEqual("failed", answer["state"])
        self.assertEqual(
            "'branch_task_ids' must contain only valid task_ids. Invalid tasks found: {'ghost'}.",
            answer["error"]["message"],
        )
        self.assertIsNone(answer["follow"])

    def test_day_of_week_and_date_time_branches_read_the_logical_date(self):
        # 2026-01-01 is a Thursday, at midnight.
        self.assertEqual(["left"], self.run_task("thursday")["follow"])
        self.assertEqual(["left"], self.run_task("in_window")["follow"])
        self.assertEqual(["right"], self.run_task("out_of_window")["follow"])


class ShortCircuitTest(RunTaskTestCase):
    def test_a_falsy_condition_short_circuits(self):
        for task_id, ignore, value in [("stop", True, 0), ("stop_direct", False, []), ("decorated_stop", True, False)]:
            answer = self.run_task(task_id)
            self.assertEqual("success", answer["state"])
            self.assertEqual({"ignore_downstream_trigger_rules": ignore}, answer["short_circuit"], task_id)
            self.assertEqual([{"key": "return_value", "value": value}], answer["xcoms"])

    def test_a_truthy_condition_goes_on(self):
        answer = self.run_task("go")
        self.assertIsNone(answer["short_circuit"])
        self.assertEqual("yes", self.returned(answer))


class BashTaskTest(RunTaskTestCase):
    def test_the_function_returns_the_command(self):
        answer = self.run_task("command", rendered={"op_args": ["there"], "op_kwargs": {}})
        self.assertEqual("success", answer["state"])
        self.assertEqual("echo there", answer["bash_command"])
        self.assertEqual([], answer["xcoms"])

    def test_the_command_must_be_a_non_empty_string(self):
        answer = self.run_task("blank")
        self.assertEqual("failed", answer["state"])
        self.assertIsNone(answer["bash_command"])
        self.assertEqual("TypeError", answer["error"]["kind"])
        self.assertEqual(
            "The returned value from the TaskFlow callable must be a non-empty string.", answer["error"]["message"]
        )


class CustomOperatorTest(RunTaskTestCase):
    def test_execute_runs_with_the_rendered_fields(self):
        answer = self.run_task("greeter", rendered={"greeting": "hello 2026-01-01"})
        self.assertEqual(
            [{"key": "day", "value": "2026-01-01"}, {"key": "return_value", "value": "hello 2026-01-01!"}],
            answer["xcoms"],
        )
        logged = ("run_etl.py:%d" % line_of('"greeting %s"'), "INFO", "greeting hello 2026-01-01")
        self.assertIn(logged, self.log_records())

    def test_the_shims_base_execute_is_not_implemented(self):
        answer = self.run_task("lazy")
        self.assertEqual("NotImplementedError", answer["error"]["kind"])

    def test_the_traceback_shows_the_dag_folders_frames(self):
        answer = self.run_task("helper")
        error = answer["error"]
        self.assertEqual("ValueError", error["kind"])
        self.assertEqual("helper operator failed for 2026-01-01", error["message"])
        self.assertIsNone(error["line"])
        helpers = os.path.join(RUN_DAGS, "run_helpers.py")
        self.assertEqual(2, error["traceback"].count('File "%s"' % helpers))
        self.assertNotIn("task_runner.py", error["traceback"])


class ExceptionTest(RunTaskTestCase):
    def test_skip(self):
        answer = self.run_task("skip")
        self.assertEqual("skipped", answer["state"])
        self.assertIsNone(answer["error"])
        logged = [(location.split(":")[0], level, message) for location, level, message in self.log_records()]
        self.assertIn(("task_runner.py", "INFO", "not today"), logged)

    def test_failures_that_must_not_be_retried(self):
        for task_id, kind in [("fail", "AirflowFailException"), ("sensor_timeout", "AirflowSensorTimeout")]:
            answer = self.run_task(task_id)
            self.assertEqual("failed", answer["state"])
            self.assertFalse(answer["retry"])
            self.assertEqual(kind, answer["error"]["kind"])
            self.assertEqual("airflow.exceptions." + kind, answer["error"]["exception"])

    def test_other_failures_may_be_retried(self):
        answer = self.run_task("crash")
        self.assertEqual("failed", answer["state"])
        self.assertTrue(answer["retry"])
        error = answer["error"]
        self.assertEqual(["ValueError", "deep failure"], [error["kind"], error["message"]])
        self.assertEqual(RUN_ETL, error["filename"])
        self.assertEqual(line_of('fail_deep("deep failure")'), error["line"])
        traceback_files = re.findall(r'File "([^"]+)"', error["traceback"])
        self.assertEqual([RUN_ETL, os.path.join(RUN_DAGS, "run_helpers.py")], traceback_files)

    def test_exit_status_decides(self):
        answer = self.run_task("exit_1")
        self.assertEqual(["failed", True, "SystemExit", "1"],
                         [answer["state"], answer["retry"], answer["error"]["kind"], answer["error"]["message"]])
        self.assertEqual("success", self.run_task("exit_0")["state"])


class TaskLogTest(RunTaskTestCase):
    def test_prints_and_log_records_in_airflows_format(self):
        self.assertEqual("success", self.run_task("chatty")["state"])
        records = self.log_records()
        self.assertEqual(len(self.log_lines()), len(records))
        for expected in [
            ("logging_mixin.py:190", "INFO", "to stdout"),
            ("logging_mixin.py:190", "WARNING", "to stderr"),
            ("run_etl.py:%d" % line_of('"root record %d"'), "INFO", "root record 1"),
            ("run_etl.py:%d" % line_of('"library record"'), "WARNING", "library record"),
            ("run_etl.py:%d" % line_of('"task record"'), "INFO", "task record"),
            ("run_etl.py:%d" % line_of('"ti record"'), "INFO", "ti record"),
            ("logging_mixin.py:190", "INFO", "two"),
            ("logging_mixin.py:190", "INFO", "lines"),
            ("logging_mixin.py:190", "INFO", "unfinished"),
        ]:
            self.assertIn(expected, records)
        self.assertIn(("INFO", "Done. Returned value was: None"), [(level, message) for _, level, message in records])

    def test_a_failure_is_logged_with_its_traceback(self):
        self.run_task("crash")
        lines = self.log_lines()
        failed_at = [index for index, line in enumerate(lines) if line.endswith("ERROR - Task failed with exception")]
        self.assertEqual(1, len(failed_at))
        self.assertEqual("Traceback (most recent call last):", lines[failed_at[0] + 1])
        self.assertEqual("ValueError: deep failure", lines[-1])

    def test_runs_append_to_the_log(self):
        self.run_task("chatty")
        self.run_task("chatty")
        self.assertEqual(2, sum(1 for record in self.log_records() if record[2] == "to stdout"))

    def test_output_goes_back_where_it_was(self):
        stdout, stderr = sys.stdout, sys.stderr
        self.run_task("chatty")
        self.assertIs(stdout, sys.stdout)
        self.assertIs(stderr, sys.stderr)

    @unittest.skipIf(JYTHON, "descriptors 1 and 2 are redirected on CPython only")
    def test_child_processes_write_into_the_log(self):
        self.assertEqual("done", self.returned(self.run_task("child_processes")))
        lines = self.log_lines()
        for line in ("child out", "child err", "raw descriptor write"):
            self.assertIn(line, lines)


@unittest.skipIf(JYTHON, "the worker protocol is what the CPython pool speaks")
class WorkerTest(RunTaskTestCase):
    def test_the_worker_keeps_serving_and_its_protocol_stays_clean(self):
        requests = [
            self.request("crash"),
            self.request("child_processes"),
            {"id": 8, "op": "parse_file", "path": RUN_ETL, "dags_folder": RUN_DAGS},
            self.request("decorated"),
        ]
        worker = subprocess.Popen(
            [sys.executable, os.path.join(SHIM_ROOT, "vortex_dagparse.py")],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        out, _ = worker.communicate("".join(json.dumps(r) + "\n" for r in requests).encode("utf-8"), timeout=60)
        answers = [json.loads(line) for line in out.decode("utf-8").splitlines()]
        self.assertEqual(0, worker.returncode)
        self.assertEqual(5, len(answers))
        self.assertEqual(["failed", "success"], [answers[1]["state"], answers[2]["state"]])
        self.assertEqual("run_etl", answers[3]["dags"][0]["dag_id"])
        self.assertEqual([7, "2026-01-01", "decorated"], self.returned(answers[4]))
        lines = self.log_lines()
        for line in ("child out", "child err", "raw descriptor write"):
            self.assertIn(line, lines)
