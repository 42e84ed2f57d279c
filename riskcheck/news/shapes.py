"""Sentence shapes that report trips without a plain trigger reading: "a summit between X and Y in Z",
"X's first visit since 2017", "first visit to X in 24 years".
"""

from __future__ import annotations

import re
from datetime import date

from ..events import EventEdition, editions, find_edition, series_spans
from . import dates as ndates
from .assemble import _add, _compatible, near_trip
from .dates import DateExpr
from .dependency import _near
from .destinations import demonym_capital
from .document import (
    _PLACE_KIND_RANK,
    Entity,
    Mention,
    Place,
    _clause,
    _Doc,
    _Draft,
    _Sentence,
    words_matched,
)
from .gatherings import _series_tokens
from .modality import FUTURE, Cue, status_of
from .status import _noun_status
from .tripdates import _date_ok, _pick_date, resolve_for

_MEETING_NOUNS = frozenset({"summit", "meeting", "talks"})


def _trip_under_way(doc: _Doc, s: _Sentence, people: list[Entity]) -> _Draft | None:
    """The one planned or ongoing trip (not an earlier one) reported before sentence ``s`` for any of ``people``;
    None when there is none or trips to several countries (then it is not sure where a meeting is)."""
    current = [d for d in doc.drafts if any(e is d.entity for e in people) and d.sentences
               and d.sentences[-1][1] <= s.a and not d.earlier and d.status in ("planned", "ongoing")]
    return current[-1] if len({d.code for d in current}) == 1 else None


# lower-case words that may stand in the two names after "between" ("Putin and his U.S. counterpart Donald Trump")
_PARTNER_WORDS = frozenset({"counterpart", "his", "her", "their", "the", "president", "leader", "prime", "minister"})


def _meeting_between(doc: _Doc, s: _Sentence, ms: list[Mention]) -> None:
    """'a summit between X and Y in Budapest': both named people go to the meeting place (neither of
    its country), with the status the sentence gives the meeting."""
    words = s.words
    for i, j0, h in s.get("word", longest=False):
        if h.value != "event" or h.key not in _MEETING_NOUNS or j0 >= len(words):
            continue
        # "a summit in Budapest between X and Y": the place may come before "between"
        before = next((p for p in doc.places(s) if words[j0] in ("in", "at") and p.i in (j0 + 1, j0 + 2)
                       and p.i - j0 - 1 == (words[j0 + 1] == "the") and p.kind in _PLACE_KIND_RANK
                       and words[p.j:p.j + 1] == ["between"]), None)
        j = before.j if before is not None else j0
        if j >= len(words) or words[j] != "between":
            continue
        people = [m for m in ms if j < m.i <= j + 12 and m.entity is not None][:2]
        if not people:
            continue
        # the span after "between" is two names joined by "and" (one may be unknown: "Donald Trump")
        after = people[-1].j
        while after < len(words) and after - j < 14 and (s.toks[after].cap or words[after] in _PARTNER_WORDS or (
                words[after] == "and" and after + 1 < len(words) and (s.toks[after + 1].cap or
                                                                      words[after + 1] in _PARTNER_WORDS))):
            after += 1
        between = range(j + 1, after)
        if words[j + 1:after].count("and") != 1 or \
                not all(s.toks[n].cap or words[n] in ("and", "s") or words[n] in _PARTNER_WORDS for n in between):
            continue
        place = before or next((p for p in doc.places(s) if after < p.i <= after + 2 and words[p.i - 1] in ("in", "at")
                                and p.kind in _PLACE_KIND_RANK), None)
        if place is None:
            # "in the Hungarian capital": the capital of that country
            place = next((p for p in doc.places(s) if after + 2 <= p.i <= after + 3 and p.demonym
                          and words[p.i - 2:p.i] in (["in", "the"], ["at", "the"])
                          and words[p.j:p.j + 1] == ["capital"]), None)
            if place is not None:
                place = Place(place.i, place.j + 1, place.code, "capital", doc.g.capitals.get(place.code, ""),
                              place.text)
        host_trip = None
        if place is None and not any(p.kind in _PLACE_KIND_RANK for p in doc.places(s)):
            # "Putin will begin his state visit to Kyrgyzstan today. ... A meeting between Putin and X is scheduled
            # for Wednesday": with no place of its own, the meeting is on the trip just reported for one of them
            host_trip = _trip_under_way(doc, s, [m.entity for m in people if m.entity is not None])
            if host_trip is None:
                continue
            place = Place(after, after, host_trip.code, "country", host_trip.city, "")
        if place is None:
            continue
        cues = [Cue(a, b, *hh.value) for a, b, hh in s.get("cue")]
        clause = _clause(s, i, max(place.j, after), doc.w.get("clause", set()))
        status = status_of("noun", "go", words, i, j, cues, clause) or \
            _noun_status(doc, s, s.dates, i, j, place.j, doc.w.get("speech", set()), clause)
        if host_trip is not None:  # "... is scheduled for Wednesday": a cue after the meeting noun
            ahead = [c for c in cues if c.status in FUTURE and clause[0] <= c.i < clause[1]]
            status = max(ahead, key=lambda c: c.strength).status if ahead else None
        if status is None or host_trip is not None and status not in FUTURE:
            continue
        dexpr = _pick_date(s, s.dates, i, max(place.j, after + 6), doc.w.get("speech", set()), clause)
        spans = resolve_for(doc, dexpr, status, status in FUTURE)[:1] if dexpr is not None else []
        if host_trip is not None and spans and host_trip.spans and not _compatible(spans, host_trip.spans):
            continue  # a meeting on another day than the trip: not on that trip
        for m in people:
            ent = m.entity
            if ent is None or ent.nationality == place.code or host_trip is not None and ent is host_trip.entity:
                continue
            _add(doc, _Draft(ent, m.text, place.code, place.city, spans, status, "", [(s.a, s.b)]))


_FIRST_NOUNS = frozenset({"visit", "trip", "to"})
# words between "first" and its noun: "his first publicly reported visit", "her first official trip" (not "first
# foreign trip since his inauguration": the first abroad, whatever came before)
_FIRST_FILLERS = frozenset({"official", "state", "reported", "known", "full", "working", "confirmed",
                            "public", "formal", "bilateral", "presidential", "announced", "major"})


def _past_fillers(words: list[str], n: int) -> int:
    """The index of the first word from ``n`` on that is not a filler of :data:`_FIRST_FILLERS` or an adverb in
    "-ly" (at most three are passed; the last word if they run to the end)."""
    k = n
    while k < min(len(words) - 1, n + 3) and (words[k] in _FIRST_FILLERS or words[k].endswith("ly")):
        k += 1
    return k


