"""An invitation that names no place: the guest is asked to the inviter's country (issue 9, references).

"Xi Jinping invited Vladimir Putin to visit.", "Duterte has accepted an invitation from Japanese Prime Minister
Shinzo Abe.", "Putin accepted Xi's invitation to come.", "He was invited by Erdogan for a state visit.": no place is
written, and the inviter's country is where the visit would be. An invitation is ``invited``; one the sentence says
was accepted is ``planned`` (ANNOTATION.md), one declined ``cancelled`` (:func:`.status.answered_invitation`).

Only sentences without a place or an event series of their own are read here (the rules and the parse read those),
and only an invitation to visit or come (or one with nothing after it): "invited X to join the talks" says nothing
of where they are.
"""

from __future__ import annotations

from . import dates as ndates
from .assemble import _add
from .document import _PLACE_KIND_RANK, Entity, Mention, Place, _Doc, _Draft, _Sentence
from .status import answered_invitation

_VERBS = frozenset({"invited", "invites", "invite", "inviting"})
_NOUNS = frozenset({"invitation", "invitations"})
INVITE_WORDS = _VERBS | _NOUNS
_PASSIVE = frozenset({"was", "were", "been", "is", "are", "be", "being"})
_NEGATIONS = frozenset({"not", "never", "n", "no"})
# the inviter is the subject and the guest follows "to": "Abe extended an invitation to Duterte"
_EXTEND = frozenset({"extended", "extends", "extend", "sent", "sends", "issued", "issues", "renewed", "renews",
                     "repeated", "repeats", "handed", "hands", "conveyed", "conveys", "delivered", "delivers"})
# what may follow the guest (or the invitation) for a visit to the inviter: nothing, or a visit
_VISIT_NOUNS = frozenset({"visit", "trip", "tour"})
_TO_VERBS = frozenset({"visit", "come", "pay", "make", "return", "attend", "watch"})  # ("to attend the final")
_ENDS = frozenset({"and", "with", "but", "which", "during", "at", "in", "on", "last", "this", "next", "earlier",
                   "later", "according"})
_PUNCT = ",;:.()—–"  # (in the characters before a token: the clause ends there)


def _visit_after(s: _Sentence, n: int) -> bool:
    """Whether the words from ``n`` on ask for a visit: "to visit", "to come", "to pay a visit", "for a state visit",
    "for talks", or nothing more (the sentence or clause ends)."""
    words = s.words
    if n >= len(words) or words[n] in _ENDS or any(ch in s.toks[n].gap for ch in _PUNCT):
        return True
    if words[n] == "to" and n + 1 < len(words):
        return words[n + 1] in _TO_VERBS
    if words[n] in ("for", "on"):
        tail = words[n + 1:n + 5]
        return "talks" in tail[:1] or any(w in _VISIT_NOUNS for w in tail)
    return False


def _phrase_end(s: _Sentence, start: int) -> int:
    """Where the name of who invites, from ``start``, ends: at "to"/"for", a clause word or punctuation."""
    words = s.words
    return next((t for t in range(start + 1, len(words)) if words[t] in _ENDS or words[t] in ("to", "for")
                 or any(ch in s.toks[t].gap for ch in _PUNCT)), len(words))


def _country_of(ms: list[Mention], places: list[Place], i: int, j: int) -> str:
    """The country of who invites, named in tokens ``[i, j)``: a person's (their nationality) or a place's
    ("Japan's invitation", "the Japanese government", "Japanese Prime Minister Shinzo Abe")."""
    for m in ms:
        if i <= m.i < j and m.entity is not None and m.entity.nationality:
            return m.entity.nationality
    for p in places:
        if i <= p.i < j and (p.kind in _PLACE_KIND_RANK or p.demonym):
            return p.code
    return ""


def _entity_in(ms: list[Mention], i: int, j: int, last: bool = False) -> Entity | None:
    found = [m for m in ms if i <= m.i < j and m.entity is not None]
    if not found:
        return None
    return (found[-1] if last else found[0]).entity


