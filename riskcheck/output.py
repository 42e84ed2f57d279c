"""Writing records: csv, jsonl, json or a terminal table; atomic files; CSV formula neutralisation."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, Any

from .errors import InputError

FORMATS = ("csv", "jsonl", "json", "table")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    """Prefix a cell a spreadsheet would run as a formula with ``'`` (OWASP CSV injection advice)."""
    if isinstance(value, str) and value and value[0] in _FORMULA_START:
        return "'" + value
    return value


def cell(value: Any) -> str:
    """A record value as one CSV/table cell (lists joined with ' ; ')."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return " ; ".join(str(v) for v in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


@contextlib.contextmanager
def atomic_output(path: str | os.PathLike[str] | None, *, newline: str = "") -> Iterator[IO[str]]:
    """Yield a text stream; for a path, write a temporary file beside it and rename it on success.

    A failed run leaves no partial file and never replaces a good one. ``None`` or ``-`` is stdout.
    """
    if path is None or str(path) == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        raise InputError(f"{target}: output folder {directory} does not exist")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline=newline) as f:
            yield f
        _umask_mode(tmp)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _umask_mode(path: str) -> None:
    """mkstemp creates 0600 files; give the result the mode a normal open() would (0666 less umask)."""
    mask = os.umask(0)
    os.umask(mask)
    os.chmod(path, 0o666 & ~mask)


class RecordWriter:
    """Stream records to an open text stream in one of :data:`FORMATS`.

    ``table`` and ``json`` buffer rows until :meth:`close`; ``csv`` and ``jsonl`` stream.
    """

    def __init__(self, stream: IO[str], columns: list[str], fmt: str = "csv", *, raw: bool = False) -> None:
        if fmt not in FORMATS:
            raise InputError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
        self.stream, self.columns, self.fmt, self.raw = stream, list(columns), fmt, raw
        self._rows: list[Mapping[str, Any]] = []
        self._csv = csv.writer(stream, lineterminator="\n")  # used only for ``csv``
        self._header_done = False
        self.count = 0

    def write(self, record: Mapping[str, Any]) -> None:
        self.count += 1
        if self.fmt == "csv":
            if not self._header_done:
                self._write_header()
            vals = [cell(record.get(c)) for c in self.columns]
            if not self.raw:
                vals = [neutralise(v) for v in vals]
            self._csv.writerow(vals)
        elif self.fmt == "jsonl":
            self.stream.write(json.dumps({c: record.get(c) for c in self.columns}, ensure_ascii=False, default=str))
            self.stream.write("\n")
        else:
            self._rows.append(record)

    def _write_header(self) -> None:
        """The CSV header row: its cells are neutralised like any other (a header can come from input)."""
        self._csv.writerow(self.columns if self.raw else [neutralise(c) for c in self.columns])
        self._header_done = True

    def write_many(self, records: Iterable[Mapping[str, Any]]) -> None:
        for r in records:
            self.write(r)

    def close(self) -> None:
        if self.fmt == "csv" and not self._header_done:
            self._write_header()
        elif self.fmt == "json":
            json.dump([{c: r.get(c) for c in self.columns} for r in self._rows], self.stream,
                      ensure_ascii=False, indent=2, default=str)
            self.stream.write("\n")
        elif self.fmt == "table":
            self.stream.write(render_table(self._rows, self.columns))


def terminal_width() -> int | None:
    """Columns of the terminal stdout writes to ($COLUMNS wins); None when it is not a terminal."""
    import shutil

    env = os.environ.get("COLUMNS", "")
    if env.isdigit() and int(env) > 0:
        return max(40, int(env))
    try:
        if sys.stdout.isatty():
            return max(40, shutil.get_terminal_size((100, 24)).columns)
    except (AttributeError, ValueError, OSError):  # pragma: no cover - closed or unusual stdout
        pass
    return None


def _stdout_is_terminal() -> bool:
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError, OSError):  # pragma: no cover - closed or unusual stdout
        return False


def render_table(rows: Sequence[Mapping[str, Any]], columns: list[str], width: int | None = None) -> str:
    """A plain aligned text table (no colours: safe to pipe), wrapped to ``width`` (default: the terminal's
    width; not wrapped when stdout is not a terminal).

    Nothing is cut: a cell wider than its column continues on the next lines of the same row.
    """
    import textwrap

    if width is None:  # a table piped to a file or a program stays one line per row, whatever $COLUMNS says
        width = (terminal_width() if _stdout_is_terminal() else None) or 10**6
    body = [[cell(r.get(c)).replace("\n", " ") for c in columns] for r in rows]
    widths = [max([len(c)] + [len(b[i]) for b in body]) for i, c in enumerate(columns)]
    floor = [max(len(c), 6) for c in columns]
    while sum(widths) + 2 * (len(widths) - 1) > width:
        i = max(range(len(widths)), key=lambda k: widths[k] - floor[k])
        if widths[i] <= floor[i]:
            break  # cannot shrink further: the table is wider than the screen
        widths[i] -= 1

    def lines_of(text: str, w: int) -> list[str]:
        if len(text) <= w:
            return [text]
        return textwrap.wrap(text, width=w, break_long_words=True, break_on_hyphens=False) or [""]

    buf = io.StringIO()
    buf.write("  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip() + "\n")
    buf.write("  ".join("-" * w for w in widths) + "\n")
    for b in body:
        cells = [lines_of(v, w) for v, w in zip(b, widths, strict=True)]
        for k in range(max(len(x) for x in cells)):
            buf.write("  ".join((x[k] if k < len(x) else "").ljust(w)
                                for x, w in zip(cells, widths, strict=True)).rstrip() + "\n")
    return buf.getvalue()


def write_records(records: Iterable[Mapping[str, Any]], columns: list[str], fmt: str = "csv",
                  out: str | os.PathLike[str] | None = None, *, raw: bool = False) -> int:
    """Write all ``records`` to ``out`` (path, ``-`` or None for stdout) atomically; return the count."""
    with atomic_output(out) as stream:
        w = RecordWriter(stream, columns, fmt, raw=raw)
        w.write_many(records)
        w.close()
        return w.count


# --------------------------------------------------------------------------------------------------
# Column-at-a-time helpers for large outputs (batch runs): same rules as the record writer above.


_FORMULA_SET = frozenset(_FORMULA_START)


def needs_neutralising(values: list[str], joined: str | None = None) -> bool:
    """Whether any cell of a column of strings starts like a formula (fast: one C-level scan).

    ``joined`` may give ``"\n".join(values)`` when the caller has it already.
    """
    if not values:
        return False
    text = "\n".join(values) if joined is None else joined
    # str's substring search runs at C speed; a regex alternation over the whole chunk does not
    return text[:1] in _FORMULA_SET or any(("\n" + c) in text for c in _FORMULA_START)


def neutralise_column(values: list[str], joined: str | None = None) -> list[str]:
    """:func:`neutralise` every cell of a column of strings; returns ``values`` itself when none needs it."""
    if not needs_neutralising(values, joined):
        return values
    return [("'" + v) if v[:1] in _FORMULA_SET and v else v for v in values]


class JsonArrayWriter:
    """Stream records as one JSON array (``json`` format) without holding them in memory.

    Same interface as :class:`RecordWriter`; the output parses to what ``RecordWriter(..., "json")`` writes.
    """

    def __init__(self, stream: IO[str], columns: list[str]) -> None:
        self.stream, self.columns = stream, list(columns)
        self.count = 0

    def write(self, record: Mapping[str, Any]) -> None:
        self.stream.write("[\n  " if self.count == 0 else ",\n  ")
        text = json.dumps({c: record.get(c) for c in self.columns}, ensure_ascii=False, indent=2, default=str)
        self.stream.write(text.replace("\n", "\n  "))
        self.count += 1

    def write_many(self, records: Iterable[Mapping[str, Any]]) -> None:
        for r in records:
            self.write(r)

    def close(self) -> None:
        self.stream.write("[]\n" if self.count == 0 else "\n]\n")
