#!/bin/sh
# Docs: every public type and method in src/main/java has a javadoc comment right above it (CI runs this; the
# local gates do not).
status=0
for f in $(find src/main/java -name '*.java' | sort); do
  awk -v f="$f" '
    /^[[:space:]]*public[^=;]*\(/ || /^[[:space:]]*public ([a-z]+ )*(class|enum|record|interface) / {
      if (prev !~ /\*\/[[:space:]]*$/ && prev !~ /^[[:space:]]*@/) {
        printf "%s:%d: missing javadoc: %s\n", f, NR, $0
        bad = 1
      }
    }
    NF { prev = $0 }
    END { exit bad }' "$f" || status=1
done
[ $status -eq 0 ] && echo "every public type and method is documented"
exit $status
