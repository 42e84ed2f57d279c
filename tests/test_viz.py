"""The world map and the news report, without a browser: classes, files, offline-ness, escaping, CLI."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from riskcheck.errors import InputError
from riskcheck.viz.report import (
    COLUMNS,
    VIEW_COLUMNS,
    find_highlights,
    highlight,
    render_report,
    source_href,
    write_report,
)
from riskcheck.viz.worldmap import (
    BOUNDARIES,
    CLASS_BY_KEY,
    CLASSES,
    classify_parts,
    draw_map,
    load_boundaries,
    parse_path,
)

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def putin():
    return draw_map("vladimir-putin", "2024-01-01")


# --------------------------------------------------------------------------------------------------
# Boundaries


def test_boundaries_are_small_and_complete():
    assert BOUNDARIES.stat().st_size < 1_000_000
    b = load_boundaries()
    drawn = {c for c, f in b.features.items() if f.d}
    assert len(drawn) >= 200
    assert {"ZA", "CN", "RU", "US", "BR", "FR", "UA", "MN", "HU", "PH", "SD", "PS", "XK"} <= drawn
    assert all(re.fullmatch(r"[A-Z]{2}", c) for c in b.features)
    for tiny in ("MT", "SG", "BH", "LI", "AD", "SM", "MC", "VA", "NR", "TV", "KN", "LC", "WS", "MH"):
        assert tiny in b.features and b.features[tiny].small, tiny
    for big in ("ZA", "CN", "RU", "BR"):
        assert not b.features[big].small
    assert "public domain" in b.licence.lower() and "Natural Earth" in b.source


def test_path_parsing_round_trip():
    rings = parse_path("M10 20l5 0 0 5-5 0zM100 100l1 1 1-1z")
    assert rings == [[(10, 20), (15, 20), (15, 25), (10, 25)], [(100, 100), (101, 101), (102, 100)]]
    za = parse_path(load_boundaries().features["ZA"].d)
    xs = [x for r in za for x, _ in r]
    ys = [y for r in za for _, y in r]
    # South Africa is east of Greenwich and south of the equator (y grows downwards)
    assert min(xs) > 1000 and min(ys) > 0


# --------------------------------------------------------------------------------------------------
# Classes


@pytest.mark.parametrize(("obligation", "basis", "key"), [
    ("yes", "state_party", "bound"),
    ("yes", "state_party_withdrawing", "withdrawing"),
    ("yes", "unsc_referral", "other_basis"),
    ("yes", "article_12_3", "other_basis"),
    ("residual", "article_127_2", "residual"),
    ("no", "non_party", "not_bound"),
    ("no", "territory_excluded", "excluded"),
    ("no", "no_warrant", "no_warrant"),
    ("no", "warrant_not_yet_issued", "no_warrant"),
    ("no", "warrant_ended", "no_warrant"),
    ("unknown", "warrant_sealed", "unknown"),
    ("unknown", "date_straddles_change", "unknown"),
])
def test_classify(obligation, basis, key):
    assert classify_parts(obligation, basis) == key


def test_every_class_on_the_mini_data(mini):
    # Bashir in December 2016: Burundi, Gambia and South Africa had notified withdrawals (still bound), Sudan is
    # bound by the Security Council referral, China is not, Greenland is excluded by Denmark.
    m = draw_map("omar-al-bashir", "2016-12-01", mini)
    assert m.class_of("ZA") == "withdrawing"
    assert m.class_of("BI") == "withdrawing"
    assert m.class_of("GM") == "withdrawing"
    assert m.class_of("SD") == "other_basis"
    assert m.class_of("CN") == "not_bound"
    assert m.class_of("GL") == "excluded"
    assert m.class_of("DK") == "bound"
    assert m.class_of("US") == "nodata"  # not in the mini data
    assert m.fill_of("ZA") == "url(#hatch-withdrawing)"
    # art. 127(2): Burundi after its withdrawal, for a situation opened while it was a party
    assert draw_map("burundi-general", "2021-01-01", mini).class_of("BI") == "residual"
    assert draw_map("sealed-person", "2024-01-01", mini).class_of("DK") == "unknown"
    assert draw_map("dead-person", "2020-01-01", mini).class_of("DK") == "no_warrant"
    counts = m.counts()
    assert set(counts) == {c.key for c in CLASSES}
    assert counts["withdrawing"] == 3 and counts["other_basis"] == 1


def test_bundled_data_putin_2024(putin):
    assert putin.class_of("ZA") == "bound"
    assert putin.class_of("CN") == "not_bound"
    assert putin.person_id == "vladimir-putin"
    assert putin.date == "2024-01-01"
    assert putin.checked


def test_draw_map_by_name():
    pytest.importorskip("riskcheck.people")
    m = draw_map("Putin", "2024-01-01")
    assert m.class_of("ZA") == "bound" and m.class_of("CN") == "not_bound"


def test_lazy_top_level_name():
    import riskcheck

    assert riskcheck.draw_map is draw_map


def test_legend_counts_states_and_lists_territories_apart(putin):
    # issue 11 item 19: on 2024-01-01 there were 123 States Parties (Armenia joined on 2024-02-01); the
    # legend said "State Party (158)" because it counted territories such as Greenland or Aruba as states
    rows = dict((m.key, label) for m, label in putin.legend_rows())
    assert rows["bound"] == "Bound to arrest: State Party (123 states; 35 territories)"
    assert "(6 territories)" in rows["excluded"] and "state" not in rows["excluded"].split("(")[1]
    assert putin.split_counts()["bound"] == (123, 35)
    assert not putin.is_territory("ZA") and putin.is_territory("GL") and putin.is_territory("GI")
    # no legend row with nothing in it (no withdrawing, residual, unknown or no-warrant state on that date)
    assert set(rows) == {"bound", "other_basis", "not_bound", "excluded", "nodata"}
    assert not any("(0 " in label for label in rows.values())


def test_excluded_territories_stand_out_from_the_sea():
    from riskcheck.viz.worldmap import OCEAN

    def lum(c: str) -> float:  # WCAG relative luminance
        lin = [(v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4)
               for v in (int(c[i:i + 2], 16) / 255 for i in (1, 3, 5))]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    ex = CLASS_BY_KEY["excluded"].colour
    assert (lum(OCEAN) + 0.05) / (lum(ex) + 0.05) >= 3.0  # WCAG contrast for graphics against the sea
    assert ex != CLASS_BY_KEY["not_bound"].colour


def test_html_map_lists_states_and_territories_separately(putin):
    text = putin.html()
    assert "All 199 states in the data" in text or re.search(r"All \d+ states in the data", text)
    states = text.split('id="verdicts"')[1].split("</table>")[0]
    terr = text.split('id="territories"')[1].split("</table>")[0]
    assert 'data-code="ZA"' in states and 'data-code="GL"' not in states
    assert 'data-code="GL"' in terr and 'data-code="ZA"' not in terr


# --------------------------------------------------------------------------------------------------
# Files


def _no_fetch(text: str) -> None:
    """Nothing in the file would make a viewer fetch something."""
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", text)
    assert "@import" not in text
    assert not re.search(r"url\(\s*['\"]?(?:https?:)?//", text)
    assert "<link" not in text.lower()


def test_svg_file(putin, tmp_path):
    path = putin.save(tmp_path / "m.svg")
    text = path.read_text(encoding="utf-8")
    root = ET.fromstring(text.encode())  # well-formed XML
    assert root.tag == f"{SVG}svg"
    za = root.find(f".//{SVG}path[@id='c-ZA']")
    cn = root.find(f".//{SVG}path[@id='c-CN']")
    assert za.get("fill") == CLASS_BY_KEY["bound"].fill and za.get("data-class") == "bound"
    assert cn.get("fill") == CLASS_BY_KEY["not_bound"].fill
    assert "South Africa" in za.find(f"{SVG}title").text
    legend = root.find(f".//{SVG}g[@id='legend']")
    labels = ["".join(g.itertext()) for g in legend.findall(f"{SVG}g[@class='legend-item']")]
    assert len(labels) == len(putin.legend_rows()) + 1  # classes in use, and the small-state marker
    title = "".join(root.find(f".//{SVG}text[@id='title']").itertext())
    assert "Putin" in title and "2024-01-01" in title
    foot = "".join(root.find(f".//{SVG}text[@id='footnote']").itertext())
    assert "Not legal advice" in foot and putin.checked in foot
    assert root.find(f".//{SVG}circle[@id='m-MT']") is not None  # small state marker
    _no_fetch(text)
    assert path.stat().st_mode & 0o044  # readable by others like any file the user writes


def test_html_file(putin, tmp_path):
    text = putin.save(tmp_path / "m.html").read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>")
    assert "Content-Security-Policy" in text and "default-src 'none'" in text
    assert 'id="worldmap"' in text and 'id="verdict-data"' in text
    _no_fetch(text)
    assert len(text) < 2_000_000


def test_png_file(putin, tmp_path):
    pytest.importorskip("matplotlib")
    path = putin.save(tmp_path / "m.png")
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    from PIL import Image

    img = Image.open(path).convert("RGB")
    assert img.size[0] >= 1200
    colours = {c for _, c in img.getcolors(maxcolors=1 << 24)}
    assert (165, 15, 21) in colours  # the "bound" colour is on the picture
    assert len(colours) > 8


def test_unknown_extension(putin, tmp_path):
    with pytest.raises(InputError):
        putin.save(tmp_path / "m.pdf")
    assert not list(tmp_path.iterdir())


def test_missing_folder(putin, tmp_path):
    with pytest.raises(InputError):
        putin.save(tmp_path / "nope" / "m.svg")


# --------------------------------------------------------------------------------------------------
# CLI


def test_cli_map(tmp_path):
    from riskcheck.cli import cli

    out = tmp_path / "m.svg"
    r = CliRunner().invoke(cli, ["map", "vladimir-putin", "--date", "2024-01-01", "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert 'data-code="ZA"' in out.read_text(encoding="utf-8")
    r = CliRunner().invoke(cli, ["map", "vladimir-putin", "-o", str(tmp_path / "m.doc")])
    assert r.exit_code == 2
    r = CliRunner().invoke(cli, ["map", "vladimir-putin", "--date", "2024-13-45", "-o", str(out)])
    assert r.exit_code == 2


def test_cli_map_by_name(tmp_path):
    pytest.importorskip("riskcheck.people")
    from riskcheck.cli import cli

    out = tmp_path / "m.html"
    r = CliRunner().invoke(cli, ["map", "Putin", "--date", "2024-01-01", "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert 'id="c-ZA"' in out.read_text(encoding="utf-8")


def test_check_path_does_not_import_viz():
    code = ("import sys, riskcheck, riskcheck.verdict, riskcheck.cli; "
            "bad = [m for m in sys.modules if m.startswith('riskcheck.viz') or m.startswith('matplotlib')]; "
            "print(bad); sys.exit(1 if bad else 0)")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr


# --------------------------------------------------------------------------------------------------
# Report


def _trip(**kw):
    base = {c: "" for c in COLUMNS}
    base.update(kw)
    return base


def test_highlights_found_by_search():
    t = _trip(mention="Putin", city="Ulaanbaatar", country="MN", start="2024-09-03",
              evidence="Putin arrived in Ulaanbaatar on 3 September, Mongolia's capital.")
    spans = find_highlights(t)
    ev = t["evidence"]
    assert [(ev[a:b], k) for a, b, k in spans] == [
        ("Putin", "person"), ("Ulaanbaatar", "place"), ("3 September", "date"), ("Mongolia", "place")]


def test_highlights_whole_words_only():
    t = _trip(mention="Putin", country="BY", evidence="Belaruski Hajun said Putin visited Belarus.")
    ev = t["evidence"]
    assert [(ev[a:b], k) for a, b, k in find_highlights(t)] == [("Putin", "person"), ("Belarus", "place")]
    assert find_highlights(t)[1][0] == ev.rindex("Belarus")


def test_highlights_given_and_escaped():
    ev = "<b>Bashir</b> in Juba"
    t = _trip(evidence=ev, highlights=[(3, 9, "person"), (17, 21, "place"), (0, 100, "bad")])
    html = highlight(ev, find_highlights(t))
    assert html == ('&lt;b&gt;<mark class="hl-person" title="person">Bashir</mark>&lt;/b&gt; in '
                    '<mark class="hl-place" title="place">Juba</mark>')


def test_source_links(tmp_path):
    report = tmp_path / "out" / "r.html"
    report.parent.mkdir()
    assert source_href({"source": "https://x.org/a?b=1"}, report) == "https://x.org/a?b=1"
    assert source_href({"source": "javascript:alert(1)"}, report) == ""
    assert source_href({"source": "data:text/html,hi"}, report) == ""
    art = tmp_path / "news" / "a b.txt"
    assert source_href({"source": str(art)}, report) == "../news/a%20b.txt"
    assert source_href({"source": "feed:1", "url": "http://n.org/1"}, report) == "http://n.org/1"


def test_report_page(tmp_path):
    trips = [
        _trip(source="a.txt", person="P", person_id="p", obligation="yes", basis="state_party", status="completed",
              country="ZA", start="2024-01-02", evidence="P went."),
        _trip(source="b.txt", person="Q", person_id="q", obligation="no", basis="non_party", status="planned",
              country="CN", start="2024-03-02", evidence="</script><script>alert(1)</script>",
              explanation="<i>x</i>"),
    ]
    path = write_report(trips, tmp_path / "r.html", {"articles": 5, "since": "2024-01-01"})
    text = path.read_text(encoding="utf-8")
    assert "<script>alert(1)" not in text and "&lt;script&gt;alert(1)" in text
    assert "<i>x</i>" not in text
    assert 'id="n-articles">5<' in text and 'id="n-trips">2<' in text
    assert text.count('<tbody class="trip"') == 2
    for c, _ in VIEW_COLUMNS:
        assert f'data-col="{c}"' in text
    assert '<option value="yes">' in text and '<option value="za">South Africa (ZA)</option>' in text
    assert "since" in text and "Not legal advice" in text
    assert "@media print" in text
    _no_fetch(text)


def _first_cells(text: str) -> list[str]:
    return re.findall(r'<tr class="main"><td class="col-(\w+)"', text)


def test_report_answer_first_and_details(tmp_path):
    t = _trip(source="https://example.org/a", published="2024-08-30", person="Vladimir Putin",
              person_id="vladimir-putin", mention="Putin", country="MN", city="Ulaanbaatar", start="2024-09-03",
              end="2024-09-03", precision="day", status="planned", evidence="Putin will visit Ulaanbaatar.",
              span="5-40", warrant="outstanding", obligation="yes", basis="state_party",
              explanation="Mongolia has been a State Party since 2002.", confidence="medium")
    text = render_report([t], tmp_path / "r.html")
    assert set(_first_cells(text)) == {"obligation"}
    main = text.split('<tr class="main">')[1].split("</tr>")[0]
    # answer first: the badge, the person, the destination by name, the dates, status and confidence
    assert [m for m in re.findall(r'class="col-(\w+)"', main)] == [c for c, _ in VIEW_COLUMNS] + ["more"]
    assert "Ulaanbaatar, Mongolia" in main and "2024-09-03" in main and ">medium<" in main
    # evidence, mention, span and explanation are in the row's detail, with highlights
    assert "Putin will visit" not in main
    detail = text.split('<tr class="detail"')[1].split("</tbody>")[0]
    assert '<mark class="hl-person"' in detail and '<mark class="hl-place"' in detail
    assert "State Party since 2002" in detail and "5-40" in detail and "example.org/a" in detail
    # confidence high is not shown
    t["confidence"] = "high"
    main = render_report([t], tmp_path / "r.html").split('<tr class="main">')[1].split("</tr>")[0]
    assert ">high<" not in main


def test_report_grouped_rows_history_and_timeline(tmp_path):
    hist = [{"source": "a.txt", "published": "2024-08-01", "status": "planned", "evidence": "Putin will go."},
            {"source": "b.txt", "published": "2024-09-04", "status": "completed", "evidence": "Putin went."}]
    g = {"trip_id": "t1", "person_id": "vladimir-putin", "person": "Vladimir Putin", "country": "MN", "city": "",
         "start": "2024-09-03", "end": "2024-09-03", "precision": "day", "status": "completed", "reports": "2",
         "sources": "a.txt;b.txt", "first_reported": "2024-08-01", "last_reported": "2024-09-04",
         "evidence": "Putin went.", "warrant": "outstanding", "obligation": "yes", "basis": "state_party",
         "confidence": "high", "explanation": "Bound.", "history": hist}
    other = dict(g, trip_id="t2", country="CN", start="", end="", status="cancelled", obligation="no",
                 basis="non_party", reports=1, history=[])
    text = render_report([g, other], tmp_path / "r.html")
    assert ">Reports</button>" in text
    assert '<span class="n-reports">2</span>' in text
    assert text.count("<li>") >= 2 and "Reports in time order" in text and "</mark> will go." in text
    # one timeline mark per trip (the undated one in the "no date" slot), the warrant as a line
    assert len(re.findall(r'<g class="mark ', text)) == 2
    assert 'data-shape="circle"' in text and 'data-shape="cross"' in text
    assert 'class="warrant-line"' in text and "warrant issued 2023-03-17" in text
    assert "no date" in text


def test_report_takes_objects_and_dataframes(tmp_path):
    import pandas as pd

    from riskcheck.news import Trip

    trip = Trip(person_id="vladimir-putin", person="Vladimir Putin", mention="Putin", country="MN", city="",
                start="2024-09-03", end="2024-09-03", precision="day", status="completed", event="",
                evidence="Putin arrived in Mongolia.", span=(0, 26))
    text = render_report([trip], tmp_path / "r.html")
    assert "Mongolia" in text and 'data-status="completed"' in text
    df = pd.DataFrame([_trip(person="P", country="za", obligation="yes", basis="state_party")])
    assert 'data-country="za"' in render_report(df, tmp_path / "r.html")


def test_report_empty(tmp_path):
    text = render_report([], tmp_path / "r.html", None)
    assert 'id="n-trips">0<' in text and "No trips." in text


def test_report_source_file_link_is_relative(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "001.txt").write_text("x")
    (tmp_path / "out").mkdir()
    text = write_report([_trip(source="articles/001.txt")], Path("out/r.html"), {}).read_text()
    assert 'href="../articles/001.txt"' in text
