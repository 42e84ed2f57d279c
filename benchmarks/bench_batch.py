"""Benchmark `riskcheck batch` against pandas reading and writing the same CSV.

    python benchmarks/bench_batch.py        # ratios at 300k and 1M rows, peak memory at 1M and 10M rows
    python benchmarks/bench_batch.py --memory-rows ''   # ratios only

Generates (once per size and seed) a realistic trips CSV in benchmarks/out/ (gitignored): a few hundred
distinct people (500 names with no warrant record, plus every wanted person under one of their
names, all equally frequent), a few hundred places (state names, codes, cities, territories), dates in every form (day,
month, year, range, empty = today) over 2000-2026, free-text and id columns, and 1% bad rows (unknown
or misspelt people and places, impossible dates). Then runs, each as a subprocess and alternating (``--repeat N``, default 3, for a busy machine):

* ``riskcheck batch IN -o OUT`` (CSV out), and
* the baselines ``pd.read_csv(IN, dtype=..., keep_default_na=False).to_csv(OUT, index=False)`` with Arrow
  strings (``dtype=str``) and with python string storage; the faster is the baseline,

and prints wall and CPU time (min and max of the runs), peak memory (ru_maxrss of the child) and the
ratio of the fastest runs. Then one riskcheck run per ``--memory-rows`` size for peak memory.
Target: ratio <= 1.5 at 300k and 1M rows; peak memory at 10M within 10% of that at 1M.
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


def run(cmd: list[str]) -> tuple[float, float, int, int]:
    """Wall seconds, CPU seconds (user + system), peak RSS (KiB) and exit status of a child process."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    err_bytes = proc.stderr.read() if proc.stderr else b""
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    err = err_bytes.decode(errors="replace").strip()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        print(f"  {cmd[:4]}... exited {proc.returncode}: {err}", file=sys.stderr)
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, proc.returncode


#: the baselines: pandas reading every cell as text and writing it back. With pyarrow installed, pandas 3
#: reads dtype=str as Arrow strings; python string storage can be faster or slower depending on the data
#: and machine, so both run and the faster one is the baseline (the honest ratio).
BASELINES = {
    "pandas dtype=str": "pd.read_csv(sys.argv[1], dtype=str, keep_default_na=False).to_csv(sys.argv[2], index=False)",
    "pandas python str": "pd.read_csv(sys.argv[1], dtype=pd.StringDtype('python'), keep_default_na=False)"
                         ".to_csv(sys.argv[2], index=False)",
}


def _input(rows: int, seed: int, share: float | None, regenerate: bool) -> Path:
    tag = "" if share is None else f"_w{share:g}"
    src = OUT / f"trips_{rows}_{seed}{tag}_v2.csv"
    if regenerate or not src.exists():
        t0 = time.perf_counter()
        print(f"generating {src.relative_to(ROOT)} ...", flush=True)
        generate(src, rows, seed, share)
        print(f"  {time.perf_counter() - t0:.1f} s", flush=True)
    return src


def _riskcheck(src: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "riskcheck", "batch", "-q", str(src), "-o", str(out)]


def ratio(rows: int, args: argparse.Namespace) -> tuple[float, float]:
    """Time riskcheck and the baselines alternately ``--repeat`` times; print the spread; return the ratios."""
    src = _input(rows, args.seed, args.wanted_share, args.regenerate)
    out_rc, out_pd = OUT / "out_riskcheck.csv", OUT / "out_pandas.csv"
    runs: dict[str, list[tuple[float, float, int, int]]] = {"riskcheck batch": [], **{k: [] for k in BASELINES}}
    for _ in range(max(1, args.repeat)):
        for name, code in BASELINES.items():
            runs[name].append(run([sys.executable, "-c", "import sys, pandas as pd; " + code, str(src), str(out_pd)]))
        runs["riskcheck batch"].append(run(_riskcheck(src, out_rc)))
    print(f"\n{rows:,} rows ({src.stat().st_size / 1e6:.0f} MB), {args.repeat} alternating runs each")
    print(f"{'':22}{'wall s min':>11}{'max':>7}{'cpu s min':>11}{'max':>7}{'peak RSS MB':>13}")
    for name, rs in runs.items():
        w, c = [r[0] for r in rs], [r[1] for r in rs]
        print(f"{name:22}{min(w):11.2f}{max(w):7.2f}{min(c):11.2f}{max(c):7.2f}{max(r[2] for r in rs) / 1024:13.0f}")
        if any(r[3] for r in rs):
            raise SystemExit(f"{name} failed")
    base = min(BASELINES, key=lambda k: min(r[0] for r in runs[k]))
    rc = runs["riskcheck batch"]
    wall_ratio = min(r[0] for r in rc) / min(r[0] for r in runs[base])
    cpu_ratio = min(r[1] for r in rc) / min(r[1] for r in runs[base])
    spread = [r[0] / b[0] for r, b in zip(rc, runs[base], strict=True)]
    print(f"ratio riskcheck/{base} (the faster baseline): wall {wall_ratio:.2f} (per-run pairs "
          f"{min(spread):.2f}..{max(spread):.2f}), cpu {cpu_ratio:.2f}; target <= 1.5")
    if not args.keep:
        for f in (out_rc, out_pd):
            f.unlink(missing_ok=True)
    return wall_ratio, cpu_ratio


def memory(rows: int, args: argparse.Namespace) -> float:
    """Peak RSS (MB) of one riskcheck run."""
    src = _input(rows, args.seed, args.wanted_share, args.regenerate)
    out = OUT / "out_riskcheck.csv"
    wall, cpu, rss, code = run(_riskcheck(src, out))
    if code:
        raise SystemExit("riskcheck batch failed")
    out.unlink(missing_ok=True)
    print(f"{rows:>12,} rows: peak RSS {rss / 1024:.0f} MB ({wall:.1f} s wall, {cpu:.1f} s cpu)", flush=True)
    return rss / 1024


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ratio-rows", default="300000,1000000", metavar="N,N",
                    help="sizes timed against the pandas baselines (default: %(default)s)")
    ap.add_argument("--memory-rows", default="1000000,10000000", metavar="N,N",
                    help="sizes whose peak memory is compared (default: %(default)s; '' to skip)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--regenerate", action="store_true", help="write the input CSVs again even if they exist")
    ap.add_argument("--keep", action="store_true", help="keep the output files")
    ap.add_argument("--repeat", type=int, default=3, metavar="N",
                    help="alternating runs per size (the fastest of each counts; the spread is printed)")
    ap.add_argument("--wanted-share", type=float, default=None, metavar="F",
                    help="share of rows naming a wanted person (default: all people equally frequent, ~11%%)")
    args = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    sizes = [int(x) for x in args.ratio_rows.split(",") if x.strip()]
    mem_sizes = [int(x) for x in args.memory_rows.split(",") if x.strip()]
    ratios = {n: ratio(n, args) for n in sizes}
    peaks = {}
    if mem_sizes:
        print("\npeak memory (one riskcheck run per size)")
        peaks = {n: memory(n, args) for n in mem_sizes}
    print("\nsummary")
    for n, (w, c) in ratios.items():
        print(f"  ratio at {n:,} rows: {w:.2f} wall, {c:.2f} cpu (target <= 1.5)")
    if len(peaks) >= 2:
        lo, hi = min(peaks), max(peaks)
        print(f"  peak memory {lo:,} rows {peaks[lo]:.0f} MB, {hi:,} rows {peaks[hi]:.0f} MB: "
              f"{100 * (peaks[hi] / peaks[lo] - 1):+.1f}% (target within 10%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
