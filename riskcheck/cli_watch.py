"""``riskcheck watch URL... --db FILE``: poll news feeds and print the trips that are new or changed."""

from __future__ import annotations

import json
import sys
import time

import click

from .cli import fail, get_ruleset
from .errors import InputError


@click.command("watch")
@click.argument("urls", nargs=-1, required=True, metavar="URL...")
@click.option("--db", "db_path", required=True, metavar="FILE", help="The trip database (created if missing).")
@click.option("--once", is_flag=True, help="One pass over the feeds, then exit (for cron).")
@click.option("--interval", type=click.FloatRange(min=1), default=900, show_default=True, metavar="SECONDS",
              help="Seconds between passes when not --once.")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True)
@click.option("--timeout", type=click.FloatRange(min=0.01), default=20, show_default=True, metavar="SECONDS",
              help="Network timeout per request.")
@click.option("--retries", type=click.IntRange(min=0, max=10), default=2, show_default=True,
              help="Retries after a network error or a 5xx answer (with exponential backoff).")
@click.option("--max-bytes", type=click.IntRange(min=1024), default=5_000_000, show_default=True,
              help="Largest response accepted.")
def watch_command(urls: tuple[str, ...], db_path: str, once: bool, interval: float, fmt: str, timeout: float,
                  retries: int, max_bytes: int) -> None:
    """Poll RSS/Atom feeds (URLs or local files), fetch each new item's page, extract its trips into the
    trip database, and print one line per trip that is new or whose status, date or obligation changed.

    A feed that fails is reported on stderr and the others go on; the exit code is then 1.
    """
    import importlib.util

    from .tripdb import TripDB
    from .watch import Fetcher, poll

    if importlib.util.find_spec("trafilatura") is None:
        fail("riskcheck watch needs trafilatura to read article pages: pip install 'riskcheck[watch]'")

    fetcher = Fetcher(timeout=timeout, retries=retries, backoff=min(1.0, timeout), max_bytes=max_bytes)
    try:
        db = TripDB(db_path, ruleset=get_ruleset())
    except InputError as exc:
        fail(str(exc))
    failed = False
    try:
        while True:
            failed = False
            for url in urls:
                result = poll(db, url, fetcher)
                for problem in result.problems:
                    click.echo(f"riskcheck: watch: {problem}", err=True)
                failed = failed or result.failed or bool(result.problems)
                for ch in result.changes:
                    if fmt == "jsonl":
                        row = dict(ch.trip.to_row(), change=ch.kind, before=ch.before)
                        click.echo(json.dumps(row, ensure_ascii=False))
                    else:
                        click.echo(ch.line())
                sys.stdout.flush()
            if once:
                break
            time.sleep(interval)
    except KeyboardInterrupt:
        click.echo("riskcheck: watch: interrupted (everything ingested so far is kept)", err=True)
        sys.exit(130)
    finally:
        db.close()
    sys.exit(1 if failed else 0)
