"""Wanted people named in spellings the gazetteer does not list ("Osema Najim Almasri", "Netanyahou").

The gazetteer (:mod:`.mentions`) finds the exact names and aliases of the people table. This pass reads the
runs of capitalised words it left alone and asks :func:`riskcheck.name_variants.match_name` whether one of
their spans is a wanted person's name in another romanisation, with a middle name more or fewer; each span
that resolves (to exactly one person) becomes a ``person`` hit like the gazetteer's, so the rest of the
pipeline (surnames alone later in the article, travellers, trips) treats it the same way.
"""

from __future__ import annotations

import bisect
import re
from functools import cache

from ..name_variants import PARTICLES, consonants, match_name, name_index, name_key
from ..ruleset import Ruleset
from . import tables
from .mentions import Hit, fold

__all__ = ["variant_hits", "official_keys"]

# a capitalised word ("Sa'ar", "Putin's"), and runs of them joined by a space or a hyphen, particles allowed
# inside ("Omar al-Bashir", "Maria Lvova-Belova"); one regex pass finds the runs, so plain text costs little
_CAP = r"[A-Z\u00c0-\u00de\u0400-\u042f][^\W\d_]*(?:['\u2019][^\W\d_]+)*"
_LINK = "|".join(sorted(PARTICLES, key=len, reverse=True))
# (a single line break inside a run is a hard-wrapped line: "Najeem Osema\nAlmasri Habish")
_RUN = re.compile(rf"{_CAP}(?:(?:[ -]|\r?\n)(?:(?:{_LINK})[ -])*{_CAP})*")
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")
_POSSESSIVE = ("'s", "\u2019s")
_MAX_RUN = 8  # longest run of name-like words read
_MAX_SPAN = 6  # longest name tried
_MEMO_SIZE = 50_000  # answers of match_name kept per ruleset


def _runs(text: str) -> list[list[tuple[int, int, str]]]:
    """Runs of capitalised words (particles allowed inside) joined by single spaces, hyphens or line breaks; a
    possessive ends a run."""
    runs: list[list[tuple[int, int, str]]] = []
    for m in _RUN.finditer(text):
        g = m.group()
        if " " not in g and "-" not in g and "\n" not in g:  # one word (most runs): no second pass over it
            if len(g) >= 5:
                e = m.end() - 2 if g.endswith(_POSSESSIVE) else m.end()
                runs.append([(m.start(), e, text[m.start():e])])
            continue
        cur: list[tuple[int, int, str]] = []
        for w in _WORD.finditer(text, m.start(), m.end()):
            s, e, word = w.start(), w.end(), w.group()
            possessive = word.endswith(_POSSESSIVE)
            if possessive:
                e, word = e - 2, word[:-2]
            cur.append((s, e, word))
            if possessive or len(cur) == _MAX_RUN:
                runs.append(cur)
                cur = []
        if cur:
            runs.append(cur)
    return runs


@cache
def _surname_like(word: str, last: frozenset[str], last_cons: frozenset[str]) -> bool:
    """``word`` is written like the last word of a wanted person's name (equal key, or the same three or more
    consonants)."""
    k = name_key(word)
    c = consonants(k)
    return k in last or (len(c) >= 3 and c in last_cons)


def variant_hits(text: str, hits: list[Hit], rs: Ruleset) -> list[Hit]:
    """``person`` hits for wanted people named in a spelling the gazetteer missed, outside its own hits."""
    idx = name_index(rs)
    last, last_cons = idx.last, idx.last_cons
    # the gazetteer's person hits, by start, with the furthest end reached so far: an overlap test in log time
    starts: list[int] = []
    reach: list[int] = []
    for h in sorted((h for h in hits if h.cat == "person"), key=lambda h: h.start):
        starts.append(h.start)
        reach.append(max(h.end, reach[-1]) if reach else h.end)

    def covered(a: int, b: int) -> bool:
        k = bisect.bisect_left(starts, b)  # hits starting before b
        return k > 0 and reach[k - 1] > a

    # match_name is a function of the words and the ruleset: its answers are kept with the ruleset, so a name
    # that recurs across articles is matched once (bounded: cleared when it grows past _MEMO_SIZE)
    memo: dict[tuple[str, ...], str | None] = rs.derived("names.variant_memo", dict)
    if len(memo) > _MEMO_SIZE:
        memo.clear()
    out: list[Hit] = []
    for run in _runs(text):
        if not any(_surname_like(w, last, last_cons) for _, _, w in run):
            continue  # cheap filter: no word is written like any wanted person's surname
        n = len(run)
        best: tuple[int, int, str] | None = None
        for size in range(min(n, _MAX_SPAN), 0, -1):
            for i in range(0, n - size + 1):
                span = run[i:i + size]
                if span[0][2].lower() in PARTICLES or span[-1][2].lower() in PARTICLES:
                    continue
                if not _surname_like(span[-1][2], last, last_cons):
                    continue
                a, b = span[0][0], span[-1][1]
                if covered(a, b):
                    continue
                words = tuple(w for _, _, w in span)
                pid = memo[words] if words in memo else memo.setdefault(words, match_name(words, rs))
                if pid is not None:
                    best = (a, b, pid)
                    break
            if best is not None:
                break
        if best is not None:
            a, b, pid = best
            out.append(Hit(a, b, "person", " ".join(fold(text[a:b]).split()), pid))
    return out


@cache
def official_keys() -> frozenset[str]:
    """Entity keys of the well-known officials of ``tables/officials.csv`` (see :func:`.refs.mentions`)."""
    return frozenset("name:" + row["name"] for row in tables.load("officials"))
