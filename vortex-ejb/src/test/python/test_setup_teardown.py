"""Setup/teardown tasks (Airflow 2.7+) build the graphs Airflow 2.10 builds: marking, ``as_teardown``,
the ``with setup >> teardown:`` context manager, task group leaves, mapping and DAG validation.

The expected graphs are the ones Airflow's own tests assert (tests/decorators/test_setup_teardown.py).
"""
from __future__ import absolute_import, division, print_function, unicode_literals

import json
import unittest
from datetime import datetime

import shim_paths  # noqa: F401
from airflow import DAG
from airflow._vortex.serialization import serialize_task
from airflow.decorators import setup, task, task_group, teardown
from airflow.decorators.setup_teardown import context_wrapper
from airflow.exceptions import AirflowException
from airflow.models.dag import DagContext, FailStopDagInvalidTriggerRule
from airflow.operators.bash import BashOperator
from airflow.utils.setup_teardown import SetupTeardownContext
from airflow.utils.task_group import TaskGroup
from airflow.utils.trigger_rule import TriggerRule


def new_dag(dag_id="st", **kwargs):
    return DAG(dag_id, start_date=datetime(2024, 1, 1), schedule=None, **kwargs)


def bash(task_id):
    return BashOperator(task_id=task_id, bash_command="echo 1")


def graph(dag):
    """{task_id: sorted downstream ids} of every task."""
    return dict((t.task_id, sorted(t.downstream_task_ids)) for t in dag.tasks)


@task
def mytask():
    pass


@task
def mytask2():
    pass


@setup
def setuptask():
    pass


@setup
def setuptask2():
    pass


def teardowntask():
    """A fresh @teardown decorator each time: Airflow's marks its own kwargs on the first call."""

    @teardown
    def teardowntask():
        pass

    return teardowntask()


def teardowntask2():
    @teardown
    def teardowntask2():
        pass

    return teardowntask2()


class SetupTeardownTestCase(unittest.TestCase):
    maxDiff = None

    def tearDown(self):
        DagContext.reset()


