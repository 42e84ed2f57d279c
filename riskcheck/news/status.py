"""Status rules of the extractor, in one place: how a trip's status is read in a sentence (on top of the cue
lexicon in :mod:`.modality`, whose :func:`~.modality.status_of` ranks virtual > cancelled > own tense >
speculative > planned > invited), the status of a noun trigger without a cue, and how statuses combine when
mentions of one journey merge (:data:`_STATUS_RANK`: a later "the visit was called off" cancels a plan).
"""

from __future__ import annotations

import re
from datetime import date

from . import dates as ndates
from .dates import DateExpr
from .document import _POSSESSIVE_SKIP, Place, _Doc, _Draft, _place_code, _Sentence
from .mentions import Hit
from .modality import FUTURE, Cue, status_of
from .parse import Link
from .tripdates import _REPORTED, _pick_date

_STATUS_RANK = {"virtual": 0, "cancelled": 1, "ongoing": 2, "completed": 3, "planned": 4, "invited": 5,
                "speculative": 6}
_OPEN = frozenset({"invited", "speculative"})
_SCHEDULE = frozenset({"begins", "starts", "opens", "kicks", "commences"})  # a timetable's present tense
_PAST_CANCEL = frozenset({"skipped", "missed", "blocked", "stayed", "boycotted", "snubbed", "shunned"})


_PRESENT_MAIN = frozenset({"comes", "come", "is", "are", "will", "would", "could", "may", "might", "must", "can",
                           "should", "looks", "seems", "marks", "raises", "puts"})


def _noun_status(doc: _Doc, s: _Sentence, found: list[DateExpr], ti: int, tj: int, dj: int, speech: set[str],
                 clause: tuple[int, int]) -> str | None:
    """Status of "X's visit to Y" when no cue in the sentence says it: the trip's own date against the
    publication date, else the tense of the sentence ("... has drawn criticism", "... ended", "after ...")."""
    words = s.words
    ahead = _noun_ahead(s, dj)
    if ahead is not None:
        return ahead  # "X's visit to Y will take place in May", "X's trip to Y is planned for June"
    if not _NEXT_TRIP.isdisjoint(words[max(clause[0], ti - 3):ti]) and _present_between(doc, words[tj:dj]):
        return "planned"  # "X's next foreign trip is to Minsk on 26 June" ("was to Minsk": made)
    dexpr = _pick_date(s, found, ti, max(tj, dj), speech, clause)
    if dexpr is not None and doc.pub is not None and dexpr.kind == "weekday" and _SCHEDULE.intersection(s.words):
        return "planned"  # "On Tuesday, the state visit to X begins": a timetable's present looks ahead
    if dexpr is not None and dexpr.i > dj and _PRESENT_MAIN.intersection(words[dj:dexpr.i]):
        dexpr = None  # "X's trip to Y comes as ... in March": the date of what the trip comes amid
    if dexpr is not None and doc.pub is not None:
        spans = ndates.resolve(dexpr, doc.pub, False)
        if spans:
            if spans[0][1] < doc.pub.start:
                return "completed"
            if spans[0][0] > doc.pub.end:
                return "planned"
            if "to" in words[max(clause[0], ti - 3):ti] and spans[0][1] > doc.pub.end:
                return "planned"  # "X to pay state visit to Y this week" (a headline's infinitive)
            return "completed"
    between = set(words[tj:dj])
    if between & {"will", "shall"}:
        return "planned"  # "X's next trip will be to Hungary"
    if between & {"was", "were"} and not between & {"would", "could", "might"}:
        return "completed"  # "X's first foreign trip was to Hungary": the copula's tense
    past = doc.w.get("pasttense", set())
    for n in range(dj, len(words)):
        x = words[n]
        if x in _PRESENT_MAIN:
            return None  # "X's trip to Y comes as ...": the sentence's own verb is a present, not a past
        if x in past or (len(x) > 4 and x.endswith("ed") and words[n - 1] not in ("be", "been", "being", "to")):
            return "completed"
    return None


_NEXT_TRIP = frozenset({"next", "upcoming", "forthcoming"})


def _present_between(doc: _Doc, between: list[str]) -> bool:
    """Whether the words between a trip noun and its place hold a present copula and no past verb ("is to",
    "is pencilled in for"; not "was to", "took him to")."""
    past = doc.w.get("pasttense", set())
    if any(x in ("was", "were", "had") or x in past for x in between):
        return False
    return any(x in ("is", "are") for x in between)


