"""The `riskcheck` command line: a thin click layer over the library.

Exit codes: 0 answered (whatever the verdict); 1 with ``--fail-on-yes`` when a row is ``yes`` or when
``data validate`` finds problems; 2 unusable input or options (one line on stderr, never a traceback).
"""

from __future__ import annotations

import importlib
import sys
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
    "trips": ("riskcheck.cli_trips", "trips_command", "List the trips in a trip database (news --db)."),
    "watch": ("riskcheck.cli_watch", "watch_command", "Poll news feeds into a trip database; print changes."),
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(super().list_commands(ctx)) | set(LAZY_COMMANDS))

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in LAZY_COMMANDS:  # an import error here is a bug: main() reports it in one line
            module, attr, _ = LAZY_COMMANDS[name]
            return getattr(importlib.import_module(module), attr)
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
    from .dates import parse_day
    from .errors import DateError

    if not value:
        return date.today()
    try:
        return parse_day(value, field=option)
    except DateError as exc:
        fail(str(exc))
    raise AssertionError  # unreachable


def emit(records: list[dict[str, Any]], columns: list[str], fmt: str, out: str | None = None) -> None:
    from .output import write_records

    try:
        write_records(records, columns, fmt, out)
    except RiskcheckError as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"cannot write {out}: {exc.strerror}")


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--data", "data", type=click.Path(file_okay=False), envvar="RISKCHECK_DATA",
              help="Use this data folder instead of the bundled one.")
@click.version_option(package_name="riskcheck")
@click.pass_context
def cli(ctx: click.Context, data: str | None) -> None:
    """Is a state obliged to arrest this person for the ICC on that date? Dated, sourced answers."""
    ctx.ensure_object(dict)
    ctx.obj["data"] = data


# ---------------------------------------------------------------------------------------- parties


@cli.command()
@click.option("--date", "day", metavar="YYYY-MM-DD", help="Date to answer for (default today).")
@click.option("--all", "show_all", is_flag=True, help="Every state and territory with its status.")
@click.option("--format", "fmt", type=FORMAT_CHOICES, default="table", show_default=True)
@click.option("-o", "--output", "out", metavar="PATH", help="Write to a file (atomically).")
def parties(day: str | None, show_all: bool, fmt: str, out: str | None) -> None:
    """States Parties to the Rome Statute on a date (including those with a pending withdrawal)."""
    rs = get_ruleset()
    d = parse_day_option(day)
    if show_all:
        rows = []
        for code in rs.codes():
            st = rs.state_status(code, d)
            bases = rs.bases_on(code, d)
            status = st.status
            if not st.bound and bases and status != "territory_excluded":
                status = "bound_for_situation"
            rows.append({
                "code": code, "name": st.name, "status": status, "sovereign": st.sovereign,
                "party_since": st.party_since or "", "party_until": st.party_until or "",
                "other_bases": "; ".join(f"{b.basis}:{b.situation}" for b in bases),
                "detail": st.detail, "source": st.sources[0] if st.sources else "",
            })
        cols = ["code", "name", "status", "sovereign", "party_since", "party_until", "other_bases", "detail", "source"]
    else:
        rows = []
        for st in rs.parties_on(d):
            s = rs.states[st.code]
            rows.append({
                "code": st.code, "name": st.name, "status": st.status, "deposited": s.deposited or "",
                "deposit_type": s.deposit_type, "entry_into_force": st.party_since or "",
                "withdrawal_effective": st.withdrawal.effective if st.status == "party_withdrawing" else "",  # type: ignore[union-attr]
                "source": s.sources[0] if s.sources else "",
            })
        cols = ["code", "name", "status", "deposited", "deposit_type", "entry_into_force", "withdrawal_effective",
                "source"]
    emit(rows, cols, fmt, out)
    if fmt == "table" and not out:
        n = len(rs.parties_on(d))
        click.echo(f"\n{n} States Parties on {d} (data checked {rs.checked}).", err=True)


# --------------------------------------------------------------------------------------- warrants


@cli.command()
@click.option("--date", "day", metavar="YYYY-MM-DD", help="Date to answer for (default today).")
@click.option("--all", "show_all", is_flag=True, help="Include warrants that ended, and how.")
@click.option("--format", "fmt", type=FORMAT_CHOICES, default="table", show_default=True)
@click.option("-o", "--output", "out", metavar="PATH", help="Write to a file (atomically).")
def warrants(day: str | None, show_all: bool, fmt: str, out: str | None) -> None:
    """People subject to an outstanding ICC arrest warrant on a date."""
    rs = get_ruleset()
    d = parse_day_option(day)
    rows = []
    for pid in sorted(rs.people):
        ws = rs.warrant_status(pid, d)
        if ws.status == "outstanding" or (show_all and ws.status in ("ended", "outstanding_sealed")):
            p = rs.people[pid]
            issued = [w for w in ws.warrants if w.issued and w.issued <= d]
            rows.append({
                "person_id": pid, "name": p.name, "nationality": p.nationality, "status": ws.status,
                "situation": "; ".join(sorted({w.situation for w in issued})),
                "case_number": "; ".join(sorted({w.case_number for w in issued if w.case_number})),
                "issued": "; ".join(str(w.issued) for w in issued),
                "public": "; ".join(str(w.public) for w in issued),
                "ended": f"{ws.ended_on} ({ws.ended_how})" if ws.status == "ended" else "",
                "source": issued[0].sources[0] if issued and issued[0].sources else "",
            })
    cols = ["person_id", "name", "nationality", "status", "situation", "case_number", "issued", "public", "ended",
            "source"]
    emit(rows, cols, fmt, out)


# ------------------------------------------------------------------------------------------- data


