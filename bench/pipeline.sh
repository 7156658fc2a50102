#!/usr/bin/env bash
# Text-to-ticket benchmark: starts `voxloop serve` (approval off, embedded extractor, built-in tracker, H2)
# in a fresh data directory, loads POST /api/pipeline/run with 1, 8 and 32 clients from a second JVM,
# and prints the figures. Usage: bench/pipeline.sh [requests-per-level]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DATA=$(mktemp -d /tmp/voxloop-bench.XXXXXX)
PORT=${PORT:-18080}
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true; rm -rf "$DATA"' EXIT
PIPELINE_REQUIRE_APPROVAL=false AUTO_DISPATCH_LOOP=true "$ROOT/voxloop" serve --data "$DATA" --port "$PORT" \
  >"$DATA/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 600); do curl -fs "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.1; done
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(free -g | awk '/Mem:/{print $2}') GiB"
"$ROOT/voxloop" bench pipeline --url "http://127.0.0.1:$PORT" --requests "${1:-1600}"
