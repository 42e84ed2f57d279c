"""Recall and precision by class, round 17: "his fourth trip to China: his state visit in October 2016, the forum in
May 2017 and ..." and "his third visit since the warrant, after Washington in December and March" (each date of the
list is one earlier visit, no more than the ordinal allows).

Every sentence is written for these tests.
"""

from __future__ import annotations

import pytest

from riskcheck.news import extract_trips

spacy_parse = pytest.importorskip("spacy")  # several of these shapes are read off the parse (CI installs it)


def trips(text: str, published: str) -> set[tuple[str, str, str, str]]:
    return {(t.person_id or t.person, t.country, t.start[:7], t.status) for t in extract_trips(text, published)}


# ---- the earlier visits listed after an ordinal visit ----------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Rodrigo Duterte landed in Beijing on Thursday. It is his fourth trip to China since he took office: a state "
    "visit in October 2016, a trade forum in May 2017 and a conference on Hainan in April last year.",
    "Rodrigo Duterte landed in Beijing on Thursday. It is his fourth trip to China since he took office, after a "
    "state visit in October 2016, a trade forum in May 2017 and a conference on Hainan in April last year.",
])
def test_each_dated_item_of_the_list_is_an_earlier_visit(text: str) -> None:
    got = trips(text, "2019-04-25")
    for month in ("2016-10", "2017-05", "2018-04"):
        assert ("rodrigo-duterte", "CN", month, "completed") in got


def test_a_list_after_after_with_two_dates() -> None:
    text = ("Yoav Gallant flew into New York on Monday. It is his third visit to the United States since the warrant "
            "was issued, after Washington in December 2024 and March last year.")
    got = trips(text, "2026-01-26")
    assert ("yoav-gallant", "US", "2024-12", "completed") in got
    assert ("yoav-gallant", "US", "2025-03", "completed") in got


def test_no_more_earlier_visits_than_the_ordinal_allows() -> None:
    text = ("Rodrigo Duterte landed in Beijing on Thursday. It is his second trip to China since he took office: a "
            "state visit in October 2016, and since then ministers went in May 2017 and April 2018.")
    got = {t for t in trips(text, "2019-04-25") if t[0] == "rodrigo-duterte" and t[1] == "CN"}
    assert ("rodrigo-duterte", "CN", "2016-10", "completed") in got
    assert not {t for t in got if t[2] in ("2017-05", "2018-04")}


def test_a_list_of_plans_after_the_ordinal_is_not_earlier_visits() -> None:
    text = ("Rodrigo Duterte landed in Beijing on Thursday. It is his third trip to China since he took office; he "
            "will be back in May and again in August for the forum.")
    got = trips(text, "2019-04-25")
    assert not {t for t in got if t[1] == "CN" and t[2] in ("2019-05", "2019-08") and t[3] == "completed"}


# ---- "first" with words between it and its noun -----------------------------------------------------------------

def test_first_publicly_reported_visit_since_a_month_is_an_earlier_visit() -> None:
    text = ("Valery Gerasimov flew into Minsk on Monday. It is his first publicly reported visit to Belarus since "
            "March 2021, when he watched an exercise near Brest.")
    assert ("valery-gerasimov", "BY", "2021-03", "completed") in trips(text, "2024-05-14")


def test_first_foreign_trip_since_an_inauguration_is_no_visit_then() -> None:
    text = ("Vladimir Putin said he will travel to China in May, his first foreign trip since his inauguration for "
            "a new term on May 7.")
    got = trips(text, "2024-03-20")
    assert not {t for t in got if t[1] == "CN" and t[3] == "completed"}


# ---- a "where" clause: passives of hosting, after the place's modifier -----------------------------------------

def test_where_he_is_expected_after_a_modifier_of_the_place() -> None:
    text = ("Vladimir Putin flew home from the summit on Thursday. Next year the leaders gather in Evian, on the "
            "French shore of Lake Geneva, where Putin is expected in June.")
    got = trips(text, "2002-06-28")
    assert ("vladimir-putin", "FR", "2003-06", "planned") in got
    assert not {t for t in got if t[1] == "CH"}  # Lake Geneva is water, not the Swiss city


