"""The click-free `riskcheck check` (riskcheck/cli_check.py): the same bytes and exit codes as the click command
line for every query it answers, click's own behaviour for everything it hands on, and its pieces (the
argv reader, the record classes, the string-method parsers) checked against what they replace."""

from __future__ import annotations

import dataclasses
import os
import pickle
import re
import subprocess
import sys
import tomllib
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import riskcheck.cli as cli_module
from riskcheck import cli_check
from riskcheck.cli_check import parse_check

from .conftest import MINI

ROOT = Path(__file__).resolve().parent.parent

#: plain queries: the fast path answers them itself
ANSWERED = [
    ["check", "Putin", "South Africa", "--date", "2023-08-22"],
    ["check", "Vladimir Putin", "Ulaanbaatar", "--date", "2024-09-03"],
    ["check", "al-Bashir", "Jordan", "--date", "2017-03-29"],
    ["check", "Sergey Lavrov", "ZA"],
    ["check", "Putin", "ZA", "--date", "2023-10"],
    ["check", "Putin", "ZA", "--date", "2023"],
    ["check", "Putin", "MN", "--date", "2024-09-01..2024-09-05"],
    ["check", "Putin", "Hungary", "--date", "2025-06-01..2026-07-01"],
    ["check", "--date=2025-04-03", "Netanyahu", "HU", "--format=json"],
    ["check", "Netanyahu", "HU", "--format", "csv", "--date", "2025-04-03"],
    ["check", "Netanyahu", "HU", "--format", "jsonl", "--date", "2025-04-03"],
    ["check", "Putin", "Victoria, Seychelles", "--date", "2024-01-01"],
    ["check", "Putin", "Victoria", "--date", "2024-01-01"],
    ["check", "Putin", "710", "--date", "2024-01-01"],
    ["check", "Putin", "uk", "--date", "2024-01-01"],
    ["check", "Duterte", "Philippines", "--date", "2019-03-18"],
    ["check", "Путин", "Côte d’Ivoire", "--date", "2024-09-03"],
    ["check", "Putin", "ZA", "-o", "-", "--date", "2023-08-22"],
    ["check", "Putin", "--date", "2024-01-01"],
    ["check", "Putin", "--date", "2024-01-01", "--format", "json"],
    ["check", "Joe Bloggs", "France", "--date", "2024-01-01"],
    ["check", "Putin", "ZA", "--date", "2030-01-01"],  # a stale-data line on stderr
]

#: the rest: handed to the click command line (errors, help, other commands, unusual shapes)
HANDED_ON = [  # (command line, exit code)
    (["check", "Vladmir Putn", "ZA"], 2),  # close: did you mean
    (["check", "Gbagbo", "CI"], 2),  # ambiguous
    (["check", "Putin", "Atlantis"], 2),  # unknown place
    (["check", "Putin", "USSR"], 2),
    (["check", "Putin", "ZA", "--date", "2023-13-45"], 2),  # bad dates
    (["check", "Putin", "ZA", "--date", "soon"], 2),
    (["check", "Putin", "ZA", "--date", ""], 0),  # (today, as click reads it)
    (["check", "Putin", "ZA", "--format", "xml"], 2),
    (["check", "Putin", "ZA", "--date"], 2),
    (["check", "Putin", "ZA", "--date", "2023-01-01", "--date", "2024-01-01"], 0),
    (["check", "Putin", "ZA", "--bogus"], 2),
    (["check", "Putin", "ZA", "extra"], 2),
    (["check"], 2),
    (["check", "--help"], 0),
    (["check", "Putin", "ZA", "-h"], 0),
    (["check", "--", "Putin", "ZA"], 0),
    (["check", "Putin", "ZA", "-o=-"], 0),  # (a file named "=-")
    (["--help"], 0),
    (["--version"], 0),
    (["parties", "--date", "2024-01-01"], 0),
    (["chek", "Putin", "ZA"], 2),
]


def _run(monkeypatch, capsys, main, argv):
    """(exit code, stdout, stderr) of ``main`` run in-process with ``argv``."""
    monkeypatch.setattr(sys, "argv", ["riskcheck", *argv])
    code = 0
    try:
        main()
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def clicks(monkeypatch):
    """Every call of the click command line's ``main`` (which still runs)."""
    calls: list[list[str]] = []
    real = cli_module.main

    def counted():
        calls.append(list(sys.argv[1:]))
        real()

    monkeypatch.setattr(cli_module, "main", counted)
    return calls


