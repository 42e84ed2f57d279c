"""Timelines: a run of lines that each open with a date and a place ("May 29, 2017 - Versailles, France. Macron
receives Putin ...") under a text about one wanted person's travels. Each line with a trip word is a trip of that
person to the line's place on the line's date (a line about the person's own country, or without a trip word,
such as "March 17, 2023 - The Hague. Judges issue warrants", is none).

A line may leave its year to a heading line above it ("2011" alone on a line, then "Late June - China. ...",
"29-31 March - Doha, for the summit"), or, with no heading, to the report ("April: Riyadh. ..." in a year review
is the last April by the publication day). Under an introduction that speaks of travels ("where he went"), a line
that opens with its place ("9 July - Juba, as South Sudan declares independence") is a trip without a trip word.
A trip told inside a line without a date of its own ("Gaddafi was there too") takes the line's date, and each
line opens about the timeline's person ("He reaches Beijing": see ``extract_trips``).
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

from . import dates as ndates
from .assemble import _add
from .document import _Doc, _Draft, _place_code
from .mentions import Hit

_MONTH = r"(?P<mon>[A-Z][A-Za-z]{2,8})\.?"
# "May 29, 2017 - ", "29 May 2017 – ", "2017-05-29 — ", "May 2017 - ", "OCTOBER 2004 - ", "1998 - " at the start of
# a line (a month in capitals too; a year alone dates the line to that year)
_BULLET = r"(?:[-\u2022*\u00b7\u25aa][ \t]+)?"  # "- May 2017: ...", "\u2022 April 2018: ...": a list's bullet
_HEAD = re.compile(
    rf"^[ \t]*{_BULLET}(?:(?:{_MONTH} (?P<d1>\d{{1,2}}),? (?P<y1>(?:19|20)\d\d))|(?:(?P<d2>\d{{1,2}}) (?P<mon2>[A-Z][A-Za-z]{{2,8}})"
    r"\.? (?P<y2>(?:19|20)\d\d))|(?:(?P<y3>(?:19|20)\d\d)-(?P<m3>\d\d)-(?P<d3>\d\d))|(?:(?P<mon4>[A-Z][A-Za-z]{2,8}) "
    r"(?P<y4>(?:19|20)\d\d))|(?P<y5>(?:19|20)\d\d))[ \t]*[-–—:|][ \t]*(?P<rest>[^\n]+)$", re.M)
_NOT_TRIPS = frozenset({"arrest", "arrests"})  # "a warrant for his arrest": the noun names no journey
_COURT_ACTS = frozenset({"arrest", "arrests", "warrant", "warrants"})  # a line telling of the court's act, no trip
_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December|"
           "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec")
# a year alone on its line: the year of the year-less lines below it
_YEAR_HEAD = re.compile(r"^[ \t]*((?:19|20)\d\d)[ \t]*:?[ \t]*$", re.M)
# "23 March - ", "29-31 March - ", "March 23 - ", "Late June - ", "End of March - ", "September - " under a year
_YEARLESS = re.compile(
    rf"^[ \t]*{_BULLET}(?P<q>(?i:early|mid|late|end of|the end of|beginning of|start of)[ \t-]+)?"
    rf"(?:(?P<d>\d{{1,2}})(?:[-–](?P<d2>\d{{1,2}}))? )?(?P<mon>{_MONTHS}|{_MONTHS.upper()})\.?(?: (?P<md>\d{{1,2}})(?:[-–](?P<md2>\d{{1,2}}))?)?"
    r"[ \t]*[-–—:|][ \t]*(?P<rest>[^\n]+)$", re.M)
# a paragraph headed by its places and month: "Davos, January. Two days at ...", "Berlin, Paris, London, June. ..."
_PLACE_FIRST = re.compile(
    r"^[ \t]*(?P<place>[A-Z][^\n.:;|]{1,60}?),[ \t]+(?P<q>(?i:early|mid|late)[ \t-]+)?"
    rf"(?P<mon>{_MONTHS})(?:[ \t]+(?P<y>(?:19|20)\d\d))?\.[ \t]+(?P<rest>[^\n]+)$", re.M)
# a month alone on its line, heading the paragraphs below it ("MARCH", "July"), and any other heading line
# ("WHAT COMES NEXT"), which ends the month's section
_MONTH_HEAD = re.compile(rf"^[ \t]*(?P<mon>{_MONTHS}|{_MONTHS.upper()})[ \t]*:?[ \t]*$", re.M)
_ANY_HEAD = re.compile(r"^[ \t]*[A-Z][A-Z0-9 ,'&/-]{2,60}[ \t]*:?[ \t]*$", re.M)
# under a month heading, a paragraph that opens with its place: "Jakarta. Bashir landed ...", "Djibouti, 8 May:
# present for ...", "Kigali, 16-18 July: the summit", "Nouakchott: the Arab League summit"
_PLACE_LED = re.compile(
    rf"^[ \t]*{_BULLET}(?P<place>[A-Z][^\n.:;|,]{{1,40}}?)(?:,[ \t]+(?P<d>\d{{1,2}})(?:[-–](?P<d2>\d{{1,2}}))?[ \t]+"
    rf"(?P<mon>{_MONTHS}))?[ \t]*[.:][ \t]+(?P<rest>[^\n]+)$", re.M)
# a line that opens with another subject: a possessive and a noun ("His brother ..."), or a name set off by a comma
# before a lower-case word ("Al-Saadi, freed from prison, ..."; not "Versailles, France.")
_OTHER_SUBJECT = re.compile(r"(?:(?:His|Her|Their|Its) [a-z]+\b(?<!visit)(?<!trip)(?<!tour)|[A-Z][\w'-]+(?: [A-Z][\w'-]+)?, [a-z])")
_LIST_HEADING = re.compile(r"\b(?:trips|visits|travels|journeys)\b", re.I)  # a heading over a list of trips
_PLACE_OPENS = 3  # a line "opens with its place" when the place is among its first words ("Back in Russia, ...")
MIN_LINES = 2  # a timeline is a run of at least this many dated lines
_INTRO_CHARS = 800  # the person's travels are told within this many characters before the first line


def _line_date(m: re.Match[str]) -> tuple[date, date, str] | None:
    """The date a timeline line opens with (a day, or a month), None when it names no real date."""
    if m["y5"]:
        y = int(m["y5"])
        return date(y, 1, 1), date(y, 12, 31), "year"
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


def _yearless_date(m: re.Match[str], year: int) -> tuple[date, date, str] | None:
    """The date of a year-less line in ``year``: a day, a range of days, or a month ("Late June")."""
    mon = ndates.MONTHS.get(m["mon"].lower().rstrip("."))
    if not mon:
        return None
    groups = m.re.groupindex
    d, d2 = (m["d"], m["d2"]) if "d" in groups and m["d"] else (m["md"], m["md2"]) if "md" in groups else (None, None)
    try:
        if d and not m["q"]:
            a = date(year, mon, int(d))
            b = date(year, mon, int(d2)) if d2 else a
            return (a, b, "range") if b > a else (a, a, "day")
    except ValueError:
        return None
    a, b = ndates._month_span(year, mon)
    return a, b, "month"


# a line telling that the person stayed away from its place
# (not "skipped the gala dinner": a part of the visit)
_ABSENT = re.compile(r"\b(?:without (?:him|her)|stays away|stayed away|is absent|was absent)\b")
_DAY_MONTH = re.compile(rf"\b(?:(?P<d>\d{{1,2}})(?:(?: to |[-–])(?P<d2>\d{{1,2}}))? (?P<mon>{_MONTHS})|"
                        rf"(?P<mon2>{_MONTHS}) (?P<md>\d{{1,2}})(?:(?: to |[-–])(?P<md2>\d{{1,2}}))?)\b")


def _day_in_line(text: str, m: re.Match[str], span: tuple[date, date, str]) -> tuple[date, date, str]:
    """A month line's first day in that month ("FEBRUARY - Addis Ababa. On 2 February ...", "From 10 to 12
    June"): the line's date, to the day."""
    if span[2] != "month":
        return span
    for dm in _DAY_MONTH.finditer(text, m.start("rest"), m.end()):
        mon = ndates.MONTHS.get((dm["mon"] or dm["mon2"]).lower())
        d, d2 = (dm["d"], dm["d2"]) if dm["d"] else (dm["md"], dm["md2"])
        if mon != span[0].month:
            continue
        try:
            a = date(span[0].year, mon, int(d))
            b = date(span[0].year, mon, int(d2)) if d2 else a
        except ValueError:
            return span
        return (a, b, "range") if b > a else (a, a, "day")
    return span


