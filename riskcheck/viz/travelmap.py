"""A travel map: where one wanted person went, each country coloured by the obligation on the visit's date.

>>> m = draw_travel_map("Putin", "trips.csv rows ...")      # doctest: +SKIP
>>> [(t["n"], t["country"], t["class"]) for t in m.trips]   # doctest: +SKIP
[(1, 'CN', 'not_bound'), (2, 'MN', 'bound')]
>>> m.save("putin-travels.html")                            # doctest: +SKIP

Trips are numbered in time order (undated ones last, by when they were reported). A country takes the
colour of its most telling visit: a visit that took place before one only planned or cancelled, and
among those the strongest obligation; a state that was bound to arrest and was visited all the same gets
a thick outline. Marks show the status: filled for a visit that took place, dashed for a planned one,
grey and struck through for a cancelled one, a square for a virtual one. The HTML map is one offline
file (inline SVG, CSS and script; a Content-Security-Policy forbids fetches): hover or click a mark, a
country or a row of the list for the trip's reports and the verdict's explanation.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from html import escape
from typing import Any

from ..errors import InputError
from .rows import as_rows, country_name, dates_label, reported_day, sort_key, sources_of, trip_day, trip_end
from .worldmap import (
    BORDER,
    CLASS_BY_KEY,
    CLASSES,
    HTML_HEAD,
    JS_ADD,
    OCEAN,
    Boundaries,
    MapFile,
    _fmt_num,
    _json_script,
    _sphere_d,
    _text_on,
    classify_parts,
    finish_png,
    load_boundaries,
    mpl_figure,
    parse_path,
    rings_patch,
)

#: how strongly a class speaks of an obligation (higher first, for a country's colour)
_SEVERITY = ("bound", "withdrawing", "other_basis", "residual", "unknown", "not_bound", "excluded", "no_warrant")
_PRESENT = frozenset({"completed", "ongoing"})  # the person was there
_BOUND = frozenset({"bound", "withdrawing", "other_basis"})
LAND = "#ececec"

#: how each status is drawn: (legend label, mark style)
STATUS_STYLE: dict[str, tuple[str, str]] = {
    "completed": ("took place", "solid"),
    "ongoing": ("under way", "solid"),
    "planned": ("planned", "dashed"),
    "invited": ("invited, no decision reported", "dashed"),
    "speculative": ("speculated about", "dashed"),
    "cancelled": ("cancelled or postponed", "cancelled"),
    "virtual": ("by video link (not there in person)", "virtual"),
}


def _cell(v: Any) -> str:
    return "" if v is None else str(v)


@dataclass
class TravelMap(MapFile):
    """One person's trips, numbered in time order, ready to draw as SVG, HTML or PNG.

    ``trips``: the rows drawn, in time order, each with added keys ``n`` (its number), ``class`` (the map
    class of its obligation, see :data:`~riskcheck.viz.worldmap.CLASS_BY_KEY`), ``style`` (solid, dashed,
    cancelled or virtual) and ``country_name``. ``countries`` maps each country visited to its fill class.
    """

    person: str
    person_id: str
    since: str
    until: str
    checked: str
    trips: list[dict[str, Any]]
    boundaries: Boundaries = field(repr=False)
    left_out: int = 0  # trips of the person outside since/until
    countries: dict[str, str] = field(default_factory=dict)
    defied: set[str] = field(default_factory=set)  # bound to arrest and visited all the same

    def __post_init__(self) -> None:
        if not self.countries:
            best: dict[str, tuple[int, int, str]] = {}
            for t in self.trips:
                c = t["country"]
                rank = (1 if t.get("status") in _PRESENT else 0, len(_SEVERITY) - _SEVERITY.index(t["class"]))
                if c not in best or rank > best[c][:2]:
                    best[c] = (*rank, t["class"])
                if t.get("status") in _PRESENT and t["class"] in _BOUND:
                    self.defied.add(c)
            self.countries = {c: v[2] for c, v in best.items()}
            self._present = {c for c, v in best.items() if v[0] == 1}
        else:
            self._present = set(self.countries)

    # ---- text ------------------------------------------------------------------------------------

    @property
    def title(self) -> str:
        when = ""
        if self.since or self.until:
            when = f", {self.since or '…'} to {self.until or '…'}"
        n = len(self.trips)
        return f"Travels of {self.person}: {n} trip{'s' if n != 1 else ''} reported{when}"

    @property
    def subtitle(self) -> str:
        return ("Each country coloured by the obligation to arrest on the date of the visit; numbers give the "
                "order in time.")

    @property
    def footnote(self) -> str:
        chk = f"Data checked {self.checked}. " if self.checked else ""
        return (f"{chk}Not legal advice: trips are taken from news reports and may be wrong. Boundaries: "
                f"{self.boundaries.source.split(';')[0]} (public domain); they imply no view on any border.")

    def counts(self) -> dict[str, int]:
        """Trips per map class."""
        c = Counter(t["class"] for t in self.trips)
        return {m.key: c[m.key] for m in CLASSES if c[m.key]}

    # ---- geometry --------------------------------------------------------------------------------

    def _layout(self) -> tuple[list[tuple[float, float]], tuple[float, float, float, float]]:
        """Where each trip's mark goes, and the part of the world to show.

        A mark sits on its country's point, several visits fanned around it. The view is the marks with a
        margin, no smaller than a continent. A trip whose place is not on the map (no country, or a code
        the boundaries lack) is drawn in a row along the bottom of the view, so that no trip is lost.
        """
        b = self.boundaries
        seen: Counter[str] = Counter()
        placed: list[tuple[float, float] | None] = []
        for t in self.trips:
            f = b.features.get(t["country"])
            if f is None:
                placed.append(None)
                continue
            k = seen[t["country"]]
            seen[t["country"]] += 1
            x, y = f.x, f.y
            if k:
                ring = 1 + (k - 1) // 6
                a = math.radians(90 + 60 * ((k - 1) % 6) + 30 * (ring - 1))
                x, y = x + math.cos(a) * 26 * ring, y - math.sin(a) * 26 * ring
            placed.append((x, y))
        view = self._view([p for p in placed if p is not None])
        vx, vy, vw, vh = view
        u = vw / 1200
        pts: list[tuple[float, float]] = []
        n_off = 0
        for p in placed:
            if p is None:
                p = (vx + (30 + 30 * n_off) * u, vy + vh - 24 * u)
                n_off += 1
            pts.append(p)
        return pts, view

    def _view(self, pts: list[tuple[float, float]]) -> tuple[float, float, float, float]:
        b = self.boundaries
        if not pts:
            return 0.0, b.top, b.width, b.bottom - b.top
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
        w = max(x1 - x0, 380.0) * 1.3
        h = max(y1 - y0, 200.0) * 1.3
        w, h = max(w, h * 1.6), max(h, w / 2.2)
        w, h = min(w, b.width), min(h, b.bottom - b.top)
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        vx = min(max(cx - w / 2, 0.0), b.width - w)
        vy = min(max(cy - h / 2, b.top), b.bottom - h)
        return vx, vy, w, h

    # ---- SVG -------------------------------------------------------------------------------------

    def _mark(self, t: dict[str, Any], x: float, y: float, r: float, interactive: bool) -> str:
        mc = CLASS_BY_KEY[t["class"]]
        style = t["style"]
        n = t["n"]
        f = _fmt_num
        tab = ' tabindex="0"' if interactive else ""
        attrs = (f'id="trip-{n}" class="trip-mark s-{style}" data-n="{n}" data-code="{escape(t["country"])}" '
                 f'data-class="{t["class"]}" data-status="{escape(_cell(t.get("status")))}" '
                 f'data-style="{style}"{tab}')
        tip = escape(self._tip(t))
        if style == "solid":
            shape = (f'<circle cx="{f(x)}" cy="{f(y)}" r="{f(r)}" fill="{mc.colour}" stroke="#111111" '
                     f'stroke-width="{f(r / 6)}"/>')
            ink = _text_on(mc.colour)
        elif style == "dashed":
            shape = (f'<circle cx="{f(x)}" cy="{f(y)}" r="{f(r)}" fill="#ffffff" stroke="{mc.colour}" '
                     f'stroke-width="{f(r / 3.2)}" stroke-dasharray="{f(r / 2.2)} {f(r / 3.5)}"/>')
            ink = "#111111"
        elif style == "virtual":
            s = r * 0.9
            shape = (f'<rect x="{f(x - s)}" y="{f(y - s)}" width="{f(2 * s)}" height="{f(2 * s)}" rx="{f(r / 4)}" '
                     f'fill="#ffffff" stroke="{mc.colour}" stroke-width="{f(r / 3.2)}" '
                     f'stroke-dasharray="{f(r / 6)} {f(r / 5)}"/>')
            ink = "#111111"
        else:  # cancelled
            d = r * 0.72
            shape = (f'<circle cx="{f(x)}" cy="{f(y)}" r="{f(r)}" fill="#ffffff" stroke="#888888" '
                     f'stroke-width="{f(r / 5)}" stroke-dasharray="{f(r / 3)} {f(r / 4)}"/>'
                     f'<path d="M{f(x - d)} {f(y + d)}L{f(x + d)} {f(y - d)}" stroke="#888888" '
                     f'stroke-width="{f(r / 5)}"/>')
            ink = "#666666"
        label = (f'<text x="{f(x)}" y="{f(y + r * 0.38)}" font-size="{f(r * 1.05 if n < 100 else r * 0.8)}" '
                 f'font-weight="bold" text-anchor="middle" fill="{ink}">{n}</text>')
        return f"<g {attrs}><title>{tip}</title>{shape}{label}</g>"

    def _tip(self, t: Mapping[str, Any]) -> str:
        when = dates_label(t)
        label = STATUS_STYLE.get(_cell(t.get("status")), (_cell(t.get("status")) or "status unknown", ""))[0]
        return (f"{t['n']}. {t['country_name']}, {when} ({label}): obligation {t.get('obligation') or '?'}, "
                f"{CLASS_BY_KEY[t['class']].label}. {_cell(t.get('explanation'))}")

    def svg(self, *, standalone: bool = True, interactive: bool = False) -> str:
        """The map as SVG text: title, the region visited, numbered marks, legend and footnote."""
        b = self.boundaries
        pts, (vx, vy, vw, vh) = self._layout()
        u = vw / 1200  # map units per output pixel
        r = 12 * u
        header = 70 * u
        legend_items = self._legend_items()
        legend_h = (40 + 26 * math.ceil(len(legend_items) / 2) + 56) * u
        x0, y0, w, h = vx, vy - header, vw, vh + header + legend_h
        f = _fmt_num
        out: list[str] = []
        head = '<?xml version="1.0" encoding="UTF-8"?>\n' if standalone else ""
        out.append(
            f'{head}<svg xmlns="http://www.w3.org/2000/svg" id="travelmap" viewBox="{f(x0)} {f(y0)} {f(w)} {f(h)}" '
            f'width="1200" height="{f(1200 * h / w)}" role="img" aria-labelledby="tm-title" '
            f'font-family="DejaVu Sans, Verdana, Arial, sans-serif" data-person-id="{escape(self.person_id)}">')
        out.append(f'<title id="tm-title">{escape(self.title)}</title>')
        out.append('<defs><clipPath id="tm-clip">'
                   f'<rect x="{f(vx)}" y="{f(vy)}" width="{f(vw)}" height="{f(vh)}"/></clipPath></defs>')
        out.append(f'<rect x="{f(x0)}" y="{f(y0)}" width="{f(w)}" height="{f(h)}" fill="#ffffff"/>')
        out.append(f'<text id="title" x="{f(vx + 14 * u)}" y="{f(vy - 40 * u)}" font-size="{f(22 * u)}" '
                   f'font-weight="bold" fill="#111111">{escape(self.title)}</text>')
        out.append(f'<text id="subtitle" x="{f(vx + 14 * u)}" y="{f(vy - 14 * u)}" font-size="{f(14 * u)}" '
                   f'fill="#333333">{escape(self.subtitle)}</text>')
        out.append('<g clip-path="url(#tm-clip)">')
        out.append(f'<path d="{_sphere_d(b)}" fill="{OCEAN}" stroke="none"/>')
        out.append(f'<g id="countries" stroke="{BORDER}" stroke-width="{f(0.8 * u)}" stroke-linejoin="round">')
        visited_paths = []
        for code, feat in b.features.items():
            if not feat.d:
                continue
            key = self.countries.get(code)
            if key is None:
                out.append(f'<path id="c-{escape(code)}" class="country" data-code="{escape(code)}" fill="{LAND}" '
                           f'd="{feat.d}"><title>{escape(feat.name)}</title></path>')
                continue
            mc = CLASS_BY_KEY[key]
            opacity = "" if code in self._present else ' fill-opacity="0.38"'
            extra = (f' stroke="#111111" stroke-width="{f(2.6 * u)}"' if code in self.defied else "")
            visited_paths.append(
                f'<path id="c-{escape(code)}" class="country visited k-{key}" data-code="{escape(code)}" '
                f'data-class="{key}" fill="{mc.colour}"{opacity}{extra} d="{feat.d}">'
                f'<title>{escape(feat.name)}: {escape(mc.label)}</title></path>')
        out.extend(visited_paths)  # drawn last so their outline is on top
        out.append("</g>")
        # a faint line through the visits that took place, in order
        route = [p for p, t in zip(pts, self.trips, strict=True) if t.get("status") in _PRESENT]
        if len(route) > 1:
            out.append(f'<polyline id="route" points="{" ".join(f"{f(x)},{f(y)}" for x, y in route)}" fill="none" '
                       f'stroke="#333333" stroke-opacity="0.45" stroke-width="{f(1.4 * u)}" '
                       f'stroke-dasharray="{f(5 * u)} {f(4 * u)}"/>')
        out.append('<g id="marks">')
        # later trips on top; solid marks above the others
        order = sorted(range(len(self.trips)), key=lambda i: (self.trips[i]["style"] == "solid", i))
        for i in order:
            out.append(self._mark(self.trips[i], *pts[i], r, interactive))
        out.append("</g></g>")
        out.append(f'<rect x="{f(vx)}" y="{f(vy)}" width="{f(vw)}" height="{f(vh)}" fill="none" stroke="#999999" '
                   f'stroke-width="{f(u)}"/>')
        out.append(self._legend_svg(vx, vy + vh, u, legend_items))
        line1, _, line2 = self.footnote.partition(" Boundaries: ")
        out.append(f'<text id="footnote" x="{f(vx + 14 * u)}" y="{f(y0 + h - 26 * u)}" font-size="{f(11 * u)}" '
                   f'fill="#444444"><tspan x="{f(vx + 14 * u)}">{escape(line1)}</tspan>'
                   f'<tspan x="{f(vx + 14 * u)}" dy="{f(14 * u)}">{escape("Boundaries: " + line2)}</tspan></text>')
        out.append("</svg>")
        return "".join(out) + ("\n" if standalone else "")

    def _legend_items(self) -> list[tuple[str, str, str]]:
        """(kind, key, label) rows of the legend: colours, mark styles and the outline, only those used."""
        items: list[tuple[str, str, str]] = []
        counts = self.counts()
        for m in CLASSES:
            if counts.get(m.key):
                items.append(("class", m.key, f"{m.label} ({counts[m.key]} trip{'s' if counts[m.key] != 1 else ''})"))
        styles = {t["style"] for t in self.trips}
        for style, label in (("solid", "took place (filled; the country in full colour)"),
                             ("dashed", "planned, invited, speculated or of unknown status (dashed; the country pale)"),
                             ("cancelled", "cancelled or postponed (grey, struck through)"),
                             ("virtual", "by video link: not there in person (square)")):
            if style in styles:
                items.append(("style", style, label))
        if self.defied:
            items.append(("defied", "", "thick outline: bound to arrest, and the visit took place"))
        return items

    def _legend_svg(self, x: float, y: float, u: float, items: list[tuple[str, str, str]]) -> str:
        f = _fmt_num
        parts = [f'<g id="legend" font-size="{f(13 * u)}" fill="#222222" transform="translate({f(x + 14 * u)} '
                 f'{f(y + 24 * u)})">', '<text x="0" y="0" font-weight="bold">Legend</text>']
        for i, (kind, key, label) in enumerate(items):
            cx = (i % 2) * 590 * u
            cy = (10 + (i // 2) * 26) * u
            if kind == "class":
                sw = (f'<rect width="{f(26 * u)}" height="{f(16 * u)}" fill="{CLASS_BY_KEY[key].colour}" '
                      f'stroke="#555555" stroke-width="{f(u)}"/>')
            elif kind == "style":
                fake = {"n": 1, "class": "not_bound", "style": key, "country": "", "country_name": "", "status": ""}
                sw = self._mark(fake, 13 * u, 8 * u, 8 * u, False).replace('id="trip-1" ', "")
            else:
                sw = (f'<rect width="{f(26 * u)}" height="{f(16 * u)}" fill="{CLASS_BY_KEY["bound"].colour}" '
                      f'stroke="#111111" stroke-width="{f(2.6 * u)}"/>')
            parts.append(f'<g class="legend-item" data-kind="{kind}" data-key="{key}" '
                         f'transform="translate({f(cx)} {f(cy)})">{sw}'
                         f'<text x="{f(36 * u)}" y="{f(13 * u)}">{escape(label)}</text></g>')
        parts.append("</g>")
        return "".join(parts)

    # ---- HTML ------------------------------------------------------------------------------------

    def _data(self) -> list[dict[str, Any]]:
        out = []
        for t in self.trips:
            given = t.get("history")
            history: list[Any] = given if isinstance(given, list) else []
            out.append({
                "n": t["n"], "country": t["country"], "country_name": t["country_name"], "city": _cell(t.get("city")),
                "start": _cell(t.get("start")), "end": _cell(t.get("end")), "when": dates_label(t),
                "status": _cell(t.get("status")),
                "class": t["class"], "label": CLASS_BY_KEY[t["class"]].label,
                "obligation": _cell(t.get("obligation")), "basis": _cell(t.get("basis")),
                "confidence": _cell(t.get("confidence")), "explanation": _cell(t.get("explanation")),
                "evidence": _cell(t.get("evidence")), "sources": sources_of(t),
                "reports": [{k: _cell(h.get(k)) for k in ("published", "status", "source", "evidence")}
                            for h in history if isinstance(h, Mapping)],
            })
        return out

    def html(self) -> str:
        """One self-contained page: the map inline, a numbered list of the trips, details on hover/click."""
        rows = []
        for t in self.trips:
            key = t["class"]
            status = _cell(t.get("status"))
            when = dates_label(t)
            city = _cell(t.get("city"))
            rows.append(
                f'<li data-n="{t["n"]}" data-code="{escape(t["country"])}" tabindex="0"><b>{t["n"]}.</b> '
                f'<span class="badge k-{key}" data-class="{key}">{escape(_cell(t.get("obligation")) or "?")}</span> '
                f'{escape(t["country_name"])}{escape(", " + city if city else "")} <span class="when">{escape(when)}'
                f'</span> <span class="status">{escape(status)}</span></li>')
        badge_css = "".join(f".badge.k-{m.key}{{background:{m.colour};color:{_text_on(m.colour)}}}" for m in CLASSES)
        note = (f'<p class="note">{self.left_out} other trip(s) of {escape(self.person)} fall outside these dates.</p>'
                if self.left_out else "")
        return f"""{HTML_HEAD}<title>{escape(self.title)}</title>
