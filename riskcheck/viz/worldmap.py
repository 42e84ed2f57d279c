"""A "where can X travel" world map: every state's and territory's verdict on one date, as a choropleth.

>>> m = draw_map("Putin", "2024-01-01")           # doctest: +SKIP
>>> m.class_of("ZA"), m.class_of("CN")            # doctest: +SKIP
('bound', 'not_bound')
>>> m.save("putin.svg"); m.save("putin.png"); m.save("putin.html")  # doctest: +SKIP

The SVG is drawn here from the bundled boundaries (``world.json``: Natural Earth, public domain, simplified
and pre-projected with the Equal Earth projection by ``scripts/build_boundaries.py``). The HTML map is one
self-contained file: the same SVG inline, with inline CSS and a small inline script for hover and click
details; a Content-Security-Policy forbids it to load anything. PNG needs matplotlib (``riskcheck[viz]``).

States too small to see at world scale get a circle marker at a representative point.
"""

from __future__ import annotations

import contextlib
import functools
import io
import json
import math
import os
import re
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from datetime import date as _date
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from ..output import atomic_output

if TYPE_CHECKING:  # pragma: no cover
    from ..dates import DateSpan
    from ..ruleset import Ruleset
    from ..verdict import Verdict

HERE = Path(__file__).resolve().parent
BOUNDARIES = HERE / "world.json"

# --------------------------------------------------------------------------------------------------
# Classes: key, legend label, fill colour (a url(#...) pattern for hatched classes), swatch colour


@dataclass(frozen=True, slots=True)
class MapClass:
    key: str
    label: str
    fill: str  # SVG fill: a colour or url(#pattern)
    colour: str  # the main colour (legend swatch in PNG, table badge)
    hatch: str = ""  # second colour of a hatched fill


CLASSES: tuple[MapClass, ...] = (
    MapClass("bound", "Bound to arrest: State Party", "#a50f15", "#a50f15"),
    MapClass("withdrawing", "Bound to arrest: State Party, withdrawal pending (art. 127(1))",
             "url(#hatch-withdrawing)", "#f4a582", "#a50f15"),
    MapClass("other_basis", "Bound to arrest on another basis: Security Council referral or art. 12(3)",
             "#f16913", "#f16913"),
    MapClass("residual", "Residual duty after withdrawal (art. 127(2)); contested", "#807dba", "#807dba"),
    MapClass("not_bound", "Not bound", "#2171b5", "#2171b5"),
    MapClass("excluded", "Territory where the Rome Statute does not apply", "#2a8a80", "#2a8a80"),
    MapClass("unknown", "Unknown: sealed warrant, or the answer changes within the dates", "#ffd92f", "#ffd92f"),
    MapClass("no_warrant", "No arrest warrant in force on this date", "#bdbdbd", "#bdbdbd"),
    MapClass("nodata", "Not in riskcheck's data", "#f2f2f2", "#f2f2f2"),
)
CLASS_BY_KEY = {c.key: c for c in CLASSES}
OCEAN = "#dde9f2"
BORDER = "#ffffff"

_NO_WARRANT_BASES = {"no_warrant", "warrant_not_yet_issued", "warrant_ended"}


def classify(v: Verdict) -> str:
    """The map class of a verdict (a key of :data:`CLASS_BY_KEY`)."""
    return classify_parts(v.obligation, v.basis)


def classify_parts(obligation: str, basis: str) -> str:
    """The map class of an obligation (yes/no/residual/unknown) and basis code."""
    if obligation == "yes":
        if basis == "state_party":
            return "bound"
        if basis == "state_party_withdrawing":
            return "withdrawing"
        return "other_basis"
    if obligation == "residual":
        return "residual"
    if obligation == "no":
        if basis in _NO_WARRANT_BASES:
            return "no_warrant"
        if basis == "territory_excluded":
            return "excluded"
        return "not_bound"
    return "unknown"


# --------------------------------------------------------------------------------------------------
# Geometry: the Equal Earth projection (scripts/build_boundaries.py uses this one too)

_A1, _A2, _A3, _A4 = 1.340264, -0.081106, 0.000893, 0.003796
_M = math.sqrt(3) / 2


