"""The map and the news report as a person sees them: opened in headless Chromium with the network blocked.

Chromium is driven through the DevTools protocol over ``--remote-debugging-pipe`` (standard library only:
no websocket client, no selenium). Tests click with real mouse events, type with real key input, read
computed styles and take screenshots.

Needs Debian's ``chromium`` (``apt-get install -y chromium``). Locally the tests are skipped when it is
absent; with ``CI=true`` they fail instead. Set ``RISKCHECK_CHROMIUM`` to use another binary.
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import json
import os
import select
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent


def find_chromium() -> str | None:
    env = os.environ.get("RISKCHECK_CHROMIUM")
    if env:
        return env
    for cand in ("/usr/lib/chromium/chromium", "chromium", "chromium-browser", "google-chrome"):
        path = cand if os.path.isabs(cand) and os.access(cand, os.X_OK) else shutil.which(cand)
        if path:
            return path
    return None


class Browser:
    """A headless Chromium driven over the DevTools protocol on a pipe (fds 3 and 4)."""

    def __init__(self, exe: str, workdir: Path, width: int = 1200, height: int = 800) -> None:
        self.workdir = workdir
        cmd_r, self._cmd_w = os.pipe()  # we write commands; Chromium reads them on fd 3
        self._out_r, out_w = os.pipe()  # Chromium writes answers on fd 4; we read them

        def child_fds() -> None:
            a = fcntl.fcntl(cmd_r, fcntl.F_DUPFD, 10)
            b = fcntl.fcntl(out_w, fcntl.F_DUPFD, 10)
            os.dup2(a, 3)
            os.dup2(b, 4)

        self.log = open(workdir / "chromium.log", "wb")  # noqa: SIM115 - closed in close()
        args = [
            exe, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-default-apps", "--disable-extensions", "--no-first-run", "--no-default-browser-check",
            "--hide-scrollbars", "--mute-audio", "--force-color-profile=srgb",
            f"--user-data-dir={workdir / 'profile'}",
            # no network: names resolve to nothing and any proxied request goes to a closed port
            "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost", "--proxy-server=127.0.0.1:9",
            f"--window-size={width},{height}", "--remote-debugging-pipe", "about:blank",
        ]
        self.proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=self.log, stderr=self.log,
                                     preexec_fn=child_fds, close_fds=False)  # noqa: PLW1509
        os.close(cmd_r)
        os.close(out_w)
        self._buf = b""
        self._id = 0
        self.events: list[dict[str, Any]] = []
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for method in ("Page.enable", "Runtime.enable", "Network.enable"):
            self.call(method, session=True)
        self.call("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False}, session=True)

    # ---- protocol ---------------------------------------------------------------------------------

    def _read(self, timeout: float) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while b"\0" not in self._buf:
            left = deadline - time.monotonic()
            if left <= 0 or self.proc.poll() is not None:
                raise TimeoutError(f"no answer from Chromium (exit {self.proc.poll()}); see {self.log.name}")
            ready, _, _ = select.select([self._out_r], [], [], left)
            if ready:
                chunk = os.read(self._out_r, 1 << 20)
                if not chunk:
                    raise EOFError("Chromium closed the pipe")
                self._buf += chunk
        msg, _, self._buf = self._buf.partition(b"\0")
        return json.loads(msg)

    def call(self, method: str, params: dict[str, Any] | None = None, *, session: bool = False,
             timeout: float = 20.0) -> dict[str, Any]:
        self._id += 1
        msg: dict[str, Any] = {"id": self._id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = self.session
        os.write(self._cmd_w, json.dumps(msg).encode() + b"\0")
        while True:
            answer = self._read(timeout)
            if answer.get("id") == self._id:
                if "error" in answer:
                    raise RuntimeError(f"{method}: {answer['error']}")
                return answer.get("result", {})
            if "method" in answer:
                self.events.append(answer)

    def wait_event(self, name: str, timeout: float = 20.0) -> dict[str, Any]:
        for i, ev in enumerate(self.events):
            if ev["method"] == name:
                return self.events.pop(i)
        deadline = time.monotonic() + timeout
        while True:
            ev = self._read(max(0.01, deadline - time.monotonic()))
            if ev.get("method") == name:
                return ev
            if "method" in ev:
                self.events.append(ev)

    # ---- what a test needs ------------------------------------------------------------------------

    def open(self, path: Path, fragment: str = "") -> None:
        for url in ("about:blank", path.resolve().as_uri() + fragment):  # blank first: a fresh load
            self.events.clear()
            self.call("Page.navigate", {"url": url}, session=True)
            self.wait_event("Page.loadEventFired")

    def wait_ready(self, timeout: float = 10.0) -> None:
        deadline = time.monotonic() + timeout
        while self.eval("document.documentElement.getAttribute('data-ready')") != "1":
            if time.monotonic() > deadline:
                raise TimeoutError("page script did not finish")
            time.sleep(0.05)

    def eval(self, expression: str) -> Any:
        r = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True}, session=True)
        if "exceptionDetails" in r:
            raise RuntimeError(f"{expression}: {r['exceptionDetails']}")
        return r["result"].get("value")

    def center(self, selector: str) -> tuple[float, float]:
        """Scroll ``selector`` into view and return the middle of its box in viewport pixels."""
        box = self.eval(f"""(function(){{var e=document.querySelector({json.dumps(selector)});
            e.scrollIntoView({{block:'center',inline:'center'}});
            var r=e.getBoundingClientRect(); return [r.left+r.width/2, r.top+r.height/2, r.width, r.height];}})()""")
        assert box[2] > 0 and box[3] > 0, f"{selector} is not rendered"
        return box[0], box[1]

    def click(self, x: float, y: float) -> None:
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", {"type": kind, "x": x, "y": y, "button": "left",
                                                  "clickCount": 1}, session=True)

    def type_text(self, text: str) -> None:
        self.call("Input.insertText", {"text": text}, session=True)

    def screenshot(self) -> bytes:
        return base64.b64decode(self.call("Page.captureScreenshot", {"format": "png"}, session=True)["data"])

    def requested_urls(self) -> list[str]:
        return [ev["params"]["request"]["url"] for ev in self.events if ev["method"] == "Network.requestWillBeSent"]

    def js_errors(self) -> list[str]:
        return [json.dumps(ev["params"]["exceptionDetails"])[:300] for ev in self.events
                if ev["method"] == "Runtime.exceptionThrown"]

    def close(self) -> None:
        with contextlib.suppress(Exception):  # closing anyway
            self.call("Browser.close", timeout=5)
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=5)
        for fd in (self._cmd_w, self._out_r):
            with contextlib.suppress(OSError):
                os.close(fd)
        self.log.close()


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    exe = find_chromium()
    if exe is None:
        msg = "headless Chromium not found (apt-get install -y chromium, or set RISKCHECK_CHROMIUM)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(msg + ": browser tests must run in CI")
        pytest.skip(msg)
    b = Browser(exe, tmp_path_factory.mktemp("chromium"))
    yield b
    b.close()


def analyse(b: Browser, png: bytes, points: list[tuple[float, float]] = ()) -> tuple[int, list[list[int]]]:
    """(distinct colours, RGB at each point) of a screenshot, decoded by the browser itself (no Pillow)."""
    (b.workdir / f"shot-{len(png)}.png").write_bytes(png)  # kept for a look when a test fails
    decode = """async function(b64, pts){
      const bin = atob(b64); const u = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) u[i] = bin.charCodeAt(i);
      const bmp = await createImageBitmap(new Blob([u], {type: "image/png"}));
      const c = new OffscreenCanvas(bmp.width, bmp.height); const ctx = c.getContext("2d");
      ctx.drawImage(bmp, 0, 0);
      const d = ctx.getImageData(0, 0, bmp.width, bmp.height).data; const seen = new Set();
      for (let i = 0; i < d.length; i += 4) seen.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
      const px = pts.map(p => { const i = 4 * (Math.floor(p[1]) * bmp.width + Math.floor(p[0]));
                                return [d[i], d[i + 1], d[i + 2]]; });
      return [seen.size, px];
    }"""
    js = f"({decode})({json.dumps(base64.b64encode(png).decode())}, {json.dumps(list(points))})"
    r = b.call("Runtime.evaluate", {"expression": js, "returnByValue": True, "awaitPromise": True}, session=True)
    assert "exceptionDetails" not in r, r
    n, px = r["result"]["value"]
    return n, px


def rgb(hex_colour: str) -> tuple[int, int, int]:
    return tuple(int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))  # type: ignore[return-value]


def assert_offline(b: Browser) -> None:
    urls = b.requested_urls()
    assert urls, "no request seen at all: network events not recorded?"
    bad = [u for u in urls if not u.startswith(("file:", "data:", "about:"))]
    assert not bad, f"page tried to fetch {bad}"
    assert not b.js_errors(), b.js_errors()


# --------------------------------------------------------------------------------------------------
# The map


@pytest.fixture(scope="module")
def putin_map(tmp_path_factory):
    from riskcheck.viz.worldmap import draw_map

    out = tmp_path_factory.mktemp("map")
    m = draw_map("vladimir-putin", "2024-01-01")
    return m, m.save(out / "putin.html"), m.save(out / "putin.svg")


def test_map_html_renders_known_fills_legend_and_details(browser, putin_map):
    from riskcheck.viz.worldmap import CLASS_BY_KEY

    m, html, _ = putin_map
    browser.open(html)
    browser.wait_ready()
    assert_offline(browser)
    fills = browser.eval("""(function(){var o={};['ZA','CN'].forEach(function(c){
        var e=document.getElementById('c-'+c); o[c]=[e.getAttribute('data-class'), getComputedStyle(e).fill];});
        return o;})()""")
    assert fills["ZA"] == ["bound", "rgb({}, {}, {})".format(*rgb(CLASS_BY_KEY["bound"].colour))]
    assert fills["CN"] == ["not_bound", "rgb({}, {}, {})".format(*rgb(CLASS_BY_KEY["not_bound"].colour))]
    title = browser.eval("document.getElementById('title').textContent")
    assert "Putin" in title and "2024-01-01" in title
    legend = browser.eval("Array.from(document.querySelectorAll('#legend .legend-item text')).map(t=>t.textContent)")
    assert any(t.startswith("Bound to arrest: State Party") for t in legend)
    assert any(t.startswith("Not bound") for t in legend)
    assert any("does not apply" in t for t in legend)
    foot = browser.eval("document.getElementById('footnote').textContent")
    assert "Not legal advice" in foot and f"Data checked {m.checked}" in foot

    # what is on screen: the middle of South Africa is painted in the "bound" colour, China's in "not bound"
    x, y = browser.center("#c-ZA")
    n, (px,) = analyse(browser, browser.screenshot(), [(x, y)])
    assert n > 8, "screenshot looks blank"
    assert max(abs(a - b) for a, b in zip(px, rgb(CLASS_BY_KEY["bound"].colour), strict=True)) < 12, px

    # a real click on South Africa shows its verdict and reasons
    browser.click(x, y)
    details = browser.eval("document.getElementById('details').textContent")
    assert "South Africa" in details and "State Party" in details
    assert browser.eval("document.getElementById('details').getAttribute('data-code')") == "ZA"
    # hovering shows the tooltip
    browser.call("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": x + 1, "y": y + 1}, session=True)
    assert "South Africa" in browser.eval("document.getElementById('tip').textContent")
    assert browser.eval("document.getElementById('tip').hidden") is False


def test_map_small_states_have_visible_markers(browser, putin_map):
    from riskcheck.viz.worldmap import CLASS_BY_KEY, OCEAN

    _, html, _ = putin_map
    browser.open(html)
    browser.wait_ready()
    # Tokelau, where the Statute does not apply, is a marker in the open sea: its colour is not the sea's
    x, y = browser.center("#m-TK")
    _, (px, sea) = analyse(browser, browser.screenshot(), [(x, y), (x + 30, y + 30)])
    assert max(abs(a - c) for a, c in zip(px, rgb(CLASS_BY_KEY["excluded"].colour), strict=True)) < 14, px
    assert max(abs(a - c) for a, c in zip(sea, rgb(OCEAN), strict=True)) < 6, sea
    assert sum(abs(a - c) for a, c in zip(px, sea, strict=True)) > 150
    # Malta is a State Party: a marker, and the marker is drawn with a real size on screen
    assert browser.eval("document.getElementById('m-MT').getAttribute('data-class')") == "bound"
    w = browser.eval("document.getElementById('m-MT').getBoundingClientRect().width")
    assert w >= 5


def test_standalone_svg_renders(browser, putin_map):
    from riskcheck.viz.worldmap import CLASS_BY_KEY

    m, _, svg = putin_map
    browser.open(svg)
    assert browser.eval("getComputedStyle(document.getElementById('c-ZA')).fill") == \
        "rgb({}, {}, {})".format(*rgb(CLASS_BY_KEY["bound"].colour))
    # one legend row per class in use (none with zero entries), plus the small-state marker
    assert browser.eval("document.querySelectorAll('#legend .legend-item').length") == len(m.legend_rows()) + 1
    legend = browser.eval("Array.from(document.querySelectorAll('#legend .legend-item text')).map(t=>t.textContent)")
    assert "Bound to arrest: State Party (123 states; 35 territories)" in legend
    assert not any("(0" in t for t in legend)
    assert analyse(browser, browser.screenshot())[0] > 8
    assert_offline(browser)


# --------------------------------------------------------------------------------------------------
# The report

TRIPS = [
    {"source": "tests/news_corpus/articles/001.txt", "published": "2024-08-30", "person_id": "vladimir-putin",
     "person": "Vladimir Vladimirovich Putin", "mention": "Putin", "country": "MN", "city": "Ulaanbaatar",
     "start": "2024-09-03", "end": "2024-09-03", "precision": "day", "status": "completed", "event": "visit",
     "evidence": "Putin arrived in Ulaanbaatar on September 3 for talks.", "span": "120-176",
     "warrant": "outstanding", "obligation": "yes", "basis": "state_party",
     "explanation": "Mongolia has been a State Party since 2002-07-01."},
    {"source": "https://example.org/putin-beijing", "published": "2023-10-16", "person_id": "vladimir-putin",
     "person": "Vladimir Vladimirovich Putin", "mention": "Vladimir Putin", "country": "CN", "city": "Beijing",
     "start": "2023-10-17", "end": "2023-10-18", "precision": "range", "status": "planned", "event": "summit",
     "evidence": "Vladimir Putin will travel to Beijing on 17 October.", "span": "0-52",
     "warrant": "outstanding", "obligation": "no", "basis": "non_party", "explanation": "China is not bound."},
    {"source": "javascript:window.__pwned=1", "published": "2015-06-10", "person_id": "omar-al-bashir",
     "person": "Omar Hassan Ahmad Al Bashir", "mention": "Bashir", "country": "ZA", "city": "Johannesburg",
     "start": "2015-06-14", "end": "2015-06-15", "precision": "range", "status": "completed", "event": "summit",
     "evidence": '<img src=x onerror="window.__pwned=1"> Bashir left Johannesburg on 15 June.',
     "span": "5-60", "warrant": "outstanding", "obligation": "yes", "basis": "state_party",
     "explanation": "<script>window.__pwned=1</script>South Africa is bound.",
     "highlights": [(39, 45, "person"), (51, 63, "place"), (67, 74, "date")]},
]


LONG = {"source": "https://example.org/" + "very-long-path-segment-" * 12, "published": "2024-08-30",
        "person_id": "vladimir-putin", "person": "Vladimir Vladimirovich Putin", "mention": "Putin", "country": "CN",
        "city": "Beijing", "start": "", "end": "", "precision": "unknown", "status": "cancelled", "event": "",
        "evidence": "Putin " + "talked-without-any-space-" * 20 + " in Beijing.", "span": "0-600",
        "warrant": "outstanding", "obligation": "no", "basis": "non_party", "explanation": "x" * 400}


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    from riskcheck.viz.report import write_report

    out = tmp_path_factory.mktemp("report") / "report.html"
    return write_report(TRIPS + [LONG], out, {"articles": 7, "checked": "2026-11-28"})


@pytest.fixture()
def wide(browser):
    """The browser at 1366x900, the issue's laptop screen."""
    browser.call("Emulation.setDeviceMetricsOverride",
                 {"width": 1366, "height": 900, "deviceScaleFactor": 1, "mobile": False}, session=True)
    yield browser
    browser.call("Emulation.setDeviceMetricsOverride",
                 {"width": 1200, "height": 800, "deviceScaleFactor": 1, "mobile": False}, session=True)


