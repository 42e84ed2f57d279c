"""The trigger reading: each travel trigger of a sentence linked to its traveller, destinations, status and
date (the rule-based core of the extractor).
"""

from __future__ import annotations

from datetime import date

from .assemble import _add
from .destinations import compound_place, is_destination, stayed_back, topic_place, trigger_destinations
from .document import (
    Mention,
    Place,
    _clause,
    _Doc,
    _Draft,
    _Sentence,
)
from .gatherings import trip_event, with_event_dates
from .modality import FUTURE, Cue, status_of
from .shapes import _earlier_trip
from .status import (
    _AFTER_ALL,
    _HEADS,
    _not_taken,
    answered_invitation,
    denied_report,
    first_to_visit,
    looks_ahead,
    trigger_status,
)
from .travellers import (
    _MODALS,
    _coordinated,
    traveller,
)
from .tripdates import (
    _EARLIER,
    _NOT_SINCE,
    _SHORT_UNITS,
    STOP_WORDS,
    _last_since,
    _pick_date,
    _spans_per_dest,
    before_story,
    fallback_spans,
    journey_month,
    resolve_for,
    several_trips,
    since_warrant,
    trip_spans,
    undated_earlier,
)

_DELEGATION = frozenset({"delegation", "delegations", "team", "mission"})
_BE = frozenset({"was", "were", "is", "are", "be", "been", "being"})
_THIS_VISIT = (["it", "was"], ["it", "is"], ["this", "is"], ["this", "was"], ["this", "marks"], ["it", "marks"])
_VISIT_NOUNS = _HEADS | {"visit to", "trip to", "visits to", "trips to"}  # "It was X's fourth visit to Y"


# a perfect that tells what a person has done in a lifetime, not today ("has visited Egypt", "has set foot in")
_EXPERIENCE = frozenset({"visited", "travelled to", "traveled to", "set foot in", "toured", "gone to"})
_PERFECT_FILL = frozenset({"never", "only", "ever", "already", "twice", "once", "also", "since", "repeatedly",
                           "often"})


def _experienced(words: list[str], ti: int, key: str) -> bool:
    """ "X has visited A and B", "X has only ever set foot in A": a perfect of experience."""
    if key not in _EXPERIENCE:
        return False
    n = ti - 1
    while n >= 0 and words[n] in _PERFECT_FILL:
        n -= 1
    return n >= 0 and words[n] in ("has", "have")


_SUBORDINATORS = frozenset({"since", "when", "after", "before", "while", "until", "because", "as", "whom", "that"})


def _unknown_subject(s: _Sentence, ti: int, ms: list[Mention], places: list[Place],
                     role_spans: list[tuple[int, int]]) -> bool:
    """Whether a capitalised name nobody resolves ("since Nikita Khrushchev came") opens a clause of its own right
    before the trigger at ``ti``: the journey is that person's."""
    if ti < 3 or s.toks[ti].gap != " " or s.toks[ti - 1].gap != " " or s.words[ti - 3] not in _SUBORDINATORS:
        return False
    covered = {x for m in ms for x in range(m.i, m.j)} | {x for p in places for x in range(p.i, p.j)} | \
        {x for a, b in role_spans for x in range(a, b)}
    return all(s.toks[x].cap and s.words[x].isalpha() and x not in covered for x in (ti - 2, ti - 1))


