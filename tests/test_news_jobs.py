"""``riskcheck news --jobs N``: many batches in flight keep every article, in input order."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from click.testing import CliRunner

from riskcheck.cli import cli


def test_jobs_over_several_batches_keeps_every_article_in_order(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from riskcheck.news import parse

    monkeypatch.setattr(parse, "_NLP", [])  # --model none below must not outlive this test
    places = ["China", "Mongolia", "Hungary", "Kenya", "Djibouti"]
    for n in range(150):  # more than two batches of 32 x 2
        text = (f"Vladimir Putin will visit {places[n % 5]} in October." if n % 3 else "Nothing about travel.")
        (tmp_path / f"{n:03d}.txt").write_text(f" date 2025-04-02 {text}", encoding="utf-8")
    (tmp_path / "zz.bin").write_bytes(b"\x00\x01" * 10)
    one = CliRunner().invoke(cli, ["news", str(tmp_path), "--format", "csv", "--model", "none"])
    two = CliRunner().invoke(cli, ["news", str(tmp_path), "--format", "csv", "--model", "none", "--jobs", "2"])
    assert one.exit_code == two.exit_code == 0, two.stderr
    rows = list(csv.DictReader(io.StringIO(two.stdout)))
    assert len(rows) == 100
    assert [r["source"].rsplit("/", 1)[-1] for r in rows] == [f"{n:03d}.txt" for n in range(150) if n % 3]
    assert one.stdout == two.stdout
    assert "150 article(s) read, 1 skipped" in two.stderr