def equal_earth(lon: float, lat: float) -> tuple[float, float]:
    """Equal Earth projection (Šavrič, Patterson & Jenny 2018) in radians-scaled units."""
    lam, phi = math.radians(lon), math.radians(lat)
    theta = math.asin(_M * math.sin(phi))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = lam * math.cos(theta) / (_M * (_A1 + 3 * _A2 * t2 + t6 * (7 * _A3 + 9 * _A4 * t2)))
    y = theta * (_A1 + _A2 * t2 + t6 * (_A3 + _A4 * t2))
    return x, y


_XMAX = equal_earth(180, 0)[0]


def project(lon: float, lat: float, width: float = 2000.0) -> tuple[float, float]:
    """(lon, lat) in degrees to SVG units on a plane ``width`` wide (y down, 0 at the equator)."""
    scale = width / (2 * _XMAX)
    x, y = equal_earth(lon, lat)
    return (x + _XMAX) * scale, -y * scale


# Representative points (lat, lon) for states and territories that may be in the data but have no
# polygon of their own in the boundaries (overseas parts drawn inside another unit, or absent).
FALLBACK_POINTS: dict[str, tuple[str, float, float]] = {
    "BQ": ("Caribbean Netherlands", 12.18, -68.25),
    "BV": ("Bouvet Island", -54.42, 3.36),
    "CC": ("Cocos (Keeling) Islands", -12.16, 96.87),
    "CX": ("Christmas Island", -10.49, 105.62),
    "GF": ("French Guiana", 4.0, -53.0),
    "GP": ("Guadeloupe", 16.25, -61.58),
    "MQ": ("Martinique", 14.64, -61.02),
    "RE": ("Réunion", -21.11, 55.53),
    "YT": ("Mayotte", -12.83, 45.17),
    "SJ": ("Svalbard and Jan Mayen", 78.22, 15.65),
    "TK": ("Tokelau", -9.2, -171.85),
    "EA": ("Ceuta and Melilla", 35.89, -5.32),
    "IC": ("Canary Islands", 28.29, -16.63),
    "AC": ("Ascension Island", -7.95, -14.36),
    "TA": ("Tristan da Cunha", -37.11, -12.28),
    "XK": ("Kosovo", 42.6, 20.9),
    "VA": ("Vatican City", 41.90, 12.45),
    "MC": ("Monaco", 43.74, 7.42),
    "SM": ("San Marino", 43.94, 12.46),
    "LI": ("Liechtenstein", 47.16, 9.55),
    "AD": ("Andorra", 42.51, 1.52),
    "MT": ("Malta", 35.90, 14.45),
    "SG": ("Singapore", 1.35, 103.82),
    "BH": ("Bahrain", 26.07, 50.56),
    "NR": ("Nauru", -0.52, 166.93),
    "TV": ("Tuvalu", -8.52, 179.2),
    "PS": ("Palestine", 31.95, 35.23),
}


@dataclass(frozen=True, slots=True)
class Feature:
    code: str
    name: str
    d: str  # SVG path data ("" when only a point is known)
    x: float
    y: float
    small: bool  # too small to see: draw a marker too


@dataclass(frozen=True, slots=True)
class Boundaries:
    features: dict[str, Feature]
    width: float
    top: float
    bottom: float
    source: str
    licence: str
    projection: str


@functools.lru_cache(maxsize=1)
def load_boundaries(path: str | None = None) -> Boundaries:
    """The bundled world boundaries (cached)."""
    doc = json.loads(Path(path or BOUNDARIES).read_text(encoding="utf-8"))
    width = float(doc["width"])
    feats = {f["code"]: Feature(f["code"], f["name"], f["d"], f["x"], f["y"], bool(f["small"]))
             for f in doc["features"]}
    for code, (name, lat, lon) in FALLBACK_POINTS.items():
        if code not in feats:
            x, y = project(lon, lat, width)
            feats[code] = Feature(code, name, "", round(x, 1), round(y, 1), True)
    return Boundaries(feats, width, float(doc["top"]), float(doc["bottom"]), doc["source"], doc["licence"],
                      doc.get("projection", ""))


def _sphere_d(b: Boundaries) -> str:
    """The outline of the projected globe (cut at the map's southern edge)."""
    south = -60.0
    pts = [project(-180, lat, b.width) for lat in range(int(south), 91, 5)]
    pts += [project(180, lat, b.width) for lat in range(90, int(south) - 1, -5)]
    return "M" + "L".join(f"{x:.1f} {max(y, b.top):.1f}" for x, y in pts) + "Z"


