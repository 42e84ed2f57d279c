"""Travellers of a travel trigger: subjects, possessors ("X's visit"), people coordinated with the traveller
("A, B and C attended"), and the subject a country may be instead ("since Sudan joined").
"""

from __future__ import annotations

import re

from . import dates as ndates
from .document import _POSSESSIVE_SKIP, Mention, Place, _Doc, _Draft, _Sentence
from .mentions import Hit
from .refs import _POSS_PRONOUNS
from .status import _AFTER_FILL, _LEAD_PAST

# "X's long-awaited visit", "X's much-delayed trip": adjectives between a possessive and a trip noun
_ADJ_ENDS = ("awaited", "delayed", "anticipated", "postponed", "expected", "ful", "ous", "ive", "ic", "ial")
_MODALS = frozenset({"will", "would", "to", "may", "might", "could", "shall", "can"})
_YEARLIKE = re.compile(r"(?:19|20)\d\d")  # "Kim's 2019 trip to Vladivostok"
_WHO_FILL = frozenset({"has", "had", "have", "was", "is", "will", "would", "also", "then", "later", "last",
                       "recently", "previously", "once", "again", "first", "never", "not", "already"})
_SAID = frozenset({"said", "told", "stated", "announced", "declared", "remarked", "noted", "added"})
_SAYS_NOW = frozenset({"says", "tells", "states", "announces", "declares", "adds"})
_OF_NOUNS = frozenset({"visit of", "visits of", "trip of", "arrival of"})
_FOLLOWED = ("followed", "by")  # "X's trip to A, followed by a stopover in B": B is a leg of the same journey


_COPULA = frozenset({"was", "were", "is", "are", "be", "been"})
_COPULAR_NOUNS = frozenset({"guest at", "guests at", "guest of honour at", "guest of honor at"})
_LIST_WORDS = frozenset({"and", "as", "well", "along", "with", "both"})
_AS_AUX = frozenset({"is", "are", "was", "were", "will", "would", "does", "do", "did"})


# nouns after a host's possessive object that make it the guest's own coming ("welcomed Putin's visit")
_VISIT_NOUNS = frozenset({"visit", "trip", "arrival", "stay", "tour", "presence", "attendance", "participation",
                          "delegation", "entourage", "return", "visits", "trips", "summit", "meeting", "talks"})


def _coordinated(s: _Sentence, ms: list[Mention], trav: Mention) -> list[Mention]:
    """People listed with the traveller as one subject: "A, B and C attended", "A and B will visit"."""
    people = [m for m in ms if m.entity is not None and m.kind != "pronoun" and not m.possessive]
    if trav not in people:
        return []
    words, toks = s.words, s.toks
    n = people.index(trav)

    def joined(a: Mention, b: Mention) -> bool:
        bi = b.i
        if bi - a.j >= 3 and words[bi - 1] == "s" and toks[bi - 1].gap in ("'", "\u2019") and toks[bi - 2].cap:
            bi -= 2  # "..., B and Myanmar's Senior Gen. C": a possessive qualifier of C's role
        between = words[a.j:bi]
        commas = sum(toks[x].gap.count(",") for x in range(a.j, b.i + 1) if x < len(toks))
        return len(between) <= 3 and all(x in _LIST_WORDS for x in between) and commas <= 1 and \
            (bool(between) or commas == 1) and not any(c in toks[x].gap for x in range(a.j, b.i + 1)
                                                         for c in ";:()" if x < len(toks))

    out: list[Mention] = []
    i = n
    while i > 0 and joined(people[i - 1], people[i]) and len(out) < 12:
        out.append(people[i - 1])
        i -= 1
    i = n
    while i + 1 < len(people) and joined(people[i], people[i + 1]) and len(out) < 12:
        out.append(people[i + 1])
        i += 1
    # "X is expected to attend, as is Y"
    out += [m for m in people if m.i >= trav.j + 2 and words[m.i - 2] == "as" and words[m.i - 1] in _AS_AUX
            and "," in toks[m.i - 2].gap]
    seen = {trav.entity.key if trav.entity else ""}
    res = []
    for m in out:
        if m.entity is not None and m.entity.key not in seen:
            seen.add(m.entity.key)
            res.append(m)
    return res


_HOST_NOUN = frozenset({"s", "the", "his", "her", "its", "their", "a", "as", "co", "summit", "conference"})
_GUEST_NOUNS = frozenset({"leaders", "presidents", "heads", "guests", "counterparts", "dignitaries"})


