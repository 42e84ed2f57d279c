"""The listing commands: ``parties``, ``warrants`` and ``data validate|info`` (imported only when used, so that
a single ``check`` compiles and loads less)."""

from __future__ import annotations

import sys
from datetime import date
from typing import Any

import click

from .cli import FORMAT_CHOICES, emit, get_ruleset, parse_day_option

# ---------------------------------------------------------------------------------------- parties


@click.command()
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
                "detail": st.detail, **_notices(rs, rs.sovereign_of(code), d),
                "source": st.sources[0] if st.sources else "",
            })
        cols = ["code", "name", "status", "sovereign", "party_since", "party_until", "other_bases", "detail",
                "withdrawal_notice", "confidence", "source"]
    else:
        rows = []
        for st in rs.parties_on(d):
            s = rs.states[st.code]
            rows.append({
                "code": st.code, "name": st.name, "status": st.status, "deposited": s.deposited or "",
                "deposit_type": s.deposit_type, "entry_into_force": st.party_since or "",
                "withdrawal_effective": (st.withdrawal.effective if st.status == "party_withdrawing"
                                         and st.withdrawal is not None else ""),
                **_notices(rs, st.code, d),
                "source": s.sources[0] if s.sources else "",
            })
        cols = ["code", "name", "status", "deposited", "deposit_type", "entry_into_force", "withdrawal_effective",
                "withdrawal_notice", "confidence", "source"]
    emit(rows, cols, fmt, out)
    if fmt == "table" and not out:
        n = len(rs.parties_on(d))
        click.echo(f"\n{n} States Parties on {d} (data checked {rs.checked}).", err=True)


def _notices(rs: Any, code: str, day: date) -> dict[str, str]:
    """Pending, announced, revoked and unconfirmed withdrawal notices of ``code`` known on ``day``, and the
    weakest confidence of the facts shown (the state's row when there is no notice)."""
    parts: list[str] = []
    levels: list[str] = []
    for w in rs.withdrawals.get(code, []):
        if w.notified is not None and w.notified <= day:
            if w.announced is not None and w.announced < w.notified:
                parts.append(f"withdrawal announced {w.announced}")
            if w.revoked is not None and w.revoked <= day:
                parts.append(f"notice of {w.notified} revoked on {w.revoked}")
            elif w.unconfirmed:
                parts.append(f"notice reported for {w.notified} (effective {w.effective}): unconfirmed, not applied")
            elif w.effective is not None and w.effective <= day:
                parts.append(f"withdrawal notified {w.notified} took effect {w.effective}")
            else:
                parts.append(f"withdrawal notified {w.notified}, effective {w.effective}")
            levels.append(w.confidence or "high")
        elif w.announced is not None and w.announced <= day:
            parts.append(f"withdrawal announced {w.announced}; no notification recorded")
            levels.append(w.confidence or "high")
    state = rs.states.get(code)
    if state is not None:
        levels.append(state.confidence or "high")
    order = {"high": 0, "medium": 1, "low": 2}
    conf = max(levels, key=lambda c: order.get(c, 0), default="high")
    return {"withdrawal_notice": "; ".join(parts), "confidence": conf if conf in order else "high"}


# --------------------------------------------------------------------------------------- warrants


@click.command()
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
                "confidence": max((w.confidence or "high" for w in issued),
                                  key=lambda c: {"medium": 1, "low": 2}.get(c, 0), default="high"),
                "source": issued[0].sources[0] if issued and issued[0].sources else "",
            })
    cols = ["person_id", "name", "nationality", "status", "situation", "case_number", "issued", "public", "ended",
            "confidence", "source"]
    emit(rows, cols, fmt, out)


# ------------------------------------------------------------------------------------------- data


@click.group()
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
        "successions": len(rs.successions),
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
