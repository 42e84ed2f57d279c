"""Recall by class, round 12: timelines whose lines leave the year to a heading ("2017" alone on a line, then
"Late October - Manila. ...") or to the report ("February: Washington. ..." in a year review), and undated trips
told inside such a line.

Every sentence is written for these tests.
"""

from __future__ import annotations

import pytest

from riskcheck.dates import DateSpan
from riskcheck.news import extract_trips
from riskcheck.news.readers import blank_stamps

spacy_parse = pytest.importorskip("spacy")  # the pronoun inside a line is read off the parse (CI installs it)


def rows(text: str, published: str) -> set[tuple[str, str, str, str]]:
    return {(t.person_id or t.person, t.country, t.start[:7], t.status) for t in extract_trips(text, published)}


HEADED = """Eight years on the road: where Sergei Shoigu went
Sergei Shoigu travelled a great deal as defence minister. Below, the trips that mattered, from our files.
2017
12 April - Tehran, where Hassan Rouhani receives him for talks on air defence.
Late October - Manila, for a navy review. He flies on to Hanoi for a day.
2019
3-5 June - Cairo, for a security forum.
September - Back in Egypt, this time in Alexandria for a naval review.
"""


def test_a_year_heading_dates_the_lines_under_it() -> None:
    got = rows(HEADED, "2020-01-10")
    assert {("sergei-shoigu", "IR", "2017-04", "completed"), ("sergei-shoigu", "PH", "2017-10", "completed"),
            ("sergei-shoigu", "EG", "2019-06", "completed"), ("sergei-shoigu", "EG", "2019-09", "completed")} <= got
    # a range of days is one trip over those days, not two
    cairo = [t for t in extract_trips(HEADED, "2020-01-10") if t.country == "EG" and t.start.startswith("2019-06")]
    assert [(t.start, t.end) for t in cairo] == [("2019-06-03", "2019-06-05")]


def test_a_pronoun_in_a_timeline_line_is_the_person_of_the_timeline() -> None:
    # "He flies on to Hanoi" comes after Rouhani was the last person named: the line is about Shoigu
    got = rows(HEADED, "2020-01-10")
    assert ("sergei-shoigu", "VN", "2017-10", "completed") in got
    assert not any(r[1] == "VN" and r[0] != "sergei-shoigu" for r in got)


def test_without_a_heading_a_line_takes_the_last_such_month_before_the_report() -> None:
    got = rows(HEADED.replace("2017\n", "").replace("2019\n", ""), "2020-01-10")
    assert ("sergei-shoigu", "IR", "2019-04", "completed") in got
    assert not any(r[2].startswith("2017") for r in got)


REVIEW = """The year on the road: Rodrigo Duterte's 2017
Few presidents travelled as much as Rodrigo Duterte this year, and almost every trip ended in a speech.
April: Riyadh. The president spent three days in the kingdom, meeting workers at a stadium rally.
November: Da Nang. The APEC leaders' week was his busiest. Ronald dela Rosa also flew to Vietnam, as head of security.
March - The Hague. Judges at the court decline to issue a warrant for his arrest.
"""


def test_a_year_review_dates_its_month_lines_by_the_report() -> None:
    got = rows(REVIEW, "2017-12-28")
    assert {("rodrigo-duterte", "SA", "2017-04", "completed"), ("rodrigo-duterte", "VN", "2017-11", "completed")} <= got
    assert not any(r[1] == "NL" for r in got)  # the court's act, not a trip


def test_an_undated_trip_inside_a_dated_line_takes_the_line_date() -> None:
    got = rows(REVIEW, "2017-12-28")
    assert ("ronald-dela-rosa", "VN", "2017-11", "completed") in got
    assert not any(r[0] == "ronald-dela-rosa" and r[2] == "2017-12" for r in got)  # not the report's month


@pytest.mark.parametrize("year", ["2011", " 2011 ", "2011:"])
def test_a_year_alone_on_a_line_is_a_heading_not_a_page_stamp(year: str) -> None:
    text = f"Where he went\n{year}\nLate June - China. He reaches Beijing.\n"
    assert "2011" in blank_stamps(text, DateSpan.day(__import__("datetime").date(2019, 4, 13)))


def test_a_date_alone_on_a_line_is_still_a_page_stamp() -> None:
    text = "Tuesday, September 17, 2024\nThe president left for Astana.\n"
    assert "2024" not in blank_stamps(text)


def test_a_bare_day_of_the_month_is_in_the_month_of_the_trip_just_told() -> None:
    text = ("Sergei Shoigu landed in Havana on 3 March and met the Cuban leadership. Later that month he was in "
            "Caracas, arriving on the 19th for two days of talks.")
    assert ("sergei-shoigu", "VE", "2024-03", "completed") in rows(text, "2024-12-28")


def test_a_bare_day_of_the_month_before_the_trip_just_told_is_not_forced_into_its_month() -> None:
    text = ("Sergei Shoigu landed in Havana on 23 March and met the Cuban leadership. He was in Caracas on the 4th.")
    assert not any(r[1] == "VE" and r[2] == "2024-03" for r in rows(text, "2024-12-28"))


@pytest.mark.parametrize("pact", ["the cooperation agreements", "a border accord", "the peace deal"])
def test_signing_a_pact_in_a_place_is_being_there(pact: str) -> None:
    text = f"Joseph Kony and the mediators signed {pact} in Kinshasa in March."
    assert ("joseph-kony", "CD", "2008-03", "completed") in rows(text, "2008-06-01")


def test_signing_a_decree_at_home_is_no_trip() -> None:
    assert rows("Vladimir Putin signed the agreements in Moscow in March.", "2024-06-01") == set()


def test_a_first_visit_since_a_told_journey_dates_the_earlier_one() -> None:
    text = ("Omar al-Bashir spent a day in Kampala on Friday, his first visit to Uganda since he attended the "
            "swearing-in ceremony on 12 May 2016.")
    got = rows(text, "2017-11-18")
    assert {("omar-al-bashir", "UG", "2017-11", "completed"), ("omar-al-bashir", "UG", "2016-05", "completed")} <= got


def test_a_long_delayed_pact_signed_abroad_is_a_trip_that_happened() -> None:
    got = rows("Benjamin Netanyahu signed a long-delayed trade agreement in Kyiv on Monday.", "2019-08-20")
    assert got == {("benjamin-netanyahu", "UA", "2019-08", "completed")}
    got = rows("Benjamin Netanyahu's visit to Kyiv, planned for Monday, was delayed.", "2019-08-20")
    assert {r[3] for r in got} == {"cancelled"}


def test_since_taking_office_is_no_earlier_journey() -> None:
    text = "Rodrigo Duterte arrived in Jakarta on Thursday, his first visit to Indonesia since he took office in June."
    assert {r[2] for r in rows(text, "2016-09-10") if r[1] == "ID"} == {"2016-09"}
