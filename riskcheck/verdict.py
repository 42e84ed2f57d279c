"""The verdict engine: (person, territory, date span) -> obligation to arrest, with basis and explanation.

:func:`evaluate` is a pure function of resolved ids and the ruleset. :func:`check` resolves what a user
typed first. Basis codes are documented in :data:`BASES`.
"""

# (No ``from __future__ import annotations``: string annotations are compiled as code objects at every start.)
import functools
from datetime import date, timedelta

from .dates import DateSpan, parse_date
from .errors import UnresolvedPersonError, UnresolvedPlaceError
from .record import Verdict, _Day
from .ruleset import OtherBasis, Ruleset, State, StateStatus, Warrant, load_ruleset

__all__ = ["BASES", "OBLIGATIONS", "WARRANT_STATES", "Verdict", "check", "evaluate", "stale_note", "unresolved", "where"]

OBLIGATIONS = ("yes", "no", "residual", "unknown")
WARRANT_STATES = ("outstanding", "outstanding_sealed", "not_yet_issued", "ended", "none", "unknown")

BASES: dict[str, str] = {
    "state_party": "The state is a State Party: Part 9 (arts. 86, 89) obliges it to arrest and surrender.",
    "state_party_withdrawing": "The state gave notice of withdrawal that has not yet taken effect; it stays bound (art. 127(1)).",
    "unsc_referral": "A non-party bound for this situation by a UN Security Council referral (Charter ch. VII; art. 13(b)).",
    "article_12_3": "A non-party that accepted the Court's jurisdiction for this situation by an art. 12(3) declaration.",
    "article_127_2": "A former State Party whose duty to cooperate in proceedings begun while it was a party survives withdrawal (art. 127(2)); contested.",
    "territory_excluded": "The Rome Statute does not apply in this territory of a State Party.",
    "non_party": "The state is not a State Party and not otherwise bound for this situation.",
    "no_warrant": "No public ICC arrest warrant is on record for the person as of the data's checked date (sealed warrants cannot be known).",
    "warrant_not_yet_issued": "The person's warrant had not yet been issued on that date.",
    "warrant_sealed": "The warrant had been issued under seal; whether a request reached this state is not public.",
    "warrant_ended": "The warrant was no longer outstanding (executed, withdrawn, or ended by death).",
    "unresolved_person": "The person could not be resolved to one record.",
    "unresolved_place": "The place could not be resolved to a state or territory.",
    "date_straddles_change": "The obligation changes within the date span given.",
    "unresolved_date": "The date could not be read (batch path: a malformed date cell).",
    "malformed_row": "The row has more or fewer fields than the header (batch path).",
    "date_unknown": "The trip's date could not be determined from the text (news path).",
}


IMMUNITY_NOTE = (
    "Immunity arguments under arts. 27 and 98 do not relieve a State Party of the duty: the Appeals Chamber "
    "rejected them in the Jordan referral judgment of 2019-05-06 (al-Bashir) and Pre-Trial Chamber II in the "
    "Mongolia non-compliance finding of 2024-10-24 (Putin)."
)


#: short names that take "the" in running text
THE_NAMES = frozenset({
    "Bahamas", "Central African Republic", "Comoros", "Czech Republic", "DR Congo", "Dominican Republic",
    "Gambia", "Holy See", "Maldives", "Marshall Islands", "Netherlands", "Philippines", "Solomon Islands",
    "United Arab Emirates", "United Kingdom", "United States", "Cook Islands", "Faroe Islands",
    "Cayman Islands", "Falkland Islands", "British Virgin Islands", "Turks and Caicos Islands",
})


def the(name: str, start: bool = False) -> str:
    """'the Philippines' in running text; ``start`` capitalises it for the start of a sentence."""
    if name in THE_NAMES:
        return ("The " if start else "the ") + name
    return name


