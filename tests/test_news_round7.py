"""Recall by class of phrasing, round 7: travellers named through a relative clause ("X, who had arrived on a
state visit to Y").

Every sentence is written for these tests.
"""

from __future__ import annotations

import pytest

from riskcheck.news import extract_trips

spacy_parse = pytest.importorskip("spacy")  # the parse-based shapes need the `nlp` extra (CI installs it)


def rows(text: str, published: str) -> list[tuple[str, str, str, str]]:
    return [(t.person_id or t.person, t.country, t.start[:7], t.status) for t in extract_trips(text, published)]


# ---- relative clauses --------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("In the evening the host sat down with Vladimir Putin, who had arrived a day earlier on a state visit to "
     "Kazakhstan.", [("vladimir-putin", "KZ", "2024-09", "completed")]),
    ("The minister later met Omar al-Bashir, who had flown in from Khartoum a day earlier for talks in Cairo.",
     [("omar-al-bashir", "EG", "2024-09", "completed")]),
    ("In the evening he sat down with Chinese President Xi Jinping, who had arrived a day earlier on a state "
     "visit to Kazakhstan.", [("Xi Jinping", "KZ", "2024-09", "completed")]),
])
def test_the_relative_pronoun_stands_for_the_person_it_follows(text: str, expected: list[tuple]) -> None:
    assert rows(text, "2024-09-12") == expected


def test_a_relative_clause_about_a_thing_makes_no_traveller() -> None:
    text = "Vladimir Putin praised the pipeline, which runs to China, in a speech in Moscow."
    assert [t for t in extract_trips(text, "2024-09-12") if t.country == "CN"] == []
