"""Writing batch output: CSV rows rendered by polars (input cells re-quoted and neutralised) followed by
the engine's pre-rendered added cells; names for JSON records."""

from __future__ import annotations

import csv
import io
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


_NEEDS_QUOTES = r'[,"\r\n]'  # as the csv module quotes with lineterminator "\r\n": minimal quoting
_FORMULA = r"^[=+\-@\t\r]"


def _csv_expr(name: str, formula: bool, quotes: bool) -> pl.Expr:
    """A text column as CSV cells: neutralised if ``formula``, quoted where needed if ``quotes`` (as the csv
    module does: minimal quoting)."""
    c = pl.col(name)
    if formula:
        c = pl.when(c.str.contains(_FORMULA)).then(pl.lit("'") + c).otherwise(c)
    if quotes:
        c = (pl.when(c.str.contains(_NEEDS_QUOTES))
             .then(pl.lit('"') + c.str.replace_all('"', '""', literal=True) + pl.lit('"')).otherwise(c))
    return c


class _CsvOut:
    """CSV output: input cells re-quoted (and neutralised unless raw) then the pre-rendered added cells."""

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

    def write(self, frame: pl.DataFrame, pieces: list[pl.Series]) -> None:
        """Rows of ``frame`` (text columns) each followed by the concatenated ``pieces`` (ending the line)."""
        # which columns need neutralising or quoting at all (both branches of a when/then are computed for
        # every row, so a column that needs neither is passed through)
        checks = [pl.col(n).str.contains(_NEEDS_QUOTES).any().alias(f"q{i}") for i, n in enumerate(frame.columns)]
        if not self.raw:
            checks += [pl.col(n).str.contains(_FORMULA).any().alias(f"f{i}") for i, n in enumerate(frame.columns)]
        need = frame.select(checks).row(0, named=True)
        cells = [_csv_expr(n, bool(need.get(f"f{i}")), bool(need[f"q{i}"])) for i, n in enumerate(frame.columns)]
        line = pl.concat_str([pl.concat_str(cells, separator=","), *[pl.lit(p) for p in pieces]]).alias("line")
        if self.binary is not None:  # UTF-8 bytes straight from polars (no str round trip, no re-encoding)
            self.stream.flush()
            frame.select(line).write_csv(self.binary, include_header=False, quote_style="never", line_terminator="")
            self.binary.flush()
        else:
            self.stream.write(frame.select(line.str.join("")).item())

    def close(self) -> None:
        pass