_PLAN_PARTICIPLES = frozenset({"planned", "scheduled", "expected", "set", "due", "slated", "to", "pencilled",
                               "penciled"})


def _noun_ahead(s: _Sentence, dj: int) -> str | None:
    """ "X's visit to Y will take place in May", "X's trip to Y is planned for June", "... could happen in
    autumn": the main verb right after the trip noun's place looks ahead (planned, or speculative when hedged)."""
    words = s.words
    for n in range(dj, min(len(words), dj + 5)):
        x = words[n]
        if any(c in s.toks[n].gap for c in ",;:()"):
            return None  # ("since a tour of X in December, is expected to ...": another clause's verb)
        if x in ("will", "shall"):
            return "planned"
        if x in ("could", "may", "might") and not any(d.i <= n < d.j for d in s.dates):
            return "speculative"  # (not the month: "in May")
        if x in ("is", "are") and words[n + 1:n + 2] and words[n + 1] in _PLAN_PARTICIPLES:
            return "planned"
        if x in ("was", "were", "has", "had", "is", "are", "said", "says", "would", "and", "but", "which", "that"):
            return None  # another verb first: the sentence's tense decides
    return None


_AFTER_ALL = frozenset({"eventually", "finally", "ultimately"})
_NOT_TAKEN = (("rather", "than"), ("instead", "of"))


def _not_taken(words: list[str], ti: int) -> bool:
    """True for a trigger right after "rather than" / "instead of" (a journey not made)."""
    return ti >= 2 and (words[ti - 2], words[ti - 1]) in _NOT_TAKEN
_HEADS = frozenset({"heads to", "heads for"})
_LEAD_PAST = frozenset({"held", "made", "paid", "began", "started", "concluded", "ended", "undertook", "boarded", "took",
                        "completed", "wrapped", "used"})
_AFTER = frozenset({"after", "following", "apres"})
_AFTER_FILL = frozenset({"a", "an", "the", "his", "her", "their", "its", "day", "days", "week", "weeks", "long",
                         "s", "un", "une", "son", "sa"})
_SEQUEL = frozenset({"before", "then"})  # "..., before going on to B", "and then fly to B"
_PAST_AUX = frozenset({"was", "were", "had", "did"})


def _after_trip(words: list[str], ti: int, cues: list[Cue]) -> bool:
    """ "after a four-day stay in X", "following his visit to X": a trip already over, unless the sentence
    speaks of the future before it ("will fly on after his visit to X")."""
    a = next((n for n in range(ti - 1, max(-1, ti - 6), -1) if words[n] in _AFTER), None)
    if a is None or not all(x in _AFTER_FILL or x in _POSSESSIVE_SKIP or x.isdigit() or x in ndates._NUMWORDS
                            for x in words[a + 1:ti]):
        return False
    if any(x in ("planned", "upcoming", "next", "prochaine") for x in words[a + 1:ti]):
        return False
    return not any(c.j <= a and c.status in ("planned", "speculative", "invited") and c.strength >= 4
                   and words[c.i] not in _PAST_AUX for c in cues)


_PAST_MAIN = frozenset({"met", "said", "told", "signed", "held", "spoke", "gave", "made", "took", "was", "were",
                        "did", "saw", "went", "came", "left", "sat", "won", "lost"})


def _during_past(words: list[str], ti: int, cues: list[Cue]) -> bool:
    """ "failed to arrest X during his visit to Y", "signed deals during a visit to Y": a past main verb before
    "during" tells a visit made (not "will sign deals during his visit")."""
    a = next((n for n in range(ti - 1, max(-1, ti - 4), -1) if words[n] == "during"), None)
    if a is None or not all(x in _AFTER_FILL or x in _POSSESSIVE_SKIP for x in words[a + 1:ti]):
        return False
    if any(x in ("planned", "upcoming", "next", "forthcoming", "expected") for x in words[a + 1:ti]):
        return False
    if any(c.j <= a and c.status in ("planned", "speculative", "invited") and c.strength >= 4 for c in cues):
        return False
    return any(x in _PAST_MAIN or (len(x) > 4 and x.endswith("ed")) for x in words[max(0, a - 8):a])


