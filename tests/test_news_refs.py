"""riskcheck news: destinations listed far from the verb and places pointed back to (sentences written here)."""

from __future__ import annotations

from riskcheck.news import extract_trips


def trips(text: str, published: str) -> list[tuple[str, str, str, str]]:
    return [(t.person_id, t.country, t.start[:4], t.status) for t in extract_trips(text, published)]


def test_destination_list_after_including_or_such_as():
    got = trips("Vladimir Putin has visited several countries this year, among them close allies such as Armenia, "
                "Belarus and Iran.", "2023-10-12")
    assert {(c, st) for _, c, _, st in got} == {("AM", "completed"), ("BY", "completed"), ("IR", "completed")}
    got = trips("Last year Benjamin Netanyahu visited a number of countries, including the UK.", "2024-09-03")
    assert [(c, y) for _, c, y, _ in got] == [("GB", "2023")]


def test_including_without_a_place_noun_is_not_a_destination_list():
    # "including" lists topics here, not the countries visited
    got = trips("Vladimir Putin visited Minsk on Friday to discuss several issues, including Iran and Syria.",
                "2023-10-12")
    assert [c for _, c, _, _ in got] == ["BY"]


def test_the_country_points_back_to_the_trip_just_reported():
    got = trips("Omar al-Bashir arrived in China on Tuesday. He last visited the country in 2006.", "2011-06-29")
    assert [(c, y) for _, c, y, _ in got] == [("CN", "2011"), ("CN", "2006")]


def test_bare_visit_goes_to_the_country_the_sentence_is_about():
    got = trips("South Africa, an ICC member, did not arrest Omar al-Bashir when he visited in 2015.", "2024-09-03")
    assert got == [("omar-al-bashir", "ZA", "2015", "completed")]


def test_ordinal_to_visit_the_country_is_not_the_trip_just_reported():
    text = ("Benjamin Netanyahu may visit Argentina in November. In 2017 he became the first sitting Israeli "
            "prime minister to visit the country.")
    got = trips(text, "2025-09-01")
    assert ("AR", "2025") in {(c, y) for _, c, y, _ in got}
    assert all(st != "planned" or y == "2025" for _, _, y, st in got)


def test_attendance_list_joins_the_trip_of_the_sentence_before():
    text = ("Leaders from more than 20 countries will attend the summit in Tianjin from Aug. 31 to Sept. 1. "
            "They include Russian President Vladimir Putin, Indian Prime Minister Narendra Modi and Iranian "
            "President Masoud Pezeshkian.")
    got = [(t.person, t.person_id, t.country, t.start, t.status) for t in extract_trips(text, "2025-08-20")]
    assert got == [
        ("Vladimir Vladimirovich Putin", "vladimir-putin", "CN", "2025-08-31", "planned"),
        ("Narendra Modi", "", "CN", "2025-08-31", "planned"),
        ("Masoud Pezeshkian", "", "CN", "2025-08-31", "planned"),
    ]


def test_a_list_far_from_the_gathering_joins_nothing():
    text = ("Leaders from more than 20 countries will attend the summit in Tianjin next week. Officials met on "
            "Monday. Trade rose in July. They include Russian President Vladimir Putin.")
    assert extract_trips(text, "2025-08-20") == []


def test_place_compounded_with_a_trip_noun_is_the_destination():
    got = trips("Vladimir Putin wrapped up a Mongolia visit on Tuesday.", "2024-09-04")
    assert got == [("vladimir-putin", "MN", "2024", "completed")]
    got = trips("Benjamin Netanyahu cancelled a planned Hungary visit.", "2024-09-04")
    assert [(c, st) for _, c, _, st in got] == [("HU", "cancelled")]
    got = trips("The Moscow trip by Benjamin Netanyahu was cancelled.", "2024-09-04")
    assert [(c, st) for _, c, _, st in got] == [("RU", "cancelled")]


def test_a_demonym_before_a_trip_noun_is_not_a_destination():
    # "the Russian visit" names the visitor's side, not where the visit goes
    assert trips("Benjamin Netanyahu praised the Russian visit.", "2024-09-04") == []


def test_a_bare_trip_noun_does_not_take_the_place_of_its_clause():
    text = "Benjamin Netanyahu, now in the United States, had planned to continue his trip."
    assert ("US", "planned") not in {(c, st) for _, c, _, st in trips(text, "2025-09-27")}


