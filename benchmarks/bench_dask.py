"""Articles per second: the local engine on one process, and ``--engine dask`` with 1 and 2 workers.

The corpus repeats the project's own written articles (tests/news_corpus, tests/news_blind*) to at
least 20,000 articles (each with its own id), in JSON Lines shards. Every configuration runs the whole
``riskcheck news`` pipeline on the same shards and writes its output (the local engine a JSON Lines
file, Dask its Parquet dataset). Cluster start-up (worker processes importing riskcheck and loading
the ruleset) is timed apart: it is paid once per cluster, not per article. The load average of the
machine is printed with each figure, since other processes share the cores.

    python benchmarks/bench_dask.py [--articles 20000] [--shards 40] [--repeat 1]

Targets: 2 workers >= 1.7x one worker; Dask with one worker within 15% of the local engine.
Needs ``pip install 'riskcheck[dask]'``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SETS = ["news_corpus", "news_blind", "news_blind2", "news_blind3", "news_blind4", "news_blind5"]


def load() -> str:
    return "load average " + ", ".join(f"{x:.2f}" for x in os.getloadavg())


def build(folder: Path, n: int, shards: int) -> tuple[list[str], int]:
    """``shards`` JSON Lines files holding ``n`` articles in all; their paths and total characters."""
    texts = [f.read_text(encoding="utf-8") for s in SETS for f in sorted((ROOT / "tests" / s).rglob("*.txt"))]
    if not texts:
        raise SystemExit("no articles under tests/news_*")
    paths = [str(folder / f"shard-{k:04d}.jsonl") for k in range(shards)]
    handles = [open(p, "w", encoding="utf-8") for p in paths]  # noqa: SIM115
    chars = 0
    try:
        for i in range(n):
            t = texts[i % len(texts)]
            chars += len(t)
            handles[i * shards // n].write(json.dumps({"id": f"bench-{i}", "text": t}) + "\n")
    finally:
        for h in handles:
            h.close()
    return paths, chars


def run_local(paths: list[str], out: Path) -> tuple[float, float]:
    """Wall and CPU seconds for ``riskcheck news PATHS --format jsonl -o OUT`` in this process (ruleset warm)."""
    from click.testing import CliRunner

    from riskcheck.cli import cli

    t, c = time.perf_counter(), time.process_time()
    res = CliRunner().invoke(cli, ["news", *paths, "--format", "jsonl", "-o", str(out)])
    dt, dc = time.perf_counter() - t, time.process_time() - c
    if res.exit_code != 0:
        raise SystemExit(f"local engine failed: {res.output}")
    return dt, dc


def _cpu() -> float:
    return time.process_time()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=20_000)
    ap.add_argument("--shards", type=int, default=40)
    ap.add_argument("--repeat", type=int, default=1, help="runs of each configuration (figures: median, range)")
    args = ap.parse_args()

    from riskcheck.dask import dask_client, run_news
    from riskcheck.dask.worker import warm

    with tempfile.TemporaryDirectory(prefix="bench-dask-") as tmp:
        folder = Path(tmp)
        paths, chars = build(folder, args.articles, args.shards)
        print(f"corpus: {args.articles} articles ({chars / 1e6:.1f} M characters) in {args.shards} JSON Lines "
              f"shards; {os.cpu_count()} cores; {load()}")
        warm(None)
        rates: dict[str, list[float]] = {"local": [], "dask-1": [], "dask-2": []}
        cpu: dict[str, list[float]] = {"local": [], "dask-1": [], "dask-2": []}
        trips: dict[str, int] = {}
        for r in range(args.repeat):
            dt, dc = run_local(paths, folder / "local.jsonl")
            rates["local"].append(args.articles / dt)
            cpu["local"].append(args.articles / dc)
            trips["local"] = len((folder / "local.jsonl").read_text(encoding="utf-8").splitlines())
            print(f"[{r + 1}] local engine, 1 process: {args.articles / dt:7.1f} articles/s ({dt:.1f} s; "
                  f"{args.articles / dc:.1f} articles per CPU-second); {load()}")
            for workers in (1, 2):
                t = time.perf_counter()
                with dask_client(workers=workers) as client:
                    client.wait_for_workers(workers)
                    client.run(warm, None)
                    start = time.perf_counter() - t
                    before = sum(client.run(_cpu).values()) + time.process_time()
                    t = time.perf_counter()
                    summary = run_news(client, paths, str(folder / f"dask{workers}"))
                    dt = time.perf_counter() - t
                    dc = sum(client.run(_cpu).values()) + time.process_time() - before
                name = f"dask-{workers}"
                rates[name].append(args.articles / dt)
                cpu[name].append(args.articles / dc)
                trips[name] = summary.trips
                print(f"[{r + 1}] dask, {workers} worker(s):    {args.articles / dt:7.1f} articles/s ({dt:.1f} s; "
                      f"cluster start {start:.1f} s; {args.articles / dc:.1f} articles per CPU-second, "
                      f"workers and client/scheduler); {load()}")
        if len(set(trips.values())) != 1:
            raise SystemExit(f"the engines disagree on the number of trips: {trips}")
        med = {k: statistics.median(v) for k, v in rates.items()}
        print(f"\ntrips found (each engine): {trips['local']}")
        for k, v in rates.items():
            spread = f" (range {min(v):.1f}-{max(v):.1f} over {len(v)} runs)" if len(v) > 1 else ""
            print(f"{k:7s} {med[k]:7.1f} articles/s{spread}")
        print(f"scaling, 2 workers / 1 worker: {med['dask-2'] / med['dask-1']:.2f}x (target >= 1.7x)")
        print(f"Dask overhead, 1 worker vs local: {100 * (1 - med['dask-1'] / med['local']):+.1f}% "
              "(target <= 15%)")
        mc = {k: statistics.median(v) for k, v in cpu.items()}
        print(f"CPU cost (independent of other load): Dask 1 worker {100 * (mc['local'] / mc['dask-1'] - 1):+.1f}%, "
              f"2 workers {100 * (mc['local'] / mc['dask-2'] - 1):+.1f}% CPU-seconds per article vs local")
        print(f"  => on 2 otherwise idle cores, 2 workers would reach at most {2 * mc['dask-2'] / mc['dask-1']:.2f}x "
              "one worker (an estimate from CPU cost, not a measurement; the wall-clock ratio above is the "
              "measurement, and it is only meaningful when the load average is below the core count)")


if __name__ == "__main__":
    main()