def _progressive_lead(words: list[str], ti: int, nounverb: set[str]) -> bool:
    """ "is making a visit to", "are paying a state visit to": a verb of undertaking in the present progressive
    right before the noun trigger."""
    for n in range(ti - 1, max(0, ti - 5), -1):
        if words[n] in nounverb and words[n].endswith("ing"):
            return words[n - 1] in ("is", "are", "s", "currently")
    return False


def trigger_status(doc: _Doc, s: _Sentence, form: str, role: str, ti: int, tj: int, cues: list[Cue],
                   own_cues: list[Cue], clause: tuple[int, int], lead_past: str, dest_j: int, last_since: bool,
                   key: str, sent_status: dict[str, tuple[str, int]], done_here: dict[str, str]) -> str | None:
    """Status of the trip a trigger at ``[ti, tj)`` reports for the person ``key``; None when the text denies it.

    The cue lexicon first (:func:`~.modality.status_of` over ``own_cues``, the cues this trigger owns), then:
    a trip "after a four-day stay in X" is over; a verb of undertaking ("paid a visit") gives its tense to the
    noun (``lead_past``); a noun trigger without a cue takes its date against the publication
    (:func:`_noun_status`); "has not been to X since 2019" is a completed trip; a sequel leg ("before going on to
    B") shares the tense of the first; "arrived in X to attend" is the purpose of a completed trip; "left for"
    is a trip under way. ``sent_status``/``done_here`` carry the statuses already read in this sentence.
    """
    words = s.words
    status = status_of(form, role, words, ti, tj, own_cues, clause)
    if form in ("base", "noun") and role in ("go", "be", "attend") and status in (None, "planned") and \
            _after_trip(words, ti, cues):
        status = "completed"  # "was due in Washington after a four-day stay in Hungary"
    if form == "noun" and status in (None, "planned") and _during_past(words, ti, cues):
        status = "completed"  # "failed to arrest him during his visit to the country in May 2011"
    if status is None and lead_past:
        status = lead_past
    if status is None and form == "noun" and not any(clause[0] <= c.i and c.j <= clause[1] for c in cues):
        # cues of another clause ("since the warrant was issued: his visit to X ...") say nothing of this one
        status = _noun_status(doc, s, s.dates, ti, tj, dest_j, doc.w.get("speech", set()), clause)
    if status is None and form == "noun" and _progressive_lead(words, ti, doc.w.get("nounverb", set())):
        status = "ongoing"  # "X is making his first trip to Y": a trip under way
    if last_since:
        status = "completed"
    if status is None and key in sent_status and form == "base":
        # "will fly to A on Tuesday, before going on to B": a sequel leg shares the tense of the first
        prev_status, prev_j = sent_status[key]
        if prev_j <= ti and any(x in _SEQUEL for x in words[prev_j:ti]):
            status = prev_status
    if status is None:
        return None
    if status in ("planned", "completed"):
        sent_status[key] = (status, tj)
    if status == "planned" and form == "base" and ti > 0 and words[ti - 1] == "to" and \
            key in done_here and not any(c.status == "planned" and c.strength >= 4 and c.j <= ti
                                         and ti - c.j <= 4 for c in cues):
        status = done_here[key]  # "arrived in X to attend": the purpose of a completed trip
    if status in ("completed", "ongoing"):
        done_here[key] = status
    if role == "leave" and status == "planned":
        status = "ongoing"
    if (status == "ongoing" and form == "ing" or status in ("completed", "ongoing") and form == "pres") and \
            _progressive_ahead(doc, s, ti, tj, dest_j, clause, strict=form == "pres"):
        status = "planned"
    if status in ("planned", "invited") and _but_not_made(words, clause[1], cues, doc.places(s)):
        status = "cancelled"
    if status == "planned" and _there_now(words, dest_j):
        status = "ongoing"
    if status == "completed" and form == "base" and "would" in words[max(clause[0], ti - 4):ti] and \
            _REPORTED.intersection(words[:ti]):
        status = "planned"  # "said he would later visit X": reported speech, not a past narrative
    return status


def _there_now(words: list[str], dest_j: int) -> bool:
    """ "was due to meet X in Y, where both are attending the summit": a relative clause on the destination in
    the present progressive says the traveller is there now."""
    if words[dest_j:dest_j + 1] != ["where"]:
        return False
    tail = words[dest_j + 1:dest_j + 6]
    return any(x in _PRES_BE and n + 1 < len(tail) and (tail[n + 1].endswith("ing") or tail[n + 1] == "currently")
               for n, x in enumerate(tail))


