"""Writing batch output: the input cells (neutralised unless raw) and the engine's added cells as one
polars DataFrame per block, written by polars' CSV writer (minimal quoting, as the ``csv`` module does);
names for JSON records."""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Sequence
from typing import IO

import polars as pl

from ..output import neutralise


def _unique_names(names: Sequence[str]) -> list[str]:
    """Distinct keys for JSON records (a repeated input header gets ``_2``, ``_3``...)."""
    seen: dict[str, int] = {}
    out = []
    for n in names:
        k = n
        while k in seen:
            seen[n] += 1
            k = f"{n}_{seen[n]}"
        seen.setdefault(k, 1)
        out.append(k)
    return out


_FORMULA = r"^[=+\-@\t\r]"


def _cell_expr(name: str, formula: bool, empty: bool) -> pl.Expr:
    """A text column as written: neutralised if ``formula``; empty cells as null (written as nothing, where
    polars would write ``""``) if ``empty``. Quoting is left to the writer."""
    c = pl.col(name)
    if formula:
        c = pl.when(c.str.contains(_FORMULA)).then(pl.lit("'") + c).otherwise(c)
    if empty:
        c = pl.when(pl.col(name) != "").then(c)
    return c.alias(name)


def _os_error(exc: OSError) -> OSError:
    """polars' I/O error as Python's own (polars gives ``OSError("Broken pipe (os error 32)")`` with no errno;
    ``riskcheck ... | head`` must see a :class:`BrokenPipeError`)."""
    got = re.search(r"\(os error (\d+)\)", str(exc))
    if exc.errno is not None or got is None:
        return exc
    code = int(got.group(1))
    return OSError(code, os.strerror(code))  # (the subclass for the code: BrokenPipeError for EPIPE...)


class _CsvOut:
    """CSV output: rows of input cells then added cells, quoted as the ``csv`` module does (minimal quoting:
    a cell holding ``,``, ``"``, CR or LF is quoted, its quotes doubled), lines ending in LF."""

    def __init__(self, stream: IO[str], header: list[str], added: list[str], raw: bool) -> None:
        self.stream, self.raw = stream, raw
        # the stream's byte buffer when it encodes UTF-8 (a file, stdout...): rows are written there
        encoding = str(getattr(stream, "encoding", "") or "").replace("_", "-").lower()
        buffer = getattr(stream, "buffer", None)
        self.binary: IO[bytes] | None = buffer if encoding in ("utf-8", "utf8") and buffer is not None else None
        cells = header + added
        if not raw:
            cells = [neutralise(c) for c in cells]
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\n").writerow(cells)
        stream.write(buf.getvalue())
        if self.binary is not None:
            stream.flush()

    def frame(self, frame: pl.DataFrame, added: list[pl.Series]) -> pl.DataFrame:
        """The rows to write: ``frame``'s text columns as written, then the ``added`` columns."""
        # which columns need neutralising or nulls at all (both branches of a when/then are computed for every
        # row, so a column that needs neither is passed through)
        checks = [(pl.col(n) == "").any().alias(f"e{i}") for i, n in enumerate(frame.columns)]
        if not self.raw:
            checks += [pl.col(n).str.contains(_FORMULA).any().alias(f"f{i}") for i, n in enumerate(frame.columns)]
        need = frame.select(checks).row(0, named=True) if frame.width else {}
        cells = [_cell_expr(n, bool(need.get(f"f{i}")), bool(need[f"e{i}"])) for i, n in enumerate(frame.columns)]
        return frame.select(cells).hstack([s.alias(f"a{i}") for i, s in enumerate(added)])

    def write(self, frame: pl.DataFrame, added: list[pl.Series]) -> None:
        """Rows of ``frame`` (text columns) each followed by the ``added`` cells (null: empty)."""
        out = self.frame(frame, added)
        if self.binary is not None:  # UTF-8 bytes straight from polars (no str round trip, no re-encoding)
            try:  # (the whole block in one batch: one call of the file's write, which needs the GIL)
                out.write_csv(self.binary, include_header=False, quote_style="necessary", null_value="",
                              line_terminator="\n", batch_size=max(1024, out.height))
            except OSError as exc:
                raise _os_error(exc) from None
        else:
            self.stream.write(out.write_csv(None, include_header=False, quote_style="necessary", null_value="",
                                            line_terminator="\n"))

    def close(self) -> None:
        if self.binary is not None:
            self.binary.flush()
