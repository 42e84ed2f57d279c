"""Wanted people named in spellings the gazetteer does not list ("Osema Najim Almasri", "Netanyahou").

The gazetteer (:mod:`.mentions`) finds the exact names and aliases of the people table. This pass reads the
runs of capitalised words it left alone and asks :func:`riskcheck.name_variants.match_name` whether one of
their spans is a wanted person's name in another romanisation, with a middle name more or fewer; each span
that resolves (to exactly one person) becomes a ``person`` hit like the gazetteer's, so the rest of the
pipeline (surnames alone later in the article, travellers, trips) treats it the same way.
"""

from __future__ import annotations

import re
from functools import cache

from ..name_variants import PARTICLES, consonants, match_name, name_index, name_key
from ..ruleset import Ruleset
from . import tables
from .mentions import Hit, fold

__all__ = ["variant_hits", "official_keys"]

# a word: letters, inner apostrophes ("Sa'ar"); a hyphen joins two words of one run ("el-Bashir")
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")
_POSSESSIVE = ("'s", "\u2019s")
_MAX_RUN = 8  # longest run of name-like words read
_MAX_SPAN = 6  # longest name tried


def _runs(text: str) -> list[list[tuple[int, int, str]]]:
    """Runs of capitalised words (particles allowed inside) separated by single spaces."""
    runs: list[list[tuple[int, int, str]]] = []
    cur: list[tuple[int, int, str]] = []
    last_end = -2
    for m in _WORD.finditer(text):
        s, e, w = m.start(), m.end(), m.group()
        if w.endswith(_POSSESSIVE):
            e -= 2
            w = w[:-2]
        lower = w.lower()
        name_like = w[:1].isupper() or (lower in PARTICLES and bool(cur))
        if name_like and cur and s == last_end + 1 and text[last_end] in " -" and len(cur) < _MAX_RUN:
            cur.append((s, e, w))
        else:
            if cur:
                runs.append(cur)
            cur = [(s, e, w)] if w[:1].isupper() else []
        last_end = m.end() if name_like else -2
        if m.end() != e:  # a possessive ends the run
            last_end = -2
    if cur:
        runs.append(cur)
    return runs


def variant_hits(text: str, hits: list[Hit], rs: Ruleset) -> list[Hit]:
    """``person`` hits for wanted people named in a spelling the gazetteer missed, outside its own hits."""
    idx = name_index(rs)
    last, last_cons = idx.last, idx.last_cons
    covered = [(h.start, h.end) for h in hits if h.cat == "person"]
    out: list[Hit] = []
    for run in _runs(text):
        if not any(name_key(w) in last or consonants(name_key(w)) in last_cons for _, _, w in run):
            continue  # cheap filter: no word is written like any wanted person's surname
        n = len(run)
        best: tuple[int, int, str] | None = None
        for size in range(min(n, _MAX_SPAN), 0, -1):
            for i in range(0, n - size + 1):
                span = run[i:i + size]
                if span[0][2].lower() in PARTICLES or span[-1][2].lower() in PARTICLES:
                    continue
                k = name_key(span[-1][2])
                if k not in last and consonants(k) not in last_cons:
                    continue
                a, b = span[0][0], span[-1][1]
                if any(s < b and a < e for s, e in covered):
                    continue
                pid = match_name([w for _, _, w in span], rs)
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
