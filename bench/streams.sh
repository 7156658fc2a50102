#!/usr/bin/env bash
# Stream clients and threads: starts `voxloop serve` (approval off, built-in tracker, H2, no token) in a fresh
# data directory, opens 250 WebSocket clients from 5 addresses that never answer a ping, checks the console still
# gets in, waits until the server has dropped them, then bursts 200 concurrent clients and follows the server's
# thread count and RSS afterwards. Usage: bench/streams.sh [dead-clients] [burst-clients]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DATA=$(mktemp -d /tmp/voxloop-bench.XXXXXX)
PORT=${PORT:-18081}
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true; rm -rf "$DATA"' EXIT
PIPELINE_REQUIRE_APPROVAL=false "$ROOT/voxloop" serve --data "$DATA" --port "$PORT" >"$DATA/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 3000); do curl -fs "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.1; done
curl -fs "http://127.0.0.1:$PORT/health" >/dev/null || { echo "server did not start in 5 min" >&2; tail -20 "$DATA/server.log" >&2; exit 1; }
sleep 5 # let start-up work (model warm-up, housekeeping) finish before the baseline
JAVA_PID=$(pgrep -P "$SERVER" java || echo "$SERVER")
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(free -g | awk '/Mem:/{print $2}') GiB; load: $(uptime | sed 's/.*load average: //')"
echo "stream ping: ${VOXLOOP_STREAM_PING:-15s} (default)"
status=0
"$ROOT/voxloop" bench streams --url "http://127.0.0.1:$PORT" --pid "$JAVA_PID" --dead "${1:-250}" --clients "${2:-200}" \
  || status=$?
echo "load after: $(uptime | sed 's/.*load average: //')"
exit $status
