"""Gazetteers and mention finding: one Aho-Corasick pass over a folded copy of the text.

The text is *folded* one character to one character (accent-folded, case-folded, anything that is not a
letter or digit becomes a space) with the project's :func:`riskcheck.text.normalize`, so offsets in the
folded copy are offsets in the original. Runs of spaces are then squeezed so that multi-word keys match
across ", " or line breaks; a small table maps squeezed offsets back.
"""

from __future__ import annotations

import bisect
import re
import threading
from dataclasses import dataclass
from typing import Any

import ahocorasick

from ..ruleset import Ruleset
from ..text import normalize
from . import tables

# --------------------------------------------------------------------------------------------------
# Folding


class _FoldTable(dict[int, str]):
    """``str.translate`` table computed lazily: each character folds to exactly one character."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        n = normalize(ch)
        out = n[0] if n and n[0].isalnum() else " "
        self[code] = out
        return out


_FOLD = _FoldTable()
_SPACES = re.compile(r"  +")


def fold(text: str) -> str:
    """Fold ``text`` to lower-case letters, digits and spaces, keeping its length.

    >>> fold("Kim Jong-Un’s visit")
    'kim jong un s visit'
    """
    return text.translate(_FOLD)


class Squeezed:
    """The folded text with runs of spaces squeezed to one, and the way back to original offsets."""

    __slots__ = ("folded", "text", "_at", "_shift")

    def __init__(self, folded: str) -> None:
        self.folded = folded
        pieces: list[str] = []
        self._at: list[int] = []  # squeezed offset after which the shift grows
        self._shift: list[int] = []  # cumulative characters removed up to there
        last = 0
        removed = 0
        for m in _SPACES.finditer(folded):
            pieces.append(folded[last : m.start() + 1])
            removed += m.end() - m.start() - 1
            self._at.append(m.start() + 1 - (removed - (m.end() - m.start() - 1)))
            self._shift.append(removed)
            last = m.end()
        pieces.append(folded[last:])
        self.text = "".join(pieces)

    def orig(self, pos: int) -> int:
        """Original offset of squeezed offset ``pos`` (a character start)."""
        i = bisect.bisect_right(self._at, pos) - 1
        return pos + (self._shift[i] if i >= 0 else 0)


# --------------------------------------------------------------------------------------------------
# Gazetteer


@dataclass(slots=True)
class Hit:
    """One phrase found: original character offsets ``[start, end)``, category and payload."""

    start: int
    end: int
    cat: str
    key: str
    value: Any


CATEGORIES = ("person", "official", "title", "place", "role", "trigger", "cue", "word", "date")


class Gazetteer:
    """Every phrase riskcheck looks for in news, in one automaton.

    Categories: ``person`` (alias -> person_id, from :func:`riskcheck.people.person_names`), ``official``
    (a well-known official without a warrant record, ``tables/officials.csv``: (name, country, surname)), ``title``
    (title phrases of wanted people; which person holds one is looked up with ``titles_on`` per date),
    ``place`` (from :func:`riskcheck.places.place_names`), ``role``, ``trigger``, ``cue``, ``word`` and
    ``date`` (the tables in ``riskcheck/news/tables``).
    """

    def __init__(self, rs: Ruleset) -> None:
        from ..people import person_names
        from ..places import place_names

        self.rs = rs
        self.titles_cache: dict[Any, dict[str, str]] = {}  # publication day -> title phrase -> person_id
        entries: dict[str, list[tuple[str, Any]]] = {}

        def add(key: str, cat: str, value: Any) -> None:
            key = " ".join(key.replace("'", " ").split())  # the folded text has no apostrophes
            if key:
                entries.setdefault(key, []).append((cat, value))

        last_words: dict[str, set[str]] = {}
        for alias, pid in person_names(rs).items():
            add(alias, "person", pid)
            parts = alias.replace("-", " ").split()
            if len(parts) > 1 and len(parts[-1]) >= 4:
                last_words.setdefault(parts[-1], set()).add(pid)
        # "Sudanese President Bashir", "Israel's Gallant": the last word of a wanted person's name, read as that
        # person only after a qualifier of their nationality (see refs.mentions)
        self.qualified_surnames: dict[str, str] = {w: next(iter(p)) for w, p in last_words.items() if len(p) == 1}
        for t in rs.titles:
            add(normalize(t.title), "title", normalize(t.title).replace("'", " "))
        # well-known officials without a warrant record (tables/officials.csv): (canonical name, country)
        wanted = set(person_names(rs))
        for row in tables.load("officials"):
            official = (row["name"], row["country"], row["surname"])
            forms = [row["name"], *(a for a in row["aliases"].split(";") if a.strip())]
            for form in forms:
                key = normalize(form)
                if form and key not in wanted:
                    add(key, "official", official)
        self.capitals: dict[str, str] = {}
        for key, names in place_names().items():
            add(key, "place", tuple(names))
            for pn in names:
                if pn.kind == "capital" and pn.code not in self.capitals:
                    self.capitals[pn.code] = pn.city or pn.name
        us = place_names().get("united states")
        if us:  # "the US capital": kept out of the general table (the pronoun); extract checks the capitals
            add("us", "place", tuple(us))
        for row in tables.load("roles"):
            add(normalize(row["phrase"]), "role", row["phrase"])
        for row in tables.load("triggers"):
            add(normalize(row["phrase"]), "trigger", (row["form"], row["role"], int(row["window"] or 6)))
        for row in tables.load("modality"):
            if row["phrase"] == "to":
                continue  # the bare infinitive marker is checked right before a trigger (see extract)
            add(normalize(row["phrase"]) or row["phrase"], "cue", (row["status"], int(row["strength"]), row["scope"]))
        for key, vals in entries.items():
            if not any(cat in ("trigger", "cue") for cat, _v in vals):
                continue
            # a city's other name that is a travel word ("Tour" for Tours): the word, never the city
            kept: list[tuple[str, Any]] = []
            for cat, v in vals:
                if cat == "place":
                    v = tuple(pn for pn in v if pn.kind not in ("city", "capital") or normalize(pn.name) == key)
                    if not v:
                        continue
                kept.append((cat, v))
            entries[key] = kept
        for row in tables.load("words"):
            # the other classes are tested on a sentence's words; keeping common words ("and", "by") out of
            # the automaton keeps the number of hits small
            if row["category"] in ("pronoun", "event", "epithet"):
                only = row.get("person", "")  # ("the Colonel": one person's epithet)
                add(normalize(row["phrase"]), "word", row["category"] + (":" + only if only else ""))
        for row in tables.load("dates"):
            add(normalize(row["phrase"]), "date", (row["kind"], row["value"]))
        self.words: dict[str, set[str]] = {}
        for row in tables.load("words"):
            self.words.setdefault(row["category"], set()).add(normalize(row["phrase"]))
        auto = ahocorasick.Automaton()
        for key, vals in entries.items():
            # padded with spaces: the automaton only reports whole words of the padded, squeezed text
            auto.add_word(" " + key + " ", (len(key), key, tuple(vals)))
        auto.make_automaton()
        self.automaton = auto

    def scan(self, text: str) -> tuple[str, list[Hit]]:
        """Fold ``text`` and return (folded text, every word-bounded hit in original offsets)."""
        folded = fold(text)
        sq = Squeezed(folded)
        hits: list[Hit] = []
        add = hits.append
        at, shift = sq._at, sq._shift
        if at:
            # in the padded text " " + s + " ", a match ending at p covers s[p - n - 1 : p - 1]; the offsets
            # map back as in Squeezed.orig, the end sharing the start's shift unless a squeeze lies between
            n_at = len(at)
            bisect_right = bisect.bisect_right
            for end_idx, (n, key, vals) in self.automaton.iter(" " + sq.text + " "):
                a = end_idx - n - 1
                e = end_idx - 2
                i = bisect_right(at, a) - 1
                o_start = a + (shift[i] if i >= 0 else 0)
                if i + 1 < n_at and at[i + 1] <= e:
                    i = bisect_right(at, e, i + 1) - 1
                o_end = e + (shift[i] if i >= 0 else 0) + 1
                for cat, value in vals:
                    add(Hit(o_start, o_end, cat, key, value))
        else:
            for end_idx, (n, key, vals) in self.automaton.iter(" " + sq.text + " "):
                for cat, value in vals:
                    add(Hit(end_idx - n - 1, end_idx - 1, cat, key, value))
        if _IATA_AFTER.search(text):  # "landed at BER": an airport's code after a landing verb
            hits.extend(iata_hits(text))
        if _AIRPORT_WORD.search(folded):
            airports = airport_hits(text, folded)
            if airports:
                # "King Shaka International Airport", "Jomo Kenyatta International Airport": the words inside an
                # airport's name are not a role or a person
                hits = [h for h in hits if not any(a.start <= h.start and h.end <= a.end for a in airports)]
                hits.extend(airports)
        hits.sort(key=lambda h: (h.start, -h.end))
        return folded, hits


# "landed at Ataturk Airport", "King Shaka International Airport", "Ezeiza international airport": up to four
# words before the kind word name the airport (riskcheck.places.airport_names)
_AIRPORT_KIND = r"(?:airport|airfield|air base|airbase)\b"
_AIRPORT_WORD = re.compile(r"\b" + _AIRPORT_KIND)
_AIRPORT = re.compile(r"((?:\b[a-z][a-z0-9]* +){1,4}?)(?:(?:international|intl) +)?" + _AIRPORT_KIND)
_WORD = re.compile(r"[a-z0-9]+")


def airport_hits(text: str, folded: str) -> list[Hit]:
    """Place hits for the airports named in ``text`` (a capitalised name before "airport"), as the city served."""
    from ..places import airport_names

    names = airport_names()
    out: list[Hit] = []
    for m in _AIRPORT.finditer(folded):
        words = list(_WORD.finditer(folded, m.start(1), m.end(1)))
        for n in range(len(words)):  # the longest name first
            key = " ".join(w.group() for w in words[n:])
            if key in names:
                a = words[n].start()
                if text[a].isupper():
                    out.append(Hit(a, m.end(), "place", key + " airport", (names[key],)))
                break
    return out


# "landed at BER", "touched down at Vnukovo's VKO", "flew into JFK": an airport's three-letter code (upper case, as
# written) right after a verb of flying in and its preposition
_IATA_AFTER = re.compile(r"\b(?:land(?:ed|s|ing)?|touch(?:ed|es|ing)? down|arriv(?:ed|es|ing)|fl(?:ew|ies|own|ying) "
                         r"in|flew|flies|flown|flying) (?:at|in|into|to) ([A-Z]{3})\b(?![-'’])")


def iata_hits(text: str) -> list[Hit]:
    """Place hits for airport codes after a verb of flying in (:data:`_IATA_AFTER`), as the city served; not a
    code that is also a place's name ("arrived in USA")."""
    from ..places import iata_codes, place_names

    codes, names = iata_codes(), place_names()
    return [Hit(m.start(1), m.end(1), "place", m.group(1).lower(), (codes[m.group(1)],))
            for m in _IATA_AFTER.finditer(text) if m.group(1) in codes and m.group(1).lower() not in names]


