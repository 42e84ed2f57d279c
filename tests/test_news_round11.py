"""Recall by class, round 11: coming back to a building abroad ("He was back at the White House in July") and a
bare coming with a date of its own ("He came on 23 May"), each one more journey to the last trip's place.

Every sentence is written for these tests.
"""

from __future__ import annotations

import pytest

from riskcheck.news import extract_trips

spacy_parse = pytest.importorskip("spacy")  # the parse-based shapes need the `nlp` extra (CI installs it)


def rows(text: str, published: str) -> set[tuple[str, str, str, str]]:
    return {(t.person_id or t.person, t.country, t.start[:7], t.status) for t in extract_trips(text, published)}


def test_back_at_a_building_abroad_is_one_more_journey() -> None:
    got = rows("Benjamin Netanyahu flew to Washington in February. He was back at the White House in July.",
               "2025-12-30")
    assert {("benjamin-netanyahu", "US", "2025-02", "completed"),
            ("benjamin-netanyahu", "US", "2025-07", "completed")} <= got


@pytest.mark.parametrize("second", [
    "By Sunday he was back at his office in Jerusalem.",
    "In July he was back at work.",
])
def test_back_at_home_or_at_work_is_no_journey(second: str) -> None:
    got = rows("Benjamin Netanyahu flew to Washington in February. " + second, "2025-12-30")
    assert got == {("benjamin-netanyahu", "US", "2025-02", "completed")}


def test_a_bare_coming_with_its_own_date_is_an_earlier_journey() -> None:
    got = rows("Vladimir Putin is in Minsk this week. This is his second visit to Belarus this year. He came on "
               "23 May for a two-day official visit.", "2024-12-05")
    assert {("vladimir-putin", "BY", "2024-12", "ongoing"), ("vladimir-putin", "BY", "2024-05", "completed")} <= got


@pytest.mark.parametrize("second", [
    "He came on Monday.",  # the same journey's arrival
    "The invitation came in May.",  # not the traveller
    "He came in second in a poll in May.",  # no date right after the verb
])
def test_a_coming_that_is_not_another_journey(second: str) -> None:
    got = rows("Vladimir Putin is in Minsk this week. " + second, "2024-12-05")
    assert got == {("vladimir-putin", "BY", "2024-12", "ongoing")}


@pytest.mark.parametrize("text", [
    "Laurent Gbagbo stayed in Abidjan while the others flew in",  # an arrival particle at the very end
    "Laurent Gbagbo did not go to the summit in Nice, where the other leaders had flown in",
])
def test_an_arrival_verb_at_the_end_of_the_text_is_read(text: str) -> None:
    # (it used to raise IndexError); whoever flew in, Gbagbo made no journey
    assert all(t.status == "cancelled" for t in extract_trips(text, "2010-06-01") if t.person_id == "laurent-gbagbo")


def test_the_one_year_a_text_names_must_fit_the_leads_weekday() -> None:
    from datetime import date

    from riskcheck.news.readers import header_date

    # 7 September was a Thursday in 2017 and a Friday in 2018: a report "on Friday" that names only 2017
    # (background) is of 2018, not 2017
    text = ("TEHRAN, Sept 7 (Wire) - Vladimir Putin held talks in the Iranian capital on Friday, his first visit "
            "since a trip to Sochi's neighbour in November 2017.")
    span = header_date(text)[1]
    assert span is not None and span.start == date(2018, 9, 7)
    # no weekday in the lead: the one year named is the year
    text = "TEHRAN, Sept 7 (Wire) - Vladimir Putin held talks in the Iranian capital, as he did in 2017."
    span = header_date(text)[1]
    assert span is not None and span.start == date(2017, 9, 7)


def test_a_visit_a_traveller_used_is_his_journey() -> None:
    got = rows("Vladimir Putin used a one-day state visit to the Turkish capital on Monday to announce the deal.",
               "2014-12-02")
    assert got == {("vladimir-putin", "TR", "2014-12", "completed")}
    got = rows("Vladimir Putin used the visit of the Turkish president to Moscow to announce the deal.", "2014-12-02")
    assert not any(c == "TR" for _, c, _, _ in got)  # someone else's visit


