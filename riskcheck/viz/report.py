"""An HTML report of trips found in the news: ``riskcheck news ... --report report.html``.

One self-contained page (inline CSS and script, no network), answer first: a summary, a timeline per
person, then a table whose first columns are the obligation badge, the person, the destination, the
dates, the status, the number of reports and the confidence when not high. Each row expands to its
evidence (person, place and date marked), the verdict's explanation, its sources and, for grouped trips,
the history of its reports. Filters and sorting live in the URL fragment. All text from articles is
escaped.

>>> write_report(trips, "report.html", {"articles": 12})   # doctest: +SKIP
"""

from __future__ import annotations

import math
import os
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from html import escape
from pathlib import Path
from typing import Any
from urllib.parse import quote

from ..output import atomic_output
from .rows import (
    as_rows,
    country_name,
    dates_label,
    is_grouped,
    sort_key,
    sources_of,
    trip_day,
    trip_end,
)
from .worldmap import CLASS_BY_KEY, CLASSES, HTML_HEAD, _json_script, _text_on, classify_parts, readable

#: the news command's per-report columns (the report also takes grouped trip rows)
COLUMNS: tuple[str, ...] = (
    "source", "published", "person_id", "person", "mention", "country", "city", "start", "end", "precision",
    "status", "event", "evidence", "span", "warrant", "obligation", "basis", "explanation",
)
OBLIGATION_ORDER = ("yes", "residual", "unknown", "no")


# --------------------------------------------------------------------------------------------------
# Highlighting


def _date_strings(value: str) -> list[str]:
    """Ways an ISO day may be written in English news text ("3 September", "Sept. 3", "2024-09-03")."""
    try:
        d = date.fromisoformat(value[:10])
    except ValueError:
        return [value] if value else []
    month, short = d.strftime("%B"), d.strftime("%b")
    forms = [d.isoformat(), f"{d.day} {month} {d.year}", f"{month} {d.day}, {d.year}", f"{d.day} {month}",
             f"{month} {d.day}", f"{short}. {d.day}", f"{short} {d.day}", f"{d.day} {short}"]
    if month == "September":
        forms += [f"Sept. {d.day}", f"Sept {d.day}"]
    return forms


def _country_name(code: str) -> str:
    if not code or len(code) != 2:
        return ""
    try:
        import pycountry
    except ImportError:  # pragma: no cover
        return ""
    c = pycountry.countries.get(alpha_2=code.upper())
    return str(getattr(c, "common_name", None) or getattr(c, "name", "")) if c else ""


def find_highlights(trip: Mapping[str, Any]) -> list[tuple[int, int, str]]:
    """(start, end, kind) spans to mark in ``trip['evidence']``; kinds are person, place and date.

    Uses ``trip['highlights']`` when given (offsets relative to the evidence); otherwise finds the
    ``mention``, the ``city`` and country name and the date by case-insensitive search.
    """
    text = str(trip.get("evidence") or "")
    given = trip.get("highlights")
    spans: list[tuple[int, int, str]] = []
    if given:
        for h in given:
            try:
                a, b = int(h[0]), int(h[1])
                kind = str(h[2]) if len(h) > 2 else "mark"
            except (TypeError, ValueError, IndexError):
                continue
            if 0 <= a < b <= len(text):
                spans.append((a, b, kind))
    else:
        lower = text.lower()

        def find(needles: Iterable[str], kind: str, first_only: bool = False) -> None:
            for n in needles:
                n = (n or "").strip()
                if len(n) < 2:
                    continue
                pos = lower.find(n.lower())
                found = False
                while pos >= 0:
                    end = pos + len(n)
                    # whole words only: "Belarus" is not marked inside "Belaruski"
                    if not ((pos > 0 and text[pos - 1].isalnum() and n[0].isalnum())
                            or (end < len(text) and text[end].isalnum() and n[-1].isalnum())):
                        spans.append((pos, end, kind))
                        found = True
                    pos = lower.find(n.lower(), end)
                if found and first_only:
                    return

        find([str(trip.get("mention") or "")], "person")
        if not any(k == "person" for _, _, k in spans):
            find([str(trip.get("person") or "")], "person")
        if not any(k == "person" for _, _, k in spans):  # a surname alone: whole words of 4+ letters
            words = re.findall(r"\w{4,}", f"{trip.get('mention') or ''} {trip.get('person') or ''}")
            for w in dict.fromkeys(words):
                spans.extend((m.start(), m.end(), "person")
                             for m in re.finditer(rf"(?i)\b{re.escape(w)}\b", text))
        find([str(trip.get(k) or "") for k in ("place_mention", "city", "country_name")]
             + [_country_name(str(trip.get("country") or ""))], "place")
        dates = [str(trip.get(k) or "") for k in ("date_mention", "date_text")]
        for k in ("start", "end"):
            dates += _date_strings(str(trip.get(k) or ""))
        find(dates, "date", first_only=True)
    # longest first at each position, no overlaps
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    out: list[tuple[int, int, str]] = []
    end = -1
    for a, b, k in spans:
        if a >= end:
            out.append((a, b, k))
            end = b
    return out


def highlight(text: str, spans: list[tuple[int, int, str]]) -> str:
    """``text`` escaped, with each span wrapped in ``<mark class="hl-KIND">``."""
    out, pos = [], 0
    for a, b, kind in spans:
        out.append(escape(text[pos:a]))
        k = re.sub(r"[^a-z0-9_-]", "", kind.lower()) or "mark"
        out.append(f'<mark class="hl-{k}" title="{escape(kind)}">{escape(text[a:b])}</mark>')
        pos = b
    out.append(escape(text[pos:]))
    return "".join(out)


# --------------------------------------------------------------------------------------------------
# Links


