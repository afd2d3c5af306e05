"""vortex_dagparse: the result contract, dag_factory specs, and the CPython worker protocol."""
from __future__ import absolute_import, division, print_function, unicode_literals

import json
import os
import subprocess
import sys
import tempfile
import unittest

from shim_paths import DAGS_FOLDER, JYTHON, SHIM_ROOT
import vortex_dagparse


class ParseFileTest(unittest.TestCase):
    def test_prints_of_a_dag_file_do_not_reach_stdout(self):
        folder = tempfile.mkdtemp()
        path = os.path.join(folder, "noisy.py")
        with open(path, "w") as handle:
            handle.write("from airflow import DAG\nprint('noise')\ndag = DAG('noisy', schedule=None)\n")
        captured = []

        class Capture(object):
            def write(self, text):
                captured.append(text)

            def flush(self):
                pass

        saved = sys.stdout
        sys.stdout = Capture()
        try:
            result = json.loads(vortex_dagparse.parse_file(path, folder))
        finally:
            sys.stdout = saved
        self.assertEqual([], captured)
        self.assertEqual("noisy", result["dags"][0]["dag_id"])

    def test_a_file_that_never_mentions_airflow_is_not_imported(self):
        folder = tempfile.mkdtemp()
        path = os.path.join(folder, "helper.py")
        with open(path, "w") as handle:
            handle.write("raise RuntimeError('must not run')\n")
        self.assertEqual({"dags": [], "error": None}, json.loads(vortex_dagparse.parse_file(path, folder)))

    def test_cycle_error_names_the_faulty_task(self):
        result = json.loads(vortex_dagparse.parse_file(os.path.join(DAGS_FOLDER, "error_cycle.py"), DAGS_FOLDER))
        self.assertEqual("Cycle detected in DAG: error_cycle. Faulty task: load", result["error"]["message"])


class ParseSpecTest(unittest.TestCase):
    def spec(self, **tasks):
        return json.dumps({"dag_id": "spec", "start_date": "2024-01-01", "tasks": tasks})

    def test_unknown_operator(self):
        result = json.loads(vortex_dagparse.parse_spec(self.spec(a={"operator": "NoSuchOperator"}), "/dags/s.json"))
        self.assertEqual("DagFactoryError", result["error"]["kind"])
        self.assertTrue(result["error"]["message"].startswith("Unknown operator 'NoSuchOperator' for task 'a'"))

    def test_unknown_upstream(self):
        spec = self.spec(a={"operator": "EmptyOperator", "dependencies": ["ghost"]})
        result = json.loads(vortex_dagparse.parse_spec(spec, "/dags/s.json"))
        self.assertEqual("Task 'a' in DAG 'spec' depends on unknown task 'ghost'", result["error"]["message"])

    def test_invalid_json(self):
        result = json.loads(vortex_dagparse.parse_spec("{not json", "/dags/s.json"))
        self.assertEqual("DagFactoryError", result["error"]["kind"])


@unittest.skipIf(JYTHON, "the worker protocol is what the CPython pool speaks")
class WorkerProtocolTest(unittest.TestCase):
    def test_one_answer_line_per_request_and_exit_on_eof(self):
        requests = [
            {"id": 1, "op": "parse_file", "path": os.path.join(DAGS_FOLDER, "classic_loop_tasks.py"), "dags_folder": DAGS_FOLDER},
            {"id": 2, "op": "parse_spec", "spec": json.dumps({"dag_id": "s", "tasks": {}}), "path": "/dags/s.json"},
            {"id": 3, "op": "explode"},
        ]
        worker = subprocess.Popen(
            [sys.executable, os.path.join(SHIM_ROOT, "vortex_dagparse.py")],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        stdin = "".join(json.dumps(r) + "\n" for r in requests).encode("utf-8")
        out, _ = worker.communicate(stdin, timeout=60)
        lines = [json.loads(line) for line in out.decode("utf-8").splitlines()]
        self.assertEqual(0, worker.returncode)
        self.assertEqual(True, lines[0]["ready"])
        self.assertEqual([1, 2, 3], [line["id"] for line in lines[1:]])
        self.assertEqual("classic_loop_tasks", lines[1]["dags"][0]["dag_id"])
        self.assertEqual("s", lines[2]["dags"][0]["dag_id"])
        self.assertEqual("ProtocolError", lines[3]["error"]["kind"])

    def test_import_timeout(self):
        worker = subprocess.Popen(
            [sys.executable, os.path.join(SHIM_ROOT, "vortex_dagparse.py")],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        request = {"id": 7, "op": "parse_file", "path": os.path.join(DAGS_FOLDER, "error_runaway.py"),
                   "dags_folder": DAGS_FOLDER, "timeout": 0.5}
        out, _ = worker.communicate((json.dumps(request) + "\n").encode("utf-8"), timeout=60)
        answer = json.loads(out.decode("utf-8").splitlines()[1])
        self.assertEqual("AirflowTaskTimeout", answer["error"]["kind"])
        self.assertIn(answer["error"]["line"], (6, 7))
