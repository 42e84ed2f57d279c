"""Date expressions in news text, and their resolution against the publication date.

The grammar works on a sentence's tokens (bounded look-ahead, so linear time). An expression is kept
unresolved (:class:`DateExpr`) until the trip's tense is known: "in January" in a November article is
next January for a planned trip and last January for a completed one.

Expressions anchored to the story rather than to the report ("earlier in the day", "the next day",
"a few days earlier", "two weeks later"; kind ``anchor`` in ``tables/dates.csv`` and the ``N units
earlier/later`` grammar) resolve against the date of the trip under discussion when the caller knows it
(``anchor=``), else against the publication day ("earlier" only: "later" needs a trip to be later than).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from ..dates import DateSpan
from . import tables

_DAYNUM = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?")
_YEAR = re.compile(r"(19|20)\d\d")
_NUMWORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
             "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20}


LOWER_OK: set[str] = set()  # month and weekday names written in lower case (French)


_Rel = dict[tuple[str, ...], tuple[str, int]]


_HEDGES = frozenset({"just", "over", "under", "less", "more", "than", "about", "nearly", "almost", "barely", "only"})


def _in_span(toks: list[Tok], i: int) -> bool:
    """ "(second trip) in just over a year", "within two years": how long, not when (the amount starts at ``i``);
    "came less than three months after he travelled" stays a date."""
    k = i - 1
    while k >= 0 and i - k <= 4 and toks[k].word in _HEDGES:
        k -= 1
    return k >= 0 and toks[k].word in ("in", "within")


def _tables() -> tuple[dict[str, int], dict[str, int], _Rel, dict[str, tuple[int, int]], _Rel]:
    months: dict[str, int] = {}
    weekdays: dict[str, int] = {}
    rel: _Rel = {}
    anchored: _Rel = {}
    seasons: dict[str, tuple[int, int]] = {}
    for row in tables.load("dates"):
        kind, value, phrase = row["kind"], row["value"], row["phrase"]
        if kind.endswith("_lc"):
            LOWER_OK.add(phrase)
        if kind in ("month", "month_lc"):
            months[phrase] = int(value)
        elif kind in ("weekday", "weekday_lc"):
            weekdays[phrase] = int(value)
        elif kind in ("rel", "anchor"):
            unit, _, n = value.partition(":")
            (rel if kind == "rel" else anchored)[tuple(phrase.split())] = (unit, int(n))
        elif kind == "season":
            a, _, b = value.partition("-")
            seasons[phrase] = (int(a), int(b))
    return months, weekdays, rel, seasons, anchored


MONTHS, WEEKDAYS, REL, SEASONS, ANCHORED = _tables()
_REL_MAX = max((len(k) for k in (*REL, *ANCHORED)), default=1)
_UNITS = {"day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month", "months": "month",
          "year": "year", "years": "year"}
_VAGUE = frozenset({"few", "several", "couple"})  # "a few days later", "several weeks earlier"


@dataclass(slots=True)
class Tok:
    """A token of a sentence: original offsets, folded word, whether capitalised, text before it."""

    start: int
    end: int
    word: str
    cap: bool
    gap: str  # original characters between the previous token and this one


@dataclass(frozen=True, slots=True)
class DateExpr:
    """A date expression found at tokens ``[i, j)``; resolved later with :func:`resolve`."""

    i: int
    j: int
    kind: str  # abs | weekday | rel | ago | season | anchor | dom (a day of the month: "on the 20th")
    years: tuple[int, ...] = ()
    month: int = 0
    day: int = 0
    month2: int = 0
    day2: int = 0
    weekday: int = -1
    unit: str = ""
    n: int = 0
    season: tuple[int, int] = (0, 0)
    extra: dict[str, str] = field(default_factory=dict, compare=False)


def _daynum(w: str) -> int:
    m = _DAYNUM.fullmatch(w)
    if m:
        d = int(m[1])
        if 1 <= d <= 31:
            return d
    return 0


def _year(w: str) -> int:
    return int(w) if len(w) == 4 and _YEAR.fullmatch(w) else 0


def _is_month(toks: list[Tok], i: int) -> int:
    t = toks[i]
    m = MONTHS.get(t.word, 0)
    if not m or not (t.cap or t.word in LOWER_OK):
        return 0
    if t.word in ("may", "march") or len(t.word) <= 4:
        # "May" and "March" are also words; abbreviations must look like dates ("the July summit" does)
        prev = toks[i - 1].word if i > 0 else ""
        nxt = toks[i + 1].word if i + 1 < len(toks) else ""
        if not (_daynum(nxt) or _year(nxt) or (i > 0 and _daynum(prev)) or prev in (
                "in", "since", "of", "until", "by", "last", "next", "early", "late", "mid", "this", "from", "on",
                "before", "after", "during", "between", "and", "to", "or", "en", "в", "the")
                or prev == "for" and t.word in ("june", "july")):  # "planned for June" (not "for May", "Mar-a-Lago")
            return 0
    return m


_STARTERS = frozenset({k[0] for k in (*REL, *ANCHORED)} | set(MONTHS) | set(WEEKDAYS) | set(_NUMWORDS) | _VAGUE
                      | set(_UNITS) | set(SEASONS) | {"last", "next", "this", "the"})
_SEASON_PREPS = frozenset({"in", "during", "over", "through", "until", "by"})


_ANAPHORIC = frozenset({"that", "previous", "following"})
_FIRST = _STARTERS | _ANAPHORIC


def find(toks: list[Tok]) -> list[DateExpr]:
    """Every date expression among ``toks``, left to right, not overlapping."""
    out: list[DateExpr] = []
    n = len(toks)
    # only tokens that can start a date are looked at (a date ends before the next candidate is tried)
    cands = [k for k, t in enumerate(toks) if t.word in _FIRST or t.word[:1].isdigit()]
    nxt = 0
    for i in cands:
        if i < nxt:
            continue
        w = toks[i].word
        if w in _ANAPHORIC and i + 1 < n and toks[i + 1].cap and (m := MONTHS.get(toks[i + 1].word, 0)):
            # "in July 2024 ... and was in Kazan that October", "the previous March": the month of the year
            # this sentence has just named
            anchor = next((e for e in reversed(out) if e.kind == "abs" and e.years), None)
            if anchor is not None:
                y, am = anchor.years[-1], anchor.month
                if w == "previous" and (not am or m >= am):
                    y -= 1
                elif w == "following" and (not am or m <= am):
                    y += 1
                out.append(DateExpr(i, i + 2, "abs", years=(y,), month=m))
                nxt = i + 2
                continue
        if w not in _STARTERS and not w[:1].isdigit():
            continue
        e = _at(toks, i, n)
        if e is not None:
            e = _month_of_that_year(toks, e, out)
            if e.kind == "anchor" and e.unit == "day" and e.n == 0 and not e.extra:
                # "arrested on 11 March and flown to The Hague that night", "On 13 December ... the same evening":
                # the day this sentence has just named, not the trip told before it
                day = next((x for x in reversed(out) if x.kind == "abs" and x.day and not x.day2), None)
                if day is not None:
                    e = DateExpr(e.i, e.j, "abs", years=day.years, month=day.month, day=day.day, extra=dict(day.extra))
            out.append(e)
            nxt = max(e.j, i + 1)
    return _month_ranges(toks, _opening_year(out))


_OPENING_WORDS = 4  # a year "opens" the sentence within its first words ("Before that, last year, he went ...")


def _opening_year(out: list[DateExpr]) -> list[DateExpr]:
    """ "Next year the leaders move on to Evian, where Putin is expected in June", "Last year he went to New Delhi
    in April and to Minsk in May": a month without a year takes the year that opens the sentence ("Next year",
    "Last year", "In 2003"), when every other date of the sentence is such a month."""
    if len(out) < 2 or out[0].i > _OPENING_WORDS:
        return out
    first, rest = out[0], out[1:]
    if any(e.kind != "abs" or not e.month or e.years or e.extra for e in rest):
        return out
    relative = first.kind == "rel" and first.unit == "year" and first.n in (-1, 0, 1) and not first.extra
    # the sentence's first words; a little further in ("Before that, last year, ...") only "last year" / "next
    # year" before a list of months
    if not (first.i <= 1 or relative and len(out) > 2):
        return out
    if relative:
        return [first] + [DateExpr(e.i, e.j, "abs", month=e.month, day=e.day, month2=e.month2, day2=e.day2,
                                   extra={"yoff": str(first.n)}) for e in rest]
    if first.kind == "abs" and len(first.years) == 1 and not first.month and not first.extra:
        return [first] + [DateExpr(e.i, e.j, "abs", years=first.years, month=e.month, day=e.day, month2=e.month2,
                                   day2=e.day2) for e in rest]
    return out


# "in November that year", "in March of the following year": a month of a year named before
_THAT_YEAR = {("that", "year"): 0, ("of", "that", "year"): 0, ("the", "same", "year"): 0, ("that", "same", "year"): 0,
              ("of", "the", "same", "year"): 0, ("the", "following", "year"): 1, ("of", "the", "following", "year"): 1,
              ("the", "next", "year"): 1, ("of", "the", "next", "year"): 1, ("the", "previous", "year"): -1,
              ("of", "the", "previous", "year"): -1}


def _month_of_that_year(toks: list[Tok], e: DateExpr, out: list[DateExpr]) -> DateExpr:
    """A month without a year followed by "that year" / "the following year": the year of the last year the
    sentence named, else marked (``extra["yearref"]``, the offset) for the article's last named year."""
    if e.kind != "abs" or not e.month or e.years:
        return e
    words = [t.word for t in toks[e.j:e.j + 4]]
    for k in (4, 3, 2):
        off = _THAT_YEAR.get(tuple(words[:k]))
        if off is None:
            continue
        before = next((x for x in reversed(out) if x.kind == "abs" and x.years), None)
        if before is not None:
            return DateExpr(e.i, e.j + k, "abs", years=(before.years[-1] + off,), month=e.month, day=e.day,
                            month2=e.month2, day2=e.day2)
        return DateExpr(e.i, e.j + k, "abs", month=e.month, day=e.day, month2=e.month2, day2=e.day2,
                        extra={"yearref": str(off)})
    return e


