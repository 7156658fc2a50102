#!/usr/bin/env bash
# Cold start: time from exec of `./voxloop serve` (jar already built) to the first /health 200,
# polled every 10 ms; prints each run and the median. Usage: bench/cold-start.sh [runs]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
RUNS=${1:-5}
PORT=${PORT:-18081}
"$ROOT/voxloop" --version >/dev/null   # builds the jar and the class-data archive if needed
times=()
for i in $(seq 1 "$RUNS"); do
  DATA=$(mktemp -d /tmp/voxloop-cold.XXXXXX)
  start=$(date +%s%N)
  "$ROOT/voxloop" serve --data "$DATA" --port "$PORT" >"$DATA/server.log" 2>&1 &
  pid=$!
  until curl -fs "http://127.0.0.1:$PORT/health" >/dev/null 2>&1; do sleep 0.01; done
  end=$(date +%s%N)
  ms=$(( (end - start) / 1000000 ))
  times+=("$ms")
  echo "run $i: ${ms} ms"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -rf "$DATA"
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "median: ${sorted[$(( RUNS / 2 ))]} ms over $RUNS runs ($(nproc) cores)"