# words that tell a journey after "since" ("since a brief visit to X in 2021", "since he attended the independence
# celebrations on 9 July 2011"; not "since he took office in June")
_JOURNEY_TOLD = frozenset({"visit", "trip", "attended", "came", "went", "flew", "travelled", "traveled", "visited",
                           "summit", "ceremony", "celebrations", "inauguration", "funeral", "stopover"})


def _first_since(doc: _Doc, s: _Sentence, ms: list[Mention]) -> None:
    """ "X's first visit since 2017", "would be X's first to Y since 2017", "a trip to Y would be X's first since
    January 2020", "X's first trip to Y since a brief visit to Z in December 2021": an earlier, completed trip."""
    words = s.words
    spans_of = [(m.i, m.j) for m in ms]
    places = [p for p in doc.places(s) if p.kind in ("country", "capital", "city", "territory")
              and not any(a <= p.i < b for a, b in spans_of)]
    for m in ms:
        ent = m.entity
        if ent is None:
            continue
        n = m.j + (m.j < len(words) and words[m.j] == "s")
        own = next((p for p in places if p.i == n and p.j + 3 < len(words) and words[p.j] in ("visit", "trip")
                    and words[p.j + 1: p.j + 3] == ["the", "first"] and "," in s.toks[p.j + 1].gap), None)
        if own is not None:
            n = own.j + 2  # "His Belgrade visit, the first since March 2011 when he came as prime minister"
        if n >= len(words) or words[n] != "first" or (n + 1 < len(words) and words[_past_fillers(words, n + 1)]
                                                      not in _FIRST_NOUNS and words[n + 1] != "since"):
            continue
        si = next((x for x in range(n + 1, min(len(words), n + 7)) if words[x] == "since"), None)
        if si is None:
            continue
        d = next((d for d in s.dates if d.i == si + 1), None)
        if d is None:  # "since a brief visit to New Delhi in December 2021", "since he attended the independence
            # celebrations on 9 July 2011": a journey told with its date
            d = next((d for d in s.dates if si + 1 < d.i <= si + 10
                      and not _JOURNEY_TOLD.isdisjoint(words[si + 1:d.i])), None)
        if d is None:
            continue
        dest = own or next((p for p in places if n < p.i < si), None)
        if dest is None and "to" in words[n + 1:si] and _BACK_NOUNS.intersection(words[n + 1:si]):
            # "the Russian leader's first trip to the republic since June 2022" (the trip told before), "arrived in
            # Armenia on Monday, his first to the country since 2005" (the place told before in the sentence)
            dest = _trip_now(doc, s, ent) or next((p for p in reversed(places) if p.j <= m.i
                                                   and p.code != ent.nationality), None)
        if dest is None and "to" in words[n + 1:si]:
            continue  # "his first trip to western Europe since 1989": a destination the tables do not place
        if dest is None:  # "a trip to Turkey would be X's first since", "Vietnam is preparing ... for X's first visit"
            dest = next((p for p in reversed(places) if p.j <= m.i and (p.i == 0 or words[p.i - 1] == "to")
                         and p.code != ent.nationality), None)
        if dest is None or dest.code == ent.nationality:
            continue
        spans = ndates.resolve(d, doc.pub, False)[:1]
        if spans:
            _add(doc, _Draft(ent, m.text, dest.code, "", spans, "completed", "", [(s.a, s.b)], earlier=True))


# "became the first Kremlin leader in Tehran since Stalin", "was the first Sudanese head of state ever in Rome
# since 1989": being somewhere first since told as a record of the visitor's kind
_FIRST_KIND = frozenset({"leader", "leaders", "president", "premier", "minister", "head", "ruler", "monarch", "king",
                         "chancellor", "chief", "official", "dictator", "strongman", "statesman", "emperor"})
_FIRST_BE = {"became": "completed", "was": "completed", "becomes": "ongoing", "is": "ongoing",
             "become": "planned"}


def first_in_place(doc: _Doc, s: _Sentence, ms: list[Mention]) -> None:
    """ "X became the first Kremlin leader in Tehran since Stalin": X's trip to the place, dated by the sentence
    (its status by the verb: "will become" plans it)."""
    words = s.words
    for m in ms:
        ent = m.entity
        v = m.j + (words[m.j:m.j + 1] in (["will"], ["would"]))
        if ent is None or v + 3 >= len(words) or words[v] not in _FIRST_BE or words[v + 1:v + 3] != ["the", "first"]:
            continue
        if words[v] == "become" and v == m.j:
            continue
        k = next((x for x in range(v + 3, min(len(words), v + 8)) if words[x] in _FIRST_KIND), None)
        if k is None:
            continue
        if words[k + 1:k + 3] == ["of", "state"]:
            k += 2  # "head of state"
        n = k + 1 + (words[k + 1:k + 2] == ["ever"])
        if words[n:n + 1] != ["in"]:
            continue
        place = next((p for p in doc.places(s) if p.i in (n + 1, n + 2) and p.kind in ("country", "capital", "city",
                                                                                      "territory")), None)
        if place is None or place.code == ent.nationality or "since" not in words[place.j:place.j + 2]:
            continue
        status = _FIRST_BE[words[v]]
        found = [d for d in s.dates if (d.j <= m.i or d.i > place.j) and words[d.i - 1:d.i] != ["since"]]
        spans = [sp for d in found[:1] for sp in ndates.resolve(d, doc.pub, status == "planned")[:1]]
        _add(doc, _Draft(ent, m.text, place.code, place.city, spans, status, "", [(s.a, s.b)]))


# "participated in the two previous forums", "attended the last three BRICS summits": earlier editions of a series
_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "2": 2, "3": 3, "4": 4, "5": 5}
GATHERING_NOUNS = frozenset({"summit", "summits", "forum", "forums", "meeting", "meetings", "sessions", "session",
                              "parade", "parades", "conference", "conferences", "editions", "edition"})
_ATTEND_VERBS = frozenset({"attended", "participated", "took", "joined", "addressed"})
_DENIED = frozenset({"not", "never", "skipped", "missed", "boycotted", "shunned", "without"})


