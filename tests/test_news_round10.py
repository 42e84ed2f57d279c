"""Recall by class, round 10: a gathering's host glued before it ("the Saudi-hosted G20 summit"), the gathering
after "since" ("has not attended ... since Da Nang in 2017"), a passive attendance ("the summit in Doha was
attended by X"), and who was among those present ("Among the mourners was X", "among the Arab leaders at ...").

Every sentence is written for these tests.
"""

from __future__ import annotations

import pytest

from riskcheck.news import extract_trips

spacy_parse = pytest.importorskip("spacy")  # the parse-based shapes need the `nlp` extra (CI installs it)


def rows(text: str, published: str) -> set[tuple[str, str, str, str]]:
    return {(t.person_id or t.person, t.country, t.start[:7], t.status) for t in extract_trips(text, published)}


def test_the_host_glued_before_a_gathering_picks_its_edition() -> None:
    # published after the November 2020 summit (hosted online by Saudi Arabia); without the host the nearest
    # November edition would be another country's
    got = rows("Vladimir Putin joined the Saudi-hosted G20 summit in November by video link.", "2020-12-01")
    assert ("vladimir-putin", "SA", "2020-11", "virtual") in got
    got = rows("Vladimir Putin joined the Saudi-hosted G20 summit in November by video link.", "2025-12-01")
    assert not any(c == "ZA" for _, c, _, _ in got)  # not the Johannesburg summit of November 2025


def test_a_host_without_the_glue_is_not_a_host() -> None:
    got = rows("Vladimir Putin attended the summit in Kazan, which Saudi officials hosted a year later.", "2024-11-01")
    assert not any(c == "SA" for _, c, _, _ in got)


@pytest.mark.parametrize("text, want", [
    ("Vladimir Putin has not attended an APEC leaders' meeting in person since Da Nang in 2017.",
     ("vladimir-putin", "VN", "2017", "completed")),
    ("It will be Vladimir Putin's first BRICS summit abroad in person since the 2019 gathering in Brasilia.",
     ("vladimir-putin", "BR", "2019", "completed")),
    ("Benjamin Netanyahu has not been to Europe in person since the summit in Paris in 2018.",
     ("benjamin-netanyahu", "FR", "2018", "completed")),
])
def test_the_gathering_after_since_was_attended(text: str, want: tuple[str, str, str, str]) -> None:
    got = {(p, c, s[:4], st) for p, c, s, st in rows(text, "2025-06-10")}
    assert want in got


@pytest.mark.parametrize("text", [
    "Vladimir Putin has not travelled to the West since the war in Ukraine in 2022.",
    "Vladimir Putin has not spoken to Xi Jinping since the summit in Beijing in 2023.",
    "Vladimir Putin has not attended a summit abroad since Russia invaded Ukraine in 2022.",
])
def test_since_without_a_gathering_he_went_to_is_no_trip(text: str) -> None:
    assert not any(c in ("UA", "CN") for _, c, _, _ in rows(text, "2025-06-10"))


def test_a_passive_attendance_places_everyone_named() -> None:
    got = rows("The summit in Doha was attended by Omar al-Bashir and Idriss Deby on Monday.", "2010-02-24")
    assert ("omar-al-bashir", "QA", "2010-02", "completed") in got
    assert any(p.endswith("Deby") and c == "QA" for p, c, _, _ in got)


def test_a_passive_of_another_verb_is_no_attendance() -> None:
    got = rows("The summit in Doha was criticised by Omar al-Bashir on Monday.", "2010-02-24")
    assert not any(c == "QA" for _, c, _, _ in got)


@pytest.mark.parametrize("text, want", [
    ("The funeral of the prime minister was held in Addis Ababa on Sunday. Among the mourners was Omar al-Bashir.",
     ("omar-al-bashir", "ET", "2012-09", "completed")),
    ("The summit opened in Doha on Monday. Among those present were Omar al-Bashir and other leaders.",
     ("omar-al-bashir", "QA", "2012-09", "completed")),
    ("Omar al-Bashir was among the Arab leaders at the Arab League summit in Sirte in March 2010.",
     ("omar-al-bashir", "LY", "2010-03", "completed")),
])
def test_among_those_present(text: str, want: tuple[str, str, str, str]) -> None:
    assert want in rows(text, "2012-09-03")