def _trips_in(doc: _Doc, s: _Sentence, k: int, ms: list[Mention]) -> None:
    words, toks = s.words, s.toks
    w = doc.w
    places = doc.places(s)
    cues = [Cue(i, j, *h.value) for i, j, h in s.get("cue")
            if not (h.key == "may" and s.toks[i].cap and any(d.i <= i < d.j for d in s.dates))]  # "In May 2019"
    # the bare infinitive marker before a trigger: it governs that trigger only (scope "next"), not a trigger
    # it ends ("a trip to meet X": the "to" of "trip to" marks no plan)
    cues += [Cue(ti - 1, ti, "planned", 2, "next") for ti, _, _ in s.get("trigger") if ti > 0 and words[ti - 1] == "to"]
    found = s.dates
    speech = w.get("speech", set())
    role_spans = [(m.i, m.j) for m in ms if m.kind in ("role", "title", "name")]
    boundary = w.get("clause", set())
    triggers = s.get("trigger")
    {i for i, _, _ in triggers}

    def valid_dest(p: Place) -> bool:
        return is_destination(s, p, speech, role_spans)

    role_starts = {i for i, _, _ in s.get("role")}  # "the former president's daughter" is no earlier trip
    done_here: dict[str, str] = {}
    sent_status: dict[str, tuple[str, int]] = {}
    # a virtual cue belongs to the trigger nearest to it ("took part by video in 2020 and skipped the 2022
    # summit in Bali": the skipped one is not virtual)
    virtual_owner: dict[Cue, int] = {}
    if len(triggers) > 1:
        # neither a host ("hosted by India") nor a journey not taken ("rather than travel") joins by video
        owners = [t for t in triggers if t[2].value[1] != "host" and not _not_taken(words, t[0])] or triggers
        for c in cues:
            if c.status == "virtual":
                # a trigger of the cue's own clause first ("addressed it remotely, while Y flew to Z")
                # ("addressing them by video instead": the trip told before the cue, not a later one)
                virtual_owner[c] = min(owners, key=lambda t: (
                    t[0] > c.i and "instead" in words[c.j:c.j + 2],
                    any(x in boundary for x in (words[t[1]:c.i] if c.i >= t[1] else words[c.j:t[0]])),
                    c.i - t[1] if c.i >= t[1] else (t[0] - c.j) if c.j <= t[0] else 0,
                    t[0] > c.i))[0]
    for ti, tj, th in triggers:
        form, role, window = th.value
        if _not_taken(words, ti):
            continue  # "spoke by video rather than travel to X", "instead of flying to X": no journey
        if words[ti].startswith("invit") and any(x in ("not", "never", "n", "no") for x in words[max(0, ti - 3):ti]):
            continue  # "had not been invited to the summit in X": being left out is no trip (ANNOTATION.md)
        if words[ti] in ("stayed", "remained") and stayed_back(words, ti + 2):
            continue  # "X, who had been expected to join the trip, stayed in Tskhinvali": stayed home instead
        deleg = -1
        if role == "led_by" and words[ti] == "will" and any(x in _DELEGATION for x in words[tj:tj + 4]):
            # "X will lead the Chinese delegation to the summit in Rio": X attends where the delegation goes
            form, role, window = "base", "attend", 12
            deleg = next(n for n in range(tj, tj + 4) if words[n] in _DELEGATION)
        if form == "past" and role in ("attend", "go") and words[tj:tj + 1] == ["by"] and ti > 0 and \
                (words[ti - 1] in _BE or "," in toks[ti].gap) and not (
                    # "The memorial was also attended by X": the gathering told before, X there
                    role == "attend" and ti < 8 and any(x == "it" or x in doc.w.get("event", ()) for x in words[:ti])
                    and not any(p.i > tj and not any(a <= p.i < b for a, b in role_spans) for p in places)):
            continue  # "the summit, attended by leaders from A and B", "was visited by X": a passive
        if form == "noun" and ti > 0:
            # "will also stop in X", "to stop in X": a noun trigger used as a verb after a modal
            prev = words[ti - 1] if words[ti - 1] != "also" or ti < 2 else words[ti - 2]
            if prev in _MODALS:
                form = "base"
        if form == "ing" and ti > 1 and "," in toks[ti].gap:
            # "has travelled abroad, visiting A and B": a participle after a comma takes the tense of the verb
            # it depends on (the trigger before it in the sentence)
            lead = next((t for t in reversed(triggers) if t[1] <= ti and t[2].value[0] in ("past", "base")
                         and not any(x in boundary for x in words[t[1]:ti])), None)
            if lead is not None:
                form = lead[2].value[0]
        if role == "transit" and form == "ing" and words[ti] in ("on", "en") and any(
                t[1] <= ti and t[2].value[0] == "past" and not any(x in boundary for x in words[t[1]:ti])
                for t in triggers):
            # "stopped in Hungary on his way to Washington": the journey of a past stop was made
            form, role = "past", "go"
        clause = _clause(s, ti, tj, boundary)
        # ---- destinations (:mod:`.destinations`; before the traveller: a destination without one still sets
        # the context)
        found_dests = trigger_destinations(doc, s, k, ms, triggers, ti, tj, form, role, window, role_spans)
        if found_dests is None:
            continue
        dests, pre_trav, used_event, ctx_date = found_dests
        dests = [p for p in dests if not stayed_back(words, p.i)]
        deleg_plan: list[tuple[date, date, str]] | None = None
        if deleg >= 0:
            dests = [p for p in dests if p.i > deleg]  # "will lead Sudan's delegation": where it comes from
            last = doc.drafts[-1] if doc.drafts else None
            if not dests and last is not None and last.sentences and s.a - last.sentences[-1][1] < 600:
                # "X will not travel to Riyadh. Y will lead the delegation instead": where the trip just told goes
                dests, deleg_plan = [Place(tj, tj, last.code, "city", last.city, "")], last.spans or None
        head = -1
        if not dests and role == "go" and form in ("base", "noun", "pres"):
            compound = compound_place(s, places, ti, role_spans)
            if compound is not None:  # "a Mongolia visit", "his India trip": a noun after its destination
                dests, form, head = [compound], "noun", compound.i
        # ---- traveller (:mod:`.travellers`)
        trav, poss, lead_past, skip = traveller(doc, s, ms, th, ti, tj, form, role, pre_trav, places, head)
        if skip or trav is not None and trav.j <= ti - 2 and _unknown_subject(s, ti, ms, places, role_spans):
            continue  # ("the first visit by a Kremlin leader since Nikita Khrushchev came to Aswan": not Putin's)
        # (not where a journey starts: "Mutharika, who flew in from Lilongwe on Friday" says nothing of the summit)
        ctx_dests = [p for p in dests if not (0 < p.i <= len(words) and words[p.i - 1] == "from")]
        if role != "host" and ctx_dests and trav is None:
            doc.context = (k, ctx_dests, _pick_date(s, found, ti, max(tj, ctx_dests[-1].j), speech, clause))
            # what "They include X, Y and Z" in the next sentences joins (:func:`.attendance._attendance`)
            doc.context_status = status_of(form, role, words, ti, tj, cues, clause) or \
                {"past": "completed", "pres": "completed"}.get(form)
            doc.context_event = used_event
        if trav is None or trav.entity is None:
            continue
        ent = trav.entity
        if "back" in words[ti:tj] and dests:
            went = {d.code for d in doc.drafts if d.entity is ent}
            if went and dests[0].code not in went and (not ent.nationality or dests[0].code == ent.nationality):
                continue  # "X arrived in Saudi Arabia ... X is expected back in Kabul": home, after a trip elsewhere
                # (not "went to Paris in April; in June he was back in Moscow": a country not his own, again)
        plan_spans: list[tuple[date, date, str]] | None = deleg_plan
        if not dests and role == "attend" and form == "base" and any(c.status == "virtual" and clause[0] <= c.i < clause[1]
                                                  and virtual_owner.get(c, ti) == ti for c in cues):
            # "... but he would take part by video link instead": the trip this person had planned
            plan = next((d for d in reversed(doc.drafts) if d.entity is ent and d.status in FUTURE), None)
            if plan is not None:
                dests = [Place(tj, tj, plan.code, "city", plan.city, "")]
                plan_spans = plan.spans
        if role == "host":
            before = [p for p in places if p.j <= ti and ti - p.j <= 8 and valid_dest(p)]
            after = [p for p in places if trav.j <= p.i <= trav.j + 4 and valid_dest(p)
                     and words[p.i - 1] in ("in", "to", "at")]
            if after:
                dests = after[:1]
            elif before and not [m for m in ms if before[-1].j <= m.i < ti and m.entity is not None]:
                dests = before[-1:]
                # "Kenya and Chad both received X": every host of a list
                for p in reversed(before[:-1]):
                    if all(x in ("and", "both") for x in words[p.j:dests[0].i]) and \
                            sum(toks[n].gap.count(",") for n in range(p.j, dests[0].i + 1)) <= 1:
                        dests.insert(0, p)
                    else:
                        break
            else:
                host = next((m for m in reversed(ms) if m.j <= ti and m.entity is not None), None)
                if host is not None and host.entity and host.entity.nationality:
                    dests = [Place(host.i, host.j, host.entity.nationality, "country", "", "")]
        if role == "led_by" and doc.context is not None and k - doc.context[0] <= 2:
            dests, ctx_date = list(doc.context[1]), doc.context[2]
        if not dests and form == "noun" and trav is poss and poss is not None and window > 0:
            # "Vietnam is preparing ... for Putin's first visit": the place the clause is about
            # (not a possessive, "Iran's nuclear programme, his first trip", nor a topic, "the war in Syria")
            dests = [p for p in places if clause[0] <= p.i and p.j <= trav.i and valid_dest(p)
                     and not (p.j < len(words) and words[p.j] == "s") and not topic_place(s, p)][-1:]
        if role == "leave" and (words[tj:tj + 2] == ["the", "capital"] or
                                any(p.code == ent.nationality for p in dests)):
            done_here[ent.key] = "ongoing"  # "left the capital on Sunday to attend ...": on the way
        if dests and role == "meet" and all(p.code == ent.nationality for p in dests):
            # "Putin and Trump last met in Anchorage": the host is one of the pair, the other travelled
            alt = next((m for m in _coordinated(s, ms, trav) if m.entity is not None
                        and m.entity.nationality != dests[0].code), None)
            if alt is not None and alt.entity is not None:
                trav, ent = alt, alt.entity
        dests = [p for p in dests if p.code != ent.nationality]
        if not dests:
            continue
        # "first visit since 2017", "first visit to X in 24 years": an earlier trip
        _earlier_trip(doc, s, found, ti, tj, ent, trav, dests[0])
        # "has not been to X since October 2019": the last trip there, then
        last_since = _last_since(doc, s, found, ti, tj) if th.key in _NOT_SINCE else None
        if th.key in ("been to", "been back to") and last_since is None and (
                any(x in ("not", "never", "n", "closest", "nearest", "close") for x in words[max(0, ti - 4):ti])
                or words[ti - 1:ti] not in (["has"], ["have"], ["had"], ["already"], ["also"], ["twice"])):
            continue  # (but "X has been to Y twice": trips made)
        # ---- status (every rule in :mod:`.status`)
        status = trigger_status(doc, s, form, role, ti, tj, cues, [c for c in cues if virtual_owner.get(c, ti) == ti],
                                clause, lead_past, dests[-1].j, last_since is not None, ent.key, sent_status,
                                done_here)
        if status is None:
            continue
        status = denied_report(first_to_visit(answered_invitation(status, words), words, ti), words, ti)
        # ---- date (:mod:`.tripdates`) and event (:mod:`.gatherings`)
        future = looks_ahead(status, form, words, cues, clause, tj)
        spans = trip_spans(doc, s, ti, tj, dests[-1].j, clause, status, future, ctx_date, plan_spans, last_since,
                           ent)
        event = trip_event(doc, s, k, ti, tj, dests[0].code, used_event, future, bool(spans))
        if not spans and event is not None and event.span is None and event.date is not None:
            spans = resolve_for(doc, event.date, status, future)[:1]
        elif event is not None:
            spans = with_event_dates(spans, event, doc.pub, future)  # an edition's own days (data/events.csv)
        guessed = False
        if not spans and status == "completed":
            spans = since_warrant(doc, words, ti, ent)  # "Since the warrant, X has visited A and B"
        if not spans and words[ti] in STOP_WORDS:
            spans = journey_month(doc, s, ent, dests, status)  # "considered stopping in A" on the way to a dated trip
        if not spans:
            spans = fallback_spans(doc, s, k, th.key, ti, form, status, future, ent, cues)
            guessed = bool(spans) and doc.pub is not None and spans[0][:2] == (doc.pub.start, doc.pub.end)
            if guessed and (th.key in ("been to", "been back to") or _experienced(words, ti, th.key)):
                spans, guessed = [], False  # "X has been to Y", "X has visited A and B": some time before
        ev_name = event.name if event is not None else ""
        own_spans = _spans_per_dest(doc, s, found, dests, tj, clause, future) if len(dests) > 1 else None
        # (a trip going on is current however the sentence speaks of earlier ones: "X, who is visiting Y for the
        # first time since 2019, ...")
        recent = not spans and status in ("completed", "ongoing") and not undated_earlier(words, ti) and \
            th.key not in ("been to", "been back to") and not _experienced(words, ti, th.key) and \
            not several_trips(words, ti) and \
            not any(d.kind == "anchor" for d in found) and not any(
            c.status == "completed" and c.strength >= 4 for c in cues) and (status == "ongoing" or
            not any(x in _EARLIER and not (x == "former" and n + 1 in role_starts) and
                    not (x == "earlier" and n > 0 and words[n - 1] in _SHORT_UNITS) for n, x in enumerate(words)))
        if not spans and status in ("completed", "ongoing") and words[:2] in _THIS_VISIT and th.key in _VISIT_NOUNS:
            # "It was Netanyahu's fourth visit to the White House since January": the visit the story is about
            recent = True
        weak = th.key in _HEADS and status == "ongoing" and not spans
        # "The prime minister previously visited Azerbaijan in 2016": a dated trip before the story
        earlier = status == "completed" and bool(spans) and not guessed and before_story(words, ti)
        # "the trip was delayed ..., but he eventually reached X": the journey was made after all
        after_all = status in ("completed", "ongoing") and any(x in _AFTER_ALL for x in words[max(0, ti - 3):ti])
        others = _coordinated(s, ms, trav) if role not in ("host", "led_by") and form != "noun" else []
        if role == "meet" and used_event is not None and dests[0].text == used_event.name:
            # "Gordon Brown met Muammar Gaddafi at the G8 summit": the partner was at the summit too
            others += [m for m in ms if tj <= m.i <= tj + 3 and m.entity is not None and m.entity is not ent
                       and not m.possessive and m not in others]
        for who in [trav, *others]:
            if who.entity is None:
                continue
            for n_dest, dest in enumerate(dests):
                if who is not trav and dest.code == who.entity.nationality:
                    continue
                for span in (own_spans[n_dest] if own_spans else spans) or [None]:  # type: ignore[list-item]
                    _add(doc, _Draft(who.entity, who.text, dest.code, dest.city, [span] if span else [], status,
                                     ev_name, [(s.a, s.b)], weak=weak, recent=recent, after_all=after_all,
                                     guessed=guessed, earlier=earlier))