def column(b: Browser, name: str, visible_only: bool = True) -> list[str]:
    return b.eval(f"""Array.from(document.querySelectorAll('#trips tbody.trip'))
        .filter(r => !{str(visible_only).lower()} || !r.hidden)
        .map(r => r.querySelector('tr.main td.col-{name}').textContent.trim())""")


def test_report_fits_1366_answer_first(wide, report):
    b = wide
    b.open(report)
    b.wait_ready()
    assert_offline(b)
    assert b.eval("document.getElementById('n-articles').textContent") == "7"
    assert b.eval("document.getElementById('n-trips').textContent") == "4"
    assert b.eval("document.documentElement.scrollWidth") <= b.eval("document.documentElement.clientWidth") == 1366
    # the badge is the first cell of every row, and on screen at the left
    first = b.eval("""Array.from(document.querySelectorAll('#trips tr.main')).map(r => {
        const c = r.cells[0], g = c.querySelector('.badge'); return [c.className, g ? g.textContent : null];})""")
    assert first == [["col-obligation", "yes"], ["col-obligation", "no"], ["col-obligation", "yes"],
                     ["col-obligation", "no"]]
    heads = b.eval("Array.from(document.querySelectorAll('#trips thead th')).map(t => t.textContent.trim())")
    assert heads[:4] == ["Obligation", "Person", "Destination", "Dates"]
    x = b.eval("document.querySelector('#trips tr.main .badge').getBoundingClientRect().left")
    assert 0 <= x < 60
    assert column(b, "destination")[:2] == ["Ulaanbaatar, Mongolia MN", "Beijing, China CN"]
    # opening the row with very long evidence and source still needs no horizontal scroll
    b.click(*b.center('#t-3 button.more'))
    assert b.eval("document.getElementById('d-3').hidden") is False
    assert b.eval("document.documentElement.scrollWidth") <= 1366
    assert b.eval("document.getElementById('d-3').getBoundingClientRect().right") <= 1366
    n, _ = analyse(b, b.screenshot())
    assert n > 8, "screenshot looks blank"


