"""Names of people as users type them or news prints them -> a person with an ICC warrant record.

Most travellers are wanted by no one, so the default answer is ``no_record``. A name resolves only when
it matches, after :func:`riskcheck.text.normalize`, one of:

* a ``person_id`` (``vladimir-putin``), a full name from ``people.csv`` or an alias from ``aliases.csv``
  (Latin, other scripts, nicknames, curated surnames);
* a derived form of the full name: first + last name ("Omar Bashir", "Omar al-Bashir"), or the surname
  alone when it is distinctive (not shared with another person, not a common name or word);
* given names + a surname of one person ("Saif Gaddafi", "Vladimir V. Putin"; initials allowed);
* a spelling that differs only by transliteration (Cyrillic letters, "ou"/"u", doubled letters);
* a title held **on the given day** (``titles.csv``: "the Russian president" on 2024-01-01).

Otherwise the result is ``close`` (a small edit distance from a wanted full name or distinctive surname,
or a wanted surname with other given names: "Vladmir Putn", "Netanyahoo", "Yair Netanyahu"; or a romanisation
variant of a full name, :func:`riskcheck.name_variants.match_name`: "Osema Najim Almasri"),
``ambiguous`` (a surname shared by several people: "Gbagbo", "Gaddafi") or ``no_record``.
Fuzzy matching never resolves: it only suggests.
"""

from __future__ import annotations

from datetime import date

from .text import levenshtein, normalize, skeleton, spelling, translit

TYPE_CHECKING = False  # (typing.TYPE_CHECKING without importing typing: a few ms of every start)
if TYPE_CHECKING:  # pragma: no cover
    from typing import NamedTuple

    from .ruleset import Ruleset
else:
    from .record import NamedTuple  # typing.NamedTuple's class syntax without importing typing

__all__ = ["PersonMatch", "resolve_person", "person_names", "titles_on"]


class PersonMatch(NamedTuple):  # (not a dataclass: a tenth of the start-up cost)
    query: str
    person_id: str | None  # a person with a warrant record, or None
    name: str  # canonical name (ruleset.people[id].name), or the query as written
    status: str  # "resolved" | "no_record" | "close" | "ambiguous"
    matched_by: str  # "id" | "name" | "alias" | "surname" | "native" | "title" | "fuzzy" | ""
    candidates: tuple[str, ...]  # person_ids, best first, for close/ambiguous

    @property
    def resolved(self) -> bool:
        return self.person_id is not None


# particles that belong to the surname that follows them
_PARTICLES = frozenset(
    ["al", "el", "ul", "ibn", "bin", "ben", "bint", "abu", "abou", "ag", "ould", "wa", "arap", "de", "da", "di", "du", "del", "della", "der", "den", "van", "von", "le", "la", "ter"]
)
# honorifics and roles stripped from the front of a query ("President Putin", "ex-president Gbagbo")
_HONORIFICS = (
    "former ", "ex ", "late ", "the ", "president ", "prime minister ", "pm ", "vice president ", "general ",
    "gen ", "lieutenant general ", "lt gen ", "colonel ", "col ", "major general ", "maj gen ", "marshal ",
    "field marshal ", "commander ", "minister ", "defence minister ", "defense minister ", "mr ", "mrs ", "ms ",
    "dr ", "sheikh ", "shaykh ", "emir ", "king ", "mullah ", "sir ", "madam ", "madame ", "monsieur ", "herr ",
    "chief ", "judge ", "leader ", "warlord ", "rebel leader ", "militia leader ",
)
# surnames/given names too common, or too ordinary as words, to identify a wanted person on their own.
# They still resolve as part of a fuller name and when aliases.csv lists them as a surname.



