"""Every verdict field, word for word, over a grid of people x territories x dates on fixture data.

Journalists quote the explanation and cite the sources, so their exact text is part of the answer. The
grid (tests/golden/verdicts_grid.json, built by ``python -m tests.golden_verdicts``) covers every basis,
each context note and the date boundaries of the fixture data.
"""

from __future__ import annotations

import json

import pytest

from riskcheck.errors import UnresolvedPersonError, UnresolvedPlaceError
from riskcheck.ruleset import clear_cache, load_ruleset
from riskcheck.verdict import AUTHORITY, _best, _clip, check, evaluate, the, unresolved, where

from . import golden_verdicts
from .conftest import MINI


@pytest.fixture(scope="module")
def grid_rs(tmp_path_factory):
    rs = load_ruleset(golden_verdicts.make_data(tmp_path_factory.mktemp("golden") / "data"))
    yield rs
    clear_cache()


def test_verdict_grid_matches_the_golden_file(grid_rs):
    want = golden_verdicts.load()
    got = golden_verdicts.grid(grid_rs)
    assert len(got) == len(want)
    for g, w in zip(got, want, strict=True):
        assert g == w, (g["person_id"], g["country"], g["date"])


def test_grid_covers_every_basis_a_resolved_query_can_have():
    bases = {r["basis"] for r in golden_verdicts.load()}
    assert bases == {"state_party", "state_party_withdrawing", "unsc_referral", "article_12_3", "article_127_2",
                     "territory_excluded", "non_party", "no_warrant", "warrant_not_yet_issued", "warrant_sealed",
                     "warrant_ended", "date_straddles_change"}


def test_dependency_where_the_statute_applies_is_the_sovereigns_obligation(grid_rs):
    v = evaluate("vladimir-putin", "FO", "2024-07-01", grid_rs)
    assert (v.country, v.sovereign, v.obligation, v.basis) == ("FO", "DK", "yes", "state_party")
    assert v.explanation.startswith("Faroe Islands is a territory of Denmark where the Statute applies since "
                                    "2006-10-01. Denmark has been a State Party since 2002-07-01")


def test_check_resolves_then_evaluates(mini):
    v = check("Putin", "Johannesburg", "2023-08-22", mini)
    assert (v.person_id, v.person, v.country, v.city, v.obligation) == (
        "vladimir-putin", "Vladimir Vladimirovich Putin", "ZA", "Johannesburg", "yes", )
    direct = evaluate("vladimir-putin", "ZA", "2023-08-22", mini)
    assert (v.explanation, v.sources, v.context, v.notes) == (direct.explanation, direct.sources, direct.context, ())
    # resolved on the query's date (titles are dated) and in the ruleset given
    assert check("Russian president", "ZA", "2010-01-01", mini).person_id == ""
    assert check("Russian president", "ZA", "2023-08-22", mini).person_id == "vladimir-putin"
    assert check("Jean Exemple", "BI", "2021-06-01", mini).basis == "article_127_2"
    nobody = check("Jane Doe", "ZA", "2023-08-22", mini)
    assert (nobody.person_id, nobody.person, nobody.basis) == ("", "Jane Doe", "no_warrant")


def test_check_errors_name_the_input_and_the_candidates(mini):
    with pytest.raises(UnresolvedPlaceError) as e:
        check("Putin", "Atlantis", "2023-08-22", mini)
    assert str(e.value) == ("place 'Atlantis' is not a known state, territory or city; did you mean: "
                            "Atlanta, United States, Atani, Nigeria?")
    assert (e.value.mention, e.value.candidates) == ("Atlantis", ["Atlanta, United States", "Atani, Nigeria"])
    with pytest.raises(UnresolvedPersonError) as e:
        check("Vladmir Putn", "ZA", "2023-08-22", mini)
    assert str(e.value) == ("person 'Vladmir Putn' matches no record exactly; did you mean: "
                            "Vladimir Vladimirovich Putin?")
    assert (e.value.mention, e.value.candidates) == ("Vladmir Putn", ["Vladimir Vladimirovich Putin"])


def test_check_ambiguous_person():
    with pytest.raises(UnresolvedPersonError) as e:
        check("Gbagbo", "CI", "2013-01-01")
    assert str(e.value).startswith("person 'Gbagbo' is ambiguous; did you mean: ")
    assert len(e.value.candidates) == 2


def test_where_lists_every_territory_obliged_first(mini):
    got = [(v.country, v.obligation, v.basis) for v in where("Putin", "2023-08-22", mini)]
    assert got == [("DK", "yes", "state_party"), ("GM", "yes", "state_party"), ("ZA", "yes", "state_party"),
                   ("UA", "yes", "article_12_3"), ("BI", "no", "non_party"), ("CN", "no", "non_party"),
                   ("GL", "no", "territory_excluded"), ("HK", "no", "non_party"), ("MY", "no", "non_party"),
                   ("PH", "no", "non_party"), ("RU", "no", "non_party"), ("SD", "no", "non_party")]
    bi = where("Jean Exemple", "2021-06-01", mini)
    assert [(v.country, v.obligation) for v in bi[:6]] == [
        ("DK", "yes"), ("GM", "yes"), ("ZA", "yes"), ("BI", "residual"), ("PH", "residual"), ("CN", "no")]
    sealed = {v.country: (v.obligation, v.basis) for v in where("Sealed Person", "2023-06-01", mini)}
    # bound states cannot know whether a request reached them; a state with no basis has no duty either way
    assert sealed["DK"] == sealed["ZA"] == sealed["UA"] == ("unknown", "warrant_sealed")
    assert sealed["CN"] == sealed["BI"] == ("no", "non_party") and sealed["GL"] == ("no", "territory_excluded")
    with pytest.raises(UnresolvedPersonError) as e:
        where("Vladmir Putn", "2023-08-22", mini)
    assert str(e.value) == ("person 'Vladmir Putn' is not unique or not exact; did you mean: "
                            "Vladimir Vladimirovich Putin?")
    assert e.value.candidates == ["Vladimir Vladimirovich Putin"]


