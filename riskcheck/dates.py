"""Dates as users type them: a day, a month, a year or a range, as a closed span of days."""

from datetime import date

from .errors import DateError
from .record import DateSpan

__all__ = ["PRECISIONS", "DateSpan", "parse_date", "parse_day"]

PRECISIONS = ("day", "week", "month", "year", "range", "unknown")


def _fields(t: str) -> list[int] | None:
    """The numbers of ``YYYY``, ``YYYY-M[M]`` or ``YYYY-M[M]-D[D]`` (decimal digits of any script, as ``\\d``
    in a regular expression), else None (string methods: importing re costs every start a few ms)."""
    parts = t.split("-")
    if len(parts) > 3 or len(parts[0]) != 4 or not all(p.isdecimal() and len(p) <= 2 for p in parts[1:]):
        return None
    if not parts[0].isdecimal() or not all(parts):
        return None
    return [int(p) for p in parts]


def _one(text: str, field: str) -> DateSpan:
    t = text.strip()
    m = _fields(t)
    try:
        if m is not None and len(m) == 3:
            d = date(m[0], m[1], m[2])
            return DateSpan(d, d, "day")
        if m is not None and len(m) == 2:
            import calendar  # only for a month (a millisecond at every start otherwise)

            y, mo = m
            last = calendar.monthrange(y, mo)[1]
            return DateSpan(date(y, mo, 1), date(y, mo, last), "month")
        if m is not None:
            y = m[0]
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
