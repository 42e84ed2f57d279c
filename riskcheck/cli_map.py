"""``riskcheck map PERSON [--date D] -o FILE``: a "where can X travel" world map (.svg, .png or .html)."""

from __future__ import annotations

import time

import click

from .cli import fail, get_ruleset
from .errors import RiskcheckError


@click.command("map")
@click.argument("person")
@click.option("--date", "when", metavar="DATE", help="YYYY-MM-DD, YYYY-MM, YYYY or A..B (default today).")
@click.option("-o", "--output", "out", required=True, metavar="FILE",
              help="Where to write the map; the extension picks the format: .svg, .png or .html.")
@click.option("--quiet", "-q", is_flag=True, help="Print nothing on success.")
def map_command(person: str, when: str | None, out: str, quiet: bool) -> None:
    """Draw a world map of where PERSON would have to be arrested on a date.

    Classes: bound (State Party), bound on another basis (Security Council referral, art. 12(3)),
    pending withdrawal, residual (art. 127(2)), not bound, territories where the Statute does not apply,
    unknown, no warrant in force. The .html map is self-contained: hover or click a state for the reasons.
    Not legal advice.
    """
    ext = out.rsplit(".", 1)[-1].lower() if "." in out else ""
    if ext not in ("svg", "png", "html", "htm"):
        fail(f"{out}: unknown map format: use a .svg, .png or .html file name")
    rs = get_ruleset()
    t0 = time.perf_counter()
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