# verbs of a journey made, as they follow a negation ("but did not go", "but decided not to travel")
_MADE = frozenset({"go", "went", "travel", "travelled", "traveled", "attend", "attended", "come", "came", "visit",
                   "visited", "make", "made", "show", "showed", "turn", "turned", "appear", "appeared", "happen",
                   "happened", "materialise", "materialised", "materialize", "materialized", "take", "took", "fly",
                   "flew", "leave", "left", "arrive", "arrived"})


def _but_not_made(words: list[str], c1: int, cues: list[Cue], places: list[Place]) -> bool:
    """ "was invited to X but did not go", "had planned to attend ... but decided not to travel": a plan whose
    next clause, opened by "but", negates a verb of going and names no other place."""
    if c1 >= len(words) or words[c1] not in ("but", "however"):
        return False
    if any(p.i > c1 for p in places):
        return False
    return any(c.status == "neg" and c1 < c.i <= c1 + 5 and _MADE.intersection(words[c.j:c.j + 3]) for c in cues)


_PRES_BE = frozenset({"is", "are", "am", "s", "re"})


def _progressive_ahead(doc: _Doc, s: _Sentence, ti: int, tj: int, dest_j: int, clause: tuple[int, int],
                       strict: bool = False) -> bool:
    """ "is travelling to X next week", "are visiting Y on Monday", "is heading to Z in July": a present
    progressive whose own date lies after the report is an arrangement for the future (a plan), not a journey
    under way. ``strict`` (a simple present, "travels to X next week"; a headline's present may also tell a
    past arrival): only a date that cannot lie in the past ("next week", "tomorrow", "in June 2031") counts."""
    words = s.words
    if doc.pub is None:
        return False
    if not strict and not _PRES_BE.intersection(words[max(clause[0], ti - 3):ti]):
        if words[ti] not in _PRES_BE or words[ti + 1:ti + 2] in (["currently"], ["now"], ["still"]):
            return False
        # the trigger is the copula, "is in Italy next week": only a date that cannot lie in the past counts (a
        # review's present, "Shoigu is in Pyongyang on 13 September", tells a visit made)
        strict = True
    dexpr = _pick_date(s, s.dates, ti, max(tj, dest_j), doc.w.get("speech", set()), clause)
    if dexpr is None or dexpr.kind == "anchor" or not (clause[0] <= dexpr.i and dexpr.j <= clause[1]):
        return False
    if dexpr.i > 0 and words[dexpr.i - 1] in ("until", "till", "through", "to"):
        return False  # "is visiting X until Thursday": the end of a stay under way
    lo, hi = (max(tj, dest_j), dexpr.i) if dexpr.i >= tj else (dexpr.j, ti)
    if any(len(w) > 4 and w.endswith("ed") or w in _PAST_MAIN for w in words[lo:hi]):
        return False  # "who is visiting Russia, crossed the border on Tuesday": a past verb's date
    if strict and not (dexpr.kind == "rel" and dexpr.n > 0 or dexpr.extra.get("dir") == "next" or
                       dexpr.kind == "abs" and dexpr.years or _weekday_ahead(dexpr, doc.pub.start)):
        return False
    spans = ndates.resolve(dexpr, doc.pub, True)
    return bool(spans) and spans[0][0] > doc.pub.end


def _weekday_ahead(dexpr: DateExpr, pub: date) -> bool:
    """ "arrives in Ankara on Tuesday" in a report of Monday: the weekday's next day comes sooner than its last
    (a report of Wednesday means the day before)."""
    if dexpr.kind != "weekday" or dexpr.extra.get("dir") or dexpr.n:
        return False
    ahead = (dexpr.weekday - pub.weekday()) % 7
    return 0 < ahead < 7 - ahead


def looks_ahead(status: str, form: str, words: list[str], cues: list[Cue], clause: tuple[int, int], tj: int) -> bool:
    """Whether a trip's relative date points after the publication ("on Monday" = next Monday): a plan does,
    but not a trip already skipped ("In October, X skipped a trip to Y") or attended by video in the past."""
    if status in ("cancelled", "virtual") and any(words[c.i] in _PAST_CANCEL and clause[0] <= c.i < tj for c in cues):
        # ("stayed away from the summit in August, addressing it by video instead": the August before)
        return False
    if status == "virtual" and form == "past":
        return False  # "In August he addressed the summit by video": the August before the report
    return status in FUTURE


