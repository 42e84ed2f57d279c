"""``riskcheck news``: extract trips from news text and flag the destination state's obligation."""

from __future__ import annotations

import sys
from collections import Counter
from datetime import date
from typing import Any

import click

from .cli import FORMAT_CHOICES, emit, fail, get_ruleset
from .errors import RiskcheckError

COLUMNS = ["source", "published", "person_id", "person", "mention", "country", "city", "start", "end",
           "precision", "status", "event", "evidence", "span", "warrant", "obligation", "basis", "explanation"]

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


def verdict_fields(trip: Any, published: Any, rs: Any) -> dict[str, str]:
    """Verdict columns for one trip, evaluated on the trip's dates (not today)."""
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
        return {"warrant": "unknown", "obligation": "unknown", "basis": "date_unknown",
                "explanation": "The text gives no date for this trip, so the warrant and the state's status "
                               "on that day cannot be determined."}
    try:
        v = evaluate(trip.person_id or None, trip.country, span, rs, person_label=trip.person)
    except RiskcheckError as exc:
        return {"warrant": "unknown", "obligation": "unknown", "basis": "unresolved_place", "explanation": str(exc)}
    return {"warrant": v.warrant, "obligation": v.obligation, "basis": v.basis,
            "explanation": _STATUS_NOTE.get(trip.status, "") + note + v.explanation}


def report_rows(source: str, published: Any, trips: Any, rs: Any, *,
                warrant_only: bool = False) -> list[dict[str, Any]]:
    """The ``riskcheck news`` rows (:data:`COLUMNS`) for the trips extracted from one article."""
    rows: list[dict[str, Any]] = []
    for t in trips:
        if warrant_only and not t.person_id:
            continue
        rec: dict[str, Any] = {
            "source": source, "published": str(published) if published else "",
            "person_id": t.person_id, "person": t.person, "mention": t.mention, "country": t.country,
            "city": t.city, "start": t.start, "end": t.end, "precision": t.precision,
            "status": t.status, "event": t.event, "evidence": t.evidence,
            "span": f"{t.span[0]}-{t.span[1]}",
        }
        rec.update(verdict_fields(t, published, rs))
        rows.append(rec)
    return rows


@click.command("news")
@click.argument("inputs", nargs=-1, required=True, metavar="PATH... | -")
@click.option("--published", metavar="DATE", help="Publication date (YYYY-MM-DD or YYYY-MM) for every input; "
              "overrides dates found in the text.")
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
@click.pass_context
def news_command(ctx: click.Context, inputs: tuple[str, ...], published: str | None, text_col: str, fmt: str,
                 out: str | None, warrant_only: bool, report: str | None, engine: str, scheduler: str | None,
                 workers: int | None, group: str = "reports") -> None:
    """Read news text and list each trip it reports or plans, with the destination state's obligation.

    PATH may be a text file, a folder (read recursively), a JSON Lines file (``text``, optional
    ``published``, ``url``/``id``), a CSV with a text column, an RSS/Atom feed, or ``-`` for stdin.
    """
    from .dates import parse_date
    from .errors import DateError, InputError
    from .news.extract import extract_trips
    from .news.readers import Article, iter_inputs

    rs = get_ruleset(ctx)
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
    if group == "trips":
        fail("--group trips needs riskcheck.group_trips, which this version does not have")
    records: list[dict[str, Any]] = []
    skipped: list[tuple[str, str]] = []
    n_read = 0
    by_status: Counter[str] = Counter()
    by_obligation: Counter[str] = Counter()
    try:
        for item in iter_inputs(list(inputs), override=override, text_col=text_col):
            if not isinstance(item, Article):
                skipped.append((item.source, item.reason))
                continue
            n_read += 1
            try:
                trips = extract_trips(item.text, item.published, ruleset=rs)
            except RecursionError:  # pragma: no cover - defensive
                skipped.append((item.source, "could not be analysed"))
                continue
            for rec in report_rows(item.source, item.published, trips, rs, warrant_only=warrant_only):
                by_status[rec["status"]] += 1
                by_obligation[rec["obligation"]] += 1
                records.append(rec)
    except InputError as exc:
        fail(str(exc))
    if n_read == 0 and not records:
        for src, why in skipped[:5]:
            click.echo(f"riskcheck: skipped {src}: {why}", err=True)
        fail("no readable input")
    emit(records, COLUMNS, fmt, out)
    if report:
        from .viz.report import write_report

        try:
            write_report(records, report, {"articles": n_read, "skipped": len(skipped),
                                           "checked": str(rs.checked or "")})
        except (InputError, OSError) as exc:
            fail(f"cannot write report {report}: {exc}")
    _summary(n_read, skipped, by_status, by_obligation, len(records))


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
