"""Events named in the text ("the summit in Kazan", "the Sharm el-Sheikh summit"): collected in a first pass,
then found again when a sentence says "will attend the summit".
"""

from __future__ import annotations

import bisect
import re
from datetime import date

from ..dates import DateSpan
from ..events import EventEdition, edition_hint, editions, find_edition
from . import dates as ndates
from .dates import DateExpr
from .document import _PLACE_KIND_RANK, Event, Place, _best_place, _Doc, _Sentence
from .tripdates import _date_ok

_EVENT_POOL = 32
_NEAR_DAYS = 200  # an edition meant without a year is held within this many days of the text's date
_ONLINE = frozenset({"virtual", "online", "video", "videoconference", "remote"})
_YEAR = re.compile(r"(?:19|20)\d\d")


_COLLECTED = frozenset({"summit", "forum", "conference", "assembly", "general assembly", "ceremony", "games",
                        "olympics", "parade", "celebrations", "congress", "gathering", "inauguration", "funeral",
                        "memorial", "commemoration", "coronation", "jubilee"})
# a series named as a group, not as its gathering: "G20 members", "BRICS countries", "G7 finance ministers"
_SERIES_NOT_EVENT = frozenset({"members", "member", "countries", "country", "nations", "states", "economies",
                               "bloc", "group", "grouping", "partners", "partner", "finance", "foreign", "trade",
                               "energy", "ministers", "ministerial", "ministry", "sherpa", "sherpas", "presidency",
                               "chair", "chairmanship", "secretariat", "secretary", "bank", "expansion", "currency",
                               "declaration", "statement", "communique", "communiqué", "framework", "agenda"})


def _series_tokens(doc: _Doc, s: _Sentence, k: int) -> list[tuple[int, int, str]]:
    """The event-series mentions of sentence ``k`` as token ranges ``(i, j, series_id)``."""
    out: list[tuple[int, int, str]] = []
    starts, toks = s.starts, s.toks
    for a, b, sid in doc.series_at.get(k, ()):
        i = bisect.bisect_left(starts, a)
        j = bisect.bisect_left(starts, b)
        if i < j <= len(toks):
            out.append((i, j, sid))
    return out


# sessions called outside a series' cycle ("an extraordinary summit", "an emergency session"): an edition of
# that kind only
_SPECIAL = frozenset({"extraordinary", "emergency", "special"})


def _edition(doc: _Doc, s: _Sentence, i: int, j: int, sid: str, place: Place | None,
             dexpr: DateExpr | None) -> EventEdition | None:
    """The edition of series ``sid`` (mentioned at tokens ``[i, j)``) the sentence means: an ordinal or year
    stated with it ("the 15th BRICS summit", "COP29", "the 2023 summit"), else the year of the sentence's own
    date; narrowed to the place the text gives ("the summit in Kazan"); among several, the one nearest the
    sentence's date or the publication. None when ambiguous, unknown, or held by video only."""
    number, year = edition_hint(s.text[s.toks[i].start:s.toks[j - 1].end])
    if i > 0 and s.words[i - 1].isdigit() and _YEAR.fullmatch(s.words[i - 1]):
        year = year or int(s.words[i - 1])  # "the 2023 BRICS summit"
    if any(x in _ONLINE for x in s.words[max(0, i - 3):i]) or (j < len(s.words) and s.words[j] in _ONLINE):
        return None  # "a virtual G20 summit", "the online summit of ...": nobody travelled
    near = doc.pub.start if doc.pub is not None else None
    if year is None:
        # a year written close to the mention, even in a clause of its own ("since 2015, when he addressed
        # the UN General Assembly")
        yd = min((d for d in s.dates if d.kind == "abs" and len(d.years) == 1 and (j <= d.i <= j + 6 or
                                                                                   i - 6 <= d.j <= i)),
                 key=lambda d: min(abs(d.i - j), abs(i - d.j)), default=None)
        if yd is not None:
            year = yd.years[0]
    told: tuple[date, date, str] | None = None
    edition = None
    ahead = False
    country = place.code if place is not None else None
    if dexpr is not None and doc.pub is not None:
        # The tense is not known in this first pass: "the G20 summit in November" may be the last November
        # or the next one. The reading whose span holds an edition wins, the past one first unless a word before
        # the gathering looks ahead (then only the reading ahead); with none, the first reading's nearest edition.
        ahead = not _AHEAD.isdisjoint(s.words[max(0, i - 12):i])  # "will attend the BRICS summit in August"
        readings = [sp[0] for sp in (ndates.resolve(dexpr, doc.pub, ahead), ndates.resolve(dexpr, doc.pub, not ahead))
                    if sp]
        for r in (readings[:1] if ahead else readings):
            inside = [e for e in editions(sid, ruleset=doc.rs) if r[0] <= e.start and e.end <= r[1]
                      and (number is None or e.number == number) and (year is None or e.start.year == year)
                      and (country is None or e.country == country)]
            if len(inside) == 1:
                near, told, edition = r[0], r, inside[0]
                break
        else:
            if readings:
                near, told = readings[0][0], readings[0]
    if edition is None:
        edition = find_edition(sid, near=near, year=year, number=number, country=country, ruleset=doc.rs)
    if edition is None or edition.mode == "virtual":
        return None
    special = not _SPECIAL.isdisjoint(s.words[max(0, i - 3):j])
    if special != any(w in edition.name.lower() for w in _SPECIAL):
        return None  # "the fifth extraordinary summit of the OIC": not the ordinary session held that spring
    if ahead and told is not None and doc.pub is not None and edition.end < doc.pub.start and told[0] > edition.end:
        return None  # "is expected at the G20 summit in November": not the edition already held before the report
    if told is not None and told[2] in ("day", "range", "week") and (
            told[1].toordinal() < edition.start.toordinal() - 3 or told[0].toordinal() > edition.end.toordinal() + 3):
        return None  # the text's own day is not the edition's: another gathering (or one the data lacks)
    within = told is not None and told[0] <= edition.start and edition.end <= told[1]
    if year is None and number is None and near is not None and not within and \
            min(abs((edition.start - near).days), abs((edition.end - near).days)) > _NEAR_DAYS:
        return None  # the nearest edition known is not near: an edition the data lacks, or another gathering
    return edition


