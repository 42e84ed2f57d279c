"""Who attends: people listed as present at a gathering or place told in the article (issue 9 item 2).

"Leaders of 20 countries will attend the summit. They include X, Y and Z." (:func:`_attendance`), "Other
officials already in Minsk include X" (:func:`present_include`), "X and Y were among those in attendance"
(:func:`among_present`) and "He was accompanied by ministers X and Y" (:func:`_entourage`): the people named
join the trip, gathering or place the article has just told.
"""

from __future__ import annotations

import re

from . import dates as ndates
from .assemble import _add
from .document import _PLACE_KIND_RANK, Entity, Mention, _Doc, _Draft, _Sentence, word_index
from .gatherings import _current_event, event_spans
from .modality import FUTURE
from .tripdates import _pick_date, resolve_for

_LIST_OPENERS = frozenset({"they", "those", "these", "attendees", "guests", "participants", "invitees", "others",
                           "leaders", "delegates", "dignitaries"})
_INCLUDE = frozenset({"include", "included", "includes", "including"})


def _attendance(doc: _Doc, s: _Sentence, k: int, ms: list[Mention]) -> None:
    """ "Leaders of 20 countries will attend the summit. They include X, Y and Z.", "Among those attending were
    X and Y": each person listed joins the trip of the sentence before that had no traveller of its own
    (``doc.context``), with its status and date."""
    words = s.words
    ctx, status = doc.context, doc.context_status
    if ctx is None or status is None or k - ctx[0] > 2 or len(words) < 3:
        return
    opener = next((n for n in range(min(3, len(words))) if words[n] in _LIST_OPENERS), None)
    opens = (opener is not None and any(x in _INCLUDE for x in words[opener + 1:opener + 4])
             and not any(m.i < opener + 1 and m.entity is not None for m in ms)) or \
        (words[0] == "among" and words[1] in ("them", "those", "the", "others"))  # "High-profile guests include"

    if not opens:
        return
    future = status in FUTURE
    spans = resolve_for(doc, ctx[2], status, future)[:1] if ctx[2] is not None else []
    event = doc.context_event
    if not spans and event is not None:
        spans = event_spans(event, doc.pub, future)
    for m in ms:
        ent = m.entity
        if ent is None or m.kind == "pronoun" or m.possessive:
            continue
        for dest in ctx[1]:
            if dest.code != ent.nationality:
                _add(doc, _Draft(ent, m.text, dest.code, dest.city, list(spans), status,
                                 event.name if event is not None else "", [(s.a, s.b)]))


_PRESENT_PEOPLE = _LIST_OPENERS | {"officials", "ministers", "figures", "members", "heads"}


def present_include(doc: _Doc, s: _Sentence, ms: list[Mention]) -> None:
    """ "Other Russian officials already in Minsk include X, Y and Z", "Guests at the ceremony in Djibouti
    included X and Y": the people listed are (or were) in that place."""
    words = s.words
    n = next((n for n in range(3, len(words)) if words[n] in ("include", "includes", "included")), None)
    if n is None or not _PRESENT_PEOPLE.intersection(words[max(0, n - 9):n]):
        return
    place = next((p for p in reversed(doc.places(s)) if n - 4 <= p.i and p.j <= n and p.i > 0
                  and words[p.i - 1] in ("in", "at") and p.kind in _PLACE_KIND_RANK), None)
    if place is None or any(m.entity is not None and m.i < place.i for m in ms):
        return  # (a person named before the place is the sentence's subject, not a list of those present)
    status = "completed" if words[n] == "included" else "ongoing"
    dexpr = _pick_date(s, s.dates, 0, len(words), doc.w.get("speech", set()), (0, len(words)))
    spans = ndates.resolve(dexpr, doc.pub, False)[:1] if dexpr is not None else \
        ([(doc.pub.start, doc.pub.end, doc.pub.precision)] if doc.pub is not None and status == "ongoing" else [])
    for m in ms:
        ent = m.entity
        if ent is None or m.i <= n or m.kind == "pronoun" or m.possessive or ent.nationality == place.code:
            continue
        _add(doc, _Draft(ent, m.text, place.code, place.city, list(spans), status, "", [(s.a, s.b)]))


_PRESENT = (r"(?:in attendance|attending|present|guests|attendees|dignitaries|leaders|heads of state|mourners|"
            r"participants|delegates|visitors|presidents)")