class _Index:
    exact: dict[str, list[tuple[str, str]]]  # key -> [(person_id, matched_by)]
    surnames: dict[str, set[str]]  # every surname key -> person_ids (incl. common ones)
    safe_surnames: dict[str, str]  # distinctive surname key -> person_id
    weak: set[str]  # derived one-word surnames: resolve a typed query, but are not scanned for in text
    primary: set[str]  # surnames taken from people.csv names (not from aliases)
    tokens: dict[str, list[set[str]]]  # person_id -> token sets of each of their Latin names
    fuzzy: list[tuple[str, str, str]]  # (skeleton, key, person_id) of full names / aliases / safe surnames
    spelled: dict[str, set[str]]  # spelling() form of those keys -> person_ids
    titles: list[tuple[str, str, date | None, date | None]]  # (key, person_id, start, end)

    def __init__(self, exact: dict[str, list[tuple[str, str]]], surnames: dict[str, set[str]],
                 safe_surnames: dict[str, str], weak: set[str], primary: set[str],
                 tokens: dict[str, list[set[str]]], fuzzy: list[tuple[str, str, str]],
                 spelled: dict[str, set[str]], titles: list[tuple[str, str, date | None, date | None]]) -> None:
        self.exact, self.surnames, self.safe_surnames, self.weak = exact, surnames, safe_surnames, weak
        self.primary, self.tokens, self.fuzzy, self.spelled, self.titles = primary, tokens, fuzzy, spelled, titles
        self.names: dict[str, str] | None = None
        # every Latin name token of each person (all their names together), for names typed in any order
        self.all_tokens: dict[str, frozenset[str]] = {
            pid: frozenset(t for toks in sets for t in toks) for pid, sets in tokens.items()}




def _ruleset(rs: Ruleset | None) -> Ruleset:
    if rs is not None:
        return rs
    from .ruleset import load_ruleset

    return load_ruleset()


def _index(rs: Ruleset) -> _Index:
    return rs.derived("people.index", lambda: _build(rs))


def _build(rs: Ruleset) -> _Index:
    """The name index of ``rs`` (riskcheck/people_index.py: a query reads it from the ruleset cache)."""
    from .people_index import build

    return build(rs)


# --------------------------------------------------------------------------------------------------
# Public helpers


def person_names(ruleset: Ruleset | None = None) -> dict[str, str]:
    """Normalized full names, aliases and surnames -> person_id (unambiguous ones only), for scanning text.

    Surnames are the curated ones (``aliases.csv`` kind ``surname``) and derived multi-word ones
    ("al bashir", "lvova belova"); a one-word surname derived from a full name ("Doumah") is left out,
    since in running text it is as likely to be a place or another person.
    """
    rs = _ruleset(ruleset)
    idx = _index(rs)
    cache = idx.names
    if cache is None:
        cache = {k: lst[0][0] for k, lst in idx.exact.items()
                 if len({p for p, _ in lst}) == 1 and not (k in idx.weak and lst[0][1] == "surname")}
        idx.names = cache
    return cache


def _titles_all(day: date, idx: _Index) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for key, pid, start, end in idx.titles:
        if (start is None or start <= day) and (end is None or day <= end):
            out.setdefault(key, set()).add(pid)
    return out


def titles_on(day: date, ruleset: Ruleset | None = None) -> dict[str, str]:
    """Normalized title phrase -> person_id for titles held on ``day`` (held by exactly one person)."""
    idx = _index(_ruleset(ruleset))
    return {k: next(iter(p)) for k, p in _titles_all(day, idx).items() if len(p) == 1}


# --------------------------------------------------------------------------------------------------
# Resolution


def _match(query: str, pid: str | None, rs: Ruleset, status: str, by: str,
           candidates: tuple[str, ...] = ()) -> PersonMatch:
    name = rs.people[pid].name if pid is not None and pid in rs.people else query
    return PersonMatch(query, pid, name, status, by if status == "resolved" else (by if pid else ""), candidates)


def _variants(key: str) -> list[str]:
    """The key, without possessive, honorifics and a leading "the"."""
    out = [key]

    def add(v: str) -> None:
        v = " ".join(v.split())
        if v and v not in out:
            out.append(v)

    add(" ".join(t[:-2] if t.endswith("'s") else t for t in key.split()))
    changed = True
    while changed:
        changed = False
        for k in list(out):
            for h in _HONORIFICS:
                if k.startswith(h) and len(k) > len(h) and k[len(h):] not in out:
                    add(k[len(h):])
                    changed = True
    return out


