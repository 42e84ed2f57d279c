"""riskcheck news: trip extraction on our own short articles (not the dev set's text)."""

from __future__ import annotations

from datetime import date

import pytest

from riskcheck.news import Trip, extract_trips
from riskcheck.news.dates import find, resolve
from riskcheck.news.extract import _Sentence
from riskcheck.news.mentions import fold, gazetteer
from riskcheck.news.sentences import split
from riskcheck.ruleset import load_ruleset

# Written for these tests, in the style of a wire report about a leader's travel plans.
REFERENCE = """Vladimir Putin plans to travel to China in October for the Belt and Road Forum, his spokesman \
said on Tuesday. The Russian president had been expected to attend the BRICS summit in South Africa in August, \
but the Kremlin later called off the trip.

Putin last visited Beijing in 2022 for the Winter Olympics. He also went to China in 2017 and 2019 for earlier \
editions of the forum.

Meanwhile, Defence Minister Sergei Shoigu will visit Pyongyang this week for the armistice anniversary."""


def rows(text: str, published: str | None = "2023-07-25") -> list[tuple[str, str, str, str, str]]:
    return [(t.person_id, t.country, t.start, t.precision, t.status) for t in extract_trips(text, published)]


def test_reference_article_rows():
    got = rows(REFERENCE)
    assert got == [
        ("vladimir-putin", "CN", "2023-10-01", "month", "planned"),
        ("vladimir-putin", "ZA", "2023-08-01", "month", "cancelled"),
        ("vladimir-putin", "CN", "2022-01-01", "year", "completed"),
        ("vladimir-putin", "CN", "2017-01-01", "year", "completed"),
        ("vladimir-putin", "CN", "2019-01-01", "year", "completed"),
        ("sergei-shoigu", "KP", "2023-07-24", "week", "planned"),
    ]


def test_reference_article_fields():
    trips = extract_trips(REFERENCE, "2023-07-25")
    za = trips[1]
    assert isinstance(za, Trip)
    assert za.mention == "The Russian president"
    assert REFERENCE[za.span[0]:za.span[1]] == za.evidence
    assert "called off" in za.evidence
    shoigu = trips[-1]
    assert (shoigu.city, shoigu.end) == ("Pyongyang", "2023-07-30")
    # frozen
    with pytest.raises(AttributeError):
        shoigu.country = "RU"  # type: ignore[misc]


def test_pronoun_and_possessive():
    text = ("Omar al-Bashir arrived in Amman on Tuesday for an Arab summit. He is scheduled to fly to Cairo "
            "on Friday. Bashir's visit to Jordan drew protests.")
    got = rows(text, "2017-03-28")
    assert ("omar-al-bashir", "JO", "2017-03-28", "day", "completed") in got
    assert ("omar-al-bashir", "EG", "2017-03-31", "day", "planned") in got
    assert len(got) == 2  # the possessive mention merges with the arrival


@pytest.mark.parametrize(("text", "status"), [
    ("Vladimir Putin will take part in the summit in Johannesburg by video link.", "virtual"),
    ("Vladimir Putin will not attend the summit in Johannesburg.", "cancelled"),
    ("Vladimir Putin may visit Mongolia next month.", "speculative"),
    ("Vladimir Putin is visiting Mongolia.", "ongoing"),
    ("Vladimir Putin visited Mongolia last year.", "completed"),
    ("Vladimir Putin was invited to visit Mongolia.", "invited"),
    ("Vladimir Putin is expected to travel to Mongolia.", "planned"),
    ("Vladimir Putin had planned to visit Mongolia, but the trip was postponed.", "cancelled"),
])
def test_status(text, status):
    trips = extract_trips(text, "2024-08-20")
    assert [t.status for t in trips] == [status]


def test_demonym_government_and_domestic_are_not_trips():
    text = ("The Kremlin said the Russian president would stay in Moscow. Beijing said it welcomed the talks. "
            "Vladimir Putin travelled to Kazan for a forum.")
    assert rows(text, "2024-10-01") == []


