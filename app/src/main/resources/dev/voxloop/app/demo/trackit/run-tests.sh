#!/bin/sh
# Compiles and runs the tests with a plain JDK (no Maven, no network).
set -e
rm -rf target/classes target/test-classes
mkdir -p target/classes target/test-classes
javac -g -encoding UTF-8 -d target/classes $(find src/main/java -name '*.java')
javac -g -encoding UTF-8 -cp target/classes -d target/test-classes $(find src/test/java -name '*.java')
exec java -cp target/classes:target/test-classes se.trackit.TestRunner
