#!/usr/bin/env bash
# The JDK 25 ahead-of-time cache of one voxloop command, sourced by ./voxloop with JDK, JAR, TARGET and cmd set.
# Sets AOT_OPTIONS to the java options for this run:
#   1. no cache yet: this run records which classes it loads and how its methods run (-XX:AOTMode=record; the
#      recording is written when it exits: Ctrl-C, SIGTERM or the command's end), one recording run at a time;
#   2. a recording and no cache: the cache is assembled from it in the background (a few seconds of CPU at low
#      priority) while this run starts without one;
#   3. a cache newer than the jar: this run maps it (-XX:AOTCache).
# A cache the JVM cannot use (another JDK, a changed jar) is ignored by the JVM and rebuilt after the jar is.
# VOXLOOP_AOT_WAIT=1 makes step 2 wait for the cache instead (bench/cold-start.sh).

aot_alive() { # $1 = lock directory; true while the process that took it still runs
  local pid
  pid=$(cat "$1/pid" 2>/dev/null) || return 1
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null
}

aot_lock() { # $1 = lock directory; takes it for this process, taking over one whose owner is gone
  if mkdir "$1" 2>/dev/null; then echo $$ >"$1/pid"; return 0; fi
  aot_alive "$1" && return 1
  rm -rf "$1"
  mkdir "$1" 2>/dev/null && echo $$ >"$1/pid"
}

aot_assemble() { # builds the cache from the recording; the cache appears under its name only when complete
  # (with the options the recording and the runs use that must match: else the JVM drops its archived module graph)
  "$JDK/bin/java" --enable-native-access=ALL-UNNAMED -XX:AOTMode=create -XX:AOTConfiguration="$AOT_CONF" -XX:AOTCache="$AOT_FILE.part" \
    -Xlog:aot=off -Xlog:cds=off -cp "$JAR" >"$TARGET/aot-$cmd.log" 2>&1 \
    && mv -f "$AOT_FILE.part" "$AOT_FILE"
  rm -f "$AOT_FILE.part"
  rm -rf "$AOT_FILE.lock"
}

AOT_FILE=$TARGET/aot-${cmd:-none}.aot
AOT_CONF=$TARGET/aot-${cmd:-none}.conf
AOT_OPTIONS=()
if [ -f "$AOT_FILE" ] && [ "$AOT_FILE" -nt "$JAR" ]; then
  AOT_OPTIONS=("-XX:AOTCache=$AOT_FILE" -Xlog:aot=off)
elif [ -f "$AOT_CONF" ] && [ "$AOT_CONF" -nt "$JAR" ]; then
  if aot_lock "$AOT_FILE.lock"; then
    if [ -n "${VOXLOOP_AOT_WAIT:-}" ]; then
      aot_assemble
      [ -f "$AOT_FILE" ] && AOT_OPTIONS=("-XX:AOTCache=$AOT_FILE" -Xlog:aot=off)
    else
      ( export JDK JAR TARGET cmd AOT_FILE AOT_CONF; echo "$BASHPID" >"$AOT_FILE.lock/pid"
        exec nice -n 10 bash -c "$(declare -f aot_assemble); aot_assemble" ) </dev/null >/dev/null 2>&1 &
      disown 2>/dev/null || true
    fi
  fi
elif aot_lock "$AOT_CONF.lock"; then
  # the lock names this process, which the exec of java keeps: it is free again once this run has exited
  rm -f "$AOT_CONF"
  # (the JVM prints "AOTConfiguration recorded" on stdout at exit, which would mix with the command's output)
  AOT_OPTIONS=(-XX:AOTMode=record "-XX:AOTConfiguration=$AOT_CONF" -Xlog:aot=off -XX:+UnlockDiagnosticVMOptions
    -XX:-DisplayVMOutput)
fi