def source_href(trip: Mapping[str, Any], report_path: Path) -> str:
    """A safe link to the trip's source: its http(s) ``url``/``source``, or the file relative to the report.

    Returns "" when nothing safe can be linked (other schemes such as ``javascript:`` are refused).
    """
    for key in ("url", "link", "source"):
        value = str(trip.get(key) or "").strip()
        if not value:
            continue
        if re.match(r"(?i)https?://", value):
            return value
        if re.match(r"(?i)file://", value):
            return value
        if re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", value) and not re.match(r"^[A-Za-z]:[\\/]", value):
            continue  # another scheme (javascript:, data:, feed ids ...): no link
        p = Path(value).expanduser()
        if not p.is_absolute():
            p = Path.cwd() / p
        p = Path(os.path.normpath(p))
        try:
            rel = os.path.relpath(p, report_path.resolve().parent)
        except ValueError:  # another drive on Windows
            return p.as_uri()
        return quote(rel.replace(os.sep, "/"))
    return ""


# --------------------------------------------------------------------------------------------------
# Cells and rows


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return " ; ".join(str(v) for v in value)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return str(value)


def _key(obligation: str, basis: str) -> str:
    return classify_parts(obligation, basis) if obligation else "unknown"


def _badge(obligation: str, basis: str) -> str:
    key = _key(obligation, basis)
    return (f'<span class="badge k-{key}" data-class="{key}" title="{escape(CLASS_BY_KEY[key].label)}">'
            f"{escape(obligation or '?')}</span>")


def _link(src: str, row: Mapping[str, Any], report_path: Path) -> str:
    href = source_href({"source": src, "url": row.get("url") if src == row.get("source") else ""}, report_path)
    label = src
    if href and not re.match(r"(?i)[a-z][a-z0-9+.-]*:", src):
        label = Path(src).name or src  # a file: its name (the full path is the title)
    if not href:
        return escape(label)
    return f'<a href="{escape(href)}" title="{escape(src)}" rel="noreferrer noopener">{escape(label)}</a>'


def _detail_html(row: Mapping[str, Any], report_path: Path) -> str:
    """The expandable part of a trip: evidence, the verdict's explanation, facts, sources, history."""
    parts = []
    evidence = str(row.get("evidence") or "")
    if evidence:
        parts.append(f'<div class="d-evidence"><h3>Evidence</h3><blockquote class="evidence">'
                     f"{highlight(evidence, find_highlights(row))}</blockquote></div>")
    expl = _cell(row.get("explanation"))
    why = [f'<p class="explanation">{escape(expl)}</p>'] if expl else []
    facts = []
    for label, k in (("basis", "basis"), ("warrant", "warrant"), ("confidence", "confidence"),
                     ("event", "event"), ("date precision", "precision"), ("city", "city"),
                     ("country code", "country"), ("mentioned as", "mention"), ("span", "span"),
                     ("first reported", "first_reported"), ("last reported", "last_reported"),
                     ("published", "published"), ("trip id", "trip_id")):
        v = _cell(row.get(k))
        if v:
            body = f"<code>{escape(v)}</code>" if k in ("basis", "trip_id", "span") else escape(v)
            facts.append(f'<div data-k="{k}"><dt>{escape(label)}</dt><dd>{body}</dd></div>')
    parts.append(f'<div class="d-why"><h3>Why</h3>{"".join(why)}<dl class="facts">{"".join(facts)}</dl></div>')
    srcs = sources_of(row)
    if srcs:
        items = "".join(f"<li>{_link(s, row, report_path)}</li>" for s in srcs)
        parts.append(f'<div class="d-sources"><h3>Sources ({len(srcs)})</h3><ol class="sources">{items}</ol></div>')
    history = row.get("history")
    if isinstance(history, list) and history:
        trs = []
        for h in history:
            if not isinstance(h, Mapping):
                continue
            hv = {**{k: row.get(k) for k in ("person", "mention", "city", "country", "start", "end")}, **h}
            src = _cell(hv.get("source") or hv.get("url"))
            trs.append(f"<tr><td>{escape(_cell(hv.get('published')))}</td><td>{escape(_cell(hv.get('status')))}</td>"
                       f"<td>{escape(dates_label(hv))}</td><td>{_link(src, hv, report_path) if src else ''}</td>"
                       f"<td>{highlight(str(hv.get('evidence') or ''), find_highlights(hv))}</td></tr>")
        parts.append('<div class="d-history"><h3>Reports in time order</h3><table class="history"><thead><tr>'
                     "<th>published</th><th>status</th><th>dates</th><th>source</th><th>evidence</th></tr></thead>"
                     f"<tbody>{''.join(trs)}</tbody></table></div>")
    return "".join(parts)


# --------------------------------------------------------------------------------------------------
# The timeline

STATUS_SHAPES: dict[str, str] = {
    "completed": "circle", "ongoing": "circle", "planned": "triangle", "cancelled": "cross",
    "virtual": "square", "invited": "diamond", "speculative": "diamond",
}
_SHAPE_LABEL = {"circle": "completed or ongoing", "triangle": "planned", "cross": "cancelled",
                "square": "virtual (by video)", "diamond": "invited or speculative", "ring": "other status"}