def _record(doc: _Doc, ev: Event) -> None:
    doc.events.append(ev)
    doc.event_sents.append(ev.sent)
    doc.events_at.setdefault(ev.sent, []).append(ev)
    by_code = doc.events_by_code.setdefault(ev.code, [])
    if len(by_code) < _EVENT_POOL:
        by_code.append(ev)


def _with_edition(k: int, noun: str, name: str, place: Place | None, dexpr: DateExpr | None,
                  edition: EventEdition | None, sid: str, pub: DateSpan | None = None) -> Event | None:
    """The event record: the text's place, else the edition's host; the edition's dates when known."""
    if edition is None:
        if place is None:
            return None
        return Event(k, noun, name, place.code, place.city, dexpr)
    span: tuple[date, date, str] | None = (edition.start, edition.end,
                                           "day" if edition.start == edition.end else "range")
    if place is not None and place.code != edition.country:
        return Event(k, noun, name, place.code, place.city, dexpr)
    if dexpr is not None and pub is not None and not any(
            a <= edition.end and edition.start <= b for fut in (False, True) for a, b, _ in ndates.resolve(dexpr, pub, fut)):
        span = None  # "the July BRICS summit" (held in August): the text's own date is followed, as written
    city = place.city if place is not None and place.city else edition.city
    return Event(k, noun, name, edition.country, city, dexpr, span, sid)


def _inaugurated(doc: _Doc, s: _Sentence, i: int, j: int) -> Place | None:
    """ "the inauguration of (Kenyan) President X", "X's inauguration": the country of the person sworn in,
    in its capital."""
    words = s.words
    code = ""
    if j < len(words) and words[j] == "of":
        for pi, _pj, h in s.get("place"):
            if j < pi <= j + 3 and s.toks[pi].cap:
                best = _best_place(h.value)
                code = best.code if best is not None else ""
                break
        if not code:
            for pi, _pj, h in s.get("person"):
                if j < pi <= j + 4:
                    person = doc.rs.people.get(h.value)
                    code = person.nationality if person else ""
                    break
        if not code:  # a well-known official (tables/officials.csv): "the inauguration of President Mnangagwa"
            code = next((h.value[1] for pi, _pj, h in s.get("official") if j < pi <= j + 4), "")
    elif i >= 2 and words[i - 1] == "s":
        for _pi, pj, h in s.get("person"):
            if pj == i - 1:
                person = doc.rs.people.get(h.value)
                code = person.nationality if person else ""
        if not code:
            code = next((h.value[1] for _pi, pj, h in s.get("official") if pj == i - 1), "")
    if not code:
        return None
    return Place(i, j, code, "capital", doc.g.capitals.get(code, ""), "")


