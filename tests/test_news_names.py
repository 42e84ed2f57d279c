"""Wanted people named in spellings the alias table lacks (riskcheck.name_variants, riskcheck.news.names).

Every article here is written for these tests.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from riskcheck.name_variants import consonants, match_name, name_index, name_key, tokens_near
from riskcheck.news.extract import extract_trips
from riskcheck.ruleset import load_ruleset

RS = load_ruleset()


def trips(text: str, published: str = "2025-03-10") -> set[tuple[str | None, str, str]]:
    return {(t.person_id, t.country, t.status) for t in extract_trips(text, published, ruleset=RS, use_parse=False)}


# ---- the romanisation key ------------------------------------------------------------------------------


@pytest.mark.parametrize(("a", "b"), [
    ("Dmitry", "Dmitri"), ("Netanyahou", "Netanyahu"), ("Almasri", "El Masry"), ("Qaddafi", "Kaddafi"),
    ("Youssef", "Yusef"), ("Njeem", "Njim"),
])
def test_romanisations_of_one_name_share_a_key(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize(("a", "b"), [("Putin", "Patin"), ("Gallant", "Galland"), ("Kony", "Koby")])
def test_different_names_keep_different_keys(a: str, b: str) -> None:
    assert name_key(a) != name_key(b)


def test_near_tokens_differ_in_vowels_only() -> None:
    assert tokens_near(name_key("Osema"), name_key("Osama"))
    assert tokens_near(name_key("Najim"), name_key("Njeem"))
    assert not tokens_near(name_key("Omar"), name_key("Amir"))  # first letters differ
    assert not tokens_near(name_key("Saadi"), name_key("Saif"))  # consonants differ
    assert not tokens_near(name_key("Ali"), name_key("Ale"))  # too short to be near


_NAME_TEXT = st.text(alphabet=st.sampled_from("abcdeghijklmnoqrstuwyzAEKOYé'- "), min_size=1, max_size=14)


@settings(max_examples=300, deadline=None)
@given(_NAME_TEXT)
def test_name_key_is_idempotent(word: str) -> None:
    k = name_key(word)
    assert name_key(k) == k
    assert consonants(consonants(k)) == consonants(k)


# ---- matching a written name to one person --------------------------------------------------------------


@pytest.mark.parametrize(("written", "pid"), [
    ("Osema Hishbis Najim Almasri", "osama-elmasry-njeem"),  # two spellings off, one middle name unknown
    ("Benyamin Netanyahou", "benjamin-netanyahu"),
    ("Wladimir Putin", "vladimir-putin"),
    ("Joseph Koni", "joseph-kony"),
    ("Abdallah Senoussi", "abdullah-al-senussi"),
    ("Ahmed Haroun", "ahmad-harun"),
    ("Netanyahou", "benjamin-netanyahu"),
    ("Omar al-Bechir", "omar-al-bashir"),  # French "ch"
    ("Muammar al-Qadhafi", "muammar-gaddafi"),  # the qaf written q, g or k
    ("Maria Lvova-Byelova", "maria-lvova-belova"),
])
def test_variants_resolve_to_the_one_person(written: str, pid: str) -> None:
    assert match_name(written.split(), RS) == pid


@pytest.mark.parametrize("written", [
    "Yair Netanyahu",  # another given name: a relative, not the wanted man
    "Sara Netanyahu",
    "Saadi Gaddafi",
    "Omar Hassan",  # given names only
    "Kony",  # short surname alone: the gazetteer's business, never by key
    "Osema Hishbis Ali Najim Almasri",  # two unknown middle names: too far
    "Vladimir Putin Russia",  # a trailing word that is no part of the name
    "Gbagbo",  # two wanted people share it
    "Abdel Kani",  # part of one wanted man's name, and "Abdul Rahim al-Kani" another's
])
def test_no_guess(written: str) -> None:
    assert match_name(written.split(), RS) is None


def _names() -> list[tuple[str, tuple[str, ...]]]:
    idx = name_index(RS)
    return [(pid, k) for pid, ks in idx.names.items() for k in ks]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(_names()), st.integers(min_value=0, max_value=10), st.sampled_from("aeiou"))
def test_a_variant_never_names_a_different_person(name: tuple[str, tuple[str, ...]], at: int, vowel: str) -> None:
    """A vowel changed anywhere in a wanted person's name resolves to that person or to nobody, never another."""
    pid, keys = name
    words = list(keys)
    w = words[at % len(words)]
    pos = next((n for n in range(1, len(w)) if w[n] in "aeiou"), None)
    if pos is not None:
        words[at % len(words)] = w[:pos] + vowel + w[pos + 1:]
    assert match_name(words, RS) in (pid, None)


