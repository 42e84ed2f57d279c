"""Recall and precision by class, round 16: members of a delegation make its leader's trip ("a delegation
including X", "X was part of the delegation"), "Accompanied by X, he ..." (he is not X), year reviews with month
headings in capitals ("FEBRUARY - Addis Ababa. On 2 February ..."), and a city's other name that is a travel
word ("Tour" is not Tours).

Every sentence is written for these tests.
"""

from __future__ import annotations

import pytest

from riskcheck.news import extract_trips

spacy_parse = pytest.importorskip("spacy")  # several of these shapes are read off the parse (CI installs it)


def trips(text: str, published: str) -> set[tuple[str, str, str, str]]:
    return {(t.person_id or t.person, t.country, t.start, t.status) for t in extract_trips(text, published)}


def people_in(text: str, published: str, country: str) -> set[str]:
    return {t.person_id or t.person for t in extract_trips(text, published) if t.country == country}


# ---- members of a delegation -------------------------------------------------------------------------------------

ARRIVAL = "Sudan's President Omar al-Bashir arrived in Nairobi on Friday for talks with President Kibaki. "


@pytest.mark.parametrize("member", [
    "He came at the head of a delegation including Defence Minister Abdel Raheem Mohamed Hussein.",
    "The Sudanese delegation includes the foreign minister and Defence Minister Abdel Raheem Mohamed Hussein.",
    "He was followed off the plane by a delegation of ministers, among them Abdel Raheem Mohamed Hussein.",
    "Defence Minister Abdel Raheem Mohamed Hussein was part of the delegation, officials said.",
    "Abdel Raheem Mohamed Hussein, who was in the delegation, met his Kenyan counterpart.",
])
def test_a_member_of_the_delegation_makes_the_leaders_trip(member: str) -> None:
    got = trips(ARRIVAL + member, "2010-08-28")
    assert ("abdel-raheem-hussein", "KE", "2010-08-27", "completed") in got
    assert ("omar-al-bashir", "KE", "2010-08-27", "completed") in got


def test_part_of_the_delegation_when_the_leader_flew_in_the_same_sentence() -> None:
    text = "Ahmad Harun was part of the delegation when Omar al-Bashir flew to Doha for the Arab summit in March 2009."
    got = {(p, c, s[:7], st) for p, c, s, st in trips(text, "2015-01-10")}
    assert ("ahmad-harun", "QA", "2009-03", "completed") in got


def test_a_member_expected_who_stayed_behind_cancelled_and_one_in_doubt_speculative() -> None:
    plan = "Sudan's President Omar al-Bashir will fly to Nairobi on Saturday. "
    stayed = plan + ("Defence Minister Abdel Raheem Mohamed Hussein had been expected to join the delegation but "
                     "stayed behind because of the fighting.")
    assert ("abdel-raheem-hussein", "KE", "2010-08-28", "cancelled") in trips(stayed, "2010-08-26")
    doubt = plan + "Whether Defence Minister Abdel Raheem Mohamed Hussein joins the delegation is unclear."
    assert ("abdel-raheem-hussein", "KE", "2010-08-28", "speculative") in trips(doubt, "2010-08-26")


@pytest.mark.parametrize("text", [
    ARRIVAL + "Defence Minister Abdel Raheem Mohamed Hussein was not part of the delegation.",
    ARRIVAL + "The delegation did not include Defence Minister Abdel Raheem Mohamed Hussein.",
    # a member named in a claim quoted for checking, not a report
    ARRIVAL + 'The post claimed: "Abdel Raheem Mohamed Hussein was part of the delegation."',
])
def test_no_journey_for_a_member_denied_or_only_claimed(text: str) -> None:
    assert "abdel-raheem-hussein" not in people_in(text, "2010-08-28", "KE")


