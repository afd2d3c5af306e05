#!/usr/bin/env bash
# Measures the execution engine on a server of its own (H2 by default; set VORTEX_DATABASE_URL and
# friends for PostgreSQL, see docs/configuration.md):
#   - hand-off: from a task's end to its downstream task's start (p50, p99, max), over CHAIN-long
#     chains of empty tasks, RUNS runs one after the other
#   - trigger to running: from POST /dagRuns (the run's queued_at) to the run's start and to its
#     first task's start
#   - throughput: BURST runs of a DAG of WIDTH parallel bash tasks triggered at once, tasks per second
#   - schedule lag: how long after its data interval ends a scheduled run is created (every 5 s)
#
#   bench/task_execution.sh        CHAIN=20 RUNS=5 WIDTH=50 BURST=10 LAG_RUNS=5
#
# Port offset VORTEX_PORT_OFFSET (default 300).
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/bench-server.sh"
export BENCH_API="$api"
export CHAIN="${CHAIN:-20}" RUNS="${RUNS:-5}" WIDTH="${WIDTH:-50}" BURST="${BURST:-10}" LAG_RUNS="${LAG_RUNS:-5}"

mkdir -p "$dags"
cat >"$dags/bench_chain.py" <<PY
from datetime import datetime
from airflow import DAG
from airflow.models.baseoperator import chain
from airflow.operators.empty import EmptyOperator

with DAG("bench_chain", schedule=None, start_date=datetime(2024, 1, 1), is_paused_upon_creation=False) as dag:
    chain(*[EmptyOperator(task_id="step_%03d" % i) for i in range($CHAIN)])
PY
cat >"$dags/bench_wide.py" <<PY
from datetime import datetime
from airflow import DAG
from airflow.operators.bash import BashOperator
from airflow.operators.empty import EmptyOperator

with DAG("bench_wide", schedule=None, start_date=datetime(2024, 1, 1), max_active_runs=$BURST,
         is_paused_upon_creation=False) as dag:
    EmptyOperator(task_id="start") >> [BashOperator(task_id="work_%03d" % i, bash_command="true") for i in range($WIDTH)] \
        >> EmptyOperator(task_id="end")
PY
cat >"$dags/bench_every_5s.py" <<PY
from datetime import datetime, timedelta
from airflow import DAG
from airflow.operators.empty import EmptyOperator

with DAG("bench_every_5s", schedule=timedelta(seconds=5), start_date=datetime(2024, 1, 1), catchup=False,
         is_paused_upon_creation=False) as dag:
    EmptyOperator(task_id="tick")
PY

echo "starting a server in $VORTEX_HOME"
start_server

python3 - <<'PY'
import base64, json, os, statistics, time, urllib.parse, urllib.request
from datetime import datetime

API = os.environ["BENCH_API"]
AUTH = "Basic " + base64.b64encode(("admin:" + os.environ["VORTEX_ADMIN_PASSWORD"]).encode()).decode()


def call(method, path, body=None):
    request = urllib.request.Request(API + "/" + path, method=method, data=None if body is None else json.dumps(body).encode(),
                                     headers={"Authorization": AUTH, "Content-Type": "application/json"})
    with urllib.request.urlopen(request) as answer:
        return json.load(answer)


def at(text):
    return datetime.fromisoformat(text)


def ms(seconds):
    return "%.1f ms" % (seconds * 1000)


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def wait_for_dag(dag_id):
    deadline = time.time() + 120
    while time.time() < deadline:
        try:
            return call("GET", "dags/" + dag_id)
        except urllib.error.HTTPError:
            time.sleep(0.2)
    raise SystemExit("DAG %s did not appear" % dag_id)


def run_path(dag_id, run_id):
    return "dags/%s/dagRuns/%s" % (dag_id, urllib.parse.quote(run_id, safe=""))


def wait_for_end(dag_id, run_id):
    deadline = time.time() + 600
    while time.time() < deadline:
        run = call("GET", run_path(dag_id, run_id))
        if run["state"] in ("success", "failed"):
            return run
        time.sleep(0.1)
    raise SystemExit("run %s of %s did not end" % (run_id, dag_id))


def instances(dag_id, run_id):
    return {ti["task_id"]: ti for ti in call("GET", run_path(dag_id, run_id) + "/taskInstances?limit=1000")["task_instances"]}


for dag_id in ("bench_chain", "bench_wide", "bench_every_5s"):
    wait_for_dag(dag_id)

chain = int(os.environ["CHAIN"])
handoffs, to_running, to_first_task = [], [], []
for number in range(int(os.environ["RUNS"])):
    run = call("POST", "dags/bench_chain/dagRuns", {"dag_run_id": "chain_%d" % number})
    run = wait_for_end("bench_chain", run["dag_run_id"])
    tis = instances("bench_chain", run["dag_run_id"])
    steps = ["step_%03d" % i for i in range(chain)]
    handoffs += [(at(tis[b]["start_date"]) - at(tis[a]["end_date"])).total_seconds() for a, b in zip(steps, steps[1:])]
    to_running.append((at(run["start_date"]) - at(run["queued_at"])).total_seconds())
    to_first_task.append((at(tis[steps[0]]["start_date"]) - at(run["queued_at"])).total_seconds())
    print("chain run %d: %d tasks in %s" % (number, chain, ms((at(run["end_date"]) - at(run["queued_at"])).total_seconds())))
print("hand-off, task end to downstream start, %d samples: p50 %s, p99 %s, max %s"
      % (len(handoffs), ms(percentile(handoffs, 0.5)), ms(percentile(handoffs, 0.99)), ms(max(handoffs))))
print("trigger to run running: median %s, max %s" % (ms(statistics.median(to_running)), ms(max(to_running))))
print("trigger to first task running: median %s, max %s" % (ms(statistics.median(to_first_task)), ms(max(to_first_task))))

burst, width = int(os.environ["BURST"]), int(os.environ["WIDTH"])
started = time.time()
run_ids = [call("POST", "dags/bench_wide/dagRuns", {"dag_run_id": "wide_%d" % n})["dag_run_id"] for n in range(burst)]
runs = [wait_for_end("bench_wide", run_id) for run_id in run_ids]
first = min(at(run["queued_at"]) for run in runs)
last = max(at(run["end_date"]) for run in runs)
tasks = burst * (width + 2)
elapsed = (last - first).total_seconds()
print("throughput: %d runs x %d tasks (%d bash) = %d tasks in %.2f s: %.1f tasks/s, all %s"
      % (burst, width + 2, width, tasks, elapsed, tasks / elapsed, ",".join(sorted({run["state"] for run in runs}))))

# the DAG's first run is created when the DAG appears, not when it falls due: only later ones count
lag_runs = int(os.environ["LAG_RUNS"])
deadline = time.time() + 5 * lag_runs + 30
while time.time() < deadline:
    scheduled = call("GET", "dags/bench_every_5s/dagRuns?order_by=execution_date&limit=1000")["dag_runs"][1:]
    if len(scheduled) >= lag_runs:
        break
    time.sleep(1)
lags = [(at(run["queued_at"]) - at(run["data_interval_end"])).total_seconds() for run in scheduled[-lag_runs:]]
print("schedule lag, interval end to run created, %d runs: median %s, max %s (%s)"
      % (len(lags), ms(statistics.median(lags)), ms(max(lags)), ", ".join(ms(lag) for lag in lags)))
PY