def test_report_details_highlights_links_and_escapes(browser, report):
    browser.open(report)
    browser.wait_ready()
    assert browser.eval("document.getElementById('d-0').hidden") is True
    browser.click(*browser.center("#t-0 td.col-person"))  # a click on the row opens its detail
    assert browser.eval("document.getElementById('d-0').hidden") is False
    assert browser.eval("document.querySelector('#t-0 button.more').getAttribute('aria-expanded')") == "true"
    marks = browser.eval("""Array.from(document.querySelectorAll('#d-0 .d-evidence mark'))
        .map(m => [m.className, m.textContent])""")
    assert marks == [["hl-person", "Putin"], ["hl-place", "Ulaanbaatar"], ["hl-date", "September 3"]]
    marks = browser.eval("""Array.from(document.querySelectorAll('#d-2 .d-evidence mark'))
        .map(m => [m.className, m.textContent])""")
    assert marks == [["hl-person", "Bashir"], ["hl-place", "Johannesburg"], ["hl-date", "15 June"]]
    assert "State Party since 2002-07-01" in browser.eval("document.getElementById('d-0').textContent")
    hrefs = browser.eval("Array.from(document.querySelectorAll('#trips a')).map(a => a.href)")
    assert "https://example.org/putin-beijing" in hrefs
    assert any(h.startswith("file://") and h.endswith("tests/news_corpus/articles/001.txt") for h in hrefs)
    assert not any(h.startswith("javascript:") for h in hrefs)
    browser.click(*browser.center("#t-2 button.more"))
    assert browser.eval("typeof window.__pwned") == "undefined"
    assert browser.eval("document.querySelectorAll('#trips img, #trips script').length") == 0
    assert "<img src=x" in browser.eval("document.querySelector('#d-2 .d-evidence').textContent")


