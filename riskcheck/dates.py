"""Dates as users type them: a day, a month, a year or a range, as a closed span of days."""

# (No ``from __future__ import annotations``: a dataclass compiles string annotations at every start.)
import re
from dataclasses import dataclass
from datetime import date

from .errors import DateError

PRECISIONS = ("day", "week", "month", "year", "range", "unknown")

_DAY = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_MONTH = re.compile(r"(\d{4})-(\d{1,2})")
_YEAR = re.compile(r"(\d{4})")


@dataclass(frozen=True, slots=True)
class DateSpan:
    """A closed interval of days [start, end] with the precision it was given at."""

    start: date
    end: date
    precision: str = "day"

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise DateError(f"date range ends before it starts: {self.start} .. {self.end}")

    @property
    def is_day(self) -> bool:
        return self.start == self.end

    def __str__(self) -> str:
        if self.precision == "day" or self.start == self.end:
            return self.start.isoformat()
        if self.precision == "month":
            return self.start.strftime("%Y-%m")
        if self.precision == "year":
            return str(self.start.year)
        return f"{self.start.isoformat()}..{self.end.isoformat()}"

    @classmethod
    def day(cls, d: date) -> "DateSpan":
        return cls(d, d, "day")

    def contains(self, d: date) -> bool:
        return self.start <= d <= self.end


def _one(text: str, field: str) -> DateSpan:
    t = text.strip()
    try:
        if m := _DAY.fullmatch(t):
            d = date(int(m[1]), int(m[2]), int(m[3]))
            return DateSpan(d, d, "day")
        if m := _MONTH.fullmatch(t):
            import calendar  # only for a month (a millisecond at every start otherwise)

            y, mo = int(m[1]), int(m[2])
            last = calendar.monthrange(y, mo)[1]
            return DateSpan(date(y, mo, 1), date(y, mo, last), "month")
        if m := _YEAR.fullmatch(t):
            y = int(m[1])
            if y < 1:
                raise ValueError
            return DateSpan(date(y, 1, 1), date(y, 12, 31), "year")
    except ValueError:  # calendar.IllegalMonthError is a ValueError
        raise DateError(f"invalid {field} {text!r}: no such date") from None
    raise DateError(f"invalid {field} {text!r}: use YYYY-MM-DD, YYYY-MM, YYYY or START..END")


def parse_date(text: str | date | DateSpan | None, *, today: date | None = None, field: str = "date") -> DateSpan:
    """Parse ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY`` or ``A..B`` (each end any of those) into a span.

    ``None`` or an empty string means today. Raises :class:`DateError` with a one-line message.

    >>> str(parse_date("2023-10"))
    '2023-10'
    >>> parse_date("2026-05-20..2026-06-10").precision
    'range'
    """
    if isinstance(text, DateSpan):
        return text
    if isinstance(text, date):
        return DateSpan.day(text)
    if text is None or not str(text).strip():
        return DateSpan.day(today or date.today())
    s = str(text).strip()
    if ".." in s:
        a, _, b = s.partition("..")
        first, last = _one(a, field), _one(b, field)
        if last.end < first.start:
            raise DateError(f"invalid {field} {text!r}: range ends before it starts")
        return DateSpan(first.start, last.end, "range")
    return _one(s, field)


def parse_day(text: str, *, field: str = "date") -> date:
    """Parse a strict ``YYYY-MM-DD`` day (used for data files and ``--date`` of listings)."""
    span = _one(text, field)
    if span.precision != "day":
        raise DateError(f"invalid {field} {text!r}: a full date YYYY-MM-DD is needed")
    return span.start
