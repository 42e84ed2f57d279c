"""Building the place resolver's tables (riskcheck/places.py): the ISO 3166-1 names, a ruleset's index of
country-level names and the city table.

Run once per data folder (or city table): the results are stored in the cache (riskcheck/cache.py), so a
single query neither runs nor compiles this module.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from .places import (
    _TABLES,
    ALPHA3_EXTRA,
    EXTRA_CODES,
    _CityTable,
    _Entry,
    _Index,
    _Iso,
    _iso,
    is_valid_code,
)
from .text import compact_initials, normalize, saint_variant, strip_leading_the

if TYPE_CHECKING:  # pragma: no cover
    from .ruleset import Ruleset


def _iso_rows() -> list[tuple[str, str, str, str, str, str]]:
    """ISO 3166-1 rows: the prebuilt table (riskcheck/tables/countries.csv), else pycountry itself."""
    import csv

    countries_csv = Path(_TABLES) / "countries.csv"
    if countries_csv.is_file():
        with countries_csv.open(newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f))[1:]
        return [(r[0], r[1], r[2], r[3], r[4], r[5]) for r in rows if len(r) >= 6]
    import pycountry  # pragma: no cover - only without the prebuilt table

    return [(c.alpha_2, c.alpha_3, c.numeric, c.name, getattr(c, "official_name", "") or "",  # pragma: no cover
             getattr(c, "common_name", "") or "") for c in pycountry.countries]


def fill_iso(iso: _Iso) -> None:
    """Fill ``iso`` with the ISO 3166-1 codes and names (and the name forms people use)."""
    iso.alpha2 = {}
    iso.alpha3 = dict(ALPHA3_EXTRA)
    iso.numeric = {}
    iso.common = {}
    iso.names = {}

    def add(name: str, code: str, rank: int) -> None:
        k = normalize(name)
        if not k:
            return
        lst = iso.names.setdefault(k, [])
        for i, (c, r) in enumerate(lst):
            if c == code:
                if rank < r:
                    lst[i] = (code, rank)
                return
        lst.append((code, rank))
        lst.sort(key=lambda cr: cr[1])

    for a2, a3, num, name, official, common in _iso_rows():
        iso.alpha2[a2] = name
        iso.alpha3[a3] = a2
        iso.numeric[num] = a2
        if common:
            iso.common[a2] = common
        for v in (name, official, common):
            if not v:
                continue
            add(v, a2, 1)
            # "Korea, Republic of" -> "Republic of Korea", "Korea"; "Holy See (Vatican City State)" -> "Holy See"
            base = re.sub(r"\s*\(.*?\)\s*", " ", v).strip()
            if base != v:
                add(base, a2, 2)
            if "," in base:
                head, _, tail = base.partition(",")
                tail = tail.strip()
                add(head, a2, 2)
                if tail.lower().endswith((" of", " of the")):
                    add(f"{tail} {head}", a2, 2)
    for a2, name in EXTRA_CODES.items():
        iso.alpha2.setdefault(a2, name)
        add(name, a2, 1)


def _keys(alias: str) -> list[str]:
    k = normalize(alias)
    out = [k]
    for v in (strip_leading_the(k), compact_initials(k), saint_variant(k), k.replace("'", "")):
        if v and v not in out:
            out.append(v)
    return out


def fill_index(idx: _Index, rs: Ruleset) -> None:
    """Fill ``idx`` with the country-level names of ``rs``: places.csv, the ruleset's names, ISO's."""
    idx.rs = rs
    idx.pool = None
    iso = _iso()
    idx.names = {}
    idx.other = {}

    def add_key(k: str, e: _Entry) -> None:
        lst = idx.names.setdefault(k, [])
        if any(x.code == e.code and x.kind == e.kind for x in lst):
            return
        lst.append(e)

    for p in rs.places:
        code = p.code.upper()
        kind = (p.kind or "country").lower()
        if not is_valid_code(code, rs) or not p.alias.strip():
            continue
        e = _Entry(code, kind, p.alias.strip(), p.alias.strip() if kind == "city" else "", 0, note=p.note)
        target = idx.other if kind in ("demonym", "government") else idx.names
        for k in _keys(p.alias):
            lst = target.setdefault(k, [])
            if not any(x.code == code and x.kind == kind and x.rank == 0 for x in lst):
                lst.append(e)
    for code in rs.codes():
        name = rs.name_of(code)
        if name and name != code:
            e = _Entry(code, "country", name, "", 1)
            for k in _keys(name):
                add_key(k, e)
    for k, iso_codes in iso.names.items():
        for code, rank in iso_codes:
            add_key(k, _Entry(code, "country", iso.alpha2[code], "", rank))
    for entries in idx.names.values():
        entries.sort(key=lambda e: e.rank)  # stable: places.csv rows keep their file order


def read_city_table(path: Path) -> _CityTable:
    """Parse the city table (riskcheck/tables/cities.csv)."""
    import csv
    import pickle

    names: list[str] = []
    codes: list[str] = []
    pops: list[int] = []
    caps: list[bool] = []
    keys: tuple[dict[str, list[int]], dict[str, list[int]]] = ({}, {})
    with path.open(newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        col = {name: i for i, name in enumerate(next(reader))}
        i_name, i_code, i_pop, i_cap = col["name"], col["code"], col["population"], col["capital"]
        for row in reader:
            n = len(names)
            names.append(row[i_name])
            codes.append(row[i_code])
            pops.append(int(row[i_pop] or 0))
            caps.append(row[i_cap] == "1")
            for d, i_keys in zip(keys, (col["keys"], col["alt_keys"]), strict=True):
                for k in row[i_keys].split("|"):
                    if k:
                        d.setdefault(k, []).append(n)
    primary, alternate = ({k: tuple(sorted(ns, key=lambda n: (not caps[n], -pops[n]))) for k, ns in d.items()}
                          for d in keys)
    return tuple(names), tuple(codes), tuple(pops), tuple(caps), primary, pickle.dumps(alternate, protocol=5)
