"""Trip assembly: drafts of one journey merge (same person and country, compatible dates) and become
:class:`~.document.Trip` records.
"""

from __future__ import annotations

import re
from datetime import date

from .document import Trip, _Doc, _Draft, sentence_ends
from .modality import FUTURE
from .status import _OPEN, merge_status

_PRECISION_RANK = {"day": 0, "range": 1, "week": 2, "month": 3, "year": 4, "unknown": 5}

_ARRIVED_AHEAD = 7  # days between a trip made and the gathering it was made for, at most


SAME_TRIP_DAYS = 7  # a date this close to a trip's days is that trip's ("arrived Monday, returned Wednesday")


def near_trip(day: date, span: tuple[date, date, str]) -> bool:
    """Whether ``day`` falls within a trip's days, give or take :data:`SAME_TRIP_DAYS`: its end, or a second
    mention of it, not another journey."""
    return span[0].toordinal() - SAME_TRIP_DAYS <= day.toordinal() <= span[1].toordinal() + SAME_TRIP_DAYS


def _compatible(a: list[tuple[date, date, str]], b: list[tuple[date, date, str]]) -> bool:
    if not a or not b:
        return True
    (s1, e1, p1), (s2, e2, p2) = a[0], b[0]
    if p1 == p2 == "month" and s1 != s2:
        return False  # "in May ... returned in June": two months told, two trips
    return s1.toordinal() <= e2.toordinal() + SAME_TRIP_DAYS and s2.toordinal() <= e1.toordinal() + SAME_TRIP_DAYS


def _current(d: _Draft) -> bool:
    """An undated trip planned, or going on or just made as the article reports it."""
    return not d.spans and (d.status in FUTURE or d.status == "ongoing" or d.recent)


def _just_told(doc: _Doc, earlier: _Draft, later: _Draft) -> bool:
    """Whether ``later`` is told in the sentence right after (or the same sentence as) the last of ``earlier``."""
    if not earlier.sentences or not later.sentences:
        return False
    end, start = max(b for _, b in earlier.sentences), min(a for a, _ in later.sentences)
    if start < max(a for a, _ in earlier.sentences):
        return False  # told before it, not right after
    return sentence_ends(doc.text, end, start) <= 1


def _coming_back(doc: _Doc, new: _Draft) -> bool:
    """Whether plan ``new`` is to come again to its city ("are expected back in Addis Ababa later this month", "will
    return to Tehran"): another trip than the one just made there."""
    if not new.city:
        return False
    rx = re.compile(rf"\b(?:back|returns?|returning)\s+(?:in|to)\s+{re.escape(new.city)}\b")
    return any(rx.search(doc.text, a, b) for a, b in new.sentences)