_TOKEN = re.compile(r"[MmLlZz]|-?\d+(?:\.\d+)?")


def parse_path(d: str) -> list[list[tuple[float, float]]]:
    """Rings of absolute points from the path data we write (M, m, L, l, Z; implicit repeats)."""
    rings: list[list[tuple[float, float]]] = []
    cmd = ""
    x = y = 0.0
    nums: list[float] = []
    ring: list[tuple[float, float]] = []

    def flush_pair() -> None:
        nonlocal x, y, cmd, ring
        a, b = nums
        nums.clear()
        if cmd in ("M", "m"):
            if ring:
                rings.append(ring)
            x, y = (a, b) if cmd == "M" else (x + a, y + b)
            ring = [(x, y)]
            cmd = "L" if cmd == "M" else "l"
        else:
            x, y = (a, b) if cmd == "L" else (x + a, y + b)
            ring.append((x, y))

    for tok in _TOKEN.findall(d):
        if tok in "MmLlZz":
            if tok in "Zz":
                if ring:
                    rings.append(ring)
                    x, y = ring[0]
                    ring = []
                continue
            cmd = tok
            continue
        nums.append(float(tok))
        if len(nums) == 2:
            flush_pair()
    if ring:
        rings.append(ring)
    return rings


# --------------------------------------------------------------------------------------------------
# The map


def _fmt_num(v: float) -> str:
    return f"{v:.1f}".rstrip("0").rstrip(".")


class MapFile:
    """What every map offers as files: ``save`` by extension and Jupyter display (needs ``svg``, ``html``,
    ``png`` on the class)."""

    def svg(self, *, standalone: bool = True, interactive: bool = False) -> str:
        raise NotImplementedError

    def html(self) -> str:
        raise NotImplementedError

    def png(self, *, dpi: int = 100) -> bytes:
        raise NotImplementedError

    def save(self, path: str | os.PathLike[str]) -> Path:
        """Write ``.svg``, ``.png`` or ``.html`` (by extension), atomically. Returns the path."""
        target = Path(path)
        ext = target.suffix.lower()
        if ext == ".svg":
            with atomic_output(target) as f:
                f.write(self.svg())
        elif ext in (".html", ".htm"):
            with atomic_output(target) as f:
                f.write(self.html())
        elif ext == ".png":
            _atomic_bytes(target, self.png())
        else:
            raise InputError(f"{target}: unknown map format {ext or '(none)'!r}: use .svg, .png or .html")
        readable(target)
        return target

    def _repr_svg_(self) -> str:  # Jupyter
        return self.svg(standalone=False)