Found = tuple[Entity | None, str, int]  # (guest, inviter's country, where the words after the invitation begin)


def _by_verb(doc: _Doc, s: _Sentence, ms: list[Mention], places: list[Place], n: int) -> Found | None:
    """ "Y invited X (to visit)", "X was invited by Y (for a state visit)"."""
    words = s.words
    if n > 0 and words[n - 1] in _PASSIVE:
        guest = _entity_in(ms, max(0, n - 8), n, last=True)
        by = next((t for t in range(n + 1, min(len(words), n + 3)) if words[t] == "by"), None)
        if by is None:
            return None
        end = _phrase_end(s, by + 1)
        return guest, _country_of(ms, places, by + 1, end), end
    guest_m = next((m for m in ms if m.i == n + 1 and m.entity is not None), None)
    if guest_m is None:
        return None
    return guest_m.entity, _country_of(ms, places, max(0, n - 8), n), guest_m.j


def _by_noun(doc: _Doc, s: _Sentence, ms: list[Mention], places: list[Place], n: int) -> Found | None:
    """ "Abe extended an invitation to Duterte", "renewed his invitation for him to return", "X accepted an
    invitation from Y", "X accepted Y's invitation"."""
    words = s.words
    start = max(0, n - 10)
    if any(x in _EXTEND for x in words[start:n]):
        if words[n + 1:n + 2] not in (["to"], ["for"]):
            return None
        guest_m = next((m for m in ms if m.i == n + 2 and m.entity is not None), None)
        if guest_m is None:
            return None
        return guest_m.entity, _country_of(ms, places, start, n), guest_m.j
    guest = _entity_in(ms, start, n)
    if words[n + 1:n + 2] == ["from"]:
        end = _phrase_end(s, n + 2)
        return guest, _country_of(ms, places, n + 2, end), end
    own = [m for m in ms if m.possessive and m.j <= n and n - m.j <= 2 and m.entity is not None]
    poss = [p for p in places if p.j <= n and n - p.j <= 2 and words[p.j:p.j + 1] == ["s"]]
    home = own[-1].entity.nationality if own and own[-1].entity is not None else poss[-1].code if poss else ""
    if own and own[-1].entity is guest:
        guest = _entity_in(ms, start, own[-1].i)  # ("Putin accepted Xi's invitation": not Xi)
    return guest, home, n + 1


def invitation_home(doc: _Doc, s: _Sentence, k: int, ms: list[Mention]) -> None:
    """Report the trip an invitation without a place asks for: the guest to the inviter's country."""
    words = s.words
    places = doc.places(s)
    named = [(m.i, m.j) for m in ms]
    if k in doc.series_at or any(
            p.kind in _PLACE_KIND_RANK and not p.demonym for p in places
            if not any(a <= p.i < b for a, b in named)  # ("Vladimir" in "Vladimir Putin")
            and not (p.j < len(words) and words[p.j] in ("s", "government", "side"))  # who invites
            and not (p.i >= 2 and words[p.i - 1] == "from" and words[p.i - 2] in _NOUNS)):
        return  # a place of its own (the rules and the parse read it), or an event's
    for n, w in enumerate(words):
        if w not in INVITE_WORDS or _NEGATIONS.intersection(words[max(0, n - 3):n]):
            continue  # ("did not invite X", "was not invited": no trip, ANNOTATION.md)
        found = _by_verb(doc, s, ms, places, n) if w in _VERBS else _by_noun(doc, s, ms, places, n)
        if found is None:
            continue
        guest, home, after = found
        if guest is None or not home or guest.nationality == home or not guest.nationality and not guest.pid:
            continue
        if not _visit_after(s, after):
            continue
        status = answered_invitation("invited", words)
        spans = []
        later = [d for d in s.dates if d.i > n]
        if later and doc.pub is not None:
            spans = ndates.resolve(later[0], doc.pub, True)[:1]
        mention = next((m.text for m in ms if m.entity is guest), guest.name)
        _add(doc, _Draft(guest, mention, home, "", spans, status, "", [(s.a, s.b)]))
        return