_AMONG = re.compile(r"\b(was|were|is|are|will be|would be) among (?:those |the )?(?:[a-z]+ ){0,2}" + _PRESENT + r"\b")
# "Among them was X", "Among the mourners were X and Y": the people named after the verb
_AMONG_FRONT = re.compile(r"^(?:also )?among (?:them|(?:those |the )?(?:[a-z]+ ){0,2}" + _PRESENT + r")"
                          r"(?: [a-z]+){0,3}? (was|were|is|are|will be|would be)\b")


def among_present(doc: _Doc, s: _Sentence, k: int, ms: list[Mention]) -> None:
    """ "X, Y and Z were among those in attendance": the people named before it attend the gathering the
    article is about (the last one named, in the sentences just before)."""
    line = " ".join(s.words)
    back = _AMONG.search(line)
    front = _AMONG_FRONT.search(line) if back is None else None
    m = back or front
    if m is None:
        return
    ev = _current_event(doc, k)
    if ev is None or k - ev.sent > 3:
        return
    n = word_index(line, m.end() if front is not None else m.start())
    status = "completed" if m.group(1) in ("was", "were") else "ongoing" if m.group(1) in ("is", "are") else "planned"
    if front is not None and _STAYED_AWAY.search(doc.text, doc.prev_places[0], s.a):
        status = "cancelled"  # "... most have stayed away. Among them is X": among the absent
    spans = event_spans(ev, doc.pub, status == "planned")
    for men in ms:
        ent = men.entity
        if ent is None or (men.i < n if front is not None else men.j > n) or men.kind == "pronoun" or men.possessive or \
                ent.nationality == ev.code:
            continue
        _add(doc, _Draft(ent, men.text, ev.code, ev.city, list(spans), status, ev.name, [(s.a, s.b)]))


# the sentence before "Among them is X" tells who did not come
_STAYED_AWAY = re.compile(r"(?i)\b(?:stayed|stay|stays|kept) (?:away|home)\b|\bpulled out\b|\bwithdrew\b|"
                          r"\bdid not (?:come|attend|travel)\b|\bstaying away\b|\babsentees\b|\bcancell?ed\b")
_WILL = frozenset({"will", "would", "shall", "set", "expected", "due", "to"})
_ACCOMPANY = (("accompanied", "by"), ("joined", "by"), ("escorted", "by"))


_PARTIES = frozenset({"delegation", "entourage", "retinue", "team"})  # a company a traveller arrives with


def _entourage(doc: _Doc, s: _Sentence, k: int, ms: list[Mention]) -> None:
    """ "He was accompanied by foreign minister X, Y and Z", "Bashir, joined by his defence minister X, ...":
    the people named after "accompanied by" travel with the person before it, on the trip just reported for
    them (the last two sentences)."""
    words = s.words
    n = next((n for n in range(len(words) - 1) if (words[n], words[n + 1]) in _ACCOMPANY), None)
    if n is None:
        # "flew into Vnukovo with a delegation of around 200 people, including his intelligence chief X"
        n = next((x for x in range(2, len(words) - 1) if words[x] == "including" and "," in s.toks[x].gap
                  and "with" in words[max(0, x - 10):x] and not _PARTIES.isdisjoint(words[max(0, x - 8):x])), None)
    if n is None:
        # "landed in San Francisco with his wife, Sara"; "His wife, Sara, accompanied him throughout"
        n = next((x for x in range(1, len(words) - 2) if words[x] == "with" and words[x + 1] in _POSS
                  and words[x + 2] in _KIN), None)
        if n is None:
            _kin_accompanies(doc, s, ms)
            return
    lead = next((m for m in reversed(ms) if m.j <= n and n - m.j <= 4 and m.entity is not None), None)
    if words[n] == "with":
        lead = None  # (the trip this sentence told, below)
    if lead is not None and lead.entity is not None:
        trip = next((d for d in reversed(doc.drafts) if d.entity is lead.entity and d.sentences
                     and s.a - d.sentences[-1][1] < 600 and not d.earlier), None)
    elif n > 0 and ("," in s.toks[n].gap or words[n] == "with") or n == 0 and doc.last_subject is not None:
        # "X arrived in Beijing on Monday, accompanied by Y": the trip this sentence told; "Accompanied by Y, he
        # went straight to the base": that of the person the sentences before were about
        trip = next((d for d in reversed(doc.drafts) if (s.a, s.b) in d.sentences and not d.earlier), None)
        if trip is None and n == 0:
            trip = next((d for d in reversed(doc.drafts) if d.entity is doc.last_subject and d.sentences
                         and s.a - d.sentences[-1][1] < 600 and not d.earlier), None)
    else:
        return
    if trip is None:
        return
    lead_entity = trip.entity
    status, spans = trip.status, list(trip.spans)
    if status not in FUTURE and words[n] != "with" and any(x in _WILL for x in words[max(0, n - 4):n]):
        status, spans = "planned", []  # "He will be joined by X": X's journey is still ahead
    for m in ms if words[n] != "with" else ():  # ("with his wife, Sara": the relative only, below)
        ent = m.entity
        if m.i <= n + 1 or ent is None or m.kind == "pronoun" or m.possessive or ent is lead_entity:
            continue
        if ent.nationality == trip.code or (ent.pid and ent.pid == lead_entity.pid):
            continue
        _add(doc, _Draft(ent, m.text, trip.code, trip.city, spans, status, trip.event, [(s.a, s.b)]))
    kin = _kin_named(doc, s, ms, lead_entity, n + 1)
    if kin is not None and kin.nationality != trip.code:
        _add(doc, _Draft(kin, kin.name, trip.code, trip.city, spans, status, trip.event, [(s.a, s.b)]))