def _collect_events(doc: _Doc, s: _Sentence, k: int) -> None:
    """Events of sentence ``k`` with a place: one the text gives ("the summit in Kazan", "the Sharm el-Sheikh
    summit", "the summit which X is hosting in Y"), a known series' edition ("the BRICS summit next month":
    data/events.csv), or the country of the person inaugurated."""
    speech = doc.w.get("speech", set())
    stop = doc.w.get("clause", set()) | {"before", "after", "since", "from", "war", "conflict", "crisis", "about",
                                          "against", "ending", "end", "fighting", "violence"}
    places = [p for p in doc.places(s) if not p.demonym or p.kind != "demonym"]
    places = [p for p in places if p.kind in _PLACE_KIND_RANK]
    found = s.dates
    words = s.words
    series = _series_tokens(doc, s, k)
    used: set[tuple[int, int, str]] = set()

    def place_after(j: int) -> Place | None:
        place = next((p for p in places if j <= p.i <= j + 8 and {"in", "at"} & set(words[j:p.i])
                      and not set(words[j:p.i]) & stop), None)
        if place is None:
            # "the summit on Friday, hosted by Kyrgyzstan": the host named after the noun
            hb = next((n for n in range(j, min(len(words) - 1, j + 8)) if words[n] == "hosted"
                       and words[n + 1] == "by"), None)
            if hb is not None:
                place = next((p for p in places if p.i in (hb + 2, hb + 3)), None)
        return place

    def hosted_before(i: int) -> Place | None:
        # "the Saudi-hosted G20 summit", "a Qatar-hosted conference": the host glued before the gathering
        n = i - 1  # (``i`` is where the series' name starts, if it has one: "the Saudi-hosted G20 summit")
        while n > 0 and words[n] in ("annual", "virtual", "online", "first", "last", "next"):
            n -= 1  # "the Qatar-hosted annual forum"
        if n < 1 or words[n] != "hosted" or "-" not in s.toks[n].gap:
            return None
        return next((p for p in doc.places(s) if p.j == n and p.kind in ("country", "demonym")), None)

    def date_near(j: int) -> DateExpr | None:
        # ("that year", "later that month" count from a trip of the story: none is known in this first pass)
        return min((d for d in found if abs(d.i - j) <= 14 and _date_ok(words, d, speech) and not (
                    d.kind == "anchor" and d.n == 0 and d.unit in ("week", "month", "year"))),
                   key=lambda d: abs(d.i - j), default=None)

    for i, j, h in s.get("word", longest=False):
        if h.value != "event" or h.key not in _COLLECTED:
            continue
        ser = next((x for x in series if x[0] <= i <= x[1]), None)  # "BRICS summit", "G20 summit"
        place = place_after(j)
        if place is None:
            # "the Sharm el-Sheikh summit", "the Kazan BRICS summit": a city named before the noun hosts it
            # (a country there is a participant: "the Russia-Africa summit")
            place = next((p for p in places if p.kind in ("city", "capital") and i - 2 <= p.j <= i
                          and all(t.cap for t in s.toks[p.j:i]) and "-" not in s.toks[p.i].gap
                          and (p.j >= len(s.toks) or "-" not in s.toks[p.j].gap)), None)
        if place is None and j < len(words) and words[j] in ("which", "that") and \
                any(x in _HOSTING for x in words[j + 1:j + 6]):
            # "the summit which Saudi Arabia is hosting in Riyadh": the city, else the hosting country
            hv = next(n for n in range(j + 1, j + 6) if words[n] in _HOSTING)
            place = next((p for p in places if hv < p.i <= hv + 3 and words[p.i - 1] in ("in", "at")), None) \
                or next((p for p in places if j < p.i and p.j <= hv), None)
        if place is None:
            place = hosted_before(ser[0] if ser is not None else i)
        if place is None and h.key == "inauguration":
            place = _inaugurated(doc, s, i, j)
        dexpr = date_near(j)
        edition = None
        if ser is not None:
            used.add(ser)
            edition = _edition(doc, s, ser[0], ser[1], ser[2], place, dexpr)
        ev = _with_edition(k, h.key, _event_name(s, i, j), place, dexpr, edition, ser[2] if ser else "", doc.pub)
        if ev is not None:
            _record(doc, ev)
    # a series named without one of the nouns above ("the G20 in Rio", "SPIEF", "COP29", "the APEC meeting")
    for ser in series:
        i, j, sid = ser
        if ser in used or (j < len(words) and words[j] in _SERIES_NOT_EVENT) or \
                (j < len(words) and s.toks[j].gap == "-"):
            continue
        place = place_after(j) or hosted_before(i)
        dexpr = date_near(j)
        edition = _edition(doc, s, i, j, sid, place, dexpr)
        n = j
        if n < len(words) and words[n] in doc.w.get("event", ()) and s.toks[n].gap == " ":
            n += 1  # "the APEC meeting": the noun is part of the name
        ev = _with_edition(k, words[n - 1], s.text[s.toks[i].start:s.toks[n - 1].end], place, dexpr, edition, sid,
                           doc.pub)
        if ev is not None:
            _record(doc, ev)