_RANGE_OPEN = {"between": ("and",), "from": ("to", "until", "till", "through")}


def _month_ranges(toks: list[Tok], found: list[DateExpr]) -> list[DateExpr]:
    """ "between March and May", "from June to August 2024", "between 2019 and 2021": one window, not two
    dates."""
    for n, e in enumerate(found):
        if e.kind == "abs" and not e.month and len(e.years) == 2 and e.i > 0 and toks[e.i - 1].word == "between" \
                and e.years[0] < e.years[1]:
            found[n] = DateExpr(e.i, e.j, "abs", years=e.years, extra={"years": "1"})  # "between 2019 and 2021"
    if len(found) < 2:
        return found
    out: list[DateExpr] = []
    k = 0
    while k < len(found):
        e = found[k]
        f = found[k + 1] if k + 1 < len(found) else None
        if f is not None and e.i > 0 and e.kind == f.kind == "abs" and e.month and f.month and not e.day \
                and not f.day and not e.month2 and not f.month2 and f.i == e.j + 1 and \
                toks[e.j].word in _RANGE_OPEN.get(toks[e.i - 1].word, ()) and \
                len(e.years) <= 1 and len(f.years) <= 1 and not e.extra and set(f.extra) <= {"yoff"}:
            years = e.years or f.years
            if e.years and f.years and f.years[0] != e.years[0] + (f.month < e.month):
                out.append(e)
                k += 1
                continue
            out.append(DateExpr(e.i, f.j, "abs", years=years, month=e.month, month2=f.month,
                                extra={"months": "1", **f.extra}))
            k += 2
            continue
        out.append(e)
        k += 1
    return out


