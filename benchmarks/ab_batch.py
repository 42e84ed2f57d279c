"""Compare ``run_batch`` of another checkout of riskcheck with this one, alternating, in-process CPU time.

    git archive 481affe | (mkdir -p /tmp/base && tar -x -C /tmp/base)
    python benchmarks/ab_batch.py /tmp/base --rows 300000 --repeat 5

Each run is a fresh process importing riskcheck from the given folder (``PYTHONPATH``); only the time spent in
``run_batch`` counts (not imports), so the comparison is steadier than whole-command timings on a busy machine.
The input is the benchmark file written by ``bench_batch.py`` (generate it first). Prints each run and the
ratio of the minimum CPU and wall times (this checkout / the other).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CODE = ("import sys, time; from riskcheck.batch.run import run_batch; t = time.process_time(); "
        "w = time.perf_counter(); run_batch(sys.argv[1], sys.argv[2]); "
        "print(time.process_time() - t, time.perf_counter() - w)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("other", help="folder holding the other checkout's riskcheck package")
    ap.add_argument("--rows", type=int, default=300_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    src = ROOT / "benchmarks" / "out" / f"trips_{args.rows}_{args.seed}_v2.csv"
    if not src.exists():
        raise SystemExit(f"{src} is missing: run benchmarks/bench_batch.py first")
    out = ROOT / "benchmarks" / "out" / "out_ab.csv"
    runs: dict[str, list[tuple[float, float]]] = {"other": [], "this": []}
    for _ in range(args.repeat):
        for name, path in (("other", args.other), ("this", str(ROOT))):
            got = subprocess.run([sys.executable, "-c", CODE, str(src), str(out)], cwd="/",
                                 env=dict(os.environ, PYTHONPATH=path), capture_output=True, text=True, check=True)
            cpu, wall = (float(x) for x in got.stdout.split())
            runs[name].append((cpu, wall))
    out.unlink(missing_ok=True)
    for name, rs in runs.items():
        print(f"{name:6} cpu " + " ".join(f"{c:.2f}" for c, _ in rs) + " | wall " + " ".join(f"{w:.2f}" for _, w in rs))
    cpu = min(c for c, _ in runs["this"]) / min(c for c, _ in runs["other"])
    wall = min(w for _, w in runs["this"]) / min(w for _, w in runs["other"])
    print(f"this/other run_batch time (minimum): cpu {cpu:.3f}, wall {wall:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