def test_report_timeline_one_mark_per_trip(browser, report):
    browser.open(report)
    browser.wait_ready()
    per_person = browser.eval("""Array.from(document.querySelectorAll('#timelines .tl-row')).map(r =>
        [r.getAttribute('data-person'), r.querySelectorAll('.mark').length,
         Array.from(r.querySelectorAll('.mark')).map(m => m.getAttribute('data-shape')).sort().join(),
         r.querySelectorAll('.warrant-line').length])""")
    assert per_person == [["vladimir-putin", 3, "circle,cross,triangle", 1], ["omar-al-bashir", 1, "circle", 2]]
    assert browser.eval("document.querySelectorAll('svg.tl .mark').length") == 4
    # the marks are coloured by obligation
    from riskcheck.viz.worldmap import CLASS_BY_KEY

    fill = browser.eval("getComputedStyle(document.querySelector('svg.tl .mark[data-i=\"0\"] circle')).fill")
    assert fill == "rgb({}, {}, {})".format(*rgb(CLASS_BY_KEY["bound"].colour))
    # clicking a mark opens that trip in the table
    browser.click(*browser.center('svg.tl .mark[data-i="1"]'))
    assert browser.eval("document.getElementById('d-1').hidden") is False


def test_report_filter_link_restores_the_view(browser, report):
    browser.open(report)
    browser.wait_ready()
    browser.eval("var s=document.getElementById('f-obligation'); s.value='yes'; s.dispatchEvent(new Event('change'))")
    browser.click(*browser.center("#f-person"))
    browser.type_text("putin")
    browser.click(*browser.center("th.col-dates button"))
    assert column(browser, "destination") == ["Ulaanbaatar, Mongolia MN"]
    assert browser.eval("document.getElementById('shown').textContent") == "1 of 4 trips"
    link = browser.eval("document.getElementById('view-link').getAttribute('href')")
    assert link == browser.eval("location.hash")
    assert "obligation=yes" in link and "person=putin" in link and "sort=dates" in link
    # a fresh page opened on that link shows the same view
    browser.open(report, link)
    browser.wait_ready()
    assert browser.eval("document.getElementById('f-obligation').value") == "yes"
    assert browser.eval("document.getElementById('f-person').value") == "putin"
    assert column(browser, "destination") == ["Ulaanbaatar, Mongolia MN"]
    assert browser.eval("document.querySelector('th.col-dates').getAttribute('aria-sort')") == "ascending"
    # the timeline dims the trips filtered out
    assert browser.eval("document.querySelectorAll('svg.tl .mark.off').length") == 3
    # and a sort-only link orders the rows
    browser.open(report, "#sort=dates&dir=desc")
    browser.wait_ready()
    assert column(browser, "dates") == ["2024-09-03", "2023-10-17 – 10-18", "2015-06-14 – 06-15", "date unknown"]
    browser.click(*browser.center("th.col-dates button"))
    assert browser.eval("document.querySelector('th.col-dates').getAttribute('aria-sort')") == "ascending"
    assert column(browser, "dates")[0] == "2015-06-14 – 06-15"
    # a link to one trip opens its details
    browser.open(report, "#trip=2")
    browser.wait_ready()
    assert browser.eval("document.getElementById('d-2').hidden") is False
    assert browser.eval("document.getElementById('d-0').hidden") is True


