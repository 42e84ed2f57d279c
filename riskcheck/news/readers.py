"""Inputs for ``riskcheck news``: text files, folders, stdin, JSON Lines, CSV and RSS/Atom feeds.

Every input becomes :class:`Article` records (or :class:`Skipped` with a reason). Publication dates come
from a header (`` date 2023-07-25`` at the start, a ``Date:`` line), a dateline (``MOSCOW, July 25
(Reuters) -``, ``March 28, 2017 (KHARTOUM) -``), the record's own field, or ``--published``; failing those,
the text itself when unambiguous ("on Tuesday, 12 March 2024", "this year 2024": basis ``text``).
Header text is blanked (same length) so that offsets still point into the source text.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from ..dates import DateSpan, parse_date
from ..errors import DateError, InputError

_MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"], 1)}
_MONTHS.update({k[:3]: v for k, v in list(_MONTHS.items())})
_MONTHS["sept"] = 9

_HEADER = re.compile(r"\s{0,4}date (\d{4}-\d{2}(?:-\d{2})?)\b")
# "Date: 25 July 2023", "Published: ...", and without a colon "Published June 13, 2015", "Posted on 3 May 2019"
# (also after a byline and a bar on the same line, "By Staff Writer | Posted 22 Feb 2011, 14:05", and before more
# page chrome after a bar: "Posted on 10 June 2025, 18:22 | Author: ... | 2 312 views")
_DATE_LINE = re.compile(r"(?im)^[ \t]{0,8}(?:[^\n|]{1,60}[|•·][ \t]*)?(?:date|published|pubdate|dated|posted|first published)"
                        r"(?:[ \t]{0,4}:|[ \t]+on\b|(?=[ \t]+\d|[ \t]+[a-z]{3}))[ \t]{0,8}([^\n|]{4,60})(?:\|[^\n]*)?$")
_DATELINE_MDY = re.compile(r"([A-Z][a-z]{2,8})\.? (\d{1,2}), (\d{4}) \(")
# a day-first dateline: "MINSK, 23 November 2023 (Agency) -", "NAIROBI, 4 August 2010 -"
_DATELINE_DMY = re.compile(r"\b[A-Z][A-Za-z.'\- ]{1,40}, (\d{1,2}) ([A-Z][a-z]{2,8})\.? ((?:19|20)\d\d) ?[(\-\u2013\u2014]")
_DATELINE_CITY = re.compile(r"[A-Z][A-Za-z.'\- ]{1,40}, ([A-Z][a-z]{2,8})\.? (\d{1,2})(?:, (\d{4}))? ?\(")
# a dateline in capitals opening a line, with a state and a dash: "CAMP DAVID, Md., Sept. 27 -"
_DATELINE_CAPS = re.compile(r"(?m)^[ \t]*[A-Z][A-Z.'\- ]{1,40}(?:, [A-Z][A-Za-z.]{1,12})?, ([A-Z][a-z]{2,8})\.? "
                            r"(\d{1,2})(?:, (\d{4}))? ?[-\u2013\u2014(]")
# "Two years ago, in November 2001", "in 2001, two years ago": the year of the report is that many after
_YEARS_AGO = re.compile(r"\b(\w+) years ago,? in (?:[A-Z][a-z]+ )?((?:19|20)\d\d)\b|"
                        r"\bin (?:[A-Z][a-z]+ )?((?:19|20)\d\d),? (\w+) years ago\b")
_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
           "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
           "tenth": 10, "twentieth": 20, "fiftieth": 50}
# "celebrated the group's fifth anniversary ... in the city where it was founded in June 2001": the report's year is
# the founding year and the count (in one sentence)
_ANNIVERSARY = re.compile(r"\b(\w+) (?:anniversary|birthday)\b[^.]{0,120}?\b(?:founded|established|"
                          r"created|signed|born|began|opened)\b[^.]{0,20}?\bin (?:[A-Z][a-z]+ )?((?:19|20)\d\d)\b")
_ISO = re.compile(r"(\d{4})-(\d{1,2})(?:-(\d{1,2}))?")
_DMY = re.compile(r"(\d{1,2}) ([A-Za-z]{3,9})\.? (\d{4})")
_MDY = re.compile(r"([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})")
_YEARS = re.compile(r"\b(?:19|20)\d\d\b")
# full dates anywhere in the text, to give a year-less dateline its year ("2024/06/18 10:12 KST",
# "Published June 13, 2015", "PHOTO: ... July 21, 2010")
_FULL_YMD = re.compile(r"\b((?:19|20)\d\d)[/.-](\d{1,2})[/.-](\d{1,2})\b")
_FULL_MDY = re.compile(r"\b([A-Z][a-z]{2,8})\.? (\d{1,2}),? ((?:19|20)\d\d)\b")
_FULL_DMY = re.compile(r"\b(\d{1,2}) ([A-Z][a-z]{2,8})\.? ((?:19|20)\d\d)\b")
_TAG = re.compile(r"<[^<>]{0,2000}>")

TEXT_EXT = {".txt", ".text", ".md", ".html", ".htm", ""}
FEED_EXT = {".xml", ".rss", ".atom"}
JSONL_EXT = {".jsonl", ".ndjson", ".json"}
#: separates several plain-text articles on stdin: a form feed (``printf '\f'``); or send JSON Lines
ARTICLE_SEPARATOR = b"\f"


@dataclass(frozen=True, slots=True)
class Article:
    source: str
    text: str
    published: DateSpan | None
    # header | date_line | dateline | dateline_year (a year-less dateline, its year inferred from the text) | text
    # (inferred: :func:`text_date`) | field | option | none
    basis: str


@dataclass(frozen=True, slots=True)
class Skipped:
    source: str
    reason: str


_NUMERIC = re.compile(r"(\d{1,2})([/.])(\d{1,2})\2((?:19|20)\d\d)\b")
_NUMERIC_YMD = re.compile(r"((?:19|20)\d\d)/(\d{1,2})/(\d{1,2})\b")


def parse_loose_date(value: str) -> DateSpan | None:
    """``2023-07-25``, ``2023-07``, ``25 July 2023``, ``July 25, 2023``, ``17/03/2012`` (day-first or month-first
    only where unambiguous), ``02.04.2018`` (dots: day-first), ``2012/03/17`` or an RFC 822 date; else None."""
    v = value.strip()
    try:
        if m := _ISO.match(v):
            return parse_date(m.group(0))
        if m := _NUMERIC.match(v):
            # "17/03/2012", "03/17/2012": day-first or month-first only when one of them exceeds 12; with dots
            # ("02.04.2018", the European and Russian style) always day-first
            a, b, yy = int(m[1]), int(m[3]), int(m[4])
            order = _numeric_order(a, b)
            if order == "dmy" or a == b or m[2] == "." and b <= 12:
                return DateSpan.day(date(yy, b, a))
            if order == "mdy":
                return DateSpan.day(date(yy, a, b))
            return None  # "04/05/2012": either order, never guessed
        if m := _NUMERIC_YMD.match(v):
            return DateSpan.day(date(int(m[1]), int(m[2]), int(m[3])))
        for rx, order in ((_DMY, "dmy"), (_MDY, "mdy")):
            m = rx.search(v)
            if m:
                d, mon, y = (m[1], m[2], m[3]) if order == "dmy" else (m[2], m[1], m[3])
                mo = _MONTHS.get(mon.lower())
                if mo:
                    return DateSpan.day(date(int(y), mo, int(d)))
    except (DateError, ValueError):
        return None
    return None


def _numeric_order(a: int, b: int) -> str | None:
    """ "dmy" when the first number can only be a day ("17/03"), "mdy" when the second can only be one ("03/17")."""
    return "dmy" if a > 12 >= b else "mdy" if b > 12 >= a else None


def _numeric_by_page(value: str, text: str) -> DateSpan | None:
    """ "Posted: 01/03/2007" (either order) read in the order of the page's other numeric dates: day first when
    one of them has a day above 12 ("Related: ... (31/01/2007)"), month first when one has such a day second;
    only the year when they do not say, or disagree; None for a value of another form."""
    m = _NUMERIC.match(value.strip())
    if m is None:
        return None
    orders = {order for o in _NUMERIC.finditer(text[:200_000])
              if o[2] == m[2] and (order := _numeric_order(int(o[1]), int(o[3]))) is not None}
    if len(orders) != 1:
        # never guessed, but the year is sure: better than a crawl date or a dateline's guess
        return DateSpan(date(int(m[4]), 1, 1), date(int(m[4]), 12, 31), "year")
    a, b = int(m[1]), int(m[3])
    day, month = (a, b) if orders == {"dmy"} else (b, a)
    try:
        return DateSpan.day(date(int(m[4]), month, day))
    except ValueError:
        return None


def header_date(text: str) -> tuple[str, DateSpan | None, str]:
    """The publication date stated by the text itself, and the text with a leading header blanked."""
    m = _HEADER.match(text)
    if m:
        try:
            span = parse_date(m[1])
            return " " * m.end() + text[m.end():], span, "header"
        except DateError:
            pass
    head = text[:2000]
    m = _DATE_LINE.search(head)
    if m and (loose := parse_loose_date(m[1]) or _numeric_by_page(m[1], text)):
        return text, loose, "date_line"
    first = text[:400]
    # "MOSCOW, July 25, 2023 (" and "MINSK, 23 November 2023 (": the groups holding month and day
    for rx, mon, day in ((_DATELINE_MDY, 1, 2), (_DATELINE_DMY, 2, 1)):
        m = rx.search(first)
        if m and (mo := _MONTHS.get(m[mon].lower())):
            try:
                return text, DateSpan.day(date(int(m[3]), mo, int(m[day]))), "dateline"
            except ValueError:
                pass
    m = _DATELINE_CITY.search(first) or _DATELINE_CAPS.search(first)
    if m and (mo := _MONTHS.get(m[1].lower())):
        year = int(m[3]) if m[3] else 0
        if not year:
            year = _year_near(text[:200_000], mo, int(m[2]))
        if not year and (ago := _years_ago(text[:200_000])):
            year = _one_year(text, m.end(), mo, int(m[2]), ago)
        if not year:
            years = set(_YEARS.findall(text[:200_000]))
            year = _year_by_weekday(text, m.end(), mo, int(m[2]), years)
            if year == 0 and len(years) == 1:
                year = _one_year(text, m.end(), mo, int(m[2]), int(years.pop()))
        if not year:  # (the lead's editions first: "COP29" before "COP30" named further down)
            year = _year_by_edition(text[m.end():m.end() + _LEAD_CHARS], mo, int(m[2])) or \
                _year_by_edition(text[:200_000], mo, int(m[2]))
        if year:
            try:
                # ("dateline_year": the dateline gives no year, the text's clues gave it)
                return text, DateSpan.day(date(year, mo, int(m[2]))), "dateline" if m[3] else "dateline_year"
            except ValueError:
                pass
    found = text_date(text)
    if found is not None:
        return text, found, "text"
    return text, None, "none"


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# "on Tuesday, 12 March 2024", "Tuesday, March 12, 2024": a day named with its weekday
_WEEKDAY = "|".join(w.capitalize() for w in _WEEKDAYS)
_WEEKDAY_DMY = re.compile(rf"\b({_WEEKDAY}),? (\d{{1,2}}) ([A-Z][a-z]{{2,8}})\.?,? ((?:19|20)\d\d)\b")
_WEEKDAY_MDY = re.compile(rf"\b({_WEEKDAY}),? ([A-Z][a-z]{{2,8}})\.? (\d{{1,2}}),? ((?:19|20)\d\d)\b")
_THIS_YEAR = re.compile(r"\bthis year,? \(?((?:19|20)\d\d)\b", re.I)


def text_date(text: str) -> DateSpan | None:
    """The publication date the text itself implies when it has no header or dateline, only when unambiguous:
    the one day it names with a matching weekday ("on Tuesday, 12 March 2024"; every such day the same), else
    the one year it calls "this year" ("this year 2024"); None otherwise (the trips' dates then stay
    unresolved)."""
    days: set[date] = set()
    body = text[:200_000]
    for rx, order in ((_WEEKDAY_DMY, "dmy"), (_WEEKDAY_MDY, "mdy")):
        for m in rx.finditer(body):
            mon, d = (m[3], m[2]) if order == "dmy" else (m[2], m[3])
            mo = _MONTHS.get(mon.lower())
            if not mo:
                continue
            try:
                day = date(int(m[4]), mo, int(d))
            except ValueError:
                continue
            if _WEEKDAYS[day.weekday()] == m[1].lower():
                days.add(day)
    if len(days) == 1:
        day = days.pop()
        # a text naming a later day than this one was not written on it (a caption's old photo)
        return None if _latest_full_date(body) > day + timedelta(days=7) else DateSpan.day(day)
    if days:
        return None
    years = {int(m[1]) for m in _THIS_YEAR.finditer(body)}
    if len(years) == 1:
        return parse_date(str(years.pop()))
    return None


def _full_dates(text: str) -> Iterator[date]:
    """Every full date ("March 12, 2024", "12 March 2024", "2024/03/12") written in ``text``."""
    for rx, order in ((_FULL_YMD, "ymd"), (_FULL_MDY, "mdy"), (_FULL_DMY, "dmy")):
        for m in rx.finditer(text):
            if order == "ymd":
                y, mo, d = int(m[1]), int(m[2]), int(m[3])
            else:
                mon, d, y = (m[1], int(m[2]), int(m[3])) if order == "mdy" else (m[2], int(m[1]), int(m[3]))
                mo = _MONTHS.get(mon.lower(), 0)
            if not 1 <= mo <= 12 or not 1 <= d <= 31:
                continue
            try:
                yield date(y, mo, d)
            except ValueError:
                continue


def _latest_full_date(text: str) -> date:
    """The latest full date written in ``text`` (``date.min`` when none)."""
    return max(_full_dates(text), default=date.min)


_ON_WEEKDAY = re.compile(r"\bon (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")


def _year_by_weekday(text: str, at: int, month: int, day: int, years: set[str]) -> int:
    """The year of a year-less dateline ("KHARTOUM, May 20 (Wire) - ... said on Saturday") from the years the
    text names (and the one after each): the only one in which that day falls on the first weekday the lead
    names; 0 when none or several do."""
    lead = _ON_WEEKDAY.findall(text, at, at + 400)
    if not lead or not years:
        return 0
    want = {_WEEKDAYS.index(lead[0].lower())}  # (the lead's first weekday: the day the news is of)
    fits = set()
    latest = sorted({int(y) for y in years})[-2:]  # (a report is of the latest years it names, not its background)
    for y in {y + k for y in latest for k in (0, 1)}:
        try:
            if date(y, month, day).weekday() in want:
                fits.add(y)
        except ValueError:
            continue
    return fits.pop() if len(fits) == 1 else 0


def _one_year(text: str, at: int, month: int, day: int, year: int) -> int:
    """The one year a text names, for its year-less dateline: not when the lead's first weekday is neither the
    dateline's day nor the day before in that year ("the 1972 treaty" in a report "on Saturday" of June 16: a
    Friday in 1972). 0 when it does not fit."""
    lead = _ON_WEEKDAY.search(text, at, at + 400)
    if lead is None:
        return year
    try:
        wd = date(year, month, day).weekday()
    except ValueError:
        return 0
    return year if _WEEKDAYS.index(lead[1].lower()) in (wd, (wd - 1) % 7) else 0


def _years_ago(text: str) -> int:
    """The report's year from "N years ago, in YEAR" (or "in YEAR, N years ago"), or "its fifth anniversary ...
    founded in YEAR", when every such phrase agrees; 0 when none or they disagree."""
    found = set()
    for m in _YEARS_AGO.finditer(text):
        n, y = (m[1], m[2]) if m[2] else (m[4], m[3])
        k = int(n) if n.isdigit() else _COUNTS.get(n.lower(), 0)
        if k:
            found.add(int(y) + k)
    for m in _ANNIVERSARY.finditer(text):
        n, y = m[1].lower(), m[2]
        num = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", n)
        k = int(num[1]) if num else _COUNTS.get(n, 0) if n.endswith(("nd", "rd", "th")) else 0
        if k:
            found.add(int(y) + k)
    return found.pop() if len(found) == 1 else 0


