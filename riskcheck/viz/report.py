"""An HTML report of trips found in the news: ``riskcheck news ... --report report.html``.

One self-contained page (inline CSS and script, no network): a summary, then a table of trips that sorts
when a header is clicked and filters by obligation, person, status and country. Each row shows its
evidence sentence with the person, place and date mentions marked, a badge for the verdict and a link
back to the source. All text from articles is escaped.

>>> write_report(trips, "report.html", {"articles": 12})   # doctest: +SKIP
"""

from __future__ import annotations

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
from .worldmap import CLASS_BY_KEY, CLASSES, _json_script, _text_on, classify_parts, readable

#: the table's columns, as in the news command's output
COLUMNS: tuple[str, ...] = (
    "source", "published", "person_id", "person", "mention", "country", "city", "start", "end", "precision",
    "status", "event", "evidence", "span", "warrant", "obligation", "basis", "explanation",
)
OBLIGATION_ORDER = ("yes", "residual", "unknown", "no")
_FILTERS = ("obligation", "status", "country")


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
    return getattr(c, "common_name", None) or getattr(c, "name", "") if c else ""


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
                    spans.append((pos, pos + len(n), kind))
                    found = True
                    pos = lower.find(n.lower(), pos + len(n))
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
# The page


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return " ; ".join(str(v) for v in value)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return str(value)


def _summary_html(trips: list[Mapping[str, Any]], summary: Mapping[str, Any]) -> str:
    n_articles = summary.get("articles", summary.get("articles_read", ""))
    n_trips = summary.get("trips", summary.get("trips_found", len(trips)))
    by_status = Counter(_cell(t.get("status")) or "(none)" for t in trips)
    by_obl = Counter(_cell(t.get("obligation")) or "(none)" for t in trips)
    parts = ['<section id="summary"><h2>Summary</h2><dl class="figures">']
    if n_articles != "":
        parts.append(f'<div><dt>Articles read</dt><dd id="n-articles">{escape(_cell(n_articles))}</dd></div>')
    parts.append(f'<div><dt>Trips found</dt><dd id="n-trips">{escape(_cell(n_trips))}</dd></div></dl>')
    parts.append('<div class="counts"><table id="by-obligation"><caption>By obligation</caption><tbody>')
    order = {o: i for i, o in enumerate(OBLIGATION_ORDER)}
    for obl, n in sorted(by_obl.items(), key=lambda kv: (order.get(kv[0], 9), kv[0])):
        key = classify_parts(obl, "state_party" if obl == "yes" else "")
        parts.append(f'<tr data-obligation="{escape(obl)}"><td><span class="badge k-{key}">{escape(obl)}</span>'
                     f"</td><td>{n}</td></tr>")
    parts.append('</tbody></table><table id="by-status"><caption>By status</caption><tbody>')
    for st, n in sorted(by_status.items(), key=lambda kv: (-kv[1], kv[0])):
        parts.append(f'<tr data-status="{escape(st)}"><td>{escape(st)}</td><td>{n}</td></tr>')
    parts.append("</tbody></table></div>")
    extra = {k: v for k, v in summary.items()
             if k not in ("articles", "articles_read", "trips", "trips_found", "title")}
    if extra:
        parts.append('<dl id="summary-extra">')
        for k, v in extra.items():
            if isinstance(v, Mapping):
                v = ", ".join(f"{a}: {b}" for a, b in v.items())
            parts.append(f"<div><dt>{escape(str(k).replace('_', ' '))}</dt><dd>{escape(_cell(v))}</dd></div>")
        parts.append("</dl>")
    parts.append("</section>")
    return "".join(parts)


def _options(values: Iterable[str], upper: bool = False) -> str:
    return "".join(f'<option value="{escape(v)}">{escape(v.upper() if upper else v)}</option>'
                   for v in sorted(set(values)) if v)