def shape_svg(shape: str, x: float, y: float, colour: str, r: float = 6.0, attrs: str = "") -> str:
    """An SVG mark of ``shape`` centred on (x, y)."""
    f = _fmt
    if shape == "circle":
        return f'<circle {attrs} cx="{f(x)}" cy="{f(y)}" r="{f(r)}" fill="{colour}" stroke="#222" stroke-width="0.8"/>'
    if shape == "triangle":
        pts = f"{f(x)},{f(y - r * 1.15)} {f(x + r)},{f(y + r * 0.75)} {f(x - r)},{f(y + r * 0.75)}"
        return f'<polygon {attrs} points="{pts}" fill="{colour}" stroke="#222" stroke-width="0.8"/>'
    if shape == "cross":
        d = (f"M{f(x - r)} {f(y - r)}L{f(x + r)} {f(y + r)}M{f(x + r)} {f(y - r)}L{f(x - r)} {f(y + r)}")
        return f'<path {attrs} d="{d}" fill="none" stroke="{colour}" stroke-width="3.2" stroke-linecap="round"/>'
    if shape == "square":
        s = r * 0.9
        return (f'<rect {attrs} x="{f(x - s)}" y="{f(y - s)}" width="{f(2 * s)}" height="{f(2 * s)}" fill="#fff" '
                f'stroke="{colour}" stroke-width="2.6"/>')
    if shape == "diamond":
        pts = f"{f(x)},{f(y - r)} {f(x + r)},{f(y)} {f(x)},{f(y + r)} {f(x - r)},{f(y)}"
        return f'<polygon {attrs} points="{pts}" fill="#fff" stroke="{colour}" stroke-width="2.6"/>'
    return f'<circle {attrs} cx="{f(x)}" cy="{f(y)}" r="{f(r * 0.8)}" fill="#fff" stroke="{colour}" stroke-width="2.6"/>'


def _fmt(v: float) -> str:
    return f"{v:.1f}".rstrip("0").rstrip(".")


def warrant_dates(person_id: str, ruleset: Any = None) -> list[tuple[date, str]]:
    """(date, label) of each of the person's warrants being issued (and made public, when later)."""
    if not person_id:
        return []
    try:
        if ruleset is None:
            from ..ruleset import load_ruleset

            ruleset = load_ruleset()
        warrants = ruleset.warrants.get(person_id, [])
    except Exception:  # noqa: BLE001 - the timeline draws without the line rather than fail the report
        return []
    out: list[tuple[date, str]] = []
    for w in warrants:
        if w.issued is not None:
            sealed = f", public {w.public.isoformat()}" if w.public and w.public > w.issued else ""
            out.append((w.issued, f"warrant issued {w.issued.isoformat()}{sealed}"))
    return sorted(set(out))


def _timeline_svg(key: str, items: list[tuple[int, Mapping[str, Any]]], ruleset: Any) -> str:
    """One person's trips on a time axis: a mark per trip, the warrant date(s) as a line."""
    width, left, right_undated = 1000.0, 8.0, 70.0
    days = [d for _, r in items if (d := trip_day(r)) is not None]
    ends = [d for _, r in items if (d := trip_end(r)) is not None]
    pid = next((str(r.get("person_id") or "") for _, r in items if r.get("person_id")), "")
    wdates = warrant_dates(pid, ruleset)
    undated = [(i, r) for i, r in items if trip_day(r) is None]
    axis_right = width - (right_undated if undated else 10.0)
    pts = days + ends + [d for d, _ in wdates]
    lo, hi = (min(pts), max(pts)) if pts else (date.today(), date.today())
    span = max((hi - lo).days, 60)
    pad = span * 0.04
    lo_o, total = lo.toordinal() - pad, span + 2 * pad

    def x_of(d: date) -> float:
        return left + (axis_right - left) * (d.toordinal() - lo_o) / total

    lanes_y = (15.0, 5.5, 24.5)
    height = 44.0
    out = [f'<svg class="tl" viewBox="0 0 {_fmt(width)} {_fmt(height)}" role="img" data-person="{escape(key)}" '
           f'aria-label="Timeline of {len(items)} trip(s)">']
    out.append(f'<line class="axis" x1="{_fmt(left)}" x2="{_fmt(axis_right)}" y1="32" y2="32" stroke="#888"/>')
    # ticks: years, or months for short spans
    lo_d, hi_d = date.fromordinal(int(lo_o)), date.fromordinal(int(lo_o + total))
    if total > 540:
        step = max(1, round(total / 365 / 8))
        ticks = [date(y, 1, 1) for y in range(lo_d.year + 1, hi_d.year + 1) if (y - lo_d.year - 1) % step == 0]
        fmt_tick = "%Y"
    else:
        ticks = []
        y, m = lo_d.year, lo_d.month
        while True:
            m += 1
            if m > 12:
                y, m = y + 1, 1
            t = date(y, m, 1)
            if t > hi_d:
                break
            ticks.append(t)
        if len(ticks) > 10:
            ticks = ticks[:: math.ceil(len(ticks) / 10)]
        fmt_tick = "%b %Y"
    for t in ticks:
        x = x_of(t)
        out.append(f'<line x1="{_fmt(x)}" x2="{_fmt(x)}" y1="30" y2="35" stroke="#888"/>'
                   f'<text x="{_fmt(x)}" y="43" font-size="9" text-anchor="middle" fill="#555">'
                   f"{t.strftime(fmt_tick)}</text>")
    for d, label in wdates:
        x = x_of(d)
        out.append(f'<line class="warrant-line" x1="{_fmt(x)}" x2="{_fmt(x)}" y1="0" y2="35" stroke="#111" '
                   f'stroke-width="1.6" stroke-dasharray="4 2"><title>{escape(label)}</title></line>')
    if undated:
        ux = axis_right + 12
        out.append(f'<text x="{_fmt(ux + 26)}" y="43" font-size="9" text-anchor="middle" fill="#555">no date</text>'
                   f'<line x1="{_fmt(ux - 4)}" x2="{_fmt(width - 4)}" y1="32" y2="32" stroke="#bbb" '
                   'stroke-dasharray="2 2"/>')
    last_x = [-99.0] * len(lanes_y)
    undated_n = 0
    for i, r in sorted(items, key=lambda ir: sort_key(ir[1])):
        d = trip_day(r)
        if d is None:
            x = axis_right + 18 + (undated_n % 4) * 12
            undated_n += 1
        else:
            x = x_of(d)
        lane = next((k for k, lx in enumerate(last_x) if x - lx >= 9.5), min(range(len(lanes_y)),
                                                                             key=lambda k: last_x[k]))
        last_x[lane] = x
        obl, basis = _cell(r.get("obligation")), _cell(r.get("basis"))
        key_ = _key(obl, basis)
        status = _cell(r.get("status")).lower()
        shape = STATUS_SHAPES.get(status, "ring")
        where = country_name(_cell(r.get("country"))) or _cell(r.get("country"))
        tip = f"{dates_label(r)}: {where}, {status or 'status unknown'}; obligation {obl or '?'}"
        attrs = (f'class="mark k-{key_}" data-i="{i}" data-class="{key_}" data-status="{escape(status)}" '
                 f'data-shape="{shape}" tabindex="0"')
        out.append(f'<g {attrs}><title>{escape(tip)}</title>'
                   f'{shape_svg(shape, x, lanes_y[lane], CLASS_BY_KEY[key_].colour, 4.6)}</g>')
    out.append("</svg>")
    return "".join(out)


