"""riskcheck news + event knowledge (data/events.csv): a named summit places and dates a trip.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import pytest

from riskcheck.news import extract_trips


def trips(text: str, published: str) -> list[tuple[str, str, str, str, str, str]]:
    return [(t.person, t.country, t.city, t.start, t.end, t.status) for t in extract_trips(text, published)]


def test_series_next_month_gives_the_edition_host_and_days():
    got = trips("President Vladimir Putin will attend the BRICS summit next month.", "2023-07-25")
    assert [(c, city, a, b, st) for _, c, city, a, b, st in got] == \
        [("ZA", "Johannesburg", "2023-08-22", "2023-08-24", "planned")]


def test_series_with_ordinal_or_year_picks_that_edition():
    assert trips("Vladimir Putin will attend the 15th BRICS summit.", "2023-01-05")[0][1:5] == \
        ("ZA", "Johannesburg", "2023-08-22", "2023-08-24")
    got = trips("Vladimir Putin attended the 2016 G20 summit.", "2023-05-01")
    assert got[0][1:6] == ("CN", "Hangzhou", "2016-09-04", "2016-09-05", "completed")


def test_travel_to_a_named_summit_without_a_place():
    got = trips("Vladimir Putin is expected to travel to the SCO summit.", "2024-06-20")
    assert got[0][1:6] == ("KZ", "Astana", "2024-07-03", "2024-07-04", "planned")


def test_summit_in_a_city_gives_its_country():
    got = trips("Chinese President Xi Jinping will travel to the summit in Kazan later this month.", "2024-10-02")
    assert [(p, c, st) for p, c, _, _, _, st in got] == [("Xi Jinping", "RU", "planned")]


def test_series_named_with_its_city_dates_the_trip():
    got = trips("Chinese President Xi Jinping flew to Kazan for the BRICS summit.", "2024-10-23")
    assert got[0][1:5] == ("RU", "Kazan", "2024-10-22", "2024-10-24")


def test_inauguration_of_a_president_is_in_his_country():
    got = trips("Vladimir Putin will attend the inauguration of Kenyan President William Ruto next week.",
                "2022-09-05")
    assert [(c, city, st) for _, c, city, _, _, st in got] == [("KE", "Nairobi", "planned")]


@pytest.mark.parametrize("text, published", [
    # no edition near the text's date in the data: no guessed host
    ("Benjamin Netanyahu attended the Belt and Road Forum.", "2021-06-01"),
    # the text's own day is not the edition's
    ("Omar al-Bashir will attend the African Union summit on Sunday.", "2013-07-10"),
    # an online gathering: nobody travels to its host
    ("Vladimir Putin joined the virtual G20 summit on Wednesday.", "2023-11-22"),
    # a series named as a group is no gathering
    ("G20 members criticised the plan. Benjamin Netanyahu will attend.", "2024-05-01"),
])
def test_no_trip_without_a_sure_edition(text: str, published: str):
    assert trips(text, published) == []


def test_the_text_date_wins_over_a_far_edition_and_host_named_after():
    got = trips("Vladimir Putin met with the Kyrgyz President Sadyr Zhaparov and will attend the CIS summit "
                "on Friday, hosted by Kyrgyzstan.", "2023-10-12")
    assert [(p, c, a, st) for p, c, _, a, _, st in got] == \
        [("Vladimir Vladimirovich Putin", "KG", "2023-10-13", "planned")]


def test_a_summit_long_past_is_not_the_one_skipped_now():
    text = ("Leaders will gather in Johannesburg this weekend for the G20 summit. Two years ago the city hosted "
            "the BRICS summit in Johannesburg. Vladimir Putin said he would skip the gathering.")
    got = trips(text, "2025-11-18")
    assert [(c, a[:7], st) for _, c, _, a, _, st in got] == [("ZA", "2025-11", "cancelled")]


def test_attended_by_leaders_from_a_list_is_no_trip_to_those_countries():
    text = "The forum, attended by leaders from Kazakhstan, Belarus and Uzbekistan, opened on Friday in Bishkek."
    assert trips(text, "2023-10-13") == []


def test_relative_clause_subject_is_the_person_before_who():
    text = ("Benjamin Netanyahu was preceded on Thursday by Palestinian President Mahmoud Abbas, who addressed "
            "the UN General Assembly by video.")
    got = trips(text, "2025-09-27")
    assert [(p, c, st) for p, c, _, _, _, st in got] == [("Mahmoud Abbas", "US", "virtual")]
