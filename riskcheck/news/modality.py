"""Status of a trip mention from its trigger's form and the cue phrases around it (tables/modality.csv).

Order of precedence, highest first: virtual, cancelled (or a negated plan), a finite trigger's own tense
(visited, arrived, is visiting), speculative, planned, invited, then weaker context cues.
"""

from __future__ import annotations

from dataclasses import dataclass

STATUSES = ("planned", "ongoing", "completed", "cancelled", "virtual", "invited", "speculative")
FUTURE = frozenset({"planned", "cancelled", "virtual", "invited", "speculative"})
BEFORE_WINDOW = 8  # tokens before a trigger in which a modal cue governs it
# a negation with one of these between it and the trigger negates another verb: "was not arrested during his
# visit", "did not speak throughout the trip" (the visit happened)
SCOPE_BREAK = frozenset({"during", "throughout", "while", "despite", "amid", "amidst", "except", "since"})
_WILL = frozenset({"will", "wo", "would", "shall", "ll"})
_NEG_WORDS = frozenset({"not", "never", "t", "hasn", "haven", "didn", "won", "wouldn", "wasn"})
_DONE_AUX = frozenset({"has", "have", "had", "did", "was", "were", "hasn", "haven", "didn", "wasn"})


@dataclass(frozen=True, slots=True)
class Cue:
    i: int
    j: int
    status: str
    strength: int
    scope: str


_LONG = frozenset({"long", "much", "oft", "often", "twice", "repeatedly"})  # "long-delayed": put off before


def status_of(form: str, role: str, words: list[str], ti: int, tj: int, cues: list[Cue],
              clause: tuple[int, int]) -> str | None:
    """The status of the trip whose trigger is at tokens ``[ti, tj)``; None when the text denies it.

    ``words`` are the sentence's folded tokens, ``clause`` the token range of the trigger's clause.
    """
    c0, c1 = clause
    in_clause = [c for c in cues if c0 <= c.i and c.j <= c1]
    # a cue inside the trigger phrase ("will host", "will welcome") governs it too
    # and so does one overlapping its start ("is due" in "is due in"); a cue of scope "next" governs only the trigger
    # right after it or the one it opens ("expected back in": not "... after a stay in Chad")
    before = [c for c in in_clause if ((c.j <= ti and ti - c.j <= BEFORE_WINDOW) or (ti <= c.i and c.j <= tj)
                                       or c.i < ti < c.j) and (c.scope != "next" or c.j == ti or c.i == ti and c.j <= tj)]
    if "whether" in words[max(c0, ti - BEFORE_WINDOW):ti] and form in ("base", "noun"):
        return "speculative"  # "did not say whether X would address the summit by video": an open question
    if any(c.status == "virtual" for c in in_clause):
        return "virtual"
    lead = words[max(c0, ti - 5):ti]
    if form != "noun" and any(w in ("if", "unless") for w in lead):
        return "speculative"  # "must arrest him if he lands in X": a condition, not a journey
    if form == "base" and words[c0] == "should" and ti - c0 <= 6 and not any(c.j <= c0 for c in cues if c.status == "neg"):
        return "speculative"  # "Should X travel to Y, he would be arrested": an inverted condition
    if form == "pres" and (any(w in ("when", "once", "whenever") for w in words[max(0, ti - 3):ti]) or
                           words[c0] in ("when", "once") or (c0 > 0 and words[c0 - 1] in ("when", "once"))) and \
            not any(c.status in ("completed", "ongoing") and c.strength >= 4 for c in before):
        return "planned"  # "when he arrives in X", "once he lands in Y" (future; the clause may start at "when")
    # a call-off that only may happen ("the visit could be delayed", "might be postponed") cancels nothing
    # and neither does one that describes a thing ("a long-delayed trade agreement", "the much-postponed summit":
    # what now happens had been put off before)
    hedged = {c for c in cues if c.status == "cancelled" and (any(
        m.status == "speculative" and 0 <= c.i - m.j <= 2 for m in cues) or c.i > 0 and words[c.i - 1] in _LONG)}
    if any(c.status == "cancelled" and (c.scope != "before" or c in before) and c not in hedged for c in in_clause):
        return "cancelled"
    # a cancellation later in the sentence ("... but decided to cancel the plan") ends a plan, not a visit
    late_cancel = any(c.status == "cancelled" and c.scope != "before" and c.i >= c1 and c not in hedged for c in cues)
    if any(c.status == "none" and ti - c.j <= 3 for c in before):
        before = [c for c in before if c.status != "neg"]
    # "has not left Russia except to visit A and B": the trips excepted are told in the negated verb's tense
    exc = next((n for n in range(max(c0, ti - 4), ti) if words[n] == "except"), None)
    if exc is not None and _NEG_WORDS.intersection(words[c0:exc]):
        head = words[c0:exc]
        if _WILL.intersection(head):
            return "planned"
        if _DONE_AUX.intersection(head):
            return "completed"
    # "was not arrested during his visit": that negation is another verb's
    before = [c for c in before if not (c.status == "neg" and SCOPE_BREAK.intersection(words[c.j:ti]))]
    negated = any(c.status == "neg" and ti - c.j <= 4 for c in before)
    aux = words[max(0, ti - 2) : ti]
    # the trigger's own tense
    own: str | None = None
    if role == "transit":
        own = "ongoing"  # departed for, on its way to, bound for
    elif form in ("past", "pres"):
        own = "completed"
    elif form == "ing":
        if role == "transit" or any(w in ("is", "are", "am", "s", "currently") for w in aux):
            own = "ongoing"
        elif any(w in ("was", "were") for w in aux) or any(w in ("by", "after", "upon", "since") for w in aux) and \
                not any(c.status in ("planned", "speculative") and c.strength >= 5 for c in before):
            own = "completed"  # (but "will fly to X after visiting Y": the plan's own tense)
        elif role == "be":
            own = "ongoing"
    if own is not None and not any(c.status in ("planned", "speculative") and c.strength >= 5 and ti - c.j <= 2
                                   for c in before):
        if negated:
            return None
        return own
    if negated:
        return "cancelled" if form in ("base", "noun") else None
    if late_cancel:
        return "cancelled"
    if not before:
        after = [c for c in in_clause if c.i >= tj and c.scope == "clause"]
        if any(c in hedged for c in after):
            return "speculative"  # "X's visit to Y may be postponed"
        if after:
            return max(after, key=lambda c: c.strength).status
        return None
    best = max(before, key=lambda c: (c.strength, c.j))
    if best.status in ("neg", "none"):
        return None
    if best.status == "is":
        return "ongoing"
    return best.status
