#!/usr/bin/env bash
# Agent figures for docs/benchmarks.md: the orchestrator's overhead per turn around the real Claude Code binary and
# the demo's wall time per agent profile, against the scripted model peers (app's AgentBench, tag "bench", run by
# nothing else). The hook round trip is 'voxloop bench loop hooks'. Prints the machine's load first.
set -euo pipefail
ROOT=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
cd "$ROOT"
. scripts/find-jdk.sh
export JAVA_HOME=$(find_jdk)
bash scripts/agents.sh >/dev/null
uptime
./mvnw -B -ntp -q -pl app -am test -Dtest=AgentBench -Dvoxloop.test.groups=bench -Dvoxloop.test.excludedGroups= \
  -Dsurefire.failIfNoSpecifiedTests=false >/dev/null
grep -v -e '^SLF4J' -e '^\[main\]' app/target/surefire-reports/dev.voxloop.app.agent.AgentBench-output.txt
uptime
