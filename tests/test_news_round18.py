"""Recall and precision by class, round 18: a surname read as a town ("the Bush family hosted him"), "made it to",
"became the first Kremlin leader in Tehran since Stalin", "a tour that ended in the Jordanian capital", and a date
that opens its sentence before a long aside.

Every sentence is written for these tests.
"""

from __future__ import annotations

import pytest

from riskcheck.news import extract_trips

spacy_parse = pytest.importorskip("spacy")  # several of these shapes are read off the parse (CI installs it)

# a line longer than a hard wrap, so short texts are read as written (not unwrapped)
PAD = " The rest of this report deals with matters that have nothing to do with anyone's travels, at some length."


def trips(text: str, published: str) -> set[tuple[str, str, str, str]]:
    return {(t.person_id or t.person, t.country, t.start[:7], t.status) for t in extract_trips(text + PAD, published)}


def countries(text: str, published: str) -> set[str]:
    return {t[1] for t in trips(text, published)}


# ---- a surname is not a town ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Vladimir Putin met George W. Bush in Moscow in May. The Bush family hosted him for two days on 1 and 2 July.",
    "Vladimir Putin flew to Maine on 1 July. The Bush administration hosted him for two days.",
])
def test_a_surname_before_family_or_administration_is_not_a_town(text: str) -> None:
    got = countries(text, "2007-07-05")
    assert "US" in got
    assert "EG" not in got  # Būsh, a town in Egypt


def test_the_last_word_of_someone_named_in_full_is_not_a_town() -> None:
    text = ("Vladimir Putin met George W. Bush in Sochi in April. Three months later Bush welcomed him at the family "
            "estate, and Putin arrived there on 1 July.")
    assert "EG" not in countries(text, "2007-07-05")


def test_a_town_named_like_nobody_in_the_article_is_still_a_town() -> None:
    # the guard is narrow: with no Bush named anywhere, the town is read as written
    text = "Vladimir Putin flew to Bush on 1 July for talks with the governor."
    assert "EG" in countries(text, "2007-07-05")


# ---- "made it to" --------------------------------------------------------------------------------------------------

def test_made_it_to_is_a_journey() -> None:
    text = ("The European calendar was thinner, but Vladimir Putin made it to Heiligendamm on the Baltic for the G8 "
            "summit from 6 to 8 June.")
    assert ("vladimir-putin", "DE", "2007-06", "completed") in trips(text, "2007-12-29")


def test_could_not_make_it_to_is_called_off() -> None:
    got = trips("Vladimir Putin could not make it to Berlin for the talks on 3 March.", "2007-03-05")
    assert {t[3] for t in got if t[1] == "DE"} == {"cancelled"}


# ---- "became the first ... in X since" -----------------------------------------------------------------------------

def test_became_the_first_leader_in_a_capital_since_is_a_visit() -> None:
    text = ("On 16 October Vladimir Putin became the first Kremlin leader in Tehran since Stalin, shrugging off talk "
            "of a plot.")
    assert ("vladimir-putin", "IR", "2007-10", "completed") in trips(text, "2007-12-29")


def test_will_become_the_first_is_a_plan() -> None:
    text = "Next month Vladimir Putin will become the first Kremlin leader in North Korea since 2000."
    assert ("vladimir-putin", "KP", "2008-01", "planned") in trips(text, "2007-12-29")


def test_head_of_state_and_a_year_after_since() -> None:
    text = "Omar al-Bashir became the first Sudanese head of state in Rome since 1989 when he arrived on 3 May."
    got = trips(text, "2007-12-29")
    assert ("omar-al-bashir", "IT", "2007-05", "completed") in got
    assert not {t for t in got if t[2] == "1989-01"}


def test_the_first_leader_of_his_kind_at_home_is_no_trip() -> None:
    text = "In 2000 Vladimir Putin became the first Kremlin leader in Moscow since Lenin to ride the metro."
    assert "RU" not in countries(text, "2000-06-01")


