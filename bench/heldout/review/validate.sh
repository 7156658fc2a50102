#!/usr/bin/env bash
# Validates the review held-out set in this directory:
#  1. every rh-*/case.json parses (python3 -m json.tool) and has the documented fields and categories;
#  2. generate.py rebuilds every case from scratch (real git repos in a temp dir) and the rebuilt
#     diff.patch / case.json are byte-identical to the stored ones;
#  3. every stored diff.patch applies to its rebuilt base tree (git apply --check);
#  4. the set still has >= 36 seeded cases, >= 30 clean cases and >= 5 cases per category.
# Usage: ./validate.sh            (needs git and python3; about 2 minutes on the shared 2-core machine)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

fail=0
n=0
for dir in "$here"/rh-*/; do
  id="$(basename "$dir")"
  n=$((n + 1))
  if ! python3 -m json.tool "$dir/case.json" >/dev/null; then
    echo "FAIL $id: case.json does not parse"; fail=1
  fi
  [ -s "$dir/diff.patch" ] || grep -q '^rename from' "$dir/diff.patch" || { echo "FAIL $id: empty diff.patch"; fail=1; }
done
echo "json: $n case.json files parse"

python3 - "$here" <<'PY' || fail=1
import json, os, sys
here = sys.argv[1]
cats = {"test-weakened", "secret", "debug-leftover", "dependency", "out-of-scope", "too-large", "untraced-criterion"}
per_cat, seeded, clean, bad = {}, 0, 0, 0
for d in sorted(os.listdir(here)):
    if not d.startswith("rh-"):
        continue
    doc = json.load(open(os.path.join(here, d, "case.json")))
    for key in ("ticket", "project", "traceability", "ci", "expected", "notes"):
        if key not in doc:
            print("FAIL %s: missing %s" % (d, key)); bad += 1
    t = doc["ticket"]
    for key in ("key", "type", "summary", "description", "acceptance_criteria"):
        if key not in t:
            print("FAIL %s: ticket missing %s" % (d, key)); bad += 1
    p = doc["project"]
    if p.get("language") not in ("java", "javascript", "python", "go") or p.get("build") not in ("maven", "npm", "pip", "go"):
        print("FAIL %s: bad project %s" % (d, p)); bad += 1
    for c in doc["ci"]:
        if c["result"] not in ("passed", "failed", "skipped"):
            print("FAIL %s: bad ci result %s" % (d, c)); bad += 1
    for tr in doc["traceability"]:
        if not 0 <= tr["criterion"] < len(t["acceptance_criteria"]):
            print("FAIL %s: criterion index out of range" % d); bad += 1
    found = set()
    for e in doc["expected"]:
        if e["category"] not in cats:
            print("FAIL %s: unknown category %s" % (d, e["category"])); bad += 1
        found.add(e["category"])
    for c in found:
        per_cat[c] = per_cat.get(c, 0) + 1
    if doc["expected"]:
        seeded += 1
    else:
        clean += 1
print("cases: %d seeded, %d clean; cases per category: %s" % (seeded, clean, dict(sorted(per_cat.items()))))
if seeded < 36 or clean < 30 or any(per_cat.get(c, 0) < 5 for c in cats):
    print("FAIL: counts below the brief's minimum"); bad += 1
sys.exit(1 if bad else 0)
PY

python3 "$here/generate.py" "$tmp/out" --bases "$tmp/bases" >/dev/null
for dir in "$here"/rh-*/; do
  id="$(basename "$dir")"
  for f in diff.patch case.json; do
    if ! cmp -s "$dir/$f" "$tmp/out/$id/$f"; then
      echo "FAIL $id: stored $f differs from the rebuilt one"; fail=1
    fi
  done
  if ! git -C "$tmp/bases/$id" apply --check "$dir/diff.patch" 2>"$tmp/apply.err"; then
    echo "FAIL $id: diff.patch does not apply to its base tree"; cat "$tmp/apply.err"; fail=1
  fi
done
echo "rebuild: diffs and case.json reproduced; git apply --check run against $n base trees"

if [ "$fail" -ne 0 ]; then
  echo "VALIDATION FAILED"; exit 1
fi
echo "VALIDATION OK"
