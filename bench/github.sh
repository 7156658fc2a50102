#!/usr/bin/env bash
# GitHub figures for docs/benchmarks.md: API requests per merged pull request, waiting on checks and a review by
# polling and by webhooks (github's GitHubRequestsBench, tag "bench", run by nothing else) against the GitHub peer.
# Prints the machine's load first and last.
set -euo pipefail
ROOT=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
cd "$ROOT"
. scripts/find-jdk.sh
export JAVA_HOME=$(find_jdk)
bash scripts/github-openapi.sh >/dev/null
uptime
./mvnw -B -ntp -q -pl github -am test -Dtest=GitHubRequestsBench -Dvoxloop.test.groups=bench \
  -Dvoxloop.test.excludedGroups= -Dsurefire.failIfNoSpecifiedTests=false >/dev/null
grep -v -e '^SLF4J' -e '^\[main\]' -e '^[A-Z][a-z][a-z] [0-9]' -e '^INFO' \
  github/target/surefire-reports/dev.voxloop.github.GitHubRequestsBench-output.txt
uptime
# Through the loop: the demo's pull request on the GitHub peer (one healing round, two review rounds, webhooks with a
# 5 s poll as the fallback), counted by DemoCommandTest's GitHub case.
./mvnw -B -ntp -q -pl app -am verify -Dtest=DemoCommandTest -Dvoxloop.test.groups=slow \
  -Dvoxloop.test.excludedGroups= -Dsurefire.failIfNoSpecifiedTests=false -Djacoco.skip=true >/dev/null
grep -h -e "through the loop" app/target/surefire-reports/dev.voxloop.app.cli.DemoCommandTest-output.txt
uptime