def previous_editions(doc: _Doc, s: _Sentence, k: int, ms: list[Mention]) -> None:
    """ "X participated in the two previous forums" (the Belt and Road Forum named before), "X attended the last
    three BRICS summits": one completed trip to each of that many editions before the one under discussion (data/
    events.csv), none held by video only and none at home."""
    words = s.words
    for n, w in enumerate(words):
        if w not in ("previous", "last") or n == 0:
            continue
        count = _COUNTS.get(words[n - 1], 0) or _COUNTS.get(words[n + 1] if n + 1 < len(words) else "", 0)
        if words[n - 1 - (count and words[n - 1] in _COUNTS)] != "the":
            continue
        g = n + 1 + (n + 1 < len(words) and words[n + 1] in _COUNTS)
        series_here = [(i, j, sid) for i, j, sid in _series_tokens(doc, s, k) if g <= i <= g + 1 or i == g - 1]
        plural_at = next((q for q in range(g, min(len(words), g + 5)) if words[q][:-1] in GATHERING_NOUNS
                          and words[q].endswith("s")), None)
        named = None
        if not series_here and plural_at is not None and plural_at > g:
            # "the last two BRICS summits": the series named in the singular ("BRICS summit")
            phrase = s.text[s.toks[g].start:s.toks[plural_at].end - 1]
            named = next((sp for sp in series_spans(phrase, ruleset=doc.rs) if sp[1] == len(phrase)), None)
        if series_here:
            sid, g = series_here[0][2], series_here[0][1]
        elif named is not None and plural_at is not None:
            sid, g = named[2], plural_at + 1
        elif k and words[g:g + 1] and words[g] in GATHERING_NOUNS:
            prior = [sp for kk in sorted(doc.series_at) if kk < k for sp in doc.series_at[kk]]
            if not prior:
                continue
            sid = prior[-1][2]  # "... the Belt and Road Forum. He took part in the two previous forums"
        else:
            continue
        if words[g - 1] not in GATHERING_NOUNS and not (g < len(words) and words[g] in GATHERING_NOUNS):
            continue
        plural = words[g - 1].endswith("s") or g < len(words) and words[g].endswith("s")
        count = count or (0 if plural or w == "last" else 1)  # ("the last summit" may be the one just held)
        subj = next((m for m in reversed(ms) if m.entity is not None and m.j <= n and n - m.j <= 6), None)
        if not count or subj is None or not _ATTEND_VERBS.intersection(words[subj.j:n]) or \
                _DENIED.intersection(words[subj.j:n]):
            continue
        ent = subj.entity
        assert ent is not None
        ref = doc.pub.start.toordinal() - 3 if doc.pub is not None else None
        for d in doc.drafts:
            if d.entity is ent and d.event and d.spans:
                ref = min(ref or d.spans[0][0].toordinal(), d.spans[0][0].toordinal())
        if ref is None:
            continue
        past = [e for e in editions(sid, ruleset=doc.rs) if e.end.toordinal() < ref][-count:]
        if len(past) < count:
            continue
        by_country: dict[str, list[EventEdition]] = {}
        for e in past:
            if e.mode != "virtual" and e.country != ent.nationality:
                by_country.setdefault(e.country, []).append(e)
        for code, eds in by_country.items():
            # one row per country (ANNOTATION.md: trips told together, dated only when each is): an edition's
            # own days when it is the only one there
            e = eds[0]
            spans = [(e.start, e.end, "day" if e.start == e.end else "range")] if len(eds) == 1 else []
            _add(doc, _Draft(ent, subj.text, code, e.city if len({x.city for x in eds}) == 1 else "", spans,
                             "completed", "; ".join(x.name for x in eds), [(s.a, s.b)], earlier=True))


def _trip_now(doc: _Doc, s: _Sentence, ent: Entity) -> Place | None:
    """The country of the trip of ``ent`` told in this sentence or the two before it (what "the republic", "the
    country" of "his first trip to the republic since 2022" is)."""
    last = next((d for d in reversed(doc.drafts) if d.entity is ent), None)
    if last is None or last.status not in ("completed", "ongoing", "planned") or not _near(doc, last, s):
        return None
    return Place(0, 0, last.code, "country", "", "")


# words between a traveller and "since" that say the trip before it was made ("has not attended ... since",
# "his first BRICS summit abroad since", "has not been to Brazil since")
_SINCE_CUES = frozenset({"visit", "visited", "trip", "travelled", "traveled", "been", "attended", "attend",
                         "summit", "summits", "first", "abroad", "person", "foot", "gone", "returned", "back"})
_SINCE_FILLERS = frozenset({"the", "a", "his", "her", "their", "last", "in", "at"})


def _since_gathering(doc: _Doc, s: _Sentence, ms: list[Mention]) -> None:
    """ "X has not attended an APEC meeting since Da Nang in 2017", "X's first BRICS summit abroad since the 2019
    gathering in Brasilia": the place and year after "since" are a trip X made then."""
    words = s.words
    events = doc.w.get("event", set()) | {"gathering", "visit", "trip", "meeting"}
    clause = doc.w.get("clause", set())
    for si in (n for n, w in enumerate(words) if w == "since"):
        trav = next((m for m in reversed(ms) if m.entity is not None and m.j <= si), None)
        if trav is None or trav.entity is None or si - trav.j > 15 or _SINCE_CUES.isdisjoint(words[trav.j:si]) \
                or not clause.isdisjoint(words[trav.j:si]):
            continue
        place = next((p for p in doc.places(s) if si < p.i <= si + 6 and p.kind in _PLACE_KIND_RANK
                      and p.kind != "demonym"), None)
        if place is None or place.code == trav.entity.nationality:
            continue
        between = [x for x in range(si + 1, place.i) if not words[x].isdigit()]
        if not all(words[x] in _SINCE_FILLERS or words[x] in events for x in between) or \
                (between and not events.intersection(words[x] for x in between)):
            continue  # "since the war in Ukraine", "since Russia invaded ...": not a gathering
        d = next((d for d in s.dates if d.kind == "abs" and d.years and (
            si < d.i < place.i or place.j <= d.i <= place.j + 2)), None)
        spans = ndates.resolve(d, doc.pub, False)[:1] if d is not None else []
        if spans:
            _add(doc, _Draft(trav.entity, trav.text, place.code, place.city, spans, "completed", "",
                             [(s.a, s.b)], earlier=True))


_SINCE_TRIP_NOUNS = frozenset({"visit", "trip", "journey", "stop", "stay", "tour", "stopover"})
_NOT_MADE = frozenset({"will", "would", "planned", "expected", "scheduled", "due", "cancelled", "canceled",
                       "postponed", "called", "scrapped"})


