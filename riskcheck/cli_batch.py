"""`riskcheck batch`: flag every row of a CSV of trips (registered lazily by :mod:`riskcheck.cli`)."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator
from typing import BinaryIO

import click

from .errors import RiskcheckError

#: show a progress bar (on a terminal) for inputs at least this large
PROGRESS_MIN_BYTES = 16 << 20

HELP = """Flag every row of a CSV of trips: is the state obliged to arrest the person on that date?

PATH is a CSV file (a TSV by extension .tsv/.tab or --delimiter; a header delimited by ; or tab is
recognised), or - for stdin. Columns are found by name (person/traveler/traveller/name,
country/destination/place, date/start/travel date/start date/departure/when..., optional end/return),
ignoring case, spaces and _, or named with --person-col, --place-col, --date-col, --end-col. A file with
no date column is refused (exit 2) unless --no-date says every row is meant for today. Dates as in
`riskcheck check`: 2023-08-22, 2023-08, 2023 or 2026-05-20..2026-06-10; an empty date means today.
Every cell is read as text. A row with more or fewer fields than the header is kept, with obligation
unknown, basis malformed_row and the reason in row_issue.

Every input row is written, in order and unchanged, followed by person_id, person_resolved, country,
warrant, obligation, basis, confidence (high/medium/low: the weakest fact the answer rests on),
explanation, sources and row_issue (why a value could not be resolved; such a
row is kept with obligation unknown). An added column whose name the input already has gets the suffix
_rc (e.g. country_rc). CSV cells starting with = + - @ are prefixed with ' (spreadsheet formula
injection) unless --raw. A summary goes to stderr (and, even with -q, one line when the data was
checked more than 90 days before the latest date asked or today); stdout carries only data.

Exit status: 0 when the run completed, 1 with --fail-on-yes when any row is yes, 2 for unusable input.
"""


@contextlib.contextmanager
def _progress(path: str | None) -> Iterator[Callable[[int], None] | None]:
    """A progress bar on stderr for a large file when stderr is a terminal; else nothing."""
    total = 0
    if path and path != "-":
        with contextlib.suppress(OSError):
            total = os.path.getsize(path)
    if total < PROGRESS_MIN_BYTES or not sys.stderr.isatty():
        yield None
        return
    try:
        from rich.console import Console
        from rich.progress import BarColumn, DownloadColumn, Progress, TimeRemainingColumn
    except ImportError:  # pragma: no cover - rich is optional: fall back to click's bar
        with click.progressbar(length=total, label="rows", file=sys.stderr) as plain:
            done = [0]

            def step(n: int) -> None:
                plain.update(n - done[0])
                done[0] = n

            yield step
        return
    with Progress("[progress.description]{task.description}", BarColumn(), DownloadColumn(), TimeRemainingColumn(),
                  console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("batch", total=total)
        yield lambda n: bar.update(task, completed=n)


def binary_stdin() -> BinaryIO:
    """Standard input as bytes (click's CliRunner replaces sys.stdin, so look it up at call time)."""
    return sys.stdin.buffer


@click.command("batch", help=HELP, short_help="Flag every row of a CSV of trips.")
@click.argument("paths", nargs=-1, metavar="[PATH|-]...")
@click.option("-o", "--output", "out", metavar="PATH", help="Write here (atomically) instead of stdout.")
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl", "json", "table"]), default="csv",
              show_default=True, help="Output format.")
@click.option("--person-col", metavar="NAME", help="The column naming the person.")
@click.option("--place-col", metavar="NAME", help="The column naming the destination.")
@click.option("--date-col", metavar="NAME", help="The column with the date (day, month, year or A..B).")
@click.option("--end-col", metavar="NAME", help="A column with the end of the stay (optional).")
@click.option("--no-date", is_flag=True, help="The input has no date column: answer every row for today.")
@click.option("--delimiter", metavar="CHAR", help=r"Field delimiter (default: comma; tab for .tsv/.tab; '\t' = tab).")
@click.option("--encoding", default="utf-8", show_default=True, metavar="NAME",
              help="Input encoding (a UTF-8 BOM is accepted by default).")
@click.option("--raw", is_flag=True, help="Do not neutralise cells starting with = + - @ in CSV output.")
@click.option("--fail-on-yes", is_flag=True, help="Exit 1 if any row's obligation is yes.")
@click.option("-q", "--quiet", is_flag=True, help="No summary on stderr.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="dask: CSV/Parquet tables larger than memory, on a Dask cluster (needs riskcheck[dask]); "
                   "several inputs, globs and URLs; -o names a Parquet dataset folder.")
@click.option("--scheduler", metavar="ADDRESS", help="--engine dask: the scheduler of an existing cluster.")
@click.option("--workers", type=click.IntRange(min=1), metavar="N",
              help="--engine dask without --scheduler: worker processes of the local cluster [default: cores].")
@click.pass_context
def batch_command(ctx: click.Context, paths: tuple[str, ...], out: str | None, fmt: str, person_col: str | None,
                  place_col: str | None, date_col: str | None, end_col: str | None, no_date: bool,
                  delimiter: str | None,
                  encoding: str, raw: bool, fail_on_yes: bool, quiet: bool, engine: str, scheduler: str | None,
                  workers: int | None) -> None:
    from .batch import run_batch
    from .cli import fail, get_ruleset
    from .cli_check import closed_pipe

    if engine == "dask":
        from .cli_dask import batch_on_dask

        by = batch_on_dask(ctx, paths, out, rs=get_ruleset(ctx), scheduler=scheduler, workers=workers,
                           person=person_col, place=place_col, date=date_col, end=end_col, delimiter=delimiter,
                           encoding=encoding, quiet=quiet)
        if fail_on_yes and by.get("yes"):
            sys.exit(1)
        return
    if scheduler or workers:
        fail("--scheduler and --workers work with --engine dask")
    if len(paths) > 1:
        fail("the local engine reads one table; give several with --engine dask")
    path = paths[0] if paths else None

    stdin = binary_stdin()
    if path is None and stdin.isatty():
        raise click.UsageError("no input: give a CSV file, or pipe one in (PATH - reads stdin)", ctx)
    rs = get_ruleset(ctx)
    try:
        with _progress(path) as progress:
            summary = run_batch(path, out, fmt, ruleset=rs, raw=raw, delimiter=delimiter, encoding=encoding,
                                person_col=person_col, place_col=place_col, date_col=date_col, end_col=end_col,
                                no_date=no_date, stdin=stdin, progress=progress)
    except RiskcheckError as exc:
        fail(str(exc))
    except OSError as exc:
        if isinstance(exc, BrokenPipeError):  # `riskcheck batch ... | head`: a normal end, exit 0
            closed_pipe()
        fail(f"cannot write {out or 'stdout'}: {exc.strerror or exc}")
    if not quiet:
        click.echo(f"riskcheck: {summary.line()}", err=True)
    if summary.stale:  # a warning, not part of the summary: shown even with --quiet
        click.echo(f"riskcheck: {summary.stale}", err=True)
    if fail_on_yes and summary.yes:
        sys.exit(1)
