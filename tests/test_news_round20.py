"""Recall and precision by class, round 20: gatherings held, delegations joined, the next trip, and who a sentence
that opens with a surname is about.

Every sentence is written for these tests.
"""

from __future__ import annotations

import pytest

from riskcheck.news import extract_trips

spacy_parse = pytest.importorskip("spacy")  # these shapes are read off the parse (CI installs it)

# a line longer than a hard wrap, so short texts are read as written (not unwrapped)
PAD = " The rest of this report deals with matters that have nothing to do with anyone's travels, at some length."


def trips(text: str, published: str) -> set[tuple[str, str, str, str]]:
    return {(t.person_id or t.person, t.country, t.start[:7], t.status) for t in extract_trips(text + PAD, published)}


# ---- a gathering held: who holds it was there ---------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Valery Gerasimov holds six hours of talks in Helsinki",  # a headline's present
    "Valery Gerasimov holds talks in Helsinki with his American counterpart.",
    "Valery Gerasimov held a meeting in Helsinki with his American counterpart on Wednesday.",
])
def test_a_gathering_held_is_a_trip_of_who_held_it(text: str) -> None:
    assert ("valery-gerasimov", "FI", "2021-09", "completed") in trips(text, "2021-09-23")


@pytest.mark.parametrize("text", [
    "Valery Gerasimov holds the view that talks in Helsinki would be pointless.",
    "Valery Gerasimov will not hold talks in Helsinki, his office said.",
])
def test_holding_no_gathering_there_is_no_trip(text: str) -> None:
    assert not {t for t in trips(text, "2021-09-23") if t[1] == "FI" and t[3] in ("completed", "ongoing")}


# ---- a delegation joined ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, status", [
    ("Abdul Hakim Haqqani will be part of a delegation to Beijing later this year, officials said.", "planned"),
    ("Abdul Hakim Haqqani was part of the delegation to Beijing in March, officials said.", "completed"),
    ("Abdul Hakim Haqqani joined the delegation to Beijing in March, officials said.", "completed"),
])
def test_a_member_of_a_delegation_goes_with_it(text: str, status: str) -> None:
    assert any(t[:2] == ("abdul-hakim-haqqani", "CN") and t[3] == status for t in trips(text, "2025-05-10"))


def test_a_delegation_owned_by_a_country_sends_nobody_named() -> None:
    # "the Taliban's delegation to Beijing": whose it is says nothing of who travels
    got = trips("Abdul Hakim Haqqani criticised the delegation to Beijing in March, officials said.", "2025-05-10")
    assert not any(t[1] == "CN" for t in got)


# ---- the next trip ------------------------------------------------------------------------------------------------

def test_the_next_trip_is_ahead_and_dated_ahead() -> None:
    got = trips("Kremlin aides say Vladimir Putin's next foreign trip is to Minsk on 26-27 June.", "2024-05-01")
    assert ("vladimir-putin", "BY", "2024-06", "planned") in got


@pytest.mark.parametrize("text", [
    "Vladimir Putin's next foreign trip was to Minsk on 26-27 June.",
    "Vladimir Putin's next foreign trip took him to Minsk on 26-27 June.",
])
def test_the_next_trip_told_in_the_past_was_made(text: str) -> None:
    assert ("vladimir-putin", "BY", "2024-06", "completed") in trips(text, "2024-09-01")


# ---- a sentence that opens with a surname is about that person ------------------------------------------------------

@pytest.mark.parametrize("middle", [
    "Gallant, whom Netanyahu dismissed on 5 November, was popular with the generals.",
    "Gallant, whom Netanyahu sacked, kept his own counsel.",
])
def test_he_is_the_surname_opening_the_sentence_before(middle: str) -> None:
    text = f"Benjamin Netanyahu fired Yoav Gallant in November. {middle} He flew to Washington to see Lloyd Austin in March."
    got = trips(text, "2024-11-22")
    assert ("yoav-gallant", "US", "2024-03", "completed") in got
    assert not any(t[:2] == ("benjamin-netanyahu", "US") for t in got)


def test_a_surname_after_the_full_name_does_not_take_the_sentence() -> None:
    # the full name comes first: the sentence is about Netanyahu, the surname after it is an object
    text = ("Yoav Gallant left the cabinet in November. Benjamin Netanyahu, who had sacked Gallant, was unrepentant. "
            "He flew to Washington in July.")
    got = trips(text, "2024-11-22")
    assert ("benjamin-netanyahu", "US", "2024-07", "completed") in got
    assert not any(t[:2] == ("yoav-gallant", "US") for t in got)


# ---- "is in X" with a date ahead -----------------------------------------------------------------------------------

def test_is_in_a_place_next_week_is_a_plan() -> None:
    assert ("vladimir-putin", "IT", "2016-12", "planned") in trips("Vladimir Putin is in Italy next week.", "2016-12-16")


