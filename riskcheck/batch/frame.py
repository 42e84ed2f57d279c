"""The DataFrame API: :func:`check_trips` (pandas, or anything with ``columns`` and ``iloc``)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from ..ruleset import Ruleset, load_ruleset
from .columns import DATE_NAMES, END_NAMES, PERSON_NAMES, PLACE_NAMES, _auto, _find, added_names
from .engine import _Engine

if TYPE_CHECKING:
    import pandas as pd


def _column(df: Any, name: str | None, default: str, names: Sequence[str], kind: str,
            required: bool) -> Any:
    if name is None:
        if required:
            raise InputError(f"check_trips: a {kind} column is required")
        return None
    cols = [str(c) for c in df.columns]
    exact = [i for i, c in enumerate(df.columns) if c is name or (type(c) is type(name) and c == name)]
    i = exact[0] if exact else _find(cols, str(name))
    if i is None and name == default:
        i = _auto(cols, names, set())
    if i is None:
        raise InputError(f"check_trips: no column {name!r} for the {kind}; columns found: "
                         + (", ".join(repr(c) for c in cols) or "none"))
    return df.iloc[:, i] if hasattr(df, "iloc") else df.to_series(i)  # pandas, or polars


def check_trips(df: pd.DataFrame, person: str = "traveler", place: str = "destination", date: str | None = "date",
                end: str | None = None, ruleset: Ruleset | str | Path | None = None) -> pd.DataFrame:
    """Flag every trip in a DataFrame: a copy of ``df`` with :data:`ADDED_COLUMNS` appended.

    ``person``, ``place``, ``date`` and ``end`` name the columns (matched exactly, else case-insensitively;
    when a default name is absent the usual names are tried: ``person``/``traveler``/``name``,
    ``country``/``destination``/``place``, ``date``/``start``/``travel_date``). ``date=None`` or an empty
    cell means today; ``end`` optionally closes a range. Cells may be text, dates or timestamps. ``df``
    may also be a polars DataFrame (a polars DataFrame is returned). Rows,
    order, index and input columns are kept as they are; an added column whose name the input already
    has gets the suffix ``_rc``. ``ruleset`` is a loaded ruleset or a data folder (default: bundled data).

    >>> import pandas as pd
    >>> trips = pd.DataFrame({"traveler": ["Vladimir Putin", "Jane Doe"],
    ...                       "destination": ["Mongolia", "China"], "date": ["2024-09-03", "2024-09"]})
    >>> check_trips(trips)[["country", "obligation", "basis"]].values.tolist()
    [['MN', 'yes', 'state_party'], ['CN', 'no', 'no_warrant']]
    """
    rs = ruleset if isinstance(ruleset, Ruleset) else load_ruleset(ruleset)
    is_polars = type(df).__module__.startswith("polars")
    p = _column(df, person, "traveler", PERSON_NAMES, "person", True)
    pl = _column(df, place, "destination", PLACE_NAMES, "place", True)
    d = _column(df, date, "date", DATE_NAMES, "date", False) if date is not None else None
    e = _column(df, end, "", END_NAMES, "end", False) if end is not None else None
    engine = _Engine(rs)
    rows = engine.annotate(p, pl, d, e)
    names = added_names([str(c) for c in df.columns])
    if is_polars:
        import polars

        frame: Any = df  # a polars DataFrame (the annotation names the pandas case)
        result: pd.DataFrame = frame.with_columns([polars.Series(n, v.tolist(), dtype=polars.String)
                                                   for n, v in zip(names, engine.columns(rows), strict=True)])
        return result
    out = df.copy()
    for name, values in zip(names, engine.columns(rows), strict=True):
        out[name] = values
    return out
