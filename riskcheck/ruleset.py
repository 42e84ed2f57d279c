"""The ruleset: dated Rome Statute status of states and territories, and ICC warrants.

Loaded once, lazily, from the CSV files in a data folder (the bundled one by default). Nothing here
imports pandas: the single-query path must stay fast.
"""

from __future__ import annotations

import os
from _thread import RLock  # (threading costs every start a millisecond)
from datetime import date, timedelta

from .errors import DataError
from .record import Record

TYPE_CHECKING = False  # (typing.TYPE_CHECKING without importing typing: a few ms of every start)
if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path
    from typing import NamedTuple, TypeVar

    T = TypeVar("T")
else:
    from .record import NamedTuple  # typing.NamedTuple's class syntax without importing typing (nor
    # compiling the string annotations, as typing's does)

# --------------------------------------------------------------------------------------------------
# Where the data lives


def default_data_dir() -> Path:
    """The bundled data folder: ``riskcheck/data`` in an installed wheel, ``data/`` in a checkout."""
    from pathlib import Path

    return Path(_default_folder())


def _default_folder() -> str:
    """:func:`default_data_dir` as a string (a query does not import pathlib)."""
    here = os.path.dirname(os.path.realpath(__file__))
    for cand in (os.path.join(here, "data"), os.path.join(os.path.dirname(here), "data")):
        if os.path.isfile(os.path.join(cand, "states.csv")):
            return cand
    raise DataError(f"bundled data not found (looked in {os.path.join(here, 'data')} and "
                    f"{os.path.join(os.path.dirname(here), 'data')})")


FILES = (
    "states.csv",
    "withdrawals.csv",
    "territories.csv",
    "successions.csv",
    "situations.csv",
    "other_bases.csv",
    "people.csv",
    "warrants.csv",
    "warrant_events.csv",
    "aliases.csv",
    "titles.csv",
    "non_compliance.csv",
    "places.csv",
)


#: files a data folder may lack (a folder from an earlier release): read as empty
OPTIONAL_FILES = frozenset({"successions.csv"})


def read_data(folder: Path, name: str) -> list[dict[str, str]]:
    """:func:`read_rows` of file ``name`` in data folder ``folder``; an optional file that is missing is empty."""
    if name in OPTIONAL_FILES and not (folder / name).exists():
        return []
    return read_rows(folder / name)


def read_rows(path: Path) -> list[dict[str, str]]:
    """Read a data CSV as a list of dicts of stripped strings; each dict gets ``_line``."""
    import csv  # only when building from the CSV files (a query reads the prebuilt cache)

    try:
        with path.open(newline="", encoding="utf-8-sig") as f:
            reader = csv.DictReader(f)
            rows = []
            for row in reader:
                clean = {k.strip(): (v or "").strip() for k, v in row.items() if k is not None}
                clean["_line"] = str(reader.line_num)
                rows.append(clean)
            return rows
    except FileNotFoundError:
        raise DataError(f"{path}: missing data file") from None
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise DataError(f"{path}: cannot read: {exc}") from None


def _d(value: str | None) -> date | None:
    """Parse an optional ISO date from the data (absent, empty or bad: None; validation reports bad ones)."""
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _one_year_after(d: date) -> date:
    try:
        return d.replace(year=d.year + 1)
    except ValueError:  # 29 February
        return date(d.year + 1, 3, 1)


def _sources(value: str) -> tuple[str, ...]:
    return tuple(s.strip() for s in value.split(";") if s.strip())


# --------------------------------------------------------------------------------------------------
# Records: immutable NamedTuples (attributes, equality, hashing and repr as frozen dataclasses had). Every
# query creates these classes at start-up: a dataclass compiles its methods then (~0.8 ms a class), a
# NamedTuple takes a fifth of that, and unpickles (riskcheck/cache.py) without a Python-level __init__.


class State(NamedTuple):
    code: str
    name: str
    kind: str
    signed: date | None
    signature_withdrawn: date | None
    deposited: date | None
    deposit_type: str
    deposit_withdrawn: date | None
    entry_into_force: date | None
    sources: tuple[str, ...]
    checked: date | None
    confidence: str
    note: str