def test_report_prints_details_without_controls(browser, report):
    browser.open(report)
    browser.wait_ready()
    browser.call("Emulation.setEmulatedMedia", {"media": "print"}, session=True)
    try:
        assert browser.eval("getComputedStyle(document.getElementById('filters')).display") == "none"
        assert browser.eval("getComputedStyle(document.getElementById('d-0')).display") == "table-row"
        assert browser.eval("getComputedStyle(document.querySelector('#trips thead th')).position") == "static"
        # an A4 page's width (794 CSS pixels): nothing sticks out, names are not broken letter by letter
        browser.call("Emulation.setDeviceMetricsOverride",
                     {"width": 794, "height": 1123, "deviceScaleFactor": 1, "mobile": False}, session=True)
        assert browser.eval("document.documentElement.scrollWidth") <= 794
        assert browser.eval("document.querySelector('#t-0 td.col-person').getBoundingClientRect().width") > 90
    finally:
        browser.call("Emulation.setEmulatedMedia", {"media": ""}, session=True)
        browser.call("Emulation.setDeviceMetricsOverride",
                     {"width": 1200, "height": 800, "deviceScaleFactor": 1, "mobile": False}, session=True)
    pdf = browser.call("Page.printToPDF", {"paperWidth": 8.27, "paperHeight": 11.69}, session=True)["data"]
    assert base64.b64decode(pdf)[:4] == b"%PDF"


