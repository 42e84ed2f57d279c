"""Single-query latency: median wall time of `riskcheck check` against `python -c "import click"`.

Run: python benchmarks/bench_check.py [--runs 15]
Both are measured in this run, as fresh processes, so the ratio is comparable across machines.
riskcheck's bytecode is compiled first, as `pip install` does for an installed package: with an editable
install and PYTHONDONTWRITEBYTECODE set, every run would otherwise recompile the sources (click, the
baseline, was compiled when pip installed it).
Target (issue 3): ratio <= 3.
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


def median_time(cmd: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=15)
    args = ap.parse_args()
    py = sys.executable
    import compileall
    from pathlib import Path

    import riskcheck

    compileall.compile_dir(str(Path(riskcheck.__file__).parent), quiet=1)
    median_time([py, "-c", "import click"], 3)  # warm the file cache
    base = median_time([py, "-c", "import click"], args.runs)
    print(f"baseline  python -c 'import click'        median {base * 1000:7.1f} ms")
    worst = 0.0
    for q in QUERIES:
        t = median_time([py, "-m", "riskcheck", *q], args.runs)
        worst = max(worst, t / base)
        print(f"riskcheck {' '.join(q[1:3]):32s} median {t * 1000:7.1f} ms  ratio {t / base:4.2f}")
    print(f"worst ratio {worst:.2f} (target <= 3.0)")


if __name__ == "__main__":
    main()
