"""The data ships inside the wheel, and a user's own copy can be loaded."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from datetime import date
from pathlib import Path

import pytest

from riskcheck.ruleset import FILES, clear_cache, default_data_dir, load_ruleset

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_wheel_contains_the_data(tmp_path):
    pytest.importorskip("hatchling")
    out = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                          "-w", str(tmp_path), str(ROOT)], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    wheel = next(tmp_path.glob("riskcheck-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    from riskcheck.validate import EVENT_FILES

    for f in (*FILES, *EVENT_FILES):
        assert f"riskcheck/data/{f}" in names
    assert "riskcheck/data/README.md" in names
    # the console script is the click-free entry point for plain checks (riskcheck/cli_check.py)
    entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
    assert "riskcheck = riskcheck.cli_check:main" in zipfile.ZipFile(wheel).read(entry_points).decode()


def test_default_data_dir_has_every_file():
    d = default_data_dir()
    assert all((d / f).is_file() for f in FILES)


def test_load_users_own_copy(tmp_path):
    mine = tmp_path / "mydata"
    shutil.copytree(default_data_dir(), mine)
    # the user's copy says South Africa's withdrawal took effect: their answer must follow their data
    w = mine / "withdrawals.csv"
    lines = w.read_text(encoding="utf-8").splitlines()
    lines = [ln for ln in lines if not ln.startswith("ZA,")]
    lines.append("ZA,2016-10-21,2016-10-19,2017-10-19,,https://example.org/my-copy,2026-01-01,high,hypothetical")
    w.write_text("\n".join(lines) + "\n", encoding="utf-8")
    clear_cache()
    try:
        rs = load_ruleset(mine)
        assert rs.state_status("ZA", date(2023, 8, 22)).status == "withdrawn"
        assert load_ruleset().state_status("ZA", date(2023, 8, 22)).status == "party"
        assert load_ruleset(mine) is rs  # loaded once
    finally:
        clear_cache()
