"""Recurring summits and gatherings: which edition of a series a text means, and where and when it was.

The knowledge is two data files next to the ruleset's CSVs (``data/event_series.csv``: series ids, names
and the spellings news uses; ``data/events.csv``: one row per edition with host country, city and dates).
They are read once, lazily, from the ruleset's data folder (``--data`` / ``RISKCHECK_DATA``; a folder
without them falls back to the bundled files).

>>> [s[2] for s in series_spans("Putin will attend the 15th BRICS summit, then SPIEF.")]
['brics', 'spief']
>>> e = find_edition("brics", year=2023)
>>> (e.country, e.city, str(e.start), str(e.end))
('ZA', 'Johannesburg', '2023-08-22', '2023-08-24')
"""

from __future__ import annotations

import os
import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import DataError

if TYPE_CHECKING:
    from .ruleset import Ruleset

EVENTS_FILE = "events.csv"
SERIES_FILE = "event_series.csv"

__all__ = ["EventEdition", "EventSeries", "series_spans", "find_edition", "editions", "series",
           "edition_hint", "resolve_series"]


@dataclass(frozen=True)
class EventEdition:
    """One edition of a recurring event: where and when it was (or is announced to be)."""

    series: str
    name: str
    country: str  # ISO 3166-1 alpha-2
    city: str
    start: date
    end: date
    confidence: str
    sources: tuple[str, ...]
    number: int | None = None  # the edition's ordinal ("15th BRICS summit", "COP28"), if it has one
    mode: str = "in_person"  # in_person | virtual (nobody travelled) | hybrid
    note: str = ""

    def covers(self, day: date) -> bool:
        """True if ``day`` falls within the edition."""
        return self.start <= day <= self.end


@dataclass(frozen=True)
class EventSeries:
    """A recurring event series and the spellings that name it."""

    series: str
    name: str
    kind: str
    aliases: tuple[str, ...]
    orgs: tuple[str, ...]  # organisation names: "<org> summit" / "summit of the <org>" name the series
    host_rule: str
    host_country: str
    host_city: str


# --------------------------------------------------------------------------------------------------
# Loading


class _Index:
    def __init__(self, folder: Path) -> None:
        from .ruleset import default_data_dir, read_rows

        if not (folder / EVENTS_FILE).is_file() or not (folder / SERIES_FILE).is_file():
            folder = default_data_dir()
        self.folder = folder
        self.series: dict[str, EventSeries] = {}
        for r in read_rows(folder / SERIES_FILE):
            sid = r.get("series", "")
            self.series[sid] = EventSeries(
                sid, r.get("name", ""), r.get("kind", ""), _split(r.get("aliases", "")), _split(r.get("orgs", "")),
                r.get("host_rule", ""), r.get("host_country", "").upper(), r.get("host_city", ""))
        by_series: dict[str, list[EventEdition]] = {}
        for r in read_rows(folder / EVENTS_FILE):
            try:
                start = date.fromisoformat(r.get("start", ""))
                end = date.fromisoformat(r.get("end", "") or r.get("start", ""))
            except ValueError:
                raise DataError(f"{folder / EVENTS_FILE}:{r.get('_line')}: start/end: not a date "
                                "(run `riskcheck data validate`)") from None
            num = r.get("edition", "")
            e = EventEdition(
                r.get("series", ""), r.get("name", ""), r.get("country", "").upper(), r.get("city", ""),
                start, end, r.get("confidence", ""),
                tuple(s.strip() for s in r.get("source", "").split(";") if s.strip()),
                int(num) if num.isdigit() else None, r.get("mode", "") or "in_person", r.get("note", ""))
            by_series.setdefault(e.series, []).append(e)
        for lst in by_series.values():
            lst.sort(key=lambda e: (e.start, e.end))
        self.by_series = by_series
        self.all = sorted((e for lst in by_series.values() for e in lst), key=lambda e: (e.start, e.series))
        self.lookup: dict[str, str] = {}  # normalised alias / id / name -> series id
        for s in self.series.values():
            for a in (s.series, s.name, *s.aliases, *s.orgs):
                self.lookup.setdefault(_norm(a), s.series)
        self.gids = {_gid(s): s for s in self.series}
        self.anchor = _anchor(self.series.values())
        self._pattern: re.Pattern[str] | None = None

    @property
    def pattern(self) -> re.Pattern[str]:
        """Every alias as one regex, compiled when first needed (a twentieth of a second; most texts never
        reach it: :attr:`anchor` finds no first word of an alias)."""
        if self._pattern is None:
            self._pattern = _compile(self.series.values())
        return self._pattern


def _split(value: str) -> tuple[str, ...]:
    return tuple(a.strip() for a in value.split(";") if a.strip())


def _norm(s: str) -> str:
    return re.sub(r"[\s\-_.'’]+", " ", s.lower()).strip()