def test_people_accompanying_a_traveller_share_the_trip():
    text = ("Omar al-Bashir began a visit to Saudi Arabia on Tuesday. He was accompanied by Foreign Minister "
            "Ali Karti and Presidential Affairs Minister Salah Wansi.")
    got = [(t.person, t.person_id, t.country, t.start, t.status) for t in extract_trips(text, "2015-05-20")]
    assert got == [
        ("Omar Hassan Ahmad Al Bashir", "omar-al-bashir", "SA", "2015-05-19", "ongoing"),
        ("Ali Karti", "", "SA", "2015-05-19", "ongoing"),
        ("Salah Wansi", "", "SA", "2015-05-19", "ongoing"),
    ]


def test_accompanied_without_a_trip_just_reported_adds_nothing():
    text = "Omar al-Bashir spoke in Khartoum. He was accompanied by Foreign Minister Ali Karti."
    assert extract_trips(text, "2015-05-20") == []


def test_guests_include_list_after_a_gathering_without_travellers():
    text = ("Leaders from 30 countries are attending the summit in Kazan. High-profile guests include "
            "Palestinian President Mahmoud Abbas and Egyptian President Abdel Fattah el-Sisi.")
    got = [(t.person, t.country) for t in extract_trips(text, "2024-10-22")]
    # well-known officials are reported under their canonical name (riskcheck/news/tables/officials.csv)
    assert got == [("Mahmoud Abbas", "RU"), ("Abdel Fattah al-Sisi", "RU")]


def test_a_place_ending_a_clause_is_not_the_next_persons_nationality():
    text = ("Russia will deliver a message at the upcoming summit in Alaska, Foreign Minister Sergei Lavrov said "
            "on Friday after arriving in Anchorage.")
    got = [(t.person, t.country, t.status) for t in extract_trips(text, "2025-08-15")]
    assert got == [("Sergey Lavrov", "US", "completed")]  # the canonical name (tables/officials.csv)


def test_will_be_joined_by_is_a_plan_of_the_people_joining():
    text = ("Foreign Minister Sergei Lavrov arrived in Anchorage on Friday. He will be joined by Defence "
            "Minister Andrei Belousov.")
    got = [(t.person, t.country, t.status) for t in extract_trips(text, "2025-08-15")]
    assert got == [("Sergey Lavrov", "US", "completed"), ("Andrei Belousov", "US", "planned")]


def test_a_place_naming_a_topic_is_not_a_destination():
    got = trips("Benjamin Netanyahu will not attend the summit on ending the Gaza war in Egypt.", "2025-10-12")
    assert [(c, st) for _, c, _, st in got] == [("EG", "cancelled")]
    text = "Talks between Vladimir Putin and Chinese President Xi Jinping will address the Russia-Ukraine conflict."
    assert trips(text, "2025-10-12") == []


def test_a_hyphenated_city_is_still_a_place():
    got = trips("Vladimir Putin's plane touched down at Helsinki-Vantaa airport on Monday.", "2018-07-16")
    assert [c for _, c, _, _ in got] == ["FI"]


def test_during_a_visit_takes_the_tense_of_the_main_verb():
    said = extract_trips("Foreign Minister Gideon Saar said on Wednesday during a visit to Rome that the talks "
                         "went well.", "2025-10-12")
    assert [(t.person, t.country, t.status) for t in said] == [("Gideon Sa'ar", "IT", "completed")]
    says = extract_trips("Foreign Minister Gideon Saar says during a visit to Rome that talks are going well.",
                         "2025-10-12")
    assert [(t.country, t.status) for t in says] == [("IT", "ongoing")]


def test_the_visit_of_a_person_to_a_place():
    got = trips("The visit of Vladimir Putin to Mongolia drew protests.", "2024-09-05")
    assert [(c, st) for _, c, _, st in got] == [("MN", "completed")]
    assert trips("The visit of the delegation to Mongolia was short.", "2024-09-05") == []


def test_ordinal_visits_named_by_year_are_earlier_trips():
    text = ("Vladimir Putin will begin a state visit to Kyrgyzstan today. This will be Putin's third state visit "
            "to Kyrgyzstan: the first took place during his initial term in 2000, and the second during his "
            "previous term in 2019.")
    got = trips(text, "2025-11-25")
    assert [(c, y, st) for _, c, y, st in got] == \
        [("KG", "2025", "planned"), ("KG", "2000", "completed"), ("KG", "2019", "completed")]


def test_years_since_his_last_trip_dates_the_earlier_trip():
    text = ("Russian President Vladimir Putin arrived in New Delhi on Thursday evening. Putin's arrival marks "
            "the end of four years since his last trip.")
    got = trips(text, "2025-12-05")
    assert [(c, y, st) for _, c, y, st in got] == [("IN", "2025", "completed"), ("IN", "2021", "completed")]
