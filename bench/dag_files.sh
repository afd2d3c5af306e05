#!/usr/bin/env bash
# Measures DAG file processing on a running server: the time from writing a DAG file to the DAG
# being visible in the REST API (median of RUNS), and the time to load FILES generated DAG files
# dropped into the DAG folder at once. Per-file parse times of each engine, warm and cold, come
# from the Maven profile instead: mvn -pl vortex-ejb -am -Pbench test -Dsurefire.failIfNoSpecifiedTests=false
#
#   bench/dag_files.sh           RUNS (default 10) visibility samples, FILES (default 10000) generated files
#   VORTEX_DAGS_PARSER=cpython bench/dag_files.sh     the same with the CPython engine (default: auto)
#
# Starts its own server in a temporary VORTEX_HOME on H2 (port offset VORTEX_PORT_OFFSET, default 300).
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/bench-server.sh"
runs="${RUNS:-10}"
files="${FILES:-10000}"

now_ms() {
    date +%s%3N
}

status_of() {
    curl -s -o /dev/null -w '%{http_code}' -u "admin:$VORTEX_ADMIN_PASSWORD" "$api/$1"
}

total_dags() {
    curl -s -u "admin:$VORTEX_ADMIN_PASSWORD" "$api/dags?limit=1&only_active=true" \
        | python3 -c 'import json, sys; print(json.load(sys.stdin)["total_entries"])'
}

dag_file() {
    cat <<PY
from datetime import datetime, timedelta
from airflow import DAG
from airflow.operators.bash import BashOperator
from airflow.operators.empty import EmptyOperator

with DAG(dag_id="$1", schedule="@daily", start_date=datetime(2024, 1, 1), catchup=False,
         default_args={"retries": 2, "retry_delay": timedelta(minutes=5)}, tags=["bench"]) as dag:
    start = EmptyOperator(task_id="start")
    steps = [BashOperator(task_id="step_%d" % i, bash_command="echo %d" % i) for i in range(5)]
    end = EmptyOperator(task_id="end", trigger_rule="all_done")
    start >> steps >> end
PY
}

mkdir -p "$dags"
echo "starting a server in $VORTEX_HOME, parser engine ${VORTEX_DAGS_PARSER:-auto}"
start_server

samples=()
for run in $(seq 1 "$runs"); do
    dag_id="visible_$run"
    start=$(now_ms)
    dag_file "$dag_id" >"$dags/$dag_id.py"
    until [[ "$(status_of "dags/$dag_id")" == 200 ]]; do
        sleep 0.02
        if (( $(now_ms) - start > 60000 )); then
            echo "DAG $dag_id did not appear within 60 s" >&2
            exit 1
        fi
    done
    samples+=("$(( $(now_ms) - start ))")
    printf 'write to visible in the API, run %d: %d ms\n' "$run" "${samples[-1]}"
done
median=$(printf '%s\n' "${samples[@]}" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
printf 'write to visible in the API, median of %d: %s ms\n' "$runs" "$median"

expected=$(( runs + files ))
generated="$work/generated"
mkdir -p "$generated"
for n in $(seq 1 "$files"); do
    dag_file "generated_$n" >"$generated/generated_$n.py"
done
start=$(now_ms)
mv "$generated" "$dags/generated"
until [[ "$(total_dags)" -ge "$expected" ]]; do
    sleep 0.5
    if (( $(now_ms) - start > 1800000 )); then
        echo "only $(total_dags) of $expected DAGs after 30 minutes" >&2
        exit 1
    fi
done
elapsed=$(( $(now_ms) - start ))
printf '%d generated DAG files (7 tasks each) loaded in %.1f s (%.2f ms per file)\n' "$files" "$(echo "$elapsed / 1000" | bc -l)" \
    "$(echo "$elapsed / $files" | bc -l)"
grep -o "DAG folder scan: .*" "$VORTEX_HOME/logs/server.log" | tail -3
