"""Recall by class, round 9: the journey a phrasal verb calls off, trip nouns of one's own ("his dash to X", "his
participation at the summit"), a boycott, the pair's gatherings ("their summit in X", "they sat down together in
X ... and met again in Y"), a title named after an institution ("the Leader of the Revolution, Brother X").

Every sentence is written for these tests.
"""

from __future__ import annotations

import pytest

from riskcheck.news import extract_trips

spacy_parse = pytest.importorskip("spacy")  # the parse-based shapes need the `nlp` extra (CI installs it)


def rows(text: str, published: str) -> set[tuple[str, str, str, str]]:
    return {(t.person_id or t.person, t.country, t.start[:7], t.status) for t in extract_trips(text, published)}


@pytest.mark.parametrize("text, want", [
    ("Vladimir Putin called off a visit to Islamabad in October 2012.",
     ("vladimir-putin", "PK", "2012-10", "cancelled")),
    ("The exception was Benjamin Netanyahu's two-day dash to Budapest in April.",
     ("benjamin-netanyahu", "HU", "2026-04", "completed")),
    ("Omar al-Bashir flew home after his participation at the Doha summit in March.",
     ("omar-al-bashir", "QA", "2026-03", "completed")),
    ("Muammar Gaddafi boycotted the Beirut summit in March 2002.",
     ("muammar-gaddafi", "LB", "2002-03", "cancelled")),
    ("Abdul Hakim Haqqani's scheduled appearance at a conference in Kuala Lumpur in September has been confirmed.",
     ("abdul-hakim-haqqani", "MY", "2026-09", "planned")),
])
def test_a_trip_noun_or_verb_of_ones_own(text: str, want: tuple[str, str, str, str]) -> None:
    assert want in rows(text, "2026-06-10")


def test_a_dash_to_two_cities_is_two_trips() -> None:
    got = rows("The exception was Vladimir Putin's one-day dash to Abu Dhabi and Riyadh in December.", "2024-02-01")
    assert {("vladimir-putin", "AE", "2023-12", "completed"), ("vladimir-putin", "SA", "2023-12", "completed")} <= got


def test_their_summit_places_both_people_there() -> None:
    text = ("Vladimir Putin met Turkish President Recep Tayyip Erdogan in Sochi on Monday. The two have not held "
            "formal talks since their summit in Astana in July.")
    got = rows(text, "2024-10-10")
    assert ("vladimir-putin", "KZ", "2024-07", "completed") in got
    assert ("Recep Tayyip Erdogan", "KZ", "2024-07", "completed") in got


def test_they_sat_down_together_and_met_again() -> None:
    text = ("Valery Gerasimov met US General Mark Milley in Bern on Monday. They first sat down together in Baku "
            "in February 2017 and met again a month later in Antalya.")
    got = {(p, c) for p, c, _, _ in rows(text, "2019-12-20")}
    assert {("valery-gerasimov", "AZ"), ("valery-gerasimov", "TR")} <= got


def test_their_without_a_gathering_is_no_meeting() -> None:
    text = ("Vladimir Putin met Turkish President Recep Tayyip Erdogan in Sochi on Monday. Their countries trade "
            "in Astana and elsewhere.")
    assert ("vladimir-putin", "KZ") not in {(p, c) for p, c, _, _ in rows(text, "2024-10-10")}


def test_the_leader_of_an_institution_is_the_name_after_it() -> None:
    text = ("TRIPOLI, 1 March - The Leader of the Great Revolution, Brother Muammar Gaddafi, arrived this morning "
            "in Cairo. It is recalled that the Leader boycotted the Beirut summit in March of last year.")
    got = rows(text, "2003-03-01")
    assert ("muammar-gaddafi", "LB", "2002-03", "cancelled") in got
    assert not any(p == "Great Revolution" for p, _, _, _ in got)
