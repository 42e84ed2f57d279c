"""The command line's documented contract: exit codes, RISKCHECK_DATA, --data, RISKCHECK_DEBUG."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import riskcheck.cli as cli_module
from riskcheck.cli import cli, main

from .conftest import MINI

ROOT = Path(__file__).resolve().parent.parent


def _boom(*_a, **_k):
    raise RuntimeError("deliberate bug for the test")


def _run_main(monkeypatch, *argv):
    monkeypatch.setattr(sys, "argv", ["riskcheck", *argv])
    with pytest.raises(SystemExit) as exc:
        main()
    return exc.value.code


def test_internal_error_exits_3_with_one_line(monkeypatch, capsys):
    monkeypatch.delenv("RISKCHECK_DEBUG", raising=False)
    monkeypatch.setattr(cli_module, "get_ruleset", _boom)
    assert _run_main(monkeypatch, "check", "Putin", "ZA", "--date", "2023-08-22") == 3
    out, err = capsys.readouterr()
    assert out == ""
    assert err == ("riskcheck: internal error: RuntimeError: deliberate bug for the test "
                   "(set RISKCHECK_DEBUG=1 for details; please report it)\n")


def test_riskcheck_debug_shows_the_trace(monkeypatch):
    monkeypatch.setenv("RISKCHECK_DEBUG", "1")
    monkeypatch.setattr(cli_module, "get_ruleset", _boom)
    monkeypatch.setattr(sys, "argv", ["riskcheck", "check", "Putin", "ZA"])
    with pytest.raises(RuntimeError, match="deliberate bug"):
        main()


def test_internal_error_in_a_real_process():
    code = ("import sys, riskcheck.cli as c\n"
            "def boom(*a, **k): raise KeyError('x')\n"
            "c.get_ruleset = boom\n"
            "sys.argv = ['riskcheck', 'check', 'Putin', 'ZA']\n"
            "c.main()\n")
    env = {k: v for k, v in os.environ.items() if k != "RISKCHECK_DEBUG"}
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert p.returncode == 3 and p.stdout == ""
    assert p.stderr.startswith("riskcheck: internal error: KeyError") and p.stderr.count("\n") == 1
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                       env={**env, "RISKCHECK_DEBUG": "1"})
    assert p.returncode == 1 and "Traceback (most recent call last)" in p.stderr and "KeyError" in p.stderr


def _info(*args, env=None):
    r = CliRunner().invoke(cli, [*args, "data", "info", "--format", "json"], env=env)
    assert r.exit_code == 0, r.output
    return json.loads(r.output)


def test_riskcheck_data_env_selects_the_data_folder():
    bundled = _info(env={"RISKCHECK_DATA": None})
    mini = _info(env={"RISKCHECK_DATA": str(MINI)})
    assert Path(mini["data_folder"]) == MINI.resolve()
    assert (mini["states"], mini["people"]) == (10, 5)
    assert Path(bundled["data_folder"]) != MINI.resolve() and bundled["states"] > 190


def test_data_option_selects_the_data_folder_and_beats_the_env(tmp_path):
    mini = _info("--data", str(MINI), env={"RISKCHECK_DATA": None})
    assert Path(mini["data_folder"]) == MINI.resolve() and mini["states"] == 10
    assert _info("--data", str(MINI), env={"RISKCHECK_DATA": str(tmp_path / "nope")})["states"] == 10
    # the answer itself comes from that folder: the mini data has no record of Netanyahu
    r = CliRunner().invoke(cli, ["--data", str(MINI), "check", "Netanyahu", "ZA", "--date", "2025-04-03"])
    assert r.exit_code == 0 and "basis: no_warrant" in r.output
    r = CliRunner().invoke(cli, ["check", "Netanyahu", "ZA", "--date", "2025-04-03"], env={"RISKCHECK_DATA": None})
    assert r.exit_code == 0 and "basis: state_party" in r.output


def test_riskcheck_data_in_a_real_process():
    env = {**os.environ, "RISKCHECK_DATA": str(MINI)}
    p = subprocess.run([sys.executable, "-m", "riskcheck", "parties", "--date", "2019-03-17", "--format", "csv"],
                       capture_output=True, text=True, env=env, cwd=ROOT, timeout=60)
    assert p.returncode == 0, p.stderr
    assert [ln.split(",")[0] for ln in p.stdout.splitlines()[1:]] == ["DK", "GM", "ZA"]


def test_bad_data_folder_is_exit_2_one_line(tmp_path):
    r = CliRunner().invoke(cli, ["check", "Putin", "ZA"], env={"RISKCHECK_DATA": str(tmp_path / "nope")})
    assert r.exit_code == 2 and r.output.count("\n") == 1 and "not a data folder" in r.output


def test_one_article_that_fails_does_not_lose_the_others(monkeypatch, tmp_path):
    import riskcheck.news.extract as extract_module

    real = extract_module.extract_trips

    def fails_on_b(text, *a, **k):
        if "BOOM" in text:
            raise IndexError("deliberate bug for the test")
        return real(text, *a, **k)

    monkeypatch.delenv("RISKCHECK_DEBUG", raising=False)
    monkeypatch.setattr(extract_module, "extract_trips", fails_on_b)
    (tmp_path / "a.txt").write_text(" date 2023-07-25 Vladimir Putin will visit China in October.\n")
    (tmp_path / "b.txt").write_text(" date 2023-07-25 BOOM. Vladimir Putin will visit India in October.\n")
    out = tmp_path / "out.csv"
    r = CliRunner().invoke(cli, ["news", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--format", "csv",
                                 "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert "CN" in out.read_text() and "IN" not in out.read_text().split("\n", 1)[1]
    assert "b.txt: could not be analysed (internal error IndexError: deliberate bug for the test" in r.stderr
    monkeypatch.setenv("RISKCHECK_DEBUG", "1")
    r = CliRunner().invoke(cli, ["news", str(tmp_path / "b.txt"), "--format", "csv", "-o", str(out)])
    assert isinstance(r.exception, IndexError)