def _since_visit(doc: _Doc, s: _Sentence, ms: list[Mention]) -> None:
    """ "X has not ventured abroad since a December trip to the United States", "X's first trip abroad since a
    visit to Washington in December", "since Bashir's visit to Riyadh a year ago": the visit named after "since",
    with its date, is one X made then (X: the owner of the visit, else the person the clause before is about)."""
    words = s.words
    clause = doc.w.get("clause", set())
    in_dates = {x for d in s.dates for x in range(d.i, d.j)}
    for si in (n for n, w in enumerate(words) if w == "since"):
        noun = next((n for n in range(si + 1, min(len(words) - 2, si + 6)) if words[n] in _SINCE_TRIP_NOUNS), None)
        if noun is None or words[noun + 1] not in ("to", "in"):
            continue
        owner = next((m for m in ms if si < m.i and m.j <= noun and m.entity is not None
                      and (m.possessive or words[m.i] in ("his", "her"))), None)
        if not all(words[x] in _SINCE_FILLERS or x in in_dates or owner is not None and owner.i <= x <= owner.j
                   for x in range(si + 1, noun)):
            continue  # "since the visit of the Pope to ...": not this shape
        place = next((p for p in doc.places(s) if noun + 2 <= p.i <= noun + 3 and p.kind in _PLACE_KIND_RANK
                      and p.kind != "demonym"), None)
        if place is None or not _NOT_MADE.isdisjoint(words[si:place.j + 3]):
            continue
        trav = owner if owner is not None else next(
            (m for m in reversed(ms) if m.entity is not None and m.j <= si and si - m.j <= 15
             and clause.isdisjoint(words[m.j:si])), None)
        if trav is None or trav.entity is None or place.code == trav.entity.nationality:
            continue
        d = next((d for d in s.dates if si < d.i < place.i or place.j <= d.i <= place.j + 2), None)
        spans = ndates.resolve(d, doc.pub, False)[:1] if d is not None else []
        if spans:
            _add(doc, _Draft(trav.entity, trav.text, place.code, place.city, spans, "completed", "",
                             [(s.a, s.b)], earlier=True))


def series_since(doc: _Doc, s: _Sentence, k: int, ms: list[Mention]) -> None:
    """ "Putin has not attended a G20 summit in person since 2019", "his first BRICS summit abroad since 2019": the
    series' edition of that year (data/events.csv) is a trip made then, unless it was held at home or by video."""
    words = s.words
    series = _series_tokens(doc, s, k)
    clause = doc.w.get("clause", set())
    for si in (n for n, w in enumerate(words) if w == "since"):
        d = next((d for d in s.dates if d.i == si + 1 and d.kind == "abs" and len(d.years) == 1 and not d.month),
                 None)
        ser = next(((i, j, sid) for i, j, sid in series if j <= si and si - j <= 5), None)
        if d is None or ser is None:
            continue
        trav = next((m for m in reversed(ms) if m.entity is not None and m.j <= ser[0] and ser[0] - m.j <= 12
                     and clause.isdisjoint(words[m.j:ser[0]])), None)
        if trav is None or trav.entity is None or \
                _SINCE_CUES.isdisjoint(words[trav.j:ser[0]] + words[ser[1]:si]):
            continue  # (a cue besides the series' own name: "attended", "first ... abroad")
        ed = find_edition(ser[2], year=d.years[0], ruleset=doc.rs)
        if ed is None or ed.mode == "virtual" or ed.country == trav.entity.nationality:
            continue
        _add(doc, _Draft(trav.entity, trav.text, ed.country, ed.city,
                         [(ed.start, ed.end, "day" if ed.start == ed.end else "range")], "completed", ed.name,
                         [(s.a, s.b)], earlier=True))


def in_place_since(doc: _Doc, s: _Sentence, ms: list[Mention]) -> None:
    """ "Sudan's Omar al-Bashir, in Addis Ababa since Friday for the summit, took his seat": an aside placing a
    person somewhere since a day is a stay going on there."""
    words, toks = s.words, s.toks
    for m in ms:
        ent = m.entity
        if ent is None or m.kind == "pronoun" or m.j + 3 >= len(words) or words[m.j] != "in" or \
                "," not in toks[m.j].gap:
            continue
        place = next((p for p in doc.places(s) if p.i == m.j + 1 and p.kind in _PLACE_KIND_RANK
                      and p.kind != "demonym"), None)
        if place is None or place.code == ent.nationality or words[place.j:place.j + 1] != ["since"]:
            continue
        d = next((d for d in s.dates if d.i == place.j + 1), None)
        spans = ndates.resolve(d, doc.pub, False)[:1] if d is not None else []
        if spans:
            _add(doc, _Draft(ent, m.text, place.code, place.city, spans, "ongoing", "", [(s.a, s.b)]))


def _earlier_trip(doc: _Doc, s: _Sentence, found: list[DateExpr], ti: int, tj: int, ent: Entity,
                  trav: Mention, dest: Place) -> None:
    words = s.words
    if "first" not in words[max(0, ti - 3):ti]:
        return
    if words[tj - 1] == "to" and dest.i < ti and not (words[tj:tj + 1] == ["the"] and
                                                      _BACK_NOUNS.intersection(words[tj + 1:tj + 4])):
        return  # "his first trip to western Europe since 1989" (but "to the reclusive country": the place before)
    spans: list[tuple[date, date, str]] = []
    for n in range(tj, min(len(words), tj + 8)):
        if words[n] == "since":
            d = next((d for d in found if d.i == n + 1), None)
            if d is not None:
                spans = ndates.resolve(d, doc.pub, False)[:1]
            break
        if words[n] == "in" and n + 2 < len(words) and words[n + 2] == "years" and doc.pub is not None:
            num = ndates._NUMWORDS.get(words[n + 1]) or (int(words[n + 1]) if words[n + 1].isdigit() else 0)
            if num and num < 200:
                y = doc.pub.start.year - num
                spans = [(date(y, 1, 1), date(y, 12, 31), "year")]
            break
    if spans and dest.code != ent.nationality:
        _add(doc, _Draft(ent, trav.text, dest.code, "", spans, "completed", "", [(s.a, s.b)], earlier=True))


_BACK_NOUNS = frozenset({"country", "nation", "state", "capital", "city", "kingdom", "island", "republic"})
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6}
_VISIT_NOUNS = frozenset({"visit", "trip"})


