"""Building a :class:`~riskcheck.ruleset.Ruleset` from the CSV files of a data folder.

Run once per data folder: the result is stored in the ruleset cache (riskcheck/cache.py), so a single query
neither runs nor compiles this module.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from pathlib import Path

from .ruleset import (
    FILES,
    Alias,
    NonCompliance,
    OtherBasis,
    Person,
    PlaceAlias,
    Ruleset,
    Situation,
    State,
    Succession,
    TerritoryRule,
    Title,
    Warrant,
    WarrantEvent,
    Withdrawal,
    _d,
    _one_year_after,
    _sources,
    read_data,
)


def build(path: Path) -> Ruleset:
    """The ruleset of the CSV files in data folder ``path``."""
    raw = {name: read_data(path, name) for name in FILES}
    rs = Ruleset(path=path, _raw=raw)
    checked: list[date] = []

    def chk(row: dict[str, str]) -> date | None:
        d = _d(row.get("checked"))
        if d:
            checked.append(d)
        return d

    for r in raw["states.csv"]:
        rs.states[r["code"].upper()] = State(
            r["code"].upper(), r["name"], r.get("kind", ""), _d(r["signed"]), _d(r["signature_withdrawn"]),
            _d(r["deposited"]), r["deposit_type"], _d(r["deposit_withdrawn"]), _d(r["entry_into_force"]),
            _sources(r["source"]), chk(r), r.get("confidence", ""), r.get("note", ""))
    for r in raw["withdrawals.csv"]:
        notified, effective = _d(r["notified"]), _d(r["effective"])
        if notified and not effective:  # a revoked notice: when it would have taken effect (art. 127(1))
            effective = _one_year_after(notified)
        rs.withdrawals.setdefault(r["code"].upper(), []).append(Withdrawal(
            r["code"].upper(), _d(r["announced"]), notified, effective, _d(r["revoked"]),
            _sources(r["source"]), chk(r), r.get("confidence", ""), r.get("note", "")))
    for r in raw["territories.csv"]:
        rs.territories.setdefault(r["code"].upper(), []).append(TerritoryRule(
            r["code"].upper(), r["name"], r["sovereign"].upper(), r["applies"].lower() == "yes", _d(r["start"]),
            _d(r["end"]), _sources(r["source"]), chk(r), r.get("confidence", ""), r.get("note", "")))
    for r in raw["successions.csv"]:
        ind = _d(r["independence"])
        if ind is not None:  # (the validator reports a row without one)
            rs.successions[r["code"].upper()] = Succession(
                r["code"].upper(), r["name"], r["predecessor"].upper(), r["predecessor_name"], ind,
                _sources(r["source"]), chk(r), r.get("confidence", ""), r.get("note", ""))
    for r in raw["situations.csv"]:
        rs.situations[r["situation"]] = Situation(
            r["situation"], r["name"], r["country"].upper(), _d(r["opened"]), r.get("trigger", ""),
            _sources(r["source"]), r.get("note", ""))
        chk(r)
    for r in raw["other_bases.csv"]:
        rs.other_bases.setdefault(r["code"].upper(), []).append(OtherBasis(
            r["code"].upper(), r["basis"], r["situation"], _d(r["start"]), _d(r["end"]), r.get("instrument", ""),
            _sources(r["source"]), chk(r), r.get("note", ""), r.get("confidence", ""),
            _d(r.get("crimes_from")), _d(r.get("crimes_to"))))
    for r in raw["people.csv"]:
        rs.people[r["person_id"]] = Person(r["person_id"], r["name"], r.get("nationality", "").upper(),
                                           r.get("born", ""), _sources(r["source"]), r.get("note", ""))
        chk(r)
    events: dict[str, list[WarrantEvent]] = defaultdict(list)
    for r in raw["warrant_events.csv"]:
        events[r["warrant_id"]].append(WarrantEvent(
            r["warrant_id"], _d(r["date"]), r["event"], r.get("ends_warrant", "").lower() == "yes",
            _sources(r["source"]), r.get("note", "")))
        chk(r)
    for r in raw["warrants.csv"]:
        evs = tuple(sorted(events.get(r["warrant_id"], []), key=lambda e: e.date or date.max))
        rs.warrants.setdefault(r["person_id"], []).append(Warrant(
            r["warrant_id"], r["person_id"], r["situation"], r.get("case_number", ""), r.get("article", ""),
            _d(r["issued"]), _d(r["public"]) or _d(r["issued"]), _sources(r["source"]), chk(r),
            r.get("confidence", ""), r.get("note", ""), evs))
    for ws in rs.warrants.values():
        ws.sort(key=lambda w: w.issued or date.max)
    rs.aliases = [Alias(r["person_id"], r["alias"], r.get("kind", ""), r.get("lang", "")) for r in raw["aliases.csv"]]
    rs.titles = [Title(r["person_id"], r["title"], _d(r["start"]), _d(r["end"])) for r in raw["titles.csv"]]
    for r in raw["non_compliance.csv"]:
        rs.non_compliance.append(NonCompliance(
            r["code"].upper(), r["person_id"], r.get("visit", ""), _d(r["decision_date"]), r.get("referred_to", ""),
            r.get("decision", ""), _sources(r["source"]), r.get("note", "")))
        chk(r)
    rs.places = [PlaceAlias(r["alias"], r["code"].upper(), r.get("kind", ""), r.get("note", "")) for r in raw["places.csv"]]
    rs.checked = max(checked) if checked else None
    return rs
