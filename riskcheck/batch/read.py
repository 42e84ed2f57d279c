"""Reading a batch input: bytes in any encoding -> blocks of rows as columns of text, nothing lost.

The input is read in blocks of about :data:`BLOCK_BYTES` (bounded read-ahead), each cut after the last
complete row (a newline outside quotes). Rows are located with a few vectorised byte scans; a block whose
rows all have the header's number of fields is parsed by polars. A block with a ragged row (too many or
too few fields) is parsed by the ``csv`` module instead, and each such row is kept: cells beyond the
header's width are named in the row's issue, missing ones read as empty. Input whose quotes are not
RFC 4180 (a quote inside an unquoted cell) is read by the ``csv`` module from there on. Blank lines are
not rows. Every cell is text, exactly as written (``NA``, ``0012``, spaces).
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator
from itertools import chain
from pathlib import Path
from typing import Any, BinaryIO, Protocol

import numpy as np
import polars as pl

from ..errors import InputError

__all__ = ["BLOCK_BYTES", "Block", "Source", "delimiter_for", "input_options", "read_table"]

#: bytes read ahead per block
BLOCK_BYTES = 1 << 20  # (4 MB: ~5-15% less CPU, but ~80 MB more memory and 10M rows +10.6% over 1M)
#: rows per block on the ``csv`` module's path
SLOW_ROWS = 50_000

_NL, _CR, _QUOTE = 10, 13, 34


class Readable(Protocol):
    """A byte stream (a file opened in binary mode, :class:`Source`...)."""

    def read(self, size: int = ..., /) -> bytes: ...


class Block:
    """Rows as a polars DataFrame of text (one column per header column, ``c0``, ``c1``...), and per row why
    it is ragged ("" if not; ``issues`` is None when no row is)."""

    def __init__(self, frame: pl.DataFrame, issues: list[str] | None = None) -> None:
        self.frame, self.issues = frame, issues
        self._lists: dict[int, list[str]] = {}

    def __len__(self) -> int:
        return self.frame.height

    def column(self, i: int) -> list[str]:
        """Column ``i`` as a list of str."""
        c = self._lists.get(i)
        if c is None:
            c = self._lists[i] = self.frame.to_series(i).to_list()
        return c

    @property
    def columns(self) -> list[list[str]]:
        """Every column as a list of str."""
        return [self.column(i) for i in range(self.frame.width)]

    def slice(self, a: int, b: int) -> Block:
        """Rows ``a`` to ``b`` (exclusive)."""
        return Block(self.frame.slice(a, b - a), None if self.issues is None else self.issues[a:b])


def _frame(columns: list[list[str]], width: int) -> pl.DataFrame:
    return pl.DataFrame({f"c{i}": c for i, c in enumerate(columns)}, schema={f"c{i}": pl.String for i in range(width)})


def delimiter_for(path: str | None, delimiter: str | None) -> str:
    """The field delimiter: given (``\\t`` or ``tab`` for a tab), else by extension (``.tsv``/``.tab``), else comma."""
    if delimiter:
        d = {"\\t": "\t", "tab": "\t", "TAB": "\t"}.get(delimiter, delimiter)
        if len(d) != 1:
            raise InputError(f"--delimiter must be one character, not {delimiter!r}")
        return d
    if path and path != "-" and Path(path).suffix.lower() in (".tsv", ".tab"):
        return "\t"
    return ","


def input_options(source: str | None, delimiter: str | None, encoding: str) -> str:
    """Check ``--encoding`` and ``--delimiter`` for the input ``source`` (a path, ``-`` or None): the field
    delimiter to use (see :func:`delimiter_for`). Raises :class:`InputError` naming a bad option. (The one
    setup shared by the local and the Dask batch runs.)"""
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}") from None
    return delimiter_for(source, delimiter)


class Source(io.RawIOBase):
    """A binary stream of UTF-8 from raw bytes in ``encoding``; names the line of bad bytes.

    UTF-8 input passes through unchanged after validation (a leading BOM is dropped); other encodings are
    re-encoded. ``bytes_in`` counts the raw bytes consumed (for progress).
    """

    def __init__(self, raw: BinaryIO, encoding: str, name: str, block: int = 1 << 20) -> None:
        super().__init__()
        self.raw, self.name, self.block = raw, name, block
        info = codecs.lookup(encoding)
        self.source_encoding = encoding
        self.utf8 = info.name in ("utf-8", "utf-8-sig")
        self.decoder = codecs.getincrementaldecoder("utf-8" if self.utf8 else info.name)("strict")
        self.buf = b""
        self.pos = 0
        self.eof = False
        self.first = True
        self.lines = 0
        self.bytes_in = 0

    def readable(self) -> bool:
        return True

    def _fail(self, data: bytes, exc: UnicodeDecodeError, text_before: str | None = None) -> None:
        if self.utf8:
            line = self.lines + data[: exc.start].count(b"\n") + 1
        else:
            line = self.lines + (text_before or "").count("\n") + 1
        raise InputError(f"{self.name}: line {line}: bytes that are not valid {self.source_encoding} "
                         f"({exc.reason}); give the file's encoding with --encoding") from None

    def _fill(self) -> None:
        block = self.raw.read(self.block)
        if not block:
            self.eof = True
            pending = self.decoder.getstate()[0]
            try:
                tail = self.decoder.decode(b"", final=True)
            except UnicodeDecodeError as exc:
                self._fail(pending, exc)
            self.buf = b"" if self.utf8 else tail.encode("utf-8")
            self.pos = 0
            return
        self.bytes_in += len(block)
        if self.first:
            self.first = False
            if self.utf8 and block.startswith(codecs.BOM_UTF8):
                block = block[3:]
        pending = self.decoder.getstate()[0]
        try:
            text = self.decoder.decode(block)
        except UnicodeDecodeError as exc:
            data = pending + block
            before = None if self.utf8 else codecs.decode(data[: exc.start], self.source_encoding, "replace")
            self._fail(data, exc, before)
        if self.utf8:
            self.lines += block.count(b"\n")
            self.buf = block
        else:
            self.lines += text.count("\n")
            self.buf = text.encode("utf-8")
        self.pos = 0

    def read(self, size: int | None = -1) -> bytes:
        if size is None or size < 0:
            parts: list[bytes] = []
            while True:
                b = self.read(1 << 22)
                if not b:
                    return b"".join(parts)
                parts.append(b)
        parts = []
        want = size
        while want > 0:
            while self.pos >= len(self.buf) and not self.eof:
                self._fill()
            out = self.buf[self.pos: self.pos + want]
            if not out:
                break
            self.pos += len(out)
            want -= len(out)
            parts.append(out)
        return parts[0] if len(parts) == 1 else b"".join(parts)

    def readinto(self, b: Any) -> int:
        data = self.read(len(b))
        b[: len(data)] = data
        return len(data)


def _ragged(line: int, n: int, width: int, extra: list[str]) -> str:
    if n > width:
        return (f"line {line}: {n} fields, but the header has {width}; the cells beyond the header "
                f"({', '.join(repr(c) for c in extra)}) are in no column")
    return f"line {line}: {n} fields, but the header has {width}; the missing cells read as empty"


class _Reader:
    def __init__(self, src: Readable, sep: str, name: str, block_bytes: int, sniff: bool) -> None:
        self.src, self.sep, self.name, self.block_bytes, self.sniff = src, sep, name, block_bytes, sniff
        sb = sep.encode("utf-8")
        self.sepb = sb[0] if len(sb) == 1 and sb[0] not in (_NL, _CR, _QUOTE) else -1
        self.rest = b""
        self.eof = False
        self.lines = 0  # physical lines before the current piece
        self.width = 0
        self.header: list[str] | None = None

    # ---- pieces of complete rows ----

    def _piece(self) -> tuple[bytes, np.ndarray, np.ndarray, np.ndarray] | None:
        """The next run of complete rows (ending with a newline), with its newline and quote positions."""
        while True:
            data = self.rest
            if not self.eof:
                more = self.src.read(self.block_bytes)
                if more:
                    data = data + more if data else more
                else:
                    self.eof = True
            if not data:
                return None
            if self.eof and not data.endswith(b"\n"):
                data += b"\n"
            arr = np.frombuffer(data, dtype=np.uint8)
            nl = np.flatnonzero(arr == _NL)
            qp = np.flatnonzero(arr == _QUOTE)
            rows_nl = nl[np.searchsorted(qp, nl) % 2 == 0] if qp.size else nl
            if rows_nl.size == 0 or (self.eof and rows_nl[-1] != len(data) - 1):
                if self.eof:
                    line = self.lines + 1 + (int(np.searchsorted(nl, rows_nl[-1], side="right")) if rows_nl.size
                                             else 0)
                    raise InputError(f"{self.name}: line {line}: a quoted cell is never closed (a \" is missing)")
                self.rest = data  # a row longer than a block: read on
                continue
            cut = int(rows_nl[-1]) + 1
            self.rest = data[cut:]
            if cut < len(data):
                data, arr = data[:cut], arr[:cut]
                nl, qp = nl[nl < cut], qp[qp < cut]
            return data, arr, nl, qp

    def blocks(self) -> Iterator[Block]:
        """Every row after the header, as blocks."""
        while True:
            got = self._piece()
            if got is None:
                return
            data, arr, nl, qp = got
            if self.sepb < 0 or (qp.size and not _well_quoted(arr, qp, self.sepb)):
                yield from self._slow(data)
                return
            block = self._fast(data, arr, nl, qp)
            self.lines += len(nl)
            if block is not None and len(block):
                yield block

    def _fast(self, data: bytes, arr: np.ndarray, nl: np.ndarray, qp: np.ndarray) -> Block | None:
        rows_nl = nl[np.searchsorted(qp, nl) % 2 == 0] if qp.size else nl
        sp = np.flatnonzero(arr == self.sepb)
        if qp.size:
            sp = sp[np.searchsorted(qp, sp) % 2 == 0]
        starts = np.empty(len(rows_nl), dtype=np.int64)
        starts[0] = 0
        starts[1:] = rows_nl[:-1] + 1
        length = rows_nl - starts
        blank = (length == 0) | ((length == 1) & (arr[np.minimum(starts, len(arr) - 1)] == _CR))
        fields = np.searchsorted(sp, rows_nl) - np.searchsorted(sp, starts) + 1
        keep = np.flatnonzero(~blank)
        if keep.size == 0:
            return None
        if self.header is None:  # the first non-blank row is the header
            h = int(keep[0])
            header = _parse_rows(data[starts[h]: rows_nl[h] + 1].decode("utf-8"), self.sep)[0]
            if self.sniff and len(header) == 1:  # one column: a file delimited by ; or tab?
                self.sniff = False
                for cand in (";", "\t"):
                    if cand in header[0]:
                        self.sep, self.sepb = cand, ord(cand)
                        return self._fast(data, arr, nl, qp)
            self.header, self.width = header, len(header)
            keep = keep[1:]
            if keep.size == 0:
                return None
        if np.any(fields[keep] != self.width):
            text = data[starts[keep[0]]:].decode("utf-8")
            lines = self.lines + np.searchsorted(nl, starts[keep], side="left") + 1
            return self._python_block(text, [int(x) for x in lines])
        if keep.size != len(rows_nl):  # drop blank lines before handing the rows to polars
            segs = [data[starts[i]: rows_nl[i] + 1] for i in keep.tolist()]
            body = b"".join(segs)
        else:
            body = data
        return Block(_polars_frame(body, self.sep, self.width, len(keep)))

    def _python_block(self, text: str, lines: list[int]) -> Block:
        """Rows with ragged ones (``lines``: the line each non-blank row starts on), by the csv module."""
        rows = _parse_rows(text, self.sep)
        if len(rows) != len(lines):  # pragma: no cover - defensive: the scan and the csv module disagree
            raise InputError(f"{self.name}: line {lines[0] if lines else self.lines + 1}: cannot split into rows")
        return self._columns(rows, lines)

    def _columns(self, rows: list[list[str]], lines: list[int]) -> Block:
        w = self.width
        issues: list[str] = []
        ragged = False
        fixed: list[list[str]] = []
        for r, line in zip(rows, lines, strict=True):
            if len(r) == w:
                fixed.append(r)
                issues.append("")
                continue
            ragged = True
            issues.append(_ragged(line, len(r), w, r[w:]))
            fixed.append(r[:w] if len(r) > w else r + [""] * (w - len(r)))
        cols = [list(c) for c in zip(*fixed, strict=True)] if fixed else [[] for _ in range(w)]
        return Block(_frame(cols, w), issues if ragged else None)

    def _slow(self, data: bytes) -> Iterator[Block]:
        """Everything from ``data`` on, by the csv module (quotes that are not RFC 4180)."""
        stream = io.TextIOWrapper(io.BufferedReader(_Chain(data + self.rest, self.src)), encoding="utf-8",
                                  newline="")
        reader = csv.reader(stream, delimiter=self.sep)
        rows: list[list[str]] = []
        lines: list[int] = []
        base = self.lines
        while True:
            before = reader.line_num
            try:
                row = next(reader, None)
            except csv.Error as exc:
                raise InputError(f"{self.name}: line {base + reader.line_num}: cannot parse as CSV: {exc}") from None
            if row is None:
                break
            if not row:
                continue
            if self.header is None:
                self.header, self.width = row, len(row)
                continue
            rows.append(row)
            lines.append(base + before + 1)
            if len(rows) >= SLOW_ROWS:
                yield self._columns(rows, lines)
                rows, lines = [], []
        if rows:
            yield self._columns(rows, lines)


class _Chain(io.RawIOBase):
    def __init__(self, first: bytes, rest: Readable) -> None:
        super().__init__()
        self.first, self.rest = first, rest

    def readable(self) -> bool:
        return True

    def readinto(self, b: Any) -> int:
        if self.first:
            n = min(len(b), len(self.first))
            b[:n] = self.first[:n]
            self.first = self.first[n:]
            return n
        data = self.rest.read(len(b))
        b[: len(data)] = data
        return len(data)


def _well_quoted(arr: np.ndarray, qp: np.ndarray, sepb: int) -> bool:
    """Whether every quote opens or closes a quoted cell (RFC 4180), so that quote parity finds the rows."""
    opens, closes = qp[0::2], qp[1::2]
    bounds = np.array([sepb, _NL, _CR, _QUOTE], dtype=np.uint8)
    prev = arr[opens[opens > 0] - 1]
    if not np.isin(prev, bounds).all():
        return False
    nxt = arr[np.minimum(closes + 1, len(arr) - 1)]
    return bool(np.isin(nxt, bounds).all())


def _parse_rows(text: str, sep: str) -> list[list[str]]:
    return [r for r in csv.reader(io.StringIO(text, newline=""), delimiter=sep) if r]


def _polars_frame(body: bytes, sep: str, width: int, n: int) -> pl.DataFrame:
    schema = {f"c{i}": pl.String for i in range(width)}
    df = pl.read_csv(body, has_header=False, separator=sep, schema=schema, empty_string_is_null=False,
                     infer_schema=False, quote_char='"', raise_if_empty=False)
    if df.height != n:  # pragma: no cover - defensive: polars and the scan disagree on the rows
        rows = _parse_rows(body.decode("utf-8"), sep)
        return _frame([list(c) for c in zip(*rows, strict=True)], width)
    return df


def read_table(src: Readable, sep: str, name: str, block_bytes: int = BLOCK_BYTES, *,
               sniff: bool = False) -> tuple[list[str], str, Iterator[Block]]:
    """The header, the delimiter and an iterator over the following rows in blocks (``src``: UTF-8 bytes).

    With ``sniff``, a header that is one cell holding ``;`` or a tab makes that the delimiter.
    """
    reader = _Reader(src, sep, name, block_bytes, sniff)
    blocks = reader.blocks()
    first = next(blocks, None)
    if reader.header is None:
        raise InputError(f"{name}: empty file: no header row")
    return reader.header, reader.sep, chain([first] if first is not None else [], blocks)