@pytest.mark.parametrize("text", [
    "Vladimir Putin is in Italy today.",
    "Vladimir Putin is currently in Italy and is due in Paris on Sunday.",
])
def test_is_in_a_place_now_is_under_way(text: str) -> None:
    assert ("vladimir-putin", "IT", "2016-12", "ongoing") in trips(text, "2016-12-16")


def test_a_reviews_present_with_a_date_is_no_plan() -> None:
    # a year in review told in the present: the day named is this year's past, not a plan
    got = trips("The year in pictures. Sergei Shoigu is in Pyongyang on 13 September.", "2024-12-30")
    assert not any(t[:2] == ("sergei-shoigu", "KP") and t[3] == "planned" for t in got)


# ---- on a visit -----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "On a state visit to Beijing, Rodrigo Duterte announced his separation from the United States.",
    "On a state visit to Beijing, Rodrigo Duterte announces his separation from the United States.",
    "Rodrigo Duterte, on a visit to Beijing, said he wanted closer ties.",
])
def test_what_is_done_on_a_visit_places_the_doer_there(text: str) -> None:
    assert any(t[:2] == ("rodrigo-duterte", "CN") and t[3] == "completed" for t in trips(text, "2016-10-22"))


@pytest.mark.parametrize("text, code", [
    ("Rodrigo Duterte, who is on a state visit to China that began on Monday, called for closer ties.", "CN"),
    ("Rodrigo Duterte, who arrived on Thursday on a state visit to China, will stay until Saturday.", "CN"),
])
def test_a_visit_in_a_relative_clause_is_still_read(text: str, code: str) -> None:
    assert any(t[:2] == ("rodrigo-duterte", code) for t in trips(text, "2016-10-20"))


def test_commenting_on_someone_elses_visit_is_no_trip() -> None:
    got = trips("Rodrigo Duterte commented on a visit to Tokyo by the Chinese minister.", "2016-10-20")
    assert not any(t[:2] == ("rodrigo-duterte", "JP") for t in got)


# ---- a list of places, each with its date --------------------------------------------------------------------------

def test_a_list_of_places_each_with_its_date() -> None:
    got = trips("Omar al-Bashir has visited Kenya in August last year, Chad in July last year and Djibouti in May.",
                "2011-10-16")
    assert {("omar-al-bashir", "KE", "2010-08", "completed"), ("omar-al-bashir", "TD", "2010-07", "completed"),
            ("omar-al-bashir", "DJ", "2011-05", "completed")} <= got


# ---- a plan weeks ahead is not the visit made -----------------------------------------------------------------------

def test_a_plan_weeks_ahead_is_another_trip_than_the_undated_visit() -> None:
    text = ("On a state visit to Beijing, Rodrigo Duterte announced his separation from the United States. "
            "Rodrigo Duterte is expected at the Boao Forum in Hainan in April.")
    got = trips(text, "2018-03-15")
    assert any(t[:2] == ("rodrigo-duterte", "CN") and t[3] == "completed" for t in got)
    assert ("rodrigo-duterte", "CN", "2018-04", "planned") in got


def test_the_next_days_leg_stays_one_trip_with_the_visit() -> None:
    text = "Benjamin Netanyahu is visiting India. Benjamin Netanyahu will fly to Agra tomorrow to see the Taj Mahal."
    got = [t for t in trips(text, "2018-01-15") if t[:2] == ("benjamin-netanyahu", "IN")]
    assert len(got) == 1


# ---- a place that is someone's trip ---------------------------------------------------------------------------------

def test_a_place_that_was_someones_trip() -> None:
    got = trips("Kyrgyzstan last October was Vladimir Putin's first trip abroad after March 2023.", "2024-10-25")
    assert ("vladimir-putin", "KG", "2023-10", "completed") in got


def test_a_place_that_will_be_someones_trip() -> None:
    got = trips("Kyrgyzstan will be Vladimir Putin's next trip abroad.", "2024-10-25")
    assert any(t[:2] == ("vladimir-putin", "KG") and t[3] == "planned" for t in got)


def test_a_place_that_was_a_topic_is_no_trip() -> None:
    got = trips("Kyrgyzstan was Vladimir Putin's first topic at the meeting in Moscow.", "2024-10-25")
    assert not any(t[1] == "KG" for t in got)


# ---- company on a journey -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Sergei Kobylash took Tu-160s to Venezuela in December 2018.",
    "Sergei Kobylash took two strategic bombers to Venezuela in December 2018.",
])
def test_who_takes_aircraft_somewhere_flies_with_them(text: str) -> None:
    assert ("sergei-kobylash", "VE", "2018-12", "completed") in trips(text, "2024-10-25")


def test_taking_a_case_to_a_court_is_no_trip() -> None:
    assert not trips("Sergei Kobylash took the case to Venezuela's courts in December 2018.", "2024-10-25")