def _ordinal_visits(doc: _Doc, s: _Sentence, ms: list[Mention]) -> None:
    """ "This will be X's third state visit to Y: the first took place in 2000, and the second in 2019": each
    earlier visit named by its ordinal and year is a completed trip of X to Y."""
    words = s.words
    head = next((n for n in range(len(words) - 2) if words[n] in _ORDINALS and words[n] != "first" and (
        words[n + 1] in _VISIT_NOUNS or (words[n + 1] in ("state", "official") and words[n + 2] in _VISIT_NOUNS))),
        None)
    if head is None:
        return
    owner = next((m for m in reversed(ms) if m.j <= head and head - m.j <= 2 and m.entity is not None
                  and (m.possessive or m.kind == "pronoun")), None)
    to = next((n for n in range(head + 1, min(len(words), head + 5)) if words[n] == "to"), None)
    if owner is None or owner.entity is None or to is None:
        return
    dest = next((p for p in doc.places(s) if p.i == to + 1 and p.kind in ("country", "capital", "city")), None)
    if dest is None or dest.code == owner.entity.nationality:
        return
    limit = _ORDINALS[words[head]]
    for n in range(dest.j, len(words)):
        if words[n] not in _ORDINALS or _ORDINALS[words[n]] >= limit or words[n - 1] != "the":
            continue
        d = next((d for d in s.dates if n < d.i <= n + 12 and d.kind == "abs" and len(d.years) == 1
                  and not any(words[x] in _ORDINALS for x in range(n + 1, d.i))), None)
        if d is None:
            continue
        spans = ndates.resolve(d, doc.pub, False)[:1]
        if spans:
            _add(doc, _Draft(owner.entity, owner.text, dest.code, dest.city, spans, "completed", "",
                             [(s.a, s.b)], earlier=True))


def _years_since_last(doc: _Doc, s: _Sentence, ms: list[Mention]) -> None:
    """ "X's arrival in Y marks the end of four years since his last trip", "X returns to Y five years after his
    last visit": the last trip there was that many years before the report (year precision)."""
    words = s.words
    if doc.pub is None or not doc.drafts:
        return
    n = next((n for n in range(2, len(words) - 3) if words[n] in ("since", "after") and words[n + 1] in (
        "his", "her") and words[n + 2] in ("last", "previous") and words[n + 3] in _VISIT_NOUNS), None)
    if n is None or words[n - 1] != "years":
        return
    num_w = words[n - 2]
    num = ndates._NUMWORDS.get(num_w) or (int(num_w) if num_w.isdigit() else 0)
    if not 0 < num < 60:
        return
    last = doc.drafts[-1]
    if (s.a, s.b) not in last.sentences and not (last.sentences and s.a - last.sentences[-1][1] < 600):
        return
    who = next((m for m in ms if m.entity is last.entity), None)
    if who is None and not any(m.kind == "pronoun" or m.possessive for m in ms):
        return
    y = doc.pub.start.year - num
    _add(doc, _Draft(last.entity, last.mention, last.code, last.city, [(date(y, 1, 1), date(y, 12, 31), "year")],
                     "completed", "", [(s.a, s.b)], earlier=True))


def _meeting_on_trip(doc: _Doc, s: _Sentence, ms: list[Mention]) -> None:
    """ "Putin will visit Tajikistan next week. He is also scheduled to meet Azerbaijani President Ilham Aliyev":
    a meeting with no place of its own, on the one trip under way for its subject, brings the partner (of known
    nationality, not the host's) to that country, with the meeting's own date when it has one."""
    words = s.words
    spans_of = [(m.i, m.j) for m in ms]
    if any(p.kind in _PLACE_KIND_RANK and not any(a <= p.i < b for a, b in spans_of) for p in doc.places(s)):
        return  # the meeting has a place of its own: the trigger reading places it
    for ti, tj, th in s.get("trigger"):
        form, role, _window = th.value
        if role != "meet" or form not in ("base", "past"):
            continue
        subj = next((m for m in reversed(ms) if m.j <= ti and m.entity is not None and not m.obj), None)
        if subj is None or subj.entity is None:
            continue
        trip = _trip_under_way(doc, s, [subj.entity])
        if trip is None:
            continue
        cues = [Cue(a, b, *hh.value) for a, b, hh in s.get("cue")]
        clause = _clause(s, ti, tj, doc.w.get("clause", set()))
        ahead = [c for c in cues if c.status in FUTURE and clause[0] <= c.i < clause[1]]
        if form == "base" and ahead:
            status = max(ahead, key=lambda c: c.strength).status
        elif form == "past" and trip.status == "ongoing" and not ahead:
            status = "completed"  # "... is in Dushanbe. On Monday he met X": X came to him
        else:
            continue
        dexpr = _pick_date(s, s.dates, ti, min(len(words), tj + 10), doc.w.get("speech", set()), clause)
        spans = resolve_for(doc, dexpr, status, status in FUTURE)[:1] if dexpr is not None else list(trip.spans)
        if spans and trip.spans and not _compatible(spans, trip.spans):
            continue  # a meeting on another day than the trip: not on that trip
        for m in ms:
            ent = m.entity
            if m.i < tj or m.i > tj + 10 or ent is None or ent is subj.entity or not ent.nationality \
                    or ent.nationality == trip.code or m.possessive:
                continue
            _add(doc, _Draft(ent, m.text, trip.code, trip.city, spans, status, trip.event, [(s.a, s.b)]))
        return


_NEXT_NOUNS = frozenset({"stop", "destination", "trip", "visit", "leg", "port"})
_SCHEDULE_NOUNS = frozenset({"schedule", "agenda", "itinerary", "calendar"})


def _next_stop(doc: _Doc, s: _Sentence, ms: list[Mention]) -> None:
    """ "X's next stop is Venezuela", "His next trip abroad is the summit in Portugal on 26 October", "Next on the
    Russian president's foreign schedule is Minsk": a planned trip of the possessor to the place named after."""
    words = s.words
    n = next((x for x in range(len(words) - 2) if words[x] == "next"), None)
    if n is None:
        return
    if words[n + 1] in _NEXT_NOUNS:
        owner = next((m for m in ms if m.entity is not None and (m.j == n or m.j == n - 1 and words[m.j] == "s")
                      and (m.possessive or m.kind == "pronoun")), None)
        k = n + 2
    elif words[n + 1] == "on":
        sched = next((x for x in range(n + 2, min(len(words), n + 9)) if words[x] in _SCHEDULE_NOUNS), None)
        owner = next((m for m in ms if m.entity is not None and sched is not None and n + 1 < m.i and m.j <= sched
                      and m.possessive), None)
        k = (sched or n) + 1
    else:
        return
    if owner is None or owner.entity is None:
        return
    while k < len(words) and words[k] in ("abroad", "of", "call", "foreign"):
        k += 1
    if k >= len(words) or words[k] not in ("is", "will", "was"):
        return
    place = next((p for p in doc.places(s) if k < p.i <= k + 10 and p.kind in _PLACE_KIND_RANK
                  and p.code != owner.entity.nationality and "-" not in s.toks[p.i].gap), None)
    if place is None:
        return  # ("the EU-Russia summit that Portugal will host": not the glued participant)
    speech = doc.w.get("speech", set())
    d = next((d for d in s.dates if d.i > k and _date_ok(words, d, speech) and words[d.i - 1] != "since"), None)
    spans = ndates.resolve(d, doc.pub, True)[:1] if d is not None else []
    _add(doc, _Draft(owner.entity, owner.text, place.code, place.city, spans, "planned", "", [(s.a, s.b)]))