# ---- a tour that ended somewhere -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Vladimir Putin spent 11 and 12 February in Riyadh, at the start of a Gulf tour that ended in the Jordanian "
    "capital.",
    "Vladimir Putin spent 11 and 12 February in Riyadh. The tour ended in the Jordanian capital on 13 February.",
])
def test_a_tour_ending_in_a_demonym_capital(text: str) -> None:
    got = countries(text, "2007-12-29")
    assert {"SA", "JO"} <= got


# ---- a date that opens its sentence --------------------------------------------------------------------------------

def test_a_date_opening_the_sentence_dates_the_main_clause_past_a_long_aside() -> None:
    text = ("Vladimir Putin is in Scotland for the G8 summit. In June 2003, during the first state visit to Britain by "
            "a Kremlin leader since Tsar Alexander II's, Mr Putin spent three days in London.")
    got = trips(text, "2005-07-08")
    assert ("vladimir-putin", "GB", "2003-06", "completed") in got


def test_a_quoted_date_at_the_start_is_not_the_speakers_meeting() -> None:
    text = ('"In October, we look forward to talks between Vladimir Putin and Xi Jinping in Beijing," Nikolai '
            "Patrushev said at a meeting in Moscow with the visiting Chinese diplomat Wang Yi, who arrived on Monday "
            "after a long week of preparatory consultations in the capital.")
    got = {t for t in trips(text, "2023-09-19") if t[0] == "vladimir-putin"}
    assert ("vladimir-putin", "CN", "2023-10", "planned") in got


# ---- earlier editions counted back ---------------------------------------------------------------------------------

def test_the_two_previous_forums_are_one_undated_row_for_their_one_country() -> None:
    text = ("Vladimir Putin will travel to Beijing in October for the third Belt and Road Forum. Putin took part in the "
            "two previous forums, aides recalled.")
    got = [t for t in extract_trips(text + PAD, "2023-09-19") if t.person_id == "vladimir-putin" and t.country == "CN"]
    earlier = [t for t in got if t.status == "completed"]
    assert len(earlier) == 1 and earlier[0].start == ""  # one row: two trips told together, each not dated by the text
    assert "1st Belt and Road Forum" in earlier[0].event and "2nd Belt and Road Forum" in earlier[0].event
    assert any(t.status == "planned" and t.start.startswith("2023-10") for t in got)


def test_the_last_two_summits_skip_one_held_by_video() -> None:
    # of the two BRICS summits before the report, 2022's was held by video only: one trip, to Johannesburg
    got = trips("Vladimir Putin attended the last two BRICS summits, his aides said.", "2023-12-01")
    assert ("vladimir-putin", "ZA", "2023-08", "completed") in got
    assert not {t for t in got if t[1] == "CN"}


def test_the_last_summit_alone_is_not_counted_back() -> None:
    # "the last summit" may be the one just held: no edition is guessed
    got = trips("Vladimir Putin attended the last BRICS summit, his aides said.", "2023-12-01")
    assert not {t for t in got if t[3] == "completed" and t[2].startswith("2022")}


def test_did_not_attend_the_last_summits_does_not_cancel_the_plan() -> None:
    text = ("Vladimir Putin will travel to Beijing in October for the third Belt and Road Forum. Putin did not attend "
            "the last two G20 summits.")
    got = trips(text, "2023-09-19")
    assert ("vladimir-putin", "CN", "2023-10", "planned") in got


# ---- round 18, second part: news_blind60 --------------------------------------------------------------------------

def test_a_role_before_a_town_name_is_a_surname() -> None:
    assert "EG" not in countries("Yoav Gallant was at the summit with President Bush in June 2003.", "2005-02-08")


def test_a_venue_below_the_city_tables_size() -> None:
    # Aqaba (data/places.csv), as the place of a gathering named after it
    assert ("yoav-gallant", "JO", "2003-06", "completed") in trips(
        "Yoav Gallant was at the Aqaba summit with the prime minister in June 2003.", "2005-02-08")