def test_where_resolves_titles_on_the_date_and_names_ambiguity(mini):
    assert {v.person_id for v in where("Russian president", "2010-01-01", mini)} == {""}
    assert {v.person_id for v in where("Russian president", "2023-08-22", mini)} == {"vladimir-putin"}
    with pytest.raises(UnresolvedPersonError) as e:
        where("Gbagbo", "2013-01-01")
    assert str(e.value) == ("person 'Gbagbo' is not unique or not exact; did you mean: Laurent Koudou Gbagbo, "
                            "Simone Gbagbo?")
    assert (e.value.mention, e.value.candidates) == ("Gbagbo", ["Laurent Koudou Gbagbo", "Simone Gbagbo"])


def test_unresolved_verdicts_say_what_could_not_be_resolved():
    from riskcheck.dates import parse_date

    v = unresolved("person", "Putn", "ZA", parse_date("2023-08"), candidates=("A", "B", "C", "D"))
    assert (v.basis, v.obligation, v.warrant, v.person, v.person_id, v.country, v.country_name, v.sovereign) == (
        "unresolved_person", "unknown", "unknown", "Putn", "", "", "", "")
    assert v.explanation == "Could not resolve the person 'Putn'. Did you mean: A, B, C?"
    assert (v.date, v.start, v.end, v.candidates) == ("2023-08", "2023-08-01", "2023-08-31", ("A", "B", "C", "D"))
    v = unresolved("place", "Putin", "Atlantis", reason="no such place", person_id="vladimir-putin",
                   warrant="outstanding", country="XX", country_name="Nowhere")
    assert (v.basis, v.explanation, v.person_id, v.warrant, v.country, v.country_name, v.date, v.start) == (
        "unresolved_place", "no such place", "vladimir-putin", "outstanding", "XX", "Nowhere", "", "")
    v = unresolved("place", place="Atlantis")
    assert v.explanation == "Could not resolve the place 'Atlantis'."
    assert (v.person, v.person_id, v.country, v.country_name, v.sovereign, v.date, v.start, v.end, v.warrant) == (
        "", "", "", "", "", "", "", "", "unknown")
    assert unresolved("person", person="X").explanation == "Could not resolve the person 'X'."


def test_to_json_round_trips(mini):
    v = evaluate("vladimir-putin", "ZA", "2023-08-22", mini)
    d = json.loads(v.to_json())
    assert d == v.to_dict() and isinstance(d["sources"], list) and isinstance(d["context"], list)
    assert v.to_json(indent=2).startswith('{\n  "person_id": "vladimir-putin"')
    assert "Ã" not in evaluate(None, "ZA", "2023-08-22", mini, person_label="José Ñ").to_json()
    assert "José Ñ" in evaluate(None, "ZA", "2023-08-22", mini, person_label="José Ñ").to_json()


def test_sources_most_authoritative_first_at_most_three():
    urls = ("https://news.example.com/a", "https://www.icc-cpi.int/x", "https://legal-tools.org/y",
            "https://treaties.un.org/z", "https://asp.icc-cpi.int/w", "https://undocs.org/v", "https://www.un.org/u")
    assert _best(urls) == ("https://treaties.un.org/z", "https://www.icc-cpi.int/x", "https://asp.icc-cpi.int/w")
    assert _best(urls[3:]) == ("https://treaties.un.org/z", "https://asp.icc-cpi.int/w", "https://undocs.org/v")
    assert _best(("https://www.un.org/u", "https://legal-tools.org/y")) == (
        "https://www.un.org/u", "https://legal-tools.org/y")
    assert _best(("https://notun.org/a", "https://un.org/b")) == ("https://un.org/b", "https://notun.org/a")
    assert _best(("bare-string", "https://icc-cpi.int/c")) == ("https://icc-cpi.int/c", "bare-string")
    assert AUTHORITY[0] == "treaties.un.org"


def test_clip():
    assert _clip("a  b\n c") == "a b c"
    assert _clip("x" * 240) == "x" * 240
    assert _clip("x" * 241) == "x" * 241  # one sentence is never cut
    assert _clip("One. Two is longer.", 5) == "One. (…)"


@pytest.mark.parametrize("name", ["Bahamas", "Central African Republic", "Comoros", "Czech Republic", "DR Congo",
                                  "Dominican Republic", "Gambia", "Holy See", "Maldives", "Marshall Islands",
                                  "Netherlands", "Philippines", "Solomon Islands", "United Arab Emirates",
                                  "United Kingdom", "United States", "Cook Islands", "Faroe Islands",
                                  "Cayman Islands", "Falkland Islands", "British Virgin Islands",
                                  "Turks and Caicos Islands"])
def test_names_that_take_the(name):
    assert the(name) == f"the {name}" and the(name, True) == f"The {name}"


def test_names_without_the():
    assert the("South Africa") == "South Africa" and the("South Africa", True) == "South Africa"


@pytest.fixture(autouse=True)
def _mini_is_clean():
    yield
    assert load_ruleset(MINI).checked is not None
