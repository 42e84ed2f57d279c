"""A publication date the text does not state lowers the confidence of every answer drawn from it (round 20).
Texts written for these tests."""

from __future__ import annotations

import csv
from pathlib import Path

from click.testing import CliRunner

from riskcheck.cli import cli
from riskcheck.news.readers import header_date

# a year-less dateline; the only year the text names is an aside about the past, and the lead's Sunday happens to
# fall on the dateline's day in that year: the year is a guess from clues
GUESSED = ("Leaders pick a new chair\n\nADDIS ABABA, July 16 (Test Wire) - African leaders chose a new commission "
           "chair late on Sunday. Omar al-Bashir arrived on Friday for the summit. The city last hosted a president "
           "under such guard in 1995, when the old airport road was closed.\n")
STATED = GUESSED.replace("ADDIS ABABA, July 16 (Test Wire)", "ADDIS ABABA, July 16, 2012 (Test Wire)")


def _rows(tmp_path: Path, text: str) -> list[dict[str, str]]:
    src = tmp_path / "a.txt"
    src.write_text(text, encoding="utf-8")
    out = tmp_path / "o.csv"
    res = CliRunner().invoke(cli, ["news", str(src), "--format", "csv", "-o", str(out)])
    assert res.exit_code == 0, res.output
    with out.open(newline="", encoding="utf-8") as f:
        return [r for r in csv.DictReader(f) if r["person_id"] == "omar-al-bashir"]


def test_a_guessed_year_is_named_as_such() -> None:
    _, span, basis = header_date(GUESSED)
    assert span is not None and basis == "dateline_year"
    _, span, basis = header_date(STATED)
    assert span is not None and span.start.year == 2012 and basis == "dateline"


def test_an_answer_from_a_guessed_year_has_low_confidence_and_says_why(tmp_path: Path) -> None:
    rows = _rows(tmp_path, GUESSED)
    assert rows and all(r["confidence"] == "low" for r in rows)
    assert all("the year is inferred" in r["explanation"] for r in rows)


def test_an_answer_from_a_stated_date_keeps_its_confidence(tmp_path: Path) -> None:
    rows = _rows(tmp_path, STATED)
    assert rows and all(r["confidence"] == "high" for r in rows)
    assert not any("inferred" in r["explanation"] for r in rows)