def test_a_host_listed_after_the_delegation_is_no_member() -> None:
    # the host is a national of the country visited: never a member of the visiting delegation
    text = ("Libyan leader Muammar Gaddafi arrived in Moscow on Friday. The delegation, including several ministers, "
            "was met by Foreign Minister Sergey Lavrov at the airport.")
    assert people_in(text, "2008-11-01", "RU") == {"muammar-gaddafi"}


def test_a_member_joins_the_trip_to_the_place_the_sentence_names() -> None:
    text = ("Libyan leader Muammar Gaddafi flew to Paris on 10 December for a five-day state visit. "
            "From Paris he went on to Madrid on 15 December. Gaddafi's delegation is one of the largest ever seen "
            "in Madrid, about 300 people, including his son Saif al-Islam Gaddafi.")
    got = trips(text, "2007-12-17")
    assert ("saif-al-islam-gaddafi", "ES", "2007-12-15", "completed") in got
    assert not any(p == "saif-al-islam-gaddafi" and c == "FR" for p, c, _, _ in got)


def test_no_member_for_a_trip_there_the_article_did_not_tell() -> None:
    # the sentence places the delegation in Kuala Lumpur: not the Brunei visit told before it
    text = ("Rodrigo Duterte flew to Brunei on 16 October 2016 for a three-day state visit. "
            "In Kuala Lumpur, the delegation included Senator Ronald dela Rosa.")
    assert "ronald-dela-rosa" not in people_in(text, "2016-12-29", "BN")


# ---- "Accompanied by X, he ...": he is the person the story is about ---------------------------------------------

def test_accompanied_by_x_he_is_not_x() -> None:
    text = ("Russian President Vladimir Putin flew to Armenia on Monday. Accompanied by Defence Minister Sergei "
            "Shoigu, he went straight to the Russian military base in Gyumri.")
    got = trips(text, "2013-12-03")
    assert ("sergei-shoigu", "AM", "2013-12-02", "completed") in got
    assert ("vladimir-putin", "AM", "2013-12-02", "completed") in got
    assert not any(p == "sergei-shoigu" and s == "2013-12-03" for p, _, s, _ in got)


# ---- a year review headed by months in capitals ------------------------------------------------------------------

REVIEW = (
    "The leader's year abroad\n\n"
    "Muammar Gaddafi's year as chairman of the African Union produced a crowded travel schedule. A look back:\n\n"
    "FEBRUARY - Addis Ababa. On 2 February the heads of state elect him chairman at the summit. He arrives with a "
    "retinue of traditional kings.\n\n"
    "MARCH - Doha. At the Arab League summit on 30 March he walks out. Two seats away sits Omar al-Bashir, who had "
    "flown in from Khartoum the previous day.\n\n"
    "JUNE - Rome. From 10 to 12 June, his first visit to Italy.\n\n"
    "DECEMBER - The Copenhagen climate conference goes ahead without him.\n"
)


def test_month_headings_in_capitals_are_a_timeline() -> None:
    got = trips(REVIEW, "2009-12-30")
    assert ("muammar-gaddafi", "ET", "2009-02-02", "completed") in got
    assert ("muammar-gaddafi", "QA", "2009-03-30", "completed") in got
    assert ("muammar-gaddafi", "IT", "2009-06-10", "completed") in got


def test_a_line_the_person_stayed_away_from_is_cancelled() -> None:
    got = trips(REVIEW, "2009-12-30")
    assert ("muammar-gaddafi", "DK", "2009-12-01", "cancelled") in got
    assert not any(p == "muammar-gaddafi" and c == "DK" and st != "cancelled" for p, c, _, st in got)


def test_a_trip_inside_a_line_is_not_dated_by_the_report() -> None:
    # "the previous day" inside the March line: March, not the day before the review appeared
    got = trips(REVIEW, "2009-12-30")
    bashir = {(c, s[:7]) for p, c, s, _ in got if p == "omar-al-bashir"}
    assert ("QA", "2009-03") in bashir
    assert not any(s.startswith("2009-12") for _, s in bashir)


