"""`riskcheck data validate` on the shipped data and on deliberately broken copies."""

from __future__ import annotations

import shutil

from click.testing import CliRunner

from riskcheck.cli import cli
from riskcheck.ruleset import default_data_dir
from riskcheck.validate import validate


def test_shipped_data_is_consistent():
    problems = validate(default_data_dir())
    assert problems == [], "\n".join(map(str, problems[:20]))


def test_cli_validate_passes_on_shipped_data():
    r = CliRunner().invoke(cli, ["data", "validate"])
    assert r.exit_code == 0, r.output


def _break(folder, name, old, new):
    p = folder / name
    text = p.read_text(encoding="utf-8")
    assert old in text
    p.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_broken_copy_names_file_line_and_field(mini_copy):
    assert validate(mini_copy) == []
    _break(mini_copy, "states.csv", "2011-11-01", "2011-12-01")          # wrong entry into force
    _break(mini_copy, "withdrawals.csv", "2019-03-17", "2018-09-17")      # less than a year
    _break(mini_copy, "aliases.csv", "Bashir,surname", "Putin,surname")  # one alias, two people
    _break(mini_copy, "people.csv", ",https://example.org/src/p-dead,", ",,")  # unsourced
    _break(mini_copy, "territories.csv", "GL,Greenland,DK", "GL,Greenland,QQ")
    problems = validate(mini_copy)
    text = "\n".join(map(str, problems))
    assert "states.csv:7: entry_into_force:" in text
    assert "withdrawals.csv:4: effective:" in text
    assert "aliases.csv:" in text and "also names vladimir-putin" in text
    assert "people.csv:" in text and "source: no source" in text
    assert "territories.csv:2: sovereign:" in text
    r = CliRunner().invoke(cli, ["data", "validate", str(mini_copy)])
    assert r.exit_code == 1
    assert "states.csv:7: entry_into_force" in r.output


def test_bad_date_and_unknown_code(mini_copy):
    _break(mini_copy, "states.csv", "ZA,South Africa", "ZZ,South Africa")
    _break(mini_copy, "warrants.csv", "2023-03-17,2023-03-17", "2023-13-45,2023-03-17")
    text = "\n".join(map(str, validate(mini_copy)))
    assert "'ZZ' is not an ISO 3166-1 alpha-2 code" in text
    assert "warrants.csv:7: issued: not a date" in text


def test_missing_file(mini_copy):
    (mini_copy / "titles.csv").unlink()
    assert any(p.file == "titles.csv" and "missing" in p.message for p in validate(mini_copy))


def test_validate_copy_of_shipped_data(tmp_path):
    dest = tmp_path / "d"
    shutil.copytree(default_data_dir(), dest)
    assert validate(dest) == validate(default_data_dir())
