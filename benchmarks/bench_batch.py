"""Benchmark `riskcheck batch` against pandas reading and writing the same CSV.

    python benchmarks/bench_batch.py                 # 1,000,000 rows
    python benchmarks/bench_batch.py --rows 10000000

Generates (once per size and seed) a realistic trips CSV in benchmarks/out/ (gitignored): a few hundred
distinct people (500 names with no warrant record, plus every wanted person under one of their
names, all equally frequent), a few hundred places (state names, codes, cities, territories), dates in every form (day,
month, year, range, empty = today) over 2000-2026, free-text and id columns, and 1% bad rows (unknown
or misspelt people and places, impossible dates). Then runs, each as a subprocess:

* ``riskcheck batch IN -o OUT`` (CSV out), and
* the baseline ``pd.read_csv(IN, dtype=str, keep_default_na=False).to_csv(OUT, index=False)``,

and prints wall time, rows/s and peak memory (ru_maxrss of the child) of both, and the time ratio
(``--repeat N``: the fastest of N alternating runs of each, for a busy machine).
Target: ratio <= 2.0, and peak memory that does not grow with the number of rows.
"""

from __future__ import annotations

import argparse
import csv
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"

FIRST = ["Anna", "Ben", "Carlos", "Dina", "Emil", "Fatima", "Georg", "Hana", "Ivan", "Julia", "Kofi", "Lena", "Marco", "Nadia", "Omar", "Paulo", "Rosa", "Sven", "Tariq", "Uma", "Viktor", "Wen", "Yusuf", "Zara", "Amira", "Bruno", "Chen", "Dmitri", "Elena", "Farid", "Grace", "Hugo", "Ines", "Jonas", "Karin", "Luis", "Maya", "Nils", "Olga", "Pedro"]
LAST = ["Smith", "Garcia", "Muller", "Rossi", "Dubois", "Kowalski", "Novak", "Jensen", "Silva", "Costa", "Okafor", "Mensah", "Tanaka", "Kim", "Nguyen", "Haddad", "Larsen", "Moreau", "Fischer", "Romero", "Petrescu", "Horvat", "Lindqvist", "Adeyemi", "Banerjee", "Castillo", "Dimitrov", "Eriksen", "Fontaine", "Gonzaga"]
CITIES = ["Paris", "Johannesburg", "Ulaanbaatar", "Beijing", "New York", "Tokyo", "Nairobi", "Brasília", "Delhi",
          "Moscow", "Budapest", "The Hague", "Kampala", "Addis Ababa", "Riyadh", "Dubai", "Hong Kong", "Nuuk",
          "Windhoek", "Minsk", "Pyongyang", "Tehran", "Caracas", "Havana", "Ankara", "Astana", "Baku", "Doha"]
BAD_PEOPLE = ["Vladmir Putn", "Netanyahoo", "Xx Unknown", "Gaddafi", "?"]
BAD_PLACES = ["Atlantis", "Narnia", "Wakanda", "Middle Earth", "Gondor"]
BAD_DATES = ["2023-13-45", "next week", "31/02/2023", "2023-02-30", "2024-06-10..2024-06-01"]
NOTES = ["", "", "", "official visit", "summit, plenary session", 'said "no comment"', "=HYPERLINK(\"x\")",
         "-5", "line one\nline two", "NA", "0012"]


def _pools(rng: np.random.Generator) -> tuple[list[str], list[str], list[str], int]:
    sys.path.insert(0, str(ROOT))
    from riskcheck.ruleset import load_ruleset

    rs = load_ruleset()
    # people: 500 with no record, plus each wanted person under one of their names or aliases
    plain = sorted({f"{first} {last}" for first in FIRST for last in LAST})
    plain = [plain[i] for i in rng.choice(len(plain), size=min(500, len(plain)), replace=False)]
    aliases: dict[str, list[str]] = {}
    for a in rs.aliases:
        aliases.setdefault(a.person_id, []).append(a.alias)
    wanted = []
    for pid, p in sorted(rs.people.items()):
        options = [p.name, *aliases.get(pid, [])]
        wanted.append(options[int(rng.integers(len(options)))])
    people = plain + wanted
    # places: state and territory names, some codes, some cities
    names = [rs.name_of(c) for c in rs.codes()]
    codes = list(rng.choice(rs.codes(), size=40, replace=False))
    places = names + codes + CITIES + ["NA"]
    # dates: days 2000-2026 (a pool, as trips cluster), months, years, ranges, empty
    days = np.datetime64("2000-01-01") + rng.integers(0, 27 * 365, size=3000)
    dates = [str(d) for d in days]
    dates += [f"{y}-{m:02d}" for y in range(2000, 2027) for m in range(1, 13)]
    dates += [str(y) for y in range(2000, 2027)]
    starts = np.datetime64("2015-01-01") + rng.integers(0, 12 * 365, size=300)
    dates += [f"{s}..{s + int(rng.integers(1, 30))}" for s in starts]
    dates += [""] * 20
    return people, places, dates, len(plain)