def test_his_in_a_line_is_the_timelines_person() -> None:
    # "his first visit to Italy" follows a paragraph that ends on Bashir: still Gaddafi's line
    got = trips(REVIEW, "2009-12-30")
    assert not any(p == "omar-al-bashir" and c == "IT" for p, c, _, _ in got)


def test_a_dated_trip_inside_a_line_keeps_its_own_date() -> None:
    text = ("Vladimir Putin has travelled little since the war began. A timeline:\n\n"
            "February 24, 2022 - Moscow. Putin announces the operation. In November 2022 he stayed away from the "
            "G20 summit in Bali, which he had been expected to attend.\n\n"
            "July 19, 2022 - Tehran. Putin flies to Iran for talks with Erdogan and Raisi.\n")
    got = trips(text, "2023-01-10")
    assert any(p == "vladimir-putin" and c == "ID" and s.startswith("2022-11") and st == "cancelled"
               for p, c, s, st in got)


# ---- a city's other name that is a travel word -------------------------------------------------------------------

def test_tour_is_a_word_not_the_city_of_tours() -> None:
    text = ("Vladimir Putin's year in Asia. A look back:\n\n"
            "APRIL - Beijing. Putin flies to China on 25 April for the Belt and Road forum.\n\n"
            "OCTOBER - Gulf Tour. The Kremlin leader travels to Riyadh on 14 October.\n")
    got = trips(text, "2019-12-27")
    assert not any(c == "FR" for _, c, _, _ in got)
    assert ("vladimir-putin", "SA", "2019-10-14", "completed") in got
    assert ("vladimir-putin", "FR", "2019-10-14", "completed") in trips(
        "Vladimir Putin went on to Tours on 14 October.", "2019-12-27")


def test_it_included_after_a_sentence_naming_the_delegation() -> None:
    text = ("Russian President Vladimir Putin spent Tuesday in Minsk on a working visit. The delegation was large. "
            "Besides the energy minister it included Defence Minister Sergei Shoigu. The chief of the General Staff, "
            "Valery Gerasimov, was also on the original list but stayed in Moscow.")
    got = trips(text, "2014-08-27")
    assert ("sergei-shoigu", "BY", "2014-08-26", "completed") in got
    assert ("valery-gerasimov", "BY", "2014-08-26", "cancelled") in got


def test_it_included_needs_a_delegation_just_named() -> None:
    text = ("Russian President Vladimir Putin spent Tuesday in Minsk on a working visit. The agenda was long. "
            "Besides energy it included a briefing by Defence Minister Sergei Shoigu.")
    assert "sergei-shoigu" not in people_in(text, "2014-08-27", "BY")


# ---- regions named as places ----------------------------------------------------------------------------------------

def test_a_region_is_a_place_of_its_country() -> None:
    got = trips("Vladimir Putin and the Ukrainian president last met, briefly, in Normandy on 6 June.", "2014-08-26")
    assert ("vladimir-putin", "FR", "2014-06-06", "completed") in got


def test_the_normandy_format_is_no_journey_to_normandy() -> None:
    got = trips("Vladimir Putin met Volodymyr Zelensky in the Normandy format in Paris on 9 December.", "2019-12-10")
    assert ("vladimir-putin", "FR", "2019-12-09", "completed") in got
    got = trips("Vladimir Putin backed the Normandy format talks on Monday.", "2019-12-10")
    assert not any(c == "FR" for _, c, _, _ in got)


# ---- "since a visit to X in <date>": the visit before this one ----------------------------------------------------

@pytest.mark.parametrize("text", [
    "Yoav Gallant has not ventured beyond Israel since a December trip to the United States.",
    "It is Yoav Gallant's first trip abroad since a visit to Washington in December.",
])
def test_since_a_visit_to_a_place_is_a_trip_made_then(text: str) -> None:
    got = trips(text, "2025-01-20")
    assert ("yoav-gallant", "US", "2024-12-01", "completed") in got