_REPORT_DAYS = 14  # a date this close to the report's is read off the report day (a tense, "the previous day")
_OLD_LINE_DAYS = 30  # a line this long before the report tells of the past


def _by_the_report(span: tuple[date, date, str], line: tuple[date, date, str], doc: _Doc) -> bool:
    """Whether a trip inside an old timeline line was dated off the report day ("is on Margarita Island",
    "the previous day") rather than by a date of its own ("In November 2022 ...")."""
    if doc.pub is None:
        return False
    report = doc.pub.start.toordinal()
    return span[0].toordinal() >= report - _REPORT_DAYS and line[1].toordinal() < report - _OLD_LINE_DAYS


def timeline_lines(text: str, pub: date | None = None) -> list[tuple[re.Match[str], tuple[date, date, str]]]:
    """The dated lines of ``text`` in order: lines with a full date, and year-less lines ("July: Banjul. ...")
    dated by the year heading above them, else (with ``pub``, the publication day) the last such month by then."""
    lines = [(m, span) for m in _HEAD.finditer(text) if (span := _line_date(m)) is not None]
    heads = [(m.start(), int(m[1])) for m in _YEAR_HEAD.finditer(text)]
    for m in _PLACE_FIRST.finditer(text):
        year = int(m["y"]) if m["y"] else next((y for at, y in reversed(heads) if at < m.start()), 0)
        if not year and pub is not None:
            mon = ndates.MONTHS.get(m["mon"].lower().rstrip("."), 13)
            year = pub.year - (mon > pub.month)
        if year and (span := _yearless_date(m, year)) is not None:
            lines.append((m, span))
    if pub is not None:
        lines += _month_headed(text, pub)
    if heads or pub is not None:
        for m in _YEARLESS.finditer(text):
            year = next((y for at, y in reversed(heads) if at < m.start()), 0)
            if not year and pub is not None:
                mon = ndates.MONTHS.get(m["mon"].lower().rstrip("."), 13)
                year = pub.year - (mon > pub.month)
            if year and (span := _yearless_date(m, year)) is not None:
                lines.append((m, span))
    lines.sort(key=lambda ms: ms[0].start())
    return lines