def _timelines_html(rows: list[dict[str, Any]], ruleset: Any) -> str:
    people: dict[str, list[tuple[int, Mapping[str, Any]]]] = {}
    names: dict[str, str] = {}
    for i, r in enumerate(rows):
        k = (_cell(r.get("person_id")) or _cell(r.get("person")) or _cell(r.get("mention")) or "(unnamed)").lower()
        people.setdefault(k, []).append((i, r))
        names.setdefault(k, _cell(r.get("person")) or _cell(r.get("mention")) or k)
    if not people:
        return ""
    wanted = [k for k, its in people.items() if any(r.get("person_id") for _, r in its)]
    others = [k for k in people if k not in wanted]

    def block(k: str) -> str:
        its = people[k]
        return (f'<div class="tl-row" data-person="{escape(k)}"><div class="tl-name">{escape(names[k])} '
                f'<span class="tl-n">{len(its)} trip{"s" if len(its) != 1 else ""}</span></div>'
                f"{_timeline_svg(k, its, ruleset)}</div>")

    order = sorted(wanted, key=lambda k: (-len(people[k]), names[k]))
    shapes_seen = {STATUS_SHAPES.get(_cell(r.get("status")).lower(), "ring") for r in rows}
    legend = "".join(
        f'<span class="tl-key"><svg viewBox="-8 -8 16 16" width="14" height="14">'
        f'{shape_svg(s, 0, 0, "#555")}</svg> {escape(_SHAPE_LABEL[s])}</span>'
        for s in ("circle", "triangle", "cross", "square", "diamond", "ring") if s in shapes_seen)
    legend += ('<span class="tl-key"><svg viewBox="0 0 10 16" width="8" height="14"><line x1="5" x2="5" y1="0" '
               'y2="16" stroke="#111" stroke-width="1.6" stroke-dasharray="4 2"/></svg> warrant issued</span>'
               '<span class="tl-key">colour: the obligation (as the badges below)</span>')
    parts = [f'<section id="timelines"><h2>Timeline per person</h2><p class="tl-legend">{legend}</p>']
    parts.extend(block(k) for k in order)
    if others:
        parts.append(f'<details id="tl-others"{" open" if not wanted else ""}><summary>{len(others)} '
                     f'{"person" if len(others) == 1 else "people"} with no ICC warrant on record</summary>')
        parts.extend(block(k) for k in sorted(others, key=lambda k: (-len(people[k]), names[k])))
        parts.append("</details>")
    parts.append("</section>")
    return "".join(parts)


# --------------------------------------------------------------------------------------------------
# The page


def _summary_html(trips: list[dict[str, Any]], summary: Mapping[str, Any], grouped: bool) -> str:
    n_articles = summary.get("articles", summary.get("articles_read", ""))
    n_trips = summary.get("trips", summary.get("trips_found", len(trips)))
    by_status = Counter(_cell(t.get("status")) or "(none)" for t in trips)
    by_obl = Counter(_cell(t.get("obligation")) or "(none)" for t in trips)
    parts = ['<section id="summary"><dl class="figures">']
    if n_articles != "":
        parts.append(f'<div><dt>Articles read</dt><dd id="n-articles">{escape(_cell(n_articles))}</dd></div>')
    label = "Trips" if grouped else "Trip reports"
    parts.append(f'<div><dt>{label}</dt><dd id="n-trips">{escape(_cell(n_trips))}</dd></div></dl>')
    parts.append('<div class="counts"><ul id="by-obligation" aria-label="By obligation">')
    order = {o: i for i, o in enumerate(OBLIGATION_ORDER)}
    for obl, n in sorted(by_obl.items(), key=lambda kv: (order.get(kv[0], 9), kv[0])):
        badge = _badge(obl if obl != "(none)" else "", "state_party" if obl == "yes" else "")
        parts.append(f'<li data-obligation="{escape(obl)}">{badge} <b>{n}</b></li>')
    parts.append('</ul><ul id="by-status" aria-label="By status">')
    for st, n in sorted(by_status.items(), key=lambda kv: (-kv[1], kv[0])):
        parts.append(f'<li data-status="{escape(st)}">{escape(st)} <b>{n}</b></li>')
    parts.append("</ul></div>")
    extra = {k: v for k, v in summary.items()
             if k not in ("articles", "articles_read", "trips", "trips_found", "title", "checked", "data_checked")}
    if extra:
        parts.append('<dl id="summary-extra">')
        for k, v in extra.items():
            if isinstance(v, Mapping):
                v = ", ".join(f"{a}: {b}" for a, b in v.items())
            parts.append(f"<div><dt>{escape(str(k).replace('_', ' '))}</dt><dd>{escape(_cell(v))}</dd></div>")
        parts.append("</dl>")
    parts.append("</section>")
    return "".join(parts)


