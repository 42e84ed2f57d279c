"""The `riskcheck` command line: a thin click layer over the library.

Exit codes: 0 answered (whatever the verdict); 1 with ``--fail-on-yes`` when a row is ``yes`` or when
``data validate`` finds problems; 2 unusable input or options (one line on stderr, never a traceback).
"""

from __future__ import annotations

import contextlib
import importlib
import sys
from collections.abc import Iterator
from datetime import date
from typing import Any

import click

from .cli_check import (
    closed_pipe,
    render_check,
    render_verdict,
    render_where,
    stale_warning,
    wrap,
)
from .errors import RiskcheckError

# (names the tests and earlier callers use)
_render_verdict, _render_where, _wrap = render_verdict, render_where, wrap

FORMAT_CHOICES = click.Choice(["table", "csv", "json", "jsonl"])

#: sub-commands defined in their own modules, imported only when used (keeps `check` fast)
LAZY_COMMANDS = {
    "batch": ("riskcheck.cli_batch", "batch_command", "Flag every row of a CSV of trips."),
    "news": ("riskcheck.cli_news", "news_command", "Extract trips from news text and flag them."),
    "map": ("riskcheck.cli_map", "map_command", "Draw a 'where can X travel' world map."),
    "events": ("riskcheck.cli_events", "events_command", "List known summits and forums (host, dates)."),
    "trips": ("riskcheck.cli_trips", "trips_command", "List the trips in a trip database (news --db)."),
    "watch": ("riskcheck.cli_watch", "watch_command", "Poll news feeds into a trip database; print changes."),
    "parties": ("riskcheck.cli_listings", "parties", "States Parties to the Rome Statute on a date."),
    "warrants": ("riskcheck.cli_listings", "warrants", "People subject to an outstanding ICC arrest warrant on a date."),
    "data": ("riskcheck.cli_listings", "data", "Inspect and validate the data folder."),
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(super().list_commands(ctx)) | set(LAZY_COMMANDS))

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in LAZY_COMMANDS:  # an import error here is a bug: main() reports it in one line
            module, attr, _ = LAZY_COMMANDS[name]
            cmd: click.Command = getattr(importlib.import_module(module), attr)
            return cmd
        return super().get_command(ctx, name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = []
        for name in self.list_commands(ctx):
            if name in LAZY_COMMANDS:
                rows.append((name, LAZY_COMMANDS[name][2]))
            else:
                cmd = super().get_command(ctx, name)
                if cmd is not None and not cmd.hidden:
                    rows.append((name, cmd.get_short_help_str(60)))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


def fail(message: str, code: int = 2) -> None:
    """Print one line to stderr and exit (no traceback)."""
    click.echo(f"riskcheck: {message}", err=True)
    sys.exit(code)


def get_ruleset(ctx: click.Context | None = None) -> Any:
    from .ruleset import load_ruleset

    ctx = ctx or click.get_current_context()
    path = (ctx.find_root().obj or {}).get("data")
    try:
        return load_ruleset(path)
    except RiskcheckError as exc:
        fail(str(exc))


def parse_day_option(value: str | None, option: str = "--date") -> date:
    """A listing's day: a day as given, or the last day of a month, year or range (as ``check`` reads them)."""
    from .dates import parse_date
    from .errors import DateError

    if not value:
        return date.today()
    try:
        span = parse_date(value, field=option)
    except DateError as exc:
        fail(str(exc))
        raise AssertionError from exc  # unreachable
    if span.precision != "day":
        click.echo(f"riskcheck: {option} {value}: listing as of {span.end}, the last day of {span}", err=True)
    return span.end


@contextlib.contextmanager
def writing(out: str | None) -> Iterator[None]:
    """Turn a failed write to ``out`` (or stdout) into one line on stderr and exit 2; a closed pipe is a
    normal end."""
    try:
        yield
    except RiskcheckError as exc:
        fail(str(exc))
    except BrokenPipeError:
        closed_pipe()
    except OSError as exc:
        fail(f"cannot write {out or 'to standard output'}: {exc.strerror}")


def emit(records: list[dict[str, Any]], columns: list[str], fmt: str, out: str | None = None) -> None:
    from .output import write_records

    with writing(out):
        write_records(records, columns, fmt, out)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--data", "data", type=click.Path(file_okay=False), envvar="RISKCHECK_DATA",
              help="Use this data folder instead of the bundled one.")
@click.version_option(package_name="riskcheck")
@click.pass_context
def cli(ctx: click.Context, data: str | None) -> None:
    """Is a state obliged to arrest this person for the ICC on that date? Dated, sourced answers."""
    ctx.ensure_object(dict)
    ctx.obj["data"] = data


# ------------------------------------------------------------------------------------------ check
@cli.command()
@click.argument("person")
@click.argument("place", required=False)
@click.option("--date", "when", metavar="DATE",
              help="A day, month (2023-10), year or range (2026-05-20..2026-06-10); default today.")
@click.option("--format", "fmt", type=FORMAT_CHOICES, default="table", show_default=True)
@click.option("-o", "--output", "out", metavar="PATH", help="Write to a file (atomically).")
def check(person: str, place: str | None, when: str | None, fmt: str, out: str | None) -> None:
    """Is the state at PLACE obliged to arrest PERSON on DATE? Without PLACE: every state's answer."""
    from .errors import DateError, ResolutionError
    from .verdict import check as check_one
    from .verdict import where

    rs = get_ruleset()
    try:
        verdicts = [check_one(person, place, when, rs)] if place else where(person, when, rs)
    except (ResolutionError, DateError) as exc:
        fail(str(exc))
    except RiskcheckError as exc:
        fail(str(exc))
    warning = stale_warning(rs, verdicts)  # said once on stderr (the verdicts' context says it too)
    if warning:
        click.echo(warning, err=True)
    # (riskcheck/cli_check.py answers plain queries without click: the same renderer, so the same bytes)
    _write_text(render_check(verdicts, bool(place), fmt), out)


def _write_text(text: str, out: str | None) -> None:
    """Write ``text`` to stdout or atomically to ``out``."""
    if out is None or out == "-":  # as atomic_output does, without importing riskcheck.output (and json, csv)
        with writing(out):
            sys.stdout.write(text)
            sys.stdout.flush()
        return
    from .output import atomic_output

    with writing(out), atomic_output(out) as stream:
        stream.write(text)


def main() -> None:
    """Console entry point: never a traceback for expected errors."""
    try:
        cli(prog_name="riskcheck")
    except RiskcheckError as exc:  # pragma: no cover - commands catch their own
        click.echo(f"riskcheck: {exc}", err=True)
        sys.exit(2)
    except KeyboardInterrupt:  # pragma: no cover
        click.echo("riskcheck: interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:  # pragma: no cover - e.g. `riskcheck ... | head`
        closed_pipe()
    except Exception as exc:  # pragma: no cover - a bug: say so in one line, full trace on request
        import os

        if os.environ.get("RISKCHECK_DEBUG"):
            raise
        click.echo(f"riskcheck: internal error: {type(exc).__name__}: {exc} "
                   "(set RISKCHECK_DEBUG=1 for details; please report it)", err=True)
        sys.exit(3)