def _month_headed(text: str, pub: date) -> list[tuple[re.Match[str], tuple[date, date, str]]]:
    """Paragraphs led by their place under a month heading ("MARCH" alone on a line, then "Jakarta. Bashir landed
    on Sunday 6 March ..."): dated by their own day and month, else by the heading's month, the last such month by
    the publication day. A heading that is not a month ("WHAT COMES NEXT") ends the month's section."""
    months = [(m.start(), m["mon"]) for m in _MONTH_HEAD.finditer(text)]
    if len(months) < MIN_LINES:
        return []
    heads = sorted({h.start() for h in _ANY_HEAD.finditer(text)} | {at for at, _ in months})  # ("March" too)
    out = []
    for m in _PLACE_LED.finditer(text):
        head = max((at for at in heads if at < m.start()), default=-1)
        mon = next((name for at, name in months if at == head), None)
        if mon is None:
            continue  # not under a month heading
        if m["mon"] and m["mon"].lower()[:3] != mon.lower()[:3]:
            continue  # "Kigali, 16 May:" under JULY: not the heading's month
        n = ndates.MONTHS.get(mon.lower(), 13)
        if n > 12:
            continue
        year = pub.year - (n > pub.month)
        a, b = ndates._month_span(year, n)
        span = (a, b, "month")
        if m["d"]:
            try:
                a = date(year, n, int(m["d"]))
                b = date(year, n, int(m["d2"])) if m["d2"] else a
            except ValueError:
                continue
            span = (a, b, "range") if b > a else (a, a, "day")
        out.append((m, span))
    return out


def timeline_person(hits: list[Hit], first: int) -> str:
    """The wanted person a timeline starting at ``first`` is about: the one the text names most before it, named
    within reach of it ("" when none)."""
    before = Counter(h.value for h in hits if h.cat == "person" and h.end <= first)
    if not before:
        return ""
    pid, _ = before.most_common(1)[0]
    near = {h.value for h in hits if h.cat == "person" and first - _INTRO_CHARS <= h.start < first}
    return pid if pid in near else ""


def _heading_start(text: str, first: int) -> int:
    """Where the line right above the line starting at ``first`` starts (a list's heading)."""
    return text.rfind("\n", 0, max(0, text.rfind("\n", 0, first))) + 1