def _options(values: Iterable[str], labels: Mapping[str, str] | None = None) -> str:
    labels = labels or {}
    return "".join(f'<option value="{escape(v)}">{escape(labels.get(v, v))}</option>'
                   for v in sorted(set(values), key=lambda v: labels.get(v, v)) if v)


#: the table's columns, answer first; the rest of a trip is in its expandable detail
VIEW_COLUMNS: tuple[tuple[str, str], ...] = (
    ("obligation", "Obligation"), ("person", "Person"), ("destination", "Destination"), ("dates", "Dates"),
    ("status", "Status"), ("reports", "Reports"), ("confidence", "Confidence"),
)
_CONF_ORDER = {"low": "0", "medium": "1", "high": "2"}


def _row_html(i: int, t: dict[str, Any], report_path: Path, grouped: bool) -> str:
    obl, basis = _cell(t.get("obligation")), _cell(t.get("basis"))
    code = _cell(t.get("country"))
    cname = country_name(code)
    city = _cell(t.get("city"))
    person = _cell(t.get("person")) or _cell(t.get("mention")) or _cell(t.get("person_id"))
    person_key = " ".join(_cell(t.get(c)) for c in ("person", "person_id", "mention")).lower()
    status = _cell(t.get("status"))
    conf = _cell(t.get("confidence")).lower()
    cells: dict[str, tuple[str, str]] = {}
    cells["obligation"] = (_badge(obl, basis),
                           str(OBLIGATION_ORDER.index(obl)) if obl in OBLIGATION_ORDER else "9")
    pid = _cell(t.get("person_id"))
    cells["person"] = (f'<span class="who">{escape(person)}</span>'
                       + ("" if pid else ' <span class="note">no ICC warrant on record</span>'), person)
    dest = escape(cname or code or "?")
    if city and city.lower() != (cname or "").lower():
        dest = f"{escape(city)}, {dest}"
    cells["destination"] = (f'<span class="place">{dest}</span> <span class="code">{escape(code)}</span>',
                            f"{cname or code} {city}")
    cells["dates"] = (f'<span class="when">{escape(dates_label(t))}</span>'
                      + (' <span class="note">(around)</span>'
                         if _cell(t.get("precision")) in ("approximate", "approx", "around") else ""),
                      _cell(t.get("start")))  # undated: last, either way
    cells["status"] = (f'<span class="status s-{escape(re.sub(r"[^a-z]", "", status.lower()))}">'
                       f"{escape(status or '?')}</span>", status)
    if grouped:
        n = t.get("reports")
        n_txt = _cell(n) or "1"
        rng = " – ".join(dict.fromkeys(x for x in (_cell(t.get("first_reported")), _cell(t.get("last_reported"))) if x))
        cells["reports"] = (f'<span class="n-reports">{escape(n_txt)}</span>'
                            + (f' <span class="note">{escape(rng)}</span>' if rng else ""),
                            f"{int(n) if isinstance(n, int) else 0:06d}")
    else:
        src = _cell(t.get("source"))
        pub = _cell(t.get("published"))
        cells["reports"] = ((_link(src, t, report_path) if src else "")
                            + (f' <span class="note">{escape(pub)}</span>' if pub else ""), pub)
    cells["confidence"] = ("" if conf in ("", "high") else f'<span class="conf c-{escape(conf)}">{escape(conf)}</span>',
                           _CONF_ORDER.get(conf, "3"))
    tds = "".join(f'<td class="col-{c}" data-sort="{escape(str(sort))}">{body}</td>'
                  for c, _ in VIEW_COLUMNS for body, sort in [cells[c]])
    tds += (f'<td class="col-more"><button type="button" class="more" aria-expanded="false" '
            f'aria-controls="d-{i}" title="Evidence, explanation and sources">Details</button></td>')
    attrs = (f'data-obligation="{escape(obl.lower())}" data-status="{escape(status.lower())}" '
             f'data-country="{escape(code.lower())}" data-person="{escape(person_key)}" data-class="{_key(obl, basis)}"')
    return (f'<tbody class="trip" id="t-{i}" data-i="{i}" {attrs}><tr class="main">{tds}</tr>'
            f'<tr class="detail" id="d-{i}" hidden><td colspan="{len(VIEW_COLUMNS) + 1}"><div class="dgrid">'
            f"{_detail_html(t, report_path)}</div></td></tr></tbody>")


