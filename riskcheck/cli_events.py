"""``riskcheck events [--series S] [--year Y]``: list the known editions of recurring summits and forums."""

from __future__ import annotations

import click

from .cli import FORMAT_CHOICES, emit, fail, get_ruleset
from .errors import RiskcheckError

COLUMNS = ["series", "edition", "name", "country", "city", "start", "end", "mode", "confidence", "source", "note"]


@click.command("events")
@click.option("--series", "series_name", metavar="S", help="One series: id, name or alias (G20, SPIEF, COP...).")
@click.option("--year", type=int, metavar="Y", help="Only editions held (starting or ending) in this year.")
@click.option("--format", "fmt", type=FORMAT_CHOICES, default="table", show_default=True)
@click.option("-o", "--output", "out", metavar="PATH", help="Write to a file (atomically).")
def events_command(series_name: str | None, year: int | None, fmt: str, out: str | None) -> None:
    """Known editions of recurring summits and forums (data/events.csv), with host and dates."""
    from .events import editions, resolve_series

    rs = get_ruleset()
    try:
        sid = None
        if series_name:
            sid = resolve_series(series_name, ruleset=rs)
            if sid is None:
                fail(f"--series: unknown event series {series_name!r} (see `riskcheck events`)")
        eds = editions(sid, ruleset=rs)
    except RiskcheckError as exc:
        fail(str(exc))
        return
    if year is not None:
        eds = [e for e in eds if year in (e.start.year, e.end.year)]
    rows = [{"series": e.series, "edition": "" if e.number is None else str(e.number), "name": e.name,
             "country": e.country, "city": e.city, "start": e.start.isoformat(), "end": e.end.isoformat(),
             "mode": e.mode, "confidence": e.confidence, "source": e.sources[0] if e.sources else "",
             "note": e.note} for e in eds]
    emit(rows, COLUMNS, fmt, out)