def _place(s: str) -> str:
    """A place name for comparison: "St. Petersburg" = "Saint-Petersburg", "Évian" = "evian"."""
    import unicodedata

    t = unicodedata.normalize("NFKD", s)
    t = "".join(ch for ch in t if not unicodedata.combining(ch))
    t = re.sub(r"[^\w]+", " ", t.lower()).strip()
    return re.sub(r"\b(?:st|sankt)\b", "saint", t)


def _folder(ruleset: Ruleset | None) -> Path:
    if ruleset is not None:
        return ruleset.path
    from .ruleset import default_data_dir

    env = os.environ.get("RISKCHECK_DATA")
    return Path(env).expanduser().resolve() if env else default_data_dir()


_INDEXES: dict[Path, _Index] = {}


def _index(ruleset: Ruleset | None = None) -> _Index:
    if ruleset is not None:
        return ruleset.derived("events.index", lambda: _Index(ruleset.path))
    folder = _folder(None)
    hit = _INDEXES.get(folder)
    if hit is None:
        from .ruleset import _LOCK

        with _LOCK:
            hit = _INDEXES.get(folder)
            if hit is None:
                hit = _INDEXES[folder] = _Index(folder)
    return hit


def clear_cache() -> None:
    """Forget loaded event tables (for tests that edit a data folder)."""
    _INDEXES.clear()


# --------------------------------------------------------------------------------------------------
# Finding mentions in text

_ORDINAL_WORDS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                  "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
                  "eighteenth", "nineteenth", "twentieth"]
_ORD_RE = r"(?:\d{1,3}(?:st|nd|rd|th)|" + "|".join(_ORDINAL_WORDS) + r"|(?:19|20)\d\d)"
_SUMMIT_WORDS = r"(?:leaders['’]?\s+|heads?\s+of\s+state(?:\s+and\s+government)?\s+|)(?:summit|meeting|forum)"


def _alias_regex(alias: str) -> str:
    """A spelling-tolerant regex for one alias: flexible spaces/hyphens/dots/apostrophes, St/Saint."""
    out = []
    for tok in re.split(r"[\s\-–—]+", alias.strip()):
        if tok.lower() in ("st", "st."):
            out.append(r"(?:st\.?|saint|sankt)")
            continue
        t = re.escape(tok.replace("’", "'")).replace("'", "['’]?")
        # "G20" also as "G-20" / "G 20"; "COP28" as "COP 28"
        t = re.sub(r"(?<=[A-Za-z])(?=\d)", r"[\\s\\-]?", t)
        out.append(t)
    return r"[\s\-–—]*".join(out)


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_ORD_BEFORE = re.compile(rf"(?<![\w-])(?i:{_ORD_RE})[\s\-]+$")


def _anchor(all_series: Iterable[EventSeries]) -> re.Pattern[str]:
    """The first word of every alias and organisation name (and "summit"), lower-case, as one regex."""
    firsts = {"summit"}
    for s in all_series:
        for a in (*s.aliases, *s.orgs):
            if a.strip():
                firsts.add(_alias_regex(re.split(r"[\s\-–—]+", a.strip())[0]).lower())
    body = "|".join(sorted(firsts, key=len, reverse=True))
    # a digit may follow ("cop" in "cop28"), a letter may not ("un" in "under"); so words glued to the
    # next one ("VictoryDay parade") are not found: repairing glued words is the caller's business
    return re.compile(rf"(?<![\w-])(?:{body})(?![^\W\d_])")


def _gid(series_id: str) -> str:
    return "s_" + re.sub(r"\W", "_", series_id)


def _is_abbrev(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(alias.replace(" ", "")) <= 6


def _compile(all_series: Iterable[EventSeries]) -> re.Pattern[str]:
    alts: list[tuple[int, str, str]] = []
    for s in all_series:
        gid = _gid(s.series)
        parts = []
        for o in sorted(set(s.orgs), key=len, reverse=True):
            rx = _alias_regex(o)
            org = rx if _is_abbrev(o) else f"(?i:{rx})"
            parts.append(f"{org}[\\s\\-]+(?i:{_SUMMIT_WORDS})")
            parts.append(f"(?i:summit\\s+of\\s+(?:the\\s+)?){org}")
        for a in sorted(set(s.aliases), key=len, reverse=True):
            rx = _alias_regex(a)
            # an edition number glued to an abbreviation belongs to it: "COP28", "UNGA 80"
            parts.append(rx + r"(?:[\s\-]?\d{1,3}(?!\d))?" if _is_abbrev(a) else f"(?i:{rx})")
        if parts:
            alts.append((max(len(p) for p in parts), gid, "|".join(parts)))
    body = "|".join(f"(?P<{gid}>{p})" for _, gid, p in alts)
    if not body:
        body = r"(?!x)x"
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w])")