class MarkingTest(SetupTeardownTestCase):
    def test_decorated_functions_are_setup_and_teardown_tasks(self):
        @setup
        def plain_setup():
            pass

        @setup
        @task
        def decorated_setup():
            pass

        @teardown
        @task(retries=3)
        def decorated_teardown():
            pass

        with new_dag() as dag:
            plain_setup()
            decorated_setup()
            decorated_teardown()
        s1, s2, t = dag.get_task("plain_setup"), dag.get_task("decorated_setup"), dag.get_task("decorated_teardown")
        self.assertEqual((True, False), (s1.is_setup, s1.is_teardown))
        self.assertEqual((True, False), (s2.is_setup, s2.is_teardown))
        self.assertEqual((False, True), (t.is_setup, t.is_teardown))
        self.assertEqual(TriggerRule.ALL_SUCCESS, s1.trigger_rule)
        self.assertEqual(TriggerRule.ALL_DONE_SETUP_SUCCESS, t.trigger_rule)
        self.assertEqual(3, t.retries)
        self.assertEqual("@task", t.operator_name)
        # marking adds no edge
        self.assertEqual({"plain_setup": [], "decorated_setup": [], "decorated_teardown": []}, graph(dag))

    def test_bash_task_decorator_can_be_a_setup(self):
        @setup
        @task.bash
        def create():
            return "echo create"

        with new_dag() as dag:
            create()
        self.assertTrue(dag.get_task("create").is_setup)
        self.assertEqual("@task.bash", dag.get_task("create").operator_name)

    def test_classic_operators(self):
        with new_dag() as dag:
            s = bash("s").as_setup()
            t = BashOperator(task_id="t", bash_command="echo 1", trigger_rule="one_failed").as_teardown()
        self.assertIs(s, dag.get_task("s"))
        self.assertTrue(s.is_setup)
        self.assertTrue(t.is_teardown)
        self.assertEqual(TriggerRule.ALL_DONE_SETUP_SUCCESS, t.trigger_rule)
        self.assertFalse(t.on_failure_fail_dagrun)
        self.assertEqual({"s": [], "t": []}, graph(dag))

    def test_as_teardown_with_setups_links_and_marks_them(self):
        with new_dag() as dag:
            s1, s2, work = bash("s1"), bash("s2"), bash("work")
            t = bash("t")
            s1 >> work >> t.as_teardown(setups=[s1, s2], on_failure_fail_dagrun=True)
        self.assertTrue(s1.is_setup and s2.is_setup)
        self.assertTrue(t.on_failure_fail_dagrun)
        self.assertEqual({"s1": ["t", "work"], "s2": ["t"], "work": ["t"], "t": []}, graph(dag))

    def test_xcom_arg_as_setup_and_as_teardown(self):
        with new_dag() as dag:
            first = mytask()
            last = mytask2()
            returned = last.as_teardown(setups=first)
            first >> last
        self.assertIs(last, returned)
        self.assertTrue(first.is_setup and first.operator.is_setup)
        self.assertTrue(last.operator.is_teardown)
        self.assertEqual(TriggerRule.ALL_DONE_SETUP_SUCCESS, last.operator.trigger_rule)
        self.assertEqual({"mytask": ["mytask2"], "mytask2": []}, graph(dag))
        with new_dag("other") as dag:
            other = mytask().as_setup()
        self.assertTrue(dag.get_task("mytask").is_setup)
        self.assertTrue(other.is_setup)

    def test_task_groups_cannot_be_setup_or_teardown(self):
        @task_group
        def group():
            mytask()

        for decorator in (setup, teardown):
            with self.assertRaises(AirflowException) as raised:
                decorator(group)
            self.assertEqual("Task groups cannot be marked as setup or teardown.", str(raised.exception))

    def test_on_failure_fail_dagrun(self):
        @teardown(on_failure_fail_dagrun=True)
        def strict():
            pass

        @teardown
        def lenient():
            pass

        @task
        def not_a_teardown():
            pass

        with new_dag() as dag:
            strict.override(task_id="strict_again")()
            strict()
            lenient.override(on_failure_fail_dagrun=True)()
            with self.assertRaises(ValueError) as raised:
                not_a_teardown.override(on_failure_fail_dagrun=True)()
        self.assertEqual(
            "Cannot set task on_failure_fail_dagrun for 'not_a_teardown' because it is not a teardown task.",
            str(raised.exception),
        )
        self.assertTrue(dag.get_task("strict").on_failure_fail_dagrun)
        self.assertTrue(dag.get_task("strict_again").on_failure_fail_dagrun)
        self.assertTrue(dag.get_task("strict_again").is_teardown)
        self.assertTrue(dag.get_task("lenient").on_failure_fail_dagrun)

    def test_a_task_is_setup_or_teardown_not_both(self):
        with new_dag():
            t = mytask().as_teardown()
            with self.assertRaises(ValueError) as raised:
                t.as_setup()
            self.assertEqual("Cannot mark task 'mytask' as setup; task is already a teardown.", str(raised.exception))
            s = bash("s").as_setup()
            with self.assertRaises(ValueError) as raised:
                s.as_teardown()
            self.assertEqual("Cannot mark task 's' as teardown; task is already a setup.", str(raised.exception))

    def test_teardown_trigger_rule_is_not_configurable(self):
        @teardown
        @task(trigger_rule="one_success")
        def td():
            pass

        with new_dag():
            with self.assertRaises(ValueError) as raised:
                td()
        self.assertEqual("Trigger rule not configurable for teardown tasks.", str(raised.exception))

    def test_a_teardown_function_called_twice_fails_as_in_airflow(self):
        # Airflow writes the teardown trigger rule into the decorator's own kwargs on the first call,
        # so only overrides made before that call can build more tasks.
        @teardown
        def td():
            pass

        with new_dag() as dag:
            td.override(task_id="td_before")()
            td()
            for again in (td, td.override(task_id="td_after")):
                with self.assertRaises(ValueError) as raised:
                    again()
                self.assertEqual("Trigger rule not configurable for teardown tasks.", str(raised.exception))
        self.assertEqual(["td", "td_before"], sorted(dag.task_ids))

    def test_as_teardown_arguments_are_keyword_only(self):
        with new_dag():
            t = bash("t")
            with self.assertRaises(TypeError):
                t.as_teardown(setup=t)
            with self.assertRaises(TypeError):
                teardown(on_failure=True)


