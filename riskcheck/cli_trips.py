"""``riskcheck trips --db FILE``: list the trips of a trip database, or one trip's reports in order."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from .cli import FORMAT_CHOICES, emit, fail, get_ruleset
from .errors import InputError

HISTORY_COLUMNS = ["published", "source", "status", "start", "end", "precision", "city", "mention", "evidence"]


@click.command("trips")
@click.option("--db", "db_path", required=True, metavar="FILE", help="The trip database (riskcheck news --db).")
@click.option("--person", metavar="P", help="A person's id or part of the name.")
@click.option("--country", metavar="C", help="Destination, ISO 3166-1 alpha-2 (or a country name).")
@click.option("--status", metavar="S[,S...]", help="planned, ongoing, completed, cancelled, virtual, invited, "
              "speculative (comma-separated).")
@click.option("--obligation", metavar="O[,O...]", help="yes, no, residual, unknown (comma-separated).")
@click.option("--upcoming", type=click.IntRange(min=0), metavar="DAYS",
              help="Only trips whose dates fall in the next DAYS days.")
@click.option("--since", metavar="DATE", help="Only trips reported on or after DATE (YYYY-MM-DD).")
@click.option("--history", "history", metavar="TRIP_ID", help="Every report of one trip, in order.")
@click.option("--format", "fmt", type=FORMAT_CHOICES, default="table", show_default=True)
@click.option("-o", "--output", "out", metavar="PATH", help="Write to a file (atomically).")
@click.option("--report", "report", metavar="PATH.html", help="Also write the HTML report of these trips.")
def trips_command(db_path: str, person: str | None, country: str | None, status: str | None,
                  obligation: str | None, upcoming: int | None, since: str | None, history: str | None,
                  fmt: str, out: str | None, report: str | None) -> None:
    """List the trips in a trip database, one row per trip with its current status and sources."""
    from .cli import parse_day_option
    from .group import GROUP_COLUMNS
    from .tripdb import TripDB

    if not Path(db_path).is_file():
        fail(f"{db_path}: no such trip database (create one with riskcheck news ... --db {db_path})")
    since_day = parse_day_option(since, "--since") if since else None
    code = _country_code(country) if country else None
    try:
        with TripDB(db_path) as db:
            if history:
                emit(db.history(history), HISTORY_COLUMNS, fmt, out)
                return
            found = db.trips(person=person, country=code, status=status, obligation=obligation,
                             since=since_day, upcoming=upcoming)
    except InputError as exc:
        fail(str(exc))
    rows: list[dict[str, Any]] = [dict(t.to_row(), history=t.history) for t in found]
    emit(rows, GROUP_COLUMNS, fmt, out)
    if report:
        _report(rows, report)


def _country_code(text: str) -> str:
    if len(text) == 2 and text.isalpha():
        return text.upper()
    from .places import resolve_place

    match = resolve_place(text, get_ruleset())
    if match.code is None:
        fail(f"--country: unknown country {text!r} (use an ISO 3166-1 alpha-2 code)")
    return str(match.code)


def _report(rows: list[dict[str, Any]], path: str) -> None:
    from .viz.report import write_report

    try:
        write_report(rows, path, {"trips": len(rows)})
    except (InputError, OSError) as exc:
        fail(f"cannot write report {path}: {exc}")
