"""The DAG test_run_task.py runs tasks of (Python 2 syntax too: Jython runs it)."""
from __future__ import print_function

import logging
import os
import subprocess
import sys
from datetime import datetime, time

from airflow import DAG
from airflow.decorators import task
from airflow.exceptions import AirflowFailException, AirflowSensorTimeout, AirflowSkipException
from airflow.models import BaseOperator, Variable
from airflow.operators.bash import BashOperator
from airflow.operators.datetime import BranchDateTimeOperator
from airflow.operators.empty import EmptyOperator
from airflow.operators.python import BranchPythonOperator, PythonOperator, ShortCircuitOperator, get_current_context
from airflow.operators.subdag import SubDagOperator
from airflow.operators.weekday import BranchDayOfWeekOperator
from airflow.utils.task_group import TaskGroup
from run_helpers import HelperOperator, fail_deep


class Thing(object):
    """Not JSON."""


class Greeter(BaseOperator):
    template_fields = ("greeting",)

    def __init__(self, greeting, **kwargs):
        super(Greeter, self).__init__(**kwargs)
        self.greeting = greeting

    def execute(self, context):
        self.xcom_push(context, key="day", value=context["ds"])
        self.log.info("greeting %s", self.greeting)
        return self.greeting + "!"


class Lazy(BaseOperator):
    def execute(self, context):
        return super(Lazy, self).execute(context)


def named_only(ds, ti, params, limit=None):
    return [ds, ti.task_id, params, limit]


def positional(a, b, **kwargs):
    return [a, b, kwargs["extra"], kwargs["templates_dict"], "dag" in kwargs and "ti" in kwargs]


def clash(ds):
    return ds


def two_outputs():
    return {"a": 1, "b": 2}


def report(**context):
    ti = context["ti"]
    current = get_current_context()
    dag_run = context["dag_run"]
    return {
        "current_is_this_run": current["ti"] is ti and current["task_instance"] is ti,
        "keys": sorted(context),
        "logical_date": context["logical_date"].isoformat(),
        "logical_date_type": type(context["logical_date"]).__name__,
        "execution_date_is_logical_date": context["execution_date"] == context["logical_date"],
        "data_interval_end": context["data_interval_end"].isoformat(),
        "dates": [context[key] for key in ("ds", "ds_nodash", "ts", "ts_nodash", "ts_nodash_with_tz")],
        "neighbours": [context[key] for key in ("yesterday_ds", "tomorrow_ds", "prev_ds", "next_ds_nodash")],
        "task_instance_key_str": context["task_instance_key_str"],
        "run_id": context["run_id"],
        "dag_run": [dag_run.dag_id, dag_run.run_id, dag_run.run_type, dag_run.conf, dag_run.external_trigger,
                    dag_run.logical_date == context["logical_date"], dag_run.start_date.isoformat()],
        "ti": [ti.dag_id, ti.task_id, ti.run_id, ti.map_index, ti.try_number, ti.max_tries, ti.state,
               ti.task is context["task"], ti.get_dagrun() is dag_run],
        "params": context["params"],
        "conf": context["conf"].get("core", "default_timezone"),
        "dag": context["dag"].dag_id,
        "macros": [
            context["macros"].ds_add(context["ds"], 3),
            context["macros"].ds_format(context["ds"], "%Y-%m-%d", "%d/%m"),
        ],
        "var": [
            context["var"]["value"].my_var,
            context["var"]["json"]["json_var"],
            context["var"]["value"].get("nope", "d"),
        ],
        "variable": [
            Variable.get("my_var"),
            Variable.get("json_var", deserialize_json=True),
            Variable.get("nope", default_var=None),
        ],
        "test_mode": context["test_mode"],
        "map_index_template": context["map_index_template"],
    }


def pulls(ti):
    ti.xcom_push(key="mine", value=[1, 2])
    return {
        "one": ti.xcom_pull(task_ids="extract"),
        "missing": ti.xcom_pull(task_ids="ghost"),
        "missing_default": ti.xcom_pull(task_ids="ghost", default="d"),
        "many": ti.xcom_pull(task_ids=["load", "ghost", "extract"]),
        "latest_of_key": ti.xcom_pull(key="shared"),
        "keyed": ti.xcom_pull(task_ids="extract", key="rows"),
        "other_dag": ti.xcom_pull(task_ids="extract", dag_id="other"),
        "mapped": ti.xcom_pull(task_ids="fan_out"),
        "one_index": ti.xcom_pull(task_ids="fan_out", map_indexes=1),
        "some_indexes": ti.xcom_pull(task_ids="fan_out", map_indexes=[2, 0]),
        "own": ti.xcom_pull(task_ids="pulls", key="mine"),
    }


def make_thing():
    return Thing()


def push_thing(ti):
    ti.xcom_push(key="thing", value=Thing())


def chatty():
    print("to stdout")
    sys.stderr.write("to stderr\n")
    logging.info("root record %d", 1)
    logging.getLogger("some.library").warning("library record")
    context = get_current_context()
    context["task"].log.info("task record")
    context["ti"].log.info("ti record")
    print("two\nlines")
    print("unfinished", end="")


def child_processes():
    subprocess.call([sys.executable, "-c", "import sys; print('child out'); sys.stderr.write('child err\\n')"])
    os.write(1, b"raw descriptor write\n")
    return "done"


