"""The travel map (``riskcheck map PERSON --trips FILE``) without a browser: numbering, colours, styles, CLI."""

from __future__ import annotations

import csv
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from riskcheck.cli import cli
from riskcheck.errors import InputError
from riskcheck.group import TripRecord
from riskcheck.viz.travelmap import draw_travel_map
from riskcheck.viz.worldmap import CLASS_BY_KEY

SVG = "{http://www.w3.org/2000/svg}"
COLS = ["source", "published", "person_id", "person", "mention", "country", "city", "start", "end", "precision",
        "status", "event", "evidence", "span", "warrant", "obligation", "basis", "explanation"]


def row(**kw: str) -> dict[str, str]:
    base = dict.fromkeys(COLS, "")
    base.update(person_id="vladimir-putin", person="Vladimir Vladimirovich Putin", mention="Putin")
    base.update(kw)
    return base


# Our own trips (not from any article): a completed visit to a State Party after the warrant, a cancelled
# one, a planned one to a non-party, one before the warrant, and someone else's trip.
TRIPS = [
    row(source="a.txt", published="2024-08-30", country="MN", city="Ulaanbaatar", start="2024-09-03",
        end="2024-09-03", status="completed", evidence="Putin landed in Ulaanbaatar on 3 September."),
    row(source="b.txt", published="2023-07-19", country="ZA", city="Johannesburg", start="2023-08-22",
        end="2023-08-24", status="cancelled", evidence="Putin will not attend the summit in Johannesburg."),
    row(source="c.txt", published="2023-10-10", country="CN", city="Beijing", start="2023-10-17", end="2023-10-18",
        status="planned", evidence="Putin is to travel to Beijing."),
    row(source="d.txt", published="2022-12-01", country="KG", start="2022-12-08", end="2022-12-09",
        status="completed", evidence="Putin was in Bishkek."),
    row(source="e.txt", published="2024-01-01", person_id="", person="Emmanuel Macron", mention="Macron",
        country="IN", start="2024-01-26", end="2024-01-26", status="completed", evidence="Macron in Delhi."),
]


@pytest.fixture(scope="module")
def tmap():
    return draw_travel_map("Putin", TRIPS)


def test_trips_numbered_in_time_order_with_verdicts_on_their_dates(tmap):
    got = [(t["n"], t["country"], t["status"], t["obligation"], t["class"], t["style"]) for t in tmap.trips]
    assert got == [
        (1, "KG", "completed", "no", "no_warrant", "solid"),  # before the warrant of 2023-03-17
        (2, "ZA", "cancelled", "yes", "bound", "cancelled"),
        (3, "CN", "planned", "no", "not_bound", "dashed"),
        (4, "MN", "completed", "yes", "bound", "solid"),
    ]
    assert tmap.person_id == "vladimir-putin" and "Macron" not in str(tmap.to_dict())
    # the bound state that was visited stands out; a cancelled visit to a bound state does not
    assert tmap.defied == {"MN"}
    assert tmap.countries == {"KG": "no_warrant", "ZA": "bound", "CN": "not_bound", "MN": "bound"}


def test_svg_marks_colours_and_legend(tmap, tmp_path):
    text = tmap.save(tmp_path / "t.svg").read_text(encoding="utf-8")
    root = ET.fromstring(text.encode())
    marks = {g.get("data-n"): g for g in root.iter(f"{SVG}g") if g.get("class", "").startswith("trip-mark")}
    assert sorted(marks, key=int) == ["1", "2", "3", "4"]
    assert "".join(marks["4"].find(f"{SVG}text").itertext()) == "4"
    assert marks["4"].find(f"{SVG}circle").get("fill") == CLASS_BY_KEY["bound"].colour
    assert marks["2"].get("data-style") == "cancelled" and marks["3"].get("data-style") == "dashed"
    mn = root.find(f".//{SVG}path[@id='c-MN']")
    assert mn.get("fill") == CLASS_BY_KEY["bound"].colour and mn.get("stroke") == "#111111"
    za = root.find(f".//{SVG}path[@id='c-ZA']")
    assert za.get("fill-opacity") == "0.38"  # only a cancelled trip: pale
    legend = ["".join(g.itertext()) for g in root.find(f".//{SVG}g[@id='legend']")
              if g.get("class") == "legend-item"]
    assert any(t.startswith("Bound to arrest: State Party (2 trips)") for t in legend)
    assert any("cancelled" in t for t in legend) and any("thick outline" in t for t in legend)
    assert not any("(0 trip" in t for t in legend)
    assert "Not legal advice" in text