def test_came_several_times_to_a_capital_in_a_year() -> None:
    text = ("Sergei Shoigu arrived in Belgrade on Friday for talks on de-mining. During the war in 1999 he came "
            "several times to the Serbian capital at the head of convoys.")
    got = trips(text, "2008-04-19")
    assert ("sergei-shoigu", "RS", "1999-01", "completed") in got
    assert ("sergei-shoigu", "RS", "2008-04", "completed") in got


def test_sent_him_to_a_place_is_the_envoys_trip() -> None:
    text = ("Sergei Shoigu arrived in Belgrade on Friday for talks on de-mining. In March 2004 President Vladimir "
            "Putin sent him to Belgrade as his special envoy.")
    assert ("sergei-shoigu", "RS", "2004-03", "completed") in trips(text, "2008-04-19")


def test_will_not_send_him_to_the_hague_is_no_trip() -> None:
    text = "The new authorities in Tripoli insist they will not send Saif al-Islam Gaddafi to The Hague."
    assert "NL" not in countries(text, "2011-11-21")


@pytest.mark.parametrize(("text", "status"), [
    ("Shoigu said he hopes to come again in the autumn, but the date was not fixed.", "speculative"),
    ("Shoigu said he plans to return in June.", "planned"),
    ("Shoigu said he will come again in the autumn.", "planned"),
])
def test_a_return_wished_or_planned_goes_back_where_the_trip_is(text: str, status: str) -> None:
    lead = "BELGRADE, April 19 (Tanjug) - Sergei Shoigu arrived in Belgrade on Friday for talks on de-mining. "
    got = trips(lead + text, "2008-04-19")
    assert any(t[:2] == ("sergei-shoigu", "RS") and t[3] == status and t[2] > "2008-04" for t in got)


def test_a_plan_told_in_the_past_and_then_instead() -> None:
    text = "Israel's prime minister Benjamin Netanyahu was due in China this month. Instead he went to Washington."
    got = trips(text, "2010-11-16")
    assert ("benjamin-netanyahu", "CN", "2010-11", "cancelled") in got
    assert "US" in {t[1] for t in got}


def test_was_due_alone_is_a_plan_not_a_visit() -> None:
    got = trips("Benjamin Netanyahu was due in Beijing in November, officials said.", "2010-10-16")
    assert ("benjamin-netanyahu", "CN", "2010-11", "planned") in got


def test_an_interview_answer_it_was_called_off() -> None:
    text = ("Q: Benjamin Netanyahu was expected in Beijing in November. Why did the visit not happen? A: It was "
            "called off shortly before it was due to begin.")
    assert ("benjamin-netanyahu", "CN", "2010-11", "cancelled") in trips(text, "2010-11-16")


def test_an_unknown_name_after_since_owns_its_journey() -> None:
    text = ("Officials confirmed that Russian President Vladimir Putin is expected in Cairo in April, the first visit "
            "by a Kremlin leader since Nikita Khrushchev came to open the Aswan works in 1964.")
    got = trips(text, "2005-02-08")
    assert ("vladimir-putin", "EG", "2005-04", "planned") in got
    assert not {t for t in got if t[2].startswith("1964")}


# ---- round 18, third part: news_blind59 ---------------------------------------------------------------------------

def test_landed_at_marka_is_amman_in_an_article_about_jordan() -> None:
    text = ("Benjamin Netanyahu's plane landed at Marka on Tuesday morning for talks with King Abdullah II of Jordan, "
            "and by mid-afternoon he was back in Jerusalem.")
    got = countries(text, "2023-01-25")
    assert "JO" in got and "SO" not in got


def test_there_is_the_one_country_of_the_sentence_before() -> None:
    text = ("President Ferdinand Marcos Jr. is expected in Davos later this month. His predecessor made Beijing the "
            "centrepiece of his policy. Rodrigo Duterte went there on a state visit in October 2016.")
    got = trips(text, "2023-01-04")
    assert ("rodrigo-duterte", "CN", "2016-10", "completed") in got
    assert not {t for t in got if t[0] == "rodrigo-duterte" and t[1] == "CH"}


