"""Every fixture DAG in src/test/resources/dags parses to the graph in its ``.expected.json``.

``modern_*`` files are Python 3 only: on Jython they must fail with kind SyntaxError (the Java side
then hands them to the CPython pool). The YAML spec is checked where PyYAML is installed.
"""
from __future__ import absolute_import, division, print_function, unicode_literals

import io
import json
import os
import unittest

from shim_paths import DAGS_FOLDER, JYTHON
import vortex_dagparse

NOT_RUN = ("error_runaway.py",)


def _load_expected(name):
    base = name.rsplit(".", 1)[0]
    with io.open(os.path.join(DAGS_FOLDER, base + ".expected.json"), encoding="utf-8") as handle:
        return json.load(handle)


def _parse(name):
    path = os.path.join(DAGS_FOLDER, name)
    if name.endswith(".py"):
        return json.loads(vortex_dagparse.parse_file(path, DAGS_FOLDER))
    with io.open(path, encoding="utf-8") as handle:
        text = handle.read()
    if name.endswith(".yaml"):
        import yaml

        text = json.dumps(yaml.safe_load(text))
    return json.loads(vortex_dagparse.parse_spec(text, path))


class FixtureTest(unittest.TestCase):
    maxDiff = None

    def assertMatches(self, expected, actual, where):
        """Expected is a subset of actual; DAG and task mappings must have exactly the expected keys."""
        if isinstance(expected, dict):
            self.assertIsInstance(actual, dict, where)
            exact = where.endswith(".dags") or where.endswith(".tasks")
            if exact:
                self.assertEqual(sorted(expected), sorted(actual), "%s: ids differ" % where)
            for key, value in expected.items():
                self.assertIn(key, actual, "%s: missing %s" % (where, key))
                self.assertMatches(value, actual[key], "%s.%s" % (where, key))
        elif isinstance(expected, list):
            self.assertIsInstance(actual, list, where)
            self.assertEqual(len(expected), len(actual), "%s: %r != %r" % (where, expected, actual))
            for index, (exp, act) in enumerate(zip(expected, actual)):
                self.assertMatches(exp, act, "%s[%d]" % (where, index))
        else:
            self.assertEqual(expected, actual, "%s: expected %r, got %r" % (where, expected, actual))

    def check_fixture(self, name):
        if name.endswith(".yaml"):
            try:
                import yaml  # noqa: F401
            except ImportError:
                self.skipTest("PyYAML is not installed; the Java tests read the YAML spec")
        result = _parse(name)
        if JYTHON and name.startswith("modern_"):
            self.assertEqual([], result["dags"])
            self.assertEqual("SyntaxError", result["error"]["kind"], result["error"])
            return
        expected = _load_expected(name)
        if "error" in expected:
            error = result["error"]
            self.assertIsNotNone(error, "%s parsed without error" % name)
            self.assertEqual([], result["dags"])
            self.assertEqual(os.path.join(DAGS_FOLDER, name), error["filename"])
            self.assertTrue(error["traceback"], "error without traceback")
            for key, value in expected["error"].items():
                if key == "message_startswith":
                    self.assertTrue(error["message"].startswith(value), error["message"])
                elif key == "message_endswith":
                    self.assertTrue(error["message"].endswith(value), error["message"])
                else:
                    self.assertEqual(value, error[key], "%s: %s is %r" % (name, key, error[key]))
            return
        self.assertIsNone(result["error"], result["error"] and result["error"]["traceback"])
        actual = dict((d["dag_id"], dict(d, tasks=dict((t["task_id"], t) for t in d["tasks"]))) for d in result["dags"])
        self.assertMatches(expected["dags"], actual, name + ".dags")


def _fixture_names():
    return sorted(
        n
        for n in os.listdir(DAGS_FOLDER)
        if n.endswith((".py", ".yaml", ".json")) and not n.endswith(".expected.json") and n not in NOT_RUN
    )


def _make_test(name):
    def test(self):
        self.check_fixture(name)

    return test


for _name in _fixture_names():
    setattr(FixtureTest, str("test_" + _name.replace(".", "_")), _make_test(_name))


class FixtureSetTest(unittest.TestCase):
    def test_every_fixture_has_an_expected_graph(self):
        for name in _fixture_names():
            base = name.rsplit(".", 1)[0]
            self.assertTrue(os.path.exists(os.path.join(DAGS_FOLDER, base + ".expected.json")), name)

    def test_definition_order_of_tasks_is_kept(self):
        result = _parse("classic_chain_labels.py")
        ids = [t["task_id"] for t in result["dags"][0]["tasks"]]
        self.assertEqual(["begin", "a1", "a2", "b1", "b2", "merge", "audit"], ids[:7])
