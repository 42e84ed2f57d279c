"""Which date expression of a sentence is a trip's date (never the date of a report), dates per listed
destination, and dates implied by "not been to X since", "before his arrest".
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from . import dates as ndates
from .dates import DateExpr
from .document import _LIST_AND, Entity, Place, _Doc, _Draft, _Sentence
from .modality import FUTURE, Cue

_EARLIER = frozenset({"first", "since", "ago", "once", "earlier", "former", "previously", "past", "times", "occasions",
                      "repeatedly", "formerly"})  # "has visited X several times in the past": no current trip
_SHORT_UNITS = frozenset({"day", "days", "hour", "hours"})  # "only days earlier": still the current trip
LEAD_SENTENCES = 3  # undated arrivals in the first sentences happened on the publication day


_ARREST = re.compile(r"\b(?:arrest|detain)", re.I)


def _before_arrest(doc: _Doc, words: list[str], ent: Entity) -> tuple[date, date, str] | None:
    """The month of this person's arrest reported earlier, when the sentence says "before his arrest"."""
    n = next((n for n, x in enumerate(words) if x == "before" and n + 2 < len(words) and
              words[n + 1] in ("his", "her", "their", "the") and words[n + 2] in ("arrest", "detention")), None)
    if n is None:
        return None
    for d in reversed(doc.drafts):
        if d.entity is ent and d.spans and d.sentences and d.status == "completed" and \
                _ARREST.search(doc.text, d.sentences[0][0], d.sentences[0][1]):
            a = d.spans[0][0]
            return (a.replace(day=1), ndates._month_span(a.year, a.month)[1], "month")
    return None
_DATE_CHAIN = frozenset({"and", "et", "again", "in", "en", "also", "then", "once", "more"})
_STOPS = frozenset({"stop in", "stopover in", "made a stopover in"})


def _spans_per_dest(doc: _Doc, s: _Sentence, found: list[DateExpr], dests: list[Place], tj: int,
                    clause: tuple[int, int], future: bool) -> list[list[tuple[date, date, str]]] | None:
    """Each listed destination's own date ("to Kenya in 2010 and to Nigeria in 2013"): the date between the
    "and" before it and the "and" after it. None unless every destination has exactly one, and they differ."""
    words = s.words
    cuts = [tj]
    for a, b in zip(dests, dests[1:], strict=False):
        conj = next((n for n in range(a.j, b.i) if words[n] in _LIST_AND), None)
        if conj is None:
            return None
        cuts.append(conj)
    cuts.append(max(clause[1], dests[-1].j))
    out: list[list[tuple[date, date, str]]] = []
    for n in range(len(dests)):
        inside = [d for d in found if cuts[n] <= d.i and d.j <= cuts[n + 1]]
        if len(inside) != 1:
            return None
        # "to Kenya in 2019, and to Chad the following year": counted from the destination before
        anchor = out[-1][0][0] if out and out[-1] and inside[0].kind == "anchor" else None
        out.append(ndates.resolve(inside[0], doc.pub, future, anchor=anchor))
    if any(not x for x in out) or len({x[0] for x in out}) < len(out):
        return None
    return out


def _date_ok(words: list[str], d: DateExpr, speech: set[str]) -> bool:
    """False for the date of a report ("said on Tuesday", "reported in June") or of a "since" clause."""
    pre = words[max(0, d.i - 3):d.i]
    return not (_reported(pre, speech) or "since" in words[max(0, d.i - 2):d.i])


def _reported(pre: list[str], speech: set[str]) -> bool:
    """Whether the words before a date make it a report's ("said on Tuesday", "reported in June"); "announced for
    January" dates what was announced."""
    return pre[-1:] != ["for"] and any(x in speech for x in pre)


_ORDINALS = frozenset({"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
                       "tenth", "1st", "2nd", "3rd", "4th", "5th", "6th", "7th", "8th", "9th", "10th", "only"})
_COUNTED = frozenset({"visit", "visits", "trip", "trips", "time", "meeting", "journey", "tour", "foray"})


def _count_scope(words: list[str], d: DateExpr) -> bool:
    """ "his third visit this year", "the second time in 2025", "his first trip abroad this year": a year that
    scopes a count of trips, not the date of this one."""
    if not ((d.kind == "rel" and d.unit == "year") or (d.kind == "abs" and d.years and not d.month)):
        return False
    pre = words[max(0, d.i - 5):d.i]
    return any(x in _ORDINALS for x in pre) and any(x in _COUNTED for x in pre)


# nouns a date names when it modifies them ("the August 2008 war", "the 2016 election", "the March ruling")
_DATED_THINGS = frozenset({"war", "conflict", "election", "elections", "coup", "attack", "attacks", "invasion",
                           "crisis", "agreement", "deal", "accord", "ceasefire", "truce", "revolution", "uprising",
                           "ruling", "warrant", "warrants", "verdict", "decision", "massacre", "offensive",
                           "referendum", "earthquake", "floods", "protests", "bombing", "bombings", "crash",
                           "hijacking", "assassination", "killing", "killings", "raid", "siege", "genocide",
                           "famine", "tsunami", "fire", "strike", "strikes", "trial", "indictment"})


_QUOTES = frozenset('"\u201c\u2018\'')