def _reordered(query: str) -> list[str]:
    """Keys for a name typed surname first: "Putin, Vladimir" and "PUTIN Vladimir" -> "vladimir putin"."""
    out: list[str] = []
    if "," in query:
        last, _, given = query.partition(",")
        if last.strip() and given.strip():
            out.append(normalize(f"{given} {last}"))
    toks = query.split()
    caps = [t for t in toks if t.isupper() and len(t.strip(",.")) > 1]
    if caps and len(caps) < len(toks):  # upper-case surname(s) anywhere: move them to the end
        out.append(normalize(" ".join([t for t in toks if t not in caps] + caps)))
    return [k for k in dict.fromkeys(out) if k]


def _by_tokens(keys: list[str], idx: _Index) -> tuple[str, list[str]] | None:
    """A query whose every name token belongs to one wanted person's names, in any order.

    Resolves only when unique and one of the tokens is a distinctive surname ("putin vladimir",
    "kony joseph"); otherwise ("saif", "vladimir", "hassan ahmad") the person is a candidate: an input this
    close to a wanted person's name must never be answered ``no_warrant``.
    """
    for k in keys:
        toks = {translit(t) for t in k.split()} - _PARTICLES
        if not toks:
            continue
        pids = sorted(p for p, allt in idx.all_tokens.items() if toks <= allt)
        if not pids:
            continue
        distinctive = any(t in idx.safe_surnames for t in toks)
        if len(pids) == 1 and distinctive and len(toks) > 1:
            return "resolved", pids
        return ("ambiguous" if len(pids) > 1 else "close"), pids
    return None


def _exact(keys: list[str], idx: _Index) -> tuple[list[str], str] | None:
    for k in keys:
        lst = idx.exact.get(k)
        if lst:
            pids = list(dict.fromkeys(p for p, _ in lst))
            return pids, lst[0][1]
    return None


def _given_ok(given: list[str], name_sets: list[set[str]]) -> bool:
    """Every given token (or initial) of the query is one of the person's name tokens."""
    for toks in name_sets:
        sk = {skeleton(t) for t in toks}
        if all(g in toks or skeleton(g) in sk or (len(g) == 1 and any(t.startswith(g) for t in toks))
               for g in given):
            return True
    return False


def _by_surname(key: str, idx: _Index) -> tuple[str, list[str]] | None:
    """("resolved"|"close"|"ambiguous", person_ids) from the surname at the end of a multi-word query."""
    toks = key.split()
    for n in (3, 2, 1):
        if len(toks) <= n:
            continue
        s = " ".join(toks[-n:])
        pids = idx.surnames.get(s) or idx.surnames.get(translit(s))
        if not pids:
            continue
        given = [t for t in toks[:-n] if t not in _PARTICLES]
        given = [translit(g) for g in given]
        if not given:
            continue
        fits = sorted(p for p in pids if _given_ok(given, idx.tokens.get(p, [])))
        if len(fits) == 1:
            return "resolved", fits
        if len(fits) > 1:
            return "ambiguous", fits
        if s in idx.safe_surnames or len(pids) > 1:
            return "close", sorted(pids)  # "Yair Netanyahu", "Aisha Gaddafi": a wanted surname, other given names
        return None  # "Saddam Hussein", "Joyce Banda": a common surname says nothing
    return None
    return None


def _limit(n: int) -> int:
    if n < 4:
        return 0
    if n < 5:
        return 1
    if n < 8:
        return 1
    if n < 13:
        return 2
    return 3


def _fuzzy(key: str, idx: _Index) -> list[str]:
    sk = skeleton(key)
    if len(sk.replace(" ", "")) < 4:
        return []
    scored: dict[str, int] = {}
    multi = " " in key
    for fsk, fkey, pid in idx.fuzzy:
        if multi != (" " in fkey):
            continue  # compare full names with full names, surnames with surnames
        if fsk[:1] != sk[:1]:
            continue
        lim = _limit(min(len(fsk), len(sk)))
        if lim == 0:
            continue
        d = levenshtein(sk, fsk, lim)
        if d <= lim and (pid not in scored or d < scored[pid]):
            scored[pid] = d
    return [p for p, _ in sorted(scored.items(), key=lambda pd: (pd[1], pd[0]))]


