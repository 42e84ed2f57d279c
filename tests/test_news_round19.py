"""Recall and precision by class, round 19: "back from" a place or a journey ("X, back from talks in Tehran, said").

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


def countries(text: str, published: str) -> set[str]:
    return {t[1] for t in trips(text, published)}


# ---- back from a place, or from a journey there --------------------------------------------------------------------

@pytest.mark.parametrize("text, who, code", [
    ("Defence Minister Sergei Shoigu, back from talks in Tehran, told reporters on Monday that the deliveries would "
     "start soon.", "sergei-shoigu", "IR"),
    ("Sergei Shoigu, fresh from a visit to Tehran, told reporters on Monday that the deliveries would start soon.",
     "sergei-shoigu", "IR"),
    ("Vladimir Putin, back from Beijing, said on Monday that relations had never been better.", "vladimir-putin", "CN"),
    ("Back from Beijing, Vladimir Putin said on Monday that relations had never been better.", "vladimir-putin", "CN"),
    ("Vladimir Putin is back from Beijing, his spokesman said on Monday.", "vladimir-putin", "CN"),
    ("Vladimir Putin flew back from Beijing at the start of the month after what aides called a working visit.",
     "vladimir-putin", "CN"),
])
def test_back_from_a_place_is_a_journey_made(text: str, who: str, code: str) -> None:
    assert (who, code, "2023-10", "completed") in trips(text, "2023-10-20")


def test_back_from_a_journey_still_ahead_adds_nothing() -> None:
    # "back from Minsk, will take part by video": the Minsk trip is the one planned in the first sentence; the video
    # link of the second sentence does not make it virtual, and no completed trip is invented
    text = ("Maria Lvova-Belova is scheduled to fly to Minsk on 6 May for a forum on children's rights. "
            "Maria Lvova-Belova, back from Minsk, will take part by video link in a roundtable in Doha.")
    got = trips(text, "2025-05-02")
    assert ("maria-lvova-belova", "BY", "2025-05", "planned") in got
    assert not any(t[1] == "BY" and t[3] in ("completed", "virtual") for t in got)


@pytest.mark.parametrize("text", [
    "Vladimir Putin pulled back from Kherson on Monday, his generals said.",
    "Vladimir Putin stepped back from Minsk's proposal on Monday, his spokesman said.",
])
def test_back_from_without_a_journey_is_no_trip(text: str) -> None:
    assert not countries(text, "2023-10-20") & {"UA", "BY"}