def test_since_until_and_objects(tmap):
    m = draw_travel_map("vladimir-putin", TRIPS, since="2023-09", until="2024")
    assert [t["country"] for t in m.trips] == ["CN", "MN"] and m.left_out == 2
    with pytest.raises(InputError, match="before"):
        draw_travel_map("Putin", TRIPS, since="2024", until="2023")
    # rows with no verdict get one on their dates; a DataFrame works too
    import pandas as pd

    bare = [{k: v for k, v in t.items() if k not in ("obligation", "basis", "explanation", "warrant")}
            for t in TRIPS]
    m2 = draw_travel_map("Putin", pd.DataFrame(bare))
    assert [t["class"] for t in m2.trips] == [t["class"] for t in tmap.trips]


def test_unknown_person_names_who_is_there():
    with pytest.raises(InputError, match="no trips of 'Kony'.*Vladimir Vladimirovich Putin"):
        draw_travel_map("Kony", TRIPS)


def test_trip_with_no_place_is_still_drawn(tmap):
    m = draw_travel_map("Putin", TRIPS + [row(country="", start="2024-10-01", status="planned", evidence="Abroad.")])
    assert len(m.trips) == 5
    pts, (vx, vy, vw, vh) = m._layout()
    pts0, view0 = tmap._layout()
    assert (vx, vy, vw, vh) == view0  # the view is not stretched to a made-up place
    x, y = pts[4]
    assert vx <= x <= vx + vw and vy <= y <= vy + vh
    assert m.svg().count('data-n="5"') == 1


def test_top_level_name():
    import riskcheck

    assert riskcheck.draw_travel_map is draw_travel_map


def _write_csv(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=COLS)
        w.writeheader()
        w.writerows(rows)
    return path