@dataclass
class WorldMap(MapFile):
    """Verdicts for every state and territory on one date, ready to draw.

    ``verdicts`` maps alpha-2 codes to :class:`~riskcheck.verdict.Verdict`. ``classes`` maps every code
    drawn (and every code in the data) to a key of :data:`CLASS_BY_KEY`.
    """

    person: str
    person_id: str
    date: str
    checked: str
    verdicts: dict[str, Verdict]
    boundaries: Boundaries = field(repr=False)
    classes: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.classes:
            self.classes = {c: "nodata" for c in self.boundaries.features}
            self.classes.update({c: classify(v) for c, v in self.verdicts.items()})

    # ---- queries ---------------------------------------------------------------------------------

    def class_of(self, code: str) -> str:
        """The map class of ``code`` (``nodata`` for a code neither drawn nor in the data)."""
        return self.classes.get(code.upper(), "nodata")

    def fill_of(self, code: str) -> str:
        return CLASS_BY_KEY[self.class_of(code)].fill

    def counts(self) -> dict[str, int]:
        """How many states and territories in the data fall in each class (``nodata`` counts drawn units)."""
        c = Counter(self.classes[k] for k in self.verdicts)
        c["nodata"] = sum(1 for k, v in self.classes.items() if v == "nodata")
        return {m.key: c.get(m.key, 0) for m in CLASSES}

    def is_territory(self, code: str) -> bool:
        """True for a territory (its obligation is another state's), False for a state."""
        v = self.verdicts.get(code)
        return bool(v is not None and v.sovereign and v.sovereign != v.country)

    def split_counts(self) -> dict[str, tuple[int, int]]:
        """(states, territories) in the data per class; ``nodata`` counts drawn units as states."""
        states: Counter[str] = Counter()
        terrs: Counter[str] = Counter()
        for k in self.verdicts:
            (terrs if self.is_territory(k) else states)[self.classes[k]] += 1
        states["nodata"] = sum(1 for v in self.classes.values() if v == "nodata")
        return {m.key: (states[m.key], terrs[m.key]) for m in CLASSES}

    def legend_rows(self) -> list[tuple[MapClass, str]]:
        """(class, label with counts) for each class with at least one state or territory.

        States are counted as states, territories separately: "State Party (123 states; 35 territories)".
        """
        rows = []
        split = self.split_counts()
        for m in CLASSES:
            n_states, n_terr = split[m.key]
            if not n_states and not n_terr:
                continue
            if m.key == "nodata":
                what = f"{n_states} on the map"
            else:
                bits = []
                if n_states or m.key != "excluded":
                    bits.append(f"{n_states} state{'s' if n_states != 1 else ''}")
                if n_terr:
                    bits.append(f"{n_terr} territor{'ies' if n_terr != 1 else 'y'}")
                what = "; ".join(bits)
            rows.append((m, f"{m.label} ({what})"))
        return rows

    @property
    def title(self) -> str:
        return f"Where must a state arrest {self.person or 'this person'} for the ICC? {self.date}"

    @property
    def footnote(self) -> str:
        chk = f"Data checked {self.checked}. " if self.checked else ""
        return (f"{chk}Not legal advice. riskcheck: ICC arrest obligations by state and territory. "
                f"Boundaries: {self.boundaries.source.split(';')[0]} (public domain); they imply no view "
                "on any border or claim.")

    # ---- SVG -------------------------------------------------------------------------------------

    def _layout(self) -> tuple[float, float, float, float]:
        b = self.boundaries
        header = 120.0
        legend_rows = len(self.legend_rows())  # one column: the long labels fit
        legend_h = 30 + legend_rows * 40 + 100
        y0 = b.top - header
        return 0.0, y0, b.width, (b.bottom - b.top) + header + legend_h

    def svg(self, *, standalone: bool = True, interactive: bool = False) -> str:
        """The map as SVG text: title, countries, markers for small states, legend and footnote."""
        b = self.boundaries
        x0, y0, w, h = self._layout()
        out: list[str] = []
        head = ('<?xml version="1.0" encoding="UTF-8"?>\n' if standalone else "")
        out.append(
            f'{head}<svg xmlns="http://www.w3.org/2000/svg" id="worldmap" viewBox="{_fmt_num(x0)} {_fmt_num(y0)} '
            f'{_fmt_num(w)} {_fmt_num(h)}" width="1200" height="{_fmt_num(1200 * h / w)}" role="img" '
            f'aria-labelledby="map-title map-desc" font-family="DejaVu Sans, Verdana, Arial, sans-serif" '
            f'data-person-id="{escape(self.person_id)}" data-date="{escape(self.date)}" '
            f'data-checked="{escape(self.checked)}">')
        out.append(f'<title id="map-title">{escape(self.title)}</title>')
        out.append(f'<desc id="map-desc">{escape(self.footnote)}</desc>')
        wd = CLASS_BY_KEY["withdrawing"]
        out.append(
            '<defs><pattern id="hatch-withdrawing" patternUnits="userSpaceOnUse" width="10" height="10" '
            f'patternTransform="rotate(45)"><rect width="10" height="10" fill="{wd.colour}"/>'
            f'<rect width="4" height="10" fill="{wd.hatch}"/></pattern></defs>')
        out.append(f'<rect x="{_fmt_num(x0)}" y="{_fmt_num(y0)}" width="{_fmt_num(w)}" height="{_fmt_num(h)}" '
                   'fill="#ffffff"/>')
        ty = b.top - 70
        size = min(44.0, 1960 / (0.6 * max(1, len(self.title))))
        out.append(f'<text id="title" x="20" y="{_fmt_num(ty)}" font-size="{_fmt_num(size)}" font-weight="bold" '
                   f'fill="#111111">{escape(self.title)}</text>')
        n = len(self.verdicts)
        sub = (f"Obligation to arrest and surrender under the Rome Statute on {self.date}, "
               f"for {n} states and territories in the data.")
        out.append(f'<text id="subtitle" x="20" y="{_fmt_num(ty + 42)}" font-size="26" fill="#333333">'
                   f'{escape(sub)}</text>')
        out.append(f'<path id="sphere" d="{_sphere_d(b)}" fill="{OCEAN}" stroke="#b0c4d4" stroke-width="1"/>')
        out.append('<g id="countries" stroke="#ffffff" stroke-width="0.6" stroke-linejoin="round">')
        markers: list[str] = []
        for code in sorted(b.features, key=lambda c: (self.class_of(c) != "nodata", c)):
            f = b.features[code]
            key = self.class_of(code)
            mc = CLASS_BY_KEY[key]
            v = self.verdicts.get(code)
            name = v.country_name if v else f.name
            tip = f"{name} ({code}): {mc.label}."
            if v is not None and not interactive:  # the HTML page shows the explanation itself
                tip += f" {v.explanation}"
            attrs = (f'data-code="{escape(code)}" data-name="{escape(name)}" data-class="{key}" '
                     f'data-obligation="{escape(v.obligation) if v else ""}" '
                     f'data-basis="{escape(v.basis) if v else ""}" fill="{mc.fill}"')
            if interactive:
                attrs += ' tabindex="0"'
            title = f"<title>{escape(tip)}</title>"
            if f.d:
                stroke = ' stroke="#c8c8c8"' if key == "nodata" else ""
                out.append(f'<path id="c-{escape(code)}" class="country k-{key}" {attrs}{stroke} d="{f.d}">'
                           f"{title}</path>")
            if (f.small or not f.d) and key != "nodata":
                markers.append(f'<circle id="m-{escape(code)}" class="marker k-{key}" {attrs} '
                               f'cx="{_fmt_num(f.x)}" cy="{_fmt_num(f.y)}" r="7" stroke="#222222" '
                               f'stroke-width="1.2">{title}</circle>')
        out.append("</g>")
        out.append('<g id="markers">' + "".join(markers) + "</g>")
        out.append(self._legend_svg())
        fy = y0 + h - 48
        line1, _, line2 = self.footnote.partition(" Boundaries: ")
        out.append(f'<text id="footnote" x="20" y="{_fmt_num(fy)}" font-size="21" fill="#444444">'
                   f'<tspan x="20">{escape(line1)}</tspan><tspan x="20" dy="28">'
                   f'{escape("Boundaries: " + line2)}</tspan></text>')
        out.append("</svg>")
        return "".join(out) + ("\n" if standalone else "")

    def _legend_svg(self) -> str:
        b = self.boundaries
        y = b.bottom + 30
        parts = [f'<g id="legend" font-size="24" fill="#222222" transform="translate(20 {_fmt_num(y)})">',
                 '<text x="0" y="0" font-weight="bold">Legend</text>']
        for i, (mc, label) in enumerate(self.legend_rows()):
            cx = 0
            cy = 20 + i * 40
            parts.append(
                f'<g class="legend-item" data-class="{mc.key}" transform="translate({cx} {cy})">'
                f'<rect width="40" height="26" fill="{mc.fill}" stroke="#555555" stroke-width="1"/>'
                f'<text x="52" y="21">{escape(label)}</text></g>')
        parts.append('<g class="legend-item" data-class="marker" transform="translate(1960 -6)">'
                     '<circle r="7" fill="#ffffff" stroke="#222222" stroke-width="1.2"/>'
                     '<text x="-16" y="8" text-anchor="end" font-size="20">small state or territory</text></g>')
        parts.append("</g>")
        return "".join(parts)

    # ---- HTML ------------------------------------------------------------------------------------

    def html(self) -> str:
        """One self-contained HTML page: the SVG inline, hover and click details, a table of verdicts."""
        data = {}
        for code, v in self.verdicts.items():
            data[code] = {
                "name": v.country_name, "class": self.class_of(code),
                "label": CLASS_BY_KEY[self.class_of(code)].label, "obligation": v.obligation,
                "basis": v.basis, "explanation": v.explanation, "sources": list(v.sources),
                "context": list(v.context), "warrant": v.warrant,
            }
        rows: dict[bool, list[str]] = {False: [], True: []}
        for v in self.verdicts.values():
            key = self.class_of(v.country)
            terr = self.is_territory(v.country)
            sov = f"<td>{escape(v.sovereign)}</td>" if terr else ""
            rows[terr].append(
                f'<tr data-code="{escape(v.country)}" data-class="{key}"><td>{escape(v.country_name)}</td>'
                f"<td>{escape(v.country)}</td>{sov}"
                f'<td><span class="badge k-{key}">{escape(v.obligation)}</span> '
                f"{escape(CLASS_BY_KEY[key].label)}</td><td><code>{escape(v.basis)}</code></td>"
                f"<td>{escape(v.explanation)}</td></tr>")
        badge_css = "".join(
            f".badge.k-{m.key}{{background:{m.colour};color:{_text_on(m.colour)}}}" for m in CLASSES)
        title = escape(self.title)
        return f"""{HTML_HEAD}<title>{title}</title>
<style>
body{{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",Arial,sans-serif;color:#111;background:#fff}}
main{{max-width:1400px;margin:0 auto;padding:12px 16px}}
#map svg{{width:100%;height:auto;display:block}}
#map{{margin:0;position:relative}}
.country:hover,.country:focus,.marker:hover,.marker:focus{{stroke:#000;stroke-width:2;outline:none}}
.country.selected,.marker.selected{{stroke:#000;stroke-width:3}}
#tip{{position:fixed;pointer-events:none;max-width:420px;background:#fff;border:1px solid #888;border-radius:4px;padding:6px 8px;font-size:13px;box-shadow:0 2px 6px rgba(0,0,0,.25);z-index:10}}
#details{{border:1px solid #ccc;border-radius:6px;padding:10px 14px;margin:10px 0;background:#fafafa;min-height:2em}}
#details h2{{font-size:1.1em;margin:0 0 6px}}
table{{border-collapse:collapse;width:100%;font-size:13px}}
th,td{{border-bottom:1px solid #ddd;padding:4px 6px;text-align:left;vertical-align:top}}
.badge{{display:inline-block;padding:1px 7px;border-radius:9px;font-weight:bold;font-size:12px}}
{badge_css}
footer{{color:#555;font-size:12px;margin:12px 0}}
</style>
</head>
<body>
<main>
<figure id="map">
{self.svg(standalone=False, interactive=True)}
</figure>
<div id="tip" role="tooltip" hidden></div>
<section id="details" aria-live="polite"><p>Hover over or click a state or territory for the verdict and its reasons.</p></section>
<details id="all"><summary>All {len(rows[False])} states in the data</summary>
<table id="verdicts"><thead><tr><th>State</th><th>Code</th><th>Verdict</th><th>Basis</th><th>Explanation</th></tr></thead>
<tbody>{"".join(rows[False])}</tbody></table></details>
<details id="all-territories"><summary>All {len(rows[True])} territories in the data (counted apart from states)</summary>
<table id="territories"><thead><tr><th>Territory</th><th>Code</th><th>Sovereign</th><th>Verdict</th><th>Basis</th><th>Explanation</th></tr></thead>
<tbody>{"".join(rows[True])}</tbody></table></details>
<footer>{escape(self.footnote)}</footer>
</main>
<script type="application/json" id="verdict-data">{_json_script(data)}</script>
<script>{_MAP_JS}</script>
</body>
</html>
"""

    # ---- PNG -------------------------------------------------------------------------------------

    def png(self, *, dpi: int = 100, size: tuple[float, float] = (16.0, 9.6)) -> bytes:
        """The map as PNG bytes, drawn with matplotlib (no network, its bundled fonts)."""
        fig = mpl_figure(size, dpi)
        from matplotlib.patches import Circle, Patch

        b = self.boundaries
        ax = fig.add_axes((0.01, 0.2, 0.98, 0.70))
        ax.set_xlim(0, b.width)
        ax.set_ylim(b.bottom, b.top)
        ax.set_aspect("equal")
        ax.axis("off")

        ax.add_patch(rings_patch(parse_path(_sphere_d(b)), facecolor=OCEAN, edgecolor="#b0c4d4", linewidth=0.6))
        for code, f in b.features.items():
            key = self.class_of(code)
            mc = CLASS_BY_KEY[key]
            if f.d:
                ax.add_patch(rings_patch(parse_path(f.d), facecolor=mc.colour,
                                   edgecolor="#c8c8c8" if key == "nodata" else (mc.hatch or BORDER),
                                   hatch="////" if mc.hatch else None, linewidth=0.25))
            if (f.small or not f.d) and key != "nodata":
                ax.add_patch(Circle((f.x, f.y), 6, facecolor=mc.colour, edgecolor="#222222", linewidth=0.6,
                                    hatch="////" if mc.hatch else None, zorder=3))
        fig.text(0.01, 0.965, self.title, fontsize=15, fontweight="bold", va="top")
        fig.text(0.01, 0.925, f"Obligation to arrest and surrender under the Rome Statute on {self.date}, "
                 f"for {len(self.verdicts)} states and territories in the data.", fontsize=11, va="top")
        handles = [Patch(facecolor=m.colour, edgecolor=m.hatch or "#555555", hatch="////" if m.hatch else None,
                         label=label) for m, label in self.legend_rows()]
        return finish_png(fig, handles, 0.04, self.footnote, 0.012, 8)

    def to_dict(self) -> dict[str, object]:
        return {"person": self.person, "person_id": self.person_id, "date": self.date, "checked": self.checked,
                "counts": self.counts(),
                "classes": {c: self.classes[c] for c in sorted(self.verdicts)}}


