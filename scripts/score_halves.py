"""Score a ``riskcheck news --format csv`` output on the even and the odd article ids of a gold set separately.

Tune on one half (even ids), keep the other (odd ids) as a check that a change generalises::

    python scripts/score_halves.py out.csv ../shared/news-dev2 [--verbose] [--half even|odd|both]

The scoring itself is the owners' ``eval/score_trips.py`` (found beside the gold folder), applied to the
gold rows and output rows of one half at a time.
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import sys
from pathlib import Path
from types import ModuleType


def _scorer(gold_dir: Path) -> ModuleType:
    path = gold_dir.resolve().parent / "eval" / "score_trips.py"
    spec = importlib.util.spec_from_file_location("score_trips", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"score_halves: no scorer at {path}")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _is_even(article: str) -> bool | None:
    digits = "".join(c for c in article if c.isdigit())
    return int(digits) % 2 == 0 if digits else None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("predicted", type=Path)
    ap.add_argument("gold_dir", type=Path)
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--half", choices=["even", "odd", "both"], default="both")
    args = ap.parse_args()
    st = _scorer(args.gold_dir)
    with args.predicted.open(newline="", encoding="utf-8") as f:
        preds = list(csv.DictReader(f))
    with (args.gold_dir / "gold_trips.csv").open(newline="", encoding="utf-8-sig") as f:
        golds = list(csv.DictReader(f))
    halves = ["even", "odd"] if args.half == "both" else [args.half]
    for half in halves:
        want = half == "even"
        g = [r for r in golds if _is_even(r["article_id"].strip()) is want]
        p = [r for r in preds if _is_even(st.article_of(r.get("source", ""))) is want]
        s, problems = st.score(p, g)
        if args.verbose:
            print("\n".join(problems))
        pw = st.ratio(s["tp_w"], s["tp_w"] + s["fp_w"])
        rw = st.ratio(s["tp_w"], s["tp_w"] + s["fn_w"])
        status = st.ratio(s["status_ok_lenient"], s["status_n"])
        dates = st.ratio(s["date_ok"], s["date_n"])
        print(f"{half:4}: precision={pw:.3f} recall={rw:.3f} status={status:.3f} (n {s['status_n']}) "
              f"date={dates:.3f} (n {s['date_n']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
