"""What runs on a Dask worker: per-process singletons and the per-partition functions.

Tasks ship only small arguments (a shard's URL, a data folder's path): the functions below are pickled by
reference (module and name), and the ruleset and the extractor's indexes are built once per worker process
(:func:`ruleset`, warmed by :class:`RiskcheckPlugin` when the worker starts), never pickled per task.

A task writes its own output files under deterministic names (``part-<shard>.parquet``), so a task that
Dask retries after a worker died overwrites the same files: the output has no duplicates.
"""

from __future__ import annotations

import json
import threading
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pandas as pd
from distributed.diagnostics.plugin import WorkerPlugin

if TYPE_CHECKING:  # pragma: no cover
    from distributed import Worker

    from ..dates import DateSpan
    from ..ruleset import Ruleset

__all__ = ["RiskcheckPlugin", "Shard", "check_partition", "group_partition", "news_shard", "ruleset"]

_LOCK = threading.Lock()
_RULESETS: dict[str, Ruleset] = {}
#: compression suffixes fsspec infers; stripped from a shard's name to tell its kind (``a.jsonl.gz``)
_COMPRESSED = (".gz", ".bz2", ".xz", ".zst", ".lz4")
#: a file in a run's temporary folder while the run may write there (tasks check it before writing)
RUNNING = "_running"
#: how many skipped articles a shard reports by name (the count is always complete)
SKIPPED_NAMED = 20


def ruleset(data: str | None) -> Ruleset:
    """The ruleset of the data folder ``data`` (None: bundled), loaded once per worker process."""
    from ..ruleset import load_ruleset

    key = data or ""
    with _LOCK:
        rs = _RULESETS.get(key)
        if rs is None:
            rs = _RULESETS[key] = load_ruleset(data)
        return rs


def warm(data: str | None) -> None:
    """Load the ruleset and build the extractor's indexes now (not in the first task)."""
    from ..news import extract_trips

    extract_trips("Vladimir Putin will visit China in October 2024.", "2024-07-25", ruleset=ruleset(data))


class RiskcheckPlugin(WorkerPlugin):
    """Loads the ruleset and warms the extractor once, when a worker (or its replacement) starts."""

    name = "riskcheck"

    def __init__(self, data: str | None) -> None:
        self.data = data

    def setup(self, worker: Worker) -> None:
        warm(self.data)


# --------------------------------------------------------------------------------------------------
# News


@dataclass(frozen=True, slots=True)
class Shard:
    """One unit of news input: a whole JSON Lines/text file, or one row group of a Parquet file."""

    index: int
    url: str  # fsspec URL, as given (after glob expansion)
    kind: str  # "jsonl" (any file riskcheck news reads) | "parquet"
    row_group: int = 0
    first_row: int = 0  # rows of the file before this row group (for ``file:row`` source names)


def _articles(shard: Shard, override: DateSpan | None, text_col: str) -> Iterator[Any]:
    import fsspec

    from ..news.readers import read_bytes

    if shard.kind == "parquet":
        yield from _parquet_articles(shard, override, text_col)
        return
    with fsspec.open(shard.url, "rb", compression="infer") as f:
        data = f.read()
    name = shard.url
    for suffix in _COMPRESSED:
        if name.endswith(suffix):
            name = name[: -len(suffix)]
            break
    yield from read_bytes(name, data, override=override, text_col=text_col)


def _parquet_articles(shard: Shard, override: DateSpan | None, text_col: str) -> Iterator[Any]:
    import fsspec
    import pyarrow.parquet as pq

    from ..errors import InputError
    from ..news.readers import Skipped, _article, parse_loose_date

    with fsspec.open(shard.url, "rb") as f:
        pf = pq.ParquetFile(f)
        names = pf.schema_arrow.names
        if text_col not in names:
            raise InputError(f"{shard.url}: no column {text_col!r} (columns: {', '.join(names) or 'none'}); "
                             "use --text-col")
        cols = [c for c in (text_col, "published", "id", "url") if c in names]
        table = pf.read_row_group(shard.row_group, columns=cols)
    n = table.num_rows
    texts = table.column(text_col).to_pylist()
    ids = table.column("id").to_pylist() if "id" in cols else [None] * n
    urls = table.column("url").to_pylist() if "url" in cols else [None] * n
    dates = table.column("published").to_pylist() if "published" in cols else [None] * n
    for i, text in enumerate(texts):
        where = f"{shard.url}:{shard.first_row + i + 1}"
        if not isinstance(text, str) or not text.strip():
            yield Skipped(where, "empty text" if isinstance(text, str) or text is None else "text is not text")
            continue
        src = str(ids[i] or urls[i] or where)
        raw = dates[i]
        pub = parse_loose_date(str(raw)) if raw not in (None, "") else None
        yield _article(src, text, pub, override)  # (as a JSON line's record: the same date, basis and repairs)


