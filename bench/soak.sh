#!/usr/bin/env bash
# Soak: starts `voxloop serve` on embedded defaults (H2, offline speech engine, embedded extractor, built-in tracker,
# approval on, no token) in a fresh data directory and runs `voxloop bench soak` against it: typed and spoken intakes
# (the real recordings of ../shared/testdata/speech) driven to their end, approvals, clarification answers, stream
# readers, idle and dead clients, for MINUTES (default 10). Figures come from the server's /metrics and /proc.
# SOAK_NMT=1 also runs the server with native memory tracking (-XX:NativeMemoryTracking=summary, without the JDK 25
# ahead-of-time cache: jcmd's NMT report crashes a JVM that records one) and prints what grew by JVM area between the
# engines being ready and the end (jcmd VM.native_memory summary.diff).
# Usage: [SOAK_NMT=1] bench/soak.sh [minutes]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DATA=$(mktemp -d /tmp/voxloop-soak.XXXXXX)
PORT=${PORT:-18082}
CLIPS=${CLIPS:-$ROOT/../shared/testdata/speech}
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true; rm -rf "$DATA"' EXIT
if [ -n "${SOAK_NMT:-}" ]; then
  export VOXLOOP_NO_AOT=1 VOXLOOP_JAVA_OPTS="${VOXLOOP_JAVA_OPTS:-} -XX:NativeMemoryTracking=summary"
fi
"$ROOT/voxloop" serve --data "$DATA" --port "$PORT" >"$DATA/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 3000); do curl -fs "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.1; done
curl -fs "http://127.0.0.1:$PORT/health" >/dev/null || { echo "server did not start in 5 min" >&2; tail -20 "$DATA/server.log" >&2; exit 1; }
JAVA_PID=$(pgrep -P "$SERVER" java || echo "$SERVER")
for _ in $(seq 1 600); do # the engines load in the background after start-up: soak the server as it runs, not as it loads
  curl -fs "http://127.0.0.1:$PORT/metrics" | grep -q '^voxloop_engine_ready{engine="speech"} 1' && break; sleep 0.5
done
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(free -g | awk '/Mem:/{print $2}') GiB; shared with other users"
echo "load before: $(uptime | sed 's/.*load average: //')"
echo "server JVM options: $(tr '\0' ' ' <"/proc/$JAVA_PID/cmdline" | sed 's/^[^ ]* //; s/ -jar .*//')"
[ -n "${SOAK_NMT:-}" ] && jcmd "$JAVA_PID" VM.native_memory baseline >/dev/null
echo "engines: $(curl -fs "http://127.0.0.1:$PORT/metrics" | grep '^voxloop_engine_ready' | tr '\n' ' ')"
status=0
"$ROOT/voxloop" bench soak --url "http://127.0.0.1:$PORT" --pid "$JAVA_PID" --minutes "${1:-10}" --clips "$CLIPS" \
  || status=$?
if [ -n "${SOAK_NMT:-}" ]; then
  echo "native memory by JVM area, committed, since the engines were ready (areas that moved by 1 MB or more):"
  jcmd "$JAVA_PID" VM.native_memory summary.diff scale=MB | grep -E '^Total|^-.*committed=[0-9]+MB [+-][1-9]' || true
fi
heap() { curl -fs "http://127.0.0.1:$PORT/metrics" | awk '/^jvm_memory_used_bytes\{area="heap"/ {s+=$NF} END {printf "%.0f MB", s/1048576}'; }
echo "heap used now: $(heap); after a full GC (jcmd GC.run): $(jcmd "$JAVA_PID" GC.run >/dev/null 2>&1; sleep 2; heap)"
echo "server log: $(grep -c ' ERROR \| WARN ' "$DATA/server.log" || true) WARN/ERROR lines; $(grep -c 'Exception' "$DATA/server.log" || true) mentioning an exception"
grep ' ERROR \| WARN ' "$DATA/server.log" | sed 's/^[^ ]* //' | sort | uniq -c | sort -rn | head -15 || true
echo "load after: $(uptime | sed 's/.*load average: //')"
exit $status