_EDITION_DAYS = 14  # a dateline this close to an edition's days is of that edition
_LEAD_CHARS = 600  # the lead: the characters right after a dateline


def _year_by_edition(text: str, month: int, day: int) -> int:
    """The year of a year-less dateline ("BAKU, Nov 12 - ... the leaders' segment of COP29") from the event
    editions the text names by number or year (``data/events.csv``): the one year in which such an edition falls
    within two weeks of that day; 0 when none or several do (an edition named without its number is no clue:
    "the G20 summit" alone fits some year near almost any day)."""
    from ..events import edition_hint, editions, series_spans

    years: set[int] = set()
    for a, b, sid in series_spans(text):
        num, named_year = edition_hint(text[a:b])
        if num is None and named_year is None:
            continue  # ("the G20 summit" in Brisbane: some edition of every year is near some day)
        for ed in editions(sid):
            if num is not None and ed.number != num or named_year is not None and ed.start.year != named_year:
                continue
            for y in {ed.start.year, ed.end.year}:
                try:
                    day_told = date(y, month, day)
                except ValueError:
                    continue
                if ed.start - timedelta(days=_EDITION_DAYS) <= day_told <= ed.end + timedelta(days=_EDITION_DAYS):
                    years.add(y)
    return years.pop() if len(years) == 1 else 0