def test_every_full_name_matches_only_its_person() -> None:
    for pid, keys in _names():
        assert match_name(list(keys), RS) in (pid, None), keys


# ---- in articles -------------------------------------------------------------------------------------------


def test_an_unlisted_romanisation_is_a_traveller_and_its_surname_later_too() -> None:
    text = ("Police in Milan detained Osema Hishbis Najim Almasri at a hotel on Sunday. "
            "A week earlier Almasri had travelled to Belgium, officials said.")
    got = trips(text)
    assert ("osama-elmasry-njeem", "BE", "completed") in got


def test_a_hyphenated_variant_in_running_text() -> None:
    assert ("maria-lvova-belova", "QA", "completed") in trips("Maria Lvova-Byelova arrived in Doha on Sunday.")


def test_french_spelling_of_a_surname_alone_is_found() -> None:
    assert ("benjamin-netanyahu", "HU", "completed") in trips("Netanyahou arrived in Budapest on Sunday.")


def test_a_relative_with_the_same_surname_is_not_the_wanted_man() -> None:
    got = trips("Saadi Gaddafi fled to Niger in September.")
    assert not any(pid for pid, _, _ in got)


def test_a_near_name_of_someone_unwanted_stays_unwanted() -> None:
    got = trips("Dmitri Peskov arrived in Beijing on Sunday.")
    assert not any(pid for pid, _, _ in got)


def everyone(text: str, published: str = "2025-03-10") -> set[tuple[str, str]]:
    return {(t.person, t.country) for t in extract_trips(text, published, ruleset=RS, use_parse=False)}


def test_a_chinese_name_is_called_by_its_first_word() -> None:
    text = "Chinese President Xi Jinping received the envoy on Monday. Xi visited Moscow in 2023."
    assert ("Xi Jinping", "RU") in everyone(text)


def test_a_korean_family_name_without_a_hyphen() -> None:
    text = "North Korean leader Kim Jong Un greeted the delegation. Kim travelled to Vladivostok in 2019."
    assert ("Kim Jong Un", "RU") in everyone(text)



@pytest.mark.parametrize(("text", "who", "country"), [
    ("The talks followed the visit of Secretary of the Supreme National Security Council of Iran Reza Karimi "
     "to St. Petersburg in May.", "Reza Karimi", "RU"),
    ("Minister of Defence Pavel Orlov arrived in New Delhi on Friday.", "Pavel Orlov", "IN"),
    ("Chairman of the Standing Committee of the National People's Congress Li Wen arrived in Hanoi on Friday.",
     "Li Wen", "VN"),
    ("President of the Republic of Kazakhstan Aset Nur-Bekov arrived in Baku on Friday.", "Aset Nur-Bekov", "AZ"),
])
def test_a_name_after_a_role_with_an_institution(text: str, who: str, country: str) -> None:
    assert (who, country) in everyone(text)


def test_the_country_of_the_role_makes_a_trip_home_no_trip() -> None:
    text = "Secretary of the Security Council of Iran Reza Karimi arrived in Tehran on Friday."
    assert not everyone(text)