@pytest.mark.parametrize("text", [
    "Abdullah Senussi was the family's enforcer. He was at Muammar Gaddafi's side on the Libyan leader's visit to "
    "Rome in August 2010.",
    "Abdullah Senussi stood alongside Muammar Gaddafi on his visit to Rome in August 2010.",
])
def test_who_is_at_someones_side_on_their_visit_went_too(text: str) -> None:
    got = trips(text, "2013-11-20")
    assert ("abdullah-al-senussi", "IT", "2010-08", "completed") in got
    assert ("muammar-gaddafi", "IT", "2010-08", "completed") in got


def test_criticising_someone_on_their_visit_is_no_trip() -> None:
    got = trips("Abdullah Senussi criticised Muammar Gaddafi on his visit to Rome in August 2010.", "2013-11-20")
    assert not any(t[:2] == ("abdullah-al-senussi", "IT") for t in got)


# ---- the one seen ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Laurent Gbagbo stayed home. Most of them last saw him at Omar Bongo's state funeral in Libreville in June 2009.",
    "Regional leaders last saw Laurent Gbagbo at Omar Bongo's state funeral in Libreville in June 2009.",
])
def test_the_one_seen_at_an_event_was_at_its_place(text: str) -> None:
    assert ("laurent-gbagbo", "GA", "2009-06", "completed") in trips(text, "2010-12-20")


def test_the_one_seen_first_is_not_at_every_place_of_the_list() -> None:
    text = ("Benjamin Netanyahu saw Abdullah Senussi in Berlin on Monday, Emmanuel Macron in Paris on Tuesday and "
            "Theresa May in London on Wednesday.")
    got = trips(text, "2018-06-08")
    assert ("benjamin-netanyahu", "FR", "2018-06", "completed") in got
    assert not any(t[0] == "abdullah-al-senussi" and t[1] in ("FR", "GB") for t in got)


# ---- a sequel told with "then" ------------------------------------------------------------------------------------

def test_then_crossed_into_is_the_subjects_next_leg() -> None:
    got = trips("Joseph Kony led his fighters out of Uganda in 2006, then crossed into the Central African Republic "
                "in 2008.", "2024-01-10")
    assert ("joseph-kony", "CF", "2008-01", "completed") in got


# ---- a surname after a capitalised opening word -----------------------------------------------------------------------

@pytest.mark.parametrize("middle", [
    "For Gaddafi, the visit crowns a return to the world stage.",
    "But Gaddafi, for his part, saw the visit as a return to the world stage.",
])
def test_a_surname_after_an_opening_word_is_the_person_named_before(middle: str) -> None:
    text = ("Condoleezza Rice met Muammar Gaddafi and Abdel Rahman Shalgam. After talks with Abdel Rahman Shalgam she "
            f"waited. {middle} Last December he attended the EU-Africa summit in Lisbon.")
    assert ("muammar-gaddafi", "PT", "2007-12", "completed") in trips(text, "2008-09-06")


def test_another_first_name_before_the_surname_is_someone_else() -> None:
    text = ("Muammar Gaddafi stayed in Tripoli. Hannibal Gaddafi flew to Geneva in July. Muammar Gaddafi's son was "
            "arrested there.")
    assert not any(t[:2] == ("muammar-gaddafi", "CH") for t in trips(text, "2008-09-06"))


# ---- legs told with "then", camps -----------------------------------------------------------------------------------

def test_legs_after_then_and_before_share_the_subject() -> None:
    text = ("Last December Muammar Gaddafi attended the EU-Africa summit in Lisbon, then pitched his Bedouin tent in "
            "a park for five days, before moving on to Madrid.")
    got = trips(text, "2008-09-06")
    assert {("muammar-gaddafi", "PT", "2007-12", "completed"), ("muammar-gaddafi", "ES", "2007-12", "completed")} <= got


def test_a_tent_pitched_in_a_city_is_a_stay_there() -> None:
    got = trips("Muammar Gaddafi pitched his tent in Rome in June 2009.", "2009-09-06")
    assert ("muammar-gaddafi", "IT", "2009-06", "completed") in got


def test_a_plan_pitched_to_officials_of_a_city_is_no_trip() -> None:
    assert not trips("Muammar Gaddafi pitched the plan to Paris officials in May.", "2009-09-06")


# ---- a date that names an event, not the trip ------------------------------------------------------------------------

@pytest.mark.parametrize("event", ["bombing", "crash", "assassination", "trial"])
def test_the_date_of_a_past_event_in_an_apposition_is_not_the_trips(event: str) -> None:
    text = (f"Abdullah Senussi, the intelligence chief whom a French court convicted over the 1989 {event} of a UTA "
            "airliner, travelled in the Libyan delegation to Lisbon.")
    got = [t for t in trips(text, "2008-09-06") if t[:2] == ("abdullah-al-senussi", "PT")]
    assert got and not any(t[2].startswith("1989") for t in got)