def test_among_those_named_before_the_list_is_not_among_it() -> None:
    text = ("The summit opened in Doha on Monday, Omar al-Bashir said in Khartoum. Among those present were the "
            "emirs of the Gulf.")
    assert not any(p == "omar-al-bashir" and c == "QA" for p, c, _, _ in rows(text, "2012-09-03"))


def test_each_date_listed_after_a_visit_is_one_more_visit() -> None:
    got = rows("Sergei Shoigu visited Pyongyang on 21 March, on 4 June and on 17 June.", "2025-10-12")
    assert {("sergei-shoigu", "KP", m, "completed") for m in ("2025-03", "2025-06")} <= got
    starts = sorted(t.start for t in extract_trips("Sergei Shoigu visited Pyongyang on 21 March, on 4 June and on "
                                                   "17 June.", "2025-10-12") if t.country == "KP")
    assert starts == ["2025-03-21", "2025-06-04", "2025-06-17"]


def test_a_date_of_another_clause_is_not_one_more_visit() -> None:
    text = "Vladimir Putin spent two days in Baku in August, and in September was received in Ulaanbaatar."
    got = rows(text, "2024-10-01")
    assert [m for p, c, m, _ in got if c == "AZ"] == ["2024-08"]
    assert ("vladimir-putin", "MN", "2024-09", "completed") in got


def test_the_warrants_date_is_not_the_trips() -> None:
    text = ("Vladimir Putin's first trip abroad after the court issued its warrant in March 2023 took him to the "
            "Kyrgyz capital, for a state visit in October of that year.")
    assert ("vladimir-putin", "KG", "2023-10", "completed") in rows(text, "2023-12-28")


@pytest.mark.parametrize("second", [
    "The memorial was also attended by Omar al-Bashir.",
    "It was attended by Omar al-Bashir, who landed on Monday evening.",
    "The memorial was attended by Sudan's President Omar al-Bashir and his foreign minister.",
])
def test_a_passive_attendance_of_the_gathering_told_before(second: str) -> None:
    text = "A memorial for the late prime minister was held in Addis Ababa on Monday. " + second
    assert ("omar-al-bashir", "ET", "2013-08", "completed") in rows(text, "2013-08-21")


def test_a_passive_of_another_verb_after_a_gathering_is_no_attendance() -> None:
    text = "A memorial for the late prime minister was held in Addis Ababa on Monday. It was criticised by Omar al-Bashir."
    assert not any(c == "ET" for _, c, _, _ in rows(text, "2013-08-21"))


def test_a_passive_with_places_after_it_names_no_attendance_of_them() -> None:
    text = "The summit was held in Doha on Monday. It was attended by Omar al-Bashir and leaders from Chad and Egypt."
    got = {c for _, c, _, _ in rows(text, "2013-08-21")}
    assert not {"TD", "EG"} & got


@pytest.mark.parametrize("second, want", [
    ("He came back on 28 February last year for a one-day trip.", ("sergei-shoigu", "CN", "2024-02", "completed")),
    ("In April last year he was back in the city for more talks.", ("sergei-shoigu", "CN", "2024-04", "completed")),
    ("He returned in September 2024 for a security forum.", ("sergei-shoigu", "CN", "2024-09", "completed")),
])
def test_coming_back_is_one_more_journey_to_the_last_trips_place(second: str, want: tuple[str, str, str, str]) -> None:
    text = "Sergei Shoigu arrived in Beijing on Sunday for talks with Wang Yi. " + second
    got = rows(text, "2025-03-03")
    assert want in got
    assert ("sergei-shoigu", "CN", "2025-03", "completed") in got


@pytest.mark.parametrize("second", [
    "He returned on Wednesday.",
    "He came back to Moscow on Wednesday.",
    "He returned home on Friday after the talks.",
])
def test_the_end_of_a_trip_or_a_return_home_is_no_new_journey(second: str) -> None:
    text = "Sergei Shoigu arrived in Beijing on Monday for talks with Wang Yi. " + second
    assert [m for p, c, m, _ in rows(text, "2025-03-05") if c == "CN"] == ["2025-03"]


def test_a_day_of_last_year() -> None:
    got = rows("Vladimir Putin visited Minsk on 23 May last year.", "2025-03-03")
    assert ("vladimir-putin", "BY", "2024-05", "completed") in got