@pytest.fixture(autouse=True)
def _plain_environment(monkeypatch):
    for name in ("COLUMNS", "RISKCHECK_DATA", "_RISKCHECK_COMPLETE", "RISKCHECK_DEBUG"):
        monkeypatch.delenv(name, raising=False)


@pytest.mark.parametrize("argv", ANSWERED, ids=" ".join)
def test_a_plain_query_is_answered_without_click_and_as_click_answers_it(argv, monkeypatch, capsys, clicks):
    fast = _run(monkeypatch, capsys, cli_check.main, argv)
    assert clicks == []  # answered here
    assert fast == _run(monkeypatch, capsys, cli_module.main, argv)
    assert fast[0] == 0 and fast[1]


@pytest.mark.parametrize("argv, code", HANDED_ON, ids=[" ".join(a) for a, _ in HANDED_ON])
def test_anything_else_is_click_s_to_answer(argv, code, monkeypatch, capsys, clicks, tmp_path):
    monkeypatch.chdir(tmp_path)  # (-o=- writes a file)
    fast = _run(monkeypatch, capsys, cli_check.main, argv)
    assert clicks == [argv]
    assert fast == _run(monkeypatch, capsys, cli_module.main, argv)
    assert fast[0] == code
    if code:
        assert fast[1] == "" and fast[2]  # an error: said on stderr, nothing on stdout


def test_riskcheck_data_is_honoured_or_handed_on(monkeypatch, capsys, clicks, tmp_path):
    argv = ["check", "Putin", "ZA", "--date", "2023-08-22"]
    monkeypatch.setenv("RISKCHECK_DATA", str(MINI))
    fast = _run(monkeypatch, capsys, cli_check.main, argv)
    assert clicks == [] and fast == _run(monkeypatch, capsys, cli_module.main, argv)
    monkeypatch.setenv("RISKCHECK_DATA", str(tmp_path / "nowhere"))
    clicks.clear()
    fast = _run(monkeypatch, capsys, cli_check.main, argv)
    assert clicks == [argv] and fast[0] == 2 and "not a data folder" in fast[2]
    assert fast == _run(monkeypatch, capsys, cli_module.main, argv)


def test_a_bug_on_the_fast_path_is_left_to_click(monkeypatch, capsys, clicks):
    """An unexpected error before anything is written: the click command line answers (or reports it)."""
    argv = ["check", "Putin", "ZA", "--date", "2023-08-22"]
    expected = _run(monkeypatch, capsys, cli_module.main, argv)
    clicks.clear()

    def broken(*_a, **_k):
        raise RuntimeError("deliberate")

    monkeypatch.setattr(cli_check, "render_check", broken)  # (the click command keeps its own reference)
    assert _run(monkeypatch, capsys, cli_check.main, argv) == expected
    assert clicks == [argv]


def test_the_wide_text_is_wrapped_to_columns_the_same_way(monkeypatch, capsys, clicks):
    argv = ["check", "Putin", "Mongolia", "--date", "2024-09-03"]
    unwrapped = _run(monkeypatch, capsys, cli_check.main, argv)
    monkeypatch.setenv("COLUMNS", "40")
    fast = _run(monkeypatch, capsys, cli_check.main, argv)
    assert clicks == [] and fast == _run(monkeypatch, capsys, cli_module.main, argv)
    assert len(fast[1].splitlines()) > len(unwrapped[1].splitlines()) + 5  # the paragraphs are wrapped


# ------------------------------------------------------------------------------------------ real processes


def test_pyproject_script_is_the_fast_entry_point():
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert scripts["riskcheck"] == "riskcheck.cli_check:main"
    assert "cli_check" in (ROOT / "riskcheck" / "__main__.py").read_text(encoding="utf-8")


