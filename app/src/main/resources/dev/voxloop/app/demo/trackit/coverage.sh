#!/bin/sh
# Line coverage with nothing but a JDK: tools/LineCoverage.java runs the tests under the JDI debugger with a
# breakpoint on every line of src/main/java and writes target/coverage.xml in JaCoCo's XML format.
set -e
rm -rf target/classes target/test-classes
mkdir -p target/classes target/test-classes
javac -g -encoding UTF-8 -d target/classes $(find src/main/java -name '*.java')
javac -g -encoding UTF-8 -cp target/classes -d target/test-classes $(find src/test/java -name '*.java')
exec java tools/LineCoverage.java target/classes:target/test-classes se.trackit.TestRunner se.trackit src/main/java target/coverage.xml