def _year(published: str) -> str:
    return published[:4] if len(published) >= 4 and published[:4].isdigit() else "unknown"


def news_shard(shard: Shard, out: str, columns: list[str], data: str | None, override: str | None,
               text_col: str, warrant_only: bool, keep: str | None = None) -> pd.DataFrame:
    """Extract the trips of one shard, write them under ``out/year=Y/part-<shard>.parquet``; return stats.

    With ``keep`` (a folder), the shard's rows are also written there in one file, in reading order, with
    ``_shard`` and ``_row`` columns (the input of the grouping, which fuses reports in the local order).

    The stats are one row: ``shard``, ``articles``, ``trips``, ``skipped`` and ``detail`` (JSON: counts by
    status and obligation, the first skipped sources with reasons).
    """
    import fsspec
    import pyarrow as pa
    import pyarrow.parquet as pq

    from ..cli_news import report_rows
    from ..dates import parse_date
    from ..news import extract_trips
    from ..news.readers import Article

    rs = ruleset(data)
    pub_override = parse_date(override, field="--published") if override else None
    rows: list[dict[str, Any]] = []
    skipped: list[tuple[str, str]] = []
    n_skipped = 0
    n_read = 0
    for item in _articles(shard, pub_override, text_col):
        if not isinstance(item, Article):
            n_skipped += 1
            if len(skipped) < SKIPPED_NAMED:
                skipped.append((item.source, item.reason))
            continue
        n_read += 1
        try:
            trips = extract_trips(item.text, item.published, ruleset=rs)
        except RecursionError:  # pragma: no cover - defensive, as the local engine
            n_skipped += 1
            if len(skipped) < SKIPPED_NAMED:
                skipped.append((item.source, "could not be analysed"))
            continue
        rows.extend(report_rows(item.source, item.published, trips, rs, warrant_only=warrant_only,
                                published_basis=item.basis))
    fs, root = fsspec.core.url_to_fs(out)
    if not fs.exists(f"{root.rstrip('/').rpartition('/')[0]}/{RUNNING}"):  # the run was aborted
        raise RuntimeError("the run's temporary folder is gone: run aborted")
    by_year: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        by_year.setdefault(_year(str(r["published"])), []).append(r)
    schema = pa.schema([(c, pa.string()) for c in columns])
    for year, recs in sorted(by_year.items()):
        table = pa.Table.from_pydict({c: [str(r.get(c, "") or "") for r in recs] for c in columns}, schema=schema)
        folder = f"{root}/year={year}"
        fs.makedirs(folder, exist_ok=True)
        with fs.open(f"{folder}/part-{shard.index:06d}.parquet", "wb") as f:
            pq.write_table(table, f)
    if keep is not None:
        kfs, kroot = fsspec.core.url_to_fs(keep)
        kschema = pa.schema([*schema, ("_shard", pa.int64()), ("_row", pa.int64())])
        table = pa.Table.from_pydict({**{c: [str(r.get(c, "") or "") for r in rows] for c in columns},
                                      "_shard": [shard.index] * len(rows), "_row": list(range(len(rows)))},
                                     schema=kschema)
        kfs.makedirs(kroot, exist_ok=True)
        with kfs.open(f"{kroot}/part-{shard.index:06d}.parquet", "wb") as f:
            pq.write_table(table, f)
    detail = {"status": dict(Counter(r["status"] for r in rows)),
              "obligation": dict(Counter(r["obligation"] for r in rows)), "skipped": skipped}
    return pd.DataFrame({"shard": [shard.index], "articles": [n_read], "trips": [len(rows)],
                         "skipped": [n_skipped], "detail": [json.dumps(detail)]})


# --------------------------------------------------------------------------------------------------
# Batch and grouping


def check_partition(df: pd.DataFrame, person: str | None, place: str | None, date: str | None,
                    end: str | None, data: str | None) -> pd.DataFrame:
    """:func:`riskcheck.check_trips` on one partition, with this worker's ruleset."""
    from ..batch import check_trips

    kwargs: dict[str, Any] = {}
    if person is not None:
        kwargs["person"] = person
    if place is not None:
        kwargs["place"] = place
    out: pd.DataFrame = check_trips(df, date=date, end=end, ruleset=ruleset(data), **kwargs)
    return out


def group_partition(df: pd.DataFrame, columns: list[str], data: str | None) -> pd.DataFrame:
    """Fused trips (:func:`riskcheck.group_trips`) of a partition holding whole (person_id, country) groups.

    Reports are fused in the order the local engine reads them (``_shard``, ``_row``).
    """
    from .. import group_trips

    df = df.sort_values(["_shard", "_row"], kind="stable")
    records = df.drop(columns=["_shard", "_row"]).astype(str).to_dict("records")
    rows = [t.to_row() for t in group_trips(records, ruleset=ruleset(data))] if records else []
    return pd.DataFrame([{c: str(r.get(c, "")) for c in columns} for r in rows], columns=columns, dtype=object)