# a suspect handed to the court goes to its seat ("Germany surrendered him to the court on 1 December", "was
# transferred to the ICC on Friday"); the court's name is never a place otherwise (it speaks, rules, issues)
TO_COURT = re.compile(r"\b(surrendered|transferred|handed\s+over|handed|extradited|flown|sent|delivered)\b"
                      r"(?:\s+[a-z]+){0,5}?\s+to\s+(?:the\s+)?(?:icc|international\s+criminal\s+court|court)\b(?!\s+s\b)")
_COURT_SEAT = ("NL", "The Hague")


def _opening_subject(s: _Sentence, ms: list[Mention], v: int) -> Mention | None:
    """The wanted person a sentence opens with, when nobody else is named before the verb at ``v`` (an appositive
    may stand between them); not a possessive ("X's lawyers were sent")."""
    first = ms[0] if ms else None
    if first is None or first.i != 0 or first.entity is None or not first.entity.pid or first.possessive \
            or s.words[first.j:first.j + 1] == ["s"]:
        return None
    return None if any(x.entity is not None and x.entity is not first.entity and x.i < v for x in ms[1:]) else first


def _to_the_court(doc: _Doc, s: _Sentence, ms: list[Mention]) -> None:
    """A wanted person surrendered, transferred or extradited to the ICC travels to The Hague."""
    found = words_matched(TO_COURT, s.words)
    if found is None:
        return
    v, end = found
    # the object between the verb and "to", else the passive subject before it ("X was transferred to the ICC")
    who = next((x for x in ms if x.entity is not None and x.entity.pid and v < x.i < end and not x.possessive),
               None) or next((x for x in reversed(ms) if x.entity is not None and x.entity.pid and x.j <= v
                              and v - x.j <= 3 and not x.possessive
                              and s.words[v - 1] in ("was", "were", "been", "be", "being")), None)
    if who is None and s.words[v - 1] in ("was", "were"):
        who = _opening_subject(s, ms, v)  # "X, the executive secretary of the FDLR, was transferred ... to the ICC"
    if who is None or who.entity is None or who.entity.nationality == _COURT_SEAT[0]:
        return
    ahead = any(w in ("will", "would", "to", "expected", "due") for w in s.words[max(0, v - 3):v])
    status = "planned" if ahead else "completed"
    d = _pick_date(s, s.dates, v, end, doc.w.get("speech", set()), (0, len(s.words)))
    spans = resolve_for(doc, d, status, ahead, who=who.entity)[:1] if d else []
    _add(doc, _Draft(who.entity, who.text, _COURT_SEAT[0], _COURT_SEAT[1], spans, status, "", [(s.a, s.b)]))


# "The tour began in Riyadh", "The travelling began on 9 February in Cairo", "his Gulf swing will end in Doha":
# the journey under discussion starts or ends at the place named; it is the article's last traveller's
TOUR = re.compile(r"\b(?:the|his|her|this|that|a)\s+(?:[a-z]+\s+)?(?:tour|travelling|traveling|travels|journey|"
                  r"swing|odyssey)\s+(?:(?:that|which)\s+)?(?:(?:will|would|is\s+to)\s+)?(?:began|begin|begins|started|start|starts|"
                  r"opened|open|opens|ended|end|ends|finished|finish|finishes|closed|close|closes|concluded|"
                  r"conclude|concludes|continued|continue|continues)\b")
_TOUR_AHEAD = frozenset({"will", "would", "is", "begins", "starts", "opens", "ends", "finishes", "closes",
                         "concludes", "continues"})


def tour_began(doc: _Doc, s: _Sentence) -> None:
    """ "The tour began in Riyadh": a trip of the traveller under discussion (the last wanted person with a trip,
    the only one named lately, or else the last traveller) to each place the clause names after "in" or "at"."""
    words = s.words
    found = words_matched(TOUR, words)
    if found is None:
        return
    v, ve = found
    wanted = [e for e in doc.recent if e.pid]
    who = next((d.entity for d in reversed(doc.drafts) if d.entity.pid), None) or (
        wanted[-1] if len(wanted) == 1 else doc.drafts[-1].entity if doc.drafts else None)
    if who is None:
        return
    places = []
    for p in doc.places(s):
        if p.i < ve or p.i - ve > 12:
            continue
        if p.kind == "demonym" and words[p.i - 2:p.i - 1] in (["in"], ["at"]) and words[p.i - 1] == "the":
            p = demonym_capital(doc, s, p) or p  # "a Gulf tour that ended in the Jordanian capital"
        elif words[p.i - 1] not in ("in", "at"):
            continue
        if p.kind in _PLACE_KIND_RANK and p.code != who.nationality:
            places.append(p)
    if not places:
        return
    ahead = not _TOUR_AHEAD.isdisjoint(words[ve - 2:ve])
    speech = doc.w.get("speech", set())
    d = next((d for d in s.dates if d.i >= ve and _date_ok(words, d, speech)), None)
    spans = ndates.resolve(d, doc.pub, ahead)[:1] if d is not None else []
    for p in places[:2]:
        _add(doc, _Draft(who, " ".join(words[v:v + 2]), p.code, p.city, spans, "planned" if ahead else "completed", "",
                         [(s.a, s.b)]))


# "It was Putin's third visit to the country. The first, in June 2001, ...", "This is the president's second visit
# to Kuwait this year. In April he spent two days there": an ordinal visit opens a telling of the earlier ones
_ORDINAL_WORDS = frozenset(w for w in _ORDINALS if w != "first")
ORDINAL_NOUNS = frozenset({"visit", "trip", "time", "journey", "stay"})
_ORDINAL_OPENERS = ("the first", "the second", "the previous", "the earlier", "the last one", "his first",
                    "her first", "his previous", "her previous")