def _pick_date(s: _Sentence, found: list[DateExpr], ti: int, tj: int, speech: set[str],
               clause: tuple[int, int]) -> DateExpr | None:
    words = s.words
    best: tuple[int, DateExpr] | None = None
    excluded_end = -1
    for d in found:
        if _count_scope(words, d):
            continue
        if d.i > 0 and words[d.i - 1] == "the" and words[d.j:d.j + 1] and words[d.j] in _DATED_THINGS:
            continue  # "wanted over the August 2008 war": the date names the war, not a trip
        if d.i > 1 and words[d.i - 1] in ("in", "on") and words[d.i - 2] in ("warrant", "warrants", "issued"):
            continue  # "after the court issued its warrant in March 2023", "a warrant issued on 17 March"
        pre = words[max(0, d.i - 3):d.i]
        reported = _reported(pre, speech)
        if "recently" in pre and not reported and d.i >= tj and d.i - tj <= 25:
            # "has been to X several times since 2015, most recently in May": the date of the latest trip
            return d
        if words[d.j:d.j + 1] == ["when"] and d.j < ti <= d.j + 12 and "since" in words[max(0, d.i - 2):d.i] and \
                not any(";" in s.toks[x].gap for x in range(d.j, ti + 1)):
            # "has not left Russia since January, when he made a stop in Damascus": the when-clause's date; a month
            # of the clause itself is finer, in the year of the since-date ("since the autumn of 2012, when he came
            # to Paris at the end of October")
            finer = next((e for e in found if d.j < e.i <= tj + 12 and e.kind == "abs" and e.month and not e.years),
                         None)
            if finer is not None and len(d.years) == 1:
                return DateExpr(finer.i, finer.j, "abs", years=d.years, month=finer.month, day=finer.day,
                                month2=finer.month2, day2=finer.day2)
            return d
        if reported or "since" in words[max(0, d.i - 2):d.i] or d.i == excluded_end or \
                (d.i == excluded_end + 0) or d.i > ti and "since" in words[min(tj, d.i):max(ti, d.i)]:
            # (a "since" after a date that opens the sentence is no scope of it: "In June 2003, during the first
            # state visit since Tsar Alexander II's, Putin spent three days in London")
            excluded_end = d.j
            continue
        if d.i >= tj:
            dist = d.i - tj
        elif d.j <= ti:
            dist = ti - d.j + 3
            if d.i <= 1 and d.j < len(words) and "," in s.toks[d.j].gap and not _QUOTES.intersection(s.toks[0].gap):
                dist = min(dist, 20)  # "In June 2003, during ..., Putin spent three days in London": it opens the sentence
        else:
            dist = 0
        if dist > 20:
            continue
        if not (clause[0] <= d.i and d.j <= clause[1]):
            dist += 10
        if best is None or dist < best[0]:
            best = (dist, d)
    return best[1] if best else None


_NOT_SINCE = frozenset({"been to", "been back to", "set foot in", "visited", "travelled to", "traveled to",
                        "returned to", "was in", "been in"})


def _last_since(doc: _Doc, s: _Sentence, found: list[DateExpr], ti: int, tj: int
                ) -> list[tuple[date, date, str]] | None:
    """ "X has not been to Y since October 2019", "has never returned to Y since 2015": the spans of that
    last trip, or None."""
    words = s.words
    if not any(x in ("not", "never", "n") for x in words[max(0, ti - 3):ti]):
        return None
    n = next((n for n in range(tj, min(len(words), tj + 8)) if words[n] == "since"), None)
    if n is None:
        return None
    d = next((d for d in found if d.i == n + 1), None)
    if d is None or d.kind != "abs" or not d.years:
        return None
    spans = ndates.resolve(d, doc.pub, False)[:1]
    return spans or None


def _other_clause_date(s: _Sentence, ti: int, dest_j: int, d: DateExpr) -> bool:
    """Whether date ``d`` lies beyond a comma after which (or before which) another travel verb takes it:
    "X, who has been to Y twice, arrived in Z on Sunday"."""
    toks = s.toks
    others = [i for i, _, _ in s.get("trigger") if i != ti]
    if d.i >= dest_j:
        commas = [n for n in range(dest_j, d.i + 1) if "," in toks[n].gap or ";" in toks[n].gap]
        return bool(commas) and any(commas[0] <= i <= d.i for i in others)
    commas = [n for n in range(d.j, ti + 1) if "," in toks[n].gap or ";" in toks[n].gap]
    return bool(commas) and any(i < commas[-1] for i in others)


def when_date(s: _Sentence, ti: int) -> DateExpr | None:
    """ "his first visit since December 2021, when he flew into X": the date the "when" clause hangs on."""
    words = s.words
    wn = next((n for n in range(ti - 1, max(-1, ti - 4), -1) if words[n] == "when"), None)
    if wn is None or "," not in s.toks[wn].gap:
        return None
    return next((d for d in s.dates if d.j == wn and d.kind in ("abs", "season")), None)