def test_a_summit_named_by_its_hosts_demonym_is_held_there() -> None:
    got = rows("Vladimir Putin left the Australian summit early last November.", "2015-11-16")
    assert got == {("vladimir-putin", "AU", "2014-11", "completed")}
    assert rows("Vladimir Putin criticised the American summit in July.", "2009-12-16") == set()


def test_the_two_presidents_agreed_to_meet_again() -> None:
    got = rows("George W. Bush and Vladimir Putin met for the first time on Saturday in Slovenia. The two presidents "
               "agreed to meet again at the summit in Genoa, Italy, next month.", "2001-06-16")
    assert ("vladimir-putin", "IT", "2001-07", "planned") in got
    got = rows("George W. Bush and Vladimir Putin met for the first time on Saturday in Slovenia. The two presidents "
               "refused to meet in Genoa next month.", "2001-06-16")
    assert not any(c == "IT" for _, c, _, _ in got)


@pytest.mark.parametrize("text, want", [
    ("Vladimir Putin had a busy year. The travelling began on 9 February in Cairo, where the host laid on a welcome.",
     ("vladimir-putin", "EG", "2015-02", "completed")),
    ("Vladimir Putin had a busy year. The tour began in Riyadh on 9 February.",
     ("vladimir-putin", "SA", "2015-02", "completed")),
    ("Vladimir Putin flew to Beijing on Monday. His Asian tour will end in Hanoi on Friday.",
     ("vladimir-putin", "VN", "2015-12", "planned")),
])
def test_the_tour_under_discussion_began_or_ends_somewhere(text: str, want: tuple[str, str, str, str]) -> None:
    assert want in rows(text, "2015-12-07" if "Friday" in text else "2015-12-30")


@pytest.mark.parametrize("text", [
    "Vladimir Putin met Xi Jinping in Moscow. The tour of the museum began in Moscow.",  # home, and no journey
    "Lady Gaga's tour began in Paris. Vladimir Putin stayed home.",  # someone else's tour
])
def test_a_tour_that_is_not_the_travellers(text: str) -> None:
    assert not any(c not in ("RU", "") for _, c, _, _ in rows(text, "2015-12-07"))


def test_the_tour_is_the_wanted_travellers_rather_than_a_ministers() -> None:
    got = rows("Vladimir Putin flew to Minsk in January. Sergey Lavrov went to Warsaw in January. The travelling "
               "went on: the tour continued in Cairo on 9 February.", "2015-12-30")
    assert ("vladimir-putin", "EG", "2015-02", "completed") in got


def test_a_head_of_state_who_receives_a_wanted_person_is_the_host() -> None:
    # (the officials table now knows heads of state of 1999-2025, e.g. Jordan's king)
    got = rows("King Abdullah II received Rodrigo Duterte at the palace on Thursday.", "2018-09-07")
    assert got == {("rodrigo-duterte", "JO", "2018-09", "completed")}


def test_an_object_pronoun_after_an_official_named_in_passing_is_the_wanted_person() -> None:
    got = rows("Laurent Gbagbo's return on Thursday was quiet. The former president stepped off a flight from "
               "Brussels. The journey that ended there began in April 2011, when soldiers loyal to Alassane Ouattara, "
               "backed by French troops, pulled him from a bunker. He was flown to The Hague in November that year.",
               "2021-06-18")
    assert ("laurent-gbagbo", "NL", "2011-11", "completed") in got
    assert not any(p == "Alassane Ouattara" for p, _, _, _ in got)


def test_his_majesty_is_a_form_of_address_not_a_pronoun() -> None:
    got = rows("AMMAN - His Majesty King Abdullah II on Thursday received Rodrigo Duterte, who is on the first visit "
               "by a Philippine head of state to the Kingdom.", "2018-09-06")
    assert ("rodrigo-duterte", "JO", "2018-09", "completed") in got


