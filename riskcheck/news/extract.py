"""Trips reported in news text: who travels where, when, and whether it happens.

A rule-based pipeline, linear in the length of the text; one module per stage:

1. :mod:`.mentions` finds people (aliases, titles), places, travel triggers, status cues and small word classes
   in one Aho-Corasick pass; :mod:`.sentences` splits sentences with a non-backtracking scanner;
   :mod:`.document` holds a sentence's tokens and hits and the document's state (people, events, drafts);
2. :mod:`.gatherings` collects the events the text places ("the summit in Kazan") in a first pass;
3. per sentence, :mod:`.refs` says who each mention is (names, titles, roles, surnames, pronouns, the salient
   subject carried across sentences, "the two leaders", "the visit" pointing back); :mod:`.attendance` joins
   people listed as present to the gathering or place just told, and :mod:`.venues` a place told after a plan
   that had none; :mod:`.shapes` reads
   special sentence shapes ("a summit between X and Y in Z", "X's first visit since 2017");
4. :mod:`.triggers` links each travel trigger to a destination (:mod:`.destinations`), a traveller
   (:mod:`.travellers`), a status (:mod:`.status`, every status rule, over the cue lexicon of
   :mod:`.modality`) and a date (:mod:`.tripdates`, resolved against the publication date by :mod:`.dates`);
5. :mod:`.assemble` merges mentions of one journey (same person and country, compatible dates) into trips;
6. :mod:`.timeline` reads a run of dated lines ("May 29, 2017 - Versailles, France. ...") as the trips of the
   wanted person the text is about;
7. :mod:`.storyplace` reads the dateline ("JUBA, July 9 (Wire) -"): the place of an arrival told without one;
8. with spaCy installed, :mod:`.dependency` reads sentences where a wanted person and a place were left
   unpaired off a dependency parse (:mod:`.parse`, triggers in ``tables/parse_triggers.csv``); its trips merge
   the same way.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from datetime import date
from typing import NamedTuple

from ..dates import DateSpan, parse_date
from ..errors import DateError
from ..events import series_spans
from ..ruleset import Ruleset, load_ruleset
from .assemble import _add, _finish
from .attendance import ACCOMPANY, _attendance, _entourage, among_present, present_include
from .delegation import IT_LISTS_TEXT, PARTY_TEXT, delegation_members, speaks_of_party
from .dependency import CALLED_OFF, CAPTION_WORDS, MOOTED, _parse_trips, _parse_words, _parser
from .document import _PLACE_KIND_RANK, Trip, _Doc, _Sentence
from .gatherings import _collect_events
from .glue import restore, unglue
from .invitations import INVITE_WORDS, invitation_home
from .mentions import Hit, gazetteer
from .names import variant_hits
from .parse import trigger_words
from .refs import (
    _BACK,
    _TRIP_STARTS,
    _age_subject,
    _cheap_subject,
    _date_back_reference,
    _surname_subject,
    _two_met,
    came_back,
    mentions,
    note_named,
    official_subject,
    profile_heading,
)
from .sentences import split, unwrap
from .shapes import (
    GATHERING_NOUNS,
    GREETED,
    ORDINAL_FOLLOW,
    ORDINAL_NOUNS,
    TO_COURT,
    TOUR,
    _first_since,
    _meeting_between,
    _meeting_on_trip,
    _next_stop,
    _ordinal_visits,
    _since_gathering,
    _since_visit,
    _to_the_court,
    _years_since_last,
    earlier_visit,
    first_in_place,
    greeted_by_host,
    in_place_since,
    note_ordinal,
    previous_editions,
    second_destination,
    series_since,
    tour_began,
)
from .status import ANSWER_HINT, instead_cancel, later_cancel
from .storyplace import dateline_place, masthead_place
from .timeline import find_timeline, timeline_trips
from .triggers import _trips_in
from .tripdates import anchored_stays, date_told_nearby, trips_again
from .venues import note_plan, plan_words, venue_named

__all__ = ["Trip", "extract_trips"]

_INTERESTING = frozenset({"person", "title", "role", "trigger"})  # hits that make a sentence worth reading
# hit classes without which an article can hold no trip (with the event series, checked apart)
_ANCHORS = frozenset({"person", "title", "role", "official", "place"})
_REFERRING = frozenset({"pronoun", "epithet"})  # word classes that point back to a person
_WITH_IN = re.compile(r"\bwith\b[^,;]{1,60}\bin\b")  # "..., with X in Hungary": X was there (see parse.links)
_BACK_FROM_RX = re.compile(r"\b(?:back|fresh) from\b")  # "X, back from Beijing, said" (parse._back_from)
_DIGIT = re.compile(r"\d")
_CAPTION = re.compile(r" (?:in|at) ")
# "their summit in Helsinki", "they met in Baku", "the two sat down in Vienna" (refs._two_met)
_PAIR_REF = re.compile(r"\b(?:their|they|the two|both)\b")

def _published(published: date | str | DateSpan | None) -> DateSpan | None:
    if published is None or published == "":
        return None
    if isinstance(published, DateSpan):
        return published
    if isinstance(published, date):
        return DateSpan.day(published)
    try:
        return parse_date(str(published))
    except DateError:
        return None


def extract_trips(text: str, published: date | str | DateSpan | None = None,
                  ruleset: Ruleset | None = None, use_parse: bool = True) -> list[Trip]:
    """Trips reported in ``text``, one per journey, in order of first mention.

    With spaCy installed (``riskcheck[nlp]``) and ``use_parse``, sentences with a person and a place are also
    read off a dependency parse (:mod:`.parse`).

    ``published`` (a date, ``YYYY-MM-DD``/``YYYY-MM``, or None) anchors relative dates ("next month",
    "on Monday"); without it they stay unresolved (empty ``start``, precision ``unknown``).

    >>> t = extract_trips("President Vladimir Putin will visit China in October.", "2023-07-25")
    >>> [(x.person_id, x.country, x.start, x.precision, x.status) for x in t]
    [('vladimir-putin', 'CN', '2023-10-01', 'month', 'planned')]
    """
    if not isinstance(text, str):
        raise TypeError("text must be a str")
    rs = ruleset or load_ruleset()
    g = gazetteer(rs)
    pub = _published(published)
    text = unwrap(text)  # a hard-wrapped page: sentences run over its lines
    given = text
    text, cuts, glued = unglue(text, rs)  # "Kazakhstanwhere", "Orbanin Budapest": read with the words apart
    folded, hits = g.scan(text)
    extra = variant_hits(text, hits, rs)
    if extra:  # wanted people in spellings the alias table lacks ("Osema Najim Almasri")
        hits = sorted(hits + extra, key=lambda h: (h.start, -h.end))
    spans = series_spans(text, ruleset=rs)
    if not spans and not any(h.cat in _ANCHORS for h in hits):
        return []  # no person, title, place or event series: nothing can travel anywhere (most of a firehose)
    doc = _Doc(text, pub, rs, g)
    doc.codes_seen = _codes_named(hits)
    doc.full_names = frozenset(h.key.rsplit(" ", 1)[1] for h in hits if h.cat in ("person", "official") and " " in h.key)
    doc.story = dateline_place(text, hits)  # "JUBA, July 9 (Reuters) -": where an arrival with no place happens
    doc.masthead = masthead_place(text, hits)  # "THE PRETORIA LEDGER | Opinion": where a columnist's "here" is
    known = doc.known_surnames
    sents = split(text)
    # bucket hits by sentence (both are in text order: one merge pass); note the surnames of wanted people
    by_sent: list[list[Hit]] = [[] for _ in sents]
    cats_of: list[set[str]] = [set() for _ in sents]
    n_sents = len(sents)
    k = 0
    nxt_start = sents[1][0] if n_sents > 1 else len(text) + 1
    for h in hits:
        if h.cat == "person" and " " in h.key:
            known.setdefault(h.key.rsplit(" ", 1)[1], h.value)
        if h.start >= nxt_start:
            while k + 1 < n_sents and sents[k + 1][0] <= h.start:
                k += 1
            nxt_start = sents[k + 1][0] if k + 1 < n_sents else len(text) + 1
        if k < n_sents and sents[k][0] <= h.start and h.end <= sents[k][1]:
            by_sent[k].append(h)
            cats_of[k].add(h.cat)
    # event series ("BRICS summit", "SPIEF", "COP29") by sentence: their editions place and date an event
    series_at = doc.series_at
    if sents:
        starts = [a for a, _ in sents]
        for sa, sb, sid in spans:
            n = bisect.bisect_right(starts, sa) - 1
            if n >= 0 and sb <= sents[n][1]:
                series_at.setdefault(n, []).append((sa, sb, sid))
    nlp = _parser() if use_parse else None
    parse_words = _parse_words() if nlp is not None else frozenset()
    parsed: dict[int, _Sentence] = {}
    # pass 1: events with a place (and a date), or a known series' edition, for "will attend the summit"
    for k, (a, b) in enumerate(sents):
        if k in series_at or "word" in cats_of[k] and any(h.cat == "word" and h.value == "event" for h in by_sent[k]):
            s = parsed[k] = _Sentence(text, folded, a, b, by_sent[k])
            _collect_events(doc, s, k)
    # pass 2: people and trips
    nearby = doc.w.get("tripref", set()) | doc.w.get("tripverb", set())
    timeline = find_timeline(text, hits, pub.start if pub else None)
    # each line of a timeline of X's travels opens about X: "Late June - China. He reaches Beijing ..."
    line_starts = [m.start() for m, _ in timeline[1]]
    for k, (a, b) in enumerate(sents):
        if line_starts and (n := bisect.bisect_left(line_starts, a)) < len(line_starts) and line_starts[n] < b:
            doc.last_subject, doc.last_subject_age = doc.entity_for_pid(timeline[0]), 0
        if k and doc.drafts:
            _dated_after(doc, text, folded, sents[k - 1], by_sent[k - 1], cats_of[k - 1], nearby)
        doc.cursor = a
        if text[a:a + 1].isupper() or text[a:a + 1].isspace():
            profile_heading(doc, a, by_sent[k])  # "ABDUL GHANI BARADAR — Deputy leader": the section's "he"
        if k:
            doc.prev_places = (sents[k - 1][0], [h for h in by_sent[k - 1] if h.cat == "place"])
        if k and PARTY_TEXT.search(folded, *sents[k - 1]):
            doc.party_end = sents[k - 1][1]  # ("The delegation was heavy. Besides Y it included X")
        cats = cats_of[k]
        if doc.drafts and k and ("cue" in cats or ANSWER_HINT.search(folded, a, b)):
            later_cancel(doc, folded, a, b, by_sent[k], sents[max(0, k - 2):k])
        if doc.drafts and k and folded.startswith("instead ", a) and "place" in cats:
            instead_cancel(doc, by_sent[k], sents[k - 1:k])  # "... was due in X. Instead he went to Y."
        if doc.plan is not None and "place" in cats:
            venue_named(doc, _Sentence(text, folded, a, b, by_sent[k]), k)
        on = _open_gates(_Look(doc, folded, a, b, k, cats, by_sent[k], parse_words, known))
        if not (cats & _INTERESTING) and not (on & WAKE_GATES):
            if folded.startswith(_TRIP_STARTS, a) and doc.drafts:
                _date_back_reference(doc, _Sentence(text, folded, a, b, by_sent[k]))
            elif "place" in cats and _PAIR_REF.search(folded, a, b):
                _two_met(doc, _Sentence(text, folded, a, b, by_sent[k]))  # "since their summit in Helsinki"
            if not _surname_subject(doc, folded, a, b) and not _age_subject(doc, folded, a, b) and \
                    not ("official" in cats and official_subject(doc, text, a, by_sent[k])):
                doc.last_subject_age += 1  # ("Masoud Pezeshkian won the run-off": who "he" is next)
            continue
        if not (cats & {"trigger", "role"}) and k not in parsed and not on:
            _cheap_subject(doc, text, by_sent[k])
            if "person" in cats and plan_words(folded[a:b]):  # "X and Y could hold a summit soon" (no place)
                note_plan(doc, _Sentence(text, folded, a, b, by_sent[k]), k,
                          [doc.entity_for_pid(h.value) for h in by_sent[k] if h.cat == "person"], False)
            continue
        s = parsed.pop(k) if k in parsed else _Sentence(text, folded, a, b, by_sent[k])
        doc.subject_before = (doc.last_subject, doc.last_subject_age)
        ms = mentions(doc, s)
        if "between" in s.words:
            _meeting_between(doc, s, ms)
        elif "trigger" in cats and doc.drafts:
            _meeting_on_trip(doc, s, ms)
        if "since" in s.words:
            if "first" in s.words:
                _first_since(doc, s, ms)
                first_in_place(doc, s, ms)  # "became the first Kremlin leader in Tehran since Stalin"
            _since_gathering(doc, s, ms)
            _since_visit(doc, s, ms)  # "since a visit to Washington in December"
            in_place_since(doc, s, ms)  # "Bashir, in Addis Ababa since Friday, ..."
            if k in doc.series_at:
                series_since(doc, s, k, ms)  # "has not attended a G20 summit since 2019"
        if "by" in s.words and not GREETED.isdisjoint(s.words):
            greeted_by_host(doc, s, ms)  # "he was greeted at the foot of the steps by President X": X's country
        if "next" in s.words:
            _next_stop(doc, s, ms)  # "X's next stop is Venezuela"
        if ("previous" in s.words or "last" in s.words) and not GATHERING_NOUNS.isdisjoint(s.words):
            previous_editions(doc, s, k, ms)  # "X attended the two previous forums"
        if "court" in s.words or "icc" in s.words:
            _to_the_court(doc, s, ms)  # "Germany surrendered him to the court on 1 December"
        if "first" in s.words and ("second" in s.words or "third" in s.words):
            _ordinal_visits(doc, s, ms)
        if "years" in s.words and "last" in s.words:
            _years_since_last(doc, s, ms)
        if ("trigger" in cats or "place" in cats) and \
                ("two" in s.words or "they" in s.words or "both" in s.words or "their" in s.words):
            _two_met(doc, s, ms)
        if doc.context is not None:
            _attendance(doc, s, k, ms)
        if "place" in cats and ("include" in s.words or "includes" in s.words or "included" in s.words):
            present_include(doc, s, ms)
        if "among" in s.words and doc.events:
            among_present(doc, s, k, ms)
        named = [m.entity for m in ms if m.entity is not None and m.kind != "pronoun"]
        if named:
            note_named(doc, b, named)
        n_before = len(doc.drafts)
        if "trigger" in cats:
            _trips_in(doc, s, k, ms)
            if len(doc.drafts) == n_before:
                _date_back_reference(doc, s)
        if nlp is not None and (any(m.entity is not None for m in ms) or not CALLED_OFF.isdisjoint(s.words)
                                or not MOOTED.isdisjoint(s.words)):
            _parse_trips(doc, s, k, ms, nlp)
        if not INVITE_WORDS.isdisjoint(s.words):
            invitation_home(doc, s, k, ms)  # "Xi invited Putin to visit": to the inviter's country
        if "tour" in on or "place" in cats and len(doc.drafts) > n_before and TOUR.search(folded, a, b):
            tour_began(doc, s)  # ("spent two days in Riyadh, at the start of a tour that ended in Amman")
        if "earlier" in on:
            earlier_visit(doc, s, k, ms)
        if not ORDINAL_NOUNS.isdisjoint(s.words):
            note_ordinal(doc, s, k, ms)  # (after this sentence's own trips: "... to the country" is the last one)
        if len(doc.drafts) > n_before and "and" in s.words:
            second_destination(doc, s, ms)  # "... in Beijing in September and the summit in New Delhi in October"
        if "back" in on:
            came_back(doc, s, ms)  # "He came back on 28 February", "he returned in September 2024"
        if ("again" in s.words or len(s.dates) > 1) and doc.drafts:
            for d in trips_again(doc, s, [d for d in doc.drafts if (s.a, s.b) in d.sentences]):
                _add(doc, d)  # "in May for the parade and again in July", "on 21 March and on 4 June": more trips
        if doc.drafts and ("by" in s.words or "with" in s.words or "accompanied" in s.words):
            _entourage(doc, s, k, ms)  # (after this sentence's own trips: "arrived in X, accompanied by Y")
        if doc.drafts and speaks_of_party(doc, s.words):
            delegation_members(doc, s, ms)  # "a delegation including X", "X was part of the delegation"
        if len(doc.drafts) > n_before or any((s.a, s.b) in d.sentences for d in doc.drafts[-3:]):
            anchored_stays(doc, s)
        note_plan(doc, s, k, [m.entity for m in ms if m.entity is not None and m.kind != "pronoun"],
                  len(doc.drafts) > n_before)
    if sents and doc.drafts:
        _dated_after(doc, text, folded, sents[-1], by_sent[-1], cats_of[-1], nearby)
    timeline_trips(doc, text, hits, trigger_words(), timeline)  # "May 29, 2017 - Versailles, France. ..." lines
    trips = [t for d in doc.drafts if not _after_death(t := _finish(doc, d), rs)]
    return restore(trips, cuts, glued) if text is not given else trips


def _after_death(t: Trip, rs: Ruleset) -> bool:
    """A trip of a wanted person dated after the day the data records their death: a misreading (a name in
    "since Gaddafi was overthrown" handed a later journey), never a journey of theirs."""
    died = rs.died_on(t.person_id) if t.person_id and t.start else None
    return died is not None and t.start > died.isoformat()


_BE_THERE = re.compile(r"\b(?:was|were|is|are|been|be)(?: (?:last|already|still|also|again|once|briefly))? "
                       r"(?:here|there)\b(?! (?:is|are|was|were|will|would|has|have|had)\b)")

class _Look(NamedTuple):
    """One sentence as the gates see it."""

    doc: _Doc
    folded: str
    a: int
    b: int
    k: int
    cats: set[str]
    hits: list[Hit]
    parse_words: frozenset[str]
    known: dict[str, str]


def _referring(x: _Look) -> bool:
    """"He traveled through A and B", "the dictator ventured to A", "Bashir is invited for the forum in A": a
    pronoun, an epithet or a wanted person's surname, a place and a travel word only the parse knows."""
    if not x.parse_words or "place" not in x.cats or x.cats & _INTERESTING:
        return False
    ws = x.folded[x.a:x.b].split()
    return not x.parse_words.isdisjoint(ws) and (
        any(h.cat == "word" and h.value.partition(":")[0] in _REFERRING for h in x.hits)
        or not x.known.keys().isdisjoint(ws))


