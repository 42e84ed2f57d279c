"""Names of wanted people written in ways the alias table does not list: romanisation variants, extra or
missing middle names, the Arabic article glued or split.

A name is compared token by token on a *romanisation key* (:func:`name_key`: the letter groups of
``riskcheck/tables/romanisation.csv`` evened out, doubled letters and a glued ``al``/``el`` dropped), so
"Dmitri"/"Dmitry", "Netanyahou"/"Netanyahu" and "Almasri"/"El Masry" are the same token. Two tokens whose
keys differ only in their vowels by a bounded edit distance are *near* ("Osema"/"Osama", "Najim"/"Njeem").

:func:`match_name` resolves a sequence of name tokens to one person, or to nobody:

* one token: only a distinctive surname (one the news gazetteer scans for) whose key is equal and long;
* several tokens: the first matches the first name of one of the person's names and the last matches
  that name's surname (equal or near), at least two tokens match, at most one token (a middle name the
  table lacks) is left unmatched;
* never a guess: when two people fit, or every token is also a name of another person, nobody.
"""

from __future__ import annotations

import os
from functools import cache

from .text import levenshtein, normalize, translit

TYPE_CHECKING = False  # (typing.TYPE_CHECKING without importing typing: `riskcheck check` imports this module)
if TYPE_CHECKING:  # pragma: no cover
    from typing import NamedTuple

    from .ruleset import Ruleset
else:
    from .record import NamedTuple  # typing.NamedTuple's class syntax without importing typing

__all__ = ["name_key", "consonants", "tokens_near", "NameIndex", "name_index", "match_name", "PARTICLES"]

# particles that join a surname and say nothing about who it is ("al-Bashir", "bin Salman", "van der")
PARTICLES = frozenset({"al", "el", "ul", "ibn", "bin", "ben", "bint", "abu", "abou", "de", "da", "di", "du", "del",
                       "der", "van", "von", "le", "la", "ag", "ould"})
_ARTICLES = ("al", "el", "ul")
_VOWELS = frozenset("aeiou")
_MIN_SINGLE = 6  # a surname alone must have a key at least this long to be matched by its key
_MIN_NEAR = 4  # tokens shorter than this are only ever equal, never near


