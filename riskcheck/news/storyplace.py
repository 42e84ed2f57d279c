"""Where the story happens: the place of a wire dateline ("JUBA, July 9 (Reuters) -", "SHARM EL-SHEIKH, Egypt -",
"ROME -"). An arrival told without a destination ("Bashir flew in from Khartoum in the morning", "Gaddafi landed
yesterday evening") is an arrival there (:func:`arrival_without_place`); the dateline's date is never a trip's date.
"""

from __future__ import annotations

import re

from .document import _place_code, _Sentence
from .mentions import Hit
from .parse import _MONTHS

# an upper-case place, optionally with its country, then a date or an agency ("JUBA, July 9 (Reuters)",
# "SHARM EL-SHEIKH, Egypt", "ROME, 30 AUG", "MINSK, 23 November 2023"); an agency's mark may come first
# ("(ASP) - ROME, 30 AUG -")
_AGENCY = r"\([A-Z][\w .]*\)"
_PLACE = (rf"(?:{_AGENCY}[ \t]*[-\u2013\u2014]+[ \t]*)?(?P<city>[A-Z][A-Z'.\-]+(?: [A-Z][A-Z'.\-]+){{0,3}})"
          r"(?:,? \(?(?P<country>[A-Z][a-z]+(?: [A-Z][a-z]+)?)\)?)?")
_DAY = r"(?:, [A-Z][a-z]{2,8}\.? \d{1,2}\b|, \d{1,2} [A-Z][A-Za-z]{2,8}\.?(?: \d{4})?)"
# a dateline opening a paragraph: then a dash, a colon, a bracket or a comma
_DATELINE = re.compile(rf"(?:^|\n)[ \t]*{_PLACE}(?:{_DAY}| {_AGENCY})?[ \t]*(?:[-\u2013\u2014:]|\(|,)")
# a sentence opening with a dateline and its dash (what the parse should not read)
_OPENING = re.compile(rf"[ \t\n]*{_PLACE}{_DAY}?(?: {_AGENCY})?[ \t]*[-\u2013\u2014]+[ \t]")
# a title-case dateline, only with a spaced dash ("Addis Ababa — Under steady rain ...", "Goma, DR Congo - ")
_TITLE_DATELINE = re.compile(r"(?:^|\n)[ \t]*(?P<city>[A-Z][a-z'.\-]+(?: [A-Z][a-z'.\-]+){0,2})"
                             rf"(?:, (?P<country>[A-Z][a-z]+(?: [A-Z][a-z]+)?))?{_DAY}?(?: {_AGENCY})?"
                             r"[ \t]+[-\u2013\u2014]{1,2}[ \t]")
# a press release's place-and-date line on its own ("Addis Ababa, 31st January 2017", "Geneva, March 3, 2021")
_PLACE_DATE_LINE = re.compile(r"(?:^|\n)[ \t]*(?P<city>[A-Z][a-z'.\-]+(?: [A-Z][a-z'.\-]+){0,2})"
                              r"(?:, (?P<country>[A-Z][a-z]+(?: [A-Z][a-z]+)?))?, "
                              r"(?:\d{1,2}(?:st|nd|rd|th)? [A-Z][a-z]{2,8},? \d{4}|[A-Z][a-z]{2,8}\.? \d{1,2}(?:st|nd|rd|th)?,? "
                              r"\d{4})[ \t]*(?=\n|$)")
_HEAD_CHARS = 1500  # a dateline opens the story: looked for in its first characters only
# arrival words that take no destination of their own in "X flew in on Friday", "X landed yesterday evening"
_ARRIVED = frozenset({"arrived", "arrives", "arriving", "landed", "lands", "landing"})
_PARTICLE = {"flew": "in", "flies": "in", "flown": "in", "touched": "down", "touches": "down", "jetted": "in"}


def dateline_place(text: str, hits: list[Hit]) -> tuple[str, str] | None:
    """``(country code, city)`` of the story's dateline, if the text opens with one the gazetteer knows."""
    for m in _DATELINE.finditer(text, 0, _HEAD_CHARS):  # (an upper-case headline may match first)
        found = _resolved(m, hits)
        if found is not None:
            return found
    for rx in (_TITLE_DATELINE, _PLACE_DATE_LINE):
        for m in rx.finditer(text, 0, _HEAD_CHARS):
            found = _resolved(m, hits)
            if found is not None:
                return found
    return None


_MASTHEAD = re.compile(r"\A\s*(?:date \d{4}-\d{2}(?:-\d{2})? )?(?P<line>[^\n]{3,120})")


def masthead_place(text: str, hits: list[Hit]) -> tuple[str, str] | None:
    """``(code, city)`` of the one city a page's first line names in capitals ("THE PRETORIA LEDGER | Opinion", "THE
    AMMAN OBSERVER"): where a columnist's "here" is when no dateline says."""
    m = _MASTHEAD.match(text)
    if m is None:
        return None
    a, b = m.span("line")
    found = {(_place_code(h.value), next((pn.city for pn in h.value if pn.city), ""))
             for h in hits if h.cat == "place" and a <= h.start and h.end <= b and text[h.start:h.end].isupper()
             and any(pn.kind in ("city", "capital") for pn in h.value)}
    return found.pop() if len(found) == 1 else None


def _resolved(m: re.Match[str], hits: list[Hit]) -> tuple[str, str] | None:
    if len(m["city"]) < 3:
        return None
    a, b = m.span("city")
    place = next((h for h in hits if h.cat == "place" and h.start == a and h.end == b), None)
    if place is None:
        return None
    code = _place_code(place.value)
    if not code:
        return None
    if m["country"]:
        ca, cb = m.span("country")
        country = next((h for h in hits if h.cat == "place" and h.start == ca and h.end == cb), None)
        if country is not None and _place_code(country.value) not in ("", code):
            return None  # "PARIS, Texas": not the city the gazetteer reads
    city = next((pn.city for pn in place.value if pn.code == code and pn.city), "")
    return code, city


_ANOTHER_CLAUSE = frozenset({"and", "but", "before", "after", "then", "while", "where", "until"})


def arrival_without_place(s: _Sentence, place_starts: list[int]) -> int | None:
    """Token index of an arrival verb in ``s`` with no place named after it ("flew in from Khartoum" is an
    arrival from a place, not at one), else None."""
    words = s.words
    for n, w in enumerate(words):
        if w in _ARRIVED or (w in _PARTICLE and n + 1 < len(words) and words[n + 1] == _PARTICLE[w]):
            if any(p > n and _ANOTHER_CLAUSE.isdisjoint(words[n + 1:p]) for p in place_starts
                   if not (p > 0 and words[p - 1] == "from")):
                return None  # "arrived in Moscow", "landed at Ciampino in Rome": the place is told
                # (not "flew in on Wednesday and returned to Moscow the same evening": another clause's place)
            k = n + 2 if w in _PARTICLE else n + 1  # (the word after "flew in", or after "arrived")
            nxt = words[k] if k < len(words) else ""
            if nxt in ("back", "home"):
                return None  # "arrived back home"
            if w in _PARTICLE and (nxt in _MONTHS or nxt.isdigit()):
                return None  # "was flown in November 2011": "in" dates the flight, it is no arrival "in"
            return n
    return None



def without_dateline(sentence: str) -> str:
    """``sentence`` with an opening dateline blanked (same length: offsets hold), so that the parse reads the
    lead's own grammar ("SHARM EL-SHEIKH, Egypt - Omar al-Bashir touched down ...": Bashir is the subject)."""
    m = _OPENING.match(sentence)
    if m is None:
        return sentence
    return " " * m.end() + sentence[m.end():]