def test_a_role_with_an_institution_and_no_name_names_nobody() -> None:
    assert not everyone("The Minister of Defence of the Republic arrived in New Delhi on Friday.")


# ---- well-known officials (tables/officials.csv) --------------------------------------------------------


def test_an_official_gets_the_canonical_name_and_the_surname_alone_follows() -> None:
    text = "Turkish President Tayyip Erdogan spoke on Sunday. Erdogan arrived in Cairo on Monday."
    assert ("Recep Tayyip Erdogan", "EG") in everyone(text)


def test_an_officials_country_makes_a_trip_home_no_trip() -> None:
    # no qualifier in the text: the table knows Lavrov is Russian, so Moscow is home
    text = "Foreign Minister Sergei Lavrov spoke on Sunday. Lavrov arrived in Moscow on Monday."
    assert not any(c == "RU" for _, c in everyone(text))


def test_an_official_in_a_prepositional_phrase_does_not_take_he_from_the_wanted_man() -> None:
    text = ("Speaking before Chinese President Xi Jinping, Duterte said ties were strong. "
            "He went to Beijing in October 2016 on a state visit.")
    got = trips(text, "2018-04-10")
    assert ("rodrigo-duterte", "CN", "completed") in got


def test_every_official_row_is_well_formed_and_none_is_wanted() -> None:
    from riskcheck.news import tables
    from riskcheck.people import resolve_person

    rows = tables.load("officials")
    assert len({r["name"] for r in rows}) == len(rows)
    surnames = [r["surname"] for r in rows if r["surname"] not in ("", "-")]  # ("-": never named by one word)
    assert len(set(surnames)) == len(surnames)
    for r in rows:
        assert len(r["country"]) == 2 and r["country"].isupper(), r
        assert resolve_person(r["name"], ruleset=RS).status != "resolved", r["name"]


# ---- words glued by scraping (riskcheck.news.glue) ------------------------------------------------------


@pytest.mark.parametrize(("given", "repaired"), [
    ("Putin flew to Kazakhstanwhere he met the president.", "Putin flew to Kazakhstan where he met the president."),
    ("Netanyahu arrived inBudapest on Sunday.", "Netanyahu arrived in Budapest on Sunday."),
    ("Putinarrived in Ulaanbaatar.", "Putin arrived in Ulaanbaatar."),
])
def test_glued_words_are_split(given: str, repaired: str) -> None:
    from riskcheck.news.glue import unglue

    assert unglue(given, RS)[0] == repaired


@pytest.mark.parametrize("word", ["Pakistanis", "Bahrainis", "Austin", "Romanian", "Berlinale", "McDonald", "iPhone",
                                  "Indiana", "Kremlin"])
def test_ordinary_words_stay_whole(word: str) -> None:
    from riskcheck.news.glue import unglue

    text = f"They spoke of {word} on Monday."
    assert unglue(text, RS) == (text, [], {})


def test_a_trip_with_a_glued_place_keeps_the_text_as_given() -> None:
    text = "On Monday Putin travelled to Kazakhstanwhere he met the president."
    got = extract_trips(text, "2025-03-10", ruleset=RS, use_parse=False)
    kz = [t for t in got if t.person_id == "vladimir-putin" and t.country == "KZ"]
    assert kz
    a, b = kz[0].span
    assert text[a:b] == kz[0].evidence and "Kazakhstanwhere" in kz[0].evidence


# ---- typed names (riskcheck check) ---------------------------------------------------------------------


def test_a_typed_variant_is_never_answered_no_record() -> None:
    """A journalist typing an unlisted romanisation of a wanted man must not be told there is no record."""
    from riskcheck.people import resolve_person

    m = resolve_person("Osema Najim Almasri", ruleset=RS)
    assert m.status == "close" and m.candidates == ("osama-elmasry-njeem",) and m.person_id is None
    assert resolve_person("Emmanuel Macron", ruleset=RS).status == "no_record"