def trip_spans(doc: _Doc, s: _Sentence, ti: int, tj: int, dest_j: int, clause: tuple[int, int], status: str,
               future: bool, ctx_date: DateExpr | None, plan_spans: list[tuple[date, date, str]] | None,
               last_since: list[tuple[date, date, str]] | None, who: Entity | None = None
               ) -> list[tuple[date, date, str]]:
    """The dates of the trip a trigger at ``[ti, tj)`` reports (its destinations end at ``dest_j``): the
    sentence's date nearest the trigger that is no report's date (not the date of an invitation before "was
    invited"), else the date of the context sentence (``ctx_date``), the planned trip's (``plan_spans``) or the
    last trip's ("not been to X since", ``last_since``); a list of dates ("in 2019 and again last year") gives
    one span each. ``who`` is the traveller (a month without a year in a past story of theirs takes the
    story's year)."""
    words, found = s.words, s.dates
    speech = doc.w.get("speech", set())
    dexpr = _pick_date(s, found, ti, max(tj, dest_j), speech, clause)
    if dexpr is not None and status == "invited" and dexpr.i < ti:
        dexpr = None  # "In March, X was invited to visit": the date of the invitation
    if dexpr is not None and undated_earlier(words, ti) and (
            not (clause[0] <= dexpr.i and dexpr.j <= clause[1]) or _other_clause_date(s, ti, dest_j, dexpr)):
        dexpr = None  # "X, who has visited Y several times, arrived in Z on Sunday": Z's date, not Y's
    elif dexpr is not None and dexpr.i >= dest_j and not (clause[0] <= dexpr.i and dexpr.j <= clause[1]) and \
            _other_clause_date(s, ti, dest_j, dexpr):
        dexpr = None  # "X is in Y for the first time in years; his last visit was in 2018": the last visit's
    if dexpr is None and status == "ongoing":
        # "has been staying in X since Monday", "is in Y since June 3": a stay begun on that day
        dexpr = next((d for d in found if clause[0] <= d.i < clause[1] and d.i > ti and words[d.i - 1] == "since"
                      and d.kind in ("weekday", "abs", "rel") and d.unit in ("", "day")), None)
    if dexpr is None:
        dexpr = when_date(s, ti)
    if dexpr is None and status in ("completed", "ongoing") and words[ti:ti + 1] in (["was"], ["were"]):
        # "X was in Jordan for treatment when the prosecutor announced charges against him late February": the
        # stay is dated by the "when" clause that follows it
        wn = next((n for n in range(max(tj, dest_j), min(len(words), max(tj, dest_j) + 16)) if words[n] == "when"),
                  None)
        if wn is not None:
            dexpr = next((d for d in found if d.i > wn and d.kind in ("abs", "season", "weekday", "rel")
                          and not any(x in ("when", "while", "after", "before") for x in words[wn + 1:d.i])), None)
    if dexpr is None and ctx_date is not None:
        dexpr = ctx_date
    spans: list[tuple[date, date, str]] = []
    if plan_spans is not None:
        dexpr = None
        spans = list(plan_spans)
    if last_since is not None:
        dexpr = None
        spans = last_since
    if dexpr is not None:
        spans = resolve_for(doc, dexpr, status, future, who=who,
                            past_plan=status in FUTURE and told_as_past_plan(words, ti, clause[0]))
        # "visited Russia twice, in 2019 and again last year": one trip per date of a list
        last_d = dexpr
        for d in found:
            if d.i >= last_d.j and 0 < d.i - last_d.j <= 3 and \
                    all(x in _DATE_CHAIN for x in words[last_d.j:d.i]) and \
                    any(x in _LIST_AND for x in words[last_d.j:d.i]) and len(spans) < 6 and \
                    not _verb_after(words, d.j):  # (not "in March 2006 and last year became the first ...")
                spans += [sp for sp in ndates.resolve(d, doc.pub, future)[:1] if sp not in spans]
                last_d = d
    return spans


def _verb_after(words: list[str], n: int) -> bool:
    """Whether a finite verb follows token ``n``: the date before it opens a clause of its own."""
    w = words[n] if n < len(words) else ""
    return len(w) > 3 and (w.endswith("ed") or w in ("became", "were", "said", "took", "gave", "went", "left", "made",
                                                     "held"))


_MONTHS_RX = "January|February|March|April|May|June|July|August|September|October|November|December"
# "on 6 December", "on December 6" (no year): a day told
_DAY_MONTH = re.compile(rf"\b(?:(\d{{1,2}})\s+({_MONTHS_RX})|({_MONTHS_RX})\s+(\d{{1,2}}))\b(?!,?\s+(?:19|20)\d\d)")
_MONTH_YEAR = re.compile(rf"\b({_MONTHS_RX})\s+(?:\d{{1,2}},?\s+)?((?:19|20)\d\d)\b")


_COARSE = {"month": ("day", "range", "week", "month"), "year": ("day", "range", "week", "month", "year")}


def _anchor(doc: _Doc, unit: str = "day") -> date | None:
    """The start of the trip under discussion: the latest dated trip the article has reported so far; a count
    of months or years ("a month later", "the following year") may count from a trip dated to the month or
    the year ("visited X in September 2024. A month later, ...")."""
    ok = _COARSE.get(unit, ("day",))
    for d in reversed(doc.drafts[-8:]):
        if d.spans and d.spans[0][2] in ok:  # (a vague "few days earlier" is no anchor of its own)
            return d.spans[0][0]
    return None