_SUBJ_AUX = frozenset({"has", "had", "have", "was", "were", "is", "also", "then", "later", "will", "would"})
_PLACE_PREP = frozenset({"in", "to", "at", "from", "of", "for", "into", "via", "visit", "visited", "visiting",
                         "visits", "and", "or", "with", "between", "toward", "towards", "across", "near"})


_MEMBERSHIP = frozenset({"part", "among", "member", "members", "one"})


def _left_out(words: list[str], a: int, ti: int) -> bool:
    """ "X was not part of the delegation that went to Y", "X was never among those who flew to Y": the trip is
    the group's, and the person between is said not to belong to it."""
    rel = next((n for n in range(ti - 1, a - 1, -1) if words[n] in ("that", "who", "which")), None)
    if rel is None:
        return False
    head = words[a:rel]
    return not {"not", "never"}.isdisjoint(head[:4]) and not _MEMBERSHIP.isdisjoint(head)


def _country_subject(s: _Sentence, places: list[Place], a: int, ti: int) -> bool:
    """A country between the traveller and a verb trigger is that verb's own subject ("Bashir has visited
    often since Sudan joined the coalition")."""
    words = s.words
    for p in places:
        if p.i < a or p.j > ti or p.kind not in ("country", "territory") or p.demonym:
            continue
        if p.i > 0 and words[p.i - 1] in _PLACE_PREP or (p.j < len(words) and words[p.j] == "s"):
            continue
        if all(x in _SUBJ_AUX for x in words[p.j:ti]):
            return True
    return False


def _followed_leg(doc: _Doc, s: _Sentence, ti: int) -> _Draft | None:
    """The trip reported earlier in this sentence when a noun trigger follows "followed by (a ...)"."""
    words = s.words
    n = next((n for n in range(ti - 2, max(-1, ti - 6), -1) if tuple(words[n:n + 2]) == _FOLLOWED), None)
    if n is None or not all(x in _AFTER_FILL or x in _POSSESSIVE_SKIP or x in ("private", "short")
                            for x in words[n + 2:ti]):
        return None
    last = doc.drafts[-1]
    if (s.a, s.b) not in last.sentences:
        return None
    return last


_AUX_FILL = frozenset({"also", "later", "then", "had", "has", "have", "will", "would", "was", "were", "is",
                       "himself", "herself", "instead", "already", "reportedly", "personally", "to", "due", "set"})
_NEW_CLAUSE = frozenset({"while", "and", "but", "whereas", "as", "when", "after", "before", "though", "although"})


def _unknown_subject(s: _Sentence, ms: list[Mention], places: list[Place], after: int, ti: int) -> bool:
    """Whether a capitalised name the tables do not know opens a clause of its own right before the trigger
    ("Putin addressed the summit by video, while Lavrov flew to Johannesburg"): that person travels, not the
    one named before."""
    words, toks = s.words, s.toks
    n = ti - 1
    while n > after and words[n] in _AUX_FILL:
        n -= 1
    end = n
    if end <= after or not toks[end].cap or "," in toks[end + 1].gap or any(m.i <= end < m.j for m in ms) or \
            any(p.i <= end < p.j for p in places) or words[end] in ndates.MONTHS or words[end] in ndates.WEEKDAYS:
        return False
    start = end
    while start - 1 > after and toks[start - 1].cap and toks[start].gap == " ":
        start -= 1
    # (", and Lavrov flew": a clause of its own; "Putin and Trump held talks": one subject of two)
    return "," in toks[start].gap or words[start - 1] in _NEW_CLAUSE and (
        words[start - 1] != "and" or "," in toks[start - 1].gap)


# words that open an aside between a subject and its verb: "X, named in the same warrant as Putin, has made ..."
_ASIDE_OPENERS = frozenset({"named", "who", "whose", "which", "like", "along", "together", "alongside", "accused",
                            "wanted", "indicted", "charged", "sought", "also", "a", "an", "the", "himself", "herself",
                            "whom", "listed", "cited", "sharing"})


def _outside_asides(s: _Sentence, cands: list[Mention], end: int) -> list[Mention]:
    """``cands`` without the people named only inside an aside set off by commas after an earlier candidate and
    closed before token ``end`` ("Lvova-Belova, named in the same warrant as Putin, has made several trips": not
    Putin); all of them when that would leave none."""
    toks, words = s.toks, s.words
    if len(cands) < 2:
        return cands

    def aside(m: Mention) -> bool:
        opener = next((n for n in range(m.i, max(0, m.i - 10), -1) if "," in toks[n].gap), None)
        if opener is None or words[opener] not in _ASIDE_OPENERS:
            return False
        if not any(c.j <= opener for c in cands if c is not m):
            return False
        close = next((n for n in range(m.j, min(end + 1, len(toks))) if "," in toks[n].gap), None)
        # (not "alongside Macron and Grabar-Kitarovic, who both travelled to Moscow": a relative clause of theirs)
        return close is not None and words[close] not in ("who", "whom", "whose", "which")

    kept = [m for m in cands if not aside(m)]
    return kept or cands