def merge_status(doc: _Doc, d: _Draft, new: _Draft) -> None:
    """The status of journey ``d`` once mention ``new`` of it merges in: the strongest by :data:`_STATUS_RANK`
    ("the visit was called off" cancels a plan, "arrived" completes it), except that "X heads to Y" becomes a
    plan when a later mention dates it, a trip cancelled then "eventually" made was made, and a skipped event
    reported after an arrival cancels a part of the trip, not the trip."""
    if d.weak and not new.weak and new.status == d.status:
        d.weak = False  # "X heads to Y" + "X took off for Y on Sunday": under way, whatever is planned there
    if d.weak and new.status == "planned":
        d.status, d.weak = "planned", False  # "X heads to Y" + "X will arrive in Y on Thursday": a plan
    elif new.weak and d.status == "planned":
        pass
    elif new.after_all and d.status == "cancelled" and new.sentences[0] in d.sentences:
        d.status = new.status
        d.spans = new.spans or d.spans  # the date it was made, not the date it was due
    elif new.status == "cancelled" and d.status in ("completed", "ongoing") and new.spans and \
            doc.pub is not None and new.spans[0][1] <= doc.pub.end:
        pass  # "arrived in X on Monday ... skipped Tuesday's forum": a part of a trip made, not the trip
    elif new.status == "cancelled" and d.status == "ongoing" and not new.spans:
        pass  # "his current visit to X ... was to attend an event there, but the event was cancelled": a part
    elif new.status == "ongoing" and d.status == "cancelled":
        d.status = "ongoing"  # told the other way round, or called off and then made after all: he is there
    elif _STATUS_RANK[new.status] < _STATUS_RANK[d.status]:
        d.status = new.status
        d.weak = new.weak


def parse_status(doc: _Doc, s: _Sentence, link: Link, ti: int, tj: int, cues: list[Cue], clause: tuple[int, int],
                 dest_j: int) -> str | None:
    """Status of a trip read off the dependency parse (trigger's governing verb at token ``ti``): the cue
    lexicon, a noun's date against the publication, else the verb's own tense; a negated visit is no trip;
    "if/unless he lands in X" is speculative, "when he arrives in X" planned. None: no trip."""
    words = s.words
    status = status_of(link.form, "go", words, ti, tj, cues, clause)
    if status is None and link.form == "noun":
        status = _noun_status(doc, s, s.dates, ti, tj, dest_j, doc.w.get("speech", set()), clause)
    if status is None:
        if link.negated:
            return None
        status = {"past": "completed", "pres": "completed", "ing": "ongoing"}.get(link.form)
        if status is None:
            return None
    if link.negated and status in ("completed", "ongoing"):
        return None
    if (status == "ongoing" and link.form == "ing" or status in ("completed", "ongoing") and link.form == "pres") \
            and _progressive_ahead(doc, s, ti, tj, dest_j, clause, strict=link.form == "pres"):
        status = "planned"
    if status == "planned" and _there_now(words, dest_j):
        status = "ongoing"
    if link.hearsay and status in ("completed", "ongoing", "planned"):
        status = "speculative"  # "officials believe he now shelters in X": a belief, not a trip told
    if link.mark in ("if", "unless", "whether", "should", "whenever") or (
            ti >= 2 and words[ti - 2] in ("had", "were", "should") and words[ti - 1] in ("he", "she", "they")):
        status = "speculative"  # "obliged to arrest him if he lands in X", "... had he landed": a condition
    elif link.mark in ("when", "once") and link.form in ("pres", "base"):
        status = "planned"  # "when he arrives in X" (future)
    return status


_BACK_TRIP = re.compile(r"\b(?:the|his|her|their|that|this|its|any)\s+(?:(?:planned|proposed|scheduled|expected|"
                        r"upcoming|intended|mooted|brief|state|official)\s+)?(?:trip|visit|journey|tour|plans?|"
                        r"summit|meeting|forum|ceremony|conference|stopovers?|stops?)\b")  # (a gathering put off: its trips too)