def test_non_wanted_official_reported_without_id():
    text = "Turkish President Recep Tayyip Erdogan will travel to Kazan for the summit on October 22."
    trips = extract_trips(text, "2024-10-10")
    assert [(t.person_id, t.person, t.country, t.start) for t in trips] == [
        ("", "Recep Tayyip Erdogan", "RU", "2024-10-22")]


def test_reporting_date_is_not_the_trip_date():
    text = "Vladimir Putin will visit China in October, his aide said on Tuesday."
    assert rows(text) == [("vladimir-putin", "CN", "2023-10-01", "month", "planned")]


def test_without_publication_date_relative_dates_stay_unknown():
    trips = extract_trips("Vladimir Putin will visit China next month.", None)
    assert [(t.country, t.start, t.precision) for t in trips] == [("CN", "", "unknown")]


# ---- dates ------------------------------------------------------------------------------------------


def _dates(text: str, published: date, future: bool) -> list[tuple[str, str, str]]:
    rs = load_ruleset()
    g = gazetteer(rs)
    folded, hits = g.scan(text)
    a, b = split(text)[0]
    s = _Sentence(text, folded, a, b, [])
    out = []
    from riskcheck.dates import DateSpan

    for e in find(s.toks):
        for start, end, precision in resolve(e, DateSpan.day(published), future):
            out.append((start.isoformat(), end.isoformat(), precision))
    return out


@pytest.mark.parametrize(("text", "pub", "future", "expected"), [
    ("in January", date(2023, 11, 5), True, [("2024-01-01", "2024-01-31", "month")]),
    ("in January", date(2023, 11, 5), False, [("2023-01-01", "2023-01-31", "month")]),
    ("in October", date(2023, 7, 25), True, [("2023-10-01", "2023-10-31", "month")]),
    ("on Monday", date(2023, 7, 25), True, [("2023-07-31", "2023-07-31", "day")]),
    ("on Monday", date(2023, 7, 25), False, [("2023-07-24", "2023-07-24", "day")]),
    ("this week", date(2023, 7, 25), True, [("2023-07-24", "2023-07-30", "week")]),
    ("last year", date(2023, 7, 25), False, [("2022-01-01", "2022-12-31", "year")]),
    ("next month", date(2023, 12, 25), True, [("2024-01-01", "2024-01-31", "month")]),
    ("from 22 to 24 August", date(2023, 7, 25), True, [("2023-08-22", "2023-08-24", "range")]),
    ("on July 6-7", date(2025, 7, 1), True, [("2025-07-06", "2025-07-07", "range")]),
    ("on March 11, 2025", date(2025, 9, 1), False, [("2025-03-11", "2025-03-11", "day")]),
    ("in 2017 and 2019", date(2023, 7, 25), False,
     [("2017-01-01", "2017-12-31", "year"), ("2019-01-01", "2019-12-31", "year")]),
    ("five years ago", date(2024, 6, 22), False, [("2019-01-01", "2019-12-31", "year")]),
    ("last fall", date(2024, 6, 10), False, [("2023-09-01", "2023-11-30", "range")]),
])
def test_date_resolution(text, pub, future, expected):
    assert _dates(text, pub, future) == expected


def test_may_is_not_always_a_month():
    assert _dates("He may travel", date(2024, 1, 1), True) == []
    assert _dates("in May", date(2024, 1, 1), True) == [("2024-05-01", "2024-05-31", "month")]


def test_fold_keeps_offsets():
    text = "Kim Jong-Un’s visit to Pyongyang — Ülan"
    assert len(fold(text)) == len(text)
    assert fold(text).startswith("kim jong un s visit")


def test_sentences_keep_abbreviations_and_split_glued_text():
    text = "U.S. President Joe Biden met Mr. Smith. The UAE welcomed him.Putin landed later."
    got = [text[a:b] for a, b in split(text)]
    assert got == ["U.S. President Joe Biden met Mr. Smith.", "The UAE welcomed him.", "Putin landed later."]
