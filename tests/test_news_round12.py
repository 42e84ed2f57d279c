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


def test_a_title_as_possessor_of_a_meeting_abroad_is_the_traveller() -> None:
    text = ("Omar al-Bashir flew to Cairo on Monday. The trip came a week after the Sudanese president's talks with "
            "Vladimir Putin in Sochi.")
    assert ("omar-al-bashir", "RU", "2017-11", "completed") in rows(text, "2017-11-30")


def test_a_group_as_possessor_gives_nobody_its_journey() -> None:
    text = "Omar al-Bashir flew to Cairo on Monday. The trip was planned after the delegation's visit to Moscow."
    assert not any(r[1] == "RU" for r in rows(text, "2017-11-30"))


@pytest.mark.parametrize("cue", ["fresh from", "straight from"])
def test_fresh_from_an_event_abroad_was_there(cue: str) -> None:
    text = f"Omar al-Bashir, {cue} the China-Africa summit in Beijing, sat through a closed-door session in Abuja."
    assert ("omar-al-bashir", "CN", "2006-11", "completed") in rows(text, "2006-11-30")


def test_a_trip_dated_after_the_travellers_recorded_death_is_a_misreading() -> None:
    text = ("Omar al-Bashir landed in Tripoli on 7 January, his first visit since Muammar Gaddafi was overthrown, and "
            "was met by Mustafa Abdel Jalil, who had himself come to Khartoum in November.")
    got = rows(text, "2012-12-29")
    assert not any(r[0] == "muammar-gaddafi" for r in got)  # he died in October 2011
    # while he lived, the same shape is his trip
    text = "Muammar Gaddafi flew to Khartoum in November."
    assert ("muammar-gaddafi", "SD", "2010-11", "completed") in rows(text, "2010-12-29")


@pytest.mark.parametrize("when", ["that night", "that evening", "later that night"])
def test_that_night_is_the_day_of_the_trip_under_discussion(when: str) -> None:
    text = f"Benjamin Netanyahu arrived in Ottawa on 31 May for a visit. He flew home from Ottawa {when}."
    got = rows(text, "2010-12-30")
    assert got == {("benjamin-netanyahu", "CA", "2010-05", "completed")}  # one trip, not a second in December


@pytest.mark.parametrize("left", ["was not part of the delegation that went to",
                                  "was never among the delegates who flew to"])
def test_someone_said_not_to_belong_to_the_group_that_travelled_did_not_go(left: str) -> None:
    assert rows(f"Abdul Hakim Haqqani {left} Doha in June.", "2025-07-10") == set()
    member = left.replace("was not ", "was ").replace("was never ", "was ")
    assert ("abdul-hakim-haqqani", "QA", "2025-06", "completed") in rows(f"Abdul Hakim Haqqani {member} Doha in June.",
                                                                          "2025-07-10")


@pytest.mark.parametrize("topic", ["the Iran agreement", "the Iran nuclear programme"])
def test_a_country_naming_an_agreement_or_programme_is_no_destination(topic: str) -> None:
    text = f"Benjamin Netanyahu toured Europe. Every government he visited still backs {topic}."
    assert not any(r[1] == "IR" for r in rows(text, "2018-12-31"))
    assert ("benjamin-netanyahu", "IR", "2018-12", "completed") in rows("Benjamin Netanyahu flew to Iran.", "2018-12-31")


CHROME = "Home | News | Politics | Contact\nWednesday, December 4, 2019\n\nLeader denies trip\n\n{line}\n\nHe said on Monday he was home.\n"


@pytest.mark.parametrize("line", ["By Staff Writer | Posted 22 Feb 2011, 14:05",
                                  "Posted on 22 February 2011, 18:22 | Author: A. Writer | 2 312 views",
                                  "Posted: 22 February 2011, 03:15 | Last updated: 23 February 2011, 04:02",
                                  "By A. Writer · Published February 22, 2011"])
def test_a_posted_line_with_more_page_chrome_beats_the_crawl_date(line: str) -> None:
    from riskcheck.news.readers import header_date

    _, span, how = header_date(CHROME.format(line=line))
    assert (str(span), how) == ("2011-02-22", "date_line")


def test_a_bar_of_menu_words_is_no_date_line() -> None:
    from riskcheck.news.readers import header_date

    _, span, how = header_date(CHROME.format(line="Home | Date of birth | Contact"))
    assert how != "date_line"


LIFE = """Rodrigo Duterte, a life on the move: the former president's travels, from our archive
Rodrigo Duterte travelled more than any Philippine leader before him. A life in dates:
1996 - Flies to Tokyo for a mayors' conference.
2001 - Visits Jakarta with a city delegation.
MARCH 2016 - SINGAPORE
Campaign fund-raiser at a hotel ballroom.
October 2016 - His spokesman Ernesto Abella flies to Beijing ahead of the state visit.
November 2017 - Ronald dela Rosa, his police chief, flies to Washington.
"""


def test_timeline_lines_with_a_year_alone_or_a_month_in_capitals() -> None:
    got = rows(LIFE, "2019-01-10")
    assert {("rodrigo-duterte", "JP", "1996-01", "completed"), ("rodrigo-duterte", "ID", "2001-01", "completed"),
            ("rodrigo-duterte", "SG", "2016-03", "completed")} <= got


def test_a_timeline_line_about_someone_else_is_not_the_persons_trip() -> None:
    got = rows(LIFE, "2019-01-10")
    assert not any(r[0] == "rodrigo-duterte" and r[1] in ("CN", "US") for r in got)


TOUR = """Netanyahu's year abroad: a European 2019 in four stops
Benjamin Netanyahu travelled to Europe more often this year than in any year since 2009. His trips:
Warsaw, February. Two days at the Middle East conference (13-14 February), with a side meeting on Iran.
Vienna, Prague, Budapest, July. Three capitals in four days to court central European governments.
Paris, November. The peace forum at the Elysee on 12 November. Vladimir Putin had landed the evening before.
"""


def test_paragraphs_headed_by_their_places_and_month_are_trips_to_each_place() -> None:
    got = rows(TOUR, "2019-12-30")
    want = {("benjamin-netanyahu", c, m, "completed") for c, m in
            (("PL", "2019-02"), ("AT", "2019-07"), ("CZ", "2019-07"), ("HU", "2019-07"), ("FR", "2019-11"))}
    assert want <= got


def test_an_arrival_told_without_a_place_is_at_the_paragraphs_place_not_the_datelines() -> None:
    text = "LONDON (Wire) - " + TOUR
    got = rows(text, "2019-12-30")
    assert ("vladimir-putin", "FR", "2019-11", "completed") in got
    assert not any(r[0] == "vladimir-putin" and r[1] == "GB" for r in got)


def test_that_night_after_a_day_in_the_same_sentence_is_that_day() -> None:
    text = ("Rodrigo Duterte flew to Hong Kong in December. He was arrested at Manila's airport on 11 March and flown "
            "to the Netherlands that night.")
    assert ("rodrigo-duterte", "NL", "2025-03", "completed") in rows(text, "2025-12-20")


def test_an_arrival_with_no_place_in_a_sentence_that_told_a_trip_is_that_trip() -> None:
    text = ("RIGA (Wire) - On 10 June Vladimir Putin flew to Rome for talks. The same evening he was received by Pope "
            "Francis in the Apostolic Palace, arriving more than an hour late.")
    got = rows(text, "2015-12-30")
    assert ("vladimir-putin", "VA", "2015-06", "completed") in got
    assert not any(r[1] == "LV" for r in got)  # not the dateline's country