def _text_on(colour: str) -> str:
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return "#000000" if 0.299 * r + 0.587 * g + 0.114 * b > 140 else "#ffffff"


def _json_script(obj: object) -> str:
    """JSON safe inside <script>: no '<', '>' or '&' that could close the element."""
    return (json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
            .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def readable(target: Path) -> None:
    """Give a file written through a temporary file the usual permissions (mkstemp makes it 0600)."""
    mask = os.umask(0)
    os.umask(mask)
    with contextlib.suppress(OSError):
        os.chmod(target, 0o666 & ~mask)


def mpl_figure(size: tuple[float, float], dpi: int) -> Any:
    """A matplotlib Figure on an Agg canvas, or a clear message when matplotlib is missing."""
    try:
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise InputError("PNG output needs matplotlib: pip install 'riskcheck[viz]' (or write .svg/.html)") from exc
    fig = Figure(figsize=size, dpi=dpi, facecolor="white")
    FigureCanvasAgg(fig)
    return fig


def rings_patch(rings: list[list[tuple[float, float]]], **kw: Any) -> Any:
    """A matplotlib PathPatch of closed ``rings`` (as :func:`parse_path` returns them)."""
    from matplotlib.patches import PathPatch
    from matplotlib.path import Path as MPath

    verts: list[tuple[float, float]] = []
    codes: list[Any] = []
    for ring in rings:
        verts.extend([*ring, ring[0]])
        codes.extend([MPath.MOVETO] + [MPath.LINETO] * (len(ring) - 1) + [MPath.CLOSEPOLY])
    return PathPatch(MPath(verts, codes), **kw)


def finish_png(fig: Any, handles: list[Any], legend_y: float, footnote: str, footnote_y: float,
               footnote_size: float) -> bytes:
    """Add the two-column legend and the footnote to ``fig`` and return it as PNG bytes."""
    if handles:
        fig.legend(handles=handles, loc="lower left", bbox_to_anchor=(0.01, legend_y), ncol=2, frameon=False,
                   fontsize=9.5, title="Legend", title_fontproperties={"weight": "bold"}, alignment="left")
    fig.text(0.01, footnote_y, footnote, fontsize=footnote_size, color="#444444")
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=fig.dpi, metadata={"Software": "riskcheck"})
    return buf.getvalue()


