"""Words glued together by scraping: "Kazakhstanwhere", "Orbanin Budapest", "arrived inBeijing".

:func:`unglue` inserts a space where a known place or name runs into a small word (or a word into a capitalised
known place or name); the extractor reads the repaired text and :func:`restore` maps each trip's offsets and
evidence back to the text as given. Only splits into a known name and a word of ``tables/words.csv``
(category ``gluetail``) are made, so ordinary words ("Pakistanis", "Austin") stay whole.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from functools import cache

from ..ruleset import Ruleset
from ..text import normalize
from . import tables
from .document import Trip

__all__ = ["unglue", "restore"]

_MIN_NAME = 4


@cache
def _tails() -> frozenset[str]:
    return frozenset(r["phrase"] for r in tables.load("words") if r["category"] == "gluetail")


@cache
def _candidates() -> re.Pattern[str]:
    """Words that may be glued: a capitalised word ending in a small word, or a small word then a capitalised one
    (one regex pass; only its matches are looked up)."""
    tails = "|".join(sorted(_tails(), key=len, reverse=True))
    return re.compile(rf"\b(?:[A-Z][a-z]{{{_MIN_NAME - 1},}}(?:{tails})|(?:{tails})[A-Z][a-z]{{{_MIN_NAME - 1},}})\b")


def _keys(rs: Ruleset) -> frozenset[str]:
    """One-word names a glued word may start or end with: countries, territories and capitals, wanted people's
    scanned names, officials' surnames."""
    from ..people import person_names
    from ..places import place_names

    def build() -> frozenset[str]:
        out = {k for k, names in place_names().items() if " " not in k and len(k) >= _MIN_NAME and k.isalpha()
               and any(pn.kind in ("country", "territory", "capital") for pn in names)}
        out.update(k for k in person_names(rs) if " " not in k and len(k) >= _MIN_NAME and k.isalpha())
        out.update(r["surname"] or normalize(r["name"]).split()[-1] for r in tables.load("officials")
                   if r["surname"] != "-")
        return frozenset(k for k in out if len(k) >= _MIN_NAME)

    return rs.derived("news.glue.keys", build)


def _split(word: str, keys: frozenset[str], tails: frozenset[str]) -> int:
    """Where to put a space in ``word`` (0: nowhere)."""
    low = word.lower()
    if low in keys or low in tails:
        return 0
    if word[0].isupper() and word[1:].islower():
        # "Kazakhstanwhere", "Orbanin": a capitalised known name, then a small word
        for p in range(len(word) - 2, _MIN_NAME - 1, -1):
            if low[p:] in tails and low[:p] in keys:
                return p
        return 0
    # "inBeijing", "visitedAnkara": a small word, then a capitalised known name
    for p in range(2, len(word) - _MIN_NAME + 1):
        if word[p].isupper():
            if word[:p].islower() and low[:p] in tails and word[p + 1:].islower() and low[p:] in keys:
                return p
            return 0
    return 0


def unglue(text: str, rs: Ruleset) -> tuple[str, list[int], dict[str, str]]:
    """``text`` with a space inserted in each glued word, the offsets (in ``text``) where one was inserted, and
    each repaired word -> the word as given."""
    keys, tails = _keys(rs), _tails()
    cuts: list[int] = []
    words: dict[str, str] = {}
    for m in _candidates().finditer(text):
        w = m.group()
        p = _split(w, keys, tails)
        if p:
            cuts.append(m.start() + p)
            words[w[:p] + " " + w[p:]] = w
    if not cuts:
        return text, cuts, words
    parts: list[str] = []
    last = 0
    for c in cuts:
        parts.append(text[last:c])
        last = c
    parts.append(text[last:])
    return " ".join(parts), cuts, words


def restore(trips: list[Trip], cuts: list[int], words: dict[str, str]) -> list[Trip]:
    """Trips read from the repaired text, with the offsets, evidence and mention of the original text."""
    if not cuts:
        return trips
    at = [c + n for n, c in enumerate(cuts)]  # the n-th inserted space, in the repaired text

    def back(pos: int) -> int:
        return pos - bisect.bisect_right(at, pos - 1)

    def text_back(s: str) -> str:
        for repaired, given in words.items():
            s = s.replace(repaired, given)
        return s

    return [dataclasses.replace(t, span=(back(t.span[0]), back(t.span[1])), evidence=text_back(t.evidence),
                                mention=text_back(t.mention)) for t in trips]