def _at(toks: list[Tok], i: int, n: int) -> DateExpr | None:
    w = toks[i].word
    # relative phrases: "this week", "next month", "last year's"; anchored ones: "the next day"
    for k in range(min(_REL_MAX, n - i), 0, -1):
        key = tuple(t.word for t in toks[i : i + k])
        if key in REL:
            unit, off = REL[key]
            return DateExpr(i, i + k, "rel", unit=unit, n=off)
        if key in ANCHORED:
            unit, off = ANCHORED[key]
            return DateExpr(i, i + k, "anchor", unit=unit, n=off)
    # "two days later", "a few days earlier", "weeks later", "three months before": counted from the trip
    # under discussion (numbers up to 99; "a few"/"several" is a vague span)
    k = i
    num = 0
    vague = False
    if w in ("a", "an") and k + 1 < n and toks[k + 1].word in _VAGUE:
        k, vague = k + 2, True
    elif w in _VAGUE:
        k, vague = k + 1, True
    elif (num := _NUMWORDS.get(w) or (int(w) if w.isdigit() and len(w) <= 2 else 0)):
        k += 1
    elif w in _UNITS and w.endswith("s"):
        vague = True  # "days later"
    if (num or vague) and k < n and toks[k].word in ("day", "days", "week", "weeks") and (
            k + 1 < n and toks[k + 1].word == "ago" or (num and i > 0 and toks[i - 1].word == "in" and not (
                k + 1 < n and toks[k + 1].word in ("earlier", "later", "ago", "after", "before")))):
        # "a few days ago", "three days ago" (before the report); "in two weeks", "in three days" (after it)
        unit = _UNITS[toks[k].word]
        ago = k + 1 < n and toks[k + 1].word == "ago"
        if vague:
            return DateExpr(i, k + 2, "anchor", unit=unit + "s", n=-1, extra={"from": "pub"})
        return DateExpr(i, k + 2 if ago else k + 1, "anchor", unit=unit, n=-num if ago else num, extra={"from": "pub"})
    if (num or vague) and k + 1 < n and toks[k].word in _UNITS and toks[k + 1].word in ("earlier", "later") \
            and not toks[k + 1].gap.strip():
        sign = -1 if toks[k + 1].word == "earlier" else 1
        unit = _UNITS[toks[k].word]
        if vague:
            return DateExpr(i, k + 2, "anchor", unit=unit + "s", n=sign)
        if unit in ("week", "month", "year") and sign < 0:
            return DateExpr(i, k + 2, "ago", unit=unit, n=num, extra={"anchored": "1"})
        return DateExpr(i, k + 2, "anchor", unit=unit, n=sign * num)
    # "last November", "next January", "last fall", "this summer"
    if w in ("last", "next", "this") and i + 1 < n:
        m = MONTHS.get(toks[i + 1].word, 0) if toks[i + 1].cap else 0
        if m:
            return DateExpr(i, i + 2, "abs", month=m, extra={"dir": w})
        s = SEASONS.get(toks[i + 1].word)
        if s:
            return DateExpr(i, i + 2, "season", season=s, extra={"dir": w})
    # "on the 20th", "the 3rd of June": a day of the month (this month's, or the nearest on the trip's side)
    if w == "the" and i + 1 < n and toks[i + 1].word[-2:] in ("st", "nd", "rd", "th") and \
            (d := _daynum(toks[i + 1].word)):
        j = i + 2
        if j + 1 < n and toks[j].word == "of" and (m := _is_month(toks, j + 1)):
            y = _year(toks[j + 2].word) if j + 2 < n else 0
            return DateExpr(i, j + 3 if y else j + 2, "abs", years=(y,) if y else (), month=m, day=d)
        if not (j < n and _is_month(toks, j)) and i > 0 and toks[i - 1].word in ("on", "by", "until"):
            return DateExpr(i, j, "dom", day=d)
    # "in the spring", "during the summer of 2023", "winter 2022": a season, of a year or the nearest one
    k = i + 1 if w == "the" else i
    if k < n and toks[k].word in SEASONS and (w != "the" or i > 0 and toks[i - 1].word in _SEASON_PREPS):
        season = SEASONS[toks[k].word]
        j = k + 1
        y = 0
        if j + 1 < n and toks[j].word == "of" and (y := _year(toks[j + 1].word)):
            j += 2
        elif j < n and (y := _year(toks[j].word)):
            j += 1
        if y:
            return DateExpr(i, j, "season", years=(y,), season=season)
        if w == "the":
            return DateExpr(i, j, "season", season=season, extra={"dir": ""})
    # "five years ago", "3 years ago", "a year ago"
    # "N months after" ("the visit came three months after he travelled") reads as "N months ago"
    if i + 2 < n and toks[i + 2].word in ("ago", "after") and not toks[i + 2].gap.strip() and \
            toks[i + 1].word in ("year", "years", "month", "months", "week", "weeks") and not (
                toks[i + 2].word == "after" and _in_span(toks, i)):
        # (not "in just over a year after ...", "in less than two years after": how long, not when)
        num = _NUMWORDS.get(w) or (int(w) if w.isdigit() and len(w) <= 2 else 0)
        if num:
            return DateExpr(i, i + 3, "ago", unit=toks[i + 1].word.rstrip("s"), n=num)
    if w in WEEKDAYS and (toks[i].cap or w in LOWER_OK):
        # "on Sunday, January 19", "Sunday 19 January": the calendar date it names is the date
        full = _at(toks, i + 1, n) if i + 1 < n and toks[i + 1].gap.strip() in ("", ",") else None
        if full is not None and full.kind == "abs" and full.day:
            return replace(full, i=i)
        if i + 2 < n and toks[i + 1].word == "the" and toks[i + 2].word[-2:] in ("st", "nd", "rd", "th") and \
                (d := _daynum(toks[i + 2].word)):
            return DateExpr(i, i + 3, "dom", day=d)  # "on Sunday the 7th": the day of the month decides
        return DateExpr(i, i + 1, "weekday", weekday=WEEKDAYS[w])
    m = _is_month(toks, i)
    if m:
        return _month_first(toks, i, n, m)
    d = _daynum(w)
    if d and i + 1 < n:
        # "25 July 2023", "4th April", "22 to 24 August", "22-24 August"
        j = i + 1
        d2 = 0
        if toks[j].word in ("to", "and") and j + 1 < n and _daynum(toks[j + 1].word):
            d2, j = _daynum(toks[j + 1].word), j + 2
        elif ("-" in toks[j].gap or "–" in toks[j].gap) and _daynum(toks[j].word) and j + 1 < n:
            d2, j = _daynum(toks[j].word), j + 1
        if j < n and (m := _is_month(toks, j)):
            y = _year(toks[j + 1].word) if j + 1 < n else 0
            if not y and j + 2 < n and toks[j + 1].word in _YOFF and toks[j + 2].word == "year":
                # "on 28 February last year": the day of the year named relative to the report
                return DateExpr(i, j + 3, "abs", month=m, day=d, month2=m if d2 else 0, day2=d2,
                                extra={"yoff": _YOFF[toks[j + 1].word]})
            return DateExpr(i, j + 2 if y else j + 1, "abs", years=(y,) if y else (), month=m, day=d,
                            month2=m if d2 else 0, day2=d2)
    y = _year(w)
    if y and i + 2 < n and toks[i + 1].gap == "-" and toks[i + 2].gap == "-" and toks[i + 1].word.isdigit() and \
            1 <= int(toks[i + 1].word) <= 12 and (d := _daynum(toks[i + 2].word)):
        return DateExpr(i, i + 3, "abs", years=(y,), month=int(toks[i + 1].word), day=d)  # "2023-09-05"
    if y:
        years = [y]
        j = i + 1
        while j + 1 < n and toks[j].word in ("and", "or") and _year(toks[j + 1].word) and len(years) < 6:
            years.append(_year(toks[j + 1].word))
            j += 2
        while j < n and "," in toks[j].gap and _year(toks[j].word) and len(years) < 6:
            years.append(_year(toks[j].word))
            j += 1
            if j + 1 < n and toks[j].word in ("and", "or") and _year(toks[j + 1].word):
                years.append(_year(toks[j + 1].word))
                j += 2
        return DateExpr(i, j, "abs", years=tuple(years))
    return None


