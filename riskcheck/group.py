"""One trip from many reports: group the rows of ``riskcheck news`` into trips.

Reports merge when they name the same person and destination with compatible dates: a month and a day
inside it, "next week" and the day it happened, an event and its dates; two visits to the same country in
different months stay two trips. A trip's status follows its latest report (the sequence is kept in
``history`` and shown in the explanation); its date is the most precise one reported; reports that disagree
on the date are kept and named, not averaged.

>>> rows = [
...     {"source": "a.txt", "published": "2024-08-01", "person_id": "vladimir-putin", "person": "Putin",
...      "country": "MN", "start": "2024-09-01", "end": "2024-09-30", "precision": "month",
...      "status": "planned", "evidence": "Putin will visit Mongolia in September.", "span": "0-39"},
...     {"source": "b.txt", "published": "2024-09-03", "person_id": "vladimir-putin", "person": "Putin",
...      "country": "MN", "start": "2024-09-03", "end": "2024-09-03", "precision": "day",
...      "status": "completed", "evidence": "Putin arrived in Ulaanbaatar on Tuesday.", "span": "0-40"},
... ]
>>> [(t.status, t.start, t.reports) for t in group_trips(rows, evaluate=False)]
[('completed', '2024-09-03', 2)]
"""

from __future__ import annotations

import calendar
import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

#: ``riskcheck news --group trips`` columns, in order (issue 10)
GROUP_COLUMNS = ["trip_id", "person_id", "person", "country", "city", "start", "end", "precision", "status",
                 "reports", "sources", "first_reported", "last_reported", "evidence", "warrant", "obligation",
                 "basis", "confidence", "explanation"]

#: the per-report columns kept in ``history`` (the news output's columns)
REPORT_COLUMNS = ["source", "published", "person_id", "person", "mention", "country", "city", "start", "end",
                  "precision", "status", "event", "evidence", "span"]


def report_row(source: str, published: Any, trip: Any) -> dict[str, Any]:
    """One report's :data:`REPORT_COLUMNS` (the news row before its verdict) for an extracted ``trip``:
    what ``riskcheck news`` prints, before the verdict columns, and what the trip database stores."""
    return {"source": source, "published": str(published) if published else "", "person_id": trip.person_id,
            "person": trip.person, "mention": trip.mention, "country": trip.country, "city": trip.city,
            "start": trip.start, "end": trip.end, "precision": trip.precision, "status": trip.status,
            "event": trip.event, "evidence": trip.evidence, "span": f"{trip.span[0]}-{trip.span[1]}"}

#: days between two precise (day/week/range) dates of one journey reported differently (a stay of a week
#: or more is reported by its arrival, its talks and its departure), and the longest such journey
PRECISE_SLACK = 10
MAX_JOURNEY = 31
#: reports of one person and country in one article are one journey when their dates are this close
SAME_ARTICLE_SLACK = 31
#: an undated report joins the only dated trip of that person and country when published this close to it
UNDATED_SLACK = 45


@dataclass
class TripRecord:
    """One trip fused from one or more reports (see :data:`GROUP_COLUMNS`)."""

    trip_id: str
    person_id: str
    person: str
    country: str
    city: str
    start: str
    end: str
    precision: str
    status: str
    reports: int
    sources: list[str]
    first_reported: str
    last_reported: str
    evidence: str
    warrant: str = ""
    obligation: str = ""
    basis: str = ""
    confidence: str = ""
    explanation: str = ""
    event: str = ""
    history: list[dict[str, str]] = field(default_factory=list)

    def to_row(self) -> dict[str, str]:
        """The CSV row, in :data:`GROUP_COLUMNS` order."""
        row: dict[str, str] = {}
        for col in GROUP_COLUMNS:
            value = getattr(self, col)
            if col == "sources":
                row[col] = ";".join(value)
            else:
                row[col] = str(value)
        return row


@dataclass
class _Report:
    row: dict[str, str]
    order: int
    lo: date | None
    hi: date | None

    @property
    def width(self) -> int:
        return (self.hi - self.lo).days if self.lo and self.hi else 1 << 30

    @property
    def precise(self) -> bool:
        return self.lo is not None and self.row["precision"] in ("day", "week", "range") and self.width <= 31

    @property
    def key(self) -> tuple[str, str, str, int]:
        """Time order: publication date, then source, then position in the text."""
        return (self.row["published"], self.row["source"], self.row["span"].zfill(20), self.order)


def _get(obj: Any, name: str) -> str:
    value = obj.get(name, "") if isinstance(obj, Mapping) else getattr(obj, name, "")
    if value is None:
        return ""
    if isinstance(value, tuple) and len(value) == 2:  # a Trip's span
        return f"{value[0]}-{value[1]}"
    return str(value)