_NAMED_TRIP = re.compile(r"\s+(?:trip|visit|journey|tour)\b")
_NEGATED = re.compile(r"\b(?:not|never|n t|no)\s+(?:\w+\s+)?$")  # "has not called off", "did not cancel"
_IT_CANCEL = re.compile(r"\b(?:(?:but|however)\s+(?:it|that)|(?:postponed|cancell?ed|called|scrapped|shelved|delayed|put)"
                        r"\s+it)\b")  # "But it was postponed", "He has postponed it", "called it off"
# a sentence opening "It was called off", also an interview's answer ("A: It was called off ...")
_IT_OPENS = re.compile(r"\W*(?:a\s+)?it\s+(?:was|has\s+been|had\s+been)\s+(?:\w+\s+)?(?:called\s+off|cancell?ed|"
                       r"postponed|scrapped|shelved|put\s+off)\b")
_HEDGE = re.compile(r"\b(?:could|may|might|would)\s+(?:\w+\s+)?$")  # "the visit could be postponed"


def later_cancel(doc: _Doc, folded: str, a: int, b: int, hits: list[Hit], previous: list[tuple[int, int]]) -> None:
    """ "X was scheduled to visit Y in October. However, Z delayed the trip." / "... The visit never happened.":
    a sentence with a cancellation cue, a trip noun pointing back and no place of its own cancels the plan
    reported in the ``previous`` sentence(s). A month that was read ahead of the report moves to the one nearest
    it (a plan called off may lie on either side)."""
    if not any(h.cat == "place" and any(pn.kind != "government" for pn in h.value) for h in hits):
        _later_answer(doc, folded[a:b], previous)  # (the Kremlin, the White House: a speaker, not a place)
        _later_video(doc, folded[a:b], hits, previous)
    cancels = [h for h in hits if h.cat == "cue" and h.value[0] == "cancelled"
               and not _NEGATED.search(folded, max(a, h.start - 16), h.start)
               and not _HEDGE.search(folded, max(a, h.start - 16), h.start)]
    places = [h for h in hits if h.cat == "place"]
    # "the Kuwait trip was not happening": a place naming the trip pointed back to, not a place of its own
    named = [h for h in places if _NAMED_TRIP.match(folded, h.end) and folded[max(a, h.start - 4):h.start] == "the "]
    opens = _IT_OPENS.match(folded, a, b)
    if opens is not None:
        # "It was called off ..., and the decision was taken in Jerusalem": places after the cancelling clause are
        # not the trip's
        places = [h for h in places if h.start < opens.end()]
    if not cancels or len(named) < len(places):
        return
    if not (_BACK_TRIP.search(folded, a, b) or _IT_CANCEL.search(folded, a, b) or opens or named):
        return
    codes = {_place_code(h.value) for h in named}
    d = next((d for d in reversed(doc.drafts[-6:]) if d.status in FUTURE and d.status not in ("virtual", "cancelled")
              and any(sp in previous for sp in d.sentences) and (not codes or d.code in codes)), None)
    if d is None:
        return
    # every plan of that sentence for that person ("stopping in A and B ... opted to avoid any stopovers")
    for e in doc.drafts[-6:]:
        if e is d or (e.entity is d.entity and e.status == d.status and e.sentences == d.sentences
                      and (not codes or e.code in codes)):
            _call_off(doc, e)


def instead_cancel(doc: _Doc, hits: list[Hit], previous: list[tuple[int, int]]) -> None:
    """ "Israel's prime minister was due in China this month. Instead he went to America.": a sentence opening with
    "Instead" and naming another place calls off the plan told in the sentence before."""
    codes = {_place_code(h.value) for h in hits if h.cat == "place"}
    if not codes:
        return
    for d in doc.drafts[-6:]:
        if d.status in ("planned", "invited", "speculative") and any(sp in previous for sp in d.sentences) \
                and d.code not in codes:
            _call_off(doc, d)


def _call_off(doc: _Doc, d: _Draft) -> None:
    """Mark plan ``d`` called off; a date read ahead of the report moves to the one nearest it."""
    d.status = "cancelled"
    d.spans = [_nearest(sp, doc) for sp in d.spans]


def _nearest(span: tuple[date, date, str], doc: _Doc) -> tuple[date, date, str]:
    """A month or day read ahead of the report by more than half a year moves back a year."""
    start, end, precision = span
    pub = doc.pub
    if pub is None or precision not in ("month", "day", "range") or (start - pub.end).days <= 183:
        return span
    try:
        return start.replace(year=start.year - 1), end.replace(year=end.year - 1), precision
    except ValueError:  # 29 February
        return span