def _atomic_bytes(target: Path, data: bytes) -> None:
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        raise InputError(f"{target}: output folder {directory} does not exist")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=directory)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


#: the start of every self-contained page riskcheck writes (no network: a strict Content-Security-Policy)
HTML_HEAD = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="riskcheck">
"""

#: the DOM helper both maps' scripts use: add(parent, tag, text, cls) appends a text element
JS_ADD = r"""
  function add(parent, tag, text, cls){
    var e = document.createElement(tag);
    if (text !== undefined) e.textContent = text;
    if (cls) e.className = cls;
    parent.appendChild(e);
    return e;
  }
"""

_MAP_JS = r"""
(function(){
  "use strict";
  var data = JSON.parse(document.getElementById("verdict-data").textContent);
  var svg = document.getElementById("worldmap");
  var tip = document.getElementById("tip");
  var det = document.getElementById("details");
  function info(el){
    var code = el.getAttribute("data-code");
    var d = data[code];
    return {code: code, name: d ? d.name : el.getAttribute("data-name"), d: d,
            label: d ? d.label : "Not in riskcheck's data"};
  }
""" + JS_ADD + r"""  function select(el){
    var i = info(el);
    var old = svg.querySelectorAll(".selected");
    for (var k = 0; k < old.length; k++) old[k].classList.remove("selected");
    var same = svg.querySelectorAll('[data-code="' + i.code + '"]');
    for (var j = 0; j < same.length; j++) same[j].classList.add("selected");
    det.textContent = "";
    det.setAttribute("data-code", i.code);
    add(det, "h2", i.name + " (" + i.code + ")");
    var p = add(det, "p");
    var b = add(p, "span", i.d ? i.d.obligation : "no data", "badge k-" + (i.d ? i.d.class : "nodata"));
    b.setAttribute("data-class", i.d ? i.d.class : "nodata");
    p.appendChild(document.createTextNode(" " + i.label + (i.d ? " (basis: " + i.d.basis + ")" : "")));
    if (i.d) {
      add(det, "p", i.d.explanation, "explanation");
      if (i.d.context.length) { var ul = add(det, "ul"); i.d.context.forEach(function(c){ add(ul, "li", c); }); }
      if (i.d.sources.length) { add(det, "p", "Sources: " + i.d.sources.join("; "), "sources"); }
    } else {
      add(det, "p", "This state or territory is not in riskcheck's data yet.");
    }
  }
  svg.addEventListener("mousemove", function(ev){
    var el = ev.target.closest("[data-code]");
    if (!el) { tip.hidden = true; return; }
    var i = info(el);
    tip.textContent = "";
    add(tip, "strong", i.name);
    add(tip, "div", i.label);
    if (i.d) add(tip, "div", i.d.explanation);
    tip.hidden = false;
    var x = Math.min(ev.clientX + 14, window.innerWidth - tip.offsetWidth - 8);
    var y = Math.min(ev.clientY + 14, window.innerHeight - tip.offsetHeight - 8);
    tip.style.left = Math.max(0, x) + "px";
    tip.style.top = Math.max(0, y) + "px";
  });
  svg.addEventListener("mouseleave", function(){ tip.hidden = true; });
  svg.addEventListener("click", function(ev){
    var el = ev.target.closest("[data-code]");
    if (el) select(el);
  });
  svg.addEventListener("keydown", function(ev){
    if ((ev.key === "Enter" || ev.key === " ") && ev.target.getAttribute("data-code")) { select(ev.target); ev.preventDefault(); }
  });
  svg.addEventListener("focusin", function(ev){ if (ev.target.getAttribute("data-code")) select(ev.target); });
  var m = /(?:^#|&)code=([A-Za-z]{2})/.exec(location.hash);
  if (m) { var el = svg.querySelector('[data-code="' + m[1].toUpperCase() + '"]'); if (el) select(el); }
  document.documentElement.setAttribute("data-ready", "1");
})();
"""


# --------------------------------------------------------------------------------------------------


def draw_map(person: str, date: str | _date | DateSpan | None = None, ruleset: Ruleset | None = None) -> WorldMap:
    """The "where can X travel" map for ``person`` (as typed, or a person id) on ``date`` (default today).

    Raises :class:`~riskcheck.errors.UnresolvedPersonError` like :func:`riskcheck.where`.
    """
    from ..dates import parse_date
    from ..ruleset import load_ruleset
    from ..verdict import evaluate, where

    rs = ruleset or load_ruleset()
    span = parse_date(date)
    if person in rs.people:  # an exact person id needs no resolving
        verdicts = [evaluate(person, c, span, rs) for c in rs.codes()]
    else:
        verdicts = where(person, span, rs)
    first = verdicts[0] if verdicts else None
    return WorldMap(
        person=(first.person if first and first.person else person),
        person_id=first.person_id if first else "",
        date=first.date if first else str(span),
        checked=rs.checked.isoformat() if rs.checked else "",
        verdicts={v.country: v for v in verdicts},
        boundaries=load_boundaries(),
    )
