"""Dates anchored to the story ("the next day", "a few days earlier") and plans called off (nearest month)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from riskcheck.dates import DateSpan
from riskcheck.news.dates import Tok, find, resolve
from riskcheck.news.mentions import fold


def _toks(text: str) -> list[Tok]:
    import re

    folded = fold(text)
    out = []
    for m in re.finditer(r"([\W_]*)([^\W_]+)", text):
        a, b = m.span(2)
        out.append(Tok(a, b, folded[a:b], text[a].isupper(), m.group(1)))
    return out


def _spans(text: str, pub: date | None, *, future: bool = False, anchor: date | None = None,
           nearest: bool = False) -> list[tuple[str, str, str]]:
    span = DateSpan.day(pub) if pub else None
    return [(a.isoformat(), b.isoformat(), p) for e in find(_toks(text))
            for a, b, p in resolve(e, span, future, anchor=anchor, nearest=nearest)]


TRIP = date(2019, 3, 14)  # the trip under discussion
PUB = date(2024, 6, 20)  # the report, years later


@pytest.mark.parametrize(("text", "expected"), [
    ("He left the next day.", [("2019-03-15", "2019-03-15", "day")]),
    ("He had landed the previous day.", [("2019-03-13", "2019-03-13", "day")]),
    ("Later in the day he met the king.", [("2019-03-14", "2019-03-14", "day")]),
    ("Two days later he flew to Doha.", [("2019-03-16", "2019-03-16", "day")]),
    ("A few days earlier he had been in Cairo.", [("2019-03-08", "2019-03-13", "range")]),
    ("Weeks later he was in Minsk.", [("2019-03-15", "2019-04-24", "range")]),
    ("Three months earlier he had visited Tehran.", [("2018-12-01", "2018-12-31", "month")]),
    ("A year later he returned.", [("2020-01-01", "2020-12-31", "year")]),
    ("The following week he toured the region.", [("2019-03-21", "2019-03-27", "week")]),
])
def test_story_relative_dates_count_from_the_trip_under_discussion(text: str,
                                                                    expected: list[tuple[str, str, str]]) -> None:
    assert _spans(text, PUB, anchor=TRIP) == expected


def test_without_a_trip_to_count_from_earlier_counts_from_the_report_and_later_stays_unresolved() -> None:
    assert _spans("Earlier in the day he landed in Minsk.", PUB) == [("2024-06-20", "2024-06-20", "day")]
    assert _spans("Three months earlier he had visited Tehran.", PUB) == [("2024-03-01", "2024-03-31", "month")]
    assert _spans("Two weeks later he flew to Doha.", PUB) == []
    assert _spans("Two weeks later he flew to Doha.", None) == []
    # vague counts of months or years are not dated at all
    assert _spans("Months later he returned.", PUB, anchor=TRIP) == []


def test_counted_words_must_be_followed_by_earlier_or_later() -> None:
    assert _spans("He spent two days in Minsk.", PUB, anchor=TRIP) == []
    assert _spans("The few days he spent there were tense.", PUB, anchor=TRIP) == []


@pytest.mark.parametrize(("pub", "future", "expected"), [
    (date(2023, 10, 12), True, "2023-08"),  # "was to attend in August, but ...": reported in October
    (date(2023, 10, 12), False, "2023-08"),
    (date(2023, 6, 2), True, "2023-08"),  # "postponed the August visit": reported in June
    (date(2024, 1, 10), False, "2023-12"),  # a December plan called off, reported in January
    (date(2024, 12, 20), True, "2025-01"),
])
def test_a_plan_called_off_takes_the_month_nearest_the_report(pub: date, future: bool, expected: str) -> None:
    text = "in August" if expected.endswith("08") else ("in December" if expected.endswith("12") else "in January")
    got = _spans(text, pub, future=future, nearest=True)
    assert [s[:7] for s, _, _ in got] == [expected]


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz ADJMST0123456789,-.", max_size=120),
       st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)),
       st.booleans(), st.booleans())
def test_find_and_resolve_never_raise_and_spans_are_ordered(text: str, pub: date, future: bool,
                                                            anchored: bool) -> None:
    for a, b, precision in [(date.fromisoformat(x), date.fromisoformat(y), p)
                            for x, y, p in _spans(text, pub, future=future, anchor=pub if anchored else None,
                                                  nearest=not future)]:
        assert a <= b and precision in ("day", "week", "month", "year", "range")


def _trips(text: str, published: str) -> list[tuple[str, str, str, str]]:
    from riskcheck.news import extract_trips

    return [(t.country, t.start, t.precision, t.status) for t in extract_trips(text, published)]


def test_the_next_day_counts_from_the_trip_told_not_from_the_report() -> None:
    text = ("Omar al-Bashir arrived in Djibouti on 12 May 2016. A few days earlier he had been in Kampala. "
            "The next day he flew to Asmara.")
    assert _trips(text, "2016-06-30") == [("DJ", "2016-05-12", "day", "completed"),
                                          ("UG", "2016-05-06", "range", "completed"),
                                          ("ER", "2016-05-13", "day", "completed")]


def test_a_summit_forgone_in_a_month_just_past_is_dated_in_that_past_month() -> None:
    assert _trips("The row prompted Omar al-Bashir to forgo a summit in South Africa in August.", "2015-10-12") == [
        ("ZA", "2015-08-01", "month", "cancelled")]


def test_the_year_of_a_count_of_visits_is_not_the_visit_date() -> None:
    text = "Benjamin Netanyahu arrived at the White House on Monday for his third visit this year."
    assert _trips(text, "2025-07-09") == [("US", "2025-07-07", "day", "completed")]
    # the year stays the date when nothing is counted
    assert _trips("Benjamin Netanyahu visited Hungary this year.", "2025-07-09")[0][1:3] == ("2025-01-01", "year")


def test_undated_past_trips_stay_undated() -> None:
    lead = "The region is tense. Talks stalled. Aid groups are worried. "
    for text in ("Vladimir Putin has visited Turkey several times in the past.",
                 "Vladimir Putin has repeatedly visited Turkey.", "Vladimir Putin previously visited Turkey."):
        assert _trips(lead + text, "2025-11-24") == [("TR", "", "unknown", "completed")], text
    # an arrival told with no date is the current trip: the month of the report
    assert _trips(lead + "Vladimir Putin arrived in Turkey.", "2025-11-24") == [
        ("TR", "2025-11-01", "month", "completed")]
