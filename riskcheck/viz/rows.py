"""Trip rows for the report and the travel map, whatever they come as.

The report and the map take one dict per trip: the news command's per-report columns (``source``,
``published``, ``mention``, ``span``...) or grouped trips (``trip_id``, ``reports``, ``sources``,
``first_reported``, ``last_reported``, ``history``...). :func:`as_rows` turns dicts, objects such as
:class:`riskcheck.news.Trip` or a grouped ``TripRecord``, and a pandas DataFrame into plain dicts, and
:func:`trip_day` / :func:`sort_key` give a row's place in time.

>>> rows = as_rows([{"person": "P", "country": "za", "start": "2024-01-02", "reports": "3"}])
>>> rows[0]["country"], rows[0]["reports"], is_grouped(rows)
('ZA', 3, True)
"""

from __future__ import annotations

import contextlib
import dataclasses
import math
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any

#: statuses as the news extractor writes them, in the order the legend lists them
STATUSES: tuple[str, ...] = ("completed", "ongoing", "planned", "cancelled", "virtual", "invited", "speculative")


def _plain(value: Any) -> Any:
    """A value with NaN/None as "" and dates as ISO text; lists and dicts kept."""
    if value is None:
        return ""
    if isinstance(value, float) and math.isnan(value):
        return ""
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value


def _from_object(obj: Any) -> dict[str, Any]:
    if isinstance(obj, Mapping):
        return {str(k): _plain(v) for k, v in obj.items()}
    row: dict[str, Any] = {}
    to_row = getattr(obj, "to_row", None)
    if callable(to_row):
        row.update({str(k): _plain(v) for k, v in to_row().items()})
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        for f in dataclasses.fields(obj):
            row.setdefault(f.name, _plain(getattr(obj, f.name)))
    for k in ("history", "sources", "confidence", "obligation", "basis", "warrant", "explanation"):
        if hasattr(obj, k) and k not in row:
            row[k] = _plain(getattr(obj, k))
    if "history" in row and hasattr(obj, "history"):
        row["history"] = [dict(h) for h in getattr(obj, "history") or []]  # noqa: B009
    span = row.get("span")
    if isinstance(span, list) and len(span) == 2:
        row["span"] = f"{span[0]}-{span[1]}"
    return row


def as_rows(trips: Any) -> list[dict[str, Any]]:
    """Plain dict rows from dicts, Trip/TripRecord objects or a pandas DataFrame.

    Country codes are upper-cased; ``reports`` becomes an int when it is a number; ``sources`` given as
    ``;``-separated text stays text (see :func:`sources_of`).
    """
    if hasattr(trips, "to_dict") and hasattr(trips, "columns"):  # a pandas DataFrame
        items: Iterable[Any] = trips.to_dict(orient="records")
    else:
        items = trips
    rows = []
    for t in items:
        row = _from_object(t)
        if not row.get("country") and row.get("destination_code"):
            row["country"] = row["destination_code"]
        row["country"] = str(row.get("country") or "").strip().upper()
        if not row.get("person") and row.get("person_resolved"):
            row["person"] = row["person_resolved"]
        if not row.get("start") and row.get("date"):  # batch output: the date asked about
            row["start"] = str(row["date"])
        n = row.get("reports")
        if n not in (None, ""):
            with contextlib.suppress(ValueError):
                row["reports"] = int(float(str(n)))
        rows.append(row)
    return rows


def is_grouped(rows: Iterable[Mapping[str, Any]]) -> bool:
    """True when the rows are grouped trips (they carry ``trip_id`` or ``reports``)."""
    return any(r.get("trip_id") not in (None, "") or r.get("reports") not in (None, "") for r in rows)


def sources_of(row: Mapping[str, Any]) -> list[str]:
    """A row's sources: ``sources`` (a list or ``;``-separated text), else its ``source``/``url``."""
    given = row.get("sources")
    if isinstance(given, list):
        out = [str(s).strip() for s in given]
    elif given:
        out = [s.strip() for s in str(given).split(";")]
    else:
        out = [str(row.get(k) or "").strip() for k in ("url", "source")][:1] if row.get("url") else \
            [str(row.get("source") or "").strip()]
    return [s for s in out if s and not s.startswith("data checked")]


def _iso_day(value: Any) -> date | None:
    text = str(value or "").strip()
    if len(text) >= 10:
        try:
            return date.fromisoformat(text[:10])
        except ValueError:
            return None
    if len(text) == 7:
        try:
            return date.fromisoformat(text + "-01")
        except ValueError:
            return None
    if len(text) == 4 and text.isdigit():
        return date(int(text), 1, 1)
    return None


def trip_day(row: Mapping[str, Any]) -> date | None:
    """The first day of the trip (its ``start``), or None when the reports give no date."""
    return _iso_day(row.get("start"))


def trip_end(row: Mapping[str, Any]) -> date | None:
    """The last day of the trip (``end``, else ``start``)."""
    return _iso_day(row.get("end")) or trip_day(row)


def reported_day(row: Mapping[str, Any]) -> date | None:
    """When the trip was (first) reported: ``first_reported`` or ``published``."""
    return _iso_day(row.get("first_reported")) or _iso_day(row.get("published"))


def sort_key(row: Mapping[str, Any]) -> tuple[int, str, str]:
    """Time order: dated trips by start, then undated ones by when they were reported."""
    d = trip_day(row)
    if d is not None:
        return (0, d.isoformat(), str(row.get("country") or ""))
    r = reported_day(row)
    return (1, r.isoformat() if r else "9999", str(row.get("country") or ""))


def country_name(code: str) -> str:
    """A readable name for an ISO alpha-2 code ("" when unknown)."""
    code = (code or "").strip().upper()
    if len(code) != 2:
        return ""
    try:
        from ..ruleset import load_ruleset

        name = load_ruleset().name_of(code)
        if name and name != code:
            return name
    except Exception:  # noqa: BLE001 - a name is a nicety: fall back to pycountry
        pass
    try:
        import pycountry
    except ImportError:  # pragma: no cover
        return ""
    c = pycountry.countries.get(alpha_2=code)
    if c is None:
        return ""
    return str(getattr(c, "common_name", None) or getattr(c, "name", ""))


def dates_label(row: Mapping[str, Any]) -> str:
    """The trip's dates as a reader says them: a day, a month (2024-09), a year, or a range."""
    start, end = str(row.get("start") or ""), str(row.get("end") or "")
    if not start:
        return "date unknown"
    if not end or end == start:
        return start
    a, b = _iso(start), _iso(end)
    if str(row.get("precision") or "") == "week":
        return f"week of {start}"
    if a and b:
        if a.day == 1 and a.month == 1 and b.month == 12 and b.day == 31 and a.year == b.year:
            return str(a.year)
        nxt = date(b.year + (b.month == 12), b.month % 12 + 1, 1)
        if a.day == 1 and (a.year, a.month) == (b.year, b.month) and (nxt - b).days == 1:
            return a.strftime("%Y-%m")
        if a.year == b.year:
            return f"{start} – {b.strftime('%m-%d')}"
    return f"{start} – {end}"


def _iso(text: str) -> date | None:
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None
