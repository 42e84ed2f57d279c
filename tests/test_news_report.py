"""`riskcheck news --report`: one self-contained HTML page alongside the data output."""

from __future__ import annotations

import re

from click.testing import CliRunner

from riskcheck.cli import cli

ARTICLE = (" date 2024-08-30 The Russian president will travel to Mongolia next week, officials said. "
           "Vladimir Putin is expected to arrive in Ulaanbaatar on Tuesday. "
           "Last year he skipped the BRICS summit in South Africa and joined it by video link instead.\n")


def test_report_written_with_trips_and_no_external_references(tmp_path):
    art = tmp_path / "a.txt"
    art.write_text(ARTICLE, encoding="utf-8")
    report = tmp_path / "report.html"
    r = CliRunner().invoke(cli, ["news", str(art), "--format", "csv", "-o", str(tmp_path / "t.csv"),
                                 "--report", str(report)])
    assert r.exit_code == 0, r.output
    html = report.read_text(encoding="utf-8")
    assert "Mongolia" in html and "<mark" in html
    assert not re.search(r"(src|href)=\"https?://", html)  # nothing fetched when opened


def test_report_to_missing_folder_is_exit_2(tmp_path):
    art = tmp_path / "a.txt"
    art.write_text(ARTICLE, encoding="utf-8")
    r = CliRunner().invoke(cli, ["news", str(art), "-o", str(tmp_path / "t.csv"), "--report",
                                 str(tmp_path / "nope" / "r.html")])
    assert r.exit_code == 2 and "cannot write report" in r.output