class ContextManagerTest(SetupTeardownTestCase):
    def test_nested_contexts_downstream(self):
        with new_dag() as dag:
            with setuptask() >> teardowntask():
                with setuptask2() >> teardowntask2():
                    mytask() >> mytask2()
        self.assertEqual(
            {
                "setuptask": ["setuptask2", "teardowntask"],
                "setuptask2": ["mytask", "teardowntask2"],
                "mytask": ["mytask2"],
                "mytask2": ["teardowntask2"],
                "teardowntask": [],
                "teardowntask2": ["teardowntask"],
            },
            graph(dag),
        )

    def test_nested_contexts_upstream_with_classic_operators(self):
        with new_dag() as dag:
            s1, s2 = bash("setuptask").as_setup(), bash("setuptask2").as_setup()
            t1, t2 = bash("teardowntask").as_teardown(), bash("teardowntask2").as_teardown()
            with s1 >> t1:
                with s2 >> t2:
                    mytask() << mytask2()
        self.assertEqual(
            {
                "setuptask": ["setuptask2", "teardowntask"],
                "setuptask2": ["mytask2", "teardowntask2"],
                "mytask": ["teardowntask2"],
                "mytask2": ["mytask"],
                "teardowntask": [],
                "teardowntask2": ["teardowntask"],
            },
            graph(dag),
        )

    def test_work_tasks_without_relations(self):
        with new_dag() as dag:
            with setuptask() >> teardowntask():
                with setuptask2() >> teardowntask2():
                    mytask()
                    mytask2()
        self.assertEqual(["mytask", "mytask2", "teardowntask2"], graph(dag)["setuptask2"])
        self.assertEqual(["teardowntask2"], graph(dag)["mytask"])
        self.assertEqual(["teardowntask2"], graph(dag)["mytask2"])
        self.assertEqual(["setuptask2", "teardowntask"], graph(dag)["setuptask"])

    def test_only_setup_and_only_teardown(self):
        with new_dag() as dag:
            with setuptask():
                mytask() >> mytask2()
        self.assertEqual({"setuptask": ["mytask"], "mytask": ["mytask2"], "mytask2": []}, graph(dag))
        with new_dag("teardown_only") as dag:
            with bash("teardowntask").as_teardown():
                mytask() >> mytask2()
        self.assertEqual({"teardowntask": [], "mytask": ["mytask2"], "mytask2": ["teardowntask"]}, graph(dag))

    def test_setup_context_inside_a_teardown_context(self):
        with new_dag() as dag:
            with setuptask() >> teardowntask():
                with setuptask2():
                    mytask() << mytask2()
        self.assertEqual(
            {
                "setuptask": ["setuptask2", "teardowntask"],
                "setuptask2": ["mytask2"],
                "mytask": ["teardowntask"],
                "mytask2": ["mytask"],
                "teardowntask": [],
            },
            graph(dag),
        )

    def test_tasks_in_two_setup_contexts(self):
        with new_dag() as dag:
            with setuptask():
                t1 = mytask()
                t2 = mytask2()
                t1 >> t2
            with setuptask2():
                t3 = mytask.override(task_id="mytask3")()
                t4 = mytask.override(task_id="mytask4")()
                t2 >> t3 >> t4
        self.assertEqual(
            {
                "setuptask": ["mytask"],
                "setuptask2": ["mytask3"],
                "mytask": ["mytask2"],
                "mytask2": ["mytask3"],
                "mytask3": ["mytask4"],
                "mytask4": [],
            },
            graph(dag),
        )

    def test_list_of_setups_on_the_left(self):
        with new_dag() as dag:
            with [setuptask(), setuptask2()] >> teardowntask():
                mytask()
        self.assertEqual(
            {
                "setuptask": ["mytask", "teardowntask"],
                "setuptask2": ["mytask", "teardowntask"],
                "mytask": ["teardowntask"],
                "teardowntask": [],
            },
            graph(dag),
        )

    def test_context_wrapper_of_setups_on_the_right(self):
        with new_dag() as dag:
            with teardowntask() << context_wrapper([setuptask(), setuptask2()]):
                mytask()
        self.assertEqual(["mytask", "teardowntask"], graph(dag)["setuptask"])
        self.assertEqual(["mytask", "teardowntask"], graph(dag)["setuptask2"])
        self.assertEqual(["teardowntask"], graph(dag)["mytask"])

    def test_list_of_teardowns(self):
        with new_dag() as dag:
            t1, t2 = bash("teardowntask").as_teardown(), bash("teardowntask2").as_teardown()
            s = bash("setuptask").as_setup()
            with [t1, t2] << s:
                mytask()
        self.assertEqual(["mytask", "teardowntask", "teardowntask2"], graph(dag)["setuptask"])
        self.assertEqual(["teardowntask", "teardowntask2"], graph(dag)["mytask"])
        with new_dag("wrapped") as dag:
            t1, t2 = bash("teardowntask").as_teardown(), bash("teardowntask2").as_teardown()
            s = bash("setuptask").as_setup()
            with s >> context_wrapper([t1, t2]):
                mytask()
        self.assertEqual(["mytask", "teardowntask", "teardowntask2"], graph(dag)["setuptask"])
        self.assertEqual(["teardowntask", "teardowntask2"], graph(dag)["mytask"])

    def test_mixed_list_is_refused(self):
        with new_dag():
            with self.assertRaises(ValueError) as raised:
                with setuptask() << context_wrapper([teardowntask(), setuptask2()]):
                    mytask()
        self.assertEqual("All tasks in the list must be either setup or teardown tasks", str(raised.exception))

    def test_a_plain_task_is_no_context_manager(self):
        with new_dag():
            with self.assertRaises(AirflowException) as raised:
                with mytask():
                    pass
            self.assertEqual("Only setup/teardown tasks can be used as context managers.", str(raised.exception))
            with self.assertRaises(AirflowException):
                with bash("plain"):
                    pass

    def test_scope_add_task(self):
        with new_dag() as dag:
            outside = mytask()
            s2, t2 = bash("setuptask2").as_setup(), bash("teardowntask2").as_teardown()
            outside2 = bash("mytask2")
            with setuptask() >> teardowntask() as scope:
                scope.add_task(outside)
                with s2 >> t2 as scope2:
                    scope2.add_task(outside2)
        self.assertEqual(
            {
                "mytask": ["teardowntask"],
                "setuptask2": ["mytask2", "teardowntask2"],
                "teardowntask2": ["teardowntask"],
                "mytask2": ["teardowntask2"],
                "setuptask": ["mytask", "setuptask2", "teardowntask"],
                "teardowntask": [],
            },
            graph(dag),
        )
        with self.assertRaises(AirflowException) as raised:
            SetupTeardownContext.add_task(outside)
        self.assertEqual("Cannot add task to context outside the context manager.", str(raised.exception))

    def test_two_teardown_contexts_in_one_with_statement(self):
        with new_dag() as dag:
            s1, s2 = bash("s1").as_setup(), bash("s2").as_setup()
            t1, t2 = bash("t1").as_teardown(), bash("t2").as_teardown()
            s1 >> s2
            s1 >> t1
            s2 >> t1
            s1 >> t2
            s2 >> t2
            with t1, t2:
                bash("work_task")
        self.assertEqual(["s2", "t1", "t2", "work_task"], graph(dag)["s1"])
        self.assertEqual(["t1", "t2", "work_task"], graph(dag)["s2"])
        self.assertEqual(["t1"], graph(dag)["t2"])

    def test_as_teardown_setups_and_scope(self):
        with new_dag() as dag:
            s1, s2, t1, t2 = bash("s1"), bash("s2"), bash("t1"), bash("t2")
            t1.as_teardown(setups=s1)
            t2.as_teardown(setups=s2)
            with t1:
                work = bash("work")
            with t2 as scope:
                scope.add_task(work)
        self.assertEqual(
            {"s1": ["t1", "work"], "s2": ["t2", "work"], "t1": [], "t2": [], "work": ["t1", "t2"]}, graph(dag)
        )

    def test_mapped_task_in_a_context_is_not_wired(self):
        # Airflow's MappedOperator never joins the context (only BaseOperator.__init__ does).
        with new_dag() as dag:
            with bash("s").as_setup() >> bash("t").as_teardown():
                BashOperator.partial(task_id="m").expand(bash_command=["echo a", "echo b"])
                bash("w")
        self.assertEqual({"s": ["t", "w"], "t": [], "w": ["t"], "m": []}, graph(dag))

    def test_a_setup_context_finds_the_teardown_of_its_setup(self):
        with new_dag() as dag:
            s = bash("s").as_setup()
            bash("t").as_teardown(setups=s)
            with s:
                bash("w")
        self.assertEqual({"s": ["t", "w"], "t": [], "w": ["t"]}, graph(dag))

    def test_a_search_for_a_missing_teardown_never_ends(self):
        # Airflow's recursive search bounces between a and b until Python stops it.
        with new_dag():
            s = bash("s").as_setup()
            s >> bash("a") >> bash("b")
            with self.assertRaises(RuntimeError) as raised:
                with s:
                    pass
        self.assertEqual("RecursionError", type(raised.exception).__name__)

    def test_state_is_reset_between_files(self):
        with new_dag():
            try:
                with bash("s").as_setup() >> bash("t").as_teardown():
                    raise KeyError("boom")
            except KeyError:
                pass
            SetupTeardownContext.push_setup_teardown_task(bash("left_open").as_setup())
        self.assertTrue(SetupTeardownContext.active)
        DagContext.reset()
        self.assertFalse(SetupTeardownContext.active)
        self.assertEqual({}, SetupTeardownContext.context_map)
        self.assertEqual([], SetupTeardownContext._context_managed_setup_task)


