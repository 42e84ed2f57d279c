#!/usr/bin/env python3
"""Measure trip grouping (``riskcheck news --group trips``) against the hand annotations.

Usage:
    python scripts/measure_grouping.py [GOLD_DIR ...] [--verbose]

Default GOLD_DIRs: ``../shared/news-dev`` and ``../shared/news-dev2`` beside the checkout (or /work/shared).
Their articles are extracted as ``riskcheck news`` does, all reports are grouped together, and the grouped
rows of wanted people (a ``person_id``) are compared with the annotated journeys of people with a warrant
record (not optional), each journey being a unique (traveller, country, month) -- or year, for a trip
annotated at year precision; journeys with no date are left out.

Figures:
- ``reports``: the ungrouped rows, by the same key: what the extractor finds (its misses are not grouping's).
- ``grouped``: trip-level precision and recall of the grouped rows.
- ``split``: journeys that more than one grouped row claims (a grouping error).
- ``merged``: grouped rows whose reports match two or more annotated journeys (a grouping error).
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def _shared() -> Path:
    for cand in (ROOT.parent / "shared", ROOT.parent.parent / "shared", Path("/work/shared")):
        if (cand / "eval" / "score_trips.py").is_file():
            return cand
    sys.exit("measure_grouping: cannot find ../shared (pass GOLD_DIRs)")


def _scorer(shared: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_trips", shared / "eval" / "score_trips.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _reports(folder: Path) -> list[dict[str, str]]:
    from riskcheck.news import extract_trips
    from riskcheck.news.readers import Article, iter_inputs
    from riskcheck.ruleset import load_ruleset

    rs = load_ruleset()
    rows: list[dict[str, str]] = []
    for item in iter_inputs([str(folder / "articles")]):
        if not isinstance(item, Article):
            continue
        for t in extract_trips(item.text, item.published, ruleset=rs):
            rows.append({"source": item.source, "published": str(item.published) if item.published else "",
                         "person_id": t.person_id, "person": t.person, "mention": t.mention,
                         "country": t.country, "city": t.city, "start": t.start, "end": t.end,
                         "precision": t.precision, "status": t.status, "event": t.event,
                         "evidence": t.evidence, "span": f"{t.span[0]}-{t.span[1]}"})
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold_dirs", nargs="*", type=Path)
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    shared = _shared()
    dirs: list[Path] = args.gold_dirs or [shared / "news-dev", shared / "news-dev2"]
    sc = _scorer(shared)

    from riskcheck.group import group_trips

    gold: list[dict[str, str]] = []
    reports: list[dict[str, str]] = []
    for d in dirs:
        with (d / "gold_trips.csv").open(newline="", encoding="utf-8-sig") as f:
            gold.extend(csv.DictReader(f))
        reports.extend(_reports(d))
    wanted_gold = [g for g in gold if g["has_warrant_record"].strip() == "yes"]

    def gkey(g: dict[str, str]) -> tuple[str, str, str]:
        return (g["traveler"], g["destination_iso2"], sc.date_key(g["start"], g["date_precision"]))

    journeys = {gkey(g): g["date_precision"] for g in wanted_gold
                if g["optional"].strip() != "yes" and g["start"].strip()}
    # a journey annotated at year precision in one article and by month in another is one journey
    for k in [k for k in journeys if len(k[2]) == 4]:
        if any(o[:2] == k[:2] and o[2][:4] == k[2] and len(o[2]) > 4 for o in journeys):
            del journeys[k]
    optional = {gkey(g) for g in wanted_gold if g["optional"].strip() == "yes" and g["start"].strip()}

    def keys_of(row: Any) -> set[tuple[str, str, str]]:
        """The annotated journeys a row's (person, country, month-or-year) is."""
        person, pid, country, start, precision = (
            (row["person"], row["person_id"], row["country"], row["start"], row["precision"])
            if isinstance(row, dict) else (row.person, row.person_id, row.country, row.start, row.precision))
        found = set()
        for (trav, c, when) in list(journeys) + list(optional):
            if precision == "year" and len(when) != 4:
                continue  # "in 2025" is not a month
            if c == country and start and sc.same_person(trav, person, pid):
                prec = journeys.get((trav, c, when), "year" if len(when) == 4 else "month")
                if sc.date_key(start, prec) == when:
                    found.add((trav, c, when))
        return found

    def report_journeys(r: dict[str, str]) -> set[tuple[str, str, str]]:
        """The annotated journeys the report's own article annotates for this person and country."""
        art = sc.article_of(r["source"])
        out = set()
        for g in wanted_gold:
            if (g["article_id"].strip() == art and g["destination_iso2"] == r["country"] and g["start"].strip()
                    and sc.same_person(g["traveler"], r["person"], r["person_id"])):
                out.add(gkey(g))
        if len(out) > 1:  # several annotated trips there in one article: the one whose date it gives
            dated = {k for k in out if r["start"] and sc.date_key(r["start"], "year" if len(k[2]) == 4
                                                                  else "month") == k[2]}
            out = dated if len(dated) == 1 else set()  # ambiguous: not counted
        return out

    wanted_reports = [r for r in reports if r["person_id"]]
    grouped = [t for t in group_trips(reports, evaluate=False) if t.person_id]

    def pr(rows: list[Any]) -> tuple[float, float, int, int, dict[tuple[str, str, str], int]]:
        claims: dict[tuple[str, str, str], int] = {}
        tp = fp = 0
        for row in rows:
            ks = keys_of(row)
            for k in ks:
                claims[k] = claims.get(k, 0) + 1
            if ks & set(journeys):
                tp += 1
            elif not ks:
                fp += 1
        found = sum(1 for k in journeys if k in claims)
        return (tp / (tp + fp) if tp + fp else 0.0, found / len(journeys), tp, fp, claims)

    p0, r0, tp0, fp0, _ = pr(wanted_reports)
    p1, r1, tp1, fp1, claims = pr(grouped)
    split = sorted(k for k, n in claims.items() if n > 1 and k in journeys)
    merged = []
    merged_own = 0  # merged even by the dates the extractor gave each report (not an extraction date error)
    for t in grouped:
        own: set[tuple[str, str, str]] = set()
        for h in t.history:
            own |= keys_of(h) & set(journeys)
        own_months = {k for k in own if len(k[2]) > 4}
        if len(own_months | {k for k in own if len(k[2]) == 4
                             and not any(m[2][:4] == k[2] for m in own_months)}) > 1:
            merged_own += 1
            if args.verbose:
                print(f"  merged (by extracted dates): {t.trip_id} {t.person} {t.country} {sorted(own)}")
        js: set[tuple[str, str, str]] = set()
        for h in t.history:
            js |= report_journeys(h) & set(journeys)
        months = {k for k in js if len(k[2]) > 4}
        js = months | {k for k in js if len(k[2]) == 4 and not any(m[2][:4] == k[2] for m in months)}
        if len(js) > 1:
            merged.append((t, sorted(js)))
    print(f"annotated journeys of wanted people (dated, unique traveller/country/month): {len(journeys)}")
    print(f"reports (ungrouped): {len(wanted_reports)} rows, precision {p0:.3f} recall {r0:.3f} "
          f"(rows tp {tp0} fp {fp0})")
    print(f"grouped trips:       {len(grouped)} rows, precision {p1:.3f} recall {r1:.3f} "
          f"(rows tp {tp1} fp {fp1})")
    print(f"grouping errors: split journeys {len(split)}, merged rows {len(merged)} (by the annotation of each "
          f"report's article), {merged_own} by the dates the extractor gave the reports")
    print(f"recall lost by grouping: {r0 - r1:+.3f}; missed by extraction: "
          f"{sum(1 for k in journeys if not any(k in keys_of(r) for r in wanted_reports))}")
    if args.verbose or split or merged:
        for k in split:
            print("  split:", k, [t.trip_id for t in grouped if k in keys_of(t)])
        for t, names in merged:
            print(f"  merged: {t.trip_id} {t.person} {t.country} {t.start} <- {names}")
            if args.verbose:
                for h in t.history:
                    print(f"     {h['source'][-12:]} {h['published']} {h['start']}..{h['end']} {h['precision']} "
                          f"{h['status']} {h['evidence'][:90]!r}")
    if args.verbose:
        for k in sorted(journeys):
            if k not in claims:
                print("  missed:", k)
    return 0


if __name__ == "__main__":
    sys.exit(main())