<style>
*{{box-sizing:border-box}}
body{{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",Arial,sans-serif;color:#111;background:#fff;font-size:14px}}
main{{max-width:1400px;margin:0 auto;padding:10px 16px;display:grid;grid-template-columns:minmax(0,1fr) 22em;gap:12px}}
#map{{margin:0;grid-column:1}} #map svg{{width:100%;height:auto;display:block}}
#side{{grid-column:2;min-width:0}}
#trips{{list-style:none;padding:0;margin:0;max-height:60vh;overflow:auto;border:1px solid #ddd;border-radius:6px}}
#trips li{{padding:4px 8px;border-bottom:1px solid #eee;cursor:pointer}} #trips li.selected{{background:#fff3c4}}
#trips .when,#trips .status{{color:#555;font-size:12px}}
.trip-mark{{cursor:pointer}} .trip-mark:hover,.trip-mark:focus,.trip-mark.selected{{filter:drop-shadow(0 0 3px #000);outline:none}}
.country.visited{{cursor:pointer}}
#tip{{position:fixed;pointer-events:none;max-width:420px;background:#fff;border:1px solid #888;border-radius:4px;padding:6px 8px;font-size:13px;box-shadow:0 2px 6px rgba(0,0,0,.25);z-index:10}}
#details{{border:1px solid #ccc;border-radius:6px;padding:8px 12px;margin:10px 0;background:#fafafa;overflow-wrap:anywhere}}
#details h2{{font-size:1.05em;margin:0 0 6px}} #details blockquote{{margin:4px 0;padding:2px 8px;border-left:3px solid #bbb}}
.badge{{display:inline-block;padding:1px 7px;border-radius:9px;font-weight:bold;font-size:12px}}
{badge_css}
.note{{color:#555;font-size:12px}}
@media (max-width:1000px){{main{{grid-template-columns:minmax(0,1fr)}} #side{{grid-column:1}}}}
@media print{{#tip{{display:none}} main{{grid-template-columns:minmax(0,1fr)}} #side{{grid-column:1}} #trips{{max-height:none}}}}
</style>
</head>
<body>
<main>
<figure id="map">
{self.svg(standalone=False, interactive=True)}
</figure>
<aside id="side">
<h2>Trips in time order</h2>
{note}
<ol id="trips">{"".join(rows)}</ol>
<section id="details" aria-live="polite"><p>Hover over or click a numbered mark, a country or a trip for its reports and the verdict's reasons.</p></section>
</aside>
<div id="tip" role="tooltip" hidden></div>
</main>
<script type="application/json" id="trip-data">{_json_script(self._data())}</script>
<script>{_TRAVEL_JS}</script>
</body>
</html>
"""

    # ---- PNG -------------------------------------------------------------------------------------

    def png(self, *, dpi: int = 100) -> bytes:
        """The map as PNG bytes, drawn with matplotlib (``riskcheck[viz]``)."""
        b = self.boundaries
        pts, (vx, vy, vw, vh) = self._layout()
        fw = 14.0
        map_h = fw * 0.98 * vh / vw
        items = self._legend_items()
        legend_h = 0.3 * math.ceil(len(items) / 2) + 0.5
        fh = map_h + 1.0 + legend_h
        fig = mpl_figure((fw, fh), dpi)
        from matplotlib.lines import Line2D
        from matplotlib.patches import Circle, Patch, Rectangle

        ax = fig.add_axes((0.01, (legend_h + 0.2) / fh, 0.98, map_h / fh))
        ax.set_xlim(vx, vx + vw)
        ax.set_ylim(vy + vh, vy)
        ax.set_aspect("equal")
        ax.set_xticks([])
        ax.set_yticks([])
        ax.set_facecolor(OCEAN)

        def patch(d: str, **kw: Any) -> Any:
            return rings_patch(parse_path(d), **kw)

        u = vw / (fw * dpi)  # map units per pixel
        for code, feat in b.features.items():
            if not feat.d:
                continue
            key = self.countries.get(code)
            if key is None:
                ax.add_patch(patch(feat.d, facecolor=LAND, edgecolor=BORDER, linewidth=0.4))
            else:
                ax.add_patch(patch(feat.d, facecolor=CLASS_BY_KEY[key].colour,
                                   alpha=1.0 if code in self._present else 0.4, edgecolor=BORDER, linewidth=0.4))
                if code in self.defied:
                    ax.add_patch(patch(feat.d, facecolor="none", edgecolor="#111111", linewidth=2.0, zorder=2))
        r = 12 * u * 1.1
        for i in sorted(range(len(self.trips)), key=lambda i: (self.trips[i]["style"] == "solid", i)):
            t = self.trips[i]
            x, y = pts[i]
            colour = CLASS_BY_KEY[t["class"]].colour
            if t["style"] == "solid":
                ax.add_patch(Circle((x, y), r, facecolor=colour, edgecolor="#111111", linewidth=1.0, zorder=4))
                ink = _text_on(colour)
            elif t["style"] == "cancelled":
                ax.add_patch(Circle((x, y), r, facecolor="white", edgecolor="#888888", linewidth=1.6,
                                    linestyle="--", zorder=4))
                ax.add_line(Line2D([x - r * 0.7, x + r * 0.7], [y + r * 0.7, y - r * 0.7], color="#888888",
                                   linewidth=1.4, zorder=5))
                ink = "#666666"
            elif t["style"] == "virtual":
                ax.add_patch(Rectangle((x - r * 0.9, y - r * 0.9), 1.8 * r, 1.8 * r, facecolor="white",
                                       edgecolor=colour, linewidth=2.0, linestyle=":", zorder=4))
                ink = "#111111"
            else:
                ax.add_patch(Circle((x, y), r, facecolor="white", edgecolor=colour, linewidth=2.2,
                                    linestyle="--", zorder=4))
                ink = "#111111"
            ax.text(x, y, str(t["n"]), ha="center", va="center", fontsize=9 if t["n"] < 100 else 7,
                    fontweight="bold", color=ink, zorder=6)
        fig.text(0.01, 1 - 0.25 / fh, self.title, fontsize=15, fontweight="bold", va="top")
        fig.text(0.01, 1 - 0.6 / fh, self.subtitle, fontsize=10.5, va="top", color="#333333")
        handles: list[Any] = []
        for kind, key, label in items:
            if kind == "class":
                handles.append(Patch(facecolor=CLASS_BY_KEY[key].colour, edgecolor="#555555", label=label))
            elif kind == "defied":
                handles.append(Patch(facecolor=CLASS_BY_KEY["bound"].colour, edgecolor="#111111", linewidth=2,
                                     label=label))
            else:
                style = {"solid": ("-", "#666666", "#111111"), "dashed": ("--", "white", "#2171b5"),
                         "cancelled": ("--", "white", "#888888"), "virtual": (":", "white", "#2171b5")}[key]
                handles.append(Line2D([], [], marker="s" if key == "virtual" else "o", linestyle="none",
                                      markersize=11, markerfacecolor=style[1], markeredgecolor=style[2],
                                      markeredgewidth=1.8, label=label))
        return finish_png(fig, handles, 0.25 / fh, self.footnote, 0.06 / fh, 7.5)

    def to_dict(self) -> dict[str, object]:
        return {"person": self.person, "person_id": self.person_id, "since": self.since, "until": self.until,
                "trips": [{k: t.get(k) for k in ("n", "country", "start", "end", "status", "obligation", "class")}
                          for t in self.trips], "countries": dict(self.countries), "defied": sorted(self.defied)}


# --------------------------------------------------------------------------------------------------


def _select_person(person: str, rows: list[dict[str, Any]], ruleset: Any) -> tuple[str, str, list[dict[str, Any]]]:
    """(label, person_id, rows) of the person asked for; InputError naming who is in the input otherwise."""
    q = person.strip()
    ids = {_cell(r.get("person_id")) for r in rows if r.get("person_id")}
    pid = q if q in ids else ""
    if not pid:
        try:
            from ..people import resolve_person

            pid = resolve_person(q, ruleset=ruleset).person_id or ""
        except Exception:  # noqa: BLE001 - a name we cannot resolve is matched as text below
            pid = ""
    chosen = [r for r in rows if pid and _cell(r.get("person_id")) == pid]
    if not chosen:
        low = q.lower()
        chosen = [r for r in rows if low and any(low in _cell(r.get(k)).lower() for k in ("person", "mention",
                                                                                          "traveler", "person_id"))]
        pid = next((_cell(r.get("person_id")) for r in chosen if r.get("person_id")), "")
    if not chosen:
        people = Counter(_cell(r.get("person")) or _cell(r.get("person_id")) for r in rows)
        top = ", ".join(f"{p} ({n})" for p, n in people.most_common(8) if p)
        raise InputError(f"no trips of {person!r} in the input" + (f"; people in it: {top}" if top else ""))
    label = next((_cell(r.get("person")) for r in chosen if r.get("person")), q)
    return label, pid, chosen


def _add_verdict(row: dict[str, Any], person_id: str, ruleset: Any) -> None:
    """Fill in the obligation of a row that has none (Trip objects, bare CSV), on the trip's dates."""
    if _cell(row.get("obligation")):
        return
    from ..dates import DateSpan
    from ..verdict import evaluate

    start, end = trip_day(row), trip_end(row)
    if not (person_id and row.get("country") and start and end):
        row.update(obligation="unknown", basis="date_unknown" if not start else "",
                   explanation="No verdict: the trip has no date or no destination.")
        return
    try:
        v = evaluate(person_id, row["country"], DateSpan(start, end, "day" if start == end else "range"), ruleset)
    except Exception as exc:  # noqa: BLE001 - one bad row is flagged, not fatal
        row.update(obligation="unknown", basis="error", explanation=str(exc))
        return
    row.update(warrant=v.warrant, obligation=v.obligation, basis=v.basis, explanation=v.explanation)


def draw_travel_map(person: str, trips: Any, since: str | date | None = None, until: str | date | None = None,
                    ruleset: Any = None) -> TravelMap:
    """The travel map of ``person`` (a name or person id) from ``trips``.

    ``trips``: rows of ``riskcheck news`` output (per report), grouped trips (``riskcheck trips``), or batch
    output, as dicts, Trip/TripRecord objects or a pandas DataFrame. Rows of other people are ignored;
    rows without a verdict get one on their dates. ``since``/``until`` (YYYY-MM-DD, YYYY-MM or YYYY) keep
    the trips that overlap those dates (undated trips are then left out). Raises
    :class:`~riskcheck.errors.InputError` when no row is about ``person``.
    """
    from ..dates import parse_date
    from ..ruleset import load_ruleset

    rs = ruleset or load_ruleset()
    rows = as_rows(trips)
    label, pid, chosen = _select_person(person, rows, rs)
    lo = parse_date(since, field="--since").start if since else None
    hi = parse_date(until, field="--until").end if until else None
    if lo and hi and hi < lo:
        raise InputError(f"--until {until} is before --since {since}")
    kept: list[dict[str, Any]] = []
    for r in chosen:
        a, z = trip_day(r), trip_end(r)
        if (lo or hi) and (a is None or z is None or (lo and z < lo) or (hi and a > hi)):
            continue
        kept.append(dict(r))
    kept.sort(key=sort_key)
    for n, r in enumerate(kept, 1):
        _add_verdict(r, _cell(r.get("person_id")) or pid, rs)
        status = _cell(r.get("status")).lower()  # batch rows have none: a question, not a reported trip
        r["status"] = status
        r["n"] = n
        r["class"] = classify_parts(_cell(r.get("obligation")), _cell(r.get("basis"))) if r.get("obligation") \
            else "unknown"
        r["style"] = STATUS_STYLE.get(status, ("", "dashed"))[1]
        r["country_name"] = country_name(r["country"]) or r["country"] or "?"
        reported = reported_day(r)
        if not r.get("start") and reported:
            r["reported"] = reported.isoformat()
    return TravelMap(person=label, person_id=pid, since=str(since or ""), until=str(until or ""),
                     checked=rs.checked.isoformat() if rs.checked else "", trips=kept,
                     boundaries=load_boundaries(), left_out=len(chosen) - len(kept))


_TRAVEL_JS = r"""
(function(){
  "use strict";
  var data = JSON.parse(document.getElementById("trip-data").textContent);
  var byN = {}; data.forEach(function(t){ byN[t.n] = t; });
  var svg = document.getElementById("travelmap");
  var tip = document.getElementById("tip");
  var det = document.getElementById("details");
  var list = document.getElementById("trips");
""" + JS_ADD + r"""  function tripsOf(el){
    var n = el.getAttribute("data-n");
    if (n) return [byN[n]];
    var code = el.getAttribute("data-code");
    return data.filter(function(t){ return t.country === code; });
  }
  function when(t){ return t.when; }
  function show(ts){
    det.textContent = "";
    if (!ts.length) return;
    det.setAttribute("data-n", ts.map(function(t){ return t.n; }).join(","));
    ts.forEach(function(t){
      add(det, "h2", t.n + ". " + t.country_name + (t.city ? ", " + t.city : "") + ": " + when(t));
      var p = add(det, "p");
      var b = add(p, "span", t.obligation || "?", "badge k-" + t.class);
      b.setAttribute("data-class", t.class);
      p.appendChild(document.createTextNode(" " + t.label + " (status: " + (t.status || "unknown") +
        (t.confidence && t.confidence !== "high" ? "; confidence " + t.confidence : "") + ")"));
      if (t.explanation) add(det, "p", t.explanation, "explanation");
      if (t.reports.length) {
        add(det, "h3", t.reports.length + " report(s)");
        var ul = add(det, "ul", undefined, "reports");
        t.reports.forEach(function(r){
          var li = add(ul, "li", (r.published || "") + " " + (r.status || "") + " " + (r.source || ""));
          if (r.evidence) add(li, "blockquote", r.evidence);
        });
      } else if (t.evidence) {
        add(det, "blockquote", t.evidence, "evidence");
      }
      if (t.sources.length) add(det, "p", "Sources: " + t.sources.join("; "), "sources");
    });
  }
  function select(ts){
    var old = document.querySelectorAll(".selected");
    for (var k = 0; k < old.length; k++) old[k].classList.remove("selected");
    ts.forEach(function(t){
      var m = document.getElementById("trip-" + t.n); if (m) m.classList.add("selected");
      var li = list.querySelector('li[data-n="' + t.n + '"]'); if (li) li.classList.add("selected");
    });
    show(ts);
  }
  svg.addEventListener("mousemove", function(ev){
    var el = ev.target.closest("[data-n], .country.visited");
    if (!el) { tip.hidden = true; return; }
    var ts = tripsOf(el);
    tip.textContent = "";
    ts.slice(0, 6).forEach(function(t){
      add(tip, "strong", t.n + ". " + t.country_name + " " + when(t));
      add(tip, "div", (t.status || "status unknown") + "; " + t.label);
    });
    tip.hidden = false;
    var x = Math.min(ev.clientX + 14, window.innerWidth - tip.offsetWidth - 8);
    var y = Math.min(ev.clientY + 14, window.innerHeight - tip.offsetHeight - 8);
    tip.style.left = Math.max(0, x) + "px"; tip.style.top = Math.max(0, y) + "px";
  });
  svg.addEventListener("mouseleave", function(){ tip.hidden = true; });
  svg.addEventListener("click", function(ev){
    var el = ev.target.closest("[data-n], .country.visited");
    if (el) select(tripsOf(el));
  });
  svg.addEventListener("keydown", function(ev){
    var el = ev.target.closest("[data-n]");
    if (el && (ev.key === "Enter" || ev.key === " ")) { select(tripsOf(el)); ev.preventDefault(); }
  });
  Array.prototype.forEach.call(list.children, function(li){
    li.addEventListener("click", function(){ select(tripsOf(li)); });
    li.addEventListener("keydown", function(ev){ if (ev.key === "Enter") select(tripsOf(li)); });
  });
  var m = /(?:^#|&)trip=(\d+)/.exec(location.hash);
  if (m && byN[m[1]]) select([byN[m[1]]]);
  document.documentElement.setAttribute("data-ready", "1");
})();
"""