@cache
def _groups() -> tuple[tuple[str, str], ...]:
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "tables", "romanisation.csv")
    with open(path, encoding="utf-8") as f:  # two plain columns, no quoting: no csv module on the check path
        rows = [ln.split(",") for ln in f.read().splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    col = {name.strip(): i for i, name in enumerate(rows[0])}
    return tuple((r[col["group"]].strip(), r[col["key"]].strip()) for r in rows[1:])


@cache
def name_key(token: str) -> str:
    """The romanisation key of one name token: ``Netanyahou`` and ``netanyahu`` share one, so do
    ``Dmitry``/``Dmitri`` and ``Almasri``/``Masry``. Idempotent: ``name_key(name_key(t)) == name_key(t)``.
    """
    s = translit(normalize(token)).replace("'", "").replace(" ", "")
    # a glued Arabic article: "almasri", "elmasry" -> "masri" (the key never keeps a leading article)
    while any(s.startswith(a) and len(s) - len(a) >= 4 for a in _ARTICLES):
        s = s[2:]
    changed = True
    while changed:  # repeat to a fixed point, so the key of a key is itself
        before = s
        for a, b in _groups():
            s = s.replace(a, b)
        out: list[str] = []
        for ch in s:
            if not out or out[-1] != ch:
                out.append(ch)  # doubled letters
        s = "".join(out)
        while any(s.startswith(a) and len(s) - len(a) >= 4 for a in _ARTICLES):
            s = s[2:]
        changed = s != before
    return s


def consonants(key: str) -> str:
    """A key without its vowels (the first letter kept): what romanisations of one Arabic name share."""
    return key[:1] + "".join(ch for ch in key[1:] if ch not in _VOWELS)


def tokens_near(a: str, b: str) -> bool:
    """Two token keys that are equal, or the same consonants with a small vowel difference ("osema"/"osama",
    "najim"/"njim"; one edit, two for keys of eight letters or more)."""
    if a == b:
        return True
    if min(len(a), len(b)) < _MIN_NEAR or a[:1] != b[:1] or consonants(a) != consonants(b):
        return False
    limit = 2 if min(len(a), len(b)) >= 8 else 1
    return levenshtein(a, b, limit) <= limit


def _keys(name: str) -> tuple[str, ...]:
    """Keys of the tokens of a written name, particles dropped."""
    words = normalize(name).replace("'", "").split()
    return tuple(k for k in (name_key(w) for w in words if w not in PARTICLES) if k)


class NameIndex(NamedTuple):  # (stored in the ruleset cache: riskcheck/cache.py)
    """The people table's Latin names as token keys, for :func:`match_name`."""

    names: dict[str, tuple[tuple[str, ...], ...]]  # person_id -> key tuples of each of their names
    tokens: dict[str, frozenset[str]]  # person_id -> every token key of all their names
    exact: dict[tuple[str, ...], frozenset[str]]  # key tuple of a full name -> person_ids
    surnames: dict[str, frozenset[str]]  # key of a scanned one-word surname -> person_ids
    last: frozenset[str]  # keys of every name's last token (a cheap filter for text)
    last_cons: frozenset[str]  # consonants() of those keys


def _build(rs: Ruleset) -> NameIndex:
    from .people import person_names

    raw: dict[str, list[str]] = {}
    for pid, p in rs.people.items():
        main, _, rest = p.name.partition("(")
        raw.setdefault(pid, []).append(main)
        if rest.partition(")")[0].strip():
            raw[pid].append(rest.partition(")")[0])
    for a in rs.aliases:
        if a.person_id in rs.people and (a.kind or "").lower() in ("name", "variant", "translit", ""):
            raw.setdefault(a.person_id, []).append(a.alias)
    names: dict[str, tuple[tuple[str, ...], ...]] = {}
    exact: dict[tuple[str, ...], set[str]] = {}
    for pid, lst in raw.items():
        keyed = tuple(dict.fromkeys(k for k in (_keys(n) for n in lst if n.isascii() or normalize(n).isascii())
                                    if len(k) >= 2))
        names[pid] = keyed
        for k in keyed:
            exact.setdefault(k, set()).add(pid)
    tokens = {pid: frozenset(t for k in ks for t in k) for pid, ks in names.items()}
    surnames: dict[str, set[str]] = {}
    for key, pid in person_names(rs).items():
        if " " not in key and key.isascii():
            surnames.setdefault(name_key(key), set()).add(pid)
    # a one-word key that is any token of another person's names is not distinctive
    for sk, pids in surnames.items():
        pids.update(p for p, toks in tokens.items() if sk in toks)
    last = frozenset(k[-1] for ks in names.values() for k in ks) | frozenset(surnames)
    return NameIndex(names, tokens, {k: frozenset(v) for k, v in exact.items()},
                     {k: frozenset(v) for k, v in surnames.items()}, last, frozenset(consonants(k) for k in last))


def name_index(rs: Ruleset) -> NameIndex:
    """The :class:`NameIndex` of ``rs`` (built once per ruleset)."""
    return rs.derived("names.variants", lambda: _build(rs))


def _fits(q: tuple[str, ...], name: tuple[str, ...], everything: frozenset[str]) -> bool:
    """``q`` (two tokens or more) is ``name`` written differently: first and last tokens match, at least two
    tokens match, at most one middle token is unknown."""
    if not (tokens_near(q[0], name[0]) and tokens_near(q[-1], name[-1])):
        return False
    unknown = sum(1 for t in q[1:-1] if not any(tokens_near(t, u) for u in everything))
    return unknown <= 1 and len(q) - unknown >= 2


def match_name(words: list[str] | tuple[str, ...], rs: Ruleset) -> str | None:
    """The person_id the written name tokens ``words`` stand for, or None (never a guess between two people).

    >>> from riskcheck.ruleset import load_ruleset
    >>> match_name(["Osema", "Najim", "Almasri"], load_ruleset())
    'osama-elmasry-njeem'
    """
    idx = name_index(rs)
    q = _keys(" ".join(words))
    if not q:
        return None
    if len(q) == 1:
        pids = idx.surnames.get(q[0])
        if pids is None or len(pids) != 1 or len(q[0]) < _MIN_SINGLE:
            return None
        return next(iter(pids))
    same = idx.exact.get(q)
    if same is not None:
        return next(iter(same)) if len(same) == 1 else None
    if q[-1] not in idx.last and consonants(q[-1]) not in idx.last_cons:
        return None
    fits = [pid for pid, ks in idx.names.items() if any(_fits(q, k, idx.tokens[pid]) for k in ks)]
    if len(fits) != 1:
        return None
    # another person whose names hold every token ("Abdel Kani" is also part of "Mahamat Said Abdel Kani")
    if any(all(any(tokens_near(t, u) for u in toks) for t in q) for pid, toks in idx.tokens.items()
           if pid != fits[0]):
        return None
    return fits[0]