def render_report(trips: Iterable[Mapping[str, Any]] | Any, path: str | os.PathLike[str],
                  summary: Mapping[str, Any] | None = None, ruleset: Any = None) -> str:
    """The report page as a string (see :func:`write_report`)."""
    rows = as_rows(trips)
    summary = dict(summary or {})
    grouped = is_grouped(rows)
    report_path = Path(path)
    title = str(summary.get("title") or ("riskcheck: trips found in the news" if grouped
                                         else "riskcheck: trips reported in the news"))
    body_rows = "".join(_row_html(i, t, report_path, grouped) for i, t in enumerate(rows))
    head = "".join(
        f'<th scope="col" class="col-{c}" data-col="{c}" aria-sort="none"><button type="button">{label}</button></th>'
        for c, label in VIEW_COLUMNS) + '<th scope="col" class="col-more"><span class="sr">details</span></th>'
    if not grouped:
        head = head.replace('<button type="button">Reports</button>', '<button type="button">Report</button>')
    countries = {_cell(t.get("country")).lower() for t in rows if _cell(t.get("country"))}
    names = {c: f"{country_name(c.upper()) or c.upper()} ({c.upper()})" for c in countries}
    filters = (
        '<form id="filters" role="search" onsubmit="return false">'
        '<label>Obligation <select id="f-obligation" data-filter="obligation"><option value="">all</option>'
        + "".join(f'<option value="{o}">{o}</option>' for o in OBLIGATION_ORDER
                  if any(_cell(t.get("obligation")) == o for t in rows))
        + "</select></label>"
        '<label>Status <select id="f-status" data-filter="status"><option value="">all</option>'
        + _options(_cell(t.get("status")).lower() for t in rows) + "</select></label>"
        '<label>Destination <select id="f-country" data-filter="country"><option value="">all</option>'
        + _options(countries, names) + "</select></label>"
        '<label>Person <input id="f-person" type="search" data-filter="person" placeholder="name or id"></label>'
        '<a id="view-link" href="#">link to this view</a>'
        f'<output id="shown" aria-live="polite">{len(rows)} of {len(rows)} trips</output>'
        "</form>")
    badge_css = "".join(f".badge.k-{m.key}{{background:{m.colour};color:{_text_on(m.colour)}}}" for m in CLASSES)
    used = {_key(_cell(t.get("obligation")), _cell(t.get("basis"))) for t in rows}
    legend = "".join(f'<li><span class="badge k-{m.key}">{escape(m.key)}</span> {escape(m.label)}</li>'
                     for m in CLASSES if m.key in used)
    checked = summary.get("checked") or summary.get("data_checked") or ""
    foot = (f"Data checked {escape(_cell(checked))}. " if checked else "") + (
        "Not legal advice: trips are extracted automatically from news text and may be wrong; "
        "read the evidence and the source.")
    meta = {"n": len(rows), "grouped": grouped, "columns": [c for c, _ in VIEW_COLUMNS]}
    return f"""{HTML_HEAD}<title>{escape(title)}</title>
<style>
*{{box-sizing:border-box}}
body{{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",Arial,sans-serif;color:#111;background:#fff;font-size:14px}}
main{{padding:10px 16px;max-width:1500px;margin:0 auto}}
h1{{font-size:1.4em;margin:.2em 0 .4em}} h2{{font-size:1.1em;margin:.6em 0 .3em}} h3{{font-size:1em;margin:.3em 0}}
#summary{{display:flex;flex-wrap:wrap;gap:10px 28px;align-items:center;margin-bottom:6px}}
dl.figures{{display:flex;gap:24px;margin:0}} dl.figures dd{{font-size:1.6em;font-weight:bold;margin:0}}
dl.figures dt{{color:#555}}
.counts{{display:flex;flex-direction:column;gap:6px}} .counts ul{{display:flex;flex-wrap:wrap;gap:4px 16px;list-style:none;margin:0;padding:0}}
caption{{text-align:left;font-weight:bold;color:#555}}
#summary-extra{{margin:0;color:#333}} #summary-extra div{{display:flex;gap:6px}} #summary-extra dt{{font-weight:bold}}
#summary-extra dd{{margin:0;overflow-wrap:anywhere}}
#timelines{{margin:4px 0 8px}}
.tl-legend{{display:flex;flex-wrap:wrap;gap:4px 16px;color:#333;font-size:12px;margin:2px 0 6px}}
.tl-key{{display:inline-flex;gap:4px;align-items:center}}
.tl-row{{display:grid;grid-template-columns:12em minmax(0,1fr);gap:8px;align-items:center;border-top:1px solid #eee}}
.tl-name{{font-weight:bold;font-size:13px;overflow-wrap:anywhere;line-height:1.15}} .tl-n{{font-weight:normal;color:#555;font-size:12px}}
svg.tl{{width:100%;height:44px;display:block}}
svg.tl .mark{{cursor:pointer}} svg.tl .mark.off{{opacity:.12}} svg.tl .mark:focus{{outline:none}}
svg.tl .mark:hover,svg.tl .mark:focus{{filter:drop-shadow(0 0 2px #000)}}
#tl-others summary{{cursor:pointer;color:#333;margin:4px 0}}
#filters{{display:flex;flex-wrap:wrap;gap:8px 14px;align-items:center;padding:6px 8px;background:#f4f6f8;border-radius:6px;margin:8px 0}}
#filters label{{display:flex;gap:6px;align-items:center}} #filters select{{max-width:16em}}
#shown{{margin-left:auto;color:#333}}
table#trips{{border-collapse:collapse;width:100%;table-layout:fixed}}
#trips col.c-obligation{{width:7.5em}} #trips col.c-dates{{width:13em}} #trips col.c-status{{width:7.5em}}
#trips col.c-reports{{width:12em}} #trips col.c-confidence{{width:7.5em}} #trips col.c-more{{width:6.5em}}
#trips th,#trips td{{border-bottom:1px solid #ddd;padding:4px 6px;text-align:left;vertical-align:top;overflow-wrap:anywhere}}
#trips thead th{{position:sticky;top:0;background:#fff;box-shadow:0 1px 0 #999;z-index:1}}
#trips th button{{all:unset;cursor:pointer;font-weight:bold}}
#trips th[aria-sort=ascending] button::after{{content:" \\25B2"}}
#trips th[aria-sort=descending] button::after{{content:" \\25BC"}}
#trips tbody.trip tr.main:hover td{{background:#fafafa}} #trips tbody.trip.flash tr.main td{{background:#fff3c4}}
#trips tr.main{{cursor:pointer}}
#trips td.col-dates{{overflow-wrap:normal}}
#trips tr.detail td{{background:#fbfbfb;border-bottom:2px solid #bbb;padding:6px 10px 10px}}
.dgrid{{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:4px 20px}}
.dgrid .d-history,.dgrid .d-sources{{grid-column:1 / -1}}
blockquote.evidence{{margin:0;padding:4px 10px;border-left:3px solid #bbb;background:#fff}}
dl.facts{{display:flex;flex-wrap:wrap;gap:2px 14px;margin:4px 0;font-size:12px}} dl.facts div{{display:flex;gap:4px}}
dl.facts dt{{color:#555}} dl.facts dd{{margin:0}}
ol.sources{{margin:0;padding-left:1.6em;columns:2;column-gap:24px}} ol.sources li{{overflow-wrap:anywhere}}
table.history{{border-collapse:collapse;width:100%;table-layout:fixed;font-size:12px}}
table.history th,table.history td{{border-bottom:1px solid #e4e4e4;padding:2px 4px;text-align:left;vertical-align:top;overflow-wrap:anywhere}}
table.history th:nth-child(-n+3){{width:7.5em}} table.history th:nth-child(4){{width:12em}}
button.more{{font:inherit;font-size:12px;padding:1px 6px;border:1px solid #999;border-radius:4px;background:#fff;cursor:pointer}}
button.more[aria-expanded=true]{{background:#333;color:#fff}}
.note{{color:#555;font-size:12px}} .code{{color:#666;font-size:11px}}
.conf{{font-weight:bold;font-size:12px;padding:0 5px;border-radius:3px}} .conf.c-low{{background:#ffd6d6}} .conf.c-medium{{background:#ffeeba}}
.status.s-cancelled{{text-decoration:line-through}}
.sr{{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}}
mark{{padding:0 2px;border-radius:2px}} mark.hl-person{{background:#ffe08a}} mark.hl-place{{background:#b9e3c6}}
mark.hl-date{{background:#c9d8ff}}
.badge{{display:inline-block;padding:1px 7px;border-radius:9px;font-weight:bold;font-size:12px}}
{badge_css}
#legend{{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:4px 16px;color:#333;font-size:12px}}
footer{{color:#555;font-size:12px;margin:12px 0}}
@media print {{
  body{{font-size:10pt}} main{{max-width:none;padding:0}}
  #filters,button.more,.col-more,#view-link{{display:none !important}}
  #trips thead th{{position:static;box-shadow:none;border-bottom:1px solid #000}}
  table#trips{{table-layout:auto}} #trips col{{width:auto !important}} #trips col.c-more{{width:0 !important}}
  #trips td.col-person,#trips td.col-destination,#trips td.col-status{{overflow-wrap:normal}}
  #trips tbody.trip{{break-inside:avoid}}
  #trips tr.detail[hidden]{{display:table-row}}
  #trips tr.detail td{{background:none;border-bottom:1px solid #000}}
  #tl-others[open] summary, #tl-others summary{{display:block}}
  .badge,mark,.conf{{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
  svg.tl{{max-height:60px}} .tl-row{{break-inside:avoid}}
  a{{color:#000;text-decoration:none}}
}}
</style>
</head>
<body>
<main>
<h1>{escape(title)}</h1>
{_summary_html(rows, summary, grouped)}
{_timelines_html(rows, ruleset)}
<p class="note">Highlighted in the evidence: <mark class="hl-person">person</mark> <mark class="hl-place">place</mark> <mark class="hl-date">date</mark>. Click a trip, or its Details button, for the evidence, the reasons and the sources; click a column header to sort.</p>
{filters}
<table id="trips"><colgroup><col class="c-obligation"><col class="c-person"><col class="c-destination"><col class="c-dates"><col class="c-status"><col class="c-reports"><col class="c-confidence"><col class="c-more"></colgroup>
<thead><tr>{head}</tr></thead>
{body_rows}</table>
<p id="empty" {"" if not rows else "hidden"}>No trips.</p>
<ul id="legend">{legend}</ul>
<footer>{foot}</footer>
</main>
<script type="application/json" id="report-meta">{_json_script(meta)}</script>
<script>{_REPORT_JS}</script>
</body>
</html>
"""