def test_a_when_clause_dates_the_trip_it_opens() -> None:
    text = ("Vladimir Putin arrived in Geneva on Wednesday. It is his first trip outside Russia since 23 January "
            "2020, when he spoke at a forum in Jerusalem.")
    assert ("vladimir-putin", "IL", "2020-01", "completed") in rows(text, "2021-06-16")


def test_expected_back_is_a_plan_to_return_there() -> None:
    got = rows("Omar al-Bashir and Salva Kiir are expected back in Addis Ababa later this month.", "2012-09-03")
    assert ("omar-al-bashir", "ET", "2012-09", "planned") in got


def test_expected_back_home_after_a_trip_elsewhere_is_no_trip() -> None:
    text = ("The delegation was led by Noor Saqib, who arrived in Saudi Arabia in May. "
            "Noor Saqib is expected back in Kabul by the end of the week.")
    assert not any(c == "AF" for _, c, _, _ in rows(text, "2025-06-03"))


@pytest.mark.parametrize("text", [
    "Ahmad Harun was treated in a hospital in Amman in February 2007.",
    "Ahmad Harun was being treated in an Amman hospital in February 2007.",
])
def test_treated_in_a_hospital_abroad(text: str) -> None:
    assert ("ahmad-harun", "JO", "2007-02", "completed") in rows(text, "2007-03-01")


@pytest.mark.parametrize("text, code", [
    ("Vladimir Putin flew to the Russian air base in Syria in 2017.", "SY"),
    ("Vladimir Putin flew to the air base at Hmeimim in Syria in 2017.", "SY"),
    ("Benjamin Netanyahu went to a hotel in Washington in 2017.", "US"),
])
def test_a_site_abroad_the_journey_went_to(text: str, code: str) -> None:
    assert any(c == code and m.startswith("2017") for _, c, m, _ in rows(text, "2025-09-10"))


def test_standing_at_a_gathering_abroad() -> None:
    got = rows("Vladimir Putin stood beside Xi Jinping at the military parade in Beijing on 3 September.", "2025-09-10")
    assert ("vladimir-putin", "CN", "2025-09", "completed") in got


def test_standing_trial_is_no_presence() -> None:
    got = rows("Whether Omar al-Bashir will ever stand trial at The Hague is unclear.", "2019-05-01")
    assert not any(c == "NL" for _, c, _, _ in got)


@pytest.mark.parametrize("text, want", [
    ("Vladimir Putin and Xi Jinping in Beijing, May 2024.", ("vladimir-putin", "CN", "2024-05", "completed")),
    ("The two crown princes with President Omar al-Bashir in Abu Dhabi on 22 February 2015.",
     ("omar-al-bashir", "AE", "2015-02", "completed")),
])
def test_a_caption_with_no_verb_places_the_people_it_names(text: str, want: tuple[str, str, str, str]) -> None:
    assert want in rows(text, "2024-06-03")


def test_a_caption_names_no_trip_of_a_topic_or_of_someone_at_home() -> None:
    assert rows("Tensions in Gaza: Benjamin Netanyahu under pressure.", "2024-06-03") == set()
    assert rows("Vladimir Putin in Moscow on Monday.", "2024-06-03") == set()


def test_a_caption_host_of_unknown_country_is_not_a_traveller() -> None:
    got = rows("Sheikh Mohammed bin Rashid with President Omar al-Bashir in Abu Dhabi on 22 February 2015.", "2016-01-01")
    assert {p for p, _, _, _ in got} == {"omar-al-bashir"}


def test_a_caption_set_ahead_is_no_presence_shown() -> None:
    got = rows("Trump meeting with Benjamin Netanyahu at Mar-a-Lago later this month.", "2025-12-10")
    assert ("benjamin-netanyahu", "US", "2025-12", "completed") not in got


@pytest.mark.parametrize("text, want", [
    ("Vladimir Putin's next stop is Venezuela.", ("vladimir-putin", "VE", "", "planned")),
    ("Vladimir Putin flew to Cuba. His next trip abroad is the EU-Russia summit that Portugal will host near Lisbon on "
     "October 26.", ("vladimir-putin", "PT", "2007-10", "planned")),
    ("Next on the Russian president's foreign schedule is Minsk, where on 23 November the leaders will gather.",
     ("vladimir-putin", "BY", "2007-11", "planned")),
])
def test_the_next_stop_is_a_plan(text: str, want: tuple[str, str, str, str]) -> None:
    assert want in rows(text, "2007-10-01")