@pytest.mark.parametrize(("argv", "answer"), [
    (["Putin", "South Africa", "--date", "2023-08-22"], "obligation to arrest: YES"),
    (["Sergey Lavrov", "ZA"], "basis: no_warrant"),  # no record: the name-variant index is looked at too
])
def test_python_m_riskcheck_answers_without_importing_click(argv, answer):
    # Only what riskcheck itself adds counts: a site .pth file may import pathlib, re or typing at start-up.
    code = (f"import sys\nstartup = set(sys.modules)\nimport runpy\nsys.argv = ['riskcheck', 'check', *{argv!r}]\n"
            "runpy.run_module('riskcheck', run_name='__main__')\n"
            "print(sorted(m for m in ('click', 'typing', 'dataclasses', 'pathlib', 're', 'json', 'threading', 'csv')"
            " if m in sys.modules and m not in startup), file=sys.stderr)")
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    for _ in range(2):  # the first run may build the ruleset cache
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, env=env)
    assert answer in out.stdout
    assert out.stderr.strip().splitlines()[-1] == "[]", out.stderr


def test_python_m_riskcheck_says_what_click_says():
    for argv in (["check", "Putin", "Nowhereland"], ["check", "Putin", "ZA", "--date", "2023-08-22"]):
        fast = subprocess.run([sys.executable, "-m", "riskcheck", *argv], capture_output=True, timeout=60)
        slow = subprocess.run([sys.executable, "-c", "from riskcheck.cli import main; main()", *argv],
                              capture_output=True, timeout=60)
        assert (fast.returncode, fast.stdout, fast.stderr) == (slow.returncode, slow.stdout, slow.stderr)


# ------------------------------------------------------------------------------------------ the argv reader

_WORDS = st.sampled_from(["Putin", "South Africa", "ZA", "-", "", "json", "csv", "table", "jsonl", "xml",
                          "out.txt", "-5", "--", "2023-08-22", "2023", "=", "check"])
_OPTS = st.sampled_from(["--date", "--format", "-o", "--output", "--data", "-h", "--help", "--version", "-x",
                         "--dat", "--date-"])
#: pieces of a command line: a word, an option and its value, ``--option=value``, ``-oVALUE``
_PIECES = st.one_of(_WORDS.map(lambda w: [w]), st.tuples(_OPTS, _WORDS).map(list),
                    st.tuples(_OPTS, _WORDS).map(lambda t: [f"{t[0]}={t[1]}"]), _WORDS.map(lambda w: [f"-o{w}"]),
                    _OPTS.map(lambda o: [o]))

#: command lines of the plain shape, in any order (most of them parse_check accepts)
_PLAIN = st.tuples(
    st.lists(st.sampled_from(["Putin", "South Africa", "ZA", "Côte d'Ivoire", "2023", "a=b"]), min_size=1,
             max_size=3),
    st.lists(st.tuples(st.sampled_from(["--date", "--format", "-o", "--output"]),
                       st.sampled_from(["2023-08-22", "json", "csv", "table", "jsonl", "-", "2023", "x=y"]),
                       st.booleans()), max_size=4, unique_by=lambda t: t[0] in ("-o", "--output") or t[0]),
).map(lambda t: [[w] for w in t[0]] + [[f"{o}={v}"] if eq else [o, v] for o, v, eq in t[1]]).flatmap(st.permutations)


@settings(max_examples=400, deadline=None)
@given(pieces=st.one_of(_PLAIN, st.lists(_PIECES, max_size=6)), first=st.sampled_from(["check", "check", "check", "parties", "--data"]))
def test_whatever_the_fast_reader_accepts_click_reads_the_same_way(pieces, first):
    """A command line that parse_check accepts is one click parses without error into the same values."""
    import click

    argv = [first, *(token for piece in pieces for token in piece)]
    got = parse_check(argv)
    if got is None:
        return
    assert argv[0] == "check"
    ctx = cli_module.check.make_context("check", list(argv[1:]))
    assert isinstance(ctx, click.Context)
    p = ctx.params
    assert got == (p["person"], p["place"], p["when"], p["fmt"], p["out"])


def test_plain_shapes_are_accepted():
    assert parse_check(["check", "Putin"]) == ("Putin", None, None, "table", None)
    assert parse_check(["check", "--format", "csv", "Putin", "ZA", "--output", "-", "--date", "2023"]) == (
        "Putin", "ZA", "2023", "csv", "-")
    assert parse_check(["check", "Putin", "ZA", "-o", "file.txt"]) is None  # a file: click writes it
    assert parse_check(["check", "Putin", "ZA", "--format", "Json"]) is None