_CACHE: dict[int, Gazetteer] = {}
_LOCK = threading.Lock()


def gazetteer(rs: Ruleset) -> Gazetteer:
    """The gazetteer for ruleset ``rs`` (built once per ruleset; a new process reads it from the versioned
    cache of :mod:`riskcheck.cache`, a fifth of a second less at the start of ``riskcheck news``)."""
    with _LOCK:
        g = _CACHE.get(id(rs))
        if g is None or g.rs is not rs:
            g = _CACHE[id(rs)] = _cached_gazetteer(rs)
        return g


def _cached_gazetteer(rs: Ruleset) -> Gazetteer:
    """``Gazetteer(rs)`` through the cache, keyed by every file it is built from: the data folder of ``rs`` and
    the bundled one (place names come from it), the place tables, the phrase tables and this module's source."""
    import os

    from ..cache import load_built
    from ..ruleset import FILES, _default_folder

    def build() -> dict[str, Any]:
        g = Gazetteer(rs)
        return {k: v for k, v in vars(g).items() if k != "rs"}

    news = os.path.dirname(os.path.realpath(__file__))
    here = os.path.dirname(news)
    tables_dir = os.path.join(news, "tables")
    inputs = ((os.fspath(rs.path), FILES), (_default_folder(), FILES),
              (os.path.join(here, "tables"), ("airports.csv", "cities.csv", "countries.csv", "romanisation.csv")),
              (tables_dir, tuple(sorted(n for n in os.listdir(tables_dir) if n.endswith((".csv", ".py"))))),
              (news, ("mentions.py",)))
    try:
        got = load_built("gazetteer", inputs, build)
    except OSError:  # pragma: no cover - a folder listed above unreadable: build as without a cache
        return Gazetteer(rs)
    g = Gazetteer.__new__(Gazetteer)
    vars(g).update(got)
    g.rs = rs
    return g
