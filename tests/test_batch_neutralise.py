"""CSV injection: every cell a spreadsheet would run as a formula is neutralised in batch CSV output (input
cells, header cells and the cells riskcheck adds), unless ``--raw``."""

from __future__ import annotations

import csv
import io
import shutil

from click.testing import CliRunner

from riskcheck.cli import cli
from riskcheck.ruleset import clear_cache

from .conftest import MINI

EVIL = '=HYPERLINK("http://x","Jean")'


def _data_with_a_formula_name(tmp_path):
    """Fixture data whose person name (an added cell: person_resolved) starts like a formula."""
    dest = tmp_path / "data"
    shutil.copytree(MINI, dest)
    p = dest / "people.csv"
    p.write_text(p.read_text().replace("burundi-general,Jean Exemple,", 'burundi-general,"=HYPERLINK(""http://x"",""Jean"")",'))
    clear_cache()
    return dest


def _batch(data, *args, input):
    r = CliRunner().invoke(cli, ["--data", str(data), "batch", "-", *args], input=input)
    assert r.exit_code == 0, r.output
    return list(csv.reader(io.StringIO(r.stdout)))


def test_added_cells_are_neutralised_unless_raw(tmp_path):
    data = _data_with_a_formula_name(tmp_path)
    try:
        text = "person,country,date\nburundi-general,BI,2021-06-01\n"
        header, row = _batch(data, input=text)
        got = dict(zip(header, row, strict=True))
        assert got["person_resolved"] == "'" + EVIL and got["basis"] == "article_127_2"
        header, row = _batch(data, "--raw", input=text)
        assert dict(zip(header, row, strict=True))["person_resolved"] == EVIL
    finally:
        clear_cache()


def test_every_formula_start_in_input_cells():
    text = "person,country,date,a,b,c,d,e\nJane Doe,ZA,2023,=1,+1,-1,@x,\tx\n"
    header, row = _batch(MINI, input=text)
    got = dict(zip(header, row, strict=True))
    assert [got[k] for k in "abcde"] == ["'=1", "'+1", "'-1", "'@x", "'\tx"]
    header, row = _batch(MINI, "--raw", input=text)
    assert [dict(zip(header, row, strict=True))[k] for k in "abcde"] == ["=1", "+1", "-1", "@x", "\tx"]