ORDINAL_FOLLOW = 2  # sentences after the ordinal one that may tell an earlier visit
_AHEAD_WORDS = frozenset({"will", "would", "plans", "planned", "expected", "due", "next", "invited", "shall"})


def note_ordinal(doc: _Doc, s: _Sentence, k: int, ms: list[Mention]) -> None:
    """Remember "X's second/third visit to Y" (or "... to the country", "... of the year": the trip just told)."""
    words = s.words
    head = next((n for n in range(len(words) - 1) if words[n] in _ORDINAL_WORDS and (
        words[n + 1] in ORDINAL_NOUNS or words[n + 1] in ("state", "official", "foreign") and n + 2 < len(words)
        and words[n + 2] in ORDINAL_NOUNS
        # "The visit was the Russian leader's third to Japan": the noun left out after a possessive
        or words[n + 1] == "to" and words[n - 1:n] == ["s"])), None)
    if head is None:
        return
    owner = next((m for m in reversed(ms) if m.j <= head and head - m.j <= 2 and m.entity is not None
                  and (m.possessive or m.kind == "pronoun" or words[m.j:m.j + 1] == ["s"])), None)
    reach = 5
    if owner is None and words[head + 1] == "time":
        # "This is the third time the Sudanese President comes to the Islamic Republic": the one who comes
        owner = next((m for m in ms if head + 1 < m.i <= head + 4 and m.entity is not None and not m.obj), None)
        reach = 12
    if owner is None or owner.entity is None:
        return
    place = next((p for p in doc.places(s) if head < p.i <= head + reach and p.kind in _PLACE_KIND_RANK
                  and words[p.i - 1] in ("to", "in")), None)
    if place is None and words[head + 1] == "to" and words[head + 2:head + 3] != ["the"]:
        return  # ("his second to an EU member in a month": not a visit to the country of the story)
    if place is not None:
        code, city = place.code, place.city
    else:
        last = next((d for d in reversed(doc.drafts) if d.entity is owner.entity and d.status in ("completed",
                                                                                                   "ongoing")), None)
        if last is None or (s.a, s.b) not in last.sentences and not (last.sentences and
                                                                     s.a - last.sentences[-1][1] < 600):
            return
        code, city = last.code, last.city
    if code == owner.entity.nationality:
        return
    doc.ordinal = (owner.entity, code, city, k, _ORDINALS[words[head]])
    # "It was his second trip to the White House this year: in January he stood next to Trump": the earlier visit
    # told after a colon (or semicolon, or dash) of the same sentence; "his fourth trip to China: his state visit in
    # October 2016, the first forum in May 2017 and ...", "his third visit since the warrant, after Washington in
    # December and March": each date of the list is one more, up to the ordinal's count less one
    toks = s.toks
    tail = next((n for n in range(head + 2, len(words)) if any(c in toks[n].gap for c in ":;—–")
                 or words[n] in ("after", "following") and "," in toks[n].gap), None)
    if tail is not None:
        _earlier_from(doc, s, ms, tail, _ORDINALS[words[head]] - 1)


_VISIT_WORDS = frozenset({"visit", "visited", "trip", "came", "stop", "stopped", "went", "travelled", "traveled",
                          "flew", "arrived", "toured", "tour", "journey", "stopover"})


def _clause_of(s: _Sentence, d: DateExpr) -> tuple[int, int]:
    """The token bounds of the clause of date ``d``: between the commas or semicolons around it."""
    toks = s.toks
    a = next((n for n in range(d.i, 0, -1) if any(c in toks[n].gap for c in ",;")), 0)
    b = next((n for n in range(d.j, len(toks)) if any(c in toks[n].gap for c in ",;")), len(toks))
    return a, b


def _tells_visit(s: _Sentence, d: DateExpr) -> bool:
    """Whether the clause of date ``d`` has a word of visiting ("and returned for a state visit in November")."""
    a, b = _clause_of(s, d)
    return not _VISIT_WORDS.isdisjoint(s.words[a:b])


def _own_clause(s: _Sentence, d: DateExpr, others: list[Place]) -> bool:
    """Whether the clause of date ``d`` (between the commas or semicolons around it) names no place of ``others``
    and can be the visit's own: not a date naming a gathering, nor a relative clause that tells no visit."""
    a, b = _clause_of(s, d)
    clause = s.words[a:b]
    if any(a <= p.i < b for p in others) or s.words[d.i - 1:d.i] in (["the"], ["a"], ["an"], ["his"], ["her"]):
        return False  # ("besides the November summit": a date naming a gathering, not a visit of its own)
    # ("Shoigu, who was replaced as defence minister in May, ...": a relative clause tells something else)
    return not _VISIT_WORDS.isdisjoint(clause) or "who" not in clause and "which" not in clause


def earlier_visit(doc: _Doc, s: _Sentence, k: int, ms: list[Mention]) -> None:
    """In the sentences after "X's third visit to Y": a past date told of X (by name, pronoun or "The first, in
    June 2001") is one more, earlier, visit to Y, unless another country is named in the date's own clause (or, in
    another clause, the date's clause cannot be a visit: :func:`_own_clause`) or the date is that of a visit
    already told."""
    if doc.ordinal is None or not 0 < k - doc.ordinal[3] <= ORDINAL_FOLLOW:
        return
    _earlier_from(doc, s, ms, 0, doc.ordinal[4] - 1)