def _year_near(text: str, month: int, day: int) -> int:
    """The year of the full dates in ``text`` within a week of ``month``/``day`` (a dateline's), if one."""
    years: set[int] = set()
    for seen in _full_dates(text):
        for yy in (seen.year - 1, seen.year, seen.year + 1):  # "Jan 2" datelines near "December 30, 2023"
            try:
                if abs((date(yy, month, day) - seen).days) <= 7:
                    years.add(yy)
            except ValueError:
                continue
    return years.pop() if len(years) == 1 else 0


_MONTH_RX = (r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]{0,6}\.?")
# a dateline's date: "MOSCOW, November 25. /TASS/.", "Tel Aviv [Israel], January 28 (ANI):", "LONDON, July 25
# (Reuters) -"; and "November 4, 2018 (KHARTOUM) -" (the date first)
_DATELINE_DATE = re.compile(
    r"(?m)^[ \t]{0,8}[A-Z][A-Za-z.'\- ]{1,40}(?:[ \t]?\[[^\]\n]{1,30}\])?,[ \t]{0,3}"
    r"(" + _MONTH_RX + r"[ \t]\d{1,2}(?:,?[ \t]\d{4})?\.?)(?=[ \t]{0,3}(?:\(|/|[-–—:]))"
    r"|^[ \t]{0,8}(" + _MONTH_RX + r"[ \t]\d{1,2},?[ \t]\d{4})(?=[ \t]{0,3}\([A-Z][A-Za-z .'\-]{1,40}\)[ \t]{0,3}[-–—:])")