def _caption(x: _Look) -> bool:
    """A caption or headline with no verb ("X and Y in Beijing, May 2024"): the parse tells."""
    return bool(x.parse_words) and "person" in x.cats and "place" in x.cats and x.b - x.a <= 200 and \
        _CAPTION.search(x.folded, x.a, x.b) is not None and len(x.folded[x.a:x.b].split()) <= CAPTION_WORDS


# Why a sentence is read beyond its hits: each gate names one sentence shape. A sentence with no person, title,
# role or trigger is read only when a WAKE gate holds; one with no trigger or role is read in full (mentions,
# shapes, the parse) only when some gate holds; otherwise only its subject is noted. "back", "tour" and
# "earlier" also name the shape readers that run on the sentence.
GATES: dict[str, Callable[[_Look], bool]] = {
    "referring": _referring,
    # "He was accompanied by X": joins the trip just told
    "accompany": lambda x: bool(x.doc.drafts) and ACCOMPANY.search(x.folded, x.a, x.b) is not None,
    # "Y was part of the delegation", "a delegation including Y": Y joins the trip just told
    "delegation": lambda x: bool(x.doc.drafts) and "person" in x.cats and
    PARTY_TEXT.search(x.folded, x.a, x.b) is not None,
    # "The delegation was heavy. Besides Y it included X": (the delegation named, and "it included")
    "it_included": lambda x: bool(x.doc.drafts) and "person" in x.cats and x.doc.party_end >= 0 and
    IT_LISTS_TEXT.search(x.folded, x.a, x.b) is not None,
    # "Putin was last here in July 2014", "he was there in May": the parse reads "here"/"there" as a place
    "be_there": lambda x: bool(x.parse_words) and _BE_THERE.search(x.folded, x.a, x.b) is not None,
    # "In April Gbagbo spent four days here" (a dateline's or masthead's place): a travel verb only the parse knows
    "here": lambda x: bool(x.parse_words) and (x.doc.story is not None or x.doc.masthead is not None) and
    " here " in x.folded[x.a:x.b] and not x.parse_words.isdisjoint(x.folded[x.a:x.b].split()),
    # "He came back on 28 February": one more journey there (refs.came_back)
    "back": lambda x: _BACK.search(x.folded, x.a, x.b) is not None,
    # "Germany surrendered him to the court": The Hague
    "to_court": lambda x: ("person" in x.cats or bool(x.doc.drafts)) and
    TO_COURT.search(x.folded, x.a, x.b) is not None,
    # "The tour began in Riyadh": the journey under discussion (shapes.tour_began)
    "tour": lambda x: "place" in x.cats and bool(x.doc.drafts or x.doc.recent) and
    TOUR.search(x.folded, x.a, x.b) is not None,
    # "It was X's third visit to Y. The first, in June 2001, ...": an earlier visit told with its date
    "earlier": lambda x: "date" in x.cats and x.doc.ordinal is not None and
    0 < x.k - x.doc.ordinal[3] <= ORDINAL_FOLLOW,
    # "Among them was X": present at the gathering just told
    "among": lambda x: bool(x.doc.events) and x.folded.startswith(("among ", "also among "), x.a),
    "caption": _caption,
    # a person, a place and a travel verb only the parse knows ("ventured to", "was hosted in")
    "parse_verb": lambda x: bool(x.parse_words) and "place" in x.cats and
    not x.parse_words.isdisjoint(x.folded[x.a:x.b].split()),
    # "..., with X in Hungary": X was there (see parse.links)
    "with_in": lambda x: bool(x.parse_words) and "place" in x.cats and
    _WITH_IN.search(x.folded, x.a, x.b) is not None,
    # "X, back from Beijing, said", "fresh from talks in Tehran": X had been there (see parse._back_from)
    "back_from": lambda x: bool(x.parse_words) and "place" in x.cats and
    _BACK_FROM_RX.search(x.folded, x.a, x.b) is not None,
}
WAKE_GATES = frozenset({"referring", "accompany", "be_there", "here", "back", "to_court", "tour", "earlier"})


