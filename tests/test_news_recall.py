"""riskcheck news: classes of phrasing that used to lose a trip (round 3 of issue 9; our own sentences, needs the
`nlp` extra for the parse)."""

from __future__ import annotations

import pytest

from riskcheck.news import extract_trips
from riskcheck.news import parse as nparse

pytestmark = pytest.mark.skipif(nparse.nlp() is None, reason="spaCy model not installed (riskcheck[nlp])")


def got(text: str, published: str = "2024-05-20") -> set[tuple[str, str, str]]:
    return {(t.person_id, t.country, t.status) for t in extract_trips(text, published)}


def dated(text: str, published: str = "2024-05-20") -> set[tuple[str, str, str]]:
    return {(t.person_id, t.country, t.start[:7]) for t in extract_trips(text, published)}


# a pronoun and a travel word only the parse knows


def test_pronoun_with_a_parse_only_verb():
    text = ("Omar al-Bashir gave a long speech to his party on Sunday. "
            "Earlier this year he travelled through Chad, Niger and Mali by road.")
    want = {("omar-al-bashir", c, "completed") for c in ("TD", "NE", "ML")}
    assert want <= got(text)


def test_pronoun_without_a_travel_word_is_no_trip():
    text = "Omar al-Bashir gave a long speech to his party. He criticised Chad and Niger for their stance."
    assert not {c for _, c, _ in got(text)} & {"TD", "NE"}


# epithets pointing back to the wanted person


def test_epithet_points_back():
    text = ("Omar al-Bashir has ruled for decades. Last month, the dictator attended an investment forum in "
            "Kenya, officials said.")
    assert ("omar-al-bashir", "KE", "2024-04") in dated(text)


def test_epithet_with_a_name_of_its_own_is_not_a_reference():
    text = ("Omar al-Bashir has ruled for decades. Last month, the dictator Idi Amin's son flew to Kenya for "
            "a funeral.")
    assert not any(p == "omar-al-bashir" and c == "KE" for p, c, _ in got(text))


def test_epithet_of_another_country_is_someone_else():
    text = "Omar al-Bashir has ruled for decades. The dictator of Chad flew to Egypt in May."
    assert not any(p == "omar-al-bashir" and c == "EG" for p, c, _ in got(text))


def test_epithet_without_a_wanted_person_is_nobody():
    text = "The weather was fine. Last month, the dictator attended an investment forum in Kenya."
    assert got(text) == set()
