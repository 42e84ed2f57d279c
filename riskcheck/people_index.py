"""Building the person resolver's name index (riskcheck/people.py) from a ruleset.

Run once per data folder: the index is stored with the ruleset in its cache (riskcheck/cache.py), so a
single query neither runs nor compiles this module.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from .people import _PARTICLES, _Index
from .text import normalize, skeleton, spelling, strip_leading_the, translit

if TYPE_CHECKING:  # pragma: no cover
    from .ruleset import Ruleset

COMMON_NAMES = frozenset(["ali", "ahmad", "ahmed", "mohammed", "muhammad", "mohamed", "mohammad", "hussein", "husein", "hussain", "hassan", "hasan", "omar", "umar", "said", "saeed", "saied", "khaled", "khalid", "abdel", "abdul", "abdallah", "abdullah", "abdelrahman", "rahman", "ibrahim", "ismail", "mahamat", "mahmoud", "mahmud", "mustafa", "yusuf", "yousef", "musa", "moussa", "salim", "saleh", "salih", "aziz", "karim", "kareem", "rashid", "hamid", "haroun", "harun", "osman", "usman", "bakr", "sang", "bett", "banda", "ruto", "ngudjolo", "kenyatta", "katanga", "mahdi", "hassan", "ghaly", "sokolov", "ivanov", "smirnov", "kuznetsov", "popov", "petrov", "haqqani", "sinwar", "islam", "adam", "douma", "gombo", "mohamud", "mamadou", "ibrahima", "moussa", "jean", "pierre", "joseph", "charles", "william", "simone", "laurent", "david", "john", "james", "paul", "peter", "michael", "maria", "marie", "anna"])
_MIN_SURNAME = 5  # a derived one-word surname shorter than this is too weak (curated ones may be shorter)


def _surname_forms(raw_name: str) -> list[str]:
    """``Omar Hassan Ahmad Al Bashir`` -> [``al bashir``, ``bashir``]; ``Maria Lvova-Belova`` -> [``lvova belova``]."""
    toks = raw_name.split()
    if len(toks) < 2:
        return []
    last = [toks[-1]]
    i = len(toks) - 2
    while i > 0 and normalize(toks[i]) in _PARTICLES:
        last.insert(0, toks[i])
        i -= 1
    out = []
    full = normalize(" ".join(last))
    out.append(full)
    parts = full.split()
    while parts and parts[0] in _PARTICLES:
        parts = parts[1:]
        if parts:
            out.append(" ".join(parts))
    return list(dict.fromkeys(k for k in out if k))


_ARTICLE_PREFIXES = ("al", "el", "ul")


def _surname_form(key: str) -> str:
    """A surname key with its Arabic article (split or joined) and spelling variants evened out:
    ``al masri``, ``almasri``, ``el masry`` and ``masri`` share one.
    """
    words = key.split()
    while len(words) > 1 and words[0] in _PARTICLES:
        words = words[1:]
    s = "".join(words)
    for pre in _ARTICLE_PREFIXES:
        if s.startswith(pre) and len(s) - len(pre) >= 4:
            s = s[len(pre):]
            break
    return skeleton(s)


def _first_last(raw_name: str) -> list[str]:
    toks = raw_name.split()
    if len(toks) < 3:
        return []
    first = normalize(toks[0])
    if len(first) < 3 or first in COMMON_NAMES or first in _PARTICLES:
        return []  # "Abdel ... Hussein" -> "abdel hussein" would be nobody's name
    return [f"{first} {s}" for s in _surname_forms(raw_name)]


def _name_parts(raw_name: str) -> list[str]:
    """``A B C (D E)`` -> [``A B C``, ``D E``]: a name and the name it is also known by."""
    main, _, rest = raw_name.partition("(")
    out = [main.strip()]
    inner = rest.partition(")")[0].strip()
    if inner:
        out.append(inner)
    return [p for p in out if p]


def build(rs: Ruleset) -> _Index:
    """The person name index of ``rs``."""
    exact: dict[str, list[tuple[str, str]]] = {}
    surnames: dict[str, set[str]] = {}
    tokens: dict[str, list[set[str]]] = {}

    def add(key: str, pid: str, by: str) -> None:
        if not key:
            return
        lst = exact.setdefault(key, [])
        if not any(p == pid for p, _ in lst):
            lst.append((pid, by))

    def add_tokens(pid: str, key: str) -> None:
        if key and key.isascii():
            toks = set(key.split()) - _PARTICLES
            if toks and toks not in tokens.setdefault(pid, []):
                tokens[pid].append(toks)

    names_of: dict[str, list[str]] = {}
    primary: set[str] = set()
    for pid, p in rs.people.items():
        for part in _name_parts(p.name):
            primary.update(_surname_forms(part))
        add(normalize(p.name), pid, "name")
        for part in _name_parts(p.name):
            names_of.setdefault(pid, []).append(part)
            add(normalize(part), pid, "name")
            add_tokens(pid, normalize(part))
    for a in rs.aliases:
        if a.person_id not in rs.people or not a.alias.strip():
            continue
        kind = (a.kind or "").lower()
        by = {"name": "name", "native": "native", "surname": "surname"}.get(kind, "alias")
        key = normalize(a.alias)
        add(key, a.person_id, by)
        t = translit(key)
        if t != key:
            add(t, a.person_id, by)
        if kind == "surname":
            surnames.setdefault(key, set()).add(a.person_id)
        elif kind != "native" and kind != "nickname":
            for part in _name_parts(a.alias):
                names_of.setdefault(a.person_id, []).append(part)
                add_tokens(a.person_id, normalize(part))
    # derived: first + last name, and surnames
    for pid, raws in names_of.items():
        for raw in raws:
            for k in _first_last(raw):
                add(k, pid, "name")
                add_tokens(pid, k)
            for s in _surname_forms(raw):
                surnames.setdefault(s, set()).add(pid)
    # given-name tokens of everyone: a surname that is someone else's given name is not distinctive
    given: dict[str, set[str]] = {}
    for pid, sets in tokens.items():
        for toks in sets:
            for t in toks:
                given.setdefault(t, set()).add(pid)
    curated = {normalize(a.alias) for a in rs.aliases if (a.kind or "").lower() == "surname"}
    # derived surnames written differently but the same name ("al masri", "almasri", "el masry") of two
    # different people are ambiguous: none of them may stand for one person on its own
    by_form: dict[str, set[str]] = {}
    for s, pids in surnames.items():
        by_form.setdefault(_surname_form(s), set()).update(pids)
    safe: dict[str, str] = {}
    weak: set[str] = set()
    for s, pids in surnames.items():
        if len(pids) != 1:
            continue
        (pid,) = pids
        if s in curated:
            safe[s] = pid
            continue
        if len(by_form.get(_surname_form(s), pids)) > 1:
            continue
        words = s.split()
        if len(s.replace(" ", "")) < _MIN_SURNAME or any(w in COMMON_NAMES for w in words):
            continue
        if len(words) == 1 and given.get(s, {pid}) - {pid}:
            continue
        safe[s] = pid
        if len(words) == 1:
            weak.add(s)
    for s, pid in safe.items():
        add(s, pid, "surname")
    for pid in rs.people:
        add(normalize(pid), pid, "id")
    fuzzy: list[tuple[str, str, str]] = []
    for key, lst in exact.items():
        if len(lst) != 1:
            continue
        pid, by = lst[0]
        if by in ("id", "native") or not key.isascii():
            continue
        if " " not in key and key not in safe:
            continue
        fuzzy.append((skeleton(key), key, pid))
    spelled: dict[str, set[str]] = {}
    for _, key, pid in fuzzy:
        spelled.setdefault(spelling(key), set()).add(pid)
    titles: list[tuple[str, str, date | None, date | None]] = []
    for title in rs.titles:
        if title.person_id in rs.people and title.title.strip():
            k = normalize(title.title)
            titles.append((k, title.person_id, title.start, title.end))
            s = strip_leading_the(k)
            if s != k:
                titles.append((s, title.person_id, title.start, title.end))
    return _Index(exact, surnames, safe, weak, primary, tokens, fuzzy, spelled, titles)
