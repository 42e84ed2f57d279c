"""Members of a delegation make its journey (issue 9).

"Bashir arrived in Beijing at the head of a delegation including Defence Minister X", "The Libyan delegation in
Minsk includes the foreign minister and also intelligence chief X", "X was part of the delegation when Bashir
flew to Doha": the member travels where the delegation's leader went, on the trip told in the same sentence or
just before it. A member is a compatriot of the leader (a host or an official met abroad is not one); one "not
part of the delegation" makes no trip, one "expected to join the delegation" who "stayed behind" a trip called
off, and one of whom it is "unclear whether" he joins a speculative one.
"""

from __future__ import annotations

import re

from .assemble import _add
from .dependency import _quoted_before
from .document import Mention, _Doc, _Draft, _Sentence

# the company a leader travels with
PARTIES = frozenset({"delegation", "entourage", "retinue"})
# "a delegation including X", "the delegation includes X", "a delegation of fifteen, among them X"
_LISTS = frozenset({"including", "include", "includes", "included", "comprising", "comprises", "comprised"})
_AMONG = frozenset({"them", "whom"})
# "X was part of the delegation", "X, who was in the delegation in Paris", "X joined the delegation"
_MEMBER_OF = re.compile(r"^(?:who |which )?(?:(?:was|were|is|are|had been|has been|will be|would be|had|has) )?"
                        r"(?:also |again |reportedly |once |not |never )?"
                        r"(?:(?:expected|due|set|supposed|meant|scheduled|listed) to (?:be )?)?"
                        r"(?:part of|in|among|on|a member of|one of|with|join|joins|joined|joining|"
                        r"(?:travelled|traveled|travels|flew|flies|came|comes|went) (?:in|with)) "
                        r"(?:the |his |her |its |their |that |this )?(?:[a-z-]+ ){0,3}$")
# "X sat in the extended-format talks as part of the Russian delegation" (a verb of taking part before)
_AS_PART = re.compile(r"^(?:[a-z-]+ ){1,8}as (?:part|a member|members|one) of (?:the |his |her |its |their )?"
                      r"(?:[a-z-]+ ){0,3}$")
_TOLD_TRAVEL = frozenset({"flew", "travelled", "traveled", "arrived", "went", "came", "landed", "accompanied"})
_NEGATIONS = frozenset({"not", "never", "no", "t", "nor", "without"})
_MISSED = frozenset({"stayed", "behind", "withdrew", "dropped", "absent", "absentees", "excluded"})
_HEDGES = frozenset({"whether", "unclear", "reportedly", "rumoured", "rumored", "denied", "speculation",
                     "unconfirmed"})
_EXPECTED = frozenset({"expected", "due", "scheduled", "listed", "list", "supposed", "meant"})
_MADE = frozenset({"completed", "ongoing", "planned"})  # the leader's trips a delegation goes on
_PRESENT = frozenset({"is", "are", "includes", "include", "comprises"})  # the party as it is now
_NEAR = 600  # characters between the leader's trip and the sentence naming a member
_SPAN = 40  # tokens between the party's noun and a member listed after it


def _listed_after(words: list[str], d: int, m: Mention) -> bool:
    """ "delegation including / includes / of fifteen people, among them ... X"; "In the delegation ... there is
    also X"; "In the composition of the delegation in Minsk are ... X"."""
    if not d < m.i <= d + _SPAN:
        return False
    between = words[d + 1:m.i]
    if not _LISTS.isdisjoint(between):
        return True
    if any(w == "among" and nxt in _AMONG for w, nxt in zip(between, between[1:], strict=False)):
        return True
    opens_in = words[0] == "in" and d <= 8  # "In the (composition of the) Libyan delegation ..."
    return opens_in and any(w in ("is", "are", "was", "were") for w in between)


def _member_before(words: list[str], d: int, m: Mention) -> bool:
    """ "X was part of the delegation", "X, who was in the delegation", "X joined the delegation", "X sat in the
    talks as part of the Russian delegation"."""
    if not m.j <= d <= m.j + 14:
        return False
    between = " ".join(words[m.j:d]) + " "
    return d <= m.j + 9 and _MEMBER_OF.match(between) is not None or _AS_PART.match(between) is not None and \
        _TOLD_TRAVEL.isdisjoint(words[m.j:d])  # ("flew to Minsk as part of the delegation": its own trip, dated)