# --------------------------------------------------------------------------------------------------
# The travel map


@pytest.fixture(scope="module")
def travel(tmp_path_factory):
    from riskcheck.viz.travelmap import draw_travel_map
    from tests.test_travelmap import TRIPS as OWN_TRIPS

    out = tmp_path_factory.mktemp("travel")
    m = draw_travel_map("Putin", OWN_TRIPS)
    return m, m.save(out / "travel.html"), m.save(out / "travel.svg")


def test_travel_map_marks_colours_and_details(wide, travel):
    from riskcheck.viz.worldmap import CLASS_BY_KEY

    m, html, _ = travel
    b = wide
    b.open(html)
    b.wait_ready()
    assert_offline(b)
    marks = b.eval("""Array.from(document.querySelectorAll('#marks .trip-mark')).map(g =>
        [g.getAttribute('data-n'), g.getAttribute('data-code'), g.getAttribute('data-style'),
         g.querySelector('text').textContent]).sort((a, c) => a[0] - c[0])""")
    assert marks == [["1", "KG", "solid", "1"], ["2", "ZA", "cancelled", "2"], ["3", "CN", "dashed", "3"],
                     ["4", "MN", "solid", "4"]]
    bound = "rgb({}, {}, {})".format(*rgb(CLASS_BY_KEY["bound"].colour))
    assert b.eval("getComputedStyle(document.querySelector('#trip-4 circle')).fill") == bound
    assert b.eval("getComputedStyle(document.getElementById('c-MN')).fill") == bound
    assert b.eval("getComputedStyle(document.getElementById('c-MN')).stroke") == "rgb(17, 17, 17)"
    assert b.eval("getComputedStyle(document.querySelector('#trip-2 circle')).fill") == "rgb(255, 255, 255)"
    assert b.eval("getComputedStyle(document.getElementById('c-CN')).fill") == \
        "rgb({}, {}, {})".format(*rgb(CLASS_BY_KEY["not_bound"].colour))
    assert b.eval("document.documentElement.scrollWidth") <= 1366
    # on screen: the middle of mark 4 is painted in the "bound" colour (the number is white: look beside it)
    x, y = b.center("#trip-4")
    r = b.eval("document.querySelector('#trip-4 circle').getBoundingClientRect().width") / 2
    assert r >= 8, "marks too small to read"
    n, (px,) = analyse(b, b.screenshot(), [(x - r * 0.75, y)])
    assert n > 8, "screenshot looks blank"
    assert max(abs(a - c) for a, c in zip(px, rgb(CLASS_BY_KEY["bound"].colour), strict=True)) < 14, px
    # a real click on a mark shows the trip, its obligation and the verdict's explanation
    b.click(x, y)
    det = b.eval("document.getElementById('details').textContent")
    assert det.startswith("4. Mongolia, Ulaanbaatar: 2024-09-03") and "State Party" in det
    assert "Putin landed in Ulaanbaatar" in det
    assert b.eval("document.querySelector('#trips li.selected').getAttribute('data-n')") == "4"
    # hovering the cancelled mark says so
    x2, y2 = b.center("#trip-2")
    b.call("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": x2, "y": y2}, session=True)
    assert "cancelled" in b.eval("document.getElementById('tip').textContent")
    legend = b.eval("Array.from(document.querySelectorAll('#legend .legend-item text')).map(t => t.textContent)")
    assert any("cancelled" in t for t in legend) and any("thick outline" in t for t in legend)


def test_travel_map_standalone_svg(browser, travel):
    _, _, svg = travel
    browser.open(svg)
    assert browser.eval("document.querySelectorAll('#marks .trip-mark').length") == 4
    assert analyse(browser, browser.screenshot())[0] > 8
    assert_offline(browser)