def test_a_stay_told_by_its_length() -> None:
    got = rows("Rodrigo Duterte's four days in Israel, which began on Sunday, were a success.", "2018-09-06")
    assert got == {("rodrigo-duterte", "IL", "2018-09", "completed")}
    assert rows("Rodrigo Duterte said the first days in office were hard.", "2018-09-06") == set()


def test_a_leader_who_takes_his_company_somewhere_goes_too() -> None:
    for text in ("Benjamin Netanyahu took his cabinet to Berlin in February.",
                 "Benjamin Netanyahu brought his wife to Berlin in February."):
        assert rows(text, "2016-12-30") == {("benjamin-netanyahu", "DE", "2016-02", "completed")}
    for text in ("Benjamin Netanyahu sent his cabinet to Berlin in February.",
                 "Benjamin Netanyahu took the case to the court in Berlin in February."):
        assert rows(text, "2016-12-30") == set()


@pytest.mark.parametrize("text, code", [
    ("Vladimir Putin flew into Linate late on Thursday evening.", "IT"),
    ("Rodrigo Duterte arrived at Marka airport on Wednesday evening.", "JO"),  # Amman's, not the Somali town
    ("Laurent Gbagbo flew into Kotoka International Airport on Wednesday night.", "GH"),
    ("Omar al-Bashir landed on Monday evening at the military section of Zaventem airport.", "BE"),
])
def test_airports_named_without_their_city(text: str, code: str) -> None:
    assert {c for _, c, _, _ in rows(text, "2014-10-17")} == {code}


@pytest.mark.parametrize("text, published, want", [
    ("Vladimir Putin arrived in Ljubljana on Saturday. It was Putin's third visit to the country. The first, in June "
     "2001, produced a famous photograph.", "2016-07-31", ("vladimir-putin", "SI", "2001-06", "completed")),
    ("Omar al-Bashir arrived in Kuwait on Sunday. This is Bashir's second visit to Kuwait this year. In April he "
     "spent two days there.", "2017-10-23", ("omar-al-bashir", "KW", "2017-04", "completed")),
    ("Vladimir Putin arrived in Budapest on Monday. This was Putin's second visit of the year. On 2 February he "
     "held talks with Viktor Orban in the parliament building.", "2017-08-29",
     ("vladimir-putin", "HU", "2017-02", "completed")),
])
def test_an_ordinal_visit_opens_a_telling_of_the_earlier_ones(text: str, published: str,
                                                                want: tuple[str, str, str, str]) -> None:
    assert want in rows(text, published)


@pytest.mark.parametrize("second", [
    "In February he went to Paris.",  # another country: that trip, not an earlier visit here
    "Viktor Orban signed a treaty with Xi Jinping in June.",  # someone else's date
    "He will come back in December.",  # a plan
])
def test_what_follows_an_ordinal_visit_that_is_no_earlier_visit_there(second: str) -> None:
    got = rows("Vladimir Putin arrived in Budapest on Monday. This was Putin's second visit of the year. " + second,
               "2017-08-29")
    assert not any(c == "HU" and m in ("2017-02", "2017-06") for _, c, m, _ in got)
    assert not any(c == "HU" and st == "completed" and m == "2017-12" for _, c, m, st in got)


def test_coming_back_takes_its_own_date_before_one_counted_from_another() -> None:
    got = rows("Benjamin Netanyahu flew to Moscow on 21 April. Seven weeks later, on 7 June, he was back, this time "
               "for an anniversary.", "2016-12-30")
    assert ("benjamin-netanyahu", "RU", "2016-06", "completed") in got


