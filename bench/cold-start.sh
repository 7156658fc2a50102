#!/usr/bin/env bash
# Cold start: time from exec of `./voxloop serve` (jar already built, data directory from an earlier start) to
# the first /health 200, polled every 10 ms; prints each run and the median. With FRESH=1 every run starts on
# an empty data directory (first start of a new install: the schema is created too).
# Usage: [FRESH=1] bench/cold-start.sh [runs]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
RUNS=${1:-5}
PORT=${PORT:-18081}
"$ROOT/voxloop" --version >/dev/null   # builds the jar if needed
# One unmeasured serve run writes the class-data archive for `serve` (as a person's first start would).
WARM=$(mktemp -d /tmp/voxloop-cold.XXXXXX)
"$ROOT/voxloop" serve --data "$WARM" --port "$PORT" >"$WARM/server.log" 2>&1 &
pid=$!
until curl -fs "http://127.0.0.1:$PORT/health" >/dev/null 2>&1; do sleep 0.05; done
kill "$pid"; wait "$pid" 2>/dev/null || true
times=()
for i in $(seq 1 "$RUNS"); do
  if [ -n "${FRESH:-}" ]; then DATA=$(mktemp -d /tmp/voxloop-cold.XXXXXX); else DATA=$WARM; fi
  start=$(date +%s%N)
  "$ROOT/voxloop" serve --data "$DATA" --port "$PORT" >"$DATA/server.log" 2>&1 &
  pid=$!
  until curl -fs "http://127.0.0.1:$PORT/health" >/dev/null 2>&1; do sleep 0.01; done
  end=$(date +%s%N)
  ms=$(( (end - start) / 1000000 ))
  times+=("$ms")
  echo "run $i: ${ms} ms"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  [ "$DATA" = "$WARM" ] || rm -rf "$DATA"
done
rm -rf "$WARM"
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "median: ${sorted[$(( RUNS / 2 ))]} ms over $RUNS runs ($(nproc) cores)"