def test_the_next_stop_names_no_participant_glued_to_a_gathering() -> None:
    got = rows("Vladimir Putin flew to Cuba. His next trip abroad is the EU-Russia summit that Portugal will host.",
               "2007-10-01")
    assert ("vladimir-putin", "PT", "", "planned") in got
    assert not any(c == "RU" for _, c, _, _ in got)


@pytest.mark.parametrize("text, want", [
    ("Benjamin Netanyahu landed at Andrews Air Force Base on Sunday.", ("benjamin-netanyahu", "US", "2025-12",
                                                                        "completed")),
    ("Vladimir Putin landed at Sunan airport in the early hours of 19 June 2024.", ("vladimir-putin", "KP", "2024-06",
                                                                                    "completed")),
    ("Vladimir Putin flew to Hmeimim in December 2017.", ("vladimir-putin", "SY", "2017-12", "completed")),
    ("Dominic Ongwen arrived at the ICC detention centre on 21 January.", ("dominic-ongwen", "NL", "2025-01",
                                                                           "completed")),
])
def test_airports_and_bases_abroad(text: str, want: tuple[str, str, str, str]) -> None:
    assert want in rows(text, "2025-12-10")


def test_an_airport_named_after_a_person_is_not_the_person() -> None:
    got = rows("Benjamin Netanyahu flew out of Ben Gurion Airport on Sunday.", "2025-12-10")
    assert not any(c == "IL" for _, c, _, _ in got)  # his own country


@pytest.mark.parametrize("text, want", [
    ("Khaled El Hishri was arrested by German police on arrival at Berlin Brandenburg airport on 16 July 2025.",
     ("khaled-el-hishri", "DE", "2025-07", "completed")),
    ("Bosco Ntaganda walked into the US embassy in Kigali in March 2013.",
     ("bosco-ntaganda", "RW", "2013-03", "completed")),
    ("Iyad Ag Ghaly was present in Algiers on 2 July 2006.", ("iyad-ag-ghaly", "DZ", "2006-07", "completed")),
    ("Thomas Lubanga had been driven to Paris on 18 December 2015.", ("thomas-lubanga", "FR", "2015-12", "completed")),
])
def test_less_common_verbs_of_presence(text: str, want: tuple[str, str, str, str]) -> None:
    assert want in rows(text, "2025-12-10")


def test_an_arrest_on_arrival_that_would_happen_is_no_trip() -> None:
    got = rows("Officials said Omar al-Bashir would be arrested upon arrival in Kampala.", "2009-07-10")
    assert ("omar-al-bashir", "UG", "2009-07", "completed") not in got


@pytest.mark.parametrize("text, want", [
    ("Germany surrendered Khaled El Hishri to the court on 1 December.",
     ("khaled-el-hishri", "NL", "2025-12", "completed")),
    ("Khaled El Hishri was arrested in Berlin in July. Germany surrendered him to the court on 1 December.",
     ("khaled-el-hishri", "NL", "2025-12", "completed")),
    ("Rodrigo Duterte was transferred to the ICC on 12 March.", ("rodrigo-duterte", "NL", "2025-03", "completed")),
    ("Germany said Khaled El Hishri will be surrendered to the International Criminal Court next week.",
     ("khaled-el-hishri", "NL", "2025-12", "planned")),
])
def test_handed_to_the_court_goes_to_the_hague(text: str, want: tuple[str, str, str, str]) -> None:
    assert want in rows(text, "2025-12-10")


@pytest.mark.parametrize("text", [
    "The ICC said Rodrigo Duterte's appeal was sent to the court's judges.",
    "Rodrigo Duterte's lawyers were sent to the court on Monday.",
    "Rodrigo Duterte has been held at the court's detention centre in Scheveningen since March.",
])
def test_the_courts_paperwork_and_custody_are_no_journey(text: str) -> None:
    assert not any(c == "NL" for _, c, _, _ in rows(text, "2025-12-10"))


def test_due_back_home_after_a_stay_abroad_keeps_the_stay_made() -> None:
    got = rows("Omar al-Bashir was due back in Khartoum on Friday after a three-day stay in Chad.", "2016-05-10")
    assert [(c, st) for _, c, _, st in got] == [("TD", "completed")]
