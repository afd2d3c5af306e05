# Sourced by the benchmark scripts that measure a running server: a temporary VORTEX_HOME on H2
# without example DAGs, the port offset VORTEX_PORT_OFFSET (default 300, so a running instance on
# the defaults is not disturbed), the first Admin's password in VORTEX_ADMIN_PASSWORD, the API's
# base URL in $api, and a server stopped and removed when the script exits.

source_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d /tmp/vortex-bench.XXXXXX)"
export VORTEX_PORT_OFFSET="${VORTEX_PORT_OFFSET:-300}"
export VORTEX_HOME="$work/home"
export VORTEX_LOAD_EXAMPLES=false
export VORTEX_ADMIN_PASSWORD="Bench-Passw0rd-1"
export VORTEX_SECURITY_PASSWORD_ITERATIONS=10000
api="http://127.0.0.1:$((8080 + VORTEX_PORT_OFFSET))/vortex/api/v1"
dags="$VORTEX_HOME/dags"

cleanup() {
    "$source_dir/vortex" server stop >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT

start_server() {
    "$source_dir/vortex" server start >"$work/start.log" 2>&1 || { cat "$work/start.log" >&2; exit 1; }
}