class TaskGroupTest(SetupTeardownTestCase):
    def test_group_leaves_skip_teardowns(self):
        with new_dag() as dag:
            with TaskGroup("g") as group:
                s = bash("create").as_setup()
                work = bash("work")
                t = bash("delete").as_teardown(setups=s)
                s >> work >> t
            after = bash("after")
            before = bash("before")
            before >> group >> after
        self.assertEqual([work], group.leaves)
        self.assertEqual(["g.work"], sorted(after.upstream_task_ids))
        self.assertEqual(["g.create"], sorted(before.downstream_task_ids))

    def test_chained_teardowns_and_a_setup_without_work(self):
        with new_dag() as dag:
            with TaskGroup("g") as group:
                s = bash("s").as_setup()
                w1, w2 = bash("w1"), bash("w2")
                t1 = bash("t1").as_teardown(setups=s)
                t2 = bash("t2").as_teardown()
                s >> [w1, w2]
                w1 >> w2
                w2 >> t1 >> t2
                lonely_setup = bash("lonely").as_setup()
                lonely_teardown = bash("lonely_td").as_teardown(setups=lonely_setup)
            after = bash("after")
            group >> after
        # w2 through t2 -> t1; never the setups behind a teardown; w1 has a work task downstream.
        self.assertEqual(["g.w2"], sorted(after.upstream_task_ids))
        self.assertEqual(["g.w2"], sorted(t.task_id for t in group.get_leaves()))
        self.assertFalse(lonely_teardown.downstream_task_ids)

    def test_group_of_only_a_teardown_has_no_leaves(self):
        with new_dag() as dag:
            start = bash("start")
            with TaskGroup("g") as group:
                t = bash("t").as_teardown()
            start >> group
            group >> bash("after")
        self.assertEqual([], group.leaves)
        self.assertEqual(["g.t"], sorted(start.downstream_task_ids))
        self.assertEqual({"start": ["g.t"], "g.t": [], "after": []}, graph(dag))

    def test_taskflow_group_inside_a_setup_teardown_pair(self):
        @task_group
        def section():
            @task
            def inner_setup():
                return "cluster"

            @task
            def inner_work(cluster_id):
                pass

            @task
            def inner_teardown(cluster_id):
                pass

            created = inner_setup()
            inner_work(created) >> inner_teardown(created).as_teardown(setups=created)

        with new_dag() as dag:
            s, t = setuptask(), teardowntask()
            s >> section() >> t
        self.assertEqual(
            {
                "setuptask": ["section.inner_setup"],
                "section.inner_setup": ["section.inner_teardown", "section.inner_work"],
                "section.inner_work": ["section.inner_teardown", "teardowntask"],
                "section.inner_teardown": [],
                "teardowntask": [],
            },
            graph(dag),
        )