_HOSTING = frozenset({"hosting", "hosts", "host", "hosted"})
# words before a gathering that read its month ahead of the report first
_AHEAD = frozenset({"will", "would", "shall", "plans", "plan", "planning", "expected", "next", "upcoming", "due",
                    "scheduled", "set"})


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
    """The event the article is about at sentence ``k``: the last one named, unless that is an edition long
    past ("that year Pretoria hosted the BRICS summit") and an event named before it is not."""
    n = bisect.bisect_right(doc.event_sents, k)
    if not n:
        return None
    last = doc.events[n - 1]
    pub = doc.pub
    if pub is None:
        return last

    def past(ev: Event) -> bool:
        # (a text's date read forward: "the September 3 parade" in August is this year's)
        return any(b.toordinal() < pub.start.toordinal() - 60 for _, b, _ in event_spans(ev, pub, True))

    if not past(last):
        return last
    for ev in reversed(doc.events[max(0, n - 1 - _EVENT_POOL):n - 1]):
        if not past(ev):
            return ev if ev.span is not None else last
    return last


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
    same = [e for e in cands if e.sent == k and _dated(e)]
    dated = [e for e in cands if _dated(e)]
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
        if cur is not None and cur.code == code and _dated(cur):
            event = cur
        elif not any(d.i < ti for d in s.dates):
            # "X is skipping the Rio meeting" after "the summit in Rio de Janeiro on Sunday": the dated
            # event of that country the article named last (the pool is bounded)
            event = next((e for e in reversed(doc.events_by_code.get(code, []))
                          if e.sent <= k and _dated(e)), None)
            if event is not None and doc.pub is not None and any(
                    sp[1] < doc.pub.start for sp in event_spans(event, doc.pub, future)):
                event = None  # an event already past is not the one a plan is about
    if event is not None and not _dated(event):
        # "The summit in Kazan could ...": the dated mention of the same event earlier in the article
        dated_ev = next((e for e in doc.events_by_code.get(event.code, []) if _dated(e)
                         and e.noun == event.noun and e.sent <= k), None)
        if dated_ev is not None:
            event = Event(event.sent, event.noun, event.name, event.code, event.city, dated_ev.date, dated_ev.span,
                          dated_ev.series)
    return event


def _dated(e: Event) -> bool:
    return e.date is not None or e.span is not None


def event_spans(e: Event, pub: DateSpan | None, future: bool) -> list[tuple[date, date, str]]:
    """The dates of event ``e``: its edition's (data/events.csv), else its date in the text resolved."""
    if e.span is not None:
        return [e.span]
    if e.date is not None:
        return ndates.resolve(e.date, pub, future)[:1]
    return []


def with_event_dates(spans: list[tuple[date, date, str]], event: Event, pub: DateSpan | None,
                     future: bool) -> list[tuple[date, date, str]]:
    """A trip's dates given the event it attends: the event's when the sentence gives none; the edition's own
    days when the sentence's date is coarser and contains them ("the BRICS summit next month")."""
    if not spans:
        return event_spans(event, pub, future)
    if event.span is not None and len(spans) == 1:
        a, b, _ = spans[0]
        ea, eb, _ = event.span
        if a <= ea and eb <= b and (a, b) != (ea, eb):
            return [event.span]
    return spans