def _leader_trip(doc: _Doc, s: _Sentence, member: Mention, place_code: str | None) -> _Draft | None:
    """The trip the member's delegation makes: a compatriot's, told last up to this sentence (in it or just
    before it), or, when the sentence names where the delegation was, the latest trip there. A trip called
    off or only rumoured has no delegation."""
    ent = member.entity
    if ent is None or not ent.nationality:
        return None
    words = s.words  # ("seen in Madrid": of the trips just told, the one there; not "Rwanda's", "Sudanese")
    named = {p.code for p in doc.places(s) if p.kind not in ("demonym", "government") and not p.demonym
             and not (p.j < len(words) and words[p.j] == "s")}
    there = {p.code for p in doc.places(s) if p.code in named and p.i > 0 and words[p.i - 1] in ("in", "to", "at")}
    best: tuple[bool, bool, int, _Draft] | None = None
    now = not _PRESENT.isdisjoint(words)
    for d in doc.drafts:
        if d.entity is ent or d.earlier or d.entity.nationality != ent.nationality or d.status not in _MADE or \
                (ent.pid and d.entity.pid == ent.pid) or d.code == ent.nationality or \
                (place_code is not None and d.code != place_code):
            continue
        told = max((b for _a, b in d.sentences if b <= s.b), default=None)
        if told is None or place_code is None and d.code not in named and s.a - told >= _NEAR:
            continue
        # ("In the delegation are X and Y": in the present tense, the trip under way, not an earlier one just told)
        key = (d.code in named, now and _current(doc, d), told, d)
        if best is None or key[:3] > best[:3]:
            best = key
    if best is not None and not best[0] and best[2] < s.a and there - {ent.nationality}:
        return None  # ("In Kuala Lumpur, the delegation included X": a trip there the article told, unread)
    return best[3] if best is not None else None


def _current(doc: _Doc, d: _Draft) -> bool:
    """Whether the trip ``d`` is under way when the report is published (told as ongoing, or dated around it)."""
    if d.status == "ongoing":
        return True
    pub = doc.pub
    return pub is not None and bool(d.spans) and d.spans[0][0] <= pub.end and (pub.start - d.spans[0][1]).days <= 3


def _party_place(doc: _Doc, s: _Sentence, d: int) -> str | None:
    """ "the delegation in Paris", "the Libyan delegation to Moscow": where the party was."""
    if d + 2 >= len(s.words) or s.words[d + 1] not in ("in", "to", "at"):
        return None
    return next((p.code for p in doc.places(s) if p.i == d + 2), None)


_IT_LISTS = frozenset({"included", "includes", "include", "comprised", "comprises"})
_FOLLOW = 400  # characters from a sentence naming a delegation to one saying "it included"
# the same words on a sentence's folded text, for the gates that decide whether it is read in full
PARTY_TEXT = re.compile(rf"\b(?:{'|'.join(sorted(PARTIES))})\b")
IT_LISTS_TEXT = re.compile(rf"\bit (?:also )?(?:{'|'.join(sorted(_IT_LISTS))})\b|\blist\b")


def speaks_of_party(doc: _Doc, words: list[str]) -> bool:
    """Whether a sentence names a delegation, or says what the one just named held ("The delegation was heavy.
    Besides Y it included X")."""
    return not PARTIES.isdisjoint(words) or doc.party_end >= 0 and ("list" in words or
                                                                    _it_lists(doc, words) is not None)


def _it_lists(doc: _Doc, words: list[str]) -> int | None:
    """The index of "it" in "it included" when the sentence before named a delegation."""
    if doc.party_end < 0 or "it" not in words or _IT_LISTS.isdisjoint(words):
        return None
    return next((n for n in range(len(words) - 1) if words[n] == "it" and
                 (words[n + 1] in _IT_LISTS or words[n + 1] == "also" and words[n + 2:n + 3] and
                  words[n + 2] in _IT_LISTS)), None)


def delegation_members(doc: _Doc, s: _Sentence, ms: list[Mention]) -> None:
    """Each person named as a member of a delegation joins the trip of its leader."""
    words = s.words
    parties = [n for n, w in enumerate(words) if w in PARTIES]
    it = _it_lists(doc, words) if s.a - doc.party_end < _FOLLOW else None
    if it is not None:
        parties.append(it)  # ("it included X": the delegation just named)
    listed = "list" in words and doc.party_end >= 0 and s.a - doc.party_end < _FOLLOW  # ("also on the list")
    if not (parties or listed) or not doc.drafts:
        return
    for m in ms:
        ent = m.entity
        if ent is None or m.kind == "pronoun" or m.possessive or _quoted_before(doc, s, m.i):
            continue  # (not a claim quoted: 'CLAIM: "X was part of the delegation"')
        d = next((d for d in parties if _listed_after(words, d, m) or _member_before(words, d, m)), None)
        if d is None and listed:
            # "Y was also on the original list but stayed in Moscow": the delegation's list
            d = next((n for n, w in enumerate(words) if w == "list" and _member_before(words, n, m)), None)
        if d is None:
            continue
        trip = _leader_trip(doc, s, m, _party_place(doc, s, d))
        if trip is None or trip.entity is ent:
            continue
        status, spans = trip.status, list(trip.spans)
        lo, hi = min(d, m.i), max(d, m.j)
        clause = set(words[max(0, lo - 8):min(len(words), hi + 12)])
        # ("X, who was in the delegation in Paris, has not been seen in Madrid": not about the delegation)
        if not _NEGATIONS.isdisjoint(words[max(0, lo - 3):hi]) or not _MISSED.isdisjoint(words[lo:hi + 8]):
            if _EXPECTED.isdisjoint(clause):
                continue  # "X was not part of the delegation": no journey of X's
            status = "cancelled"  # "X had been expected to join the delegation but stayed behind"
        elif not _HEDGES.isdisjoint(clause):
            status = "speculative"  # "Whether X joins the delegation is unclear"
        _add(doc, _Draft(ent, m.text, trip.code, trip.city, spans, status, trip.event, [(s.a, s.b)]))