def series_spans(text: str, *, ruleset: Ruleset | None = None) -> list[tuple[int, int, str]]:
    """Character spans ``(start, end, series_id)`` of event-series mentions in ``text``, left to right.

    A leading ordinal or year ("the 15th BRICS summit") and a glued edition number ("COP28") are part of
    the span; :func:`edition_hint` reads them back.
    """
    idx = _index(ruleset)
    out: list[tuple[int, int, str]] = []
    after = 0
    # a cheap scan of the lower-cased text for the first word of any alias finds the few places where
    # the (large) pattern is worth trying; ASCII-only lowering keeps character offsets unchanged
    for a in idx.anchor.finditer(text.translate(_ASCII_LOWER)):
        pos = a.start()
        if pos < after:
            continue
        m = idx.pattern.match(text, pos)
        if m is None or m.lastgroup is None:
            continue
        sid = idx.gids.get(m.lastgroup)
        if sid:
            # an ordinal or year just before belongs to the mention ("the 15th BRICS summit", "2023 G20")
            o = _ORD_BEFORE.search(text, max(after, pos - 24), pos)
            out.append((o.start() if o else pos, m.end(), sid))
            after = m.end()
    return out



def edition_hint(mention: str) -> tuple[int | None, int | None]:
    """``(number, year)`` stated in a mention: "15th BRICS summit" -> (15, None), "COP28" -> (28, None),
    "the 2023 G20 summit" -> (None, 2023).

    >>> edition_hint("the fifth Russia-Africa summit"), edition_hint("COP 29"), edition_hint("2024 G20")
    ((5, None), (29, None), (None, 2024))
    """
    m = re.match(rf"\s*(?:the\s+)?({_ORD_RE})\b", mention, re.I)
    if m:
        tok = m.group(1).lower()
        if re.fullmatch(r"(?:19|20)\d\d", tok):
            return None, int(tok)
        if tok in _ORDINAL_WORDS:
            return _ORDINAL_WORDS.index(tok) + 1, None
        return int(re.sub(r"\D", "", tok)), None
    m = re.search(r"[A-Za-z][\s\-]?(\d{1,4})\s*$", mention)
    if m:
        n = int(m.group(1))
        if 1990 <= n <= 2100:
            return None, n
        # "G20"/"G7" name the series, not an edition
        if not re.search(r"\bG[\s\-]?\d+\s*$", mention, re.I):
            return n, None
    return None, None


# --------------------------------------------------------------------------------------------------
# Editions


def resolve_series(name: str, *, ruleset: Ruleset | None = None) -> str | None:
    """The series id for an id, a name or an alias ("SPIEF", "G-20", "Conference of the Parties")."""
    idx = _index(ruleset)
    if name in idx.series:
        return name
    hit = idx.lookup.get(_norm(name))
    if hit:
        return hit
    spans = series_spans(name, ruleset=ruleset)
    return spans[0][2] if len(spans) == 1 else None


def series(*, ruleset: Ruleset | None = None) -> list[EventSeries]:
    """Every known series, in id order."""
    idx = _index(ruleset)
    return [idx.series[k] for k in sorted(idx.series)]


def editions(series: str | None = None, *, ruleset: Ruleset | None = None) -> list[EventEdition]:
    """The editions of one series (id, name or alias), or of all series, in date order."""
    idx = _index(ruleset)
    if series is None:
        return list(idx.all)
    sid = resolve_series(series, ruleset=ruleset)
    return list(idx.by_series.get(sid, [])) if sid else []


def find_edition(series: str, *, near: date | None = None, year: int | None = None,
                 country: str | None = None, city: str | None = None, number: int | None = None,
                 ruleset: Ruleset | None = None) -> EventEdition | None:
    """The edition of ``series`` meant, or None.

    An explicit ``number`` (the 15th) or ``year`` decides first; ``country`` (alpha-2) and ``city`` narrow
    the candidates ("the summit in Kazan"); among those left, the one nearest ``near`` (the edition
    covering it, else the closest by start or end date) is chosen, or the only one. Without ``near`` and
    with several candidates left, None (ambiguous).
    """
    cands = editions(series, ruleset=ruleset)
    if number is not None:
        cands = [e for e in cands if e.number == number]
    if year is not None:
        cands = [e for e in cands if e.start.year == year or e.end.year == year]
    if country:
        cands = [e for e in cands if e.country == country.upper()]
    if city:
        c = _place(city)
        cands = [e for e in cands
                 if c and (f" {_place(e.city)} ".startswith(f" {c} ") or f" {c} " in f" {_place(e.name)} ")]
    if not cands:
        return None
    if len(cands) == 1:
        return cands[0]
    if near is None:
        return None
    for e in cands:
        if e.covers(near):
            return e
    starts = [e.start for e in cands]
    i = bisect_left(starts, near)
    pool = cands[max(0, i - 1):i + 1]

    def dist(e: EventEdition) -> int:
        return min(abs((e.start - near).days), abs((e.end - near).days))

    return min(pool, key=lambda e: (dist(e), e.start))
