"""Recall and precision by class, round 15: a title-case dateline and "the capital" pointing to it, a plan to come
back that is another trip than the one just made, "his first (visit) to the republic since 2005" and "His Belgrade
visit, the first since ...", "the two men" right after a sentence naming two, "the former president" (not the
president named), and a journey's origin that is not where a gathering is.

Every sentence is written for these tests.
"""

from __future__ import annotations

import pytest

from riskcheck.news import extract_trips

spacy_parse = pytest.importorskip("spacy")  # several of these shapes are read off the parse (CI installs it)


def rows(text: str, published: str) -> set[tuple[str, str, str, str]]:
    return {(t.person_id or t.person, t.country, t.start[:7], t.status) for t in extract_trips(text, published)}


def trips(text: str, published: str) -> set[tuple[str, str, str, str]]:
    return {(t.person_id or t.person, t.country, t.start, t.status) for t in extract_trips(text, published)}


# ---- a title-case dateline ("Nairobi — ..."), and "the capital" that points to it -------------------------------

LEAD = "Nairobi — Leaders of the region gathered at the State House on Saturday for the signing of the accord. "


def test_arrived_in_the_capital_is_the_datelines_capital() -> None:
    text = LEAD + "Sudan's Omar al-Bashir, who arrived in the capital on Friday evening, spoke first."
    assert ("omar-al-bashir", "KE", "2010-08-27", "completed") in trips(text, "2010-08-29")


@pytest.mark.parametrize("text", [
    LEAD + "Sudan's Omar al-Bashir returned to the capital on Friday evening after the talks.",  # his own capital
    LEAD + "Sudan's Omar al-Bashir, who arrived in the capital Khartoum on Friday evening, spoke first.",  # named
    "Nairobi is where Sudan's Omar al-Bashir, who arrived in the capital on Friday evening, spoke first.",  # no dash
])
def test_the_capital_is_not_the_datelines_when_the_sentence_says_otherwise(text: str) -> None:
    assert not any(country == "KE" for _, country, _, _ in trips(text, "2010-08-29"))


def test_an_upper_case_dateline_still_comes_first() -> None:
    text = ("NAIROBI - Leaders gathered on Saturday. Kampala — a caption line. Sudan's Omar al-Bashir, who arrived "
            "in the capital on Friday evening, spoke first.")
    assert ("omar-al-bashir", "KE", "2010-08-27", "completed") in trips(text, "2010-08-29")


# ---- a plan to come back is another trip -------------------------------------------------------------------------

def test_expected_back_later_this_month_is_a_second_trip() -> None:
    text = ("Sudan's Omar al-Bashir arrived in Addis Ababa on Saturday for the funeral. Omar al-Bashir and Salva Kiir "
            "are expected back in Addis Ababa later this month for another round of talks.")
    got = rows(text, "2012-09-03")
    assert ("omar-al-bashir", "ET", "2012-09", "completed") in got
    assert ("omar-al-bashir", "ET", "2012-09", "planned") in got


def test_flying_back_home_is_not_a_second_trip() -> None:
    text = ("Rodrigo Duterte landed in Kuala Lumpur on Wednesday for a two-day visit. He will meet the Filipino "
            "community in Kuala Lumpur tonight and is scheduled to fly back to Davao on Friday.")
    got = [t for t in extract_trips(text, "2016-11-10") if t.country == "MY"]
    assert len(got) == 1 and got[0].status == "completed"


# ---- "the first since": the trip before this one -----------------------------------------------------------------

@pytest.mark.parametrize(("text", "published", "want"), [
    ("Vladimir Putin arrived in Dushanbe on Tuesday. This is the Russian leader's first trip to the republic since "
     "June 2022.", "2024-10-08", ("vladimir-putin", "TJ", "2022-06", "completed")),
    ("Vladimir Putin arrived in Belgrade on Thursday. His Belgrade visit, the first since March 2011 when he came "
     "as prime minister, lasted barely six hours.", "2014-10-16", ("vladimir-putin", "RS", "2011-03", "completed")),
    ("Vladimir Putin arrived in Armenia on Monday for a one-day working visit, his first to the country since 2005.",
     "2013-12-03", ("vladimir-putin", "AM", "2005-01", "completed")),  # (the year 2005: from its first month)
    ("Vladimir Putin arrived in New Delhi on Monday. It was his first visit to India since he returned to the "
     "Kremlin in May, and his first since March 2010, when he came as prime minister.", "2012-12-25",
     ("vladimir-putin", "IN", "2010-03", "completed")),
])
def test_the_first_since_gives_the_trip_before(text: str, published: str, want: tuple[str, ...]) -> None:
    assert want in rows(text, published)


def test_the_first_since_never_goes_home() -> None:
    text = ("Vladimir Putin arrived in New Delhi on Monday. It was his first visit to India since he returned to the "
            "Kremlin in May, and his first since March 2010.")
    assert not any(country == "RU" for _, country, _, _ in rows(text, "2012-12-25"))


# ---- "the two men" right after a sentence naming two --------------------------------------------------------------

def test_the_two_men_are_the_two_just_named_among_many() -> None:
    text = ("ADDIS ABABA - Rwanda's Paul Kagame, Uganda's Yoweri Museveni and Kenya's Mwai Kibaki attended the funeral "
            "on Sunday. Sudan's Omar al-Bashir and Salva Kiir are expected back in Addis Ababa later this month. "
            "The two men last met here in mid-July, on the sidelines of the summit.")
    got = rows(text, "2012-09-03")
    assert ("omar-al-bashir", "ET", "2012-07", "completed") in got
    assert ("Salva Kiir", "ET", "2012-07", "completed") in got


def test_the_two_men_are_not_guessed_when_the_sentence_before_named_one() -> None:
    text = ("ADDIS ABABA - Rwanda's Paul Kagame, Uganda's Yoweri Museveni and Kenya's Mwai Kibaki attended the funeral "
            "on Sunday. Sudan's Omar al-Bashir spoke to Salva Kiir's aides. A spokesman said little. "
            "The two men last met here in mid-July.")
    assert not any(start == "2012-07" for _, _, start, _ in rows(text, "2012-09-03"))


# ---- "the former president" ---------------------------------------------------------------------------------------

def test_the_former_president_is_the_ex_president_not_the_sitting_one() -> None:
    text = ("Seven weeks after the army removed Omar al-Bashir, the new council's head flew to Cairo for talks with "
            "President Abdel Fattah al-Sisi. The visit offers a contrast with the last months of Bashir's rule. As the "
            "protests grew, the former president travelled to Doha on 22 January in search of money.")
    got = rows(text, "2019-05-27")
    assert ("omar-al-bashir", "QA", "2019-01", "completed") in got
    assert not any(country == "QA" and person != "omar-al-bashir" for person, country, _, _ in got)


def test_the_former_president_with_no_former_holder_named_is_nobody() -> None:
    text = ("President Abdel Fattah al-Sisi met the council's head in Cairo on Saturday. As the protests grew, the "
            "former president travelled to Doha on 22 January in search of money.")
    assert not any(country == "QA" for _, country, _, _ in rows(text, "2019-05-27"))


# ---- where a journey starts is not where the gathering is -----------------------------------------------------------

def test_flew_in_from_does_not_place_the_summit() -> None:
    text = ("ADDIS ABABA - Malawi's president was elected chairman of the African Union on Sunday. The Malawian leader, "
            "who flew in from Lilongwe on Friday, pledged to put food security first. Sudanese President Omar "
            "al-Bashir addressed the summit on Sunday.")
    got = rows(text, "2010-02-01")
    assert not any(country == "MW" for _, country, _, _ in got)