def test_a_week_later_counts_from_the_day_the_sentence_before_told() -> None:
    text = ("Israeli Prime Minister Naftali Bennett came to Sochi on 22 October for a long meeting with Vladimir Putin. "
            "The second "
            "exception was a few hours in New Delhi on 6 December for the annual summit. A week later Bennett was in "
            "Abu Dhabi, the first Israeli prime minister to visit the Emirates.")
    got = {t for t in trips(text, "2021-12-29") if t[1] == "AE"}
    assert got and all(t[2] == "2021-12" for t in got)


def test_as_part_of_the_delegation_after_another_verb() -> None:
    text = ("On 16 June Vladimir Putin flew to Geneva for his summit with the US president. The chief of the general "
            "staff, Valery Gerasimov, sat in the extended-format talks as part of the Russian delegation.")
    assert ("valery-gerasimov", "CH", "2021-06", "completed") in trips(text, "2021-12-29")


def test_since_a_month_when_dates_the_when_clause() -> None:
    text = ("Vladimir Putin opened the parade. The president has not left Russia since January, when he made an "
            "unannounced stop in Damascus.")
    assert ("vladimir-putin", "SY", "2020-01", "completed") in trips(text, "2020-06-24")


def test_since_a_season_when_takes_the_clauses_month_in_that_year() -> None:
    text = ("Benjamin Netanyahu marched in Paris on Sunday. It was his first visit to France since the autumn of "
            "2012, when he came to Paris for talks at the end of October.")
    assert ("benjamin-netanyahu", "FR", "2012-10", "completed") in trips(text, "2015-01-12")


def test_the_when_clause_date_stays_in_its_clause() -> None:
    text = ("Neither leader has travelled abroad for months. Vladimir Putin has not left Russia since January, when "
            "he attended a conference in Berlin; Rodrigo Duterte's last foreign trip was to Busan for the summit last "
            "November.")
    got = trips(text, "2020-11-21")
    assert ("rodrigo-duterte", "KR", "2019-11", "completed") in got


def test_had_been_at_the_kremlin() -> None:
    text = "Benjamin Netanyahu stayed home. He had been at the Kremlin only in January, to collect a pardoned woman."
    assert ("benjamin-netanyahu", "RU", "2020-01", "completed") in trips(text, "2020-06-24")


def test_among_them_after_those_who_stayed_away_is_called_off() -> None:
    text = ("The parade in Moscow began at ten. Of the many leaders who had accepted invitations to the parade, most "
            "have stayed away. Among them is Israel's Benjamin Netanyahu.")
    got = {t for t in trips(text, "2020-06-24") if t[0] == "benjamin-netanyahu"}
    assert got and all(t[3] == "cancelled" for t in got)


def test_a_headline_in_capitals_names_no_one_with_its_verb() -> None:
    text = ("PRESIDENT MUSEVENI CALLS FOR JOINT OPERATION\n\nH.E. Yoweri Kaguta Museveni, President of the Republic "
            "of Uganda, arrived in Addis Ababa on Sunday evening for the summit. He later met President Omar al-Bashir, "
            "who accepted an invitation to visit Uganda this year. President Museveni thanked him. The President "
            "will return to Entebbe on Wednesday.")
    got = extract_trips(text + PAD, "2017-01-31")
    assert not any(t.person.isupper() for t in got)  # no "MUSEVENI CALLS"
    assert not any(t.person_id == "omar-al-bashir" and t.city == "Entebbe" for t in got)


def test_an_arrival_at_the_dateline_not_at_a_plan_for_the_year() -> None:
    text = ("Addis Ababa, 31st January 2017\n\nOmar al-Bashir accepted an invitation to pay a state visit to Uganda "
            "before the end of this year. The President also met Uhuru Kenyatta, President of Kenya, who flew in on "
            "Saturday.")
    got = {(t.person, t.country) for t in extract_trips(text + PAD, "2017-01-31")}
    assert ("Uhuru Kenyatta", "ET") in got and ("Uhuru Kenyatta", "UG") not in got


