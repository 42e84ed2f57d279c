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

from .errors import RiskcheckError

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


def closed_pipe() -> None:
    """The reader of stdout went away (``| head``): a normal end, no message, exit 0."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # no second error when Python flushes stdout at exit
    except (OSError, ValueError):  # pragma: no cover - stdout without a file descriptor (tests)
        pass
    sys.exit(0)


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

VERDICT_COLUMNS = ["person_id", "person", "country", "country_name", "sovereign", "city", "date", "start", "end",
                   "warrant", "obligation", "basis", "confidence", "explanation", "sources", "context", "notes"]


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
    _warn_stale(rs, verdicts)
    if fmt == "json":
        import json

        payload: Any = verdicts[0].to_dict() if place else [v.to_dict() for v in verdicts]
        _write_text(json.dumps(payload, ensure_ascii=False, indent=2) + "\n", out)
        return
    if fmt in ("csv", "jsonl"):
        emit([v.to_dict() for v in verdicts], VERDICT_COLUMNS + ["confidence_note", "checked", "projection",
                                                                 "warrant_ended_how", "candidates"]
             if fmt == "jsonl" else VERDICT_COLUMNS, fmt, out)
        return
    text = _render_verdict(verdicts[0], _width()) if place else _render_where(verdicts)
    _write_text(text, out)


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


def _width() -> int:
    """The terminal's width ($COLUMNS wins); text is not wrapped when stdout is not a terminal."""
    import os

    if not os.environ.get("COLUMNS", "").isdigit():
        try:
            tty = sys.stdout.isatty()
        except (AttributeError, ValueError, OSError):  # pragma: no cover - closed or unusual stdout
            tty = False
        if not tty:  # what terminal_width() says then, without importing riskcheck.output
            return 10**6
    from .output import terminal_width

    return terminal_width() or 10**6


def _warn_stale(rs: Any, verdicts: list[Any]) -> None:
    """Say once on stderr when the data is old for the date asked (the verdicts' context says it too)."""
    from .verdict import stale_note

    if verdicts:
        note = stale_note(rs, date.fromisoformat(verdicts[0].end))
        if note:
            click.echo(f"riskcheck: {note}", err=True)


_MARK = {"yes": "YES", "no": "no", "residual": "RESIDUAL", "unknown": "UNKNOWN"}


#: textwrap's whitespace, which it turns into spaces
_SPACES = str.maketrans(dict.fromkeys("\t\n\x0b\x0c\r", " "))


def _wrap(text: str, width: int, first: str, rest: str) -> list[str]:
    """``text`` wrapped to ``width`` as textwrap does (``first``/``rest`` indents, words never broken)."""
    flat = text.expandtabs().translate(_SPACES).rstrip(" ")
    if len(first) + len(flat) <= width and flat.replace(" ", "").isprintable():
        # one line (always, when not wrapped), no Unicode spaces: textwrap's answer, without importing it
        return [first + flat] if flat else [first.rstrip()]
    import textwrap

    return textwrap.wrap(text, width=width, initial_indent=first, subsequent_indent=rest,
                         break_long_words=False, break_on_hyphens=False) or [first.rstrip()]


def _render_verdict(v: Any, width: int = 80) -> str:
    """One verdict as indented text, every paragraph wrapped to ``width`` (nothing cut)."""

    def para(text: str, first: str, rest: str) -> list[str]:
        return _wrap(text, width, first, rest)

    where_ = v.country_name + (f" ({v.city})" if v.city else "")
    lines = [f"{v.person or '?'} in {where_} [{v.country}] on {v.date}"]
    conf = "" if v.confidence == "high" else f"   confidence: {v.confidence.upper()}"
    lines.append(f"  obligation to arrest: {_MARK[v.obligation]}   basis: {v.basis}   warrant: {v.warrant}{conf}")
    if v.confidence != "high" and v.confidence_note:
        lines += para(f"({v.confidence} confidence: {v.confidence_note})", "  ", "   ")
    lines += para(v.explanation, "  ", "  ")
    for n in v.notes:
        lines += para(f"note: {n}", "  ", "        ")
    if v.context:
        lines.append("  context:")
        for c in v.context:
            lines += para(c, "    - ", "      ")
    lines.append("  sources:")
    lines += [f"    - {s}" for s in v.sources]  # URLs are never broken
    return "\n".join(lines) + "\n"


def _render_where(verdicts: list[Any]) -> str:
    from .output import render_table

    rows = [{"country": v.country, "name": v.country_name, "obligation": v.obligation, "basis": v.basis,
             "confidence": v.confidence} for v in verdicts]
    cols = ["country", "name", "obligation", "basis"]
    if any(v.confidence != "high" for v in verdicts):  # shown when it is not high somewhere
        cols.append("confidence")
    text = render_table(rows, cols)
    first = verdicts[0] if verdicts else None
    if first is not None:
        n_yes = sum(v.obligation == "yes" for v in verdicts if not v.sovereign)
        n_res = sum(v.obligation == "residual" for v in verdicts if not v.sovereign)
        n_unk = sum(v.obligation == "unknown" for v in verdicts if not v.sovereign)
        n_states = sum(1 for v in verdicts if not v.sovereign)
        text += (f"\n{first.person or '?'} on {first.date}: {n_yes} of {n_states} states obliged to arrest"
                 f"{f', {n_res} residual' if n_res else ''}{f', {n_unk} unknown' if n_unk else ''}"
                 f" (warrant: {first.warrant}). Data checked {first.checked}.\n")
    return text


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