_STAMP_WORDS = frozenset(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "january", "february", "march", "april", "june", "july", "august", "september", "october", "november", "december", "mon", "tue", "wed", "thu", "fri", "sat", "sun", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "am", "pm", "a", "m", "p", "gmt", "utc", "est", "edt", "cet", "cest", "bst", "ist", "kst", "jst", "msk", "pst", "pdt", "updated", "published", "posted", "last", "modified", "on", "at", "date", "dated", "time", "local"])
_LINE = re.compile(r"[^\n]*")
_STAMP_TOKEN = re.compile(r"[A-Za-z]+|\d+")


def blank_stamps(text: str, published: DateSpan | None = None) -> str:
    """``text`` with page stamps blanked (same length, so offsets still hold): lines that are only a date and
    time ("Tuesday, September 17, 2024", "2011-06-28 10:06", "06:44 GMT 06.07.2025 (Updated: ...)"; not a year alone), and the
    date of a dateline ("MOSCOW, July 25 (Reuters) -") unless it is the publication day itself (which the lead's
    undated news then keeps). A crawl date or a stale stamp is never the date of a trip."""
    out = list(text)
    changed = False
    for m in _LINE.finditer(text):
        line = m.group()
        if not line.strip() or len(line) > 90 or not any(c.isdigit() for c in line):
            continue
        toks = _STAMP_TOKEN.findall(line)
        if len(toks) == 1 and toks[0].isdigit():
            continue  # "2011" alone on a line: a heading for the year-less dates under it (:mod:`.timeline`)
        if toks and all(t.isdigit() or t.lower() in _STAMP_WORDS for t in toks) and \
                (_YEARS.search(line) or any(t.lower() in _MONTHS for t in toks)):
            out[m.start():m.end()] = " " * len(line)
            changed = True
    for m in _DATELINE_DATE.finditer(text, 0, 3000):
        g = 1 if m.group(1) else 2
        if published is not None and _same_day(m.group(g), published):
            continue
        out[m.start(g):m.end(g)] = " " * (m.end(g) - m.start(g))
        changed = True
    return "".join(out) if changed else text


