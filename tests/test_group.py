"""Trips across articles: ``group_trips`` and ``riskcheck news --group trips``."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

import riskcheck
from riskcheck.cli import cli
from riskcheck.group import GROUP_COLUMNS, group_trips


def rep(source: str, published: str, start: str, end: str, precision: str, status: str,
        country: str = "MN", person_id: str = "vladimir-putin", event: str = "", span: str = "0-10") -> dict[str, str]:
    return {"source": source, "published": published, "person_id": person_id,
            "person": "Vladimir Vladimirovich Putin" if person_id else "Jane Doe", "mention": "Putin",
            "country": country, "city": "", "start": start, "end": end, "precision": precision,
            "status": status, "event": event, "evidence": f"{source} says {status}", "span": span}


def test_month_plan_and_day_outcome_are_one_trip() -> None:
    rows = [rep("a", "2024-08-01", "2024-09-01", "2024-09-30", "month", "planned"),
            rep("b", "2024-09-03", "2024-09-03", "2024-09-03", "day", "completed"),
            rep("c", "2024-08-26", "2024-09-02", "2024-09-08", "week", "planned")]
    [t] = group_trips(rows)
    assert (t.start, t.end, t.precision, t.status, t.reports) == ("2024-09-03", "2024-09-03", "day",
                                                                  "completed", 3)
    assert t.sources == ["a", "c", "b"] and (t.first_reported, t.last_reported) == ("2024-08-01", "2024-09-03")
    assert [h["status"] for h in t.history] == ["planned", "planned", "completed"]
    assert (t.obligation, t.basis) == ("yes", "state_party")
    assert "planned (2024-08-01) -> completed (2024-09-03)" in t.explanation
    assert t.evidence == "b says completed"


def test_two_visits_in_different_months_stay_two() -> None:
    rows = [rep("a", "2024-08-01", "2024-09-03", "2024-09-03", "day", "completed"),
            rep("b", "2024-12-01", "2024-12-10", "2024-12-10", "day", "planned")]
    assert [t.start for t in group_trips(rows, evaluate=False)] == ["2024-09-03", "2024-12-10"]


def test_cancelled_then_planned_again_follows_the_latest() -> None:
    rows = [rep("a", "2024-07-01", "2024-09-01", "2024-09-30", "month", "planned"),
            rep("b", "2024-08-01", "2024-09-01", "2024-09-30", "month", "cancelled"),
            rep("c", "2024-08-20", "2024-09-03", "2024-09-03", "day", "planned")]
    [t] = group_trips(rows)
    assert t.status == "planned"
    assert "planned (2024-07-01) -> cancelled (2024-08-01) -> planned (2024-08-20)" in t.explanation


def test_conflicting_dates_are_shown_not_averaged() -> None:
    rows = [rep("a", "2024-08-01", "2024-09-03", "2024-09-03", "day", "planned"),
            rep("b", "2024-08-02", "2024-09-05", "2024-09-05", "day", "planned")]
    [t] = group_trips(rows)
    assert t.start == "2024-09-05"  # the latest report's, not a mean
    assert "Reports differ on the dates: 2024-09-03, 2024-09-05" in t.explanation


def test_event_and_undated_reports() -> None:
    rows = [rep("a", "2023-07-01", "2023-08-22", "2023-08-24", "range", "planned", country="ZA",
                event="BRICS summit 2023"),
            rep("b", "2023-08-10", "", "", "unknown", "cancelled", country="ZA", event="BRICS summit 2023"),
            rep("c", "2021-01-05", "", "", "unknown", "completed", country="IN")]
    by_country = {t.country: t for t in group_trips(rows)}
    assert by_country["ZA"].reports == 2 and by_country["ZA"].status == "cancelled"
    assert by_country["ZA"].start == "2023-08-22"
    assert by_country["IN"].basis == "date_unknown"


def test_different_people_never_merge() -> None:
    rows = [rep("a", "2024-08-01", "2024-09-03", "2024-09-03", "day", "planned"),
            rep("a", "2024-08-01", "2024-09-03", "2024-09-03", "day", "planned", person_id="")]
    assert len(group_trips(rows, evaluate=False)) == 2


_dates = st.dates(min_value=__import__("datetime").date(2020, 1, 1),
                  max_value=__import__("datetime").date(2026, 12, 31))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(_dates, st.sampled_from(["day", "month", "year", "unknown"]),
                          st.sampled_from(["planned", "completed", "cancelled"]),
                          st.sampled_from(["MN", "CN"])), max_size=12),
       st.randoms(use_true_random=False))
def test_every_report_lands_in_exactly_one_trip_and_ids_are_stable(reports: list, rnd) -> None:  # type: ignore[no-untyped-def]
    rows = []
    for n, (d, prec, status, country) in enumerate(reports):
        if prec == "day":
            start, end = d.isoformat(), d.isoformat()
        elif prec == "month":
            start, end = d.replace(day=1).isoformat(), d.replace(day=28).isoformat()
        elif prec == "year":
            start, end = f"{d.year}-01-01", f"{d.year}-12-31"
        else:
            start = end = ""
        rows.append(rep(f"s{n}", d.isoformat(), start, end, prec, status, country=country, span=f"{n}-{n + 5}"))
    trips = group_trips(rows, evaluate=False)
    assert sum(t.reports for t in trips) == len(rows)
    assert sorted(h["source"] for t in trips for h in t.history) == sorted(r["source"] for r in rows)
    shuffled = rows[:]
    rnd.shuffle(shuffled)
    again = group_trips(shuffled, evaluate=False)
    assert sorted(t.trip_id for t in again) == sorted(t.trip_id for t in trips)
    assert len({t.trip_id for t in trips}) == len(trips)


def test_public_name_and_to_row_order() -> None:
    [t] = riskcheck.group_trips([rep("a", "2024-08-01", "2024-09-03", "2024-09-03", "day", "planned")])
    assert list(t.to_row()) == GROUP_COLUMNS


def test_cli_group_trips(tmp_path: Path) -> None:
    (tmp_path / "1.txt").write_text(" date 2024-08-01 Vladimir Putin will visit Mongolia in September.\n")
    (tmp_path / "2.txt").write_text(" date 2024-09-03 Vladimir Putin arrived in Mongolia on Tuesday.\n")
    (tmp_path / "3.txt").write_text(" date 2024-11-01 Vladimir Putin visited Mongolia in December 2023.\n")
    res = CliRunner().invoke(cli, ["news", str(tmp_path), "--group", "trips", "--format", "csv"])
    assert res.exit_code == 0, res.stderr
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert list(rows[0]) == GROUP_COLUMNS
    assert [(r["start"], r["status"], r["reports"]) for r in rows] == [
        ("2023-12-01", "completed", "1"), ("2024-09-03", "completed", "2")]
    assert rows[1]["sources"] == f"{tmp_path / '1.txt'};{tmp_path / '2.txt'}"
    again = CliRunner().invoke(cli, ["news", str(tmp_path), "--group", "trips", "--format", "csv"])
    assert again.stdout == res.stdout  # stable ids