def resolve_for(doc: _Doc, dexpr: DateExpr, status: str, future: bool, *, past_plan: bool = False,
                who: Entity | None = None) -> list[tuple[date, date, str]]:
    """Spans of a trip's date expression: a plan called off, or a plan told in the past tense ("was due to
    visit in April", ``past_plan``), takes the month (or weekday) nearest the report: it may lie on either
    side ("was to attend in August, but ..."); "the next day", "a few days earlier" count from the trip under
    discussion (:func:`_anchor`)."""
    if "yearref" in dexpr.extra:
        # "He was flown to The Hague in November that year": the year the article named last
        named = list(_DATE_YEAR.finditer(doc.text, 0, doc.cursor))
        if not named:
            return []
        year = int(named[-1].group(1)) + int(dexpr.extra["yearref"])
        dexpr = DateExpr(dexpr.i, dexpr.j, "abs", years=(year,), month=dexpr.month, day=dexpr.day,
                         month2=dexpr.month2, day2=dexpr.day2)
    if dexpr.kind == "dom" and (day := _day_of_month_told(doc, dexpr.day)) is not None:
        return [(day, day, "day")]
    anchor = _anchor(doc, dexpr.unit)
    if dexpr.kind == "anchor" and dexpr.n != 0 and dexpr.unit in ("month", "year"):
        # "acquitted in January 2019. The following month he was released to Belgium": the month the text told
        # last, when no trip is dated later (a trip told earlier in the article is no longer under discussion)
        told = list(_MONTH_YEAR.finditer(doc.text, max(0, doc.cursor - 600), doc.cursor))
        if told:
            last_told = date(int(told[-1][2]), ndates.MONTHS[told[-1][1].lower()], 1)
            anchor = last_told if anchor is None or last_told > anchor else anchor
    if dexpr.kind == "anchor" and dexpr.n != 0 and dexpr.unit in ("day", "week") and anchor is not None:
        # "... in New Delhi on 6 December for the summit. A week later Bennett was in Abu Dhabi": a day the sentence
        # before told, later than the last trip dated (the anchor's year)
        told_day = list(_DAY_MONTH.finditer(doc.text, doc.prev_places[0], doc.cursor)) if doc.prev_places[0] else []
        if told_day:
            m = told_day[-1]
            mon = ndates.MONTHS[(m[2] or m[3]).lower()]
            try:
                day = date(anchor.year, mon, int(m[1] or m[4]))
            except ValueError:
                day = None
            if day is not None and day > anchor and (doc.pub is None or day <= doc.pub.end):
                anchor = day
    if dexpr.kind == "anchor" and dexpr.n == 0 and dexpr.unit in ("week", "month", "year") and \
            _dated_since_anchor(doc, dexpr):
        return []  # "Earlier that same year" after another year was named: not the trip under discussion's
    if dexpr.kind == "abs" and dexpr.month and not dexpr.years and not dexpr.extra and \
            (not future or status == "cancelled") and doc.pub is not None and who is not None:
        # (a plan called off in a past year's story: "A visit to Azerbaijan was postponed in May")
        story = _story_year(doc, dexpr, who, loose=future)
        if story is not None:
            # "In March 2024 X arrived in A. In April, he visited B": the story's year, not the report's
            dexpr = DateExpr(dexpr.i, dexpr.j, "abs", years=(story,), month=dexpr.month, day=dexpr.day,
                             month2=dexpr.month2, day2=dexpr.day2)
    return ndates.resolve(dexpr, doc.pub, future, anchor=anchor, nearest=status == "cancelled" or past_plan)


DOM_REACH = 600  # "on the 25th" is a day of the month of a trip told within this many characters before


def _day_of_month_told(doc: _Doc, day: int) -> date | None:
    """ "Shoigu flew into Cairo on 9 November ... Before the month was over he was in Bishkek, arriving on the
    25th": a bare day of the month is in the month of the trip just told (dated to a day no later than it), not
    the report's."""
    for d in reversed(doc.drafts[-4:]):
        if d.spans and d.spans[0][2] in ("day", "range") and d.sentences and \
                max(b for _, b in d.sentences) >= doc.cursor - DOM_REACH:
            start = d.spans[0][0]
            if start.day > day:
                return None
            try:
                return date(start.year, start.month, day)
            except ValueError:
                return None
    return None


_NAMED_DATE = re.compile(r"\b(?:1[89]|20)\d\d\b|\b(?:January|February|March|April|May|June|July|August|September|"
                         r"October|November|December)\b")


def _story_year(doc: _Doc, dexpr: DateExpr, who: Entity, loose: bool = False) -> int | None:
    """The year of a past story the text is telling of ``who``, for a month named without a year: the trip
    reported in the sentence(s) just before, in the same paragraph, is this traveller's, dated to a month (or
    day) of an earlier year than the report's; no other year is named since, and this month does not come
    before that trip's. ``loose`` (a plan called off, told in a review of that year): the traveller's last
    dated trip may be a paragraph back and later in the year, but within the last 1,500 characters."""
    d = next((d for d in reversed(doc.drafts[-4:]) if d.spans and d.sentences), None)
    if d is None or d.entity is not who or doc.pub is None or d.guessed or \
            d.spans[0][2] not in ("day", "range", "week", "month"):
        return None
    start = d.spans[0][0]
    end = max(b for _, b in d.sentences)
    if start.year >= doc.pub.start.year or not 0 <= doc.cursor - end <= (1500 if loose else 400) or \
            _YEAR_NAMED.search(doc.text, end, doc.cursor):
        return None
    if not loose and (dexpr.month < start.month or "\n" in doc.text[end:doc.cursor]):
        return None
    if loose:
        # the traveller's trips told lately all lie in that year, and the month is not before the first of them
        told = [x.spans[0][0] for x in doc.drafts if x.entity is who and x.spans and x.sentences and
                x.spans[0][2] in ("day", "range", "week", "month") and doc.cursor - max(b for _, b in x.sentences)
                <= 1500]
        if any(t.year != start.year for t in told) or dexpr.month < min(t.month for t in told):
            return None
    return start.year