# ------------------------------------------------------------------------------------------ string methods for re


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789-٢٣ x²\n")), max_size=12))
def test_date_fields_read_as_the_regular_expressions_did(text):
    from riskcheck.dates import _fields

    day, month, year = (re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text), re.fullmatch(r"(\d{4})-(\d{1,2})", text),
                        re.fullmatch(r"(\d{4})", text))
    m = day or month or year
    assert _fields(text) == ([int(g) for g in m.groups()] if m else None)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aZz09٣é '-")), max_size=5))
def test_code_shapes_read_as_the_regular_expressions_did(text):
    from riskcheck.places import _digits, _letters

    assert _digits(text) == (re.fullmatch(r"\d{1,3}", text) is not None)
    assert _letters(text, 2) == (re.fullmatch(r"[A-Za-z]{2}", text) is not None)
    assert _letters(text, 3) == (re.fullmatch(r"[A-Za-z]{3}", text) is not None)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab09' .é_")), max_size=12))
def test_lone_apostrophes_as_the_regular_expression_did(text):
    from riskcheck.text import _lone_apostrophes

    assert _lone_apostrophes(text) == re.sub(r"(?<![a-z0-9])'|'(?![a-z0-9])", " ", text)


# ------------------------------------------------------------------------------------------ record classes


def test_verdicts_work_with_the_dataclasses_functions():
    from riskcheck import Verdict, check

    v = check("Putin", "South Africa", "2023-08-22")
    assert isinstance(v, Verdict) and dataclasses.is_dataclass(v) and dataclasses.is_dataclass(Verdict)
    names = [f.name for f in dataclasses.fields(v)]
    assert names == list(v.to_dict()) and names[:3] == ["person_id", "person", "country"]
    assert dataclasses.asdict(v) == {k: tuple(x) if isinstance(x, list) else x for k, x in v.to_dict().items()}
    w = dataclasses.replace(v, obligation="no", city="Pretoria")
    assert (w.obligation, w.city, w.basis) == ("no", "Pretoria", v.basis) and v.obligation == "yes"
    assert w == v.replace(obligation="no", city="Pretoria") and w != v
    with pytest.raises(dataclasses.FrozenInstanceError):
        v.obligation = "no"  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(v)) == v and hash(pickle.loads(pickle.dumps(v))) == hash(v)
    assert {v, w, v.replace()} == {v, w}


def test_record_repr_reads_like_a_dataclass():
    from riskcheck.dates import DateSpan

    span = DateSpan(date(2023, 1, 1), date(2023, 1, 31), "month")
    mirror = dataclasses.make_dataclass("DateSpan", ["start", "end", "precision"], frozen=True)
    assert repr(span) == repr(mirror(date(2023, 1, 1), date(2023, 1, 31), "month"))
    assert DateSpan(date(2023, 1, 1), date(2023, 1, 1)).precision == "day"
    with pytest.raises(ValueError, match="ends before it starts"):
        DateSpan(date(2023, 2, 1), date(2023, 1, 1))


def test_a_ruleset_from_the_cache_keeps_its_path_and_replaces(tmp_path):
    from riskcheck.ruleset import Ruleset, load_ruleset

    rs = load_ruleset(MINI)
    assert isinstance(rs.path, Path) and rs.path == MINI.resolve()
    again = pickle.loads(pickle.dumps(rs))
    assert isinstance(again.path, Path) and again.path == rs.path and again.states == rs.states
    other = dataclasses.replace(rs, checked=None)
    assert isinstance(other, Ruleset) and other.checked is None and other.states is rs.states
    assert "_memo" not in repr(Ruleset(path=tmp_path))


def test_pickles_of_the_dataclass_versions_still_load():
    """A frozen slotted dataclass was pickled as ``cls.__new__(cls)`` then its field values (a list) to
    ``__setstate__``: written here opcode by opcode (GLOBAL, EMPTY_TUPLE, NEWOBJ, the list, BUILD)."""
    from riskcheck import check
    from riskcheck.dates import parse_date

    for obj in (check("Putin", "South Africa", "2023-08-22"), parse_date("2023-01")):
        cls = type(obj)
        values = pickle.dumps([getattr(obj, f.name) for f in dataclasses.fields(obj)], protocol=2)[2:-1]
        old = b"\x80\x02c" + f"{cls.__module__}\n{cls.__name__}\n".encode() + b")\x81" + values + b"b."
        assert cls.__module__ in ("riskcheck.verdict", "riskcheck.dates")  # where the dataclasses were
        assert pickle.loads(old) == obj