def _interval(start: str, end: str, precision: str) -> tuple[date | None, date | None]:
    """The days a report's date covers; (None, None) when it has no date."""
    if not start:
        return None, None
    try:
        if len(start) == 4:
            y = int(start)
            return date(y, 1, 1), date(y, 12, 31)
        if len(start) == 7:
            y, m = int(start[:4]), int(start[5:7])
            return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])
        lo = date.fromisoformat(start[:10])
        hi = date.fromisoformat(end[:10]) if end else lo
    except ValueError:
        return None, None
    if precision == "month" and hi == lo:
        hi = date(lo.year, lo.month, calendar.monthrange(lo.year, lo.month)[1])
    elif precision == "year" and hi == lo:
        hi = date(lo.year, 12, 31)
    return (lo, hi) if hi >= lo else (lo, lo)


def person_key(row: Mapping[str, str]) -> str:
    """The traveller: the warrant record's id, else the name as written (case-folded)."""
    return row.get("person_id") or " ".join(row.get("person", "").casefold().split())


def _published_day(text: str) -> date | None:
    try:
        return date.fromisoformat(text[:10]) if len(text) >= 10 else (
            date(int(text[:4]), int(text[5:7]) if len(text) >= 7 else 1, 1) if text[:4].isdigit() else None)
    except ValueError:
        return None


class _Cluster:
    def __init__(self, first: _Report) -> None:
        self.members = [first]
        self.lo = first.lo
        self.hi = first.hi
        self.events = {first.row["event"]} - {""}
        self.sources = {first.row["source"]}

    def gap(self, r: _Report) -> int | None:
        """Days between the cluster's date and the report's (0 when they overlap); None if incompatible."""
        if r.lo is None or r.hi is None or self.lo is None or self.hi is None:
            return None
        distance = max((r.lo - self.hi).days, (self.lo - r.hi).days, 0)
        if distance == 0:
            return 0
        if r.row["event"] and r.row["event"] in self.events and distance <= 60:
            return distance
        if r.precise and self.members[0].precise:
            span = (max(self.hi, r.hi) - min(self.lo, r.lo)).days
            if distance <= PRECISE_SLACK and span <= MAX_JOURNEY:
                return distance
            if r.row["source"] in self.sources and distance <= SAME_ARTICLE_SLACK:
                return distance
        return None

    def add(self, r: _Report) -> None:
        self.members.append(r)
        self.sources.add(r.row["source"])
        if r.row["event"]:
            self.events.add(r.row["event"])
        if self.lo is None or self.hi is None:
            self.lo, self.hi = r.lo, r.hi
        elif r.precise and self.members[0].precise and r.lo is not None and r.hi is not None:
            self.lo, self.hi = min(self.lo, r.lo), max(self.hi, r.hi)


def _cluster(reports: list[_Report]) -> list[_Cluster]:
    """Clusters of one person and country: the most precise reports found trips, coarser ones join them."""
    clusters: list[_Cluster] = []
    dated = sorted((r for r in reports if r.lo is not None), key=lambda r: (r.width, r.key))
    for r in dated:
        best: tuple[int, int, _Cluster] | None = None
        for c in clusters:
            g = c.gap(r)
            if g is None:
                continue
            # several trips fit a coarse date ("in 2024"): prefer the one nearest the publication date
            pub = _published_day(r.row["published"])
            near = abs((c.lo - pub).days) if pub and c.lo else 0
            cand = (g, near, c)
            if best is None or cand[:2] < best[:2]:
                best = cand
        if best is None:
            clusters.append(_Cluster(r))
        else:
            best[2].add(r)
    undated_own: list[_Report] = []
    for r in sorted((r for r in reports if r.lo is None), key=lambda r: r.key):
        home = [c for c in clusters if r.row["event"] and r.row["event"] in c.events]
        if not home and len(clusters) == 1 and clusters[0].lo is not None:
            pub = _published_day(r.row["published"])
            c = clusters[0]
            if pub is not None and c.lo is not None and c.hi is not None and (
                    c.lo - timedelta(days=UNDATED_SLACK) <= pub <= c.hi + timedelta(days=UNDATED_SLACK)):
                home = [c]
        if home:
            home[0].add(r)
        else:
            undated_own.append(r)
    # undated mentions with no dated trip: one undated trip per article, or per run of articles published
    # close together
    last: tuple[_Cluster, date | None] | None = None
    for r in undated_own:
        pub = _published_day(r.row["published"])
        if last is not None and (r.row["source"] in last[0].sources or (
                pub is not None and last[1] is not None and (pub - last[1]).days <= UNDATED_SLACK)):
            last[0].add(r)
            last = (last[0], pub or last[1])
        else:
            c = _Cluster(r)
            clusters.append(c)
            last = (c, pub)
    return clusters