def _same_day(stamp: str, published: DateSpan) -> bool:
    """True when a dateline's "Month D[, YYYY]" names a day of ``published``."""
    m = re.match(r"([A-Za-z]+)\.? (\d{1,2})(?:,? (\d{4}))?", stamp)
    if not m or not (mo := _MONTHS.get(m[1].lower())):
        return False
    years = [int(m[3])] if m[3] else [published.start.year, published.end.year]
    for y in years:
        try:
            if published.start <= date(y, mo, int(m[2])) <= published.end:
                return True
        except ValueError:
            continue
    return False


# words that scraping glues to the name before them ("Kazakhstanwhere", "Orbanin Budapest"); not "is"/"as"/"an"
# (Israelis, Malian)
_GLUE = ("where", "which", "who", "when", "while", "in", "to", "and", "on", "for", "with", "at", "from", "after",
         "before", "during", "was", "has", "had", "will", "said", "the", "this", "last", "next")
_CAP_WORD = re.compile(r"\b[A-Z][a-z]{2,40}\b")
_GLUED_AFTER = re.compile(r"\b[A-Z][a-z]{5,45}\b")
_GLUED_BEFORE = re.compile(r"\b([a-z]{2,40}|[A-Z][a-z]{2,40})([A-Z][a-z]{2,40})\b")
_KNOWN_PLACES: set[str] = set()