def test_marching_through_a_capital() -> None:
    text = ("Benjamin Netanyahu was due back in Israel on Monday after marching through central Paris on Sunday with "
            "forty world leaders.")
    assert ("benjamin-netanyahu", "FR", "2015-01", "completed") in trips(text, "2015-01-12")


# ---- round 18, fourth part --------------------------------------------------------------------------------------

def test_a_weekday_with_the_day_of_the_month() -> None:
    text = "Benjamin Netanyahu landed in New Orleans on Sunday the 7th for the General Assembly of the federations."
    assert ("benjamin-netanyahu", "US", "2010-11", "completed") in trips(text, "2010-11-16")
    got = [t for t in extract_trips(text + PAD, "2010-11-16") if t.country == "US"]
    assert got and got[0].start == "2010-11-07"


def test_it_was_called_off_with_a_place_in_a_later_clause() -> None:
    text = ("Q: Benjamin Netanyahu was expected in Beijing in November. Why did the visit not happen? A: It was "
            "called off shortly before it was due to begin, and the decision was taken in Jerusalem, not here.")
    assert ("benjamin-netanyahu", "CN", "2010-11", "cancelled") in trips(text, "2010-11-16")


def test_a_columnists_here_is_the_mastheads_city() -> None:
    text = ("THE PRETORIA LEDGER | Opinion | Columnists\n\nMbeki's patience is tested\n\nFor the second time in three "
            "months, Laurent Gbagbo has signed a document in the city that nobody in Abidjan expects to be kept. In "
            "April Gbagbo spent four days here before signing the first agreement.")
    assert ("laurent-gbagbo", "ZA", "2005-04", "completed") in trips(text, "2005-07-01")


def test_a_month_before_a_surname_is_no_first_name() -> None:
    text = ("Laurent Gbagbo is expected in Sirte next week. In April Gbagbo went to Pretoria for four days of talks "
            "with the mediator.")
    assert ("laurent-gbagbo", "ZA", "2005-04", "completed") in trips(text, "2005-07-01")


def test_was_also_at_a_summit() -> None:
    text = ("Maj-Gen Yoav Gallant, the military secretary, who was also at the Aqaba summit in June 2003, sat beside "
            "the prime minister.")
    assert ("yoav-gallant", "JO", "2003-06", "completed") in trips(text, "2005-02-08")


def test_a_profile_heading_names_who_he_is() -> None:
    text = ("WHO'S WHO: the men who will run the country\n\nHAIBATULLAH AKHUNDZADA — Supreme leader\nThe emir has not "
            "been seen in public since 2016. He crossed into Pakistan in 2001 and taught at a mosque there.\n\n"
            "ABDUL GHANI BARADAR — Deputy leader\nLast month he led a nine-member delegation to Tianjin, where the "
            "foreign minister received him. He then returned to Doha.\n")
    got = extract_trips(text + PAD, "2021-08-20")
    wanted = {(t.country, t.start[:4]) for t in got if t.person_id == "haibatullah-akhundzada"}
    assert ("PK", "2001") in wanted
    assert not any(t.person_id == "haibatullah-akhundzada" and t.country in ("CN", "QA") for t in got)
    assert any(t.person == "Abdul Ghani Baradar" and t.country == "CN" for t in got)


def test_the_two_met_after_a_fronted_date_with_a_partner_named_by_ties_with() -> None:
    text = ("Vladimir Putin's personal ties with Yulia Tymoshenko, the former prime minister, were much discussed in "
            "Kiev. Last November the two met at the Livadia Palace in Yalta and agreed to waive fines.")
    assert ("vladimir-putin", "UA", "2009-11", "completed") in trips(text, "2010-04-27")


def test_hoped_he_would_come_back_perhaps_to_a_region_of_that_country() -> None:
    text = ("Vladimir Putin landed in Kiev late on Monday for talks with the government. The prime minister said he "
            "hoped Putin would come back in the summer, perhaps to Crimea.")
    got = trips(text, "2010-04-27")
    assert ("vladimir-putin", "UA", "2010-04", "completed") in got
    assert any(t[:2] == ("vladimir-putin", "UA") and t[3] == "speculative" and t[2] > "2010-05" for t in got)