_YOFF = {"last": "-1", "next": "1", "this": "0"}  # "July last year": years from the report's


def _month_first(toks: list[Tok], i: int, n: int, m: int) -> DateExpr:
    j = i + 1
    day = day2 = month2 = 0
    if j < n and (d := _daynum(toks[j].word)) and not _year(toks[j].word):
        day, j = d, j + 1
        # "July 6-7", "April 2nd to 4th", "August 22 and 24"
        if j < n and ("-" in toks[j].gap or "–" in toks[j].gap) and _daynum(toks[j].word):
            day2, j = _daynum(toks[j].word), j + 1
        elif j + 1 < n and toks[j].word in ("to", "and", "through", "until") and _daynum(toks[j + 1].word) \
                and not _year(toks[j + 1].word):
            day2, j = _daynum(toks[j + 1].word), j + 2
        elif j + 2 < n and toks[j].word in ("to", "and", "through", "until") and (m2 := _is_month(toks, j + 1)) \
                and _daynum(toks[j + 2].word):
            month2, day2, j = m2, _daynum(toks[j + 2].word), j + 3
    years: tuple[int, ...] = ()
    extra: dict[str, str] = {}
    if j < n and (y := _year(toks[j].word)):
        years, j = (y,), j + 1
    elif j + 1 < n and toks[j].word == "of" and not day and (y := _year(toks[j + 1].word)):
        years, j = (y,), j + 2  # "in December of 2000", "February of 2015"
    elif j + 1 < n and toks[j].word in ("last", "next", "this") and toks[j + 1].word == "year":
        # "in July last year", "in March next year": the month of the year named relative to the report
        extra, j = {"yoff": _YOFF[toks[j].word]}, j + 2
    elif j + 2 < n and toks[j].word == "of" and toks[j + 1].word in ("last", "next", "this") and \
            toks[j + 2].word == "year":
        extra, j = {"yoff": _YOFF[toks[j + 1].word]}, j + 3  # "March of last year"
    if day2 and not month2:
        month2 = m
    return DateExpr(i, j, "abs", years=years, month=m, day=day, month2=month2, day2=day2, extra=extra)


