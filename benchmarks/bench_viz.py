"""Render times and screenshot sizes of the news report and the travel map.

    python benchmarks/bench_viz.py ../shared/news-dev2/articles examples/article.txt

For each input: runs ``riskcheck news INPUT --format csv`` once, then writes the HTML report (median of 5
renders in this process), opens it in headless Chromium at 1366x900 (median of 3 loads until the page
script is done), checks the page is not wider than the window and saves a screenshot; then draws the
travel map of ``--person`` (default Putin) from the same rows (median of 3, HTML) and as a PNG
(matplotlib). Files go to benchmarks/out/viz/. Timings on a shared machine are noisy: compare ratios
within one run. Needs Chromium (see tests/test_browser.py).
"""

from __future__ import annotations

import argparse
import csv
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from riskcheck.ruleset import load_ruleset  # noqa: E402
from riskcheck.viz.report import write_report  # noqa: E402
from riskcheck.viz.travelmap import draw_travel_map  # noqa: E402
from tests.test_browser import Browser, find_chromium  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("inputs", nargs="+")
    ap.add_argument("--person", default="Putin")
    args = ap.parse_args()
    out = ROOT / "benchmarks" / "out" / "viz"
    out.mkdir(parents=True, exist_ok=True)
    rs = load_ruleset()
    exe = find_chromium()
    if exe is None:
        sys.exit("needs headless Chromium (apt-get install -y chromium)")
    b = Browser(exe, Path(tempfile.mkdtemp()), 1366, 900)
    try:
        for src in args.inputs:
            name = Path(src).resolve().parent.name if Path(src).name == "articles" else Path(src).stem
            trips_csv = out / f"{name}.csv"
            subprocess.run([sys.executable, "-m", "riskcheck", "news", src, "--format", "csv", "-o", str(trips_csv)],
                           check=True, stderr=subprocess.DEVNULL)
            rows = list(csv.DictReader(trips_csv.open(encoding="utf-8")))
            renders = []
            for _ in range(5):
                t0 = time.perf_counter()
                report = write_report(rows, out / f"{name}-report.html", {}, ruleset=rs)
                renders.append(time.perf_counter() - t0)
            loads = []
            for _ in range(3):
                t0 = time.perf_counter()
                b.open(report)
                b.wait_ready()
                loads.append(time.perf_counter() - t0)
            width = b.eval("document.documentElement.scrollWidth")
            shot = b.screenshot()
            (out / f"{name}-report.png").write_bytes(shot)
            print(f"report {name}: {len(rows)} rows; html {report.stat().st_size:,} B; render median "
                  f"{statistics.median(renders) * 1000:.0f} ms; browser load+script median "
                  f"{statistics.median(loads) * 1000:.0f} ms; page width {width} px at 1366; screenshot "
                  f"{len(shot):,} B")
            draws = []
            for _ in range(3):
                t0 = time.perf_counter()
                m = draw_travel_map(args.person, rows, ruleset=rs)
                page = m.save(out / f"{name}-map.html")
                draws.append(time.perf_counter() - t0)
            b.open(page)
            b.wait_ready()
            shot = b.screenshot()
            (out / f"{name}-map-screenshot.png").write_bytes(shot)
            t0 = time.perf_counter()
            png = m.save(out / f"{name}-map.png")
            t_png = time.perf_counter() - t0
            print(f"map {name} ({m.person}): {len(m.trips)} trips; html {page.stat().st_size:,} B; draw+save median "
                  f"{statistics.median(draws) * 1000:.0f} ms; screenshot {len(shot):,} B; PNG (matplotlib) "
                  f"{png.stat().st_size:,} B in {t_png * 1000:.0f} ms")
    finally:
        b.close()


if __name__ == "__main__":
    main()
