"""``riskcheck map``: a "where can X travel" world map, or with ``--trips``/``--db`` a travel map.

``riskcheck map PERSON [--date D] -o FILE`` draws every state's obligation on one date;
``riskcheck map PERSON --trips FILE.csv|--db FILE [--since D] [--until D] -o FILE`` draws where PERSON went.
"""

from __future__ import annotations

import csv
import io
import json
import time
from pathlib import Path
from typing import Any

import click

from .cli import fail, get_ruleset
from .errors import RiskcheckError

_PERSON_COLS = ("person_id", "person", "person_resolved", "traveler", "traveller", "mention")


def read_trip_rows(path: str) -> list[dict[str, Any]]:
    """Rows of a trips file: CSV (news, grouped or batch output), JSON Lines or a JSON list.

    Raises :class:`~riskcheck.errors.InputError` with a one-line message naming the file (and line).
    """
    from .errors import InputError

    p = Path(path)
    if not p.is_file():
        raise InputError(f"{path}: no such file")
    try:
        text = p.read_bytes().decode("utf-8-sig")  # no newline translation: CSV fields may hold \r\n
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    rows: list[dict[str, Any]] = []
    suffix = p.suffix.lower()
    if suffix in (".jsonl", ".ndjson") or (suffix == ".json" and not text.lstrip().startswith("[")):
        for i, line in enumerate(text.split("\n"), 1):  # not splitlines: U+2028 may be inside a string
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}:{i}: not JSON ({exc.msg})") from None
            if not isinstance(obj, dict):
                raise InputError(f"{path}:{i}: expected a JSON object per line")
            rows.append(obj)
    elif suffix == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{exc.lineno}: not JSON ({exc.msg})") from None
        rows = [r for r in data if isinstance(r, dict)] if isinstance(data, list) else []
    else:
        reader = csv.DictReader(io.StringIO(text, newline=""))
        cols = reader.fieldnames or []
        if "country" not in cols or not any(c in cols for c in _PERSON_COLS):
            raise InputError(f"{path}: not a trips file: needs a 'country' and a person column "
                             f"(riskcheck news/trips/batch output); columns found: {', '.join(cols) or '(none)'}")
        for row in reader:
            extra = row.pop(None, None)
            if extra:
                raise InputError(f"{path}:{reader.line_num}: {len(cols) + len(extra)} fields, header has {len(cols)}")
            rows.append({k: (v if v is not None else "") for k, v in row.items()})
    return rows


@click.command("map")
@click.argument("person")
@click.option("--date", "when", metavar="DATE", help="YYYY-MM-DD, YYYY-MM, YYYY or A..B (default today).")
@click.option("--trips", "trips_file", metavar="FILE",
              help="Draw PERSON's travels from this file (riskcheck news/trips output: .csv, .jsonl or .json).")
@click.option("--db", "db_file", metavar="FILE", help="Draw PERSON's travels from this trip database.")
@click.option("--since", metavar="DATE", help="With --trips/--db: only trips on or after this date.")
@click.option("--until", metavar="DATE", help="With --trips/--db: only trips on or before this date.")
@click.option("-o", "--output", "out", required=True, metavar="FILE",
              help="Where to write the map; the extension picks the format: .svg, .png or .html.")
@click.option("--quiet", "-q", is_flag=True, help="Print nothing on success.")
def map_command(person: str, when: str | None, trips_file: str | None, db_file: str | None, since: str | None,
                until: str | None, out: str, quiet: bool) -> None:
    """Draw a world map of where PERSON would have to be arrested on a date, or where PERSON went.

    Without --trips/--db, classes: bound (State Party), bound on another basis (Security Council
    referral, art. 12(3)), pending withdrawal, residual (art. 127(2)), not bound, territories where the
    Statute does not apply, unknown, no warrant in force. With --trips FILE or --db FILE: the countries
    PERSON visited, each coloured by the obligation on the date of that visit, numbered in time order;
    planned and cancelled trips are drawn differently from those that took place. The .html maps are
    self-contained: hover or click for the reasons. Not legal advice.
    """
    ext = out.rsplit(".", 1)[-1].lower() if "." in out else ""
    if ext not in ("svg", "png", "html", "htm"):
        fail(f"{out}: unknown map format: use a .svg, .png or .html file name")
    if trips_file and db_file:
        fail("give --trips or --db, not both")
    if (trips_file or db_file) and when:
        fail("--date is for the world map; with --trips/--db use --since and --until")
    if (since or until) and not (trips_file or db_file):
        fail("--since/--until need --trips FILE or --db FILE")
    rs = get_ruleset()
    t0 = time.perf_counter()
    if trips_file or db_file:
        _travel(person, trips_file, db_file, since, until, out, quiet, rs, t0)
        return
    try:
        from .viz.worldmap import draw_map

        m = draw_map(person, when, rs)
        path = m.save(out)
    except RiskcheckError as exc:
        fail(str(exc))
        return
    except OSError as exc:
        fail(f"cannot write {out}: {exc.strerror}")
        return
    if not m.person_id:
        click.echo(f"riskcheck: note: {person!r} matches no one with an ICC warrant record; "
                   "every state is shown as 'no warrant'", err=True)
    if not quiet:
        counts = ", ".join(f"{k} {n}" for k, n in m.counts().items() if n and k != "nodata")
        click.echo(f"wrote {path} ({m.person} on {m.date}: {counts or 'no states in the data'}; "
                   f"{time.perf_counter() - t0:.2f} s)", err=True)


def _db_rows(db_file: str) -> list[Any]:
    from .errors import InputError

    try:
        from .tripdb import TripDB
    except ImportError:
        raise InputError("--db needs the trip database (riskcheck.tripdb), which this version lacks; "
                         "use --trips with a 'riskcheck news --format csv' file") from None
    if not Path(db_file).is_file():
        raise InputError(f"{db_file}: no such trip database")
    db = TripDB(db_file)
    return list(db.trips())


def _travel(person: str, trips_file: str | None, db_file: str | None, since: str | None, until: str | None,
            out: str, quiet: bool, rs: Any, t0: float) -> None:
    try:
        from .viz.travelmap import draw_travel_map

        rows = read_trip_rows(trips_file) if trips_file else _db_rows(str(db_file))
        m = draw_travel_map(person, rows, since, until, rs)
        path = m.save(out)
    except RiskcheckError as exc:
        fail(str(exc))
        return
    except OSError as exc:
        fail(f"cannot write {out}: {exc.strerror}")
        return
    if m.left_out:
        click.echo(f"riskcheck: note: {m.left_out} trip(s) of {m.person} outside the dates asked (or undated) "
                   "are not drawn", err=True)
    if not quiet:
        counts = ", ".join(f"{k} {n}" for k, n in m.counts().items())
        click.echo(f"wrote {path} ({m.person}: {len(m.trips)} trip(s), {len(m.countries)} countries; "
                   f"{counts or 'no trips'}; {time.perf_counter() - t0:.2f} s)", err=True)
