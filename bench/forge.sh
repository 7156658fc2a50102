#!/usr/bin/env bash
# Forge benchmark: runs `voxloop demo --json` (sample pushed → pull request → red CI → one healing turn → green CI
# → squash merge) RUNS times in fresh data directories and prints, per run, where the time from the push to the
# merge went (CI, the healing turn's agent and local gates, and the forge's own overhead: everything else). Then it
# runs the sample's CI commands directly in a fresh clone of the merged commit, one after the other, and prints the
# built-in CI's last round (same commands, each in its own fresh clone inside the sandbox, plus pr-validation)
# against that, as a ratio. Usage: bench/forge.sh [runs]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
RUNS=${1:-3}
WORK=$(mktemp -d /tmp/voxloop-bench-forge.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
num() { sed -n "s/.*\"$1\":\([0-9]*\).*/\1/p" "$2"; }
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(free -g | awk '/Mem:/{print $2}') GiB;" \
  "uptime before: $(uptime)"
printf '%-4s %10s %8s %8s %8s %10s %s\n' run pushed→merged ci agent gates overhead ci-rounds
for i in $(seq 1 "$RUNS"); do
  "$ROOT/voxloop" demo --json --data "$WORK/data-$i" --dir "$WORK/demo-$i" >"$WORK/out-$i.json" 2>"$WORK/log-$i.txt"
  f="$WORK/out-$i.json"
  grep -q '"state":"MERGED"' "$f" || { echo "run $i did not merge:"; cat "$f"; exit 1; }
  printf '%-4s %8s ms %5s ms %5s ms %5s ms %7s ms %s\n' "$i" "$(num pushed_to_merged_ms "$f")" "$(num ci_ms "$f")" \
    "$(num agent_ms "$f")" "$(num gates_ms "$f")" "$(num forge_overhead_ms "$f")" \
    "$(sed -n 's/.*"ci_rounds_ms":\[\([0-9,]*\)\].*/\1/p' "$f")"
done
last=$(sed -n 's/.*"ci_rounds_ms":\[[0-9,]*,\([0-9]*\)\].*/\1/p' "$WORK/out-$RUNS.json")
repo=$(sed -n 's/.*"repository":"\([^"]*\)".*/\1/p' "$WORK/out-$RUNS.json")
git clone -q "$repo" "$WORK/direct"
cd "$WORK/direct"
start=$(date +%s%N)
sh run-tests.sh >/dev/null && sh lint.sh >/dev/null && sh docs.sh >/dev/null
direct=$(( ($(date +%s%N) - start) / 1000000 ))
echo "CI's last round (test, lint, docs, pr-validation; a fresh clone each): ${last} ms"
echo "the same commands run directly in one clone: ${direct} ms"
awk -v c="$last" -v d="$direct" 'BEGIN { printf "built-in CI / direct: %.2f\n", c / d }'
echo "uptime after: $(uptime)"
