#!/usr/bin/env python3
"""Writes the review benchmark's development set (bench/review/dev/<id>/diff.patch + case.json).

Each case starts from one of the made-up projects in projects.py, applies its edits in a real git repository and
stores `git diff --no-color base head`, so every patch is what git prints. Expected findings name a marker text;
its line is looked up in the new file (or, for a marker starting with '-', in the old file).
Run: python3 bench/review/make_dev_set.py  (rewrites bench/review/dev/).
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from projects import PROJECTS  # noqa: E402
from dev_cases import CASES  # noqa: E402

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "dev")


def git(repo, *args):
    return subprocess.run(["git", "-c", "user.name=bench", "-c", "user.email=bench@example.org", *args], cwd=repo,
                          check=True, capture_output=True, text=True).stdout


def write(repo, files):
    for path, text in files.items():
        full = os.path.join(repo, path)
        if text is None:
            if os.path.exists(full):
                os.remove(full)
            continue
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w") as f:
            f.write(text)


def line_of(text, marker):
    for i, line in enumerate(text.split("\n"), 1):
        if marker in line:
            return i
    raise SystemExit(f"marker {marker!r} not found")


def build(case):
    base, build_tool, allowlist = PROJECTS[case["language"]]
    old = dict(base)
    new = dict(base)
    for edit in case["edits"]:
        edit(new)
    repo = tempfile.mkdtemp(prefix="review-case-")
    try:
        git(repo, "init", "-q", "-b", "main")
        write(repo, old)
        git(repo, "add", "-A")
        git(repo, "commit", "-qm", "base")
        write(repo, {p: (new.get(p)) for p in set(old) | set(new)})
        git(repo, "add", "-A")
        git(repo, "commit", "-qm", "change")
        diff = git(repo, "diff", "--no-color", "-M", "HEAD~1", "HEAD")
    finally:
        shutil.rmtree(repo)
    expected = []
    for category, path, marker in case["expect"]:
        e = {"category": category}
        if path is not None:
            e["path"] = path
        if marker is not None:
            if marker.startswith("-"):
                e["line"] = line_of(old[path], marker[1:])
            else:
                e["line"] = line_of(new[path], marker)
        expected.append(e)
    ticket = case["ticket"]
    criteria = ticket["acceptance_criteria"]
    trace = case.get("trace")
    if trace is None:
        trace = [{"criterion": i, "tests": [t]} for i, t in enumerate(case["tests"])]
    ci = case.get("ci")
    if ci is None:
        ci = [{"test": t, "result": "passed"} for tr in trace for t in tr["tests"]]
    assert len(criteria) >= 1, case["id"]
    return diff, {
        "ticket": ticket,
        "project": {"language": case["language"], "build": build_tool,
                    "dependency_allowlist": case.get("allowlist", allowlist)},
        "traceability": trace,
        "ci": ci,
        "expected": expected,
        "notes": case["notes"],
    }


def main():
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    ids = set()
    for case in CASES:
        assert case["id"] not in ids, case["id"]
        ids.add(case["id"])
        diff, data = build(case)
        d = os.path.join(OUT, case["id"])
        os.makedirs(d)
        with open(os.path.join(d, "diff.patch"), "w") as f:
            f.write(diff)
        with open(os.path.join(d, "case.json"), "w") as f:
            json.dump(data, f, indent=2)
            f.write("\n")
    seeded = sum(1 for c in CASES if c["expect"])
    print(f"{len(CASES)} cases: {seeded} seeded, {len(CASES) - seeded} clean -> {OUT}")


if __name__ == "__main__":
    main()