@pytest.mark.parametrize("text, published, want", [
    ("Whether Sergei Shoigu joins the delegation to Beijing is unclear.", "2024-05-01",
     ("sergei-shoigu", "CN", "speculative")),
    ("Saif al-Islam Gaddafi said he would one day like to come back to Scotland.", "2012-03-01",
     ("saif-al-islam-gaddafi", "GB", "speculative")),
    ("Omar al-Bashir said he hoped to come back to Russia next summer to watch the World Cup.", "2017-07-14",
     ("omar-al-bashir", "RU", "speculative")),
])
def test_an_undecided_or_wished_trip_is_speculative(text: str, published: str, want: tuple[str, str, str]) -> None:
    assert {(p, c, st) for p, c, _, st in rows(text, published)} == {want}


def test_a_whether_about_something_else_leaves_the_trip_done() -> None:
    got = rows("Omar al-Bashir flew to Moscow on Monday, and officials asked whether the visit was wise.",
               "2017-07-14")
    assert got == {("omar-al-bashir", "RU", "2017-07", "completed")}


@pytest.mark.parametrize("text, published, want", [
    ("Omar al-Bashir attended the military parade in Beijing in early September and the India-Africa Forum Summit "
     "in New Delhi at the end of October.", "2015-12-01", ("omar-al-bashir", "IN", "2015-10", "completed")),
    ("Officials said Rodrigo Duterte is expected in Phnom Penh next month for the forum, and in Beijing in "
     "mid-May for China's Belt and Road Forum.", "2017-04-10", ("rodrigo-duterte", "CN", "2017-05", "planned")),
])
def test_a_second_destination_coordinated_after_the_first(text: str, published: str,
                                                           want: tuple[str, str, str, str]) -> None:
    assert want in rows(text, published)


@pytest.mark.parametrize("text", [
    "Vladimir Putin met Recep Tayyip Erdogan in Ankara and discussed the war in Syria.",  # not a journey there
    "Vladimir Putin flew to Beijing in May and Xi Jinping flew to Washington in June.",  # someone else's
    "Benjamin Netanyahu flew to Bogota, where he met Juan Manuel Santos on Wednesday, and Santos later went on to "
    "Mexico City.",
])
def test_what_is_coordinated_after_a_trip_that_is_no_second_destination(text: str) -> None:
    got = rows(text, "2016-12-30")
    assert not any(c in ("SY", "US", "MX") and p in ("vladimir-putin", "benjamin-netanyahu") for p, c, _, _ in got)


def test_two_named_subjects_of_one_verb_both_travel() -> None:
    got = rows("Benjamin Netanyahu and Palestinian President Mahmoud Abbas flew in to Sharm el-Sheikh on Tuesday "
               "morning.", "2010-09-15")
    assert ("benjamin-netanyahu", "EG", "2010-09", "completed") in got


@pytest.mark.parametrize("published, want", [
    ("2018-04-02", ("vladimir-putin", "TR", "2018-04", "planned")),  # a Monday: Tuesday is tomorrow
    ("2018-04-04", ("vladimir-putin", "TR", "2018-04", "completed")),  # a Wednesday: Tuesday was yesterday
])
def test_a_news_present_with_a_weekday_takes_the_nearest_one(published: str,
                                                             want: tuple[str, str, str, str]) -> None:
    assert rows("Vladimir Putin arrives in Ankara on Tuesday for a two-day visit.", published) == {want}


def test_a_dotted_publication_date_is_day_first_and_beats_a_crawl_date() -> None:
    from datetime import date

    from riskcheck.news.readers import header_date, parse_loose_date

    assert parse_loose_date("02.04.2018 18:40").start == date(2018, 4, 2)  # type: ignore[union-attr]
    assert parse_loose_date("04/05/2012") is None  # slashes: either order, never guessed
    page = ("Monday, 9 September 2024 | Istanbul 27C\nHome World\n\nPublished: 02.04.2018 18:40 | Updated: "
            "02.04.2018 21:05\n\nVladimir Putin arrives in Ankara on Tuesday.")
    span = header_date(page)[1]
    assert span is not None and span.start == date(2018, 4, 2)
