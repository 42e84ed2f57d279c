"""`riskcheck parties`, `warrants`, `data info` through click's CliRunner, on the controlled fixture data."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from riskcheck.cli import cli

from .conftest import MINI


def run(*args):
    return CliRunner().invoke(cli, ["--data", str(MINI), *args])


def codes_of(output):
    return [r["code"] for r in csv.DictReader(io.StringIO(output))]


def test_parties_on_dates():
    assert codes_of(run("parties", "--date", "2019-03-16", "--format", "csv").output) == ["BI"] * 0 + [
        "DK", "GM", "PH", "ZA"]
    # the Philippines' withdrawal took effect on 2019-03-17
    assert codes_of(run("parties", "--date", "2019-03-17", "--format", "csv").output) == ["DK", "GM", "ZA"]
    # Burundi: still a party the day before its withdrawal took effect, not on the day
    assert "BI" in codes_of(run("parties", "--date", "2017-10-26", "--format", "csv").output)
    assert "BI" not in codes_of(run("parties", "--date", "2017-10-27", "--format", "csv").output)
    # Ukraine from 2025-01-01
    assert "UA" in codes_of(run("parties", "--date", "2025-01-01", "--format", "csv").output)
    assert "UA" not in codes_of(run("parties", "--date", "2024-12-31", "--format", "csv").output)


def test_parties_pending_withdrawal_flagged():
    rows = list(csv.DictReader(io.StringIO(run("parties", "--date", "2018-06-01", "--format", "csv").output)))
    ph = next(r for r in rows if r["code"] == "PH")
    assert (ph["status"], ph["withdrawal_effective"]) == ("party_withdrawing", "2019-03-17")


def test_parties_all_includes_situation_bound_non_parties():
    rows = json.loads(run("parties", "--all", "--date", "2020-01-01", "--format", "json").output)
    by = {r["code"]: r for r in rows}
    assert by["SD"]["status"] == "bound_for_situation" and "unsc_referral:darfur" in by["SD"]["other_bases"]
    assert by["CN"]["status"] == "non_party"
    assert by["GL"]["status"] == "territory_excluded" and by["GL"]["sovereign"] == "DK"
    assert by["PH"]["status"] == "withdrawn"


def test_warrants_listing():
    out = json.loads(run("warrants", "--date", "2024-01-01", "--format", "json").output)
    # the sealed warrant (public only from 2024-06-01) is not listed as outstanding before it was public
    assert [r["person_id"] for r in out] == ["burundi-general", "omar-al-bashir", "vladimir-putin"]
    ids = [r["person_id"] for r in out]
    assert "dead-person" not in ids and "vladimir-putin" in ids
    early = json.loads(run("warrants", "--date", "2023-03-16", "--format", "json").output)
    assert "vladimir-putin" not in [r["person_id"] for r in early]
    allw = json.loads(run("warrants", "--date", "2024-01-01", "--all", "--format", "json").output)
    dead = next(r for r in allw if r["person_id"] == "dead-person")
    assert dead["status"] == "ended" and "died" in dead["ended"]


@pytest.mark.parametrize("args", [("parties", "--date", "2023-13-45"), ("warrants", "--date", "2024-02-30"),
                                  ("parties", "--date", "yesterday"), ("parties", "--format", "xml")])
def test_bad_options_exit_2_without_traceback(args):
    r = run(*args)
    assert r.exit_code == 2 and isinstance(r.exception, SystemExit)
    if args[-1] == "xml":  # click's usage error: usage line, hint, then the error
        assert r.output.splitlines()[-1].startswith("Error: Invalid value for '--format'")
    else:  # ours: exactly one line
        assert r.output.startswith("riskcheck: ") and r.output.count("\n") == 1


def test_data_info_counts():
    info = json.loads(run("data", "info", "--format", "json").output)
    assert info["states"] == 10 and info["territories"] == 2 and info["people"] == 5
    assert info["last_checked"] == "2026-01-01"


def test_missing_data_folder_is_one_line_error(tmp_path):
    r = CliRunner().invoke(cli, ["--data", str(tmp_path / "nope"), "parties"])
    assert r.exit_code == 2 and "not a data folder" in r.output