def find_timeline(text: str, hits: list[Hit], pub: date | None = None) \
        -> tuple[str, list[tuple[re.Match[str], tuple[date, date, str]]]]:
    """The wanted person a timeline in ``text`` is about and its dated lines (``("", [])`` when there is none)."""
    lines = timeline_lines(text, pub)
    if len(lines) < MIN_LINES:
        return "", []
    first = lines[0][0].start()
    pid = timeline_person(hits, first)
    # ("FACT BOX: Duterte's trips to China" right above the list: whose trips the heading says)
    at = _heading_start(text, first)
    owner = next((h.value for h in hits if h.cat == "person" and at <= h.start and h.end < first
                  and text.startswith(("'s", "\u2019s"), h.end)), "")
    pid = owner or pid
    return (pid, lines) if pid else ("", [])


def timeline_trips(doc: _Doc, text: str, hits: list[Hit], trip_words: frozenset[str],
                   found: tuple[str, list[tuple[re.Match[str], tuple[date, date, str]]]] | None = None) -> None:
    """Add the trips of a timeline in ``text`` (see the module docstring; ``found``: :func:`find_timeline`'s
    answer when already known) to ``doc``'s drafts."""
    pid, lines = found if found is not None else find_timeline(text, hits, doc.pub.start if doc.pub else None)
    if not pid:
        return
    first = lines[0][0].start()
    ent = doc.entity_for_pid(pid)
    # a trip told inside a dated line without a date of its own ("Gaddafi was there too") has the line's date; an
    # arrival placed only by the dateline, inside a paragraph headed by its place ("Paris, November. ... The Russian
    # president had landed the evening before"), is at the paragraph's place
    for d in doc.drafts:
        if not d.sentences:
            continue
        a, b = min(x for x, _ in d.sentences), max(y for _, y in d.sentences)
        m, line = next(((m, span) for m, span in lines if m.start() <= a and b <= m.end()), (None, None))
        if m is None or line is None:
            continue
        if not d.spans or _by_the_report(d.spans[0], line, doc):
            # ("MARCH - Doha. ... who had flown in the previous day": the day before March 30, not before the
            # review appeared)
            d.spans, d.recent = [line], False
        if "place" in m.re.groupindex and doc.story is not None and (d.code, d.city) == doc.story:
            here = next((h for h in hits if h.cat == "place" and m.start("place") <= h.start < m.end("place")
                         and _place_code(h.value)), None)
            if here is not None and (code := _place_code(here.value)) != d.code:
                d.code = code
                d.city = next((pn.city for pn in here.value if pn.code == code and pn.city), "")
    travels = not trip_words.isdisjoint(re.findall(r"[a-z]+", text[max(0, first - _INTRO_CHARS):first].lower()))
    # "FACT BOX: Duterte's trips to China" right above the list: every dated line naming a place is one of them
    listing = bool(_LIST_HEADING.search(text, _heading_start(text, first), first))
    for m, span in lines:
        rest_at = m.start("rest")
        place_first = "place" in m.re.groupindex
        if place_first:  # "Berlin, Paris, London, June. ...": the places before the month
            head_at, head_end = m.start("place"), m.end("place")
        else:  # the line's head: the place up to the first full stop ("Versailles, France. ...")
            stop = text.find(". ", rest_at, m.end())
            head_at, head_end = rest_at, stop if stop != -1 else m.end()
        places = [h for h in hits if h.cat == "place" and head_at <= h.start and h.end <= head_end]
        codes = list(dict.fromkeys(c for h in places if (c := _place_code(h.value)) and c != ent.nationality))
        if not codes:
            continue
        if not place_first and (_OTHER_SUBJECT.match(text, rest_at) and not any(h.start == rest_at for h in places)
                                or any(h.cat == "person" and h.start == rest_at and h.value != pid for h in hits)):
            continue  # "His brother al-Saadi crosses into Niger", "Al-Saadi, freed from prison, flies to ...": not X
        line_words = re.findall(r"[a-z]+", text[rest_at:m.end()].lower())
        words = set(line_words) - _NOT_TRIPS
        if trip_words.isdisjoint(words):
            opens = place_first or len(text[rest_at:places[0].start].split()) < _PLACE_OPENS
            if not (travels and (opens or listing) and _COURT_ACTS.isdisjoint(line_words)):
                continue  # "The Hague. Judges issue warrants": a dated event, no trip
        status = "completed" if doc.pub is None or span[1] <= doc.pub.end else "planned"
        if _ABSENT.search(text, rest_at, m.end()):
            status = "cancelled"  # "DECEMBER - The Copenhagen conference goes ahead without him"
        span = _day_in_line(text, m, span)
        for code in codes if place_first else codes[:1]:
            city = next((pn.city for h in places for pn in h.value if pn.code == code and pn.city), "")
            _add(doc, _Draft(ent, ent.name, code, city, [span], status, "", [(m.start(), m.end())]))
