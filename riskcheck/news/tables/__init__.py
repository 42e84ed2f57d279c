"""Phrase tables for news extraction, kept as data (CSV with ``#`` comment lines)."""

from __future__ import annotations

import csv
import io
from functools import cache
from pathlib import Path

HERE = Path(__file__).resolve().parent


@cache
def load(name: str) -> tuple[dict[str, str], ...]:
    """Rows of ``tables/<name>.csv`` as dicts of stripped strings (comment lines skipped)."""
    text = (HERE / f"{name}.csv").read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    reader = csv.DictReader(io.StringIO("\n".join(lines)))
    return tuple({k.strip(): (v or "").strip() for k, v in row.items() if k} for row in reader)
