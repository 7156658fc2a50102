#!/usr/bin/env bash
# The demo's total time inside the sandbox (the default, bubblewrap) and without it (VOXLOOP_SANDBOX=none):
# runs `./voxloop demo` in a fresh directory RUNS times per mode, alternating, and prints each run and the median.
# Usage: bench/sandbox-demo.sh [runs]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
RUNS=${1:-3}
"$ROOT/voxloop" --version >/dev/null   # builds the jar if needed
"$ROOT/voxloop" demo --dir "$(mktemp -d /tmp/voxloop-sbx-demo.XXXXXX)" >/dev/null   # writes the demo's CDS archive
declare -A all
for i in $(seq 1 "$RUNS"); do
  for mode in bubblewrap none; do
    dir=$(mktemp -d /tmp/voxloop-sbx-demo.XXXXXX)
    start=$(date +%s%N)
    VOXLOOP_SANDBOX=$mode VOXLOOP_DATA="$dir/data" "$ROOT/voxloop" demo --dir "$dir/demo" >"$dir/out.txt" 2>&1
    end=$(date +%s%N)
    grep -q "ended PUSHED" "$dir/out.txt" || { echo "demo did not push in mode $mode; see $dir/out.txt" >&2; exit 1; }
    ms=$(( (end - start) / 1000000 ))
    all[$mode]="${all[$mode]:-} $ms"
    echo "run $i $mode: ${ms} ms ($(grep -o 'run in the sandbox: [a-z]*\|run in the sandbox: NONE' "$dir/out.txt" | head -1))"
    rm -rf "$dir"
  done
done
for mode in bubblewrap none; do
  median=$(printf '%s\n' ${all[$mode]} | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  echo "median $mode: ${median} ms over $RUNS runs"
done