# "Netanyahu accepted the invitation." / "He has accepted." / "He will not go." / "The Kremlin said he would not
# go." / "He declined.": the answer to an invitation or a plan just reported
_ACCEPTED = re.compile(r"\baccepted\s+(?:the|an|this|that|his|her|their)\s+(?:\w+\s+)?invitation\b|"
                       r"^\W*(?:he|she|they)\s+(?:has\s+|have\s+|had\s+)?accepted\W*$")
_WONT_GO = re.compile(r"^\W*(?:\w+\W+){1,5}?(?:(?:will|would|did|does|do|could|can)\s+(?:not|n\s?t)|won\s?t|didn\s?t|"
                      r"cannot)\s+(?:\w+\s+)?(?:go|travel|attend|come|make\s+the\s+trip)\b|"
                      r"^\W*(?:he|she|they)\s+(?:has\s+|have\s+|had\s+)?(?:declined|refused)\W*$")
# "He did not attend the last two G20 summits": earlier gatherings, not the plan just reported
_EARLIER_ONES = re.compile(r"\b(?:the|its|their)\s+(?:last|previous|past)\b")
# "The Kremlin confirmed that the visit had taken place", "the trip went ahead": a plan carried out
_TOOK_PLACE = re.compile(r"\b(?:the|his|her|their|that|this)\s+(?:visit|trip|journey|tour)\s+(?:\w+\s+)?(?:took\s+place|"
                         r"had\s+taken\s+place|has\s+taken\s+place|went\s+ahead)\b")
# what may answer or carry out the plan just reported without a cue of the lexicon
ANSWER_HINT = re.compile(r"\b(?:accepted|declined|refused|not\s+go|n\s?t\s+go|taken\s+place|took\s+place|went\s+ahead)\b")


_NO_DATE = re.compile(r"\bno (?:date|dates|timing|timeframe)\b|\bdates? (?:would|will|is to|are to|to) be "
                      r"(?:agreed|set|fixed|determined|worked out|announced)|\b(?:yet|still) to be (?:set|fixed|agreed|"
                      r"determined)\b|\bdates? (?:has|have) not (?:yet )?been (?:set|fixed|agreed)")


def no_date_yet(sentence: str) -> bool:
    """ "no date has been set", "dates would be agreed through diplomatic channels": an invitation accepted in
    principle, with no trip decided yet (``sentence`` folded)."""
    return bool(_NO_DATE.search(sentence))


def _later_answer(doc: _Doc, sentence: str, previous: list[tuple[int, int]]) -> None:
    """A sentence without a place that answers the invitation or plan of the sentence(s) before: "X accepted the
    invitation" makes it a plan, "He will not go" cancels it."""
    want: tuple[str, ...]
    if _ACCEPTED.search(sentence):
        # (with or without a date: "has accepted an invitation ..., though the timing remains uncertain" is a plan
        # in the owners' annotation)
        want, new = ("invited",), "planned"
    elif _WONT_GO.search(sentence) and not _EARLIER_ONES.search(sentence):
        want, new = ("planned", "invited", "speculative"), "cancelled"
    elif (m := _TOOK_PLACE.search(sentence)) and not _NEGATED.search(sentence, max(0, m.start() - 16), m.start()) \
            and not re.search(r"\b(?:never|not|n t)\b", sentence[m.start():m.end()]):
        want, new = ("planned",), "completed"
    else:
        return
    d = next((d for d in reversed(doc.drafts[-6:]) if any(sp in previous for sp in d.sentences)), None)
    if d is not None and d.status in want:
        d.status = new


_ACCEPT_WORDS = frozenset({"accepted", "accepts", "accepting"})
_DECLINE_WORDS = frozenset({"declined", "declines", "rejected", "rejects", "refused", "refuses", "snubbed", "snubs"})


def answered_invitation(status: str, words: list[str]) -> str:
    """An invitation the same sentence says was accepted is a plan ("had accepted Xi's invitation to attend",
    "the invitation was accepted with gratitude"; ANNOTATION.md), one it says was declined is called off."""
    if status != "invited":
        return status
    def said(kind: frozenset[str]) -> bool:
        return any(w in kind and not ({"not", "never", "n", "yet"} & set(words[max(0, n - 3):n]))
                   for n, w in enumerate(words))
    accepted, declined = said(_ACCEPT_WORDS), said(_DECLINE_WORDS)
    declined = declined or any(w in ("turned", "turns", "turn") and words[n + 1:n + 2] == ["down"]
                               for n, w in enumerate(words))  # "turned down an invitation to X"
    if accepted != declined:
        return "planned" if accepted else "cancelled"
    return status


