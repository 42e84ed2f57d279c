#!/usr/bin/env python3
"""Mutation testing of one riskcheck module with mutmut 3, on the tests that cover it.

Usage::

    nice python scripts/mutate.py verdict            # or ruleset, dates, batch_columns, ... (--modules)
    nice python scripts/mutate.py batch_write --list # also print every surviving mutant's diff
    python scripts/mutate.py --modules               # the modules this script knows, with their tests

Each run works in a fresh copy of the checkout (under ``$TMPDIR/riskcheck-mutate/MODULE``) so that runs on
different modules do not share mutmut's state and the checkout stays clean. It prints the number of mutants
killed, survived, timed out and not covered, and the killed share. Survivors are documented in
``docs/testing.md`` (each with why it is equivalent or acceptable).

Mutation runs are CPU-heavy: run them with ``nice`` and one module at a time.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: module -> (source file, mutant-name patterns or None for all, tests that decide it)
MODULES: dict[str, tuple[str, list[str] | None, list[str]]] = {
    "verdict": ("riskcheck/verdict.py", None,
                ["tests/test_rules.py", "tests/test_legal_cases.py", "tests/test_hard_cases.py",
                 "tests/test_verdict_boundaries.py", "tests/test_verdict_golden.py", "tests/test_cli_check.py",
                 "tests/test_verdict_rules.py", "tests/test_trust.py"]),
    "ruleset": ("riskcheck/ruleset.py", None,
                ["tests/test_rules.py", "tests/test_legal_cases.py", "tests/test_hard_cases.py",
                 "tests/test_party_counts.py", "tests/test_cli_listings.py", "tests/test_verdict_boundaries.py",
                 "tests/test_verdict_golden.py", "tests/test_ruleset.py", "tests/test_ruleset_load.py",
                 "tests/test_verdict_rules.py"]),
    "dates": ("riskcheck/dates.py", None, ["tests/test_dates.py"]),
    # the batch package's column detection, and the neutralisation/quoting of the cells it writes
    "batch_columns": ("riskcheck/batch/columns.py", None,
                      ["tests/test_batch.py", "tests/test_batch_read.py", "tests/test_batch_neutralise.py"]),
    "batch_write": ("riskcheck/batch/write.py", None,
                    ["tests/test_batch_neutralise.py", "tests/test_batch.py", "tests/test_batch_engine.py"]),
    "batch_cells": ("riskcheck/batch/engine.py",
                    ["riskcheck.batch.engine.x__csv_cell__*", "riskcheck.batch.engine.x__csv_fields__*"],
                    ["tests/test_batch_neutralise.py", "tests/test_batch.py", "tests/test_batch_engine.py"]),
    "output": ("riskcheck/output.py",
               ["riskcheck.output.x_neutralise*", "riskcheck.output.x_needs_neutralising*"],
               ["tests/test_output.py", "tests/test_batch_neutralise.py", "tests/test_batch.py"]),
    "news_modality": ("riskcheck/news/modality.py", None,
                      ["tests/test_news_extract.py", "tests/test_news_status.py"]),
    "news_dates": ("riskcheck/news/dates.py", None, ["tests/test_news_extract.py"]),
}

COPY = ("riskcheck", "data", "tests", "examples", "pyproject.toml", "README.md")


def prepare(module: str, workdir: Path, ref: str | None = None) -> None:
    """A clean copy of the checkout (or of commit ``ref``) with a [tool.mutmut] section for ``module``."""
    src, _, tests = MODULES[module]
    if workdir.exists():
        shutil.rmtree(workdir)
    workdir.mkdir(parents=True)
    if ref:
        archive = subprocess.run(["git", "archive", ref, *COPY], cwd=ROOT, capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(workdir)], input=archive, check=True)
    else:
        for name in COPY:
            p = ROOT / name
            if p.is_dir():
                shutil.copytree(p, workdir / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
            elif p.exists():
                shutil.copy2(p, workdir / name)
    tests = [t for t in tests if (workdir / t).exists()]
    py = (workdir / "pyproject.toml").read_text()
    # the doctests of every module would run for every mutant: keep only the tests chosen here
    py = py.replace('addopts = "-q --doctest-modules"', 'addopts = "-q"')
    py += ("\n[tool.mutmut]\n"
           'source_paths = ["riskcheck"]\n'
           f'only_mutate = ["{src}"]\n'
           'also_copy = ["data", "examples", "README.md"]\n'
           f"pytest_add_cli_args_test_selection = {tests!r}\n"
           'pytest_add_cli_args = ["-x", "-q", "-p", "no:cacheprovider", "-p", "no:randomly"]\n'
           "use_git_change_detection = false\n").replace("'", '"')
    (workdir / "pyproject.toml").write_text(py)


def summary(workdir: Path, env: dict[str, str]) -> tuple[dict[str, int], list[str]]:
    out = subprocess.run(["mutmut", "results", "--all", "true"], cwd=workdir, env=env, capture_output=True,
                         text=True).stdout
    counts: dict[str, int] = {}
    survivors = []
    for line in out.splitlines():
        m = re.match(r"\s*(\S+): (.+)$", line)
        if not m:
            continue
        name, status = m.group(1), m.group(2).strip()
        counts[status] = counts.get(status, 0) + 1
        if status == "survived":
            survivors.append(name)
    return counts, survivors


def _diffs(workdir: Path, env: dict[str, str], names: list[str]) -> dict[str, str]:
    """Each mutant's diff, in one process (``mutmut show`` per mutant is slow)."""
    code = ("import json, sys\n"
            "from mutmut.__main__ import find_mutant\n"
            "from mutmut.mutation.diff_apply import get_diff_for_mutant\n"
            "out = {}\n"
            "for n in json.load(sys.stdin):\n"
            "    out[n] = get_diff_for_mutant(n, path=find_mutant(n).path)\n"
            "print(json.dumps(out))\n")
    import json

    p = subprocess.run([sys.executable, "-c", code], cwd=workdir, env=env, input=json.dumps(names),
                       capture_output=True, text=True)
    try:
        return dict(json.loads(p.stdout))
    except ValueError:
        print(p.stderr, file=sys.stderr)
        return {}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("module", nargs="?", choices=sorted(MODULES))
    ap.add_argument("--list", action="store_true", help="print each surviving mutant's diff")
    ap.add_argument("--modules", action="store_true", help="list the modules and their tests")
    ap.add_argument("--workdir", type=Path, help="where to copy the checkout (default: a temp folder)")
    ap.add_argument("--ref", help="mutate this git commit's code and tests (e.g. a 'before' score) instead of "
                    "the working tree")
    ap.add_argument("--jobs", type=int, default=1, help="mutmut worker processes (default 1: shared machine)")
    args = ap.parse_args()
    if args.modules or not args.module:
        for name, (src, pats, tests) in MODULES.items():
            print(f"{name:14} {src}{' (' + ', '.join(pats) + ')' if pats else ''}\n{'':14} {' '.join(tests)}")
        return 0
    workdir = args.workdir or Path(tempfile.gettempdir()) / "riskcheck-mutate" / args.module
    prepare(args.module, workdir, args.ref)
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("CI", None)
    cmd = ["mutmut", "run", "--max-children", str(args.jobs)]
    patterns = MODULES[args.module][1]
    if patterns:
        cmd += patterns
    print("$ " + " ".join(cmd) + f"   (in {workdir})", file=sys.stderr)
    rc = subprocess.run(cmd, cwd=workdir, env=env, stdout=subprocess.DEVNULL).returncode
    counts, survivors = summary(workdir, env)
    if patterns:  # results --all lists every mutant of the file; keep the ones this run chose
        import fnmatch

        names = subprocess.run(["mutmut", "results", "--all", "true"], cwd=workdir, env=env, capture_output=True,
                               text=True).stdout
        counts = {}
        survivors = []
        for line in names.splitlines():
            m = re.match(r"\s*(\S+): (.+)$", line)
            if m and any(fnmatch.fnmatch(m.group(1), p) for p in patterns):
                counts[m.group(2).strip()] = counts.get(m.group(2).strip(), 0) + 1
                if m.group(2).strip() == "survived":
                    survivors.append(m.group(1))
    total = sum(counts.values())
    killed = counts.get("killed", 0) + counts.get("timeout", 0)
    print(f"{args.module}: {total} mutants: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
          + (f"; killed {killed / total:.1%}" if total else ""))
    diffs = _diffs(workdir, env, survivors) if args.list else {}
    for name in survivors:
        print(f"  survived: {name}")
        if name in diffs:
            print("    " + diffs[name].replace("\n", "\n    "))
    return rc


if __name__ == "__main__":
    sys.exit(main())