def _add(doc: _Doc, new: _Draft) -> None:
    if new.status in ("completed", "ongoing", "planned") and new.sentences and \
            all(doc.text[a:b].rstrip().endswith("?") for a, b in new.sentences):
        new.status = "speculative"  # "Did X fly on to Moscow?": a trip asked about, not told
    same_key = doc.by_key.setdefault((new.entity.key, new.code), [])
    cands = [d for d in same_key if _compatible(d.spans, new.spans)]
    # a dated trip told as one before the story ("previously visited X in 2016") is not the plan reported now
    # nor the trip going on now ("Modi is making his first trip to China in seven years"); a plan dated within
    # that earlier trip is its own story's future ("when he addressed the UN in 2015")
    cands = [d for d in cands if not (d.earlier and _current(new) or new.earlier and _current(d))]
    if not new.spans and new.status not in FUTURE and doc.pub is not None:
        # an undated visit that happened is not the one planned for after the report
        cands = [d for d in cands if not (d.status in FUTURE and d.spans and d.spans[0][0] > doc.pub.end)]
    elif new.status == "planned" and new.spans and doc.pub is not None and \
            new.spans[0][0].toordinal() > doc.pub.end.toordinal() + SAME_TRIP_DAYS:
        # nor is a plan dated weeks after the report the undated visit made ("On a state visit to Beijing, X ..."
        # and "X is expected at the forum in Hainan in April"; "goes on to Agra tomorrow" is the visit's own day)
        cands = [d for d in cands if not (d.status == "completed" and not d.spans)]
    if doc.pub is not None:
        # a visit that ended before the report is not the one invited or mooted now
        def past(d: _Draft) -> bool:
            return d.status == "completed" and bool(d.spans) and d.spans[0][1] < doc.pub.start  # type: ignore[union-attr]
        def long_past(d: _Draft) -> bool:
            return past(d) and d.spans[0][1].toordinal() < doc.pub.start.toordinal() - 30  # type: ignore[union-attr]
        if new.status in _OPEN or new.status == "planned" and _coming_back(doc, new):
            cands = [d for d in cands if not past(d)]
            # ("Bashir and Kiir are expected back in Addis Ababa later this month": not the visit just made)
        elif past(new):
            cands = [d for d in cands if d.status not in _OPEN]
        # "arrived at the White House" (now) and a caption's "on April 7": two trips, not one
        # (but "The last time X visited Y was in 2022. When X was in Y, ...": the trip just told)
        if new.recent and not new.spans:
            cands = [d for d in cands if not long_past(d) or _just_told(doc, d, new)]
        elif long_past(new):
            cands = [d for d in cands if not (d.recent and not d.spans) or _just_told(doc, new, d)]
        # "X will not travel to Y" and "X's last visit to Y was in 2020": two trips, not one
        if new.status in FUTURE and not new.spans:
            cands = [d for d in cands if not long_past(d)]
        elif long_past(new):
            cands = [d for d in cands if not (d.status in FUTURE and not d.spans)]
    if not cands:
        doc.drafts.append(new)
        same_key.append(new)
        return
    group = (new.status in FUTURE)
    same = [d for d in cands if (d.status in FUTURE) == group]
    if not new.spans:
        d = (same or cands)[0]
    else:
        dated = [d for d in cands if d.spans]
        d = (dated or same or cands)[0]
    if d.guessed and not new.guessed and new.spans and d.spans and \
            new.spans[0][0] <= d.spans[0][0] <= new.spans[0][1]:
        d.guessed = False  # the report day guessed lies within the date stated: it stands, and is now borne out
    if new.spans and (not d.spans or (d.guessed and not new.guessed) or (
            _PRECISION_RANK[new.spans[0][2]] < _PRECISION_RANK[d.spans[0][2]] and d.guessed <= new.guessed)):
        d.spans = new.spans  # (a date stated for the trip replaces the report day guessed for it)
        d.guessed = new.guessed
    was_future = d.status in FUTURE
    merge_status(doc, d, new)
    if new.city and not d.city:
        d.city = new.city
    if new.event and not d.event:
        d.event = new.event
    if was_future:
        d.recent = new.recent
    elif new.status not in FUTURE:  # a plan merged into a visit says nothing of when the visit was
        d.recent = d.recent and new.recent
    for sp in new.sentences:
        if sp not in d.sentences and len(d.sentences) < 3:
            d.sentences.append(sp)


def _finish(doc: _Doc, d: _Draft) -> Trip:
    text = doc.text
    sents = sorted(d.sentences)
    evidence = " | ".join(text[a:b] for a, b in sents)
    spans = d.spans
    if spans and doc.pub is not None and d.status == "completed" and spans[0][0] > doc.pub.end:
        # a trip made cannot begin after the report: "arrives in Jordan for the Arab summit" (held the next days)
        # arrived by the report's day; a date further ahead is not this trip's (an edition or a month read
        # ahead), and the date is then unknown, not guessed
        near = (spans[0][0] - doc.pub.end).days <= _ARRIVED_AHEAD
        spans = [(doc.pub.start, doc.pub.end, doc.pub.precision)] if near else []
    if not spans and d.recent and doc.pub is not None and d.status in ("completed", "ongoing"):
        # a trip reported as current with no date of its own: the month of the report
        p = doc.pub.start
        nxt = date(p.year + (p.month == 12), p.month % 12 + 1, 1)
        spans = [(date(p.year, p.month, 1), date.fromordinal(nxt.toordinal() - 1), "month")]
    if spans:
        start, end, precision = spans[0]
        s_iso, e_iso = start.isoformat(), end.isoformat()
    else:
        s_iso = e_iso = ""
        precision = "unknown"
    return Trip(
        person_id=d.entity.pid,
        person=d.entity.name,
        mention=d.mention,
        country=d.code,
        city=d.city,
        start=s_iso,
        end=e_iso,
        precision=precision,
        status=d.status,
        event=d.event,
        evidence=evidence,
        span=(sents[0][0], sents[-1][1]),
    )