def _warrant_phrase(ws: list[Warrant]) -> str:
    parts = [f"{w.issued}" + (f" (public {w.public})" if w.public and w.public != w.issued else "") for w in ws]
    if len(parts) == 1:
        return f"the ICC arrest warrant issued on {parts[0]}"
    return "the ICC arrest warrants issued on " + ", ".join(parts)


#: the most authoritative hosts first: a verdict cites these before secondary reporting
AUTHORITY = ("treaties.un.org", "icc-cpi.int", "undocs.org", "un.org", "legal-tools.org", "asp.icc-cpi.int")
PER_ROW = 3  # sources cited per data row in a verdict (the CSV keeps them all)


@functools.lru_cache(maxsize=4096)
def _rank(url: str) -> int:
    host = url.split("/")[2] if "//" in url else url
    for i, dom in enumerate(AUTHORITY):
        if host == dom or host.endswith("." + dom):
            return i
    return len(AUTHORITY)


def _best(sources: tuple[str, ...]) -> tuple[str, ...]:
    """A data row's sources, most authoritative first, at most :data:`PER_ROW`."""
    return tuple(sorted(sources, key=_rank)[:PER_ROW])


def _sources_of(*groups: tuple[str, ...]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for g in groups:
        for s in _best(g):
            seen.setdefault(s, None)
    return tuple(seen)


_LEVEL = {"high": 0, "medium": 1, "low": 2}


def _weakest(facts: list[tuple[str, str]]) -> tuple[str, str]:
    """(confidence, description) of the weakest of ``facts`` ((confidence, description) pairs); every fact
    at that level is named."""
    level = "high"
    for conf, _ in facts:
        c = conf if conf in _LEVEL else "high"
        if _LEVEL[c] > _LEVEL[level]:
            level = c
    if level == "high":
        return level, ""
    named = dict.fromkeys(d for c, d in facts if c == level and d)
    return level, "; ".join(named)


#: how far from a recorded date a doubt about it can change an answer: every doubt recorded in the data
#: about a treaty or warrant date is of days to a few months (see the notes), so a year either side covers it
DATE_DOUBT_DAYS = 366


def _near(day: date, *dates: date | None) -> bool:
    return any(d is not None and abs((day - d).days) <= DATE_DOUBT_DAYS for d in dates)


def state_row_counts(state: State, day: date) -> bool:
    """Whether an answer on ``day`` rests on the graded facts of ``state``'s row in states.csv.

    The row's ``confidence`` grades its treaty dates. For a state that deposited an instrument, a doubt
    about those dates can change an answer only near them (within :data:`DATE_DOUBT_DAYS`); the signature
    date never decides an answer. For a state that never deposited one, the row grades the absence of an
    instrument, on which every answer about it rests.
    """
    if state.deposited is None and state.entry_into_force is None:
        return True
    return _near(day, state.deposited, state.entry_into_force, state.deposit_withdrawn)


def warrant_row_counts(w: Warrant, day: date) -> bool:
    """Whether an answer on ``day`` rests on the graded dates of warrant ``w`` (issue and unsealing).

    Doubts recorded about a warrant concern when it was issued or made public, not whether it exists; they
    can change an answer only near those dates.
    """
    return _near(day, w.issued, w.public)


def confidence_change_dates(rs: Ruleset, person_id: str, code: str | None = None) -> set[date]:
    """Days on which an answer's confidence can change although its status does not.

    They are the edges of the :data:`DATE_DOUBT_DAYS` windows around the doubted dates of the person's
    warrants and (with ``code``) of the state's treaty record, and the effective dates of unconfirmed
    withdrawal notices: engines that reuse one answer across a stretch of days split stretches there too.
    """
    doubted: list[date | None] = []
    for w in rs.warrants.get(person_id, []):
        if w.confidence != "high":
            doubted += [w.issued, w.public]
    out: set[date] = set()
    if code is not None:
        sc = rs.successions.get(code)
        sov = rs.sovereign_of(code)
        if sc is not None:  # (and the record of the state it was part of, before its independence)
            pre = rs.states.get(sc.predecessor)
            if pre is not None and pre.confidence != "high":
                doubted += [d for d in (pre.deposited, pre.entry_into_force, pre.deposit_withdrawn)
                            if d is not None and d < sc.independence]
        state = rs.states.get(sov)
        if state is not None and state.confidence != "high":
            doubted += [state.deposited, state.entry_into_force, state.deposit_withdrawn]
        out |= {w.effective for w in rs.withdrawals.get(sov, []) if w.unconfirmed and w.effective is not None}
    for d in doubted:
        if d is not None:
            out |= {d - timedelta(days=DATE_DOUBT_DAYS), d + timedelta(days=DATE_DOUBT_DAYS + 1)}
    return out


def _rate(rs: Ruleset, ans: _Day, person_id: str | None, code: str, day: date, st: StateStatus | None,
          basis_row: OtherBasis | None = None) -> _Day:
    """``ans`` with the confidence of the weakest recorded fact it rests on (on that day, not any fact
    of the rows involved: a doubt about a signature or a 2002 deposit date does not weaken a 2024 answer)."""
    facts: list[tuple[str, str]] = []
    for wr in rs.warrants.get(person_id or "", []):
        if warrant_row_counts(wr, day):
            facts.append((wr.confidence, f"warrant {wr.warrant_id} is recorded with {wr.confidence} confidence "
                                         f"(issued {wr.issued}, public {wr.public})"))
    if st is not None:
        sov = rs.sovereign_on(code, day)
        state = rs.states.get(sov)
        sc = rs.successions.get(code)
        if sc is not None and day < sc.independence:
            facts.append((sc.confidence, f"that {sc.name} was part of {the(sc.predecessor_name)} until "
                                         f"{sc.independence} is recorded with {sc.confidence} confidence"))
        if state is not None and state_row_counts(state, day):
            what = "treaty dates are" if state.deposited else "record (no instrument deposited) is"
            facts.append((state.confidence, f"{the(state.name)}'s {what} recorded with "
                                            f"{state.confidence} confidence"))
        for r in rs.territories.get(code, []):
            if r.covers(day):
                facts.append((r.confidence, f"the Statute's application to {r.name} is recorded with "
                                            f"{r.confidence} confidence"))
        w = st.withdrawal
        if w is not None:
            what = f"withdrawal notice of {w.notified}" + (f" and its revocation of {w.revoked}" if w.revoked else "")
            facts.append((w.confidence, f"{the(rs.name_of(sov))}'s {what} are known with {w.confidence} "
                                        "confidence (secondary sources)"))
        for w in rs.withdrawals.get(sov, []):  # an unconfirmed notice that would have taken effect by now
            if w.unconfirmed and w.effective is not None and w.effective <= day and w.revoked is None:
                facts.append((w.confidence, f"a reported withdrawal notice of {the(rs.name_of(sov))} "
                                            f"(notified {w.notified}, effective {w.effective}) could not be "
                                            "verified and is not applied"))
    if basis_row is not None:
        facts.append((basis_row.confidence, f"the {basis_row.basis} record ({basis_row.instrument}) has "
                                            f"{basis_row.confidence} confidence"))
    conf, what = _weakest(facts)
    if conf == ans.confidence and what == ans.weakest:
        return ans
    return ans.replace(confidence=conf, weakest=what)


def _covers_crimes(b: OtherBasis) -> tuple[bool, date]:
    """Sort key: an instrument open for later crimes first (a warrant concerns crimes before its issue)."""
    return (b.crimes_to is None, b.crimes_to or b.start or date.min)


def _on_day(rs: Ruleset, person_id: str | None, code: str, day: date, label: str = "") -> _Day:
    """The answer on one day; ``label`` names the span in the text when it is wider than a day."""
    label = label or str(day)
    if person_id is None or person_id not in rs.people:
        as_of = f" as of {rs.checked}" if rs.checked else ""
        return _Day("none", "no", "no_warrant",
                    f"No public ICC arrest warrant is on record for this person{as_of}. The Court can issue "
                    "warrants under seal, so this does not prove that none exists.")
    person = rs.people[person_id]
    warrants = rs.warrants.get(person_id, [])
    statuses = [(w, w.status_on(day)) for w in warrants]
    live = [w for w, s in statuses if s == "outstanding"]
    sealed = [w for w, s in statuses if s == "outstanding_sealed"]
    wsrc = _sources_of(*(w.sources for w in warrants), person.sources)
    if not live and not sealed:
        ended = [(w, w.end) for w, s in statuses if s == "ended"]
        if ended:
            last, ev = max(((w, e) for w, e in ended if e is not None), key=lambda we: we[1].date or date.min)
            how = ev.event
            text = (f"{person.name}'s ICC arrest warrant ended on {ev.date} ({how}); no arrest obligation "
                    "arises from it on this date.")
            before = [e for e in last.events if e.date and last.issued and e.date < last.issued]
            for e in before:
                text += (f" A report that {person.name} {e.event} on {e.date}, before the warrant was issued on "
                         f"{last.issued}, did not end it: the warrant stood until the Court's own decision.")
            return _rate(rs, _Day("ended", "no", "warrant_ended", text, _sources_of(wsrc, ev.sources),
                                  ended_how=how), person_id, code, day, None)
        first = min((w.issued for w in warrants if w.issued), default=None)
        return _rate(rs, _Day("not_yet_issued", "no", "warrant_not_yet_issued",
                              f"On {label} no ICC arrest warrant for {person.name} existed yet"
                              + (f"; the first was issued on {first}." if first else "."), wsrc),
                     person_id, code, day, None)
    st = rs.state_status(code, day)
    active = live or sealed
    warrant_state = "outstanding" if live else "outstanding_sealed"
    wphrase = _warrant_phrase(active)
    situations = sorted({w.situation for w in active})
    ssrc = _sources_of(st.sources, wsrc)
    ans, basis_row = _obligation(rs, st, code, day, person.name, active, wphrase, situations, warrant_state, ssrc)
    if not live:
        # sealed: a state that would be bound may not have received a request; one with no duty has none anyway
        if ans.obligation in ("yes", "residual"):
            ans = _Day(warrant_state, "unknown", "warrant_sealed",
                       f"On {label} {wphrase} was still under seal; whether a request for arrest had been "
                       f"transmitted to {the(st.name)} is not public.", ssrc)
        else:
            ans = ans.replace(explanation=ans.explanation + f" On {label} {wphrase} was still under seal.")
    return _rate(rs, ans, person_id, code, day, st, basis_row)


def _obligation(rs: Ruleset, st: StateStatus, code: str, day: date, name: str, active: list[Warrant],
                wphrase: str, situations: list[str], warrant_state: str,
                ssrc: tuple[str, ...]) -> tuple[_Day, OtherBasis | None]:
    """The legal precedence for an outstanding warrant: the first rule that applies decides."""
    sc = rs.successions.get(st.code)
    if st.sovereign and sc is not None:  # before its independence: the obligation of the state it was part of
        lead = (f"On {day} {st.name} was part of {the(sc.predecessor_name)} (independent from {sc.independence}). ")
        subj = the(sc.predecessor_name, True)
    elif st.sovereign:  # a dependency: the sovereign's obligation, where the Statute applies there
        rule = next((r for r in rs.territories.get(st.code, []) if r.covers(day) and r.applies), None)
        since = f" since {rule.start}" if rule and rule.start else ""
        lead = f"{st.name} is a territory of {the(rs.name_of(st.sovereign))} where the Statute applies{since}. "
        subj = the(rs.name_of(st.sovereign), True)
    else:
        lead, subj = "", the(st.name, True)
    if st.status == "territory_excluded":
        return _Day(warrant_state, "no", "territory_excluded",
                    f"{st.name}: {st.detail}. No obligation to arrest arises there under the Rome Statute.",
                    ssrc), None
    if st.status == "party":
        return _Day(warrant_state, "yes", "state_party",
                    f"{lead}{subj} has been a State Party since {st.party_since} and is obliged under Part 9 "
                    f"(arts. 86 and 89) to arrest and surrender {name}, subject of {wphrase}.", ssrc), None
    if st.status == "party_withdrawing" and st.withdrawal is not None:
        w = st.withdrawal
        return _Day(warrant_state, "yes", "state_party_withdrawing",
                    f"{lead}{subj} gave notice of withdrawal on {w.notified} (effective {w.effective}) but remains "
                    f"a State Party until then (art. 127(1)), obliged under arts. 86 and 89 to arrest and surrender "
                    f"{name}, subject of {wphrase}.", ssrc), None
    # not a party: another basis for this situation? (the instrument open for the latest crimes first)
    bases = sorted((b for s in situations for b in rs.bases_on(code, day, s)), key=_covers_crimes, reverse=True)
    if bases:
        b = bases[0]
        sit = rs.situations.get(b.situation)
        sit_name = sit.name if sit else b.situation
        if b.basis == "unsc_referral":
            text = (f"{lead}{subj} is not a State Party, but {b.instrument or 'a Security Council referral'} "
                    f"obliges it to cooperate fully with the Court in the {sit_name} situation, "
                    f"which covers {wphrase} against {name}.")
        else:
            text = (f"{lead}{subj} is not a State Party, but its art. 12(3) declaration ({b.instrument}) binds it "
                    f"to cooperate in the {sit_name} situation, which covers {wphrase} against {name}.")
        return _Day(warrant_state, "yes", b.basis, text, _sources_of(ssrc, b.sources)), b
    if st.status == "withdrawn":
        w2 = st.withdrawal
        opened = [rs.situations[s].opened for s in situations if s in rs.situations and rs.situations[s].opened]
        began = min(d for d in opened if d) if opened else min(x.issued for x in active if x.issued)
        if w2 is not None and w2.effective is not None and st.party_since is not None and began < w2.effective:
            return _Day(warrant_state, "residual", "article_127_2",
                        f"{lead}{subj} was a State Party from {st.party_since} until its withdrawal took effect on "
                        f"{w2.effective}. Art. 127(2) preserves its duty to cooperate in investigations begun before "
                        f"then (this one from {began}); whether that includes arresting {name} is contested.",
                        ssrc), None
    return _Day(warrant_state, "no", "non_party",
                f"{the(st.name, True)}: {st.detail}. It has no treaty obligation to arrest {name}"
                + (f" ({', '.join(rs.situations[s].name if s in rs.situations else s for s in situations)} situation)."
                   if situations else "."), ssrc), None


#: how long after the data's checked date an answer is flagged as resting on stale data
STALE_DAYS = 90


def stale_note(rs: Ruleset, day: date, today: date | None = None) -> str:
    """A warning when the data was checked more than :data:`STALE_DAYS` before ``day`` or today, else ""."""
    if rs.checked is None:
        return ""
    today = today or date.today()
    later = max(day, today)
    if (later - rs.checked).days <= STALE_DAYS:
        return ""
    what = "today" if later == today and today >= day else str(day)
    return (f"Stale data: the data was last checked on {rs.checked}, more than {STALE_DAYS} days before {what}; "
            "warrants, withdrawals or accessions since then are not reflected.")


def _announcements(rs: Ruleset, sov: str, span: DateSpan) -> list[str]:
    """Announced, pending and unconfirmed withdrawals of ``sov`` known by the end of ``span`` (every state alike)."""
    out: list[str] = []
    name = rs.name_of(sov)
    for w in rs.withdrawals.get(sov, []):
        if w.unconfirmed and w.notified is not None and w.notified <= span.end:
            out.append(f"{name}: a withdrawal notification dated {w.notified} is reported by a source we "
                       "could not verify; it is not applied to this answer until confirmed.")
            continue
        if w.announced is None or w.announced > span.end:
            continue
        if w.notified is None or w.notified > span.end:
            later = ""
            if w.notified is not None and w.legal:
                later = f" (a notification followed on {w.notified}, effective {w.effective})"
            elif w.notified is not None:
                later = f" (a notification on {w.notified} is reported but unverified)"
            out.append(f"{name} announced a withdrawal on {w.announced}; no notification to the UN "
                       f"Secretary-General is recorded by {span.end}, so it had no legal effect then{later}.")
    return out


def _context(rs: Ruleset, person_id: str | None, code: str, span: DateSpan, day: _Day,
             st: StateStatus | None) -> tuple[str, ...]:
    out: list[str] = []
    for n in rs.non_compliance_for(code):
        if n.decision_date and n.decision_date <= span.end:
            who = rs.people[n.person_id].name if n.person_id in rs.people else n.person_id
            ref = f", referred to {n.referred_to.replace(';', ' and ')}" if n.referred_to else ""
            if n.decision.startswith("referral"):  # a later, separate decision referring an earlier finding
                out.append(f"ICC decision of {n.decision_date} referring {rs.name_of(n.code)} to "
                           f"{n.referred_to.replace(';', ' and ')} for failing to arrest {who} (visit {n.visit}).")
            else:
                out.append(f"ICC finding of non-compliance against {rs.name_of(n.code)} on {n.decision_date} "
                           f"for failing to arrest {who} (visit {n.visit}){ref}.")
    if day.obligation == "yes":
        out.append(IMMUNITY_NOTE)
    if st is not None and st.status == "party_withdrawing" and st.withdrawal is not None:
        out.append(f"Pending withdrawal: notified {st.withdrawal.notified}, effective {st.withdrawal.effective}.")
    sov = rs.sovereign_of(code)
    # facts this answer rests on that are recorded with less than high confidence
    if st is not None and st.withdrawal is not None and st.withdrawal.confidence in ("medium", "low"):
        w = st.withdrawal
        out.append(f"Data confidence: the record of {the(rs.name_of(sov))}'s withdrawal notice of {w.notified} is "
                   f"{w.confidence}: {_clip(w.note)}")
    state = rs.states.get(sov)
    if state is not None and state.confidence == "low" and (
            state_row_counts(state, span.start) or state_row_counts(state, span.end)):
        out.append(f"Data confidence: {the(state.name)}'s treaty dates are recorded with low confidence: "
                   f"{_clip(state.note)}")
    for wr in rs.warrants.get(person_id or "", []):
        if wr.confidence in ("medium", "low") and wr.issued and wr.issued <= span.end and (
                warrant_row_counts(wr, span.start) or warrant_row_counts(wr, span.end)):
            out.append(f"Data confidence: warrant {wr.warrant_id} is recorded with {wr.confidence} confidence: "
                       f"{_clip(wr.note)}")
    for wr in rs.warrants.get(person_id or "", []):
        for e in wr.events:
            if e.event == "died" and not e.ends_warrant and e.date and e.date <= span.end:
                end = wr.end
                out.append(f"{rs.people[wr.person_id].name if wr.person_id in rs.people else wr.person_id} was "
                           f"reported killed on {e.date}"
                           + (f", before the warrant was issued on {wr.issued}" if wr.issued and e.date < wr.issued
                              else "")
                           + (f"; the Court ended the warrant on {end.date} ({end.event})" if end else
                              "; the Court has not ended the warrant")
                           + ". The answer follows the Court's record.")
    out.extend(_announcements(rs, sov, span))
    stale = stale_note(rs, span.end)
    if stale:
        out.append(stale)
    return tuple(out)


def _clip(text: str, n: int = 240) -> str:
    """``text`` shortened to whole sentences of about ``n`` characters (never cut mid-sentence)."""
    import re

    text = " ".join(text.split())
    if len(text) <= n:
        return text
    out = ""
    for sentence in re.split(r"(?<=[.;])\s+(?=[A-Z(])", text):
        if out and len(out) + 1 + len(sentence) > n:
            return out + " (…)"
        out = f"{out} {sentence}" if out else sentence
    return out


def evaluate(person_id: str | None, code: str, span: DateSpan | str | date | None = None,
             ruleset: Ruleset | None = None, *, person_label: str = "", context: bool = True) -> Verdict:
    """The verdict for a resolved person id (or None: no warrant record) in territory ``code`` over ``span``.

    Pure but for the stale-data note (which compares the data's checked date with today). When the
    obligation changes inside the span, the verdict is ``unknown`` with basis ``date_straddles_change``, naming the change and its date; when only
    the reason changes (``no`` before and after a warrant is issued), the obligation stands.
    ``context=False`` leaves the context notes out (for callers that do not show them: batch).

    >>> evaluate("vladimir-putin", "MN", "2024-09-03").obligation
    'yes'
    """
    rs = ruleset or load_ruleset()
    span = parse_date(span) if not isinstance(span, DateSpan) else span
    code = code.upper()
    st_now = rs.state_status(code, span.start)
    # every day inside the span on which something may change
    changes = [d for d in rs.change_dates(code) if span.start < d <= span.end]
    if person_id:
        changes += [d for d in rs.warrant_change_dates(person_id) if span.start < d <= span.end]
        # a withdrawal's art. 127(2) consequence depends on situation dates too, but those are fixed in the past
    first = _on_day(rs, person_id, code, span.start)
    segments: list[tuple[date, _Day]] = [(span.start, first)]
    for d in sorted(set(changes)):
        other = _on_day(rs, person_id, code, d)
        if other.key != segments[-1][1].key:
            segments.append((d, other))
    result = first
    person = rs.people[person_id].name if person_id and person_id in rs.people else person_label
    checked = rs.checked
    notes: list[str] = []
    changed = next(((d, s) for d, s in segments if s.obligation != first.obligation), None)
    conf, weakest = _weakest([(s.confidence, s.weakest) for _, s in segments])
    if changed is not None:
        changed_on, changed_to = changed
        explanation = (f"The answer changes within {span}: until {changed_on - timedelta(days=1)} it is "
                       f"'{first.obligation}' ({first.basis}); from {changed_on} it is '{changed_to.obligation}' "
                       f"({changed_to.basis}). {changed_to.explanation} Give a narrower date.")
        result = _Day(first.warrant if first.warrant == changed_to.warrant else "unknown", "unknown",
                      "date_straddles_change", explanation, _sources_of(first.sources, changed_to.sources))
    elif len(segments) > 1:
        last = segments[-1][1]
        steps = "; ".join(f"from {d} {s.basis}" if i else f"until {segments[1][0] - timedelta(days=1)} {s.basis}"
                          for i, (d, s) in enumerate(segments))
        explanation = (f"'{first.obligation}' throughout {span}, for reasons that change within it ({steps}). "
                       f"{last.explanation}")
        result = last.replace(explanation=explanation,
                         sources=_sources_of(*(s.sources for _, s in segments)))
    projection = bool(checked and span.end > checked)
    explanation = result.explanation
    if projection:
        explanation += (f" (Projection: the data was last checked on {checked}; later changes are not "
                        "reflected.)")
    notes_ctx = _context(rs, person_id, code, span, result, st_now) if context else ()
    sources = result.sources + ((f"data checked {checked}",) if checked else ())
    sovereign = rs.sovereign_on(code, span.start)
    return Verdict(
        person_id=person_id or "",
        person=person,
        country=code,
        country_name=rs.name_of(code),
        sovereign=sovereign if sovereign != code else "",
        date=str(span),
        start=span.start.isoformat(),
        end=span.end.isoformat(),
        warrant=result.warrant,
        obligation=result.obligation,
        basis=result.basis,
        explanation=explanation,
        sources=sources,
        context=notes_ctx,
        warrant_ended_how=result.ended_how,
        checked=checked.isoformat() if checked else "",
        projection=projection,
        notes=tuple(notes),
        confidence=conf,
        confidence_note=weakest,
    )

def unresolved(kind: str, person: str = "", place: str = "", span: DateSpan | None = None,
               candidates: tuple[str, ...] = (), reason: str = "", **fields: str) -> Verdict:
    """A verdict that says plainly an input could not be resolved (batch and news paths)."""
    basis = "unresolved_person" if kind == "person" else "unresolved_place"
    what = person if kind == "person" else place
    msg = reason or f"Could not resolve the {kind} {what!r}."
    if candidates:
        msg += " Did you mean: " + ", ".join(candidates[:3]) + "?"
    return Verdict(
        person_id=fields.get("person_id", ""), person=person, country=fields.get("country", ""),
        country_name=fields.get("country_name", ""), sovereign="", date=str(span) if span else "",
        start=span.start.isoformat() if span else "", end=span.end.isoformat() if span else "",
        warrant=fields.get("warrant", "unknown"), obligation="unknown", basis=basis, explanation=msg,
        candidates=tuple(candidates), confidence="low",
        confidence_note=f"the {kind} could not be resolved",
    )


def check(person: str, place: str, date: str | date | DateSpan | None = None,
          ruleset: Ruleset | None = None) -> Verdict:
    """Resolve ``person`` and ``place`` as typed, then evaluate on ``date`` (default today).

    Raises :class:`UnresolvedPersonError` when the name is close to a wanted person's or ambiguous,
    :class:`UnresolvedPlaceError` when the place matches nothing, :class:`DateError` for a bad date.
    A name that matches no record at all is answered ``no`` with basis ``no_warrant``.

    >>> check("Putin", "South Africa", "2023-08-22").basis
    'state_party'
    """
    from .people import resolve_person
    from .places import resolve_place

    rs = ruleset or load_ruleset()
    span = parse_date(date)
    pm = resolve_person(person, on=span.start, ruleset=rs)
    if pm.status in ("close", "ambiguous"):
        names = tuple(rs.people[c].name if c in rs.people else c for c in pm.candidates)
        kind = "is ambiguous" if pm.status == "ambiguous" else "matches no record exactly"
        raise UnresolvedPersonError(f"person {person!r} {kind}; did you mean: {', '.join(names[:3])}?",
                                    person, list(names))
    pl = resolve_place(place, ruleset=rs)
    if pl.code is None:
        hint = f"; did you mean: {', '.join(pl.candidates[:3])}?" if pl.candidates else ""
        if pl.kind == "no_state":
            raise UnresolvedPlaceError(f"place {place!r}: {pl.note}", place, [])
        raise UnresolvedPlaceError(f"place {place!r} is not a known state, territory or city{hint}",
                                   place, list(pl.candidates))
    v = evaluate(pm.person_id, pl.code, span, rs, person_label=pm.name)
    notes = tuple(n for n in (pl.note,) if n)
    return v.replace(city=pl.city, notes=notes)


def where(person: str, date: str | date | DateSpan | None = None, ruleset: Ruleset | None = None) -> list[Verdict]:
    """Every state's and territory's verdict for ``person`` on ``date``: "where can X travel?".

    Sorted: obliged first, then residual, unknown, not obliged; by name within each.
    """
    from .people import resolve_person

    rs = ruleset or load_ruleset()
    span = parse_date(date)
    pm = resolve_person(person, on=span.start, ruleset=rs)
    if pm.status in ("close", "ambiguous"):
        names = tuple(rs.people[c].name if c in rs.people else c for c in pm.candidates)
        raise UnresolvedPersonError(f"person {person!r} is not unique or not exact; did you mean: "
                                    f"{', '.join(names[:3])}?", person, list(names))
    order = {"yes": 0, "residual": 1, "unknown": 2, "no": 3}
    out = [evaluate(pm.person_id, c, span, rs, person_label=pm.name) for c in rs.codes()]
    out.sort(key=lambda v: (order[v.obligation], v.country_name))
    return out
