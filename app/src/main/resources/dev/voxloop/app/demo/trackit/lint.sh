#!/bin/sh
# Lint: every javac warning is an error.
set -e
mkdir -p target/lint
javac -Xlint:all -Werror -encoding UTF-8 -d target/lint $(find src/main/java -name '*.java')