def traveller(doc: _Doc, s: _Sentence, ms: list[Mention], th: Hit, ti: int, tj: int, form: str, role: str,
              pre_trav: Mention | None, places: list[Place], head: int = -1
              ) -> tuple[Mention | None, Mention | None, str, bool]:
    """Who travels by the trigger ``th`` at tokens ``[ti, tj)``: ``(traveller, possessor, lead_past, skip)``.

    The guest after a host verb ("received X"); the possessor of a noun trigger ("X's visit", "his trip"), "a
    trip by X", the subject of a verb of undertaking ("X paid a visit", whose tense ``lead_past`` gives the
    noun) or of a copula ("X was a guest at"); else the nearest subject before a verb trigger after any
    reporting verb ("X said that Y would visit"). ``skip``: the trigger reports no trip of a person (a passive
    host, a country acting as subject). ``head``: first token of a place compounded with a noun trigger.
    """
    words, toks = s.words, s.toks
    w = doc.w
    speech = w.get("speech", set())
    vehicle = w.get("vehicle", set())
    nounverb = w.get("nounverb", set())
    control = w.get("control", set())
    trav: Mention | None = None
    poss: Mention | None = None
    lead_past = ""  # "X boarded a flight to", "X paid a visit to": the status the verb gives the noun
    if role == "host":
        if ti > 0 and words[ti - 1] in ("was", "were", "been", "be", "is", "being"):
            return None, None, "", True
        if words[tj:tj + 1] == ["by"]:
            return None, None, "", True  # "X was later received by Y": the passive; Y is the host
        if ti > 0 and th.key in ("host", "hosts") and words[ti - 1] in _HOST_NOUN:
            return None, None, "", True  # "greeted by the summit's host, X": a noun, X is the host, not a guest
        guests = any(x in _GUEST_NOUNS for x in words[tj:tj + 4])  # "received two African leaders, A and B"
        trav = next((m for m in ms if tj <= m.i <= tj + (14 if guests else 8) and m.entity is not None), None)
        if trav is not None and th.key == "received" and trav.i - tj > 1 and not guests:
            trav = None  # "received a letter from X": only "received X" (or leaders named after) is a visit
        if trav is not None and trav.possessive and not guests and not _VISIT_NOUNS.intersection(
                words[trav.j:trav.j + 3]):
            trav = None  # "have received Gaddafi's money": a thing of his ("welcomed Putin's visit" is his visit)
        if trav is not None and trav.entity is not None:
            doc.last_subject, doc.last_subject_age = trav.entity, 0  # the guest is what "he" refers to next
    elif role in ("where", "again"):
        trav = pre_trav
    elif role == "led_by":
        trav = next((m for m in ms if tj <= m.i <= tj + 2 and m.entity is not None), None)
        if trav is None and words[ti] in ("will",):
            trav = next((m for m in reversed(ms) if m.j <= ti and ti - m.j <= 3 and m.entity), None)
    else:
        poss = next((m for m in reversed(ms) if m.j <= ti and m.entity is not None and
                     (m.possessive or (m.kind == "pronoun" and words[m.i] in _POSS_PRONOUNS))
                     and all(x in _POSSESSIVE_SKIP or x == "s" or x in vehicle or _YEARLIKE.fullmatch(x)
                             or 0 <= head <= n  # "Putin's Mongolia visit": the place compounded with the noun
                             or (ti - m.j <= 4 and x.endswith(_ADJ_ENDS) and x not in speech
                                 and not toks[n].cap)
                             for n, x in enumerate(words[m.j:ti], m.j))), None)
        if form == "noun":
            trav = poss
            if trav is None and tj + 1 < len(words):
                # "a trip by Y to Z", "the visit of Y to Z"
                trav = next((m for m in ms if m.entity is not None and (words[m.i - 1: m.i] == ["by"] or (
                    words[m.i - 1: m.i] == ["of"] and th.key in _OF_NOUNS)) and 0 <= m.i - tj <= 4
                    and words[tj] != "to"), None)
                if trav is not None and trav.entity is not None:
                    # "X blocked a trip by Y to Z ... His last visit": the traveller is whom "his" means next
                    doc.last_subject, doc.last_subject_age = trav.entity, 0
            if trav is None and doc.drafts:
                leg = _followed_leg(doc, s, ti)
                if leg is not None:
                    trav = Mention(ti, ti, leg.entity, leg.mention, "name")
                    lead_past = leg.status
            if trav is None:
                # "X made a visit to", "X, on a state visit to": a verb of undertaking governs the noun
                lead = next((n for n in range(ti - 1, max(-1, ti - 5), -1) if words[n] in nounverb), None)
                if lead is not None:
                    cands = _outside_asides(s, [m for m in ms if m.j <= lead and lead - m.j <= 12
                                                and m.entity is not None and not m.obj and not m.possessive], lead)
                    trav = cands[-1] if cands else None
                    if trav is not None and words[lead] in _LEAD_PAST:
                        lead_past = "ongoing" if words[lead] in ("boarded", "took") and \
                            any(x in vehicle for x in words[lead + 1:ti + 1]) else "completed"
                    elif trav is not None and words[lead] in ("during", "on"):
                        # "X said on Wednesday during a visit to Rome": the visit of a past main verb was made
                        main = words[trav.j:lead]
                        if any(x in _SAID for x in main):
                            lead_past = "completed"
                        elif any(x in _SAYS_NOW for x in main):
                            lead_past = "ongoing"
            if trav is None:
                # "His only trip abroad was an April visit to X": the possessor of the subject
                cop = next((n for n in range(ti - 1, max(-1, ti - 4), -1) if words[n] in ("was", "were")), None)
                if cop is not None and all(x in ("a", "an") or x in ndates.MONTHS or x in _POSSESSIVE_SKIP
                                           or _YEARLIKE.fullmatch(x) for x in words[cop + 1:ti]):
                    trav = next((m for m in ms if m.j <= cop and cop - m.j <= 10 and m.entity is not None and
                                 (m.possessive or (m.kind == "pronoun" and words[m.i] in _POSS_PRONOUNS))),
                                None)
            if trav is None and th.key in _COPULAR_NOUNS:
                # "X was also a guest at", "he was among the guests at": the subject of the copula
                cop = next((n for n in range(ti - 1, max(-1, ti - 6), -1) if words[n] in _COPULA), None)
                if cop is not None:
                    cands = [m for m in ms if m.j <= cop and cop - m.j <= 3 and m.entity is not None
                             and not m.obj and not m.possessive]
                    trav = cands[-1] if cands else None
        else:
            # "X said that Y would visit": only people after the last reporting verb can be the traveller
            floor = max((n + 1 for n in range(max(0, ti - 30), ti) if words[n] in speech
                         and "that" in words[n + 1:min(ti, n + 5)]), default=0)
            cands = [m for m in ms if floor <= m.i and m.j <= ti and ti - m.j <= 30 and m.entity is not None
                     and (not m.obj or (words[m.i - 1] in control and words[m.j:ti] == ["to"])) and (not m.possessive or any(x in vehicle for x in words[m.j:m.j + 4]))]
            cands = _outside_asides(s, cands, ti)
            trav = cands[-1] if cands else None
            if poss is not None and (trav is None or poss.j > trav.j):
                trav = poss
            # "preceded by X, who addressed the assembly by video": the subject of a relative clause is the
            # person it follows, object or not
            rel = next((n for n in range(ti - 1, max(-1, ti - 4), -1) if words[n] == "who"), None)
            if rel is not None and all(x in _WHO_FILL for x in words[rel + 1:ti]):
                ante = next((m for m in ms if m.j == rel and m.entity is not None and "," in toks[rel].gap), None)
                if ante is not None:
                    trav = ante
            if trav is not None and _left_out(words, trav.j, ti):
                return None, None, "", True  # "X was not part of the delegation that went to Y": X did not go
            if trav is not None and _unknown_subject(s, ms, places, trav.j, ti):
                return None, None, "", True  # "X spoke by video, while Lavrov flew to Y": a name we do not know
            if trav is not None and _country_subject(s, places, trav.j, ti):
                return None, None, "", True  # "since Sudan joined the coalition fighting in Yemen": the country acts
            if trav is None and not any(m.j <= ti for m in ms if m.entity is not None):
                trav = next((m for m in ms if m.i >= tj and m.entity is not None and m.i - tj <= 15 and (
                    not m.obj or (words[tj] == "by" and m.i - tj <= 12))), None)  # (a passive's agent: "by X")
    return trav, poss, lead_past, False
