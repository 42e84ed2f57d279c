"""``riskcheck batch``: read -> resolve distinct values -> evaluate -> render -> write, block by block."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, BinaryIO

from ..errors import InputError
from ..output import FORMATS, JsonArrayWriter, RecordWriter, atomic_output
from ..ruleset import Ruleset, load_ruleset
from .columns import Columns, added_names, detect_columns
from .engine import _Engine
from .read import BLOCK_BYTES, Block, Source, input_options, read_table
from .threads import _Ahead, _Behind
from .write import _CsvOut, _unique_names

#: rows per chunk read from a file
CHUNK_ROWS = 100_000
#: blocks read ahead (by a thread) and blocks of rows waiting for the writer thread, at most
READ_AHEAD = 2


def _cache_limit() -> int:
    """The engine's cache limit: ``riskcheck.batch.CACHE_LIMIT`` (a package-level knob), read per run."""
    from .. import batch

    return int(batch.CACHE_LIMIT)


@dataclass
class BatchSummary:
    """What a batch run did: row counts by obligation, unresolved rows, rows answered for today."""

    rows: int = 0
    yes: int = 0
    no: int = 0
    residual: int = 0
    unknown: int = 0
    unresolved: int = 0
    today: int = 0
    columns: Columns | None = None
    header: tuple[str, ...] = ()
    added: tuple[str, ...] = ()
    #: the stale-data note (the data is old for the latest date asked, or for today), else ""
    stale: str = ""

    def add(self, counts: dict[str, int]) -> None:
        for k, v in counts.items():
            setattr(self, k, getattr(self, k) + v)

    def line(self) -> str:
        s = (f"{self.rows} rows read: {self.yes} yes, {self.residual} residual, {self.unknown} unknown "
             f"({self.unresolved} unresolved), {self.no} no")
        if self.today:
            s += f"; {self.today} without a date answered for today"
        return s


def run_batch(source: str | None, out: str | None = None, fmt: str = "csv", *,
              ruleset: Ruleset | None = None, raw: bool = False, delimiter: str | None = None,
              encoding: str = "utf-8", person_col: str | None = None, place_col: str | None = None,
              date_col: str | None = None, end_col: str | None = None, no_date: bool = False,
              chunk_rows: int = CHUNK_ROWS, block_bytes: int = BLOCK_BYTES, stdin: BinaryIO | None = None, progress: Callable[[int], None] | None = None) -> BatchSummary:
    """Flag every row of the CSV ``source`` (a path, or ``None``/``-`` for ``stdin``) and write it to ``out``.

    ``out`` is a path (written atomically: a failed run leaves no file and keeps a previous one) or
    ``None``/``-`` for stdout. Raises :class:`InputError` for unusable input, naming file and line.
    ``progress`` is called with the number of raw bytes read so far after each chunk.
    """
    import sys

    if fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    sep = input_options(source, delimiter, encoding)
    rs = ruleset or load_ruleset()
    from_stdin = source is None or source == "-"
    name = "stdin" if from_stdin else str(source)
    if from_stdin:
        raw_in: BinaryIO = stdin or sys.stdin.buffer
        close_in = False
    else:
        try:
            raw_in = open(str(source), "rb")  # noqa: SIM115
        except OSError as exc:
            raise InputError(f"{name}: cannot read: {exc.strerror or exc}") from None
        close_in = True
    try:
        src = Source(raw_in, encoding, name)
        header, sep, blocks = read_table(src, sep, name, block_bytes, sniff=delimiter is None and sep == ",")
        cols = detect_columns(header, person_col, place_col, date_col, end_col, source=name, no_date=no_date)
        added = added_names(header)
        summary = BatchSummary(columns=cols, header=tuple(header), added=tuple(added))
        engine = _Engine(rs, cache_limit=_cache_limit())
        with atomic_output(out) as stream, _Ahead(blocks, READ_AHEAD, "riskcheck-read") as ahead:
            names = header + added
            writer: Any
            if fmt == "csv":
                writer = _CsvOut(stream, header, added, raw)
            elif fmt == "json":
                writer = JsonArrayWriter(stream, _unique_names(names))
            else:
                writer = RecordWriter(stream, _unique_names(names), fmt, raw=raw)
            keys = _unique_names(names)
            behind = _Behind(writer.write, READ_AHEAD, "riskcheck-write") if fmt == "csv" else None

            def process(block: Block) -> None:
                if len(block) == 0:
                    return
                engine.trim()
                col = block.frame.to_series
                rows = engine.annotate(col(cols.person), col(cols.place),
                                       col(cols.date) if cols.date is not None else None,
                                       col(cols.end) if cols.end is not None else None)
                if block.issues is not None:
                    engine.flag(rows, block.issues)
                summary.add(engine.counts(rows))
                if behind is not None:
                    behind.put((block.frame, engine.added_series(rows, raw)))
                else:
                    data = block.columns
                    extra = [c.tolist() for c in engine.columns(rows)]
                    for values in zip(*data, *extra, strict=True):
                        writer.write(dict(zip(keys, values, strict=True)))
                if progress is not None:
                    progress(src.bytes_in)

            try:
                for block in ahead:
                    for i in range(0, len(block), chunk_rows):
                        if i == 0 and len(block) <= chunk_rows:
                            process(block)
                        else:
                            process(block.slice(i, i + chunk_rows))
            except BaseException:
                if behind is not None:
                    behind.abort()  # stop writing (the partial output is removed)
                raise
            if behind is not None:
                behind.close()  # waits for the rows queued; raises what the writer raised
            writer.close()
        from ..verdict import stale_note

        summary.stale = stale_note(rs, engine.latest or engine.today, engine.today)
        return summary
    finally:
        if close_in:
            raw_in.close()