def _earlier_from(doc: _Doc, s: _Sentence, ms: list[Mention], start: int, most: int = 1) -> None:
    """:func:`earlier_visit` on the words of ``s`` from ``start`` on (a sentence after the ordinal one, or the part
    of the ordinal sentence after its colon: "his second trip to the White House this year: in January he ...",
    where up to ``most`` dates of a list are each a visit)."""
    assert doc.ordinal is not None
    ent, code, city, _, _n = doc.ordinal
    words = s.words
    ms = [m for m in ms if m.i >= start]
    opener = start == 0 and " ".join(words[:3]).startswith(_ORDINAL_OPENERS) or start > 0 and not any(
        m.entity is not None for m in ms)
    told = opener or any(m.entity is ent for m in ms)
    if not told:
        return
    others = [p for p in doc.places(s) if p.kind in _PLACE_KIND_RANK and p.code not in (code, ent.nationality)
              and p.i >= start]
    if any(w in _AHEAD_WORDS and not (w == "next" and words[n + 1:n + 2] == ["to"])
           for n, w in enumerate(words) if n >= start):
        return  # a plan, not an earlier visit ("stood next to him" is no plan)
    speech = doc.w.get("speech", set())

    def theirs(d: DateExpr) -> bool:
        """The date is told of the traveller: the last person named before it is them, or (a fronted date, "On 2
        February he held talks") the first named after it, or nobody ("The first, in June 2001, ..."); not "the
        treaty signed by Kim and Putin in June"."""
        named = [m for m in ms if m.entity is not None]
        before = [m for m in named if m.j <= d.i]
        if before:
            return before[-1].entity is ent
        return named[0].entity is ent if named else opener

    found = [d for d in s.dates if d.kind == "abs" and d.i >= start and _date_ok(words, d, speech) and theirs(d)]
    # ("He first came in July 2000, weeks after he took office in May, and returned for a state visit in November
    # 2005": one more date of a later sentence is a visit when its own clause tells one)
    found = [d for n, d in enumerate(found) if not n or start > 0 or _tells_visit(s, d)]
    for d in found[:most]:
        if others and not _own_clause(s, d, others):
            continue  # (another country named: a trip there; but "He paid a visit in 2006, and in June he stopped on
            # the way to China": the date's own clause tells a visit and names none)
        spans = ndates.resolve(d, doc.pub, False)[:1]
        if not spans or doc.pub is not None and spans[0][0] > doc.pub.end:
            continue
        if any(other.spans and other.spans[0][2] != "year" and near_trip(spans[0][0], other.spans[0])
               for other in doc.by_key.get((ent.key, code), [])):
            continue  # a visit already told (not "this year": the year of the ordinal visit itself)
        _add(doc, _Draft(ent, ent.name, code, city, spans, "completed", "", [(s.a, s.b)], earlier=True))


# "attended the parade in Beijing in early September and the India-Africa summit in New Delhi at the end of
# October", "is expected in Phnom Penh next month, and in Beijing in mid-May": a second destination coordinated
# after the first, with its own date
_CONJ_DIRECT = frozenset({"in", "to", "at", "then", "later", "also", "finally", "again", "afterwards", "on", "the",
                          "a", "an", "his", "her", "for"})
_CONJ_EVENTS = frozenset({"summit", "forum", "parade", "conference", "ceremony", "meeting", "visit", "trip",
                          "congress", "session", "gathering", "inauguration", "funeral", "celebrations",
                          "assembly", "talks", "stop", "stopover", "tour"})


def second_destination(doc: _Doc, s: _Sentence, ms: list[Mention]) -> None:
    """One more trip of the traveller of a trip told in ``s`` to a place of another country coordinated after its
    destination ("... and in Y", "... and the summit in Y"), with the status of the first and a date of its own."""
    words = s.words
    places = [p for p in doc.places(s) if p.kind in _PLACE_KIND_RANK]
    subject = next((m.entity for m in ms if m.entity is not None and not m.obj), None)
    made = [d for d in doc.drafts if (s.a, s.b) in d.sentences and len(d.sentences) == 1 and d.entity is subject]
    for d in made[-2:]:  # (the subject's: not "where X meets Santos on Wednesday, and on to Mexico City")
        first = next((p for p in places if p.code == d.code), None)
        if first is None:
            continue
        for n in range(first.j, len(words)):
            if words[n] in ("but", "while", "whereas", "although", "though") or "." in s.toks[n].gap:
                break
            if words[n] != "and":
                continue
            y = next((p for p in places if n < p.i <= n + 12 and words[p.i - 1] in ("in", "to", "at")), None)
            if y is None or y.code in (d.code, d.entity.nationality):
                continue
            between = words[n + 1:y.i - 1]
            if not (set(between) <= _CONJ_DIRECT or not _CONJ_EVENTS.isdisjoint(between)):
                continue  # "and discussed the war in Ukraine": not a journey there
            if any(m.entity is not None and m.entity is not d.entity and n < m.i < y.i for m in ms):
                continue  # "and Xi flew to Moscow": someone else's
            if any((s.a, s.b) in x.sentences for x in doc.by_key.get((d.entity.key, y.code), [])):
                break  # read already
            end = next((x for x in range(y.j, len(words)) if words[x] in ("and", "but")), len(words))
            speech = doc.w.get("speech", set())
            when = next((e for e in s.dates if y.j <= e.i < end and _date_ok(words, e, speech)), None)
            spans = ndates.resolve(when, doc.pub, d.status in FUTURE)[:1] if when is not None else []
            _add(doc, _Draft(d.entity, d.mention, y.code, y.city, spans, d.status, "", [(s.a, s.b)]))
            break


# passive verbs of a host's welcome: "was greeted at the foot of the steps by President X"
GREETED = frozenset({"greeted", "welcomed", "received"})
_PASSIVE_AUX = frozenset({"was", "were", "been"})  # (not a caption's "is greeted by": the trip the text tells)


def greeted_by_host(doc: _Doc, s: _Sentence, ms: list[Mention]) -> None:
    """ "Putin's plane touched down just before noon, and he was greeted at the foot of the steps by President
    Sooronbay Jeenbekov": with no place named, a head of state or official who welcomes someone does so at home, so
    the one welcomed is in the host's country (an official the tables know, ``tables/officials.csv``)."""
    words = s.words
    if any(p.kind in _PLACE_KIND_RANK for p in doc.places(s)):
        return  # a place is named: the sentence's own place decides (the rules and the parse)
    for n, w in enumerate(words):
        if w not in GREETED or n == 0 or words[n - 1] not in _PASSIVE_AUX:
            continue
        by = next((x for x in range(n + 1, min(len(words), n + 10)) if words[x] == "by"), None)
        if by is None:
            continue
        host = next((m for m in ms if by < m.i <= by + 4 and m.entity is not None and m.kind != "pronoun"), None)
        if host is None or host.entity is None or not host.entity.nationality or host.entity.pid:
            continue
        code = host.entity.nationality
        guest = next((m for m in reversed(ms) if m.j <= n - 1 and m.entity is not None and not m.obj
                      and not m.possessive and m.entity is not host.entity), None)
        if guest is None or guest.entity is None or guest.entity.nationality == code:
            continue
        d = s.dates[0] if s.dates else None
        spans = ndates.resolve(d, doc.pub, False)[:1] if d is not None else []
        _add(doc, _Draft(guest.entity, guest.text, code, "", spans, "completed", "", [(s.a, s.b)],
                         recent=not spans))
        return