@cli.group()
def data() -> None:
    """Inspect and validate the data folder."""


@data.command("validate")
@click.argument("path", required=False, type=click.Path(file_okay=False))
def data_validate(path: str | None) -> None:
    """Check the data's consistency; exit 1 listing each problem (file:line: field: message)."""
    from .ruleset import default_data_dir
    from .validate import validate

    ctx = click.get_current_context()
    folder = path or (ctx.find_root().obj or {}).get("data") or str(default_data_dir())
    problems = validate(folder)
    for p in problems:
        click.echo(str(p))
    if problems:
        click.echo(f"{len(problems)} problem(s) in {folder}", err=True)
        sys.exit(1)
    click.echo(f"ok: {folder} is consistent", err=True)


@data.command("info")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def data_info(fmt: str) -> None:
    """Where the data came from, when it was last checked, and counts."""
    import json
    from collections import Counter

    rs = get_ruleset()
    today = date.today()
    checked_counts: Counter[str] = Counter()
    conf: Counter[str] = Counter()
    for rows in rs.raw.values():
        for r in rows:
            if r.get("checked"):
                checked_counts[r["checked"]] += 1
            if r.get("confidence"):
                conf[r["confidence"]] += 1
    domains: Counter[str] = Counter()
    for rows in rs.raw.values():
        for r in rows:
            for s in r.get("source", "").split(";"):
                s = s.strip()
                if s.startswith("http"):
                    domains[s.split("/")[2]] += 1
    info = {
        "data_folder": str(rs.path),
        "last_checked": str(rs.checked),
        "oldest_checked": min(checked_counts) if checked_counts else "",
        "states": len(rs.states),
        "territories": len(rs.territories),
        "states_parties_today": len(rs.parties_on(today)),
        "withdrawal_notices": sum(len(v) for v in rs.withdrawals.values()),
        "situations": len(rs.situations),
        "other_bases": sum(len(v) for v in rs.other_bases.values()),
        "people": len(rs.people),
        "warrants": sum(len(v) for v in rs.warrants.values()),
        "outstanding_today": len(rs.outstanding_on(today)),
        "aliases": len(rs.aliases),
        "titles": len(rs.titles),
        "non_compliance_findings": len(rs.non_compliance),
        "place_aliases": len(rs.places),
        "rows_by_confidence": dict(conf),
        "sources_by_domain": dict(domains.most_common(8)),
    }
    if fmt == "json":
        click.echo(json.dumps(info, indent=2))
    else:
        width = max(len(k) for k in info)
        for k, v in info.items():
            click.echo(f"{k.ljust(width)}  {v}")


# ------------------------------------------------------------------------------------------ check

VERDICT_COLUMNS = ["person_id", "person", "country", "country_name", "sovereign", "city", "date", "start", "end",
                   "warrant", "obligation", "basis", "explanation", "sources", "context", "notes"]


@cli.command()
@click.argument("person")
@click.argument("place", required=False)
@click.option("--date", "when", metavar="DATE",
              help="A day, month (2023-10), year or range (2026-05-20..2026-06-10); default today.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
def check(person: str, place: str | None, when: str | None, fmt: str) -> None:
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
    if fmt == "json":
        import json

        payload: Any = verdicts[0].to_dict() if place else [v.to_dict() for v in verdicts]
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    if fmt == "csv":
        emit([v.to_dict() for v in verdicts], VERDICT_COLUMNS, "csv")
        return
    if place:
        _print_verdict(verdicts[0])
    else:
        _print_where(verdicts)


_MARK = {"yes": "YES", "no": "no", "residual": "RESIDUAL", "unknown": "UNKNOWN"}


def _print_verdict(v: Any) -> None:
    where = v.country_name + (f" ({v.city})" if v.city else "")
    click.echo(f"{v.person or '?'} in {where} [{v.country}] on {v.date}")
    click.echo(f"  obligation to arrest: {_MARK[v.obligation]}   basis: {v.basis}   warrant: {v.warrant}")
    click.echo(f"  {v.explanation}")
    for n in v.notes:
        click.echo(f"  note: {n}")
    if v.context:
        click.echo("  context:")
        for c in v.context:
            click.echo(f"    - {c}")
    click.echo("  sources:")
    for s in v.sources:
        click.echo(f"    - {s}")


def _print_where(verdicts: list[Any]) -> None:
    from .output import render_table

    rows = [{"country": v.country, "name": v.country_name, "obligation": v.obligation, "basis": v.basis}
            for v in verdicts]
    click.echo(render_table(rows, ["country", "name", "obligation", "basis"]), nl=False)
    first = verdicts[0] if verdicts else None
    if first is not None:
        n_yes = sum(v.obligation == "yes" for v in verdicts if not v.sovereign)
        n_res = sum(v.obligation == "residual" for v in verdicts if not v.sovereign)
        n_unk = sum(v.obligation == "unknown" for v in verdicts if not v.sovereign)
        n_states = sum(1 for v in verdicts if not v.sovereign)
        click.echo(f"\n{first.person or '?'} on {first.date}: {n_yes} of {n_states} states obliged to arrest"
                   f"{f', {n_res} residual' if n_res else ''}{f', {n_unk} unknown' if n_unk else ''}"
                   f" (warrant: {first.warrant}). Data checked {first.checked}.")


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
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # no second error when Python flushes stdout at exit
        sys.exit(0)
    except Exception as exc:  # pragma: no cover - a bug: say so in one line, full trace on request
        import os

        if os.environ.get("RISKCHECK_DEBUG"):
            raise
        click.echo(f"riskcheck: internal error: {type(exc).__name__}: {exc} "
                   "(set RISKCHECK_DEBUG=1 for details; please report it)", err=True)
        sys.exit(3)