def write_report(trips: Iterable[Mapping[str, Any]] | Any, path: str | os.PathLike[str],
                 summary: Mapping[str, Any] | None = None, ruleset: Any = None) -> Path:
    """Write the HTML report of ``trips`` to ``path`` atomically and return the path.

    ``trips``: one row per trip report (the news output's columns, :data:`COLUMNS`) or per grouped trip
    (``trip_id``, ``reports``, ``sources``, ``first_reported``, ``last_reported``, ``history``, ...), as
    dicts, Trip/TripRecord objects or a pandas DataFrame; missing keys show empty. Optional keys:
    ``highlights`` (``(start, end, kind)`` offsets into ``evidence``; kind person, place or date; without
    it the mention, city/country name and date are found by search), ``url``, ``confidence``.

    The page, answer first: a summary, a timeline per person (a mark per trip coloured by obligation and
    shaped by status, the warrant's date as a line), then a table whose first column is the obligation
    badge; each row expands to its evidence (highlighted), explanation, sources and report history.
    Filters and sorting are kept in the URL fragment (``#obligation=yes&person=putin&sort=dates&dir=desc``)
    so a link opens the same view. One file, no network (a Content-Security-Policy forbids fetches).

    ``summary``: ``articles`` (articles read), ``trips`` (default the number of rows), ``title``,
    ``checked`` (the data's checked date); any other key is listed as is. ``ruleset`` gives the warrant
    dates for the timeline (default: the loaded data).
    """
    target = Path(path)
    text = render_report(trips, target, summary, ruleset)
    with atomic_output(target) as f:
        f.write(text)
    readable(target)
    return target


