"""A plan told without its place, and the place told in a sentence after it (issue 9 item 2).

"Putin and Trump could hold another summit soon. Vienna has been floated as the host city." and
"Netanyahu will travel abroad next month. The destination is Hungary.": the first sentence names the travellers
and the plan but no place (:func:`note_plan`); one of the next two names the venue or destination
(:func:`venue_named`), and the trip is reported for each traveller whose country it is not. A venue only
floated, suggested or under discussion is ``speculative`` (ANNOTATION.md: "a suggested venue").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from . import dates as ndates
from .assemble import _add
from .document import _PLACE_KIND_RANK, Entity, _Doc, _Draft, _Sentence

_REACH = 2  # the venue is named at most this many sentences after the plan

# the plan: a meeting or journey word and a word that looks ahead (folded words)
_PLAN_WORDS = frozenset({"summit", "meeting", "meet", "talks", "visit", "trip", "travel", "journey", "tour"})
_AHEAD = frozenset({"will", "would", "could", "may", "might", "plans", "planned", "planning", "expected", "due",
                    "set", "soon", "next", "upcoming", "possible", "proposed", "another"})
_MAYBE = frozenset({"could", "may", "might", "possible", "possibly", "floated", "suggested", "proposed",
                    "mooted", "mentioned", "considered", "discussed", "touted", "tipped", "rumoured", "rumored"})

# the venue: "<Place> has been floated as the host city", "The destination is <Place>", "the venue will be <Place>"
_VENUE_NOUN = r"(?:venue|host city|host country|host|location|destination|site|setting)"
_VENUE_AFTER = re.compile(r"\b(?:floated|suggested|proposed|mooted|mentioned|considered|discussed|touted|tipped|"
                          r"chosen|picked|selected|named|confirmed|agreed)\b(?: \w+){0,2} as (?:the |a )?"
                          r"(?:\w+ ){0,2}" + _VENUE_NOUN + r"\b")
_VENUE_BEFORE = re.compile(r"\b" + _VENUE_NOUN + r" (?:is|was|will be|would be|could be|may be|might be|"
                           r"has been|had been)\b")


@dataclass(slots=True)
class Plan:
    sent: int
    travellers: list[Entity]
    status: str
    spans: list[tuple[date, date, str]]


def plan_words(folded: str) -> bool:
    """Whether a (folded) sentence may tell a plan: a meeting or journey word and a word that looks ahead."""
    return _plan_words(set(folded.split()))


def _plan_words(words: set[str]) -> bool:
    return not words.isdisjoint(_PLAN_WORDS) and not words.isdisjoint(_AHEAD)


def note_plan(doc: _Doc, s: _Sentence, k: int, named: list[Entity], found_trip: bool) -> None:
    """Remember sentence ``k`` as a plan without a place when it names people with a known country (``named``),
    a meeting or journey word and a word that looks ahead, and no trip was read from it."""
    words = set(s.words)
    if found_trip or not _plan_words(words):
        return
    people: list[Entity] = []
    for e in named:
        if e.nationality and all(p is not e for p in people):
            people.append(e)
    homes = {e.nationality for e in people}
    if any(p.code not in homes for p in doc.places(s)):
        return  # a place of its own ("Vladimir" in "Vladimir Putin" is no place of the plan)
    if not people or not any(p.pid for p in people):
        return
    status = "speculative" if not words.isdisjoint(_MAYBE) else "planned"
    spans: list[tuple[date, date, str]] = []
    if s.dates and doc.pub is not None:
        spans = ndates.resolve(s.dates[0], doc.pub, True)[:1]
    doc.plan = Plan(k, people, status, spans)


def venue_named(doc: _Doc, s: _Sentence, k: int) -> None:
    """Sentence ``k`` names the venue or destination of the plan noted just before: report the trips."""
    plan = doc.plan
    if plan is None or not 0 < k - plan.sent <= _REACH:
        return
    text = " ".join(s.words)
    after = _VENUE_AFTER.search(text)
    before = _VENUE_BEFORE.search(text)
    if after is None and before is None:
        return
    places = [p for p in doc.places(s) if p.kind in _PLACE_KIND_RANK and not p.demonym]
    if after is not None:  # the place is the subject: before "floated as the venue"
        n_after = len(text[:after.start()].split())
        place = next((p for p in places if p.j <= n_after), None)
    else:  # "the destination is Hungary"
        assert before is not None
        n_before = len(text[:before.end()].split())
        place = next((p for p in places if n_before <= p.i <= n_before + 2), None)
    if place is None:
        return
    status = "speculative" if plan.status == "speculative" or not set(s.words).isdisjoint(_MAYBE) else plan.status
    for ent in plan.travellers:
        if ent.nationality == place.code:
            continue  # the host of the meeting does not travel
        _add(doc, _Draft(ent, ent.name, place.code, place.city, list(plan.spans), status, "", [(s.a, s.b)]))
    doc.plan = None