# --------------------------------------------------------------------------------------------------
# Resolution


def _calendar_shift(ref: date, unit: str, n: int) -> list[tuple[date, date, str]]:
    """The calendar month or year ``n`` months or years from ``ref``'s ("next month", "last year")."""
    if unit == "month":
        y, m0 = divmod(ref.year * 12 + ref.month - 1 + n, 12)
        a, b = _month_span(y, m0 + 1)
        return [(a, b, "month")]
    y = ref.year + n
    return [(date(y, 1, 1), date(y, 12, 31), "year")]


def _month_span(y: int, m: int) -> tuple[date, date]:
    return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])


def resolve(e: DateExpr, pub: DateSpan | None, future: bool, *, anchor: date | None = None,
            nearest: bool = False) -> list[tuple[date, date, str]]:
    """Spans ``(start, end, precision)`` for ``e``; empty when it cannot be resolved (no publication date).

    ``future`` says whether the trip lies ahead of the report (planned, invited, ...) or behind it;
    ``nearest`` takes a year-less month in whichever year puts it closest to the report (a plan called off:
    "was to visit in August but ..." may lie on either side). ``anchor`` is the start of the trip under
    discussion, for expressions counted from it ("the next day", "two weeks later", "a few days earlier").
    """
    try:
        if e.extra.get("from") == "pub":  # "three days ago", "in two weeks": counted from the report
            return _anchored(e, pub, pub.start) if pub is not None else []
        if e.kind == "anchor" or (e.kind == "ago" and e.extra.get("anchored")):
            return _anchored(e, pub, anchor)
        return _resolve(e, pub, future, nearest)
    except (ValueError, OverflowError):
        return []


