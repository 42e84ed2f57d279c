"""Events named in the text ("the summit in Kazan", "the Sharm el-Sheikh summit"): collected in a first pass,
then found again when a sentence says "will attend the summit".
"""

from __future__ import annotations

import bisect

from . import dates as ndates
from .document import _PLACE_KIND_RANK, Event, _Doc, _Sentence
from .tripdates import _date_ok

_EVENT_POOL = 32


def _collect_events(doc: _Doc, s: _Sentence, k: int) -> None:
    speech = doc.w.get("speech", set())
    stop = doc.w.get("clause", set()) | {"before", "after", "since", "from", "war", "conflict", "crisis", "about",
                                          "against", "ending", "end", "fighting", "violence"}
    places = [p for p in doc.places(s) if not p.demonym or p.kind != "demonym"]
    places = [p for p in places if p.kind in _PLACE_KIND_RANK]
    found = s.dates
    for i, j, h in s.get("word", longest=False):
        if h.value != "event" or h.key not in ("summit", "forum", "conference", "assembly", "general assembly",
                                               "ceremony", "games", "olympics", "parade", "celebrations",
                                               "congress", "gathering", "inauguration", "funeral"):
            continue
        place = next((p for p in places if j <= p.i <= j + 8 and {"in", "at"} & set(s.words[j:p.i])
                      and not set(s.words[j:p.i]) & stop), None)
        if place is None:
            # "the Sharm el-Sheikh summit", "the Kazan BRICS summit": a city named before the noun hosts it
            # (a country there is a participant: "the Russia-Africa summit")
            place = next((p for p in places if p.kind in ("city", "capital") and i - 2 <= p.j <= i
                          and all(t.cap for t in s.toks[p.j:i]) and "-" not in s.toks[p.i].gap
                          and (p.j >= len(s.toks) or "-" not in s.toks[p.j].gap)), None)
        if place is None and j < len(s.words) and s.words[j] in ("which", "that") and \
                any(x in _HOSTING for x in s.words[j + 1:j + 6]):
            # "the summit which Saudi Arabia is hosting in Riyadh": the city, else the hosting country
            hv = next(n for n in range(j + 1, j + 6) if s.words[n] in _HOSTING)
            place = next((p for p in places if hv < p.i <= hv + 3 and s.words[p.i - 1] in ("in", "at")), None) \
                or next((p for p in places if j < p.i and p.j <= hv), None)
        if place is None:
            continue
        dexpr = min((d for d in found if abs(d.i - j) <= 14 and _date_ok(s.words, d, speech)),
                    key=lambda d: abs(d.i - j), default=None)
        name = _event_name(s, i, j)
        ev = Event(k, h.key, name, place.code, place.city, dexpr)
        doc.events.append(ev)
        doc.event_sents.append(k)
        doc.events_at.setdefault(k, []).append(ev)
        by_code = doc.events_by_code.setdefault(place.code, [])
        if len(by_code) < _EVENT_POOL:
            by_code.append(ev)
_HOSTING = frozenset({"hosting", "hosts", "host", "hosted"})


def _event_name(s: _Sentence, i: int, j: int) -> str:
    """The event's name as written: "BRICS summit", "Belt and Road Forum"."""
    a = i
    while a > 0 and i - a < 5 and (s.toks[a - 1].cap or s.words[a - 1] in ("and", "of")) and \
            s.toks[a].gap.strip() == "":
        a -= 1
    while a < i and s.words[a] in ("and", "of", "the"):
        a += 1
    return s.text[s.toks[a].start:s.toks[j - 1].end]


def _current_event(doc: _Doc, k: int) -> Event | None:
    n = bisect.bisect_right(doc.event_sents, k)
    return doc.events[n - 1] if n else None


_INDEFINITE = frozenset({"a", "an", "another", "any"})


def _indefinite(s: _Sentence, i: int) -> bool:
    """ "attend a G20 summit", "another summit": no particular event, so not one reported earlier."""
    a = i
    while a > 0 and i - a < 3 and s.toks[a - 1].cap:
        a -= 1  # "a G20 summit", "an EU-Africa summit"
    if a == 0 or s.words[a - 1] not in _INDEFINITE:
        return False
    j = next((j for i2, j, h in s.get("word", longest=False) if i2 == i and h.value == "event"), i + 1)
    return s.words[j:j + 1] not in (["that"], ["which"], ["where"])  # "a summit that was moved": that one


def _event_near(doc: _Doc, s: _Sentence, k: int, tj: int, code: str) -> Event | None:
    nouns = {h.key for i, j, h in s.get("word", longest=False) if h.value == "event" and tj <= i <= tj + 8
             and not _indefinite(s, i)}
    if not nouns:
        return None
    # the first few events of that country (bounded: long texts must stay linear) and this sentence's own
    pool = doc.events_by_code.get(code, [])[:_EVENT_POOL] + [e for e in doc.events_at.get(k, []) if e.code == code]
    cands = [e for e in pool if e.sent <= k and (e.noun in nouns or nouns & {"event"})]
    if not cands:
        return None
    same = [e for e in cands if e.sent == k and e.date is not None]
    dated = [e for e in cands if e.date is not None]
    return (same or dated or cands)[0]


def trip_event(doc: _Doc, s: _Sentence, k: int, ti: int, tj: int, code: str, used_event: Event | None,
               future: bool, dated: bool) -> Event | None:
    """The event a trip to country ``code`` goes to: one named right after the trigger ("attend the summit"),
    else ``used_event``; for an undated plan (``dated`` False), the article's current dated event in that
    country, else the last dated one named before it that is not already past; an undated mention takes the
    date of an earlier dated mention of the same event ("The summit in Kazan could ...")."""
    event = _event_near(doc, s, k, tj, code) or used_event
    if dated:
        return event
    if event is None and future:
        cur = _current_event(doc, k)
        if cur is not None and cur.code == code and cur.date is not None:
            event = cur
        elif not any(d.i < ti for d in s.dates):
            # "X is skipping the Rio meeting" after "the summit in Rio de Janeiro on Sunday": the dated
            # event of that country the article named last (the pool is bounded)
            event = next((e for e in reversed(doc.events_by_code.get(code, []))
                          if e.sent <= k and e.date is not None), None)
            if event is not None and event.date is not None and doc.pub is not None and any(
                    sp[1] < doc.pub.start for sp in ndates.resolve(event.date, doc.pub, future)[:1]):
                event = None  # an event already past is not the one a plan is about
    if event is not None and event.date is None:
        # "The summit in Kazan could ...": the dated mention of the same event earlier in the article
        dated_ev = next((e for e in doc.events_by_code.get(event.code, []) if e.date is not None
                         and e.noun == event.noun and e.sent <= k), None)
        if dated_ev is not None:
            event = Event(event.sent, event.noun, event.name, event.code, event.city, dated_ev.date)
    return event