_YEAR_NAMED = re.compile(r"\b(?:1[89]|20)\d\d\b")
# a year told as a date ("in April 2011", "in 2011"), not as a modifier ("the 2010 election")
_DATE_YEAR = re.compile(rf"(?:\b(?:[Ii]n|[Oo]f|[Ss]ince|[Bb]y|[Uu]ntil)\s+|(?:{_MONTHS_RX})\s+(?:\d{{1,2}},?\s+)?)"
                        r"((?:19|20)\d\d)\b")


def _dated_since_anchor(doc: _Doc, dexpr: DateExpr) -> bool:
    """Whether a year or a month is named in the text between the trip counted from and this sentence (so
    "that year" may be that one's)."""
    ok = _COARSE.get(dexpr.unit, ("day",))
    d = next((d for d in reversed(doc.drafts[-8:]) if d.spans and d.spans[0][2] in ok and d.sentences), None)
    if d is None:
        return False
    end = max(b for _, b in d.sentences)
    here = doc.cursor
    return here > end and bool(_NAMED_DATE.search(doc.text, end, here))


_PAST_FRAME = frozenset({"was", "were", "had"})
_FRAME_FILL = frozenset({"been", "originally", "initially", "also", "then", "previously", "earlier", "not"})
# the predicates of a plan: "was due to", "had been expected to", "was to", "had planned to", "was set for"
_PLAN_PRED = frozenset({"due", "expected", "scheduled", "set", "supposed", "slated", "planned", "planning", "meant",
                        "intended", "intending", "to", "going", "hoping", "poised", "tipped", "penciled", "pencilled"})


def told_as_past_plan(words: list[str], ti: int, c0: int) -> bool:
    """ "was due to visit", "had been expected to arrive", "was to attend", "had planned to travel": a plan
    told in the past tense, whose date is seen from a moment before the report (so "in April" in a June
    report is this April, and "on Friday" the nearest Friday), in the clause ``c0..ti`` before the trigger."""
    for n in range(max(c0, ti - 7), ti):
        if words[n] not in _PAST_FRAME:
            continue
        m = n + 1
        while m < ti and words[m] in _FRAME_FILL:
            m += 1
        if m < ti and words[m] in _PLAN_PRED:
            return True
    return False


# "has visited X several times", "had previously been to Y", "once visited Z", "has travelled to A, B and C since
# the warrant": trips before the story, undated unless the text dates them
_BEFORE_STORY = frozenset({"previously", "once", "times", "occasions", "repeatedly", "formerly", "past", "often",
                           "frequently", "regularly", "twice"})
_PERFECT = frozenset({"has", "have", "had", "s", "ve", "d"})
_SUMMARY = frozenset({"since", "including", "such"})
_PLURAL_TRIPS = frozenset({"trips", "visits", "journeys", "tours"})  # (the nouns: "visits" after these words)
_PLURAL_DETS = frozenset({"s", "his", "her", "their", "its", "the", "frequent", "several", "two", "three", "many",
                          "foreign", "recent", "regular", "repeated", "earlier", "previous", "official", "overseas"})
_REPORTED = frozenset({"that", "said", "says", "told", "tells", "added", "announced", "stated", "reported", "confirmed",
                       "explained", "noted", "claimed", "insisted", "acknowledged", "according"})


def several_trips(words: list[str], ti: int) -> bool:
    """ "his trips to Iran and the UAE", "frequent visits to Chad": a plural trip noun tells several trips, none
    of them the current one (no report month for want of a date)."""
    return words[ti] in _PLURAL_TRIPS and ti > 0 and words[ti - 1] in _PLURAL_DETS


def undated_earlier(words: list[str], ti: int) -> bool:
    """Whether the trip at ``ti`` is told as one (or several) before the story: a past perfect ("had visited"),
    a frequency or "previously" ("has been to X several times", "once visited"), or a perfect with "since" or
    a list ("has visited A, B and C since 2009", "has travelled abroad, including to A and B")."""
    aux = words[max(0, ti - 3):ti + 1]  # (with the trigger's own first word: "had been in")
    if "had" in aux and not _REPORTED.intersection(words[:ti]):
        return True  # (not "said that Uganda had hosted him": reported speech shifts the tense back)
    if _BEFORE_STORY.intersection(words[max(0, ti - 4):ti + 12]):
        return True
    # "has visited A, B and C since 2009", "has travelled abroad, including to A and B": a summary of trips
    return bool(_PERFECT.intersection(aux)) and bool(_SUMMARY.intersection(words[ti:ti + 15]))


def before_story(words: list[str], ti: int) -> bool:
    """ "previously visited X", "once went to Y", "last visited Z": a trip told as one before the story (not a
    past perfect alone: "had arrived on Friday" often narrates the story itself); "was in Tajikistan last time in
    April 2003" (not "for the last time")."""
    return bool(_BEFORE_STORY.intersection(words[max(0, ti - 4):ti])) or words[ti - 1:ti] == ["last"] or any(
        words[n:n + 2] == ["last", "time"] and words[n - 2:n] != ["for", "the"] for n in range(ti + 1, min(len(words),
                                                                                                       ti + 8)))


_SEQUEL_WORDS = frozenset({"then", "afterwards", "subsequently", "next"})