def test_where_he_was_received_is_a_visit() -> None:
    text = "The talks moved on to Sochi, where Omar al-Bashir was received by the Russian president on Friday."
    got = trips(text, "2009-06-20")
    assert ("omar-al-bashir", "RU", "2009-06", "completed") in got


@pytest.mark.parametrize(("feature", "country"), [("Lake Chad", "TD"), ("the Gulf of Aden", "YE"),
                                                  ("Mount Kenya", "KE"), ("the Congo River", "CG")])
def test_a_landscape_feature_named_after_a_place_is_not_that_place(feature: str, country: str) -> None:
    text = f"Omar al-Bashir visited a fishing village on {feature} in May."
    assert country not in {t[1] for t in trips(text, "2009-06-20")}
    # the place itself is still read
    assert "TD" in {t[1] for t in trips("Omar al-Bashir visited a fishing village in Chad in May.", "2009-06-20")}


# ---- the year that opens a sentence dates its month ------------------------------------------------------------

@pytest.mark.parametrize(("text", "month"), [
    ("Last year Omar al-Bashir went to Minsk in May.", "2001-05"),
    ("In 2009 Omar al-Bashir went to Doha in March.", "2009-03"),
])
def test_a_month_takes_the_year_that_opens_the_sentence(text: str, month: str) -> None:
    pub = "2002-06-28" if "Last" in text else "2012-06-28"
    got = {t[2] for t in trips(text, pub) if t[0] == "omar-al-bashir"}
    assert got == {month}


def test_a_plan_is_not_dated_by_an_earlier_visit_told_after_it() -> None:
    text = ("Kremlin aide Yuri Ushakov said Vladimir Putin will take part in the Bishkek summit later this year. "
            "In 2019 he came to the SCO summit in June.")
    got = trips(text, "2026-03-12")
    assert not {t for t in got if t[1] == "KG" and t[3] == "planned" and t[2].startswith("2019")}


# ---- at a gathering, a passive subject was there --------------------------------------------------------------

def test_at_last_julys_meeting_in_genoa_he_was_treated_as_a_guest() -> None:
    text = ("Vladimir Putin flew out of Calgary on Thursday evening. At last July's meeting in Genoa, which was "
            "marred by riots, he was still treated as a guest.")
    assert ("vladimir-putin", "IT", "2001-07", "completed") in trips(text, "2002-06-28")


def test_the_port_of_a_city_is_the_city() -> None:
    text = "Vladimir Putin stood at the Black Sea port of Samsun in November 2005 for the opening of the pipeline."
    assert ("vladimir-putin", "TR", "2005-11", "completed") in trips(text, "2009-08-07")


# ---- the year of a dateline with a dash, from "two years ago, in 2001" -----------------------------------------

def test_a_capital_dateline_takes_its_year_from_years_ago() -> None:
    from riskcheck.news.readers import header_date

    text = ("Talks end at the retreat\n\nCAMP DAVID, Md., Sept. 27 - The two presidents ended their talks on "
            "Saturday. Two years ago, in November 2001, they met at a ranch in Texas.")
    _text, span, basis = header_date(text)
    assert span is not None and span.start.isoformat() == "2003-09-27" and basis == "dateline_year"


def test_a_capital_dateline_whose_weekday_fits_no_year_stays_undated() -> None:
    from riskcheck.news.readers import header_date

    text = "Talks end\n\nCAMP DAVID, Md., Sept. 27 - The two presidents ended their talks on Saturday."
    assert header_date(text)[1] is None


# ---- the delegation of the trip under way; "last time" is an earlier trip --------------------------------------

def test_a_delegation_in_the_present_goes_on_the_trip_under_way() -> None:
    text = ("Vladimir Putin, who is in Tajikistan on an official visit, opened a military base today. The President "
            "of Russia was in Tajikistan last time in April 2003. In the delegation are the defence minister and "
            "the emergencies minister Sergei Shoigu. Shoigu arrived in Dushanbe a day before the president, on 15 "
            "October.")
    got = trips(text, "2004-10-17")
    assert ("vladimir-putin", "TJ", "2003-04", "completed") in got
    shoigu = {t for t in got if t[0] == "sergei-shoigu"}
    assert shoigu and all(t[2] == "2004-10" for t in shoigu)


# ---- an ordinal without its noun, and two visits told in the sentence after ----------------------------------

