#!/usr/bin/env bash
# Cold start: time from exec of `./voxloop serve` to the first /health 200 (polled every 10 ms), for both cases:
#   restart      on the data directory of an earlier start (schema present)
#   new install  on an empty data directory every run (the schema is created: all migrations run)
# Before measuring, unmeasured starts make the launcher's start-up cache for `serve` (JDK 25: the ahead-of-time
# cache, recorded by the first start and assembled before the second; older JDKs: class-data sharing), as a
# person's first starts would. Prints each run (wall time, the server's own "ready"/"listening" times after JVM
# start, peak RSS, load average), the median per case, and the machine: everything docs/benchmarks.md records.
# "ready" and "listening" are the server's own times after main() began (wall minus ready: the JVM's start).
# Usage: bench/cold-start.sh [runs]     (CASES="restart" or CASES="new" for one case; PORT to move the port)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
RUNS=${1:-5}
PORT=${PORT:-18081}
CASES=${CASES:-restart new}
"$ROOT/voxloop" --version >/dev/null   # builds the jar if needed
WORK=$(mktemp -d /tmp/voxloop-cold.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

# start DATA: serve on DATA until /health answers 200; prints "wall_ms ready_ms listening_ms rss_mib load cpu_ms"
# (cpu_ms: the server process's user+sys CPU time until that first 200, every thread: JIT compilers and GC too)
start() {
  local data=$1 t0 t1 pid line hwm cpu
  t0=$(date +%s%N)
  "$ROOT/voxloop" serve --data "$data" --port "$PORT" >"$data.log" 2>&1 &
  pid=$!
  until curl -fs "http://127.0.0.1:$PORT/health" >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || { echo "serve exited; log:" >&2; tail -20 "$data.log" >&2; exit 1; }
    sleep 0.01
  done
  t1=$(date +%s%N)
  cpu=$(sed 's/.*) //' "/proc/$pid/stat" | awk -v hz="$(getconf CLK_TCK)" '{printf "%d", ($12 + $13) * 1000 / hz}')
  hwm=$(awk '/VmHWM/{printf "%d", $2/1024}' "/proc/$pid/status")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  line=$(grep -o 'ready [0-9-]* ms after main() began (listening at [0-9-]* ms' "$data.log" | head -1 || true)
  echo "$(( (t1 - t0) / 1000000 )) $(sed -E 's/ready ([0-9-]+) ms.*listening at ([0-9-]+) ms/\1 \2/' <<<"${line:-? ?}")" \
    "$hwm $(cut -d' ' -f1 /proc/loadavg) $cpu"
}

echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(free -g | awk '/Mem:/{print $2}') GiB," \
  "$("$(. "$ROOT/scripts/find-jdk.sh"; find_jdk)/bin/java" -version 2>&1 | head -1)"
echo "load before: $(uptime)"
# the first start records the start-up cache, the second waits for it to be assembled, the third uses it
start "$WORK/warm" >/dev/null
VOXLOOP_AOT_WAIT=1 start "$WORK/warm" >/dev/null
start "$WORK/warm" >/dev/null
ls "$ROOT"/app/target/aot-serve.aot "$ROOT"/app/target/cds-serve.jsa 2>/dev/null | sed 's/^/start-up cache: /' || true

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
for c in $CASES; do
  echo "== $c: wall ms | ready ms after main() | listening ms after main() | peak RSS MiB | load (1 min) | CPU ms"
  : >"$WORK/$c.times"; : >"$WORK/$c.rss"; : >"$WORK/$c.cpu"
  for i in $(seq 1 "$RUNS"); do
    if [ "$c" = new ]; then data=$WORK/new-$i; else data=$WORK/warm; fi
    read -r wall ready listening rss load cpu < <(start "$data")
    echo "run $i: $wall ms | $ready | $listening | $rss MiB | $load | $cpu ms"
    echo "$wall" >>"$WORK/$c.times"; echo "$rss" >>"$WORK/$c.rss"; echo "$cpu" >>"$WORK/$c.cpu"
  done
  echo "$c: median $(median <"$WORK/$c.times") ms over $RUNS runs, peak RSS median $(median <"$WORK/$c.rss") MiB," \
    "CPU median $(median <"$WORK/$c.cpu") ms"
done
echo "load after: $(uptime)"
