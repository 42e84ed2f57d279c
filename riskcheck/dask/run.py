"""Driving a run on a Dask cluster: inputs, the client, atomic output datasets, news and batch runs."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import uuid
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import fsspec

from ..errors import InputError
from .worker import RUNNING, RiskcheckPlugin, Shard, check_partition, group_partition, news_shard

if TYPE_CHECKING:  # pragma: no cover
    import dask.dataframe as dd
    from distributed import Client
    from fsspec import AbstractFileSystem

    from ..ruleset import Ruleset

__all__ = ["BatchRun", "NewsRun", "check_trips", "dask_client", "expand_inputs", "run_batch", "run_news"]

#: the file that marks a folder as a riskcheck output dataset (and records what the run did)
MANIFEST = "_riskcheck.json"
PARQUET_EXT = (".parquet", ".pq", ".parq")
#: where a grouped run keeps the reports with their reading order until the trips are written
GROUP_INPUT = "_group_input"
_GLOB = set("*?[")


# --------------------------------------------------------------------------------------------------
# Client


@contextlib.contextmanager
def dask_client(scheduler: str | None = None, workers: int | None = None,
                data: str | None = None) -> Iterator[Client]:
    """A client of the cluster at ``scheduler``, or of a new local cluster of ``workers`` processes.

    Every worker (and any replacement of a worker that died) loads the ruleset of the data folder
    ``data`` (None: the bundled data) once, when it starts.
    """
    from distributed import Client, LocalCluster

    if scheduler:
        client = Client(scheduler)
        cluster = None
    else:
        cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                               dashboard_address=":0", silence_logs=logging.CRITICAL)
        client = Client(cluster)
    try:
        client.register_plugin(RiskcheckPlugin(data))
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _data_path(rs: Ruleset | str | Path | None) -> str | None:
    """A data folder as workers can find it (absolute), or None for the bundled data."""
    if rs is None:
        return None
    from ..ruleset import Ruleset, default_data_dir

    path = rs.path if isinstance(rs, Ruleset) else Path(rs).expanduser().resolve()
    return None if Path(path).resolve() == default_data_dir().resolve() else str(path)


# --------------------------------------------------------------------------------------------------
# Inputs


def expand_inputs(inputs: Sequence[str]) -> list[tuple[str, AbstractFileSystem]]:
    """Files named by ``inputs`` (paths, folders read recursively, globs, fsspec URLs), in order.

    Raises :class:`InputError` for an input that matches nothing. Local paths keep the spelling given
    (so that source names match the local engine's).
    """
    found: list[tuple[str, AbstractFileSystem]] = []
    for spec in inputs:
        if spec == "-":
            raise InputError("--engine dask reads files, not stdin (-)")
        fs, root = fsspec.core.url_to_fs(spec)
        local = "file" in (fs.protocol if isinstance(fs.protocol, tuple) else (fs.protocol,))

        def name(p: str, fs: AbstractFileSystem = fs, plain: bool = local and "://" not in spec) -> str:
            return p if plain else str(fs.unstrip_protocol(p))

        if any(ch in spec for ch in _GLOB):
            paths = sorted(p for p in fs.glob(root) if fs.isfile(p))
            if not paths:
                raise InputError(f"{spec}: no file matches")
            found.extend((name(p), fs) for p in paths)
        elif fs.isdir(root):
            files = sorted(fs.find(root))
            prefix = root.rstrip("/") + "/"
            kept = [p for p in files if not any(part.startswith(".") for part in p[len(prefix):].split("/"))]
            if local:
                base = spec.rstrip("/").rstrip(os.sep)
                found.extend((os.path.join(base, *p[len(prefix):].split("/")), fs) for p in kept)
            else:
                found.extend((name(p), fs) for p in kept)
        elif fs.isfile(root):
            found.append((spec, fs))
        else:
            raise InputError(f"{spec}: no such file or folder")
    return found


def _shards(files: list[tuple[str, AbstractFileSystem]]) -> list[Shard]:
    import pyarrow.parquet as pq

    shards: list[Shard] = []
    for url, _fs in files:
        if url.lower().endswith(PARQUET_EXT):
            try:
                with fsspec.open(url, "rb") as f:
                    meta = pq.ParquetFile(f).metadata
            except (OSError, ValueError) as exc:
                raise InputError(f"{url}: not a readable Parquet file ({exc})") from None
            first = 0
            for g in range(meta.num_row_groups):
                shards.append(Shard(len(shards), url, "parquet", g, first))
                first += meta.row_group(g).num_rows
        else:
            shards.append(Shard(len(shards), url, "jsonl"))
    return shards


# --------------------------------------------------------------------------------------------------
# Atomic output folders


class _Target:
    """An output folder written as a whole: into a temporary sibling, renamed into place on success.

    A failed run removes the temporary folder and leaves any previous output as it was. An existing
    folder is replaced only if it is empty or a previous riskcheck output (it holds :data:`MANIFEST`).
    """

    def __init__(self, out: str) -> None:
        self.out = out
        self.fs, root = fsspec.core.url_to_fs(out)
        self.root = root.rstrip("/")
        if self.fs.exists(self.root):
            if not self.fs.isdir(self.root):
                raise InputError(f"{out}: exists and is not a folder (--engine dask writes a dataset folder)")
            entries = self.fs.ls(self.root, detail=False)
            if entries and not self.fs.exists(f"{self.root}/{MANIFEST}"):
                raise InputError(f"{out}: a folder that is not riskcheck output; refusing to replace it")
        parent, _, base = self.root.rpartition("/")
        tag = uuid.uuid4().hex[:12]
        self.tmp = f"{parent}/.{base}.riskcheck-tmp-{tag}"
        self.old = f"{parent}/.{base}.riskcheck-old-{tag}"
        self.fs.makedirs(self.tmp, exist_ok=False)
        self.fs.pipe_file(f"{self.tmp}/{RUNNING}", b"")

    def url(self, sub: str = "") -> str:
        """The temporary folder (or a subfolder), as a URL workers can write to."""
        path = f"{self.tmp}/{sub}" if sub else self.tmp
        return path if self._local() else str(self.fs.unstrip_protocol(path))

    def _local(self) -> bool:
        protocol = self.fs.protocol
        return "file" in (protocol if isinstance(protocol, tuple) else (protocol,))

    def commit(self, manifest: dict[str, Any]) -> None:
        self.fs.rm(f"{self.tmp}/{RUNNING}")
        with self.fs.open(f"{self.tmp}/{MANIFEST}", "w") as f:
            f.write(json.dumps(manifest, indent=1, sort_keys=True) + "\n")
        if self._local():
            had_old = os.path.exists(self.root)
            if had_old:
                os.replace(self.root, self.old)
            os.replace(self.tmp, self.root)
            if had_old:
                self.fs.rm(self.old, recursive=True)
            return
        # object stores have no atomic folder rename: copy, then drop the old and temporary folders
        if self.fs.exists(self.root):
            self.fs.mv(self.root, self.old, recursive=True)
        self.fs.mv(self.tmp, self.root, recursive=True)
        if self.fs.exists(self.old):
            self.fs.rm(self.old, recursive=True)

    def abort(self) -> None:
        with contextlib.suppress(OSError, FileNotFoundError):
            self.fs.rm(self.tmp, recursive=True)


@contextlib.contextmanager
def _target(out: str) -> Iterator[_Target]:
    t = _Target(out)
    try:
        yield t
    except BaseException:
        t.abort()
        raise


# --------------------------------------------------------------------------------------------------
# News


@dataclass
class NewsRun:
    """What a news run did."""

    articles: int = 0
    skipped: int = 0
    trips: int = 0
    shards: int = 0
    grouped: int | None = None
    skipped_named: list[tuple[str, str]] = field(default_factory=list)
    by_status: Counter[str] = field(default_factory=Counter)
    by_obligation: Counter[str] = field(default_factory=Counter)


def _news_columns() -> list[str]:
    from ..cli_news import COLUMNS

    return list(COLUMNS)


def _trip_columns(data: str | None) -> list[str]:
    """The grouped-trip columns, in :func:`riskcheck.group_trips`'s row order (asked of one sample trip)."""
    from .. import group_trips
    from ..cli_news import report_rows
    from ..news import extract_trips
    from .worker import ruleset

    rs = ruleset(data)
    trips = extract_trips("Vladimir Putin will visit China in October 2024.", "2024-07-25", ruleset=rs)
    rows = report_rows("sample", "2024-07-25", trips, rs)
    return list(group_trips(rows)[0].to_row())


def group_available() -> bool:
    """Whether this riskcheck has :func:`riskcheck.group_trips` (the trips issue)."""
    try:
        from .. import group_trips  # noqa: F401
    except (ImportError, AttributeError):
        return False
    return True


def run_news(client: Client, inputs: Sequence[str], out: str, *, data: str | None = None,
             published: str | None = None, text_col: str = "text", warrant_only: bool = False,
             group: bool = False) -> NewsRun:
    """Extract the trips of every article in ``inputs`` on the cluster; write the dataset folder ``out``.

    ``out/reports/`` is a Parquet dataset of reports (the ``riskcheck news`` columns, all text),
    partitioned by publication year (``year=2023``, ``year=unknown``); with ``group``, ``out/trips/``
    holds the fused trips. ``out/_riskcheck.json`` records the run. The folder appears complete or
    not at all.
    """
    from distributed import as_completed

    shards = _shards(expand_inputs(inputs))
    if group and not group_available():
        raise InputError("--group trips needs riskcheck.group_trips, which this version does not have")
    columns = _news_columns()
    summary = NewsRun(shards=len(shards))
    with _target(out) as target:
        reports = target.url("reports")
        keep = target.url(GROUP_INPUT) if group else None
        keys = [f"riskcheck-news-{target.tmp.rpartition('-')[2]}-{s.index}" for s in shards]
        futures = client.map(news_shard, shards, out=reports, columns=columns, data=data, override=published,
                             text_col=text_col, warrant_only=warrant_only, keep=keep, key=keys)
        named: dict[int, list[tuple[str, str]]] = {}
        try:
            for fut in as_completed(futures):
                row = fut.result().iloc[0]
                detail = json.loads(row["detail"])
                summary.articles += int(row["articles"])
                summary.trips += int(row["trips"])
                summary.skipped += int(row["skipped"])
                summary.by_status.update(detail["status"])
                summary.by_obligation.update(detail["obligation"])
                named[int(row["shard"])] = [(str(a), str(b)) for a, b in detail["skipped"]]
                fut.release()
        except BaseException:
            client.cancel(futures)
            _drain(client, set(keys))
            raise
        summary.skipped_named = [x for k in sorted(named) for x in named[k]][:20]
        if summary.trips == 0:
            _empty_dataset(target, "reports", columns)
        if group:
            summary.grouped = _group(client, target, columns, data) if summary.trips else 0
            target.fs.rm(f"{target.tmp}/{GROUP_INPUT}", recursive=True)
            if not summary.grouped:
                _empty_dataset(target, "trips", _trip_columns(data))
        target.commit({"kind": "news", "inputs": list(inputs), "shards": summary.shards,
                       "articles": summary.articles, "skipped": summary.skipped, "reports": summary.trips,
                       "trips": summary.grouped, "columns": columns, "partitioned_by": "year",
                       "riskcheck": _version()})
    return summary


def _drain(client: Client, keys: set[str], timeout: float = 60.0) -> None:
    """Wait until no task among ``keys`` still runs (a cancelled task runs on to its end and writes)."""
    import time

    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            busy = {str(k) for ks in client.processing().values() for k in ks}
        except Exception:  # the cluster is gone: nothing runs any more
            return
        if not busy & keys:
            return
        time.sleep(0.2)


def _empty_dataset(target: _Target, sub: str, columns: list[str]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    target.fs.makedirs(f"{target.tmp}/{sub}", exist_ok=True)
    with target.fs.open(f"{target.tmp}/{sub}/part-000000.parquet", "wb") as f:
        pq.write_table(pa.table({c: pa.array([], pa.string()) for c in columns}), f)


def _group(client: Client, target: _Target, columns: list[str], data: str | None) -> int:
    """Fuse the reports into trips: shuffle so each (person_id, country) lands whole in one partition."""
    import dask.dataframe as dd
    import pandas as pd

    trip_columns = _trip_columns(data)
    reports = dd.read_parquet(target.url(GROUP_INPUT), dtype_backend=None)
    reports = reports.astype({c: object for c in columns})
    shuffled = reports.shuffle(on=["person_id", "country"], npartitions=max(1, reports.npartitions))
    meta = pd.DataFrame({c: pd.Series([], dtype=object) for c in trip_columns})
    trips = shuffled.map_partitions(group_partition, trip_columns, data, meta=meta)
    trips.to_parquet(target.url("trips"), write_index=False, schema=_text_schema(trip_columns))
    import pyarrow.dataset as ds

    n: int = ds.dataset(f"{target.tmp}/trips", filesystem=target.fs, format="parquet").count_rows()
    return n


def _text_schema(columns: list[str]) -> Any:
    import pyarrow as pa

    return pa.schema([(c, pa.string()) for c in columns])


def _version() -> str:
    from .. import __version__

    return __version__


# --------------------------------------------------------------------------------------------------
# Batch


def check_trips(ddf: dd.DataFrame, person: str | None = None, place: str | None = None,
                date: str | None = "date", end: str | None = None,
                ruleset: Ruleset | str | Path | None = None) -> dd.DataFrame:
    """:func:`riskcheck.check_trips` on every partition of a Dask DataFrame: the batch columns appended.

    Arguments as for :func:`riskcheck.check_trips` (``ruleset`` is a data folder or a loaded ruleset;
    workers load it once each, from its path). Lazy: nothing runs until the result is computed or
    written. Raises :class:`InputError` at once when a named column is missing.
    """
    data = _data_path(ruleset)
    meta = check_partition(ddf._meta, person, place, date, end, data)
    result: dd.DataFrame = ddf.map_partitions(check_partition, person, place, date, end, data, meta=meta,
                                              enforce_metadata=False)
    return result


@dataclass
class BatchRun:
    """What a batch run did."""

    rows: int = 0
    by_obligation: dict[str, int] = field(default_factory=dict)


def read_table(inputs: Sequence[str], *, delimiter: str | None = None, encoding: str = "utf-8",
               blocksize: str = "16MiB") -> dd.DataFrame:
    """The trip tables ``inputs`` (CSV/TSV or Parquet files, folders, globs, URLs) as one Dask DataFrame.

    Every CSV cell is read as text, as the local engine reads it.
    """
    import dask
    import dask.dataframe as dd

    files = [u for u, _fs in expand_inputs(inputs)]
    parquet = [u.lower().endswith(PARQUET_EXT) for u in files]
    with dask.config.set({"dataframe.convert-string": False}):
        if all(parquet):
            frame: dd.DataFrame = dd.read_parquet(files, dtype_backend=None)
            return frame
        if any(parquet):
            raise InputError("--engine dask: give CSV files or Parquet files, not both in one run")
        from ..batch.read import input_options

        sep = input_options(files[0], delimiter, encoding)
        try:
            table: dd.DataFrame = dd.read_csv(files, sep=sep, dtype=object, keep_default_na=False,
                                              na_filter=False, encoding=encoding, blocksize=blocksize)
        except (ValueError, OSError, UnicodeDecodeError) as exc:
            raise InputError(f"{files[0]}: cannot read as CSV: {exc}") from None
        return table


def run_batch(client: Client, inputs: Sequence[str], out: str, *, data: str | None = None,
              person: str | None = None, place: str | None = None, date: str | None = None,
              end: str | None = None, delimiter: str | None = None, encoding: str = "utf-8") -> BatchRun:
    """Flag every row of the tables ``inputs`` on the cluster; write the Parquet dataset folder ``out``.

    Rows keep their order (``part.0.parquet``, ``part.1.parquet``, ...); the folder appears complete or
    not at all.
    """
    import dask
    import pandas as pd
    import pyarrow as pa

    table = read_table(inputs, delimiter=delimiter, encoding=encoding)
    kwargs: dict[str, Any] = {"person": person, "place": place, "end": end}
    if date is not None:
        kwargs["date"] = date
    result = check_trips(table, ruleset=data, **kwargs)
    added = list(result.columns)[len(table.columns):]
    obligation = next(c for c in added if c.startswith("obligation"))
    with _target(out) as target, dask.config.set({"dataframe.convert-string": False}):
        meta = result._meta
        schema = pa.schema([(str(c), pa.string() if pd.api.types.is_object_dtype(t) else
                             pa.Schema.from_pandas(meta[[c]], preserve_index=False).field(str(c)).type)
                            for c, t in meta.dtypes.items()])
        write = result.to_parquet(target.url(), write_index=False, compute=False, schema=schema)
        counts = result[obligation].value_counts()
        try:
            _done, by = client.compute([write, counts], sync=True)
        except (UnicodeDecodeError, ValueError) as exc:
            if isinstance(exc, InputError):
                raise
            raise InputError(f"cannot read the input: {exc}") from None
        summary = BatchRun(rows=int(by.sum()), by_obligation={str(k): int(v) for k, v in by.items()})
        target.commit({"kind": "batch", "inputs": list(inputs), "rows": summary.rows,
                       "obligation": summary.by_obligation, "columns": [str(c) for c in result.columns],
                       "riskcheck": _version()})
    return summary
