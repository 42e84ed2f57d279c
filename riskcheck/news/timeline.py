"""Timelines: a run of lines that each open with a date and a place ("May 29, 2017 - Versailles, France. Macron
receives Putin ...") under a text about one wanted person's travels. Each line with a trip word is a trip of that
person to the line's place on the line's date (a line about the person's own country, or without a trip word,
such as "March 17, 2023 - The Hague. Judges issue warrants", is none).
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

from . import dates as ndates
from .assemble import _add
from .document import _Doc, _Draft, _place_code
from .mentions import Hit

_MONTH = r"(?P<mon>[A-Z][a-z]{2,8})\.?"
# "May 29, 2017 - ", "29 May 2017 – ", "2017-05-29 — ", "May 2017 - " at the start of a line
_HEAD = re.compile(
    rf"^[ \t]*(?:(?:{_MONTH} (?P<d1>\d{{1,2}}),? (?P<y1>(?:19|20)\d\d))|(?:(?P<d2>\d{{1,2}}) (?P<mon2>[A-Z][a-z]{{2,8}})"
    r"\.? (?P<y2>(?:19|20)\d\d))|(?:(?P<y3>(?:19|20)\d\d)-(?P<m3>\d\d)-(?P<d3>\d\d))|(?:(?P<mon4>[A-Z][a-z]{2,8}) "
    r"(?P<y4>(?:19|20)\d\d)))[ \t]*[-–—:|][ \t]*(?P<rest>[^\n]+)$", re.M)
_NOT_TRIPS = frozenset({"arrest", "arrests"})  # "a warrant for his arrest": the noun names no journey
MIN_LINES = 2  # a timeline is a run of at least this many dated lines
_INTRO_CHARS = 800  # the person's travels are told within this many characters before the first line


def _line_date(m: re.Match[str]) -> tuple[date, date, str] | None:
    """The date a timeline line opens with (a day, or a month), None when it names no real date."""
    if m["y4"]:
        mon = ndates.MONTHS.get(m["mon4"].lower())
        if not mon:
            return None
        a, b = ndates._month_span(int(m["y4"]), mon)
        return a, b, "month"
    if m["y1"]:
        y, mon, d = int(m["y1"]), ndates.MONTHS.get(m["mon"].lower()), int(m["d1"])
    elif m["y2"]:
        y, mon, d = int(m["y2"]), ndates.MONTHS.get(m["mon2"].lower()), int(m["d2"])
    else:
        y, mon, d = int(m["y3"]), int(m["m3"]), int(m["d3"])
    try:
        day = date(y, mon, d) if mon else None
    except ValueError:
        return None  # "February 30, 2019": no such day
    return (day, day, "day") if day else None


def timeline_trips(doc: _Doc, text: str, hits: list[Hit], trip_words: frozenset[str]) -> None:
    """Add the trips of a timeline in ``text`` (see the module docstring) to ``doc``'s drafts."""
    lines = [(m, span) for m in _HEAD.finditer(text) if (span := _line_date(m)) is not None]
    if len(lines) < MIN_LINES:
        return
    first = lines[0][0].start()
    # the wanted person the text names most before the timeline, named within reach of it
    before = Counter(h.value for h in hits if h.cat == "person" and h.end <= first)
    near = {h.value for h in hits if h.cat == "person" and first - _INTRO_CHARS <= h.start < first}
    if not before:
        return
    pid, _ = before.most_common(1)[0]
    if pid not in near:
        return
    ent = doc.entity_for_pid(pid)
    for m, span in lines:
        rest_at = m.start("rest")
        # the line's head: the place up to the first full stop ("Versailles, France. ...")
        stop = text.find(". ", rest_at, m.end())
        head_end = stop if stop != -1 else m.end()
        places = [h for h in hits if h.cat == "place" and rest_at <= h.start and h.end <= head_end]
        code = next((c for h in places if (c := _place_code(h.value))), "")
        if not code or code == ent.nationality:
            continue
        words = set(re.findall(r"[a-z]+", text[rest_at:m.end()].lower())) - _NOT_TRIPS
        if trip_words.isdisjoint(words):
            continue  # "The Hague. Judges issue warrants": a dated event, no trip
        city = next((pn.city for h in places for pn in h.value if pn.code == code and pn.city), "")
        status = "completed" if doc.pub is None or span[1] <= doc.pub.end else "planned"
        _add(doc, _Draft(ent, ent.name, code, city, [span], status, "", [(m.start(), m.end())]))
