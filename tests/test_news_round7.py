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


# ---- well-known officials named without a role ---------------------------------------------------------------

def test_an_official_named_bare_is_a_traveller_and_one_of_the_two_leaders() -> None:
    text = ("Vladimir Putin and Xi Jinping met in Astana on Thursday at a regional summit. "
            "The two leaders last met in Beijing in May.")
    got = rows(text, "2024-07-05")
    assert ("vladimir-putin", "CN", "2024-05", "completed") in got
    assert ("Xi Jinping", "KZ", "2024-07", "completed") in got
    assert not any(r[0] == "Xi Jinping" and r[1] == "CN" for r in got)  # no trip home


def test_the_two_presidents_are_one_of_each_country() -> None:
    text = ("Vladimir Putin landed in Anchorage on Friday, where Donald Trump stood waiting. Putin's delegation "
            "included Foreign Minister Sergei Lavrov. The two presidents last met in Osaka in 2019.")
    got = {(r[0], r[1]) for r in rows(text, "2025-08-16") if r[1] == "JP"}
    assert got == {("vladimir-putin", "JP"), ("Donald Trump", "JP")}


@pytest.mark.parametrize("text", [
    '"We intend to go to China in October," Yuri Ushakov, an aide to the president, said.',
    "Yuri Ushakov told reporters that the leaders would meet in Ashgabat next week.",
])
def test_a_bare_named_official_reporting_speech_is_no_traveller(text: str) -> None:
    assert [r for r in rows(text, "2024-10-01") if r[0] == "Yuri Ushakov"] == []


def test_a_name_after_a_role_complement_keeps_the_role() -> None:
    text = ("Sergei Shoigu has arrived in Iran. The trip follows the visit of Secretary of the Supreme National "
            "Security Council of Iran Ali Akbar Ahmadian to St. Petersburg.")
    got = rows(text, "2024-09-17")
    assert ("Ali Akbar Ahmadian", "RU", "2024-09", "completed") in got
    assert not any(r[0] == "vladimir-putin" for r in got)