def _known_places() -> set[str]:
    """Single-word country, territory and capital names, lower case (loaded once)."""
    if not _KNOWN_PLACES:
        from ..places import place_names

        _KNOWN_PLACES.update(k for k, names in place_names().items() if " " not in k and len(k) >= 4
                             and any(pn.kind in ("country", "territory", "capital") for pn in names))
        _KNOWN_PLACES.add("")  # loaded, even if the data has no names
    return _KNOWN_PLACES


def repair_glued(text: str) -> str:
    """Spaces back between a known name and a word scraping glued to it: "Kazakhstanwhere" -> "Kazakhstan
    where", "Orbanin Budapest" -> "Orban in Budapest", "visitedKazakhstan" -> "visited Kazakhstan".

    A name is known when it is a country, territory or capital, or stands alone as a capitalised word elsewhere
    in the same text; a glued form that itself stands alone elsewhere is left as it is. (The text grows by one
    character per repair: offsets refer to the text as read.)
    """
    if not any(c.isupper() for c in text[1:]):
        return text
    counts = Counter(_CAP_WORD.findall(text))
    words = set(counts)
    places = _known_places()

    def known(w: str) -> bool:
        return w in words or w.lower() in places

    def after(m: re.Match[str]) -> str:
        w = m.group()
        if counts[w] > 1:
            return w  # it stands alone more than once: a word of its own
        for g in _GLUE:
            stem = w[: -len(g)]
            if w.endswith(g) and len(stem) >= 4 and known(stem) and w.lower() not in places:
                return f"{stem} {g}"
        return w

    def before(m: re.Match[str]) -> str:
        left, right = m.group(1), m.group(2)
        if known(right) and (left.islower() or known(left)) and m.group().lower() not in places:
            return f"{left} {right}"
        return m.group()

    return _GLUED_BEFORE.sub(before, _GLUED_AFTER.sub(after, text))