def _open_gates(x: _Look) -> set[str]:
    """The names of the gates that hold for a sentence."""
    return {name for name, test in GATES.items() if test(x)}



def _codes_named(hits: list[Hit]) -> frozenset[str]:
    """Countries the text names unambiguously, by its longest place names ("the Democratic Republic of Congo" is
    CD, not the "Republic of Congo" inside it)."""
    out: set[str] = set()
    end = -1
    for h in sorted((h for h in hits if h.cat == "place"), key=lambda h: (h.start, -h.end)):
        if h.end <= end:
            continue  # inside a longer name
        end = h.end
        codes = {pn.code for pn in h.value if pn.kind in _PLACE_KIND_RANK}
        if len(codes) == 1:
            out |= codes
    return frozenset(out)


def _dated_after(doc: _Doc, text: str, folded: str, span: tuple[int, int], hits: list[Hit], cats: set[str],
                 nearby: set[str]) -> None:
    """Once a sentence is read: does it date the trip just reported ("The visit will take place in March")?
    (:func:`.tripdates.date_told_nearby`; only sentences with a date and a word pointing back are looked at.)"""
    a, b = span
    if ("date" in cats or _DIGIT.search(folded, a, b)) and not nearby.isdisjoint(folded[a:b].split()):
        date_told_nearby(doc, _Sentence(text, folded, a, b, hits))