def _anchored(e: DateExpr, pub: DateSpan | None, anchor: date | None) -> list[tuple[date, date, str]]:
    if anchor is None:
        if (e.kind == "anchor" and e.n >= 0 and e.unit in ("week", "month", "year")) or (
                e.kind == "anchor" and e.n > 0 and e.unit != "day") or pub is None:
            return []  # "two weeks later", "later that month" with no trip to count from
        if pub.precision != "day" and e.kind == "anchor":
            return [(pub.start, pub.end, pub.precision)]
        anchor = pub.start
    if e.kind == "ago":  # "three months earlier", "a year earlier"
        return _resolve(DateExpr(e.i, e.j, "ago", unit=e.unit, n=e.n), DateSpan.day(anchor), False, False)
    if e.unit == "day":
        d = anchor + timedelta(days=e.n)
        return [(d, d, "day")]
    if e.unit in ("days", "weeks"):  # "a few days earlier", "weeks later": a vague span on that side
        reach = 6 if e.unit == "days" else 41
        lo, hi = (anchor - timedelta(days=reach), anchor - timedelta(days=1)) if e.n < 0 else \
            (anchor + timedelta(days=1), anchor + timedelta(days=reach))
        return [(lo, hi, "range")]
    if e.unit == "week":
        # "earlier that week": the calendar week of the trip under discussion; "the following week": 7 days on
        d = anchor - timedelta(days=anchor.weekday()) if e.n == 0 else anchor + timedelta(weeks=e.n)
        return [(d, d + timedelta(days=6), "week")]
    if e.unit in ("month", "year"):
        return _calendar_shift(anchor, e.unit, e.n)
    return []  # "months later", "years earlier": too vague to date


