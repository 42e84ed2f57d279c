"""Every promise the README makes, run as written: the quickstart, the examples, the Python session,
the basis codes and the exit codes. (RISKCHECK_DATA, --data and RISKCHECK_DEBUG: test_cli_contract.py;
date_unknown: test_news_status.py; --raw on header cells: here and test_batch.py.)"""

from __future__ import annotations

import csv
import doctest
import io
import re
import shlex
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from riskcheck.cli import cli
from riskcheck.verdict import BASES, OBLIGATIONS

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def blocks(lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", README, flags=re.S)


def test_quickstart_main_job_flags_the_example_trips():
    (cmd,) = [b for b in blocks("sh") if "batch examples/trips.csv" in b]
    assert cmd.strip() == "pip install '.[nlp]' && riskcheck batch examples/trips.csv --format table"
    p = subprocess.run([sys.executable, "-m", "riskcheck", "batch", "examples/trips.csv", "--format", "table"],
                       cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert p.returncode == 0, p.stderr
    lines = p.stdout.splitlines()
    assert lines[0].split()[:4] == ["traveler", "destination", "date", "purpose"]
    assert set(lines[1]) == {"-", " "}
    with (ROOT / "examples" / "trips.csv").open(newline="") as f:
        trips = list(csv.DictReader(f))
    body = lines[2:]
    assert len(body) == len(trips)  # every row, in order
    for row, line in zip(trips, body, strict=True):
        assert line.startswith(row["traveler"])
    assert body[0].split()[:8] == ["Vladimir", "Putin", "South", "Africa", "2023-08-22", "BRICS", "summit",
                                   "(Johannesburg)"]
    assert " yes " in body[0] and " state_party " in body[0]
    assert p.stderr.startswith(f"riskcheck: {len(trips)} rows read: ")


def test_quickstart_test_command_is_what_ci_runs():
    (cmd,) = [b for b in blocks("sh") if "pytest" in b and "pip install" in b]
    ci = (ROOT / ".ci" / "run").read_text()
    assert cmd.strip().replace("pip install", "pip install -q") in ci
    # the lint, the strict type check of riskcheck/ and the tests, in that order, each able to fail the run
    steps = [s.strip() for s in cmd.strip().split("&&")]
    assert steps[1:] == ["ruff check .", "mypy", "python -m pytest"]


def test_type_check_is_strict_on_the_whole_package():
    """`mypy` with no arguments (as CI runs it) checks riskcheck/ strictly; the test extra installs it."""
    conf = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert conf["tool"]["mypy"]["strict"] is True
    assert conf["tool"]["mypy"]["files"] == ["riskcheck"]
    assert any(req.startswith("mypy") for req in conf["project"]["optional-dependencies"]["test"])
    # no module-wide escape hatches: overrides only for third-party modules without type information
    for ov in conf["tool"]["mypy"].get("overrides", []):
        assert "ignore_errors" not in ov


def test_python_session_runs_as_shown(monkeypatch):
    monkeypatch.chdir(ROOT)  # the session opens examples/article.txt
    session = blocks("python")[0]
    test = doctest.DocTestParser().get_doctest(session, {}, "README.md", str(ROOT / "README.md"), 0)
    assert len(test.examples) >= 4
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    out = io.StringIO()
    result = runner.run(test, out=out.write)
    assert result.failed == 0, out.getvalue()


def _console_examples() -> list[tuple[list[str], list[str]]]:
    """Each `$ riskcheck ...` line of the Examples block with the output lines shown under it."""
    (block,) = [b for b in blocks("console") if "$ riskcheck check Putin" in b]
    out: list[tuple[list[str], list[str]]] = []
    for line in block.splitlines():
        if line.startswith("$ "):
            out.append((shlex.split(line[2:], comments=True), []))
        else:
            out[-1][1].append(line)
    return out


EXAMPLES = _console_examples()


@pytest.mark.parametrize("argv, shown", EXAMPLES, ids=[" ".join(a[1:4]) for a, _ in EXAMPLES])
def test_console_examples_run_and_print_what_is_shown(argv, shown, tmp_path, monkeypatch):
    assert argv[0] == "riskcheck"
    # the examples name the user's own files: use the bundled example and test articles instead
    subst = {"trips.csv": str(ROOT / "examples" / "trips.csv"), "articles/": str(ROOT / "tests" / "news_corpus" / "articles")}
    args = [subst.get(a, a) for a in argv[1:]]
    if args[:1] == ["watch"]:
        pytest.skip("watch polls the network; tests/test_watch.py runs it against a server on 127.0.0.1")
    if args[:1] == ["news"] and "-o" in args:
        args[args.index("-o") + 1] = str(tmp_path / "trips.csv")
    monkeypatch.chdir(tmp_path)
    if args[:1] == ["map"] and "--trips" in args:  # the trips file of `riskcheck news`
        made = CliRunner().invoke(cli, ["news", str(ROOT / "examples" / "article.txt"), "--format", "csv",
                                        "-o", str(tmp_path / "news-trips.csv")], env={"RISKCHECK_DATA": None})
        assert made.exit_code == 0, made.output
        args[args.index("--trips") + 1] = str(tmp_path / "news-trips.csv")
    r = CliRunner().invoke(cli, args, env={"RISKCHECK_DATA": None})
    assert r.exit_code == 0, r.output
    if "-o" in args:
        assert (tmp_path / Path(args[args.index("-o") + 1]).name).stat().st_size > 0
    text = " ".join(r.stdout.split())
    shown_text = [" ".join(s.split()) for s in " ".join(shown).split("...")]
    for piece in shown_text:
        assert piece in text, (piece, r.stdout)


def _table(heading: str) -> list[list[str]]:
    part = README.split(heading, 1)[1]
    rows = []
    for line in part.splitlines()[1:]:
        if not line.startswith("|"):
            if rows:
                break
            continue
        rows.append([c.strip().strip("`") for c in line.strip("|").split("|")])
    return rows[2:]  # header and rule


def test_basis_codes_table_is_the_engines():
    rows = _table("Basis codes:")
    assert [r[0] for r in rows] == list(BASES)
    assert {r[1] for r in rows} == set(OBLIGATIONS)


def test_exit_codes_table():
    rows = _table("## Exit codes")
    assert [r[0] for r in rows] == ["0", "1", "2", "3"]
    trips = str(ROOT / "examples" / "trips.csv")
    assert CliRunner().invoke(cli, ["batch", trips, "--fail-on-yes"], env={"RISKCHECK_DATA": None}).exit_code == 1
    assert CliRunner().invoke(cli, ["batch", trips], env={"RISKCHECK_DATA": None}).exit_code == 0
    r = CliRunner().invoke(cli, ["batch", str(ROOT / "nope.csv")], env={"RISKCHECK_DATA": None})
    assert r.exit_code == 2 and r.output.startswith("riskcheck: ") and "nope.csv" in r.output


def test_batch_from_pandas_as_documented():
    import pandas as pd

    import riskcheck

    assert 'riskcheck.check_trips(df, person="traveler", place="destination", date="date")' in README
    df = pd.read_csv(ROOT / "examples" / "trips.csv", dtype=str)
    out = riskcheck.check_trips(df, person="traveler", place="destination", date="date")
    assert list(out.columns[: len(df.columns)]) == list(df.columns) and len(out) == len(df)
    assert (out.loc[0, "obligation"], out.loc[0, "basis"]) == ("yes", "state_party")


def test_public_names_are_exported():
    import riskcheck

    names = re.search(r"Public names: (.*?)\n\n", README, flags=re.S).group(1)
    for name in re.findall(r"`(\w+)`", names):
        assert hasattr(riskcheck, name), name


def test_raw_promise_covers_header_cells_in_the_written_file(tmp_path):
    """README: `--raw` (no spreadsheet-formula neutralisation of CSV cells, header included); without it, a
    header cell that starts like a formula is neutralised in the file `-o` writes, even with no data rows."""
    assert "`--raw` (no spreadsheet-formula neutralisation of CSV cells, header included)" in README
    header = 'person,country,date,=HYPERLINK("x"),@who\n'
    for rows in ("", "Putin,ZA,2023-08-22,a,b\n"):
        src = tmp_path / "in.csv"
        src.write_text(header + rows)
        for raw, want in ((False, ["'=HYPERLINK(\"x\")", "'@who"]), (True, ['=HYPERLINK("x")', "@who"])):
            out = tmp_path / "out.csv"
            args = ["batch", str(src), "-o", str(out), "-q"] + (["--raw"] if raw else [])
            r = CliRunner().invoke(cli, args)
            assert r.exit_code == 0, r.output
            with out.open(newline="") as f:
                written = list(csv.reader(f))
            assert written[0][:5] == ["person", "country", "date", *want], (raw, rows)
            assert len(written) == 1 + bool(rows)