def test_third_to_japan_then_two_dated_visits() -> None:
    text = ("Vladimir Putin left Tokyo on Wednesday after a three-day visit. The visit was the Russian leader's third "
            "to Japan. He first came in July 2000 for the summit in Okinawa, weeks after he took office in May, and "
            "returned for a state visit in November 2005.")
    got = trips(text, "2009-05-13")
    assert ("vladimir-putin", "JP", "2000-07", "completed") in got
    assert ("vladimir-putin", "JP", "2005-11", "completed") in got
    assert ("vladimir-putin", "JP", "2000-05", "completed") not in got


def test_second_to_a_kind_of_country_is_not_a_visit_to_the_story_country() -> None:
    text = ("Vladimir Putin arrived in Ljubljana on Saturday. The trip was his second to an EU member in a month: "
            "at the start of July he held talks in Naantali.")
    slovenia = [t for t in extract_trips(text, "2016-07-30") if t.country == "SI"]
    assert len(slovenia) == 1 and slovenia[0].start == "2016-07-30"


# ---- "the first visit by a sitting prime minister to X, starting in A, before flying on to B" --------------------

def test_a_tour_starting_in_a_city_and_the_leg_before_flying_on() -> None:
    text = ("Next month Benjamin Netanyahu is due to make the first visit by a sitting Israeli prime minister to "
            "South America, starting in Buenos Aires on September 11, before flying on to New York for the UN "
            "General Assembly.")
    got = trips(text, "2017-08-24")
    assert ("benjamin-netanyahu", "AR", "2017-09", "planned") in got
    assert ("benjamin-netanyahu", "US", "2017-09", "planned") in got


# ---- a bulleted list of dated lines under a heading about trips ---------------------------------------------------

FACT_BOX = """Duterte lands in Beijing for talks with Xi

Rodrigo Duterte arrived in Beijing on Thursday night for talks with Xi Jinping, his aides said, and he is due to \
fly on to Guangzhou on Saturday to watch the national basketball team play its opening game of the tournament.

FACT BOX: {heading}
- October 2016: state visit to Beijing
- May 2017: Belt and Road Forum, Beijing
- April 2018: Boao Forum for Asia, Hainan
"""


def test_a_bulleted_fact_box_of_trips_gives_one_trip_per_dated_line() -> None:
    got = trips(FACT_BOX.format(heading="Duterte's trips to China"), "2019-08-30")
    for month in ("2016-10", "2017-05", "2018-04"):
        assert ("rodrigo-duterte", "CN", month, "completed") in got


def test_a_bulleted_list_under_another_heading_is_no_list_of_trips() -> None:
    got = trips(FACT_BOX.format(heading="Forums China has hosted"), "2019-08-30")
    assert ("rodrigo-duterte", "CN", "2017-05", "completed") not in got
    assert ("rodrigo-duterte", "CN", "2018-04", "completed") not in got


@pytest.mark.parametrize(("lead", "day"), [
    ("The bloc celebrated its fifth anniversary on Thursday in the city where it was founded in June 2001.",
     "2006-06-15"),
    ("Leaders marked the 70th anniversary of the treaty, signed in 1955, on Thursday.", "2025-05-15"),
])
def test_a_dateline_takes_its_year_from_an_anniversary(lead: str, day: str) -> None:
    from riskcheck.news.readers import header_date

    month = "June 15" if day.endswith("06-15") else "May 15"
    text = f"Summit\n\nSHANGHAI, {month} (Newswire) - {lead}"
    span = header_date(text)[1]
    assert span is not None and span.start.isoformat() == day


def test_an_anniversary_whose_weekday_does_not_fit_leaves_the_dateline_undated() -> None:
    from riskcheck.news.readers import header_date

    text = ("Summit\n\nSHANGHAI, June 15 (Newswire) - The bloc celebrated its fifth anniversary on Monday in the "
            "city where it was founded in June 2001.")
    assert header_date(text)[1] is None


# ---- precision: who travels when other people are named around the traveller ------------------------------------

def test_a_name_inside_an_aside_is_not_the_traveller() -> None:
    text = "Maria Lvova-Belova, named in the same warrant as Vladimir Putin, has made several trips to Doha."
    got = trips(text, "2024-06-17")
    assert {t[0] for t in got if t[1] == "QA"} == {"maria-lvova-belova"}