def _resolve(e: DateExpr, pub: DateSpan | None, future: bool, nearest: bool) -> list[tuple[date, date, str]]:
    ref = pub.start if pub is not None else None
    day_pub = pub is not None and pub.precision == "day"
    if e.kind == "abs":
        if e.years and not e.month and e.extra.get("years"):
            return [(date(e.years[0], 1, 1), date(e.years[-1], 12, 31), "range")]
        if e.years and not e.month:
            return [(date(y, 1, 1), date(y, 12, 31), "year") for y in e.years]
        if e.years:
            y = e.years[0]
        elif ref is None:
            return []
        elif "yoff" in e.extra:
            y = ref.year + int(e.extra["yoff"])
        else:
            direction = e.extra.get("dir", "")
            fwd = future if direction not in ("last", "next") else direction == "next"
            y = ref.year
            if direction == "last" and e.month >= ref.month:
                y -= 1
            elif direction == "next" and e.month <= ref.month:
                y += 1
            elif not direction and nearest:
                # the month nearest the report, a later one on a tie when the text looks ahead
                y = min((ref.year - 1, ref.year, ref.year + 1),
                        key=lambda yy: (abs((yy - ref.year) * 12 + e.month - ref.month), (yy > ref.year) != fwd))
            elif not direction:
                if fwd and e.month < ref.month:
                    y += 1
                elif not fwd and e.month > ref.month:
                    y -= 1
        if e.extra.get("months"):
            # a window of months ("between March and May"); the year named goes with the last month
            y1 = y - 1 if (e.years or "yoff" in e.extra) and e.month2 < e.month else y
            return [(date(y1, e.month, 1), _month_span(y1 + (e.month2 < e.month), e.month2)[1], "range")]
        if e.day:
            start = date(y, e.month, e.day)
            if e.day2:
                y2 = y + (1 if e.month2 < e.month else 0)
                end = date(y2, e.month2, e.day2)
                if end > start:
                    return [(start, end, "range")]
            return [(start, start, "day")]
        a, b = _month_span(y, e.month)
        return [(a, b, "month")]
    if e.kind == "season" and e.years:  # "the summer of 2023"
        m1, m2 = e.season
        y = e.years[0]
        return [(date(y, m1, 1), _month_span(y + 1 if m2 < m1 else y, m2)[1], "range")]
    if ref is None or pub is None:
        return []
    if e.kind == "dom":
        if not day_pub:
            return []
        y, m = ref.year, ref.month
        if future and e.day < ref.day:
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        elif not future and e.day > ref.day:
            y, m = (y - 1, 12) if m == 1 else (y, m - 1)
        d = date(y, m, e.day)
        return [(d, d, "day")]
    if e.kind == "weekday":
        if not day_pub:
            return [(pub.start, pub.end, pub.precision)]
        delta = (e.weekday - ref.weekday()) % 7
        back = (ref.weekday() - e.weekday) % 7
        if nearest:
            future = delta < back or (delta == back and future)  # the nearer of the two, either side
        d = ref + timedelta(days=delta) if future else ref - timedelta(days=back)
        return [(d, d, "day")]
    if e.kind == "rel":
        if e.unit == "day":
            if not day_pub:
                return [(pub.start, pub.end, pub.precision)]
            d = ref + timedelta(days=e.n)
            return [(d, d, "day")]
        if e.unit == "week":
            if not day_pub:
                return [(pub.start, pub.end, pub.precision)]
            monday = ref - timedelta(days=ref.weekday()) + timedelta(weeks=e.n)
            return [(monday, monday + timedelta(days=6), "week")]
        if e.unit == "coming":
            # "in the coming days / weeks / months": a window opening the day after the report
            if not day_pub:
                return [(pub.start, pub.end, pub.precision)]
            return [(ref + timedelta(days=1), ref + timedelta(days=e.n), "range")]
        if e.unit in ("nearweekend", "pastweekend"):
            # "over the weekend": the last one begun by the report for a trip made, else the next one;
            # "this past weekend": the last one
            if not day_pub:
                return [(pub.start, pub.end, pub.precision)]
            wd = ref.weekday()
            ahead = future and e.unit == "nearweekend"
            saturday = ref - timedelta(days=wd - 5) if wd >= 5 else (
                ref + timedelta(days=5 - wd) if ahead else ref - timedelta(days=wd + 2))
            return [(saturday, saturday + timedelta(days=1), "range")]
        if e.unit == "weekend":
            if not day_pub:
                return [(pub.start, pub.end, pub.precision)]
            saturday = ref - timedelta(days=ref.weekday()) + timedelta(days=5, weeks=e.n)
            return [(saturday, saturday + timedelta(days=1), "range")]
        if e.unit in ("month", "year"):
            return _calendar_shift(ref, e.unit, e.n)
    if e.kind == "ago":
        if e.unit == "week":
            if not day_pub:
                return [(pub.start, pub.end, pub.precision)]
            monday = ref - timedelta(days=ref.weekday()) - timedelta(weeks=e.n)
            return [(monday, monday + timedelta(days=6), "week")]
        if e.unit == "year":
            y = ref.year - e.n
            return [(date(y, 1, 1), date(y, 12, 31), "year")]
        y, m = ref.year, ref.month - e.n
        while m < 1:
            y, m = y - 1, m + 12
        a, b = _month_span(y, m)
        return [(a, b, "month")]
    if e.kind == "season":
        m1, m2 = e.season
        direction = e.extra.get("dir", "this")
        y = ref.year
        if not direction:
            # "in the summer": the latest one begun by the report for a trip made, else the next one not over
            if future:
                y2 = y + 1 if m2 < m1 else y
                if _month_span(y2, m2)[1] < ref:
                    y += 1
                elif m2 < m1 and ref.month <= m2:
                    y -= 1  # January, "in the winter": the winter begun last December
            elif date(y, m1, 1) > ref:
                y -= 1
        elif direction == "last":
            # the latest such season that has ended before the report
            end_y = y if m2 >= m1 else y
            if _month_span(end_y, m2)[1] >= ref:
                y -= 1
        elif direction == "next" and (m1 <= ref.month):
            y += 1
        y2 = y + 1 if m2 < m1 else y
        return [(date(y, m1, 1), _month_span(y2, m2)[1], "range")]
    return []
