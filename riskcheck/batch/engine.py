"""The batch engine: resolve each distinct person, place and date once, evaluate each distinct verdict
once (reusing answers across stretches of unchanging status), and render the added cells per row by
indexing small tables (see the package docstring)."""

from __future__ import annotations

import bisect
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from operator import attrgetter
from typing import Any, NamedTuple

import numpy as np
import polars as pl

from ..dates import DateSpan, parse_date
from ..errors import DateError, RiskcheckError
from ..output import neutralise
from ..ruleset import Ruleset
from ..verdict import confidence_change_dates, evaluate, unresolved

#: caches are dropped (between chunks) when one grows past this many entries: bounded memory
CACHE_LIMIT = 100_000
#: ... or past about this many bytes (estimated per entry below): memory does not grow with the input
CACHE_BYTES = 24 << 20
#: ... and the stretch templates (which grow slowly with the input's distinct keys) past this many
TEMPLATE_BYTES = 12 << 20
#: ... and the ruleset's memo of lookups past this many
MEMO_BYTES = 6 << 20
# rough estimates of the bytes one cache entry holds (its strings and rendered cells); not measured exactly
_RESOLVED_BYTES, _TEMPLATE_BYTES, _TAIL_BYTES, _VERDICT_BYTES, _KEY_BYTES = 600, 1200, 2500, 700, 200
_MEMO_BYTES = 400
_MEMO_KEY_BYTES = 64  # a key of a _KeyMemo: up to 7 int64 parts and the id

_OBLIGATION_CODE = {"yes": 0, "no": 1, "residual": 2, "unknown": 3}


# --------------------------------------------------------------------------------------------------
# Values as text


