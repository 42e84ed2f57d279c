"""Which input columns hold the person, place, date and end; the names of the added columns."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..errors import InputError

#: the columns added after the input's own, in order
ADDED_COLUMNS = ("person_id", "person_resolved", "country", "warrant", "obligation", "basis", "confidence",
                 "explanation", "sources", "row_issue")
#: suffix of an added column whose name an input column already has
COLUMN_SUFFIX = "_rc"
#: column names recognised (case-insensitively, first match wins in this order)
PERSON_NAMES = ("person", "traveler", "traveller", "name")
PLACE_NAMES = ("country", "destination", "place")
DATE_NAMES = ("date", "start", "travel date", "start date", "trip date", "visit date", "date of travel", "departure",
              "departure date", "arrival", "arrival date", "from", "when", "dates", "day")
END_NAMES = ("end", "end date", "return", "return date", "until")


@dataclass(frozen=True, slots=True)
class Columns:
    """Positions of the person, place, date and end columns in a header (date and end optional)."""

    person: int
    place: int
    date: int | None = None
    end: int | None = None


_SPACES = re.compile(r"[\s_\-.]+")


def _fold(name: str) -> str:
    """A column name compared loosely: case, spaces, ``_``, ``-`` and ``.`` do not matter ("Travel Date")."""
    return _SPACES.sub(" ", str(name).casefold()).strip()


def _find(header: Sequence[str], name: str) -> int | None:
    for i, h in enumerate(header):
        if h == name:
            return i
    folded = name.strip().casefold()
    for i, h in enumerate(header):
        if str(h).strip().casefold() == folded:
            return i
    loose = _fold(name)
    for i, h in enumerate(header):
        if _fold(h) == loose:
            return i
    return None


def _auto(header: Sequence[str], names: Sequence[str], exclude: set[int]) -> int | None:
    folded = [_fold(h) for h in header]
    for n in names:
        f = _fold(n)
        for i, h in enumerate(folded):
            if h == f and i not in exclude:
                return i
    return None


def detect_columns(header: Sequence[str], person: str | None = None, place: str | None = None,
                   date: str | None = None, end: str | None = None, *, source: str = "input",
                   option: str = "--{}-col", no_date: bool = False) -> Columns:
    """Find the person, place, date and end columns: the names given, or by the usual names.

    Names match exactly, else ignoring case, spaces, ``_`` and ``-`` ("Travel Date"). Person, place and
    date are required, unless ``no_date`` says every row is meant for today (then no date column is
    used). Raises :class:`InputError` naming the columns found.

    >>> detect_columns(["Traveller", "Destination", "travel_date"])
    Columns(person=0, place=1, date=2, end=None)
    """
    found = ", ".join(repr(str(h)) for h in header) or "none"
    if no_date and (date is not None or end is not None):
        raise InputError(f"{source}: --no-date answers every row for today: give it without "
                         f"{option.format('date')}/{option.format('end')}")
    hint = ""
    if len(header) == 1 and any(c in str(header[0]) for c in ";\t|"):
        d = next(c for c in ";\t|" if c in str(header[0]))
        hint = f"; the header is one column holding {d!r}: give the delimiter with --delimiter {d!r}"
    taken: set[int] = set()
    out: dict[str, int | None] = {"date": None, "end": None}
    for kind, given, names, required in (("person", person, PERSON_NAMES, True),
                                         ("place", place, PLACE_NAMES, True),
                                         ("date", date, DATE_NAMES, True),
                                         ("end", end, END_NAMES, False)):
        if no_date and kind in ("date", "end"):
            continue
        if given is not None:
            i = _find(header, given)
            if i is None:
                raise InputError(f"{source}: no column {given!r} (given with {option.format(kind)}); "
                                 f"columns found: {found}")
        else:
            i = _auto(header, names, taken)
            if i is None and required:
                today = " or give --no-date to answer every row for today" if kind == "date" else ""
                raise InputError(f"{source}: no {kind} column (looked for {', '.join(names)}; name it with "
                                 f"{option.format(kind)}{today}); columns found: {found}{hint}")
        if i is not None:
            taken.add(i)
        out[kind] = i
    return Columns(out["person"], out["place"], out["date"], out["end"])  # type: ignore[arg-type]


def added_names(header: Sequence[str]) -> list[str]:
    """The names of the added columns for this input header: :data:`ADDED_COLUMNS`, suffixed on a clash.

    >>> added_names(["name", "country", "date"])[:3]
    ['person_id', 'person_resolved', 'country_rc']
    """
    taken = {str(h).strip().casefold() for h in header}
    out = []
    for base in ADDED_COLUMNS:
        name, n = base, 1
        while name.casefold() in taken:
            n += 1
            name = f"{base}{COLUMN_SUFFIX}" + (str(n - 1) if n > 2 else "")
        taken.add(name.casefold())
        out.append(name)
    return out