_REPORT_JS = r"""
(function(){
  "use strict";
  var table = document.getElementById("trips");
  var heads = table.tHead.rows[0].cells;
  var shown = document.getElementById("shown");
  var empty = document.getElementById("empty");
  var link = document.getElementById("view-link");
  var trips = Array.prototype.slice.call(table.tBodies);
  var total = trips.length;
  var state = {sort: "", dir: "ascending"};
  var KEYS = ["obligation", "status", "country", "person"];
  var cmp = new Intl.Collator(undefined, {numeric: true, sensitivity: "base"}).compare;
  function colIndex(name){
    for (var i = 0; i < heads.length; i++) if (heads[i].getAttribute("data-col") === name) return i;
    return -1;
  }
  function sortBy(name, dir){
    var i = colIndex(name);
    if (i < 0) return;
    var sign = dir === "descending" ? -1 : 1;
    var rows = trips.slice();
    rows.sort(function(a, b){
      var x = a.rows[0].cells[i].getAttribute("data-sort"), y = b.rows[0].cells[i].getAttribute("data-sort");
      if (x === "" && y !== "") return 1;
      if (y === "" && x !== "") return -1;
      return sign * cmp(x, y) || (+a.getAttribute("data-i") - +b.getAttribute("data-i"));
    });
    rows.forEach(function(r){ table.appendChild(r); });
    for (var k = 0; k < heads.length; k++) if (heads[k].hasAttribute("data-col")) heads[k].setAttribute("aria-sort", k === i ? dir : "none");
    state.sort = name; state.dir = dir;
    table.setAttribute("data-sorted", name + ":" + dir);
    save();
  }
  function val(id){ return document.getElementById(id).value.trim().toLowerCase(); }
  function filter(){
    var f = {obligation: val("f-obligation"), status: val("f-status"), country: val("f-country"), person: val("f-person")};
    var n = 0;
    trips.forEach(function(r){
      var ok = (!f.obligation || r.getAttribute("data-obligation") === f.obligation) &&
               (!f.status || r.getAttribute("data-status") === f.status) &&
               (!f.country || r.getAttribute("data-country") === f.country) &&
               (!f.person || r.getAttribute("data-person").indexOf(f.person) >= 0);
      r.hidden = !ok;
      var marks = document.querySelectorAll('svg.tl .mark[data-i="' + r.getAttribute("data-i") + '"]');
      for (var k = 0; k < marks.length; k++) marks[k].classList.toggle("off", !ok);
      if (ok) n++;
    });
    shown.textContent = n + " of " + total + " trips";
    shown.setAttribute("data-shown", n);
    empty.hidden = n > 0;
    save();
  }
  function fragment(){
    var p = [];
    KEYS.forEach(function(k){
      var v = document.getElementById("f-" + k).value;
      if (v) p.push(k + "=" + encodeURIComponent(v));
    });
    if (state.sort) p.push("sort=" + encodeURIComponent(state.sort), "dir=" + (state.dir === "descending" ? "desc" : "asc"));
    return p.length ? "#" + p.join("&") : "";
  }
  function save(){
    var h = fragment();
    link.setAttribute("href", h || "#");
    try { history.replaceState(null, "", h || location.pathname + location.search); } catch (e) {}
  }
  function toggle(body, open){
    var det = body.rows[1], btn = body.querySelector("button.more");
    if (open === undefined) open = det.hidden;
    det.hidden = !open;
    btn.setAttribute("aria-expanded", open ? "true" : "false");
  }
  Array.prototype.forEach.call(heads, function(th){
    if (!th.hasAttribute("data-col")) return;
    th.addEventListener("click", function(){
      var name = th.getAttribute("data-col");
      sortBy(name, (state.sort === name && state.dir === "ascending") ? "descending" : "ascending");
    });
  });
  trips.forEach(function(body){
    body.rows[0].addEventListener("click", function(ev){
      if (ev.target.closest("a")) return;
      toggle(body);
    });
  });
  function reveal(i){
    var body = document.getElementById("t-" + i);
    if (!body) return;
    if (body.hidden) { KEYS.forEach(function(k){ document.getElementById("f-" + k).value = ""; }); filter(); }
    toggle(body, true);
    body.scrollIntoView({block: "start"});
    body.classList.add("flash");
    setTimeout(function(){ body.classList.remove("flash"); }, 1500);
  }
  Array.prototype.forEach.call(document.querySelectorAll("svg.tl .mark"), function(m){
    m.addEventListener("click", function(){ reveal(m.getAttribute("data-i")); });
    m.addEventListener("keydown", function(ev){ if (ev.key === "Enter" || ev.key === " ") { reveal(m.getAttribute("data-i")); ev.preventDefault(); } });
  });
  KEYS.forEach(function(k){
    var el = document.getElementById("f-" + k);
    el.addEventListener(el.tagName === "SELECT" ? "change" : "input", filter);
  });
  function restore(){
    var params = {};
    location.hash.replace(/^#/, "").split("&").forEach(function(kv){
      var i = kv.indexOf("=");
      if (i > 0) { try { params[kv.slice(0, i)] = decodeURIComponent(kv.slice(i + 1)); } catch (e) {} }
    });
    KEYS.forEach(function(k){
      var el = document.getElementById("f-" + k), v = params[k] !== undefined ? params[k].toLowerCase() : "";
      if (el.tagName === "SELECT" && v && !Array.prototype.some.call(el.options, function(o){ return o.value === v; })) {
        var o = document.createElement("option"); o.value = v; o.textContent = v; el.appendChild(o);  // keep the view: it shows 0 trips
      }
      el.value = v;
    });
    if (params.sort) sortBy(params.sort, params.dir === "desc" ? "descending" : "ascending");
    filter();
    if (params.trip !== undefined) reveal(params.trip);
  }
  window.addEventListener("hashchange", function(){ if (location.hash !== fragment()) restore(); });
  restore();
  document.documentElement.setAttribute("data-ready", "1");
})();
"""