def test_people_of_an_aside_with_a_relative_clause_of_their_own_still_travel() -> None:
    text = ("Omar al-Bashir sat a few places away from Vladimir Putin in the stand, alongside French President "
            "Emmanuel Macron and Croatian President Kolinda Grabar-Kitarovic, who both travelled to Moscow for the "
            "match.")
    got = {t[0] for t in trips(text, "2018-07-16") if t[1] == "RU"}
    assert {"Emmanuel Macron", "Kolinda Grabar-Kitarovic"} <= got


def test_his_trip_after_on_the_instruction_of_president_x_is_the_subjects() -> None:
    text = ("Security Council Secretary Sergei Shoigu headed to Pyongyang on Tuesday on the instruction of President "
            "Vladimir Putin, his second trip to North Korea in two weeks.")
    got = trips(text, "2025-06-17")
    assert ("sergei-shoigu", "KP", "2025-06", "completed") in got
    assert not {t for t in got if t[0] == "vladimir-putin"}


def test_a_summit_on_palestine_names_its_topic_not_a_destination() -> None:
    text = ("Omar al-Bashir arrived in Jakarta on Sunday to attend the fifth extraordinary summit of the "
            "Organization of Islamic Cooperation on Palestine and Al-Quds Al-Sharif.")
    got = {t[1] for t in trips(text, "2016-03-07")}
    assert "ID" in got and not got & {"PS", "IL", "TR"}


def test_an_extraordinary_summit_is_no_ordinary_edition_and_the_reverse() -> None:
    special = "Omar al-Bashir attended the extraordinary Islamic summit on Jerusalem in December 2017."
    assert ("omar-al-bashir", "TR", "2017-12", "completed") in trips(special, "2018-03-07")
    ordinary = "Omar al-Bashir attended the OIC summit in April 2016."
    assert ("omar-al-bashir", "TR", "2016-04", "completed") in trips(ordinary, "2018-03-07")


def test_a_name_then_an_apposition_then_its_verb() -> None:
    text = "Jean-Pierre Bemba, the MLC leader, spent last week in Kampala."
    assert ("jean-pierre-bemba", "UG", "2001-01", "completed") in trips(text, "2001-01-15")


def test_a_visit_scheduled_with_nobody_named_is_the_story_travellers_plan() -> None:
    text = ("Benjamin Netanyahu flew to Cairo on 18 July. He has not yet been to Europe. A visit to Paris is "
            "scheduled for September, according to officials in his office.")
    got = trips(text, "1996-08-08")
    assert ("benjamin-netanyahu", "FR", "1996-09", "planned") in got


# ---- "the prime minister" never named with the role: the wanted person whose title it is then ------------------

def test_the_prime_minister_is_the_wanted_person_titled_so_on_the_report_day() -> None:
    text = ("Benjamin Netanyahu flew to Cairo on 18 July. The third trip came on Monday, when the prime minister spent "
            "the afternoon in Amman with King Hussein.")
    assert ("benjamin-netanyahu", "JO", "1996-08", "completed") in trips(text, "1996-08-08")


def test_the_prime_minister_is_nobody_when_the_wanted_person_did_not_hold_the_role_then() -> None:
    text = ("Benjamin Netanyahu flew to Cairo on 18 July. The third trip came on Monday, when the prime minister spent "
            "the afternoon in Amman with King Hussein.")
    got = trips(text, "2003-08-08")  # (Netanyahu was finance minister in 2003)
    assert not {t for t in got if t[1] == "JO"}


def test_the_guide_is_gaddafi_only_capitalised_and_only_while_he_held_the_title() -> None:
    text = ("Muammar Gaddafi prayed in Timbuktu on Monday. The President of the National Assembly, Ibrahim Boubacar "
            "Keita, also attended. It was the Guide's second journey south of the Sahara this year. In January he took "
            "part in the African Union summit in Khartoum.")
    assert ("muammar-gaddafi", "SD", "2006-01", "completed") in trips(text, "2006-04-12")
    guide = "Muammar Gaddafi prayed in Timbuktu on Monday. In January our guide flew to Khartoum."
    assert not {t for t in trips(guide, "2006-04-12") if t[1] == "SD"}
    assert not trips("The Guide flew to Khartoum in January for the summit.", "2016-04-12")
