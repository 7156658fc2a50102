#!/usr/bin/env bash
# Prints the home of a JDK 21 or newer, or exits 1 with a message on stderr.
# Order: $JAVA_HOME, the usual JVM folders (newest first), then `java` on PATH.
# Sourced by ./voxloop and scripts/test; also runnable on its own.

jdk_major() { # $1 = JDK home; prints the feature version (17, 21, 25...) or nothing
  local home=$1 v=""
  [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 0
  if [ -f "$home/release" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release")
  fi
  if [ -z "$v" ]; then
    v=$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1)
  fi
  echo "$v"
}

find_jdk() {
  local want=21 best="" best_v=0 c v
  if [ -n "${JAVA_HOME:-}" ]; then
    v=$(jdk_major "$JAVA_HOME")
    if [ -n "$v" ] && [ "$v" -ge "$want" ]; then echo "$JAVA_HOME"; return 0; fi
  fi
  for c in /usr/lib/jvm/* /opt/java/* /opt/jdk* /usr/local/lib/jvm/* "$HOME"/.sdkman/candidates/java/* \
           "$HOME"/.jdks/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$c" ] || continue
    [ -L "$c" ] && continue
    v=$(jdk_major "$c")
    if [ -n "$v" ] && [ "$v" -ge "$want" ] && [ "$v" -gt "$best_v" ]; then best=$c; best_v=$v; fi
  done
  if [ -n "$best" ]; then echo "$best"; return 0; fi
  if command -v javac >/dev/null 2>&1; then
    c=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    v=$(jdk_major "$c")
    if [ -n "$v" ] && [ "$v" -ge "$want" ]; then echo "$c"; return 0; fi
  fi
  echo "voxloop needs a JDK 21 or newer and found none (looked at \$JAVA_HOME, /usr/lib/jvm, /opt/java, ~/.sdkman)." >&2
  echo "Install one (e.g. 'apt-get install openjdk-21-jdk' or Temurin 21+) or point JAVA_HOME at it." >&2
  return 1
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then find_jdk; fi