class Withdrawal(NamedTuple):
    code: str
    announced: date | None
    notified: date | None
    effective: date | None
    revoked: date | None
    sources: tuple[str, ...]
    checked: date | None
    confidence: str
    note: str

    @property
    def legal(self) -> bool:
        """A notice that reached the Secretary-General and is recorded with more than low confidence.

        An announcement alone has no effect (art. 127(1) runs from the notification). A notification
        reported only by an unverified source (confidence ``low``) is not applied to the answer: it is
        surfaced as context instead, so that an unconfirmed report never changes a verdict.
        """
        return self.notified is not None and self.effective is not None and self.confidence != "low"

    @property
    def unconfirmed(self) -> bool:
        """A reported notification that is not applied because its confidence is low."""
        return self.notified is not None and self.confidence == "low"

    def takes_effect(self) -> date | None:
        """The date it takes effect, or None if revoked first or never notified."""
        if not self.legal or self.revoked is not None:
            return None
        return self.effective


class TerritoryRule(NamedTuple):
    code: str
    name: str
    sovereign: str
    applies: bool
    start: date | None
    end: date | None
    sources: tuple[str, ...]
    checked: date | None
    confidence: str
    note: str

    def covers(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


class Succession(NamedTuple):
    """A state that was part of another until its independence ("Juba in 2008 was in Sudan")."""

    code: str
    name: str
    predecessor: str  # the code of the state it was part of (whose obligations held there until then)
    predecessor_name: str  # that state's name at the time ("Serbia and Montenegro")
    independence: date
    sources: tuple[str, ...]
    checked: date | None
    confidence: str
    note: str


class Situation(NamedTuple):
    situation: str
    name: str
    country: str
    opened: date | None
    trigger: str
    sources: tuple[str, ...]
    note: str


class OtherBasis(NamedTuple):
    code: str
    basis: str  # unsc_referral | article_12_3
    situation: str
    start: date | None
    end: date | None
    instrument: str
    sources: tuple[str, ...]
    checked: date | None
    note: str
    confidence: str = ""
    crimes_from: date | None = None  # the crimes the instrument covers (empty: not limited)
    crimes_to: date | None = None

    def covers(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


class Person(NamedTuple):
    person_id: str
    name: str
    nationality: str
    born: str
    sources: tuple[str, ...]
    note: str


class WarrantEvent(NamedTuple):
    warrant_id: str
    date: date | None
    event: str
    ends_warrant: bool
    sources: tuple[str, ...]
    note: str


class Warrant(NamedTuple):
    warrant_id: str
    person_id: str
    situation: str
    case_number: str
    article: str
    issued: date | None
    public: date | None
    sources: tuple[str, ...]
    checked: date | None
    confidence: str
    note: str
    events: tuple[WarrantEvent, ...] = ()

    @property
    def end(self) -> WarrantEvent | None:
        """The first event that ended the warrant, if any (an event before its issue cannot end it)."""
        for ev in self.events:
            if ev.ends_warrant and ev.date is not None and (self.issued is None or ev.date >= self.issued):
                return ev
        return None

    @property
    def end_date(self) -> date | None:
        """The day the warrant ended (the date of :attr:`end`), if it has."""
        end = self.end
        return end.date if end is not None else None

    def status_on(self, day: date) -> str:
        """``not_yet_issued``, ``outstanding_sealed``, ``outstanding`` or ``ended`` on ``day``."""
        if self.issued is None or day < self.issued:
            return "not_yet_issued"
        end = self.end_date
        if end is not None and end <= day:
            return "ended"
        if self.public is not None and day < self.public:
            return "outstanding_sealed"
        return "outstanding"


class Alias(NamedTuple):
    person_id: str
    alias: str
    kind: str
    lang: str


class Title(NamedTuple):
    person_id: str
    title: str
    start: date | None
    end: date | None

    def held_on(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


class NonCompliance(NamedTuple):
    code: str
    person_id: str
    visit: str
    decision_date: date | None
    referred_to: str
    decision: str
    sources: tuple[str, ...]
    note: str


class PlaceAlias(NamedTuple):
    alias: str
    code: str
    kind: str
    note: str


# --------------------------------------------------------------------------------------------------
# Answers


class StateStatus(NamedTuple):
    """What the Rome Statute meant for one state or territory on one day.

    ``status`` is one of ``party``, ``party_withdrawing`` (notice given, not yet effective),
    ``withdrawn`` (was a party; withdrawal has taken effect), ``non_party`` or ``territory_excluded``.
    """

    code: str
    name: str
    day: date
    status: str
    sovereign: str  # the state whose obligation it is ("" when the territory is itself a state)
    party_since: date | None  # entry into force for the (sovereign) state, if ever
    party_until: date | None  # day before a withdrawal took/takes effect
    withdrawal: Withdrawal | None  # the notice relevant on that day (pending, effective or revoked)
    detail: str  # one line: why
    sources: tuple[str, ...]

    @property
    def bound(self) -> bool:
        return self.status in ("party", "party_withdrawing")


class WarrantStatus(NamedTuple):
    person_id: str
    name: str
    day: date
    status: str  # outstanding | outstanding_sealed | not_yet_issued | ended | none
    warrants: tuple[Warrant, ...]  # the person's warrants, in issue order
    ended_how: str = ""  # for ``ended``: the event (arrested, died, withdrawn, ...)
    ended_on: date | None = None


# --------------------------------------------------------------------------------------------------


_RULESET_FIELDS = ("path", "states", "withdrawals", "territories", "successions", "situations", "other_bases",
                   "people", "warrants", "aliases", "titles", "non_compliance", "places", "checked", "_raw", "_memo",
                   "_derived")


class Ruleset(Record):
    """All the data, indexed. Build with :func:`load_ruleset`.

    (A plain class on :class:`riskcheck.record.Record`, not a dataclass, for start-up time; it still works
    with ``dataclasses.replace``/``fields``.)
    """

    _fields = _RULESET_FIELDS
    _defaults = {"checked": None, "_raw": None}
    _factories = {"states": dict, "withdrawals": dict, "territories": dict, "successions": dict, "situations": dict,
                  "other_bases": dict, "people": dict, "warrants": dict, "aliases": list, "titles": list, "non_compliance": list,
                  "places": list, "_memo": dict, "_derived": dict}
    _repr_skip = ("_raw", "_memo", "_derived")

    def __init__(self, path: Path, states: dict[str, State] | None = None,
                 withdrawals: dict[str, list[Withdrawal]] | None = None,
                 territories: dict[str, list[TerritoryRule]] | None = None,
                 successions: dict[str, Succession] | None = None,
                 situations: dict[str, Situation] | None = None, other_bases: dict[str, list[OtherBasis]] | None = None,
                 people: dict[str, Person] | None = None, warrants: dict[str, list[Warrant]] | None = None,
                 aliases: list[Alias] | None = None, titles: list[Title] | None = None,
                 non_compliance: list[NonCompliance] | None = None, places: list[PlaceAlias] | None = None,
                 checked: date | None = None, _raw: dict[str, list[dict[str, str]]] | None = None,
                 _memo: dict[tuple[str, object, object], object] | None = None,
                 _derived: dict[str, object] | None = None) -> None:
        self._path: str | Path = path  # a string in a cache entry (riskcheck/cache.py): see :attr:`path`
        self.states: dict[str, State] = {} if states is None else states
        self.withdrawals: dict[str, list[Withdrawal]] = {} if withdrawals is None else withdrawals
        self.territories: dict[str, list[TerritoryRule]] = {} if territories is None else territories
        self.successions: dict[str, Succession] = {} if successions is None else successions
        self.situations: dict[str, Situation] = {} if situations is None else situations
        self.other_bases: dict[str, list[OtherBasis]] = {} if other_bases is None else other_bases
        self.people: dict[str, Person] = {} if people is None else people
        self.warrants: dict[str, list[Warrant]] = {} if warrants is None else warrants  # by person_id
        self.aliases: list[Alias] = [] if aliases is None else aliases
        self.titles: list[Title] = [] if titles is None else titles
        self.non_compliance: list[NonCompliance] = [] if non_compliance is None else non_compliance
        self.places: list[PlaceAlias] = [] if places is None else places
        self.checked = checked  # the latest `checked` date in the data
        self._raw = _raw
        self._memo: dict[tuple[str, object, object], object] = {} if _memo is None else _memo
        self._derived: dict[str, object] = {} if _derived is None else _derived

    @property
    def path(self) -> Path:
        """The data folder."""
        if isinstance(self._path, str):
            from pathlib import Path  # (not at start-up: a query from the cache does not need it)

            self._path = Path(self._path)
        return self._path

    @property
    def raw(self) -> dict[str, list[dict[str, str]]]:
        """The rows of every data file as read (:func:`read_rows`), by file name. A ruleset from the cache
        reads them again when asked (the cache entry is keyed by these files' content)."""
        if self._raw is None:
            self._raw = {name: read_data(self.path, name) for name in FILES}
        return self._raw

    def __getstate__(self) -> dict[str, object]:
        """Pickled (riskcheck/cache.py) without the raw rows: a query does not need them."""
        return {**self.__dict__, "_raw": None, "_path": os.fspath(self._path)}

    def derived(self, key: str, build: Callable[[], T]) -> T:
        """An index built from this ruleset once (e.g. the resolvers' name tables), kept with it.

        Each ``key`` must always be built by the same ``build`` (so its value always has the same type).
        """
        hit = self._derived.get(key)
        if hit is None:
            with _LOCK:
                hit = self._derived.get(key)
                if hit is None:
                    hit = self._derived[key] = build()
        return hit  # type: ignore[return-value]

    def _cached(self, kind: str, key: object, day: object, compute: Callable[[], T]) -> T:
        """Memoise a pure lookup (the data never changes once loaded); bounded to stay small."""
        k = (kind, key, day)
        hit = self._memo.get(k)
        if hit is None:
            if len(self._memo) > 200_000:
                self._memo.clear()
            hit = self._memo[k] = compute()
        return hit  # type: ignore[return-value]

    # ---- states and territories ----------------------------------------------------------------

    def codes(self) -> list[str]:
        """Every state and territory code, sorted."""
        return sorted(set(self.states) | set(self.territories))

    def name_of(self, code: str) -> str:
        if code in self.states:
            return self.states[code].name
        if code in self.territories:
            return self.territories[code][0].name
        return code

    def sovereign_of(self, code: str) -> str:
        """The state whose obligation it is: the code itself, or a territory's sovereign."""
        rules = self.territories.get(code)
        return rules[0].sovereign if rules else code

    def sovereign_on(self, code: str, day: date) -> str:
        """The state whose obligation it was on ``day``: as :meth:`sovereign_of`, but a state that was then
        part of another (:class:`Succession`: Montenegro before 3 June 2006) is that other state."""
        sc = self.successions.get(code)
        if sc is not None and day < sc.independence:
            return sc.predecessor
        return self.sovereign_of(code)

    def state_status(self, code: str, day: date) -> StateStatus:
        """The Rome Statute status of a state or territory on ``day``.

        >>> rs = load_ruleset()
        >>> rs.state_status("ZA", date(2023, 8, 22)).status
        'party'
        """
        code = code.upper()
        if code in self.territories:
            return self._cached("st", code, day, lambda: self._territory_status(code, day))
        sc = self.successions.get(code)
        if sc is not None and day < sc.independence:
            return self._cached("st", code, day, lambda: self._part_of_status(sc, day))
        if code not in self.states:
            raise DataError(f"unknown state or territory code {code!r}")
        return self._cached("st", code, day, lambda: self._state_status(code, day))

    def _state_status(self, code: str, day: date) -> StateStatus:
        st = self.states[code]
        eif = st.entry_into_force
        notices = self.withdrawals.get(code, [])
        sources = list(st.sources)
        # a withdrawal that took effect on or before `day`
        gone = [(t, w) for w in notices if (t := w.takes_effect()) is not None and t <= day]
        if eif is not None and st.deposit_withdrawn is not None and st.deposit_withdrawn < eif:
            eif = None  # instrument withdrawn before entry into force (Malaysia)
        if eif is not None and day >= eif:
            if gone:
                effective, w = max(gone, key=lambda g: g[0])
                # re-accession after a withdrawal is not modelled separately: it would need a new row
                return StateStatus(
                    code, st.name, day, "withdrawn", "", eif, effective - timedelta(days=1), w,
                    f"withdrawal (notified {w.notified}) took effect on {effective}; a State Party from {eif}",
                    tuple(sources + list(w.sources)),
                )
            pending = [
                (given, due, w) for w in notices
                if (given := w.notified) is not None and (due := w.effective) is not None
                and w.legal and given <= day < due and (w.revoked is None or day < w.revoked)
            ]
            if pending:
                given, due, w = pending[0]
                return StateStatus(
                    code, st.name, day, "party_withdrawing", "", eif, due - timedelta(days=1), w,
                    f"State Party since {eif}; withdrawal notified on {given} takes effect on {due}, "
                    "until then it remains bound (art. 127(1))",
                    tuple(sources + list(w.sources)),
                )
            revoked = [w for w in notices if w.revoked is not None and w.revoked <= day]
            detail = f"State Party since {eif} ({st.deposit_type or 'instrument'} deposited {st.deposited})"
            if revoked:
                detail += f"; its withdrawal notice of {revoked[-1].notified} was revoked on {revoked[-1].revoked}"
                sources += [s for w in revoked for s in w.sources]
            return StateStatus(code, st.name, day, "party", "", eif, None, revoked[-1] if revoked else None,
                               detail, tuple(sources))
        # not (yet) a party
        if st.deposit_withdrawn is not None and st.deposited is not None and st.deposited <= day:
            if day >= st.deposit_withdrawn:
                detail = (f"not a State Party: its instrument deposited on {st.deposited} was withdrawn on "
                          f"{st.deposit_withdrawn}, before entry into force")
            else:
                detail = (f"not yet a State Party: instrument deposited on {st.deposited}, withdrawn on "
                          f"{st.deposit_withdrawn} before entry into force")
        elif eif is not None and st.deposited is not None and st.deposited <= day:
            detail = f"not yet a State Party: {st.deposit_type or 'instrument'} deposited on {st.deposited}, in force from {eif}"
        elif st.signature_withdrawn is not None and st.signature_withdrawn <= day:
            detail = f"not a State Party: signed on {st.signed}, declared on {st.signature_withdrawn} it does not intend to become a party"
        elif st.signed is not None and st.signed <= day:
            detail = f"not a State Party: signed on {st.signed} but never ratified"
        else:
            detail = "not a State Party: has neither signed nor joined the Rome Statute"
        return StateStatus(code, st.name, day, "non_party", "", eif if eif and eif > day else None, None, None,
                           detail, tuple(sources))

    def _part_of_status(self, sc: Succession, day: date) -> StateStatus:
        """A state before its independence: the status of the state it was part of, which was bound there."""
        if sc.predecessor not in self.states:
            raise DataError(f"succession {sc.code}: unknown predecessor {sc.predecessor!r}")
        pre = self._state_status(sc.predecessor, day)
        return StateStatus(sc.code, sc.name, day, pre.status, sc.predecessor, pre.party_since, pre.party_until,
                           pre.withdrawal, f"part of {sc.predecessor_name} until its independence on "
                           f"{sc.independence}; {sc.predecessor_name}: {pre.detail}", sc.sources + pre.sources)

    def _territory_status(self, code: str, day: date) -> StateStatus:
        rules = self.territories[code]
        sovereign = rules[0].sovereign
        name = rules[0].name
        rule = next((r for r in rules if r.covers(day)), None)
        if sovereign not in self.states:
            raise DataError(f"territory {code}: unknown sovereign {sovereign!r}")
        sov = self._state_status(sovereign, day)
        srcs = tuple(list(rule.sources) if rule else []) + sov.sources
        if rule is None or not rule.applies:
            why = rule.note if rule and rule.note else "the Rome Statute has not been extended to it"
            if not sov.bound:
                why = f"{sov.name} is not bound: {sov.detail}"
            return StateStatus(code, name, day, "territory_excluded" if sov.bound else sov.status, sovereign,
                               sov.party_since, sov.party_until, sov.withdrawal,
                               f"territory of {sov.name}; {why}", srcs)
        return StateStatus(code, name, day, sov.status, sovereign, sov.party_since, sov.party_until, sov.withdrawal,
                           f"territory of {sov.name}, where the Statute applies; {sov.detail}", srcs)

    def change_dates(self, code: str) -> list[date]:
        """Every date on which the status of ``code`` may change (for spans that straddle one)."""
        return self._cached("cd", code.upper(), None, lambda: self._change_dates(code.upper()))

    def _change_dates(self, code: str) -> list[date]:
        sov = self.sovereign_of(code)
        out: set[date] = set()
        sc = self.successions.get(code)
        if sc is not None:  # the day it became a state of its own, and the changes of the one it was part of
            out.add(sc.independence)
            out.update(d for d in self._change_dates(sc.predecessor) if d < sc.independence)
        st = self.states.get(sov)
        if st:
            for d in (st.entry_into_force, st.deposit_withdrawn, st.deposited, st.signature_withdrawn, st.signed):
                if d:
                    out.add(d)
        for w in self.withdrawals.get(sov, []):
            for d in (w.notified, w.effective, w.revoked):
                if d:
                    out.add(d)
        for r in self.territories.get(code, []):
            if r.start:
                out.add(r.start)
            if r.end:
                out.add(r.end + timedelta(days=1))
        for b in self.other_bases.get(sov, []):
            if b.start:
                out.add(b.start)
            if b.end:
                out.add(b.end + timedelta(days=1))
        return sorted(out)

    def parties_on(self, day: date) -> list[StateStatus]:
        """States (not territories) bound as States Parties on ``day``, sorted by code."""
        out = []
        for code in sorted(self.states):
            s = self._state_status(code, day)
            if s.bound:
                out.append(s)
        return out

    def bases_on(self, code: str, day: date, situation: str | None = None) -> list[OtherBasis]:
        """Security Council referrals and art. 12(3) declarations binding ``code`` on ``day``."""
        sov = self.sovereign_on(code.upper(), day)
        return [b for b in self.other_bases.get(sov, [])
                if b.covers(day) and (situation is None or b.situation == situation)]

    # ---- people and warrants -------------------------------------------------------------------

    def warrant_status(self, person_id: str, day: date) -> WarrantStatus:
        """The combined status of a person's warrants on ``day``.

        Outstanding beats sealed beats ended beats not-yet-issued.
        """
        person = self.people.get(person_id)
        ws = tuple(self.warrants.get(person_id, ()))
        if person is None or not ws:
            return WarrantStatus(person_id, person.name if person else person_id, day, "none", ws)
        states = [w.status_on(day) for w in ws]
        for wanted in ("outstanding", "outstanding_sealed"):
            if wanted in states:
                return WarrantStatus(person_id, person.name, day, wanted, ws)
        if "ended" in states:
            ends = [(e.date, e.event) for w, s in zip(ws, states, strict=True)
                    if s == "ended" and (e := w.end) is not None and e.date is not None]
            when, how = max(ends, key=lambda e: e[0])
            return WarrantStatus(person_id, person.name, day, "ended", ws, how, when)
        return WarrantStatus(person_id, person.name, day, "not_yet_issued", ws)

    def died_on(self, person_id: str) -> date | None:
        """The day a wanted person died, as the warrant events record it (None if not recorded)."""
        days = [e.date for w in self.warrants.get(person_id, []) for e in w.events if e.event == "died" and e.date]
        return min(days) if days else None

    def warrant_change_dates(self, person_id: str) -> list[date]:
        return self._cached("wcd", person_id, None, lambda: self._warrant_change_dates(person_id))

    def _warrant_change_dates(self, person_id: str) -> list[date]:
        out: set[date] = set()
        for w in self.warrants.get(person_id, ()):
            for d in (w.issued, w.public):
                if d:
                    out.add(d)
            if w.end and w.end.date:
                out.add(w.end.date)
        return sorted(out)

    def outstanding_on(self, day: date, include_ended: bool = False) -> list[WarrantStatus]:
        """People with an outstanding (public) warrant on ``day``; with ``include_ended`` everyone issued by then."""
        out = []
        for pid in sorted(self.people):
            s = self.warrant_status(pid, day)
            if s.status == "outstanding" or (include_ended and s.status in ("ended", "outstanding_sealed")):
                out.append(s)
        return out

    def non_compliance_for(self, code: str) -> list[NonCompliance]:
        sov = self.sovereign_of(code.upper())
        return [n for n in self.non_compliance if n.code == sov]


# --------------------------------------------------------------------------------------------------
# Loading


def _build(path: str) -> Ruleset:
    """Read the data folder ``path`` (riskcheck/ruleset_build.py: a query reads the cache instead)."""
    from pathlib import Path

    from .ruleset_build import build

    return build(Path(path))


_CACHE: dict[str, Ruleset] = {}
_LOCK = RLock()


def load_ruleset(path: str | os.PathLike[str] | None = None) -> Ruleset:
    """Load (once, then cached) the ruleset from ``path`` or the bundled data.

    >>> rs = load_ruleset()
    >>> "ZA" in rs.states
    True
    """
    if path is None and (rs := _CACHE.get("")) is not None:
        return rs  # the bundled data, asked for again (every news article does): no file-system calls
    # (as Path(path).expanduser().resolve(), without importing pathlib)
    p = os.path.realpath(os.path.expanduser(os.fspath(path))) if path is not None else _default_folder()
    if not os.path.isdir(p):
        raise DataError(f"{p}: not a data folder")
    with _LOCK:
        rs = _CACHE.get(p)
        if rs is None:
            from .cache import load_cached  # a prebuilt copy with its indexes, keyed by the files' content

            rs = _CACHE[p] = load_cached(p, FILES, _build)
        if path is None:
            _CACHE[""] = rs
        return rs


def clear_cache() -> None:
    """Forget loaded rulesets (for tests that edit a data folder)."""
    with _LOCK:
        _CACHE.clear()