def fallback_spans(doc: _Doc, s: _Sentence, k: int, trigger: str, ti: int, form: str, status: str, future: bool,
                   ent: Entity, cues: list[Cue]) -> list[tuple[date, date, str]]:
    """Dates of a trip whose sentence gives none: a stop's trip ("may add a stop in X"), the month of an arrest
    ("before his arrest"), or the publication day for an arrival told in the lead sentences."""
    if trigger in _STOPS:
        # "may add a stop in X": a leg of the trip last reported for this person, on its dates
        leg = next((d for d in reversed(doc.drafts) if d.entity is ent and (d.status in FUTURE) == future
                    and not d.earlier), None)
        if leg is not None and leg.spans:
            return leg.spans[:1]
    if status == "completed" and (arrest := _before_arrest(doc, s.words, ent)) is not None:
        return [arrest]  # "had travelled through X before his arrest": the month of the arrest
    if status == "completed" and _SEQUEL_WORDS.intersection(s.words[max(0, ti - 4):ti]):
        # "He then flew to Iran": the next leg of the dated trip just reported, in its month
        prev = next((d for d in reversed(doc.drafts[-4:]) if d.entity is ent and d.status == "completed"), None)
        if prev is not None and prev.spans and not prev.guessed and prev.spans[0][2] in ("day", "range", "week", "month"):
            a = prev.spans[0][0]
            return [(a.replace(day=1), ndates._month_span(a.year, a.month)[1], "month")]
        return []
    if status in ("completed", "ongoing") and k < LEAD_SENTENCES and doc.pub is not None \
            and form in ("past", "ing") and not any(c.status == "completed" and c.strength >= 4 for c in cues
                                                    if c.j <= ti) and not undated_earlier(s.words, ti) \
            and not any(d.kind == "anchor" for d in s.dates):  # ("the following week" unresolved: not today)
        return [(doc.pub.start, doc.pub.end, doc.pub.precision)]
    return []


# words that may stand between a reference to the trip and its date: "The visit will now take place in March",
# "the trip is scheduled for March 3", "it could happen in 2026"
_REF_FILL = frozenset({"is", "was", "will", "would", "could", "may", "might", "should", "be", "been", "has", "have",
                       "to", "now", "also", "still", "expected", "likely", "probably", "reportedly", "tentatively",
                       "officially", "place", "for", "on", "in", "from", "between", "during", "maybe", "perhaps",
                       "then", "later", "early", "late", "mid", "sometime", "possibly", "not", "before", "by"})
_OTHER_TRIP = frozenset({"last", "previous", "first", "earlier", "former", "prior", "past", "next", "another",
                         "other", "second", "third", "return"})
_DATE_PREP = frozenset({"on", "in", "for", "from", "between", "during", "by"})
_PAST_STEP = frozenset({"departed", "left", "arrived", "landed", "flew", "met", "hosted", "welcomed", "received"})


def _ref_date(s: _Sentence, n: int, fill: frozenset[str], names: bool = False) -> DateExpr | None:
    """The date that follows token ``n`` across only the words ``fill`` ("... will take place | in March"), and
    with ``names`` capitalised words (a person's name and title: "will meet Prime Minister X on Dec. 29")."""
    words, toks = s.words, s.toks
    for d in s.dates:
        if d.i <= n:
            continue
        if d.i - n > 12 or words[d.i - 1] not in _DATE_PREP or d.kind not in ("abs", "weekday", "rel", "season", "dom"):
            return None
        return d if all(words[m] in fill or (names and toks[m].cap) for m in range(n + 1, d.i)) else None
    return None


def date_told_nearby(doc: _Doc, s: _Sentence) -> None:
    """Date the trip just reported from a sentence with no trip of its own that points back to it: "The visit
    will take place in March", "Maybe it could happen in 2026 or 2027" (the trip or "it" and when it happens),
    "He is expected to depart on Dec. 28", "Y will meet X on Dec. 29" (its traveller's step on the way, in the
    trip's own tense). Only a trip still undated, or dated to the report day for want of a date (``guessed``),
    reported in the last few hundred characters, and only when the sentence names no place of another country.
    """
    words, w = s.words, doc.w
    if not doc.drafts or not s.dates or len(words) < 4:
        return
    recent = doc.drafts[-6:]
    if any((s.a, s.b) in d.sentences for d in recent):
        return  # the sentence reports a trip itself
    open_ = [d for d in recent if d.sentences and 0 <= s.a - d.sentences[-1][1] <= 500 and not d.earlier
             and ((not d.spans and (d.status in FUTURE or d.recent)) or d.guessed)]
    if not open_:
        return
    target = open_[-1]
    ent = target.entity
    if any(p.code not in (target.code, ent.nationality) for p in doc.places(s)):
        return  # another country's trip, or another story
    future = target.status in FUTURE
    refs, dets, happen, steps = (w.get(c, set()) for c in ("tripref", "refdet", "happen", "tripverb"))
    fill = _REF_FILL | happen
    dexpr: DateExpr | None = None
    for n, x in enumerate(words[:14]):
        if x == "it" and x in refs:
            # "it could happen in 2026", "it will take place on ...": a verb of happening must follow
            if any(y in happen for y in words[n + 1:n + 5]):
                dexpr = _ref_date(s, n, fill)
        elif x in refs and n and (words[n - 1] in dets or (n > 1 and words[n - 2] in dets) or (
                # "Netanyahu's visit was scheduled to begin on Wednesday": the traveller's own trip
                n > 1 and words[n - 1] == "s" and words[n - 2] in ent.name.casefold().split()[-1:])) and \
                x not in _OTHER_TRIP and not _OTHER_TRIP.intersection(words[max(0, n - 2):n]):
            dexpr = _ref_date(s, n, fill)
        elif x in steps and (x in _PAST_STEP) != future:
            # the traveller's own step: named (surname) or "he"/"she" before the verb, or its object
            name = ent.name.casefold().split()[-1:]
            near = words[max(0, n - 6):n + 8]
            if (name and name[0] in near) or any(y in ("he", "she") for y in words[max(0, n - 5):n]):
                dexpr = _ref_date(s, n, fill | {"with", "him", "her", "home", "the"}, names=True)
        if dexpr is not None:
            break
    if dexpr is None or not _date_ok(words, dexpr, doc.w.get("speech", set())):
        return
    spans = resolve_for(doc, dexpr, target.status, future)[:1]
    if not spans or future and doc.pub is not None and spans[0][1] < doc.pub.start:
        return  # (a plan is not dated before the report: "In 2019 he came for the SCO summit in June")
    for d in open_:
        if d.code == target.code and (d.status in FUTURE) == future:
            d.spans, d.guessed = list(spans), False
            if len(d.sentences) < 3:
                d.sentences.append((s.a, s.b))


