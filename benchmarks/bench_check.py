"""Single-query latency: median wall time of `riskcheck check` against `python -c "import click"`.

Run: python benchmarks/bench_check.py [--runs 15]
Both are measured in this run, as fresh processes, alternating, so the ratio is comparable across machines
(and less sensitive to a busy one). Two cases:

* with bytecode: riskcheck's bytecode is compiled first, as `pip install` does for an installed package;
* without bytecode: a copy of the package (and its data) with no ``__pycache__``, run with
  PYTHONDONTWRITEBYTECODE=1, as an editable install on a read-only or fresh checkout runs: every run
  compiles riskcheck's modules on the query path.

In both, the prebuilt ruleset cache and the city table's (riskcheck/cache.py) are warmed by one run first, as
any earlier query does; they live in a cache folder of this run's own, so that other processes on a shared
machine (tests, other checkouts) cannot prune its entries mid-run. click, the baseline, has its bytecode
(compiled when pip installed it).
Target (issue 12): ratio <= 2.0 in both cases.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

QUERIES = [
    ["check", "Putin", "South Africa", "--date", "2023-08-22"],
    ["check", "Vladimir Putin", "Ulaanbaatar", "--date", "2024-09-03"],
    ["check", "al-Bashir", "Jordan", "--date", "2017-03-29"],
    ["check", "Sergey Lavrov", "ZA"],
]


def median_times(cmds: dict[str, tuple[list[str], dict[str, str] | None]], runs: int, cwd: str) -> dict[str, float]:
    """Median wall time of each command, run alternately ``runs`` times (in ``cwd``)."""
    times: dict[str, list[float]] = {k: [] for k in cmds}
    for _ in range(runs):
        for k, (cmd, env) in cmds.items():
            t0 = time.perf_counter()
            subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=cwd)
            times[k].append(time.perf_counter() - t0)
    return {k: statistics.median(v) for k, v in times.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=15)
    args = ap.parse_args()
    py = sys.executable
    import compileall
    import os
    import shutil
    import tempfile
    from pathlib import Path

    import riskcheck
    from riskcheck.ruleset import default_data_dir

    pkg = Path(riskcheck.__file__).parent
    compileall.compile_dir(str(pkg), quiet=1)
    worst: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp, tempfile.TemporaryDirectory() as cwd:  # (-m looks in cwd first)
        os.environ["RISKCHECK_CACHE_DIR"] = str(Path(tmp) / "cache")
        # a copy with no bytecode (and the bundled data next to it, where riskcheck looks for it)
        shutil.copytree(pkg, Path(tmp) / "riskcheck", ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        shutil.copytree(default_data_dir(), Path(tmp) / "data")
        plain = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1",
                 "PYTHONPATH": tmp + os.pathsep + os.environ.get("PYTHONPATH", "")}
        for q in QUERIES:  # warm the file cache and the ruleset cache for both copies
            for env in (None, plain):
                subprocess.run([py, "-m", "riskcheck", *q], check=True, stdout=subprocess.DEVNULL, env=env, cwd=cwd)
        cmds: dict[str, tuple[list[str], dict[str, str] | None]] = {"click": ([py, "-c", "import click"], None)}
        for i, q in enumerate(QUERIES):
            cmds[f"bytecode {i}"] = ([py, "-m", "riskcheck", *q], None)
            cmds[f"no bytecode {i}"] = ([py, "-m", "riskcheck", *q], plain)
        got = median_times(cmds, args.runs, cwd)
    base = got["click"]
    print(f"baseline  python -c 'import click'                      median {base * 1000:7.1f} ms")
    for mode in ("bytecode", "no bytecode"):
        for i, q in enumerate(QUERIES):
            t = got[f"{mode} {i}"]
            worst[mode] = max(worst.get(mode, 0.0), t / base)
            print(f"{mode:12s}  {' '.join(q[1:3]):32s}  median {t * 1000:7.1f} ms  ratio {t / base:4.2f}")
    for mode, w in worst.items():
        print(f"worst ratio {mode}: {w:.2f} (target <= 2.0)")


if __name__ == "__main__":
    main()