class MappingAndValidationTest(SetupTeardownTestCase):
    def test_mapped_teardowns(self):
        @teardown(on_failure_fail_dagrun=True)
        def drop(name):
            pass

        @setup
        def create(name):
            pass

        with new_dag() as dag:
            mapped = drop.expand(name=["a", "b"])
            classic = BashOperator.partial(task_id="classic").expand(bash_command=["echo 1"]).as_teardown()
            mapped_setup = create.expand(name=["a"]).operator
        op = mapped.operator
        self.assertTrue(op.is_mapped and op.is_teardown and not op.is_setup)
        self.assertEqual(TriggerRule.ALL_DONE_SETUP_SUCCESS, op.trigger_rule)
        self.assertTrue(op.on_failure_fail_dagrun)
        self.assertTrue(classic.is_teardown)
        self.assertEqual(TriggerRule.ALL_DONE_SETUP_SUCCESS, classic.trigger_rule)
        self.assertTrue(mapped_setup.is_setup)
        self.assertEqual(TriggerRule.ALL_SUCCESS, mapped_setup.trigger_rule)
        serialized = serialize_task(op, dag)
        self.assertTrue(serialized["is_teardown"])
        self.assertEqual("all_done_setup_success", serialized["trigger_rule"])
        self.assertNotIn("is_teardown", serialized["mapped"]["partial"])
        self.assertNotIn("on_failure_fail_dagrun", serialized["arguments"])

    def test_work_after_a_setup_needs_all_success(self):
        with new_dag() as dag:
            bash("s").as_setup() >> BashOperator(task_id="w", bash_command="echo", trigger_rule="all_done")
        with self.assertRaises(ValueError) as raised:
            dag.validate()
        self.assertEqual("Setup tasks must be followed with trigger rule ALL_SUCCESS.", str(raised.exception))
        with new_dag("fine") as dag:
            s = bash("s").as_setup()
            s >> bash("w") >> bash("t").as_teardown(setups=s)
        dag.validate()

    def test_fail_stop_dags_accept_teardowns(self):
        with new_dag(fail_stop=True) as dag:
            @teardown
            def td():
                pass

            td()
            bash("t").as_teardown()
            bash("w").trigger_rule = TriggerRule.ALL_DONE
        with self.assertRaises(FailStopDagInvalidTriggerRule):
            dag.validate()
        with new_dag("strict", fail_stop=True):
            with self.assertRaises(FailStopDagInvalidTriggerRule):
                BashOperator(task_id="x", bash_command="echo", trigger_rule="all_done")

    def test_serialized_flags(self):
        with new_dag() as dag:
            s = bash("s").as_setup()
            t = bash("t").as_teardown(setups=s, on_failure_fail_dagrun=True)
            w = bash("w")
        fields = [serialize_task(x, dag) for x in (s, t, w)]
        self.assertEqual([True, False, False], [f["is_setup"] for f in fields])
        self.assertEqual([False, True, False], [f["is_teardown"] for f in fields])
        self.assertEqual([False, True, False], ["on_failure_fail_dagrun" in f for f in fields])
        self.assertTrue(fields[1]["on_failure_fail_dagrun"])
        json.dumps(fields)


if __name__ == "__main__":
    unittest.main()