_SINCE_WHAT = frozenset({"warrant", "warrants", "indictment", "indicted"})


def since_warrant(doc: _Doc, words: list[str], ti: int, ent: Entity) -> list[tuple[date, date, str]]:
    """ "Since the ICC warrant, X has not left Russia except to visit A and B": trips between the person's first
    public warrant and the report (a range: the text gives no day of its own)."""
    if not ent.pid or doc.pub is None:
        return []
    n = next((n for n in range(max(0, ti - 25), min(len(words), ti + 25)) if words[n] == "since"
              and _SINCE_WHAT.intersection(words[n + 1:n + 6])), None)
    if n is None:
        return []
    days = [d for w in doc.rs.warrants.get(ent.pid, ()) if (d := w.public or w.issued) is not None]
    first = min(days, default=None)
    if first is None or first > doc.pub.start:
        return []
    return [(first, doc.pub.start, "range")]


STOP_WORDS = frozenset({"stop", "stops", "stopped", "stopping", "stopover", "stopovers", "refuel", "refuelled",
                        "refueled", "refuelling", "refueling", "layover"})


def journey_month(doc: _Doc, s: _Sentence, ent: Entity, dests: list[Place], status: str) -> list[tuple[date, date, str]]:
    """The month of the journey a stop belongs to: the dated trip of the same person to another country told
    in the sentences just before ("will fly to Washington on July 24 ... considered stopping in Hungary"); a stop
    made belongs to a journey made, a stop planned, considered or called off to a journey ahead."""
    codes = {p.code for p in dests}
    for d in reversed(doc.drafts):
        if not d.sentences or s.a - d.sentences[-1][1] > 1500:
            return []
        made = d.status in ("completed", "ongoing")
        if d.entity is ent and d.code not in codes and d.spans and (s.a, s.b) not in d.sentences and \
                made == (status in ("completed", "ongoing")):  # a stop made on a journey made, a plan on a plan
            return [(*ndates._month_span(d.spans[0][0].year, d.spans[0][0].month), "month")]
    return []


_ANCHOR_WORDS = frozenset({"after", "before", "already", "previously", "time"})
_STAY_UNITS = {"day": 1, "days": 1, "week": 7, "weeks": 7}
_STAY_LEADS = frozenset({"for", "around", "about", "almost", "nearly", "some", "spending", "spent", "spend"})
_TEENS = {"thirteen": 13, "fourteen": 14, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}


def anchored_stays(doc: _Doc, s: _Sentence) -> None:
    """ "was arrested in Turin on January 19, after previously being in France, Belgium and Germany for around
    12 days": undated stays told against a dated trip of the same person named in the sentence, with a span of
    days or weeks, took place in the days before it (dated to that month)."""
    words = s.words
    if not _ANCHOR_WORDS.intersection(words):
        return
    back = 0
    for n, w in enumerate(words[:-1]):
        unit = _STAY_UNITS.get(words[n + 1])
        num = ndates._NUMWORDS.get(w) or _TEENS.get(w) or (int(w) if w.isdigit() and len(w) <= 2 else 0)
        if unit and num and n > 0 and (words[n - 1] in _STAY_LEADS or s.toks[n + 1].gap == "-"):
            back = max(back, num * unit)  # "for around 12 days", "a two-day stop"
    long_stay = any(w in ("month", "months", "year", "years") and n > 0 and (words[n - 1] in _STAY_LEADS or (
        n > 1 and words[n - 2] in _STAY_LEADS and (words[n - 1] in ndates._NUMWORDS or words[n - 1] in _TEENS)))
        for n, w in enumerate(words))  # "for two months", "spent years"
    if (not back or back > 31) and not long_stay:
        return
    here = (s.a, s.b)
    cut = next(n for n, w in enumerate(words) if w in _ANCHOR_WORDS)
    places = doc.places(s)
    codes = {p.code for p in places if p.i < cut}  # the dated trip is told first, the stays after the anchor word
    stays = {p.code for p in places if p.i > cut} - codes
    for d in doc.drafts:
        if here not in d.sentences or d.status != "completed" or d.code not in stays:
            continue
        anchor = next((e for e in reversed(doc.drafts) if e.entity is d.entity and e is not d and e.code in codes
                       and e.status in ("completed", "ongoing") and e.spans and e.spans[0][2] == "day"), None)
        if anchor is None or (d.spans and d.spans[0][:2] != anchor.spans[0][:2]):
            continue  # (a stay dated otherwise keeps its date; one given the anchor's own day is redated)
        if not back or back > 31:
            d.spans = []  # "after staying in France for two months": not on the anchor's day, nor dated by it
            continue
        day = anchor.spans[0][0] - timedelta(days=back)
        d.spans = [(*ndates._month_span(day.year, day.month), "month")]