def render_report(trips: Iterable[Mapping[str, Any]], path: str | os.PathLike[str],
                  summary: Mapping[str, Any] | None = None) -> str:
    """The report page as a string (see :func:`write_report`)."""
    trips = list(trips)
    summary = dict(summary or {})
    report_path = Path(path)
    title = str(summary.get("title") or "riskcheck: trips found in the news")
    rows = []
    for i, t in enumerate(trips):
        vals = {c: _cell(t.get(c)) for c in COLUMNS}
        key = classify_parts(vals["obligation"], vals["basis"])
        attrs = " ".join(f'data-{c}="{escape(vals[c].lower())}"' for c in ("obligation", "status", "country"))
        person_key = " ".join(vals[c] for c in ("person", "person_id", "mention")).lower()
        cells = []
        for c in COLUMNS:
            v = vals[c]
            sort = escape(v)
            if c == "source":
                href = source_href(t, report_path)
                label = escape(v or href)
                if href and not re.match(r"(?i)[a-z][a-z0-9+.-]*:", v):
                    label = escape(Path(v).name or v)  # a file: its name (the full path is the title)
                body = (f'<a href="{escape(href)}" title="{escape(v)}" rel="noreferrer noopener">{label}</a>'
                        if href else label)
            elif c == "evidence":
                body = highlight(str(t.get("evidence") or ""), find_highlights(t))
            elif c == "obligation":
                body = (f'<span class="badge k-{key}" data-class="{key}" '
                        f'title="{escape(CLASS_BY_KEY[key].label)}">{escape(v or "?")}</span>')
                sort = str(OBLIGATION_ORDER.index(v)) if v in OBLIGATION_ORDER else "9"
            elif c == "basis":
                body = f"<code>{escape(v)}</code>" if v else ""
            else:
                body = escape(v)
            cells.append(f'<td class="col-{c}" data-sort="{sort}">{body}</td>')
        rows.append(f'<tr data-i="{i}" {attrs} data-person="{escape(person_key)}">{"".join(cells)}</tr>')
    head = "".join(
        f'<th scope="col" class="col-{c}" data-col="{c}" aria-sort="none"><button type="button">{c}</button></th>'
        for c in COLUMNS)
    filters = (
        '<form id="filters" role="search" onsubmit="return false">'
        '<label>Obligation <select id="f-obligation" data-filter="obligation"><option value="">all</option>'
        + "".join(f'<option value="{o}">{o}</option>' for o in OBLIGATION_ORDER
                  if any(_cell(t.get("obligation")) == o for t in trips))
        + "</select></label>"
        '<label>Status <select id="f-status" data-filter="status"><option value="">all</option>'
        + _options(_cell(t.get("status")).lower() for t in trips) + "</select></label>"
        '<label>Country <select id="f-country" data-filter="country"><option value="">all</option>'
        + _options((_cell(t.get("country")).lower() for t in trips), upper=True) + "</select></label>"
        '<label>Person <input id="f-person" type="search" data-filter="person" placeholder="name or id"></label>'
        f'<output id="shown" aria-live="polite">{len(trips)} of {len(trips)} trips</output>'
        "</form>")
    badge_css = "".join(f".badge.k-{m.key}{{background:{m.colour};color:{_text_on(m.colour)}}}" for m in CLASSES)
    legend = "".join(f'<li><span class="badge k-{m.key}">{escape(m.key)}</span> {escape(m.label)}</li>'
                     for m in CLASSES if m.key != "nodata")
    checked = summary.get("checked") or summary.get("data_checked") or ""
    foot = (f"Data checked {escape(_cell(checked))}. " if checked else "") + (
        "Not legal advice: trips are extracted automatically from news text and may be wrong; "
        "read the evidence and the source.")
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="riskcheck">
<title>{escape(title)}</title>
<style>
body{{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",Arial,sans-serif;color:#111;background:#fff;font-size:14px}}
main{{padding:12px 16px}}
h1{{font-size:1.5em;margin:.2em 0 .5em}}
#summary{{display:flex;flex-wrap:wrap;gap:24px;align-items:flex-start;margin-bottom:12px}}
#summary h2{{width:100%;margin:0;font-size:1.15em}}
dl.figures{{display:flex;gap:24px;margin:0}} dl.figures dd{{font-size:2em;font-weight:bold;margin:0}}
dl.figures dt{{color:#555}}
.counts{{display:flex;gap:24px}} .counts table{{border-collapse:collapse}} .counts td{{padding:2px 8px}}
caption{{text-align:left;font-weight:bold;color:#555}}
#summary-extra{{margin:0;color:#333}} #summary-extra div{{display:flex;gap:6px}} #summary-extra dt{{font-weight:bold}}
#summary-extra dd{{margin:0}}
#filters{{display:flex;flex-wrap:wrap;gap:14px;align-items:center;padding:8px;background:#f4f6f8;border-radius:6px;margin:8px 0}}
#filters label{{display:flex;gap:6px;align-items:center}}
#shown{{margin-left:auto;color:#333}}
table#trips{{border-collapse:collapse;width:100%}}
#trips th,#trips td{{border-bottom:1px solid #ddd;padding:4px 6px;text-align:left;vertical-align:top}}
#trips thead th{{position:sticky;top:0;background:#fff;box-shadow:0 1px 0 #999}}
#trips th button{{all:unset;cursor:pointer;font-weight:bold;white-space:nowrap}}
#trips th[aria-sort=ascending] button::after{{content:" \\25B2"}}
#trips th[aria-sort=descending] button::after{{content:" \\25BC"}}
#trips td.col-evidence{{min-width:22em;max-width:36em}} #trips td.col-explanation{{min-width:18em;max-width:30em;color:#333}}
#trips td.col-source{{max-width:14em;overflow-wrap:anywhere}}
#trips td.col-published,#trips td.col-start,#trips td.col-end,#trips td.col-person_id{{white-space:nowrap}}
#trips tr:hover td{{background:#fafafa}}
mark{{padding:0 2px;border-radius:2px}} mark.hl-person{{background:#ffe08a}} mark.hl-place{{background:#b9e3c6}}
mark.hl-date{{background:#c9d8ff}}
.badge{{display:inline-block;padding:1px 7px;border-radius:9px;font-weight:bold;font-size:12px}}
{badge_css}
#legend{{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:4px 16px;color:#333;font-size:12px}}
footer{{color:#555;font-size:12px;margin:12px 0}}
</style>
</head>
<body>
<main>
<h1>{escape(title)}</h1>
{_summary_html(trips, summary)}
<p>Highlighted in the evidence: <mark class="hl-person">person</mark> <mark class="hl-place">place</mark> <mark class="hl-date">date</mark>. Click a column header to sort.</p>
{filters}
<table id="trips"><thead><tr>{head}</tr></thead>
<tbody>{"".join(rows)}</tbody></table>
<p id="empty" {"" if not trips else "hidden"}>No trips.</p>
<ul id="legend">{legend}</ul>
<footer>{foot}</footer>
</main>
<script type="application/json" id="report-meta">{_json_script({"columns": list(COLUMNS), "n": len(trips)})}</script>
<script>{_REPORT_JS}</script>
</body>
</html>
"""


def write_report(trips: Iterable[Mapping[str, Any]], path: str | os.PathLike[str],
                 summary: Mapping[str, Any] | None = None) -> Path:
    """Write the HTML report of ``trips`` to ``path`` atomically and return the path.

    ``trips``: one dict per trip, with the news output's columns (:data:`COLUMNS`: source, published,
    person_id, person, mention, country, city, start, end, precision, status, event, evidence, span,
    warrant, obligation, basis, explanation); missing keys show empty. Optional keys: ``highlights``, a
    list of ``(start, end, kind)`` offsets into ``evidence`` (kind: person, place or date; without it the
    mention, city/country name and date are found by case-insensitive search), ``url`` (a link to prefer
    over ``source``), ``country_name``, ``place_mention``, ``date_mention``. ``source`` is linked: an
    http(s) URL as is, a file path relative to the report's folder.

    ``summary``: ``articles`` (articles read), ``trips`` (default ``len(trips)``), ``title``,
    ``checked`` (the data's checked date); any other key is listed as is. Counts by status and by
    obligation are computed from ``trips``.
    """
    target = Path(path)
    text = render_report(trips, target, summary)
    with atomic_output(target) as f:
        f.write(text)
    readable(target)
    return target


_REPORT_JS = r"""
(function(){
  "use strict";
  var table = document.getElementById("trips");
  var tbody = table.tBodies[0];
  var heads = table.tHead.rows[0].cells;
  var shown = document.getElementById("shown");
  var empty = document.getElementById("empty");
  var total = tbody.rows.length;
  var state = {sort: "", dir: "ascending"};
  var cmp = new Intl.Collator(undefined, {numeric: true, sensitivity: "base"}).compare;
  function colIndex(name){
    for (var i = 0; i < heads.length; i++) if (heads[i].getAttribute("data-col") === name) return i;
    return -1;
  }
  function sortBy(name, dir){
    var i = colIndex(name);
    if (i < 0) return;
    var rows = Array.prototype.slice.call(tbody.rows);
    var sign = dir === "descending" ? -1 : 1;
    rows.sort(function(a, b){
      var x = a.cells[i].getAttribute("data-sort"), y = b.cells[i].getAttribute("data-sort");
      if (x === "" && y !== "") return 1;
      if (y === "" && x !== "") return -1;
      return sign * cmp(x, y) || (+a.getAttribute("data-i") - +b.getAttribute("data-i"));
    });
    rows.forEach(function(r){ tbody.appendChild(r); });
    for (var k = 0; k < heads.length; k++) heads[k].setAttribute("aria-sort", k === i ? dir : "none");
    state.sort = name; state.dir = dir;
    table.setAttribute("data-sorted", name + ":" + dir);
    save();
  }
  function val(id){ return document.getElementById(id).value.trim().toLowerCase(); }
  function filter(){
    var f = {obligation: val("f-obligation"), status: val("f-status"), country: val("f-country"),
             person: val("f-person")};
    var n = 0;
    Array.prototype.forEach.call(tbody.rows, function(r){
      var ok = (!f.obligation || r.getAttribute("data-obligation") === f.obligation) &&
               (!f.status || r.getAttribute("data-status") === f.status) &&
               (!f.country || r.getAttribute("data-country") === f.country) &&
               (!f.person || r.getAttribute("data-person").indexOf(f.person) >= 0);
      r.hidden = !ok;
      if (ok) n++;
    });
    shown.textContent = n + " of " + total + " trips";
    shown.setAttribute("data-shown", n);
    empty.hidden = n > 0;
    save();
  }
  function save(){
    var p = [];
    if (state.sort) p.push("sort=" + encodeURIComponent(state.sort), "dir=" + (state.dir === "descending" ? "desc" : "asc"));
    ["obligation", "status", "country", "person"].forEach(function(k){
      var v = document.getElementById("f-" + k).value;
      if (v) p.push(k + "=" + encodeURIComponent(v));
    });
    try { history.replaceState(null, "", p.length ? "#" + p.join("&") : location.pathname + location.search); } catch (e) {}
  }
  Array.prototype.forEach.call(heads, function(th){
    th.addEventListener("click", function(){
      var name = th.getAttribute("data-col");
      var dir = (state.sort === name && state.dir === "ascending") ? "descending" : "ascending";
      sortBy(name, dir);
    });
  });
  ["f-obligation", "f-status", "f-country", "f-person"].forEach(function(id){
    var el = document.getElementById(id);
    el.addEventListener(el.tagName === "SELECT" ? "change" : "input", filter);
  });
  // state from the URL: #sort=start&dir=desc&obligation=yes&country=za&person=putin
  var params = {};
  location.hash.replace(/^#/, "").split("&").forEach(function(kv){
    var i = kv.indexOf("=");
    if (i > 0) { try { params[kv.slice(0, i)] = decodeURIComponent(kv.slice(i + 1)); } catch (e) {} }
  });
  ["obligation", "status", "country", "person"].forEach(function(k){
    if (params[k] !== undefined) document.getElementById("f-" + k).value = params[k].toLowerCase();
  });
  if (params.sort) sortBy(params.sort, params.dir === "desc" ? "descending" : "ascending");
  filter();
  document.documentElement.setAttribute("data-ready", "1");
})();
"""