_POSS = frozenset({"his", "her", "their"})
_KIN = frozenset({"wife", "husband", "son", "daughter", "spouse", "partner", "brother", "sister"})
# a sentence :func:`_entourage` reads (on folded text): "He was accompanied by X", "with his wife, Sara",
# "His wife accompanied him"
_BY_WORDS, _POSS_WORDS, _KIN_WORDS = "|".join(w for w, _by in _ACCOMPANY), "|".join(_POSS), "|".join(_KIN)
ACCOMPANY = re.compile(rf"\b(?:(?:{_BY_WORDS}) by|with (?:{_POSS_WORDS}) (?:{_KIN_WORDS})|accompanied (?:him|her))\b")


def _kin_named(doc: _Doc, s: _Sentence, ms: list[Mention], of: Entity, start: int) -> Entity | None:
    """ "his wife, Sara": the relative named by a given name, with the surname of ``of`` ("Sara Netanyahu");
    a full name ("his son Saddam Haftar") stands as written."""
    words, toks = s.words, s.toks
    k = next((x for x in range(start, len(words) - 2) if words[x] in _POSS and words[x + 1] in _KIN), None)
    if k is None or not of.name:
        return None
    i = k + 2
    if i >= len(toks) or not toks[i].cap or any(m.i <= i < m.j and m.entity is not None for m in ms):
        return None  # (a relative named in full is a mention of the sentence, read as such)
    j = i
    while j < len(toks) and toks[j].cap and (j == i or toks[j].gap == " "):
        j += 1
    given = doc.text[toks[i].start:toks[j - 1].end]
    name = given if j - i > 1 else f"{given} {of.name.split()[-1]}"
    key = "name:" + name.lower()
    ent = doc.entities.get(key)
    if ent is None:
        ent = Entity(key, name, "", of.nationality)
        doc.entities[key] = ent
    return ent


def _kin_accompanies(doc: _Doc, s: _Sentence, ms: list[Mention]) -> None:
    """ "His wife, Sara, accompanied him throughout": she made the trip just told of the person "him" means."""
    words = s.words
    n = next((x for x in range(len(words) - 1) if words[x] == "accompanied" and words[x + 1] in ("him", "her")), None)
    if n is None or n > 8 or len(words) < 2 or words[0] not in _POSS or words[1] not in _KIN:
        return
    lead = next((m.entity for m in ms if m.i == n + 1 and m.entity is not None), None) or doc.last_subject
    if lead is None:
        return
    trip = next((d for d in reversed(doc.drafts) if d.entity is lead and d.sentences
                 and s.a - d.sentences[-1][1] < 600 and not d.earlier), None)
    kin = _kin_named(doc, s, ms, lead, 0) if trip is not None else None
    if trip is not None and kin is not None and kin.nationality != trip.code:
        _add(doc, _Draft(kin, kin.name, trip.code, trip.city, list(trip.spans), trip.status, trip.event,
                         [(s.a, s.b)]))