_DATE_LIST = frozenset({"and", "on", "in", "again", "then", "once", "more"})


def _listed_dates(s: _Sentence, d: _Draft, doc: _Doc) -> list[DateExpr]:
    """The dates listed after the one trip ``d`` was dated by ("came on 21 March, on 4 June and on 17 June"): each
    is one more journey. (A bare month list, "in March, June and September", is read as one date today.)"""
    words = s.words
    first = next((e for e in s.dates if resolve_for(doc, e, d.status, False)[:1] == d.spans[:1]), None)
    out: list[DateExpr] = []
    prev = first
    for e in s.dates:
        if prev is None or e.i < prev.j:
            continue
        gap = words[prev.j:e.i]
        if len(gap) > 2 or not _DATE_LIST.issuperset(gap) or (not gap and "," not in s.toks[e.i].gap):
            break
        if e.kind != prev.kind or bool(e.day) != bool(prev.day):
            break  # "on 4 June, a week later": not one more date of the same kind
        if e.j < len(words) and not (set(s.toks[e.j].gap) & {",", ";", ".", ")"}) and \
                words[e.j] not in _DATE_LIST:
            break  # "in August, and in September was received in X": the date of another clause's journey
        out.append(e)
        prev = e
    return out


_ONCE_MORE = frozenset({"previously", "earlier"})


def _elliptical(s: _Sentence, n: int) -> bool:
    """Whether the word at ``n`` opens a clause without verb or subject: right after "and" or a comma."""
    return n > 0 and (s.words[n - 1] == "and" or "," in s.toks[n].gap)
_COUNTS = {"twice": 2, "two": 2, "three": 3, "four": 4, "five": 5}


def counted_visits(doc: _Doc, s: _Sentence, drafts: list[_Draft]) -> list[_Draft]:
    """ "has been to Mexico twice: for an official visit in June 2004 and for the G20 summit in June 2012": an
    undated visit counted, then told one date each; the first date dates it, each further one is a trip of its own
    (as many as the count says)."""
    words = s.words
    at = next((n for n, w in enumerate(words) if w in _COUNTS and (
        w == "twice" or words[n + 1:n + 2] == ["times"])), None)
    if at is None:
        return []
    count = _COUNTS[words[at]]
    after = [e for e in s.dates if e.i > at and e.kind == "abs" and e.years]
    if not 2 <= len(after) <= count:
        return []
    out: list[_Draft] = []
    for d in drafts:
        if d.spans or d.status != "completed" or d.sentences[:1] != [(s.a, s.b)]:
            continue
        spans = [resolve_for(doc, e, d.status, False)[:1] for e in after]
        if not all(spans) or len({sp[0][:2] for sp in spans}) != len(spans):
            continue
        d.spans = spans[0]
        out += [_Draft(d.entity, d.mention, d.code, d.city, sp, d.status, "", [(s.a, s.b)]) for sp in spans[1:]]
    return out


def trips_again(doc: _Doc, s: _Sentence, drafts: list[_Draft]) -> list[_Draft]:
    """ "He was in Moscow in May for the parade and again in July", "came back twice, in April and again in
    October", "came on 21 March, on 4 June and on 17 June": the trips this sentence told, each once more at the
    dates after "again" or listed after its own (a trip of its own each)."""
    words = s.words
    # ("... and again in July", "..., and before that in June 2003", "and previously in 2019": an elliptical
    # clause, not "X had been to Moscow earlier in June")
    again = [d for d in s.dates if d.i >= 2 and words[d.i - 1] in ("in", "on") and (
        words[d.i - 2] == "again" or _elliptical(s, d.i - 2) and words[d.i - 2] in _ONCE_MORE
        or words[d.i - 3:d.i - 1] == ["before", "that"] and _elliptical(s, d.i - 3))]
    out: list[_Draft] = counted_visits(doc, s, drafts)
    for d in drafts:
        if d.spans and d.status == "completed" and (s.a, s.b) in d.sentences and d.sentences[0] == (s.a, s.b):
            for dexpr in _listed_dates(s, d, doc):
                if dexpr in again:
                    continue
                spans = resolve_for(doc, dexpr, d.status, False)[:1]
                if spans and spans[0][:2] != d.spans[0][:2]:
                    out.append(_Draft(d.entity, d.mention, d.code, d.city, spans, d.status, "", [(s.a, s.b)]))
    for dexpr in again:
        for d in drafts:
            if not d.spans or d.status != "completed" or (s.a, s.b) not in d.sentences:
                continue
            spans = resolve_for(doc, dexpr, d.status, False)[:1]
            if spans and spans[0][:2] != d.spans[0][:2]:
                out.append(_Draft(d.entity, d.mention, d.code, d.city, spans, d.status, "", [(s.a, s.b)]))
    return out