def decode(data: bytes) -> str | None:
    """Text of ``data`` (UTF-8, or UTF-16 with a BOM); None for binary or undecodable bytes."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            return None
    if b"\x00" in data[:8192]:
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


def _article(source: str, text: str, published: DateSpan | None, override: DateSpan | None,
             basis: str = "field") -> Article:
    body, found, how = header_date(text)
    pub = override if override is not None else published if published is not None else found
    body = repair_glued(blank_stamps(body, pub))
    if override is not None:
        return Article(source, body, override, "option")
    if published is not None:
        return Article(source, body, published, basis)
    return Article(source, body, found, how)


def _kind(path: str, data: bytes) -> str:
    ext = Path(path).suffix.lower()
    if ext in FEED_EXT:
        return "feed"
    if ext in (".jsonl", ".ndjson"):
        return "jsonl"
    if ext == ".csv":
        return "csv"
    head = data[:512].lstrip()
    if head.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf")):
        return "feed"
    if head.startswith(b"{") and ext in ("", ".json", ".jsonl", ".txt"):
        return "jsonl"
    return "text"


def read_bytes(source: str, data: bytes, *, override: DateSpan | None = None,
               text_col: str = "text", kind: str | None = None) -> Iterator[Article | Skipped]:
    """Articles in one input's bytes, by ``kind`` (feed, jsonl, csv, text; default: by extension, then
    content)."""
    kind = kind or _kind(source, data)
    if kind == "feed":
        yield from _feed(source, data, override)
        return
    text = decode(data)
    if text is None:
        yield Skipped(source, "binary or not UTF-8 text")
        return
    if not text.strip():
        yield Skipped(source, "empty")
        return
    if kind == "jsonl":
        yield from _jsonl(source, text, override)
    elif kind == "csv":
        yield from _csv(source, text, override, text_col)
    else:
        yield _article(source, text, None, override)


def _jsonl(source: str, text: str, override: DateSpan | None) -> Iterator[Article | Skipped]:
    lines = text.splitlines()
    if len(lines) == 1 or text.lstrip().startswith("["):
        try:
            whole = json.loads(text)
        except (ValueError, RecursionError):
            whole = None
        if isinstance(whole, list):
            for n, rec in enumerate(whole, 1):
                yield from _record(f"{source}:{n}", rec, override)
            return
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except (ValueError, RecursionError):
            yield Skipped(f"{source}:{n}", "not a JSON object")
            continue
        yield from _record(f"{source}:{n}", rec, override)


def _record(where: str, rec: object, override: DateSpan | None) -> Iterator[Article | Skipped]:
    if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
        yield Skipped(where, "no 'text' field")
        return
    src = str(rec.get("id") or rec.get("url") or where)
    pub = parse_loose_date(str(rec["published"])) if rec.get("published") else None
    yield _article(src, rec["text"], pub, override)


def _csv(source: str, text: str, override: DateSpan | None, text_col: str) -> Iterator[Article | Skipped]:
    csv.field_size_limit(1 << 30)
    try:
        reader = csv.DictReader(io.StringIO(text))
        fields = reader.fieldnames or []
        if text_col not in fields:  # not a CSV of articles: skip it (a line on stderr), go on with the rest
            yield Skipped(source, f"not articles: no column {text_col!r} "
                                  f"(columns: {', '.join(fields) or 'none'}); use --text-col")
            return
        for row in reader:
            where = f"{source}:{reader.line_num}"
            body = row.get(text_col) or ""
            if not body.strip():
                yield Skipped(where, "empty text")
                continue
            pub_raw = row.get("published") or row.get("date") or ""
            pub = parse_loose_date(pub_raw) if pub_raw else None
            src = row.get("id") or row.get("url") or where
            yield _article(src, body, pub, override)
    except csv.Error as exc:
        yield Skipped(source, f"bad CSV: {exc}")


def _feed(source: str, data: bytes, override: DateSpan | None) -> Iterator[Article | Skipped]:
    import feedparser

    try:
        parsed = feedparser.parse(data)
    except Exception as exc:  # feedparser is defensive, but a parser bug must not crash a run
        yield Skipped(source, f"unreadable feed: {type(exc).__name__}")
        return
    if not parsed.entries:
        yield Skipped(source, "feed with no entries" if not parsed.bozo else "not a readable feed")
        return
    for n, e in enumerate(parsed.entries, 1):
        parts = [e.get("title", "")]
        for c in e.get("content", []) or []:
            parts.append(c.get("value", ""))
        if len(parts) == 1:
            parts.append(e.get("summary", ""))
        body = "\n".join(_TAG.sub(" ", p) for p in parts if p)
        pub = None
        stamp = e.get("published_parsed") or e.get("updated_parsed")
        if stamp:
            try:
                pub = DateSpan.day(date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday))
            except ValueError:
                pub = None
        src = e.get("link") or e.get("id") or f"{source}:{n}"
        if not body.strip():
            yield Skipped(src, "empty entry")
            continue
        yield _article(src, body, pub, override)


#: what ``-`` (stdin) holds: ``auto`` (JSON Lines when it starts with ``{``, else text), ``text`` (one article,
#: or several separated by :data:`ARTICLE_SEPARATOR`), ``jsonl`` (one JSON object with ``text`` a line)
STDIN_FORMATS = ("auto", "text", "jsonl")


def iter_inputs(paths: list[str], *, override: DateSpan | None = None, text_col: str = "text",
                stdin: io.BufferedIOBase | None = None, stdin_format: str = "auto") -> Iterator[Article | Skipped]:
    """Articles from files, folders (recursively, sorted, hidden files skipped) and ``-`` (stdin).

    Raises :class:`InputError` for a path that does not exist.
    """
    for p in paths:
        if p == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            data = stream.read()
            if stdin_format == "jsonl":
                yield from _stdin_jsonl(data, override)
                continue
            kind = "text" if stdin_format == "text" else _kind("-", data)
            if ARTICLE_SEPARATOR in data and kind == "text":
                # several articles on stdin, separated by form feeds (printf '\f')
                parts = [part for part in data.split(ARTICLE_SEPARATOR) if part.strip()]
                for n, part in enumerate(parts, 1):
                    yield from read_bytes(f"stdin:{n}", part, override=override, text_col=text_col,
                                          kind="text" if stdin_format == "text" else None)
                continue
            yield from read_bytes("-", data, override=override, text_col=text_col,
                                  kind="text" if stdin_format == "text" else None)
            continue
        path = Path(p)
        if path.is_dir():
            files = sorted(f for f in path.rglob("*") if f.is_file()
                           and not any(part.startswith(".") for part in f.relative_to(path).parts))
            for f in files:
                yield from _file(f, override, text_col)
        elif path.is_file():
            yield from _file(path, override, text_col)
        else:
            raise InputError(f"{p}: no such file or folder")


def _stdin_jsonl(data: bytes, override: DateSpan | None) -> Iterator[Article | Skipped]:
    text = decode(data)
    if text is None:
        yield Skipped("stdin", "binary or not UTF-8 text")
    elif not text.strip():
        yield Skipped("stdin", "empty")
    else:
        yield from _jsonl("stdin", text, override)


def _file(path: Path, override: DateSpan | None, text_col: str) -> Iterator[Article | Skipped]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield Skipped(str(path), f"cannot read: {exc.strerror}")
        return
    yield from read_bytes(str(path), data, override=override, text_col=text_col)