def test_since_the_owners_visit() -> None:
    got = trips("Relations have warmed since Omar al-Bashir's visit to Riyadh a year ago.", "2016-03-20")
    assert ("omar-al-bashir", "SA", "2015-01-01", "completed") in got


@pytest.mark.parametrize("text", [
    "Vladimir Putin has been quiet since a visit to Paris was cancelled in May.",  # never made
    "Vladimir Putin has been quiet since a visit to Moscow in May.",  # his own country
])
def test_since_a_visit_not_made_or_at_home_is_none(text: str) -> None:
    assert not any(st == "completed" and c in ("FR", "RU") for _, c, _, st in trips(text, "2025-01-20"))


# ---- "X, in Addis Ababa since Friday, ...": a stay going on ---------------------------------------------------------

def test_an_aside_placing_a_person_since_a_day_is_a_stay() -> None:
    text = "Sudan's Omar al-Bashir, in Addis Ababa since Friday for the summit, took his seat in the plenary hall."
    assert ("omar-al-bashir", "ET", "2012-01-27", "ongoing") in trips(text, "2012-01-29")


@pytest.mark.parametrize("text", [
    "Sudan's Omar al-Bashir, in Khartoum since Friday, took his seat.",  # at home
    "Omar al-Bashir, in power since 1989, said Addis Ababa would host the talks.",  # no place in the aside
])
def test_an_aside_at_home_or_without_a_place_is_no_stay(text: str) -> None:
    assert trips(text, "2012-01-29") == set()


# ---- "announced for January": the date of what was announced -----------------------------------------------------

def test_announced_for_a_month_dates_the_trip() -> None:
    text = ("Benjamin Netanyahu flew to Washington on Monday. A visit to the United Arab Emirates, first announced "
            "for January 2023, was postponed and has never taken place.")
    assert ("benjamin-netanyahu", "AE", "2023-01-01", "cancelled") in trips(text, "2023-03-20")


def test_announced_on_a_day_is_still_the_reports_date() -> None:
    got = trips("Vladimir Putin will visit Turkey, the Kremlin announced on Tuesday.", "2023-03-22")
    assert ("vladimir-putin", "TR", "", "planned") in got


# ---- "has visited A and B": a perfect of experience is not dated by the report ------------------------------------

def test_a_perfect_of_experience_has_no_date_of_the_report() -> None:
    got = trips("Vladimir Putin has visited Egypt, Algeria and Morocco.", "2019-10-20")
    assert {(c, s) for _, c, s, _ in got} == {("EG", ""), ("DZ", ""), ("MA", "")}


def test_an_arrival_in_the_perfect_is_the_report_day() -> None:
    assert ("vladimir-putin", "EG", "2019-10-20", "completed") in trips("Vladimir Putin has arrived in Cairo.",
                                                                        "2019-10-20")


# ---- "has not attended a G20 summit since 2019": that year's edition ----------------------------------------------

@pytest.mark.parametrize(("text", "published", "want"), [
    ("Vladimir Putin has not attended a G20 summit in person since 2019.", "2023-09-08",
     ("vladimir-putin", "JP", "2019-06-28", "completed")),
    ("It is Vladimir Putin's first BRICS summit abroad since 2019.", "2024-10-22",
     ("vladimir-putin", "BR", "2019-11-13", "completed")),
])
def test_a_series_since_a_year_is_that_years_edition(text: str, published: str, want: tuple[str, ...]) -> None:
    assert want in trips(text, published)


def test_a_series_since_a_year_held_at_home_is_no_trip() -> None:
    # the 2019 St Petersburg forum was in Russia: no journey
    got = trips("Vladimir Putin has not missed the St Petersburg International Economic Forum since 2019.",
                "2024-10-22")
    assert not any(s.startswith("2019") for _, _, s, _ in got)