def _trip_id(pkey: str, country: str, first: _Report) -> str:
    seed = "|".join([pkey, country, first.row["source"], first.row["span"], first.row["published"]])
    return "T" + hashlib.sha1(seed.encode("utf-8")).hexdigest()[:10]


def _record(pkey: str, cluster: _Cluster) -> TripRecord:
    members = sorted(cluster.members, key=lambda r: r.key)
    latest = members[-1]
    dated = [r for r in members if r.lo is not None]
    if dated:
        best_width = min(r.width for r in dated)
        best = max((r for r in dated if r.width == best_width), key=lambda r: r.key)
    else:
        best = max(members, key=lambda r: (len(r.row["evidence"]), r.key))
    cities: list[str] = []
    for r in members:
        for c in r.row["city"].split(";"):
            c = c.strip()
            if c and c not in cities:
                cities.append(c)
    sources: list[str] = []
    for r in members:
        if r.row["source"] not in sources:
            sources.append(r.row["source"])
    published = [r.row["published"] for r in members if r.row["published"]]
    person = next((r.row["person"] for r in reversed(members) if r.row["person"]), "")
    event = next((r.row["event"] for r in reversed(members) if r.row["event"]), "")
    return TripRecord(
        trip_id=_trip_id(pkey, latest.row["country"], members[0]),
        person_id=latest.row["person_id"], person=person, country=latest.row["country"],
        city=";".join(cities), start=best.row["start"], end=best.row["end"], precision=best.row["precision"],
        status=latest.row["status"], reports=len(members), sources=sources,
        first_reported=min(published) if published else "", last_reported=max(published) if published else "",
        evidence=best.row["evidence"], event=event,
        history=[{k: r.row[k] for k in REPORT_COLUMNS} for r in members])


def _notes(t: TripRecord) -> str:
    """The status sequence and disagreeing dates, as sentences for the explanation."""
    notes = []
    seq: list[tuple[str, str]] = []
    for h in t.history:
        if not seq or seq[-1][0] != h["status"]:
            seq.append((h["status"], h["published"]))
    if len(seq) > 1:
        notes.append("Reported status over time: " + " -> ".join(
            f"{s} ({p})" if p else s for s, p in seq) + ".")
    same_precision = {(h["start"], h["end"]) for h in t.history
                      if h["precision"] == t.precision and h["start"]}
    if len(same_precision) > 1:
        shown = sorted(f"{a}..{b}" if b and b != a else a for a, b in same_precision)
        notes.append("Reports differ on the dates: " + ", ".join(shown) + f"; shown: the latest ({t.start}).")
    return " ".join(notes)


def _evaluate(trips: list[TripRecord], ruleset: Any = None) -> None:
    from .cli_news import verdict_fields
    from .dates import parse_date
    from .errors import DateError
    from .ruleset import load_ruleset

    rs = ruleset if ruleset is not None else load_ruleset()
    for t in trips:
        pub = None
        if t.last_reported:
            try:
                pub = parse_date(t.last_reported)
            except DateError:
                pub = None
        v = verdict_fields(t, pub, rs)
        t.warrant, t.obligation, t.basis = v["warrant"], v["obligation"], v["basis"]
        t.confidence = v.get("confidence", "")
        notes = _notes(t)
        t.explanation = v["explanation"] + (" " + notes if notes else "")


def group_trips(trips: Iterable[Any], *, ruleset: Any = None, evaluate: bool = True) -> list[TripRecord]:
    """Fuse reports (dicts with the ``riskcheck news`` columns, or objects with those attributes, incl.
    ``source`` and ``published``) into one :class:`TripRecord` per trip, ordered by person, country, date.

    With ``evaluate`` (the default) each trip carries the verdict on its own dates (``ruleset`` or the
    bundled data).
    """
    groups: dict[tuple[str, str], list[_Report]] = {}
    for n, obj in enumerate(trips):
        row = {k: _get(obj, k) for k in REPORT_COLUMNS}
        lo, hi = _interval(row["start"], row["end"], row["precision"])
        key = (person_key(row), row["country"])
        groups.setdefault(key, []).append(_Report(row, n, lo, hi))
    out: list[TripRecord] = []
    for (pkey, _country), reports in groups.items():
        for c in _cluster(reports):
            out.append(_record(pkey, c))
    out.sort(key=lambda t: (t.person, t.country, t.start or "9999", t.trip_id))
    if evaluate:
        _evaluate(out, ruleset)
    return out