def generate(path: Path, rows: int, seed: int = 7, wanted_share: float | None = None, block: int = 500_000) -> None:
    rng = np.random.default_rng(seed)
    people, places, dates, n_plain = _pools(rng)
    tmp = path.with_suffix(".part")
    with tmp.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["trip_id", "traveler", "destination", "date", "purpose", "cost"])
        for start in range(0, rows, block):
            n = min(block, rows - start)
            if wanted_share is None:  # every person equally frequent
                who = rng.integers(0, len(people), n)
            else:  # that share of rows names a wanted person
                who = np.where(rng.random(n) < wanted_share, rng.integers(n_plain, len(people), n),
                               rng.integers(0, n_plain, n))
            p = np.array(people, dtype=object)[who]
            pl = np.array(places, dtype=object)[rng.integers(0, len(places), n)]
            d = np.array(dates, dtype=object)[rng.integers(0, len(dates), n)]
            notes = np.array(NOTES, dtype=object)[rng.integers(0, len(NOTES), n)]
            cost = rng.integers(0, 50_000, n).astype(str)
            bad = rng.random(n) < 0.01
            which = rng.integers(0, 3, n)
            for arr, pool, k in ((p, BAD_PEOPLE, 0), (pl, BAD_PLACES, 1), (d, BAD_DATES, 2)):
                m = bad & (which == k)
                arr[m] = np.array(pool, dtype=object)[rng.integers(0, len(pool), int(m.sum()))]
            ids = [f"T{start + i:09d}" for i in range(n)]
            w.writerows(zip(ids, p, pl, d, notes, cost, strict=True))
    tmp.replace(path)


def run(cmd: list[str]) -> tuple[float, int, int]:
    """Wall seconds, peak RSS (KiB) and exit status of a child process."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    err = proc.stderr.read().decode(errors="replace").strip() if proc.stderr else ""
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        print(f"  {cmd[:4]}... exited {proc.returncode}: {err}", file=sys.stderr)
    elif err:
        print(f"  {err.splitlines()[-1]}")
    return wall, usage.ru_maxrss, proc.returncode


BASELINE = ("import sys, pandas as pd; "
            "pd.read_csv(sys.argv[1], dtype=str, keep_default_na=False).to_csv(sys.argv[2], index=False)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--regenerate", action="store_true", help="write the input CSV again even if it exists")
    ap.add_argument("--keep", action="store_true", help="keep the output files")
    ap.add_argument("--repeat", type=int, default=1, metavar="N",
                    help="run both N times, alternating, and keep each one's fastest run (for a busy machine)")
    ap.add_argument("--wanted-share", type=float, default=None, metavar="F",
                    help="share of rows naming a wanted person (default: all people equally frequent, ~11%%)")
    args = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    share = "" if args.wanted_share is None else f"_w{args.wanted_share:g}"
    src = OUT / f"trips_{args.rows}_{args.seed}{share}_v2.csv"
    if args.regenerate or not src.exists():
        t0 = time.perf_counter()
        print(f"generating {src.relative_to(ROOT)} ...", flush=True)
        generate(src, args.rows, args.seed, args.wanted_share)
        print(f"  {time.perf_counter() - t0:.1f} s")
    size = src.stat().st_size
    print(f"input: {args.rows:,} rows, {size / 1e6:.0f} MB")
    out_rc, out_pd = OUT / "out_riskcheck.csv", OUT / "out_pandas.csv"
    py = sys.executable
    base_runs, rc_runs = [], []
    for _ in range(max(1, args.repeat)):
        print("baseline: pandas read_csv(dtype=str) + to_csv", flush=True)
        base_runs.append(run([py, "-c", BASELINE, str(src), str(out_pd)]))
        print("riskcheck batch", flush=True)
        rc_runs.append(run([py, "-m", "riskcheck", "batch", str(src), "-o", str(out_rc)]))
    b_wall, b_rss, b_rc = min(base_runs)
    r_wall, r_rss, r_rc = min(rc_runs)
    b_rc, r_rc = max(r[2] for r in base_runs), max(r[2] for r in rc_runs)
    out_size = out_rc.stat().st_size if out_rc.exists() else 0
    print()
    print(f"{'':22}{'wall s':>10}{'rows/s':>14}{'peak RSS MB':>14}")
    print(f"{'pandas baseline':22}{b_wall:10.2f}{args.rows / b_wall:14,.0f}{b_rss / 1024:14.0f}")
    print(f"{'riskcheck batch':22}{r_wall:10.2f}{args.rows / r_wall:14,.0f}{r_rss / 1024:14.0f}")
    print(f"ratio riskcheck/baseline: {r_wall / b_wall:.2f} (target <= 2.0); output {out_size / 1e6:.0f} MB")
    if not args.keep:
        for f in (out_rc, out_pd):
            f.unlink(missing_ok=True)
    return 0 if (b_rc == 0 and r_rc == 0) else 1


if __name__ == "__main__":
    sys.exit(main())