@pytest.mark.parametrize("ext", ["html", "svg", "png"])
def test_cli_travel_map(tmp_path, ext):
    if ext == "png":
        pytest.importorskip("matplotlib")
    trips = _write_csv(tmp_path / "t.csv", TRIPS)
    out = tmp_path / f"m.{ext}"
    r = CliRunner().invoke(cli, ["map", "Putin", "--trips", str(trips), "--since", "2023", "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert "3 trip(s)" in r.output and "outside the dates" in r.output
    data = out.read_bytes()
    if ext == "png":
        assert data[:4] == b"\x89PNG"
    else:
        assert b'id="trip-3"' in data and b'id="trip-4"' not in data
        assert b"http://" not in data.replace(b"http://www.w3.org/2000/svg", b"")


def test_cli_travel_map_errors(tmp_path):
    trips = _write_csv(tmp_path / "t.csv", TRIPS)
    out = tmp_path / "m.html"
    run = CliRunner().invoke
    r = run(cli, ["map", "Putin", "--trips", str(trips), "--date", "2024", "-o", str(out)])
    assert r.exit_code == 2 and "--since" in r.output
    r = run(cli, ["map", "Putin", "--since", "2024", "-o", str(out)])
    assert r.exit_code == 2 and "--trips" in r.output
    (tmp_path / "bad.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    r = run(cli, ["map", "Putin", "--trips", str(tmp_path / "bad.csv"), "-o", str(out)])
    assert r.exit_code == 2 and "bad.csv" in r.output and "columns found: a, b" in r.output
    r = run(cli, ["map", "Kony", "--trips", str(trips), "-o", str(out)])
    assert r.exit_code == 2 and "no trips of 'Kony'" in r.output
    r = run(cli, ["map", "Putin", "--trips", str(tmp_path / "nope.csv"), "-o", str(out)])
    assert r.exit_code == 2 and "nope.csv" in r.output
    r = run(cli, ["map", "Putin", "--db", str(tmp_path / "nope.db"), "-o", str(out)])
    # under CliRunner an exception would leave the output empty: assert the one-line message itself
    assert isinstance(r.exception, SystemExit) and r.exit_code == 2
    assert r.output == f"riskcheck: {tmp_path / 'nope.db'}: no such trip database\n"
    assert not out.exists()


# --------------------------------------------------------------------------------------------------
# Grouped trips from the trip database: follow's TripRecord rows, served by a fake TripDB


RECORDS = [
    TripRecord("T1", "vladimir-putin", "Vladimir Vladimirovich Putin", "MN", "Ulaanbaatar", "2024-09-03",
               "2024-09-03", "day", "completed", 2, ["a.txt", "b.txt"], "2024-08-30", "2024-09-04",
               "Putin landed.", "outstanding", "yes", "state_party", "high", "Mongolia is bound.",
               history=[{"source": "a.txt", "published": "2024-08-30", "status": "planned", "evidence": "Putin will go."},
                {"source": "b.txt", "published": "2024-09-04", "status": "completed", "evidence": "Putin landed."}]),
    TripRecord("T2", "vladimir-putin", "Vladimir Vladimirovich Putin", "ZA", "", "2023-08-22", "2023-08-24", "range",
               "cancelled", 1, ["c.txt"], "2023-07-19", "2023-07-19", "Putin will not go.", "outstanding", "yes",
               "state_party", "high", "South Africa is bound."),
]


class FakeTripDB:
    def __init__(self, path: str) -> None:
        self.path = path

    def trips(self, **_: object) -> list[TripRecord]:
        return list(RECORDS)


def test_cli_travel_map_from_the_trip_database(tmp_path, monkeypatch):
    import sys
    import types

    mod = types.ModuleType("riskcheck.tripdb")
    mod.TripDB = FakeTripDB  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "riskcheck.tripdb", mod)
    db = tmp_path / "trips.db"
    db.write_bytes(b"")
    out = tmp_path / "m.html"
    r = CliRunner().invoke(cli, ["map", "Putin", "--db", str(db), "-o", str(out)])
    assert r.exit_code == 0, r.output
    text = out.read_text(encoding="utf-8")
    assert 'id="trip-1" class="trip-mark s-cancelled"' in text and 'id="trip-2" class="trip-mark s-solid"' in text
    assert "Putin will go." in text and "2024-09-04" in text  # the trip's reports, for the details panel


def test_report_from_trip_records(tmp_path):
    from riskcheck.viz.report import render_report

    text = render_report(RECORDS, tmp_path / "r.html")
    assert '<span class="n-reports">2</span>' in text and "Reports in time order" in text
    assert text.count('<tbody class="trip"') == 2


# --------------------------------------------------------------------------------------------------
# The trips file reader never fails with anything but a one-line InputError


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=300), st.sampled_from([".csv", ".jsonl", ".json"]))
def test_read_trip_rows_any_bytes(tmp_path_factory, data, suffix):
    from riskcheck.cli_map import read_trip_rows

    p = tmp_path_factory.mktemp("rows") / f"t{suffix}"
    p.write_bytes(data)
    try:
        rows = read_trip_rows(str(p))
    except InputError as exc:
        assert "\n" not in str(exc) and str(p) in str(exc)
    else:
        assert all(isinstance(r, dict) for r in rows)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.fixed_dictionaries({"country": st.sampled_from(["MN", "ZA", "CN", "mn", ""]),
                                       "start": st.sampled_from(["2024-09-03", "2023-08", "2023", "", "soon"]),
                                       "status": st.sampled_from(["completed", "planned", "cancelled", "", "x"]),
                                       "evidence": st.text(max_size=30)}), min_size=1, max_size=6))
def test_csv_rows_round_trip_and_draw(tmp_path_factory, rows):
    from riskcheck.cli_map import read_trip_rows

    p = tmp_path_factory.mktemp("rows") / "t.csv"
    full = [row(**r) for r in rows]
    _write_csv(p, full)
    got = read_trip_rows(str(p))
    assert [g["evidence"] for g in got] == [r["evidence"] for r in full]  # every row, text intact
    m = draw_travel_map("Putin", got)
    assert sorted(t["n"] for t in m.trips) == list(range(1, len(full) + 1))  # every row drawn, numbered once
    assert m.svg().count('class="trip-mark ') == len(full) + sum(1 for k, _, _ in m._legend_items() if k == "style")