def resolve_person(text: str, on: date | None = None, ruleset: Ruleset | None = None) -> PersonMatch:
    """Resolve a name, alias, id or (dated) title to a person with a warrant record.

    ``on`` is the day titles are read for (today when None).

    >>> resolve_person("Putin").person_id
    'vladimir-putin'
    >>> resolve_person("Emmanuel Macron").status
    'no_record'
    """
    query = text if isinstance(text, str) else str(text)
    rs = _ruleset(ruleset)
    q = query.strip()
    if not q or len(q) > 200:
        return PersonMatch(query, None, query, "no_record", "", ())
    if q in rs.people:
        return _match(query, q, rs, "resolved", "id")
    if q.lower() in rs.people:
        return _match(query, q.lower(), rs, "resolved", "id")
    idx = _index(rs)
    key = normalize(q)
    if not key:
        return PersonMatch(query, None, query, "no_record", "", ())
    keys = _variants(key)
    for r in _reordered(q):
        keys += [v for v in _variants(r) if v not in keys]
    hit = _exact(keys, idx)
    if hit is not None:
        pids, by = hit
        if len(pids) == 1:
            return _match(query, pids[0], rs, "resolved", by)
        return _match(query, None, rs, "ambiguous", "", tuple(sorted(pids)))
    # titles held on the day
    day = on or date.today()
    titles = _titles_all(day, idx)
    for k in keys:
        pids_t = titles.get(k)
        if pids_t:
            if len(pids_t) == 1:
                return _match(query, next(iter(pids_t)), rs, "resolved", "title")
            return _match(query, None, rs, "ambiguous", "", tuple(sorted(pids_t)))
    # other scripts, romanised
    tkeys = [translit(k) for k in keys if translit(k) != k]
    hit = _exact(tkeys, idx)
    if hit is not None:
        pids, _ = hit
        if len(pids) == 1:
            return _match(query, pids[0], rs, "resolved", "native")
        return _match(query, None, rs, "ambiguous", "", tuple(sorted(pids)))
    # a surname that is not distinctive on its own ("Hussein", "Gaddafi")
    for k in keys:
        pids_s = idx.surnames.get(k)
        if pids_s:
            if len(pids_s) > 1:
                return _match(query, None, rs, "ambiguous", "", tuple(sorted(pids_s)))
            if k in idx.primary:
                return _match(query, None, rs, "close", "", tuple(sorted(pids_s)))
    # given names + surname
    for k in keys + tkeys:
        res = _by_surname(k, idx)
        if res is not None:
            status, pids = res
            if status == "resolved":
                return _match(query, pids[0], rs, "resolved", "name")
            return _match(query, None, rs, status, "", tuple(pids))
    # spelling-insensitive equality on full names and distinctive surnames (Netanyahou, Путин)
    for k in keys:
        sp = spelling(k)
        same = sorted(idx.spelled.get(sp, ())) if len(sp.replace(" ", "")) >= 6 else []
        if len(same) == 1:
            return _match(query, same[0], rs, "resolved", "fuzzy")
        if len(same) > 1:
            return _match(query, None, rs, "ambiguous", "", tuple(same))
    res = _by_tokens(keys + tkeys, idx)
    if res is not None:
        status, pids = res
        if status == "resolved":
            return _match(query, pids[0], rs, "resolved", "name")
        return _match(query, None, rs, status, "", tuple(pids[:8]))
    for k in keys:
        close = _fuzzy(k, idx)
        if close:
            return _match(query, None, rs, "close", "", tuple(close[:5]))
    # a romanisation variant with a middle name more or fewer ("Osema Najim Almasri"): suggested, never resolved
    from .name_variants import match_name

    for k in keys:
        variant = match_name(k.split(), rs)
        if variant is not None:
            return _match(query, None, rs, "close", "", (variant,))
    return PersonMatch(query, None, query, "no_record", "", ())