def _as_text(value: Any) -> str:
    """A DataFrame cell as the text a user would have typed (dates as ISO days)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, float) and math.isnan(value):
        return ""
    if type(value).__name__ == "NaTType":  # pandas' NaT (pandas is not imported on the CLI path)
        return ""
    if isinstance(value, datetime):  # includes pd.Timestamp
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, np.datetime64):
        return "" if np.isnat(value) else value.astype("datetime64[D]").item().isoformat()
    if isinstance(value, (float, np.floating)) and float(value).is_integer():
        return str(int(value))
    return str(value)


def _factorize(values: Any) -> tuple[np.ndarray, list[str]]:
    """Codes per row and the distinct values as text ("" for missing); codes index the texts."""
    if isinstance(values, pl.Series) and values.dtype != pl.String:
        values = values.to_list()  # dates, numbers...: as text below, as for pandas
    if isinstance(values, list) and all(type(v) is str for v in values[:1]):
        values = pl.Series("v", values, dtype=pl.String)
    if isinstance(values, pl.Series) and values.dtype == pl.String:
        # codes in order of first appearance (as pandas.factorize), without pandas
        frame = values.alias("v").to_frame()
        uniq = frame.unique(maintain_order=True).with_row_index("i")
        got = frame.join(uniq, on="v", how="left", maintain_order="left", nulls_equal=True).get_column("i")
        texts = ["" if u is None else u for u in uniq.get_column("v").to_list()]
        return got.to_numpy().astype(np.int64), texts
    import pandas as pd

    if isinstance(values, list):
        arr = np.empty(len(values), dtype=object)
        arr[:] = values
        values = arr
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    texts = [_as_text(u) for u in uniques]
    codes = np.asarray(codes, dtype=np.int64)
    if len(codes) and codes.min() < 0:
        texts.append("")
        codes = np.where(codes < 0, len(texts) - 1, codes)
    return codes, texts


def _take(values: Any, rows: np.ndarray) -> Any:
    """The cells of a column (polars or pandas Series, list or array) at positions ``rows``."""
    if isinstance(values, pl.Series):
        return values.gather(rows)
    if hasattr(values, "iloc"):
        return values.iloc[rows]
    arr = np.empty(len(values), dtype=object)
    arr[:] = list(values)
    return arr[rows]


class _Known:
    """Distinct texts of a polars text column already resolved, with their entry ids: a chunk's rows get
    theirs by one join, and only texts not seen before are resolved (in Python)."""

    def __init__(self) -> None:
        self.frame = pl.DataFrame(schema={"v": pl.String, "i": pl.Int64})

    def __len__(self) -> int:
        return self.frame.height

    def ids(self, values: pl.Series, resolve: Callable[[str], int]) -> np.ndarray:
        """Per row of ``values``: the id of its text (``resolve(text)``, missing cells as "")."""
        col = values.alias("v").to_frame()
        got = col.join(self.frame, on="v", how="left", maintain_order="left", nulls_equal=True).get_column("i")
        if got.null_count():
            new = col.filter(got.is_null()).unique(maintain_order=True).get_column("v").to_list()
            add = pl.DataFrame({"v": new, "i": [resolve("" if t is None else t) for t in new]},
                               schema={"v": pl.String, "i": pl.Int64})
            self.frame = pl.concat([self.frame, add], rechunk=True)
            got = col.join(self.frame, on="v", how="left", maintain_order="left", nulls_equal=True).get_column("i")
        out: np.ndarray = np.array(got.to_numpy(), dtype=np.int64)  # (writable)
        return out


def _group(arrays: Sequence[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """Group rows by the tuple of non-negative ints in ``arrays``: (group id per row, first row of each group)."""
    n = len(arrays[0])
    if n == 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    sizes = [int(a.max()) + 1 for a in arrays]
    if math.prod(sizes) < 2 ** 62:
        key = np.zeros(n, dtype=np.int64)
        for a, s in zip(arrays, sizes, strict=True):
            key = key * s + a
        _, first_at, inverse = np.unique(key, return_index=True, return_inverse=True)
        rank = np.empty(len(first_at), dtype=np.int64)
        rank[np.argsort(first_at, kind="stable")] = np.arange(len(first_at), dtype=np.int64)
        codes = rank[inverse]  # group ids in order of first appearance
    else:  # pragma: no cover - only with astronomically many distinct values in one chunk
        _, codes = np.unique(np.stack(arrays, axis=1), axis=0, return_inverse=True)
    codes = np.asarray(codes, dtype=np.int64).ravel()
    first = np.full(int(codes.max()) + 1, n, dtype=np.int64)
    np.minimum.at(first, codes, np.arange(n, dtype=np.int64))
    return codes, first


class _KeyMemo:
    """Row keys (tuples of non-negative ints, one array per part) already answered -> answer id, looked up
    for a whole chunk at once (the chunk's Python then runs only for keys not seen before)."""

    def __init__(self) -> None:
        self.parts: list[np.ndarray] = []
        self.ids = np.zeros(0, dtype=np.int64)

    def __len__(self) -> int:
        return len(self.ids)

    def clear(self) -> None:
        self.parts, self.ids = [], np.zeros(0, dtype=np.int64)

    def lookup(self, parts: Sequence[np.ndarray]) -> np.ndarray:
        """Per key (row of ``parts``): its stored id, or -1."""
        n = len(parts[0])
        out = np.full(n, -1, dtype=np.int64)
        if not len(self.ids) or not n:
            return out
        radix = [max(int(k.max()), int(q.max())) + 1 for k, q in zip(self.parts, parts, strict=True)]
        if math.prod(radix) >= 2 ** 62:  # pragma: no cover - astronomically many distinct values
            return out
        known, query = np.zeros(len(self.ids), dtype=np.int64), np.zeros(n, dtype=np.int64)
        for k, q, r in zip(self.parts, parts, radix, strict=True):
            known = known * r + k
            query = query * r + q
        order = np.argsort(known, kind="stable")
        pos = np.minimum(np.searchsorted(known[order], query), len(order) - 1)
        hit = known[order][pos] == query
        out[hit] = self.ids[order[pos[hit]]]
        return out

    def store(self, parts: Sequence[np.ndarray], ids: np.ndarray) -> None:
        """Remember ``ids`` for the keys in ``parts`` (ids < 0: nothing to remember)."""
        keep = ids >= 0
        if not keep.any():
            return
        new = [np.asarray(p, dtype=np.int64)[keep] for p in parts]
        self.parts = [np.concatenate([o, q]) for o, q in zip(self.parts, new, strict=True)] if self.parts else new
        self.ids = np.concatenate([self.ids, ids[keep]])


# --------------------------------------------------------------------------------------------------
# The engine: caches of resolved persons, places, dates and verdicts; annotates chunks of rows


@dataclass(frozen=True, slots=True)
class _Person:
    text: str
    person_id: str | None  # None: no record (or unresolved)
    name: str
    issue: str = ""


@dataclass(frozen=True, slots=True)
class _Place:
    text: str
    code: str | None
    issue: str = ""
    note: str = ""


@dataclass(frozen=True, slots=True)
class _Date:
    text: str
    span: DateSpan | None
    issue: str = ""
    defaulted: bool = False


class _Answer(NamedTuple):
    """The parts of a verdict a batch row shows (a tuple: built and hashed tens of thousands of times)."""

    warrant: str
    obligation: str
    basis: str
    explanation: str
    sources: tuple[str, ...]
    confidence: str = "high"

    def moved(self, old: DateSpan, new: DateSpan) -> _Answer:
        """This answer for span ``old`` with ``old``'s dates replaced by ``new``'s."""
        text = self.explanation
        a, b = old.start.isoformat(), old.end.isoformat()
        if a not in text and b not in text:
            return self
        text = text.replace(a, "\x00s\x00")
        if b != a:
            text = text.replace(b, "\x00e\x00")
        text = text.replace("\x00s\x00", new.start.isoformat()).replace("\x00e\x00", new.end.isoformat())
        return _Answer(self.warrant, self.obligation, self.basis, text, self.sources, self.confidence)


def _apart(a: DateSpan, b: DateSpan) -> bool:
    """Two spans that share no start or end date (only such a pair can show which dates an answer quotes)."""
    return len({a.start, a.end} & {b.start, b.end}) == 0


_MARK = "\x00"  # in a parametric answer's explanation: where the row's start date goes


class _Tail(NamedTuple):
    """A row's answer: the added cells from ``warrant`` on (a tuple: built and hashed per row key)."""

    warrant: str
    obligation: str
    basis: str
    explanation: str  # with one _MARK when ``param``
    sources: str
    issue: str = ""
    param: bool = False
    confidence: str = "low"  # high | medium | low (an answer that could not be given: low)

    def fields(self) -> tuple[str, str, str, str, str, str, str]:
        """The added cells from ``warrant`` on, in :data:`ADDED_COLUMNS` order."""
        return (self.warrant, self.obligation, self.basis, self.confidence, self.explanation, self.sources,
                self.issue)


class _Table:
    """Entries with an index, plus their rendered fragments as arrays for fast row indexing."""

    def __init__(self) -> None:
        self.index: dict[Any, int] = {}
        self.items: list[Any] = []
        self._arrays: dict[str, tuple[int, np.ndarray]] = {}
        self._series: dict[str, pl.Series] = {}

    def add(self, key: Any, item: Any) -> int:
        i = self.index[key] = len(self.items)
        self.items.append(item)
        return i

    def array(self, name: str, render: Callable[[Any], Any]) -> np.ndarray:
        """``render(item)`` for every item, as an object array (grown incrementally)."""
        n, arr = self._arrays.get(name, (0, np.empty(0, dtype=object)))
        if n < len(self.items):
            new = np.empty(len(self.items) - n, dtype=object)
            new[:] = [render(it) for it in self.items[n:]]
            arr = np.concatenate([arr, new])
            self._arrays[name] = (len(self.items), arr)
        return arr

    def series(self, name: str, render: Callable[[Any], Any], dtype: Any = pl.String) -> pl.Series:
        """:meth:`array` as a polars Series (of text unless ``dtype`` says; extended when the table has grown)."""
        got = self._series.get(name)
        n = 0 if got is None else len(got)
        if got is None or n != len(self.items):
            new = pl.Series(name, self.array(name, render)[n:].tolist(), dtype=dtype)
            got = self._series[name] = new if got is None else pl.concat([got, new], rechunk=True)
        return got

    def __len__(self) -> int:
        return len(self.items)


@dataclass(slots=True)
class _Rows:
    """A chunk's rows as indices into the engine's tables."""

    person: np.ndarray
    place: np.ndarray
    date: np.ndarray
    tail: np.ndarray

    def mid(self, engine: _Engine) -> np.ndarray:
        """Per row: the start date to put into a parametric answer, else ""."""
        param = engine.tails.array("param", lambda t: t.param).astype(bool)[self.tail]
        iso = engine.dates.array("iso", lambda d: d.span.start.isoformat() if d.span else "")[self.date]
        return np.where(param, iso, "").astype(object)


def _cell(value: str, raw: bool) -> str | None:
    """An added cell as written: formula-neutralised unless ``raw``; None (written as nothing) when empty."""
    if not value:
        return None
    return value if raw else neutralise(value)


def _added_cell(name: str, raw: bool) -> Callable[[_Tail], str | None]:
    """A renderer of an answer's added cell ``name`` as written (see :func:`_cell`)."""
    get = attrgetter(name)
    if raw:
        return lambda t: get(t) or None
    return lambda t: neutralise(v) if (v := get(t)) else None


def _field_of(i: int) -> Callable[[_Tail], str]:
    """A renderer of an answer's ``i``-th added cell."""

    def field(t: _Tail) -> str:
        return t.fields()[i]

    return field


class _Engine:
    def __init__(self, ruleset: Ruleset, today: date | None = None, cache_limit: int = CACHE_LIMIT) -> None:
        self.rs = ruleset
        self.cache_limit = cache_limit
        self.today = today or date.today()
        self.known = set(ruleset.states) | set(ruleset.territories)
        codes = sorted(self.known)
        self.any_code = codes[0] if codes else ""
        # person resolution can depend on the date only through dated titles: one bucket per period
        bounds: set[date] = set()
        for t in ruleset.titles:
            if t.start:
                bounds.add(t.start)
            if t.end:
                bounds.add(t.end + timedelta(days=1))
        self.title_bounds = sorted(bounds)
        from ..text import normalize

        self._normalize = normalize
        self.title_tokens = [set(normalize(t.title).split()) - {"the"} for t in ruleset.titles if t.title.strip()]
        self._title_like: dict[str, bool] = {}
        self.verdicts: dict[tuple[str | None, str, DateSpan], _Answer | RiskcheckError] = {}
        self._no_record_answers: dict[bool, _Answer] = {}
        self._norec_own: set[DateSpan] = set()  # spans whose no-record answer quotes their dates
        self.latest: date | None = None  # the latest day any row asked about (for the stale-data note)
        self._joined: dict[tuple[str, ...], str] = {}
        self.pieces: dict[tuple[str, ...], list[date]] = {}
        self._dates_of: dict[tuple[str, ...], set[date]] = {}  # (person id,) or ("", code): change dates
        self._ordinals: dict[tuple[str, ...], np.ndarray] = {}
        self.templates: dict[tuple[str, str, int, str], tuple[Any, ...]] = {}
        self.shared: dict[tuple[str, int, str], tuple[Any, ...]] = {}
        self.reset()

    def reset(self) -> None:
        """Forget everything (entry indices change: between chunks only)."""
        self.persons = _Table()  # key: text (date-independent) or (text, bucket)
        self.places = _Table()
        self.dates = _Table()
        self.pids = _Table()  # person ids (None first: no record)
        self.pids.add(None, None)
        self.codes = _Table()
        self.notes = _Table()
        self.notes.add("", "")
        self._norec_rep: dict[int, int] = {}  # class (see _norec_class) -> a date entry with that answer
        self.known_persons, self.known_places, self.known_dates = _Known(), _Known(), _Known()
        # (person id, code) pairs of the tables above, numbered, with their change dates (see _pair_numbers)
        self._pair_of = np.full((0, 0), -1, dtype=np.int64)
        self._pair_bounds = np.zeros(0, dtype=np.int64)
        self._pair_start = np.zeros(1, dtype=np.int64)
        self.reset_answers()

    def reset_answers(self) -> None:
        """Forget the answers per row key (they grow with distinct rows), keeping resolved values and templates."""
        self.tails = _Table()  # distinct answers (by content)
        self.tail_keys: dict[tuple[int, ...], int] = {}  # (kind, person, place, date, note) -> answer
        self.row_memo = _KeyMemo()  # the same, for whole chunks
        self.stretch_memo = {"shared": _KeyMemo(), "pair": _KeyMemo()}  # the groups of _stretches answered
        self.everywhere_keys: dict[tuple[int, ...], int] = {}  # (person, date, note) -> answer in every territory
        self._template_tails: dict[tuple[Any, ...], int] = {}
        self._template_keep: list[_Answer] = []
        self.everywhere = False
        self.verdicts.clear()
        self._joined.clear()

    def trim(self) -> None:
        """Bound memory: drop caches that have grown past :data:`CACHE_LIMIT` entries or (estimated)
        :data:`CACHE_BYTES` bytes (between chunks only)."""
        limit, budget = self.cache_limit, CACHE_BYTES
        # the ruleset's own memo of lookups per (territory, day) grows with the input's distinct days and
        # places (up to its own cap of 200,000 entries, tens of MB): keep it to the same budget
        if len(self.rs._memo) * _MEMO_BYTES > MEMO_BYTES:
            self.rs._memo.clear()
        resolved = len(self.persons) + len(self.places) + len(self.dates)
        if (max(len(self.persons), len(self.places), len(self.dates), len(self._title_like)) > limit
                or _RESOLVED_BYTES * resolved + 150 * len(self._title_like) > budget):
            self._title_like.clear()
            self.templates.clear()
            self.shared.clear()
            self.reset()
        else:
            if (len(self.templates) + len(self.shared) > limit
                    or _TEMPLATE_BYTES * (len(self.templates) + len(self.shared)) > TEMPLATE_BYTES):
                self.templates.clear()
                self.shared.clear()
            answers = (_TAIL_BYTES * len(self.tails) + _VERDICT_BYTES * len(self.verdicts)
                       + _KEY_BYTES * (len(self.tail_keys) + len(self.everywhere_keys))
                       + _MEMO_KEY_BYTES * (len(self.row_memo) + sum(len(m) for m in self.stretch_memo.values())))
            if max(len(self.tails), len(self.tail_keys), len(self.verdicts), len(self.everywhere_keys)) > limit \
                    or answers > budget:
                self.reset_answers()

    # ---- resolving distinct values ----

    def _date(self, text: str, end: str) -> int:
        key = (text, end)
        i = self.dates.index.get(key)
        if i is not None:
            return i
        t, e = text.strip(), end.strip()
        try:
            if not t and not e:
                d = _Date(text, DateSpan.day(self.today), defaulted=True)
            elif not t:
                d = _Date(text, None, f"end {end!r} given without a start date")
            elif e:
                first = parse_date(t)
                last = parse_date(e, field="end")
                if last.end < first.start:
                    raise DateError(f"invalid date range {text!r} .. {end!r}: it ends before it starts")
                d = _Date(text, DateSpan(first.start, last.end, "range"))
            else:
                d = _Date(text, parse_date(t))
        except DateError as exc:
            d = _Date(text, None, str(exc))
        if d.span is not None and (self.latest is None or d.span.end > self.latest):
            self.latest = d.span.end
        return self.dates.add(key, d)

    def _bucket(self, day: date) -> int:
        return bisect.bisect_right(self.title_bounds, day)

    def _may_be_title(self, text: str) -> bool:
        """Whether ``text`` could match a dated title on some day (then it is resolved per period).

        Conservative: the resolver matches a title when the query, less honorifics and possessives,
        equals it; so a title's words must all be among the query's.
        """
        if not self.title_tokens:
            return False
        r = self._title_like.get(text)
        if r is None:
            toks = set(self._normalize(text).split())
            toks |= {t[:-2] for t in toks if t.endswith("'s")}
            r = self._title_like[text] = any(tt <= toks for tt in self.title_tokens)
        return r

    def _person(self, text: str, day: date) -> int:
        i = self.persons.index.get(text)
        if i is not None:
            return i
        key = (text, self._bucket(day))
        i = self.persons.index.get(key)
        if i is not None:
            return i
        from ..people import resolve_person

        if not text.strip():
            return self.persons.add(text, _Person(text, None, "", "no person given"))
        dated = self._may_be_title(text)
        pm = resolve_person(text, on=day, ruleset=self.rs)
        status = getattr(pm, "status", "")
        if status == "resolved" and pm.person_id:
            p = _Person(text, pm.person_id, self.rs.people[pm.person_id].name if pm.person_id in self.rs.people
                        else (pm.name or pm.person_id))
        elif status in ("close", "ambiguous"):
            names = [self.rs.people[c].name if c in self.rs.people else str(c) for c in (pm.candidates or ())]
            shown = ", ".join(names[:3])
            if status == "ambiguous":
                issue = f"person {text!r} is ambiguous" + (f" between: {shown}" if shown else "")
            else:
                issue = f"person {text!r} matches no record exactly" + (f"; did you mean: {shown}?" if shown else "")
            p = _Person(text, None, "", issue)
        else:  # no_record: no ICC warrant on record for this name
            p = _Person(text, None, "")
        return self.persons.add(key if dated else text, p)

    def _place(self, text: str) -> int:
        i = self.places.index.get(text)
        if i is not None:
            return i
        from ..places import resolve_place

        if not text.strip():
            return self.places.add(text, _Place(text, None, "no place given"))
        pl = resolve_place(text, ruleset=self.rs)
        code = pl.code.upper() if pl.code else None
        cands = " / ".join(str(c) for c in (pl.candidates or ())[:3])
        if code is None:
            if getattr(pl, "status", "") == "ambiguous":
                issue = f"place {text!r} is ambiguous" + (f" between: {cands}" if cands else "")
            else:
                issue = (f"place {text!r} is not a known state, territory or city"
                         + (f"; did you mean: {cands}?" if cands else ""))
            p = _Place(text, None, issue)
        elif code not in self.known:
            p = _Place(text, code, f"place {text!r} resolved to {code}, which the data folder has no record for")
        else:
            p = _Place(text, code, note=pl.note or "")
        return self.places.add(text, p)

    def _index(self, table: _Table, key: Any) -> int:
        i = table.index.get(key)
        return table.add(key, key) if i is None else i

    # ---- verdicts ----

    def _verdict(self, person_id: str | None, code: str, span: DateSpan) -> _Answer | RiskcheckError:
        self.everywhere = False  # set when the answer is known to hold in every territory (a day, shared)
        key = (person_id, code, span)
        v = self.verdicts.get(key)
        if v is None:
            v = self._piecewise(person_id, code, span) if person_id is not None else self._no_record(code, span)
            self.verdicts[key] = v
        return v

    def _no_record(self, code: str, span: DateSpan) -> _Answer | RiskcheckError:
        """The answer for a person with no record: the same for every span on the same side of the data's
        check date (projection or not), unless it quotes the span's dates (then evaluated per span)."""
        side = bool(self.rs.checked and span.end > self.rs.checked)
        got = self._no_record_answers.get(side)
        if got is not None:
            return got
        v = self._evaluate(None, code, span)
        if isinstance(v, _Answer) and span.start.isoformat() not in v.explanation \
                and span.end.isoformat() not in v.explanation:
            self._no_record_answers[side] = v
        else:
            self._norec_own.add(span)  # (answered on its own, remembered in ``verdicts``)
        return v

    def _norec_class(self, de: _Date) -> int:
        """Which shared no-record answer a date's rows get: 2 * (after the check date) + (no date given);
        -1 for no date."""
        if de.span is None:
            return -1
        return 2 * bool(self.rs.checked and de.span.end > self.rs.checked) + int(de.defaulted)

    def _warm_norec(self, row_d: np.ndarray, rows: np.ndarray, note: np.ndarray) -> None:
        """Answer one row of each no-record class (see :meth:`_norec_class`) not answered yet, so that the
        other rows of the class share its row key from this chunk on (``rows``: as for :meth:`_norec_dates`)."""
        if not len(rows):
            return
        cls = self.dates.array("norec", self._norec_class).astype(np.int64)[row_d[rows]]
        for k in np.unique(cls).tolist():
            if k >= 0 and k not in self._norec_rep:
                r = int(rows[int(np.argmax(cls == k))])
                self._tail_for((0, 0, 0, int(row_d[r]), int(note[r])))

    def _norec_dates(self, row_d: np.ndarray, rows: np.ndarray) -> np.ndarray:
        """``row_d`` with the date of each of ``rows`` (rows of people with no record, without an issue)
        replaced by a representative date whose row answer is the same (same no-record answer, same "no date
        given" note): such rows share one row key instead of one per distinct date."""
        if not self._norec_rep or not len(rows):
            return row_d
        rep = np.full(5, -1, dtype=np.int64)  # (index -1: no class)
        for k, i in self._norec_rep.items():
            rep[k] = i
        cls = self.dates.array("norec", self._norec_class).astype(np.int64)
        got = rep[cls[row_d[rows]]]
        if self._norec_own:  # spans answered on their own keep their date
            own = np.array([d.span in self._norec_own for d in self.dates.items], dtype=bool)
            got[own[row_d[rows]]] = -1
        out = row_d.copy()
        keep = got >= 0
        out[rows[keep]] = got[keep]
        return out

    def _evaluate(self, person_id: str | None, code: str, span: DateSpan) -> _Answer | RiskcheckError:
        try:
            v = evaluate(person_id, code, span, self.rs, context=False)  # (context notes: not shown)
        except RiskcheckError as exc:
            return exc
        return _Answer(v.warrant, v.obligation, v.basis, v.explanation, v.sources, v.confidence)

    def _person_dates(self, person_id: str) -> set[date]:
        """Days on which an answer about the person can change in every territory (status or confidence)."""
        got = self._dates_of.get((person_id,))
        if got is None:
            got = self._dates_of[(person_id,)] = (set(self.rs.warrant_change_dates(person_id))
                                                  | confidence_change_dates(self.rs, person_id))
        return set(got)

    def _code_dates(self, code: str) -> set[date]:
        """Days on which an answer about anyone in the territory can change: the territory's own part of
        :meth:`_pair_dates` (with no person, whose part is :meth:`_person_dates`)."""
        got = self._dates_of.get(("", code))
        if got is None:
            got = self._dates_of[("", code)] = (set(self.rs.change_dates(code))
                                                | confidence_change_dates(self.rs, "", code))
        return got

    def _pair_dates(self, person_id: str, code: str) -> set[date]:
        """Days on which an answer about the person in the territory can change (status or confidence): the
        person's and the territory's (``confidence_change_dates`` is the union of a part for each; checked
        in tests/test_batch_engine.py)."""
        return self._person_dates(person_id) | self._code_dates(code)

    def _bounds(self, key: tuple[str, ...], dates: Callable[[], set[date]]) -> list[date]:
        b = self.pieces.get(key)
        if b is None:
            d = dates()
            if self.rs.checked:
                d.add(self.rs.checked + timedelta(days=1))  # projection starts the day after
            b = self.pieces[key] = sorted(d)
        return b

    def _piecewise(self, person_id: str, code: str, span: DateSpan) -> _Answer | RiskcheckError:
        """The verdict, reusing one computed for another span in the same stretch of unchanging status.

        The engine's answer for a person in a territory can change only on the dates it checks for
        changes (``change_dates`` of the territory, ``warrant_change_dates`` of the person) and when
        the data's check date is passed (projection). Within such a stretch, a longer span is answered
        as its first day, and answers to days differ at most in the date they quote ("On 2019-05-01 no
        warrant existed yet").
        So: an answer that quotes none of its span's dates holds for the whole stretch; one that does
        is reused, with the dates swapped, once two spans agree on it. And while a person's warrant has
        not been issued or has ended, the answer does not depend on the territory at all: once three
        territories agree on an answer within a stretch of the person's own dates, it is shared by all.
        Spans that straddle a change are evaluated on their own. (Checked against direct evaluation in
        tests/test_batch_engine.py.)
        """
        day = span.start == span.end
        if not day:  # a longer span that straddles a change gets its own answer
            try:
                bounds = self._bounds((person_id, code), lambda: self._pair_dates(person_id, code))
            except RiskcheckError as exc:
                return exc
            if bisect.bisect_right(bounds, span.start) != bisect.bisect_right(bounds, span.end):
                return self._evaluate(person_id, code, span)
            # nothing changes within the span: the verdict engine answers it as its first day (the only date it
            # quotes), so it shares that day's templates (checked against direct evaluation in
            # tests/test_batch_engine.py) -- but not across territories (elsewhere it may straddle a change)
            v = self._piecewise(person_id, code, DateSpan.day(span.start))
            self.everywhere = False
            return v
        # shared across territories?
        pb = self._bounds((person_id,), lambda: self._person_dates(person_id))
        ka = (person_id, bisect.bisect_right(pb, span.start), span.precision)
        sa = self.shared.get(ka)
        if sa is not None and sa[0] == "template":
            self.everywhere = day
            shared: _Answer = sa[2]
            return shared.moved(sa[1], span)
        # the same territory, same stretch?
        if day:
            try:
                bounds = self._bounds((person_id, code), lambda: self._pair_dates(person_id, code))
            except RiskcheckError as exc:
                return exc
        i = bisect.bisect_right(bounds, span.start)
        kb = (person_id, code, i, span.precision)
        sb = self.templates.get(kb)
        if sb is not None and sb[0] == "template":
            same: _Answer = sb[2]
            return same.moved(sb[1], span)
        v = self._evaluate(person_id, code, span)
        if not isinstance(v, _Answer):
            return v
        if sa is None:
            self.shared[ka] = ("candidate", span, v, frozenset((code,)), 0)
        elif sa[0] == "candidate" and code not in sa[3] and _apart(sa[1], span):
            _, s1, v1, seen, fails = sa
            if v1.moved(s1, span) == v:
                self.shared[ka] = ("template" if len(seen) >= 2 else "candidate", s1, v1, seen | {code}, fails)
            else:
                self.shared[ka] = ("candidate", span, v, frozenset((code,)), fails + 1) if fails < 2 else ("no",)
        if sb is None:
            quotes = span.start.isoformat() in v.explanation or span.end.isoformat() in v.explanation
            self.templates[kb] = ("candidate", span, v) if quotes else ("template", span, v)
        elif sb[0] == "candidate" and _apart(sb[1], span):
            self.templates[kb] = ("template", sb[1], sb[2]) if sb[2].moved(sb[1], span) == v else ("no",)
        return v

    def _tail_ok(self, vp: int, vc: int, d: int, note: int) -> _Tail:
        pid = self.pids.items[vp]
        code = self.codes.items[vc] if vc >= 0 else self.any_code  # no record: same answer everywhere
        de: _Date = self.dates.items[d]
        v = self._verdict(pid, code, de.span)  # type: ignore[arg-type]
        if pid is None and de.span is not None and de.span not in self._norec_own:
            cls = self._norec_class(de)
            if v is self._no_record_answers.get(cls >= 2):
                self._norec_rep.setdefault(cls, d)  # rows of this class can share this date's row key
        if isinstance(v, RiskcheckError):
            issue = f"no verdict for {code}: {v}"
            return _Tail("unknown", "unknown", "unresolved_place", issue + ".", "", issue)
        explanation = v.explanation
        if de.defaulted:
            explanation = f"No date given: answered for today, {self.today}. " + explanation
        if note:
            explanation += f" (Place: {self.notes.items[note]})"
        src = self._joined.get(v.sources)
        if src is None:
            src = self._joined[v.sources] = " ; ".join(v.sources)
        return _Tail(v.warrant, v.obligation, v.basis, explanation, src, confidence=v.confidence)

    def _tail_issue(self, p: int, pl: int, d: int) -> _Tail:
        """The answer for a row with an issue; arguments are entry index + 1, or 0 where there is none."""
        pe: _Person | None = self.persons.items[p - 1] if p else None
        le: _Place | None = self.places.items[pl - 1] if pl else None
        de: _Date | None = self.dates.items[d - 1] if d else None
        reason = "; ".join(e.issue for e in (pe, le, de) if e is not None)
        explanation = f"Could not answer: {reason}" + ("" if reason.endswith((".", "?")) else ".")
        if pe is not None or le is not None:
            u = unresolved("person" if pe is not None else "place", person=pe.text if pe else "",
                           place=le.text if le else "", reason=explanation)
            return _Tail(u.warrant, u.obligation, u.basis, u.explanation, "", reason, confidence=u.confidence)
        return _Tail("unknown", "unknown", "unresolved_date", explanation, "", reason)

    # ---- annotating a chunk ----

    def annotate(self, person: Any, place: Any, when: Any | None, end: Any | None) -> _Rows:
        """Resolve a chunk: each argument a column (Series or array); ``when``/``end`` may be None."""
        n = len(person)
        zeros = np.zeros(n, dtype=np.int64)
        # dates (with the optional end column)
        if end is not None:
            d_codes, d_texts = _factorize(when) if when is not None else (zeros, [""])
            e_codes, e_texts = _factorize(end)
            g, first = _group([d_codes, e_codes])
            ids = np.array([self._date(d_texts[d_codes[r]], e_texts[e_codes[r]]) for r in first], dtype=np.int64)
            row_d = ids[g]
        elif when is None:
            row_d = np.full(n, self._date("", ""), dtype=np.int64)
        else:
            row_d = self._ids(self.known_dates, when, lambda t: self._date(t, ""))
        # persons (resolved on the start day of the row's span: titles are dated)
        # a name that cannot be a title resolves the same on every date: once; others (-1) per period
        row_p = self._ids(self.known_persons, person,
                          lambda t: self._person(t, self.today) if not self._may_be_title(t) else -1)
        dated = row_p < 0
        if dated.any():
            rows = np.nonzero(dated)[0]
            p_codes, p_texts = _factorize(_take(person, rows))
            buckets = np.array([self._bucket(self._day(de)) for de in self.dates.items], dtype=np.int64)
            dc = row_d[rows]
            g, first = _group([p_codes, buckets[dc]])
            ids = np.array([self._person(p_texts[p_codes[r]], self._day(self.dates.items[dc[r]])) for r in first],
                           dtype=np.int64)
            row_p[rows] = ids[g]
        # places
        row_l = self._ids(self.known_places, place, self._place)
        # per-entry properties as arrays
        p_issue = self.persons.array("issue", lambda e: bool(e.issue)).astype(bool)
        p_vp = self.persons.array("vp", lambda e: self._index(self.pids, e.person_id)).astype(np.int64)
        l_issue = self.places.array("issue", lambda e: bool(e.issue)).astype(bool)
        l_vc = self.places.array("vc", lambda e: self._index(self.codes, e.code) if e.code else 0).astype(np.int64)
        l_note = self.places.array("note", lambda e: self._index(self.notes, e.note)).astype(np.int64)
        d_issue = self.dates.array("issue", lambda e: bool(e.issue)).astype(bool)
        # the verdict key: (person id, code, date) for good rows -- no-record people share one per answer --
        # and (person, place, date) entries for rows with an issue
        bad = p_issue[row_p] | l_issue[row_l] | d_issue[row_d]
        vp = p_vp[row_p]
        vc = np.where(vp == 0, 0, l_vc[row_l] + 1)  # 0: any code (no record)
        # (an issue row's answer depends only on the entries that have the issue: 0 = no issue there)
        flag = bad.astype(np.int64)
        a = np.where(bad, np.where(p_issue[row_p], row_p + 1, 0), vp)
        b = np.where(bad, np.where(l_issue[row_l], row_l + 1, 0), vc)
        c = np.where(bad, 0, l_note[row_l])
        norec = np.nonzero(~bad & (vp == 0))[0]
        self._warm_norec(row_d, norec, c)
        dd = np.where(bad, np.where(d_issue[row_d], row_d + 1, 0), self._norec_dates(row_d, norec))
        row_t = np.full(n, -1, dtype=np.int64)
        self._stretches(row_t, ~bad & (vp > 0), vp, l_vc[row_l], row_d, c)
        rest = np.nonzero(row_t < 0)[0]
        if len(rest):
            g, first = _group([flag[rest], a[rest], b[rest], dd[rest], c[rest]])
            parts = [x[rest][first] for x in (flag, a, b, dd, c)]
            tail_ids = self.row_memo.lookup(parts)
            miss = np.nonzero(tail_ids < 0)[0]
            if len(miss):
                keys = zip(*(x[miss].tolist() for x in parts), strict=True)
                tail_ids[miss] = got = np.array([self._tail_for(k) for k in keys], dtype=np.int64)
                self.row_memo.store([x[miss] for x in parts], got)
            row_t[rest] = tail_ids[g]
        return _Rows(row_p, row_l, row_d, row_t)

    def _ids(self, known: _Known, values: Any, resolve: Callable[[str], int]) -> np.ndarray:
        """Per row of the column ``values``: ``resolve(text)`` of its text, computed once per distinct text
        (across chunks: remembered in ``known`` for polars text columns)."""
        if isinstance(values, pl.Series) and values.dtype == pl.String:
            return known.ids(values, resolve)
        codes, texts = _factorize(values)
        ids = np.array([resolve(t) for t in texts], dtype=np.int64)
        out: np.ndarray = ids[codes] if len(codes) else np.zeros(0, dtype=np.int64)
        return out

    def _tail_for(self, key: tuple[int, int, int, int, int]) -> int:
        """The answer id for a row key (kind, person, place, date, note), computed once."""
        t = self.tail_keys.get(key)
        if t is not None:
            return t
        wide = (key[1], key[3], key[4])  # (person, date, note): an answer shared by every territory?
        t = self.everywhere_keys.get(wide) if not key[0] else None
        if t is None:
            self.everywhere = False
            item = (self._tail_issue(key[1], key[2], key[3]) if key[0]
                    else self._tail_ok(key[1], key[2] - 1, key[3], key[4]))
            t = self._add_tail(item)
            if self.everywhere:
                self.everywhere_keys[wide] = t
        self.tail_keys[key] = t
        return t

    def _add_tail(self, item: _Tail) -> int:
        t = self.tails.index.get(item)
        return self.tails.add(item, item) if t is None else t

    def _stretch_index(self, keys: Sequence[tuple[Any, ...]], which: np.ndarray, days: np.ndarray,
                       dates_of: Callable[[tuple[Any, ...]], Callable[[], set[date]]]) -> np.ndarray:
        """For each row, the index of the stretch (between change dates) its day falls in, per key."""
        parts: list[np.ndarray] = []
        get = self._ordinals.get
        for k in keys:
            o = get(k)
            if o is None:
                o = self._ordinals[k] = np.array([d.toordinal() for d in self._bounds(k, dates_of(k))],
                                                 dtype=np.int64)
            parts.append(o)
        lengths = np.array([len(o) for o in parts], dtype=np.int64)
        offsets = np.concatenate([[0], np.cumsum(lengths)])
        arr = (np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)) + np.repeat(
            np.arange(len(keys), dtype=np.int64) << 32, lengths)
        pos = np.searchsorted(arr, (which << 32) + days, side="right")
        out: np.ndarray = pos - offsets[which]
        return out

    def _stretches(self, row_t: np.ndarray, mask: np.ndarray, vp: np.ndarray, vc: np.ndarray, row_d: np.ndarray,
                   note: np.ndarray) -> None:
        """Answer, without per-row work, the rows of wanted people whose answer is a template.

        Rows are grouped by the stretch of unchanging status their span falls in: first the person's
        own stretches (answers shared by every territory), then the person-and-territory stretches
        (see :meth:`_piecewise`). A group whose template is not known yet is warmed up by evaluating a
        few of its rows. Answers that quote the date become parametric (the row's date is put in when
        writing). Rows left over (row_t < 0) take the general path.
        """
        rows = np.nonzero(mask)[0]
        if len(rows) < 64:
            return
        start = self.dates.array("start", lambda d: d.span.start.toordinal() if d.span else 0).astype(np.int64)
        end = self.dates.array("end", lambda d: d.span.end.toordinal() if d.span else 0).astype(np.int64)
        default = self.dates.array("defaulted", lambda d: d.defaulted).astype(bool).astype(np.int64)
        rd = row_d[rows]
        s0, s1, df = start[rd], end[rd], default[rd]
        p, cd, nt = vp[rows], vc[rows], note[rows]
        pids = [(self.pids.items[i],) for i in range(len(self.pids))]
        pids[0] = ("",)  # (no record: not in mask)
        # person-and-territory stretches (also: does a longer span straddle a change?)
        try:
            num = self._pair_numbers(p, cd)
        except RiskcheckError:
            return
        i0 = np.searchsorted(self._pair_bounds, (num << 32) + s0, side="right") - self._pair_start[num]
        i1 = np.searchsorted(self._pair_bounds, (num << 32) + s1, side="right") - self._pair_start[num]
        inside = i0 == i1
        def own(k: tuple[str, ...]) -> Callable[[], set[date]]:
            return lambda: self._person_dates(k[0])

        j = self._stretch_index(pids, p, s0, own)
        for level in ("shared", "pair"):
            todo = np.nonzero(inside & (row_t[rows] < 0))[0]
            if len(todo) < 64:
                return
            cols = [p[todo], j[todo], nt[todo], df[todo]]  # (a span inside a stretch: as its first day)
            if level == "pair":
                cols += [cd[todo], i0[todo]]
            g, first = _group(cols)
            # groups answered in an earlier chunk: by lookup; the others one by one
            parts = [c[first] for c in cols]
            memo = self.stretch_memo[level]
            ids = memo.lookup(parts)
            miss = np.nonzero(ids < 0)[0]
            if len(miss):
                order = np.argsort(g, kind="stable")
                bounds = np.searchsorted(g[order], np.arange(len(first) + 1))
                for k in miss.tolist():
                    ids[k] = self._group_template(level, todo[order[bounds[k]: bounds[k + 1]]], rows, p, j, nt, df,
                                                  cd, i0, vp, vc, row_d, note)
                memo.store([x[miss] for x in parts], ids[miss])
            row_t[rows[todo]] = ids[g]

    def _group_template(self, level: str, members: np.ndarray, rows: np.ndarray, p: np.ndarray, j: np.ndarray,
                        nt: np.ndarray, df: np.ndarray, cd: np.ndarray, i0: np.ndarray,
                        vp: np.ndarray, vc: np.ndarray, row_d: np.ndarray, note: np.ndarray) -> int:
        """The answer id of one group of :meth:`_stretches` (``members``: its rows, as positions in ``rows``)
        from its template, warmed up by evaluating a few of its rows if needed; -1 if it has none."""
        r = int(members[0])
        pid = self.pids.items[int(p[r])]
        key: tuple[Any, ...] = ((pid, int(j[r]), "day") if level == "shared"
                                else (pid, self.codes.items[int(cd[r])], int(i0[r]), "day"))
        table: dict[Any, tuple[Any, ...]] = self.shared if level == "shared" else self.templates
        state = table.get(key)
        if state is None or state[0] != "template":
            if state is not None and state[0] == "no":
                return -1
            if len(members) < 8:
                return -1  # a small group: the general path is as cheap
            for m in members[:8].tolist():  # warm up: evaluate a few rows of the group
                row = rows[m]
                self._tail_for((0, int(vp[row]), int(vc[row]) + 1, int(row_d[row]), int(note[row])))
                state = table.get(key)
                if state is not None and state[0] in ("template", "no"):
                    break
            if state is None or state[0] != "template":
                return -1
        return self._template_tail(state[2], state[1], int(nt[r]), bool(df[r]))

    def _ordinals_of(self, person_id: str, code: str) -> np.ndarray:
        """:meth:`_person_dates` (with the day projection starts) or :meth:`_code_dates` as ordinals."""
        key = (person_id, code)
        got = self._ordinals.get(key)
        if got is None:
            dates = self._code_dates(code) if not person_id else self._bounds((person_id,), lambda: self._person_dates(
                person_id))
            got = self._ordinals[key] = np.array(sorted(d.toordinal() for d in dates), dtype=np.int64)
        return got

    def _pair_numbers(self, p: np.ndarray, cd: np.ndarray) -> np.ndarray:
        """Per row, the number of its (person id, code) pair, whose change dates (as ordinals) are
        ``_pair_bounds[_pair_start[k]:_pair_start[k + 1]]`` (each plus ``k << 32``: one sorted array).
        Pairs are numbered as first seen, across chunks."""
        shape = (len(self.pids), len(self.codes))
        if self._pair_of.shape != shape:
            grown = np.full(shape, -1, dtype=np.int64)
            grown[: self._pair_of.shape[0], : self._pair_of.shape[1]] = self._pair_of
            self._pair_of = grown
        num: np.ndarray = self._pair_of[p, cd]
        new = np.nonzero(num < 0)[0]
        if not len(new):
            return num
        _, first = _group([p[new], cd[new]])
        base = len(self._pair_start) - 1
        pairs = new[first]
        key = (base + np.arange(len(pairs), dtype=np.int64)) << 32
        parts: list[np.ndarray] = []  # the union of the person's and the territory's dates, for every new pair
        for ids, person in ((p[pairs], True), (cd[pairs], False)):
            uniq, pos = np.unique(ids, return_inverse=True)
            ords = [self._ordinals_of(self.pids.items[i], "") if person else self._ordinals_of("", self.codes.items[i])
                    for i in uniq.tolist()]
            lengths = np.array([len(o) for o in ords], dtype=np.int64)
            flat = np.concatenate(ords)
            reps = lengths[pos.ravel()]
            within = np.arange(int(reps.sum()), dtype=np.int64) - np.repeat(np.cumsum(reps) - reps, reps)
            parts.append(flat[np.repeat((np.cumsum(lengths) - lengths)[pos.ravel()], reps) + within]
                         + np.repeat(key, reps))
        added = np.unique(np.concatenate(parts))
        self._pair_bounds = np.concatenate([self._pair_bounds, added])
        self._pair_start = np.concatenate([self._pair_start, self._pair_start[-1] + np.cumsum(
            np.bincount((added >> 32) - base, minlength=len(first)), dtype=np.int64)])
        self._pair_of[p[new[first]], cd[new[first]]] = base + np.arange(len(first), dtype=np.int64)
        got: np.ndarray = self._pair_of[p, cd]
        return got

    def _template_tail(self, v: _Answer, span: DateSpan, note: int, defaulted: bool) -> int:
        """The answer id for template ``v`` (computed for ``span``), parametric in the start date if it quotes it."""
        key = (id(v), span, note, defaulted)
        t = self._template_tails.get(key)
        if t is not None:
            return t
        text = v.explanation
        a, b = span.start.isoformat(), span.end.isoformat()
        if _MARK in text or (b != a and b in text) or text.count(a) > 1:
            t = -1  # not expressible with one date slot: rows take the general path
        else:
            param = a in text
            text = text.replace(a, _MARK)
            if defaulted:
                text = f"No date given: answered for today, {self.today}. " + text
            if note:
                text += f" (Place: {self.notes.items[note]})"
            src = self._joined.get(v.sources)
            if src is None:
                src = self._joined[v.sources] = " ; ".join(v.sources)
            t = self._add_tail(_Tail(v.warrant, v.obligation, v.basis, text, src, "", param, v.confidence))
        self._template_tails[key] = t
        self._template_keep.append(v)  # keep ``v`` alive: its id() is part of the key
        return t

    def flag(self, rows: _Rows, issues: Sequence[str]) -> None:
        """Rows whose cells may be shifted (a ragged row: ``issues[i]`` non-empty) get no answer, only the issue."""
        for i, issue in enumerate(issues):
            if issue:
                rows.tail[i] = self._add_tail(_Tail("unknown", "unknown", "malformed_row",
                                                    f"Could not answer: {issue}.", "", issue))

    def _day(self, de: _Date) -> date:
        return de.span.start if de.span is not None else self.today

    # ---- rendering ----

    def columns(self, rows: _Rows) -> list[np.ndarray]:
        """The added columns' values (object arrays of str), in :data:`ADDED_COLUMNS` order."""
        pid = self.persons.array("pid", lambda e: e.person_id or "")[rows.person]
        name = self.persons.array("name", lambda e: e.name)[rows.person]
        code = self.places.array("code", lambda e: e.code or "")[rows.place]
        out = [pid, name, code]
        for i, f in enumerate(("warrant", "obligation", "basis", "confidence", "explanation", "sources", "issue")):
            out.append(self.tails.array(f, _field_of(i))[rows.tail])
        # a parametric explanation gets the row's date
        pre = self.tails.array("expl_pre", lambda t: t.explanation.partition(_MARK)[0] if t.param else t.explanation)
        post = self.tails.array("expl_post", lambda t: t.explanation.partition(_MARK)[2] if t.param else "")
        out[7] = pre[rows.tail] + rows.mid(self) + post[rows.tail]
        return out

    def added_series(self, rows: _Rows, raw: bool) -> list[pl.Series]:
        """The added columns as polars String Series (gathered from the tables' cells in C), in
        :data:`ADDED_COLUMNS` order: formula-neutralised unless ``raw``, empty cells as null."""
        tag = "raw" if raw else "safe"
        out = [self.persons.series("pid_" + tag, lambda e: _cell(e.person_id or "", raw)).gather(rows.person),
               self.persons.series("name_" + tag, lambda e: _cell(e.name, raw)).gather(rows.person),
               self.places.series("code_" + tag, lambda e: _cell(e.code or "", raw)).gather(rows.place)]
        for f in ("warrant", "obligation", "basis", "confidence", "explanation", "sources", "issue"):
            out.append(self.tails.series(f"{f}_{tag}", _added_cell(f, raw)).gather(rows.tail))
        if self.tails.array("param", lambda t: t.param).any():
            # a parametric explanation: the part before the date slot (neutralised as the whole text would
            # be: the date that may start it is no formula), the row's start date, the part after
            def pre(t: _Tail) -> str | None:
                return _cell(t.explanation.partition(_MARK)[0], raw) if t.param else None

            param = self.tails.series("param_b", lambda t: t.param, pl.Boolean).gather(rows.tail)
            iso = self.dates.series("iso", lambda d: d.span.start.isoformat() if d.span else "").gather(rows.date)
            before = self.tails.series("pre_" + tag, pre).gather(rows.tail)
            after = self.tails.series("post", lambda t: t.explanation.partition(_MARK)[2] if t.param else None)
            out[7] = pl.select(pl.when(pl.lit(param)).then(pl.concat_str(
                [pl.lit(before).fill_null(""), pl.lit(iso), pl.lit(after.gather(rows.tail)).fill_null("")]))
                .otherwise(pl.lit(out[7]))).to_series()
        return out

    def counts(self, rows: _Rows) -> dict[str, int]:
        obl = self.tails.array("obl", lambda t: _OBLIGATION_CODE.get(t.obligation, 3)).astype(np.int64)
        issue = self.tails.array("has_issue", lambda t: bool(t.issue)).astype(bool)
        defaulted = self.dates.array("defaulted", lambda d: d.defaulted).astype(bool)
        per = np.bincount(obl[rows.tail], minlength=4) if len(rows.tail) else np.zeros(4, dtype=np.int64)
        return {"rows": len(rows.tail), "yes": int(per[0]), "no": int(per[1]), "residual": int(per[2]),
                "unknown": int(per[3]), "unresolved": int(issue[rows.tail].sum()),
                "today": int(defaulted[rows.date].sum())}