def raise_skip():
    raise AirflowSkipException("not today")


def raise_fail():
    raise AirflowFailException("no retry")


def raise_sensor_timeout():
    raise AirflowSensorTimeout("waited too long")


def crash():
    fail_deep("deep failure")


def exit_with(code):
    sys.exit(code)


with DAG("run_etl", start_date=datetime(2024, 1, 1), schedule="@daily", params={"limit": 1}) as dag:
    PythonOperator(task_id="named", python_callable=named_only, op_kwargs={"limit": 5})
    PythonOperator(
        task_id="positional",
        python_callable=positional,
        op_args=[1, 2],
        op_kwargs={"extra": "{{ ds }}"},
        templates_dict={"query": "{{ ds }}"},
    )
    PythonOperator(task_id="clash", python_callable=clash, op_args=["x"])
    PythonOperator(task_id="report", python_callable=report)
    PythonOperator(task_id="pulls", python_callable=pulls)
    PythonOperator(task_id="push_thing", python_callable=push_thing)
    PythonOperator(task_id="return_thing", python_callable=make_thing)
    PythonOperator(task_id="return_thing_unpushed", python_callable=make_thing, do_xcom_push=False)
    PythonOperator(task_id="classic_outputs", python_callable=two_outputs, multiple_outputs=True)
    PythonOperator(task_id="not_a_dict", python_callable=lambda: "text", multiple_outputs=True)
    PythonOperator(task_id="no_push", python_callable=two_outputs, do_xcom_push=False)
    PythonOperator(task_id="chatty", python_callable=chatty)
    PythonOperator(task_id="child_processes", python_callable=child_processes)
    PythonOperator(task_id="skip", python_callable=raise_skip)
    PythonOperator(task_id="fail", python_callable=raise_fail)
    PythonOperator(task_id="sensor_timeout", python_callable=raise_sensor_timeout)
    PythonOperator(task_id="crash", python_callable=crash)
    PythonOperator(task_id="exit_1", python_callable=exit_with, op_args=[1])
    PythonOperator(task_id="exit_0", python_callable=exit_with, op_args=[0])

    @task
    def decorated(x, ds=None, ti=None):
        return [x, ds, ti.task_id]

    decorated(7)

    @task(multiple_outputs=True)
    def decorated_outputs():
        return {"a": 1, "b": 2}

    decorated_outputs()

    @task
    def fan_out(x, factor):
        return [x * factor, get_current_context()["ti"].map_index]

    fan_out.partial(factor=10).expand(x=[1, 2, 3])
    PythonOperator.partial(task_id="classic_fan_out", python_callable=lambda x: x * 2).expand(op_args=[[1], [2]])

    left = EmptyOperator(task_id="left")
    right = EmptyOperator(task_id="right")
    join = EmptyOperator(task_id="join")
    left >> join
    choices = [("branch_one", "left"), ("branch_many", ["left", "right"]), ("branch_none", None), ("branch_bad", "ghost")]
    for branch_id, choice in choices:
        BranchPythonOperator(task_id=branch_id, python_callable=lambda choice=choice: choice) >> [left, right]
    BranchPythonOperator(task_id="branch_join", python_callable=lambda: "left") >> [left, join]

    @task.branch
    def decorated_branch():
        return "right"

    decorated_branch() >> [left, right]

    with TaskGroup("grp") as grp:
        EmptyOperator(task_id="first") >> EmptyOperator(task_id="second")
    BranchPythonOperator(task_id="branch_group", python_callable=lambda: "grp") >> [grp, right]

    BranchDayOfWeekOperator(
        task_id="thursday", week_day="Thursday", follow_task_ids_if_true="left", follow_task_ids_if_false="right",
        use_task_logical_date=True,
    ) >> [left, right]
    BranchDateTimeOperator(
        task_id="in_window", target_lower=time(0, 0), target_upper=time(1, 0), follow_task_ids_if_true="left",
        follow_task_ids_if_false="right", use_task_logical_date=True,
    ) >> [left, right]
    BranchDateTimeOperator(
        task_id="out_of_window", target_lower=time(10, 0), target_upper=time(11, 0), follow_task_ids_if_true="left",
        follow_task_ids_if_false="right", use_task_logical_date=True,
    ) >> [left, right]

    ShortCircuitOperator(task_id="stop", python_callable=lambda: 0) >> left
    ShortCircuitOperator(task_id="stop_direct", python_callable=lambda: [], ignore_downstream_trigger_rules=False) >> left
    ShortCircuitOperator(task_id="go", python_callable=lambda: "yes") >> left

    @task.short_circuit
    def decorated_stop():
        return False

    decorated_stop() >> left

    @task.bash
    def command(name):
        return "echo " + name

    command("world")

    @task.bash
    def blank():
        return "  "

    blank()

    Greeter(task_id="greeter", greeting="{{ ds }}")
    Lazy(task_id="lazy")
    HelperOperator(task_id="helper")
    BashOperator(task_id="bash", bash_command="echo 1")

    section = DAG("run_etl.section", start_date=datetime(2024, 1, 1), schedule="@daily")
    PythonOperator(task_id="inside", python_callable=lambda dag: dag.dag_id, dag=section)
    SubDagOperator(task_id="section", subdag=section)
