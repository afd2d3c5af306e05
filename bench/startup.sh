#!/usr/bin/env bash
# Measures the platform's start-up figures: cold first start (optional, downloads everything),
# warm start to ready, and the idle RSS of the server.
#
#   bench/startup.sh            warm starts (RUNS, default 5) and idle RSS, on H2, in a temporary VORTEX_HOME
#   bench/startup.sh --cold     first a cold start: fresh clone, empty Maven repository, fresh home
#
# Ports: VORTEX_PORT_OFFSET (default 300) so a running instance on the defaults is not disturbed.
set -euo pipefail

source_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d /tmp/vortex-bench.XXXXXX)"
export VORTEX_PORT_OFFSET="${VORTEX_PORT_OFFSET:-300}"
export VORTEX_HOME="$work/home"
idle_seconds="${IDLE_SECONDS:-30}"
runs="${RUNS:-5}"

cleanup() {
    "$checkout/vortex" server stop >/dev/null 2>&1 || true
    rm -rf "$work"
}
checkout="$source_dir"
trap cleanup EXIT

seconds_of() {
    local start end
    start=$(date +%s.%N)
    "$@" >"$work/last.log" 2>&1 || { cat "$work/last.log" >&2; exit 1; }
    end=$(date +%s.%N)
    echo "$end - $start" | bc
}

if [[ "${1:-}" == "--cold" ]]; then
    checkout="$work/clone"
    git clone -q "$source_dir" "$checkout"
    echo "cold start: fresh clone, empty Maven repository ($work/m2), fresh VORTEX_HOME"
    cold=$(MAVEN_OPTS="-Dmaven.repo.local=$work/m2" seconds_of "$checkout/vortex" server start)
    printf 'cold first start (build with downloads, WildFly download, provisioning, boot): %.1f s\n' "$cold"
else
    echo "preparing: first start in a fresh VORTEX_HOME (provisioning, not measured)"
    seconds_of "$checkout/vortex" server start >/dev/null
fi
"$checkout/vortex" server stop >/dev/null

warm_starts=()
for run in $(seq 1 "$runs"); do
    warm=$(seconds_of "$checkout/vortex" server start)
    warm_starts+=("$warm")
    printf 'warm start to ready, run %d: %.1f s\n' "$run" "$warm"
    if (( run < runs )); then
        "$checkout/vortex" server stop >/dev/null
    fi
done
median=$(printf '%s\n' "${warm_starts[@]}" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
printf 'warm start to ready, median of %d: %.1f s\n' "$runs" "$median"

sleep "$idle_seconds"
pid="$(cat "$VORTEX_HOME/server/vortex.pid")"
rss_kb="$(ps -o rss= -p "$pid" | tr -d ' ')"
printf 'idle RSS after %d s: %d MiB\n' "$idle_seconds" "$((rss_kb / 1024))"