_HE_OPENS = re.compile(r"^\W*(?:he|she|instead\W+he|instead\W+she)\b|\b(?:he|she) (?:took part|participated|joined|"
                       r"spoke|appeared|attended)\b")


def _later_video(doc: _Doc, sentence: str, hits: list[Hit], previous: list[tuple[int, int]]) -> None:
    """ "X missed the summit in Kazan. He took part by video link.": a sentence of "he"/"she" (opening on it, or
    "he took part / joined / spoke ..."), with a video cue, no place and no other person, makes the trip the
    sentence before called off a virtual one (ANNOTATION.md: virtual, not cancelled, when video is mentioned)."""
    if not any(h.cat == "cue" and h.value[0] == "virtual" for h in hits) or not _HE_OPENS.search(sentence):
        return
    if any(h.cat == "person" for h in hits):
        return
    d = next((d for d in reversed(doc.drafts[-4:]) if any(sp in previous[-1:] for sp in d.sentences)), None)
    if d is None or not (d.status == "cancelled" or d.status == "planned" and "instead" in sentence.split()):
        return
    years = {int(y) for y in re.findall(r"\b(?:19|20)\d\d\b", sentence)}
    if years and not (d.spans and {d.spans[0][0].year, d.spans[0][1].year} & years):
        return  # "will fly to X in June. He took part by video in 2014.": another occasion
    d.status = "virtual"


_ORDINALS = frozenset({"first", "only", "second", "third", "fourth", "fifth", "last", "latest"})
_FUTURE_WORDS = frozenset({"will", "would", "could", "may", "might", "plans", "planned", "expected", "hopes", "set",
                           "shall", "ll", "become", "becomes"})
_NOT_A_PERSON = frozenset({"place", "places", "country", "countries", "city", "time", "thing", "he", "she", "they",
                           "should", "must", "can", "plan", "wants", "want", "needs", "need", "trip", "visit", "way"})


def first_to_visit(status: str, words: list[str], ti: int) -> str:
    """ "became the first Russian leader to visit Mongolia", "the only other foreign leader to visit Myanmar since
    2021 was X": an infinitive after an ordinal tells a visit made, not planned (unless the sentence looks ahead:
    "would become the first ... to visit")."""
    if status != "planned" or ti < 3 or words[ti - 1] != "to":
        return status
    n = next((n for n in range(ti - 2, max(-1, ti - 8), -1) if words[n] in _ORDINALS), None)
    if n is None or words[n - 1:n] not in (["the"], ["s"]) and not (n > 1 and words[n - 2] == "the"):
        return status
    if _FUTURE_WORDS.intersection(words[:n]) or "to" in words[max(0, n - 3):n - 1]:
        return status  # ("is set to become the first ...", not "returned to Khartoum ..., the first ... to travel")
    if (_NOT_A_PERSON | _FUTURE_WORDS | {"to"}).intersection(words[n + 1:ti - 1]):
        return status  # "the only place he should plan to travel to": no person was the first to go
    return "completed"


_REPORT_NOUNS = frozenset({"report", "reports", "claim", "claims", "claiming", "posts", "rumour", "rumours", "rumor",
                           "rumors", "speculation"})
_DENIALS = frozenset({"denied", "dismissed", "rejected", "baseless", "false", "untrue", "unfounded", "fake"})


def denied_report(status: str, words: list[str], ti: int) -> str:
    """A trip told inside a report that the sentence denies is speculation (ANNOTATION.md: "a report that was
    denied"): "the army denied reports that X had travelled to Y", "posts claiming that X had been flown to Y
    were 'baseless'"."""
    if status not in ("completed", "ongoing", "planned"):
        return status
    r = next((n for n in range(ti - 1, max(-1, ti - 14), -1) if words[n] in _REPORT_NOUNS), None)
    if r is None:
        return status
    if _DENIALS.intersection(words[max(0, r - 3):r]) or _DENIALS.intersection(words[ti:]):
        return "speculative"
    return status

