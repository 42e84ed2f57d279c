"""`riskcheck batch` and `riskcheck.check_trips`: CSV in, every row flagged out."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from riskcheck.batch import ADDED_COLUMNS, added_names, check_trips, detect_columns, run_batch
from riskcheck.cli import cli
from riskcheck.errors import InputError
from riskcheck.ruleset import load_ruleset
from riskcheck.verdict import evaluate

ROOT = Path(__file__).resolve().parent.parent
MINI = Path(__file__).parent / "fixtures" / "mini_data"
TRIPS = Path(__file__).parent / "fixtures" / "batch" / "trips.csv"


def batch(*args: str, input: str | bytes | None = None) -> tuple[int, str, str]:
    res = CliRunner().invoke(cli, ["--data", str(MINI), "batch", *args], input=input)
    if res.exception is not None and not isinstance(res.exception, SystemExit):
        raise res.exception
    return res.exit_code, res.stdout, res.stderr


def rows_of(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def raw_rows(path: Path, encoding: str = "utf-8") -> list[list[str]]:
    with path.open(newline="", encoding=encoding) as f:
        return list(csv.reader(f))


# ---------------------------------------------------------------------------------------------- columns


@pytest.mark.parametrize("header, expected", [
    (["person", "country", "date"], (0, 1, 2, None)),
    (["Traveller", "DESTINATION", "travel_date", "end"], (0, 1, 2, 3)),
    (["id", "name", "place", "start"], (1, 2, 3, None)),
    (["traveler", "name", "destination", "date"], (0, 2, 3, None)),  # first name in the list wins
    (["Person", "Place", "Travel Date"], (0, 1, 2, None)),
    (["person", "country", "Start Date", "End Date"], (0, 1, 2, 3)),
    (["person", "country", "DEPARTURE", "return"], (0, 1, 2, 3)),
    (["person", "country", "when"], (0, 1, 2, None)),
    (["person", "country", "start-date"], (0, 1, 2, None)),
])
def test_column_autodetection(header, expected):
    c = detect_columns(header)
    assert (c.person, c.place, c.date, c.end) == expected


def test_no_date_column_is_refused_unless_no_date():
    with pytest.raises(InputError, match="no date column.*--no-date.*columns found: 'person', 'place', 'Datum'"):
        detect_columns(["person", "place", "Datum"])
    c = detect_columns(["person", "place", "Datum"], no_date=True)
    assert (c.person, c.place, c.date, c.end) == (0, 1, None, None)
    assert detect_columns(["person", "place", "date"], no_date=True).date is None  # --no-date: today meant
    code, out, err = batch("-", input="person,place,Datum\nPutin,ZA,2023-08-22\n")
    assert code == 2 and out == "" and "no date column" in err and "'Datum'" in err
    code, out, err = batch("-", "--no-date", input="person,place\nJane Doe,ZA\n")
    assert code == 0 and rows_of(out)[0]["explanation"].startswith("No date given: answered for today")
    code, out, err = batch("-", "--no-date", "--date-col", "x", input="person,place,x\nJane Doe,ZA,2023\n")
    assert code == 2 and "--no-date" in err


def test_travel_date_header_is_used_not_today():
    code, out, _ = batch("-", input="Traveler,Destination,Travel Date\nPutin,ZA,2023-08-22\n")
    row = rows_of(out)[0]
    assert code == 0 and row["obligation"] == "yes" and "today" not in row["explanation"]


def test_explicit_columns_and_missing_ones():
    c = detect_columns(["who", "where", "when"], person="who", place="WHERE", date="when")
    assert (c.person, c.place, c.date) == (0, 1, 2)
    with pytest.raises(InputError, match="no place column.*columns found: 'who', 'when'"):
        detect_columns(["who", "when"], person="who")
    with pytest.raises(InputError, match="no column 'wer'.*--place-col"):
        detect_columns(["who", "where"], person="who", place="wer")


def test_added_names_never_clobber_input():
    assert added_names(["a"]) == list(ADDED_COLUMNS)
    names = added_names(["Country", "warrant", "country_rc"])
    assert names[2] == "country_rc2" and names[3] == "warrant_rc"
    assert len(set(n.casefold() for n in names) & {"country", "warrant", "country_rc"}) == 0


# ------------------------------------------------------------------------------------------------ verdicts


def test_fixture_file_verdicts_and_columns():
    code, out, err = batch(str(TRIPS))
    assert code == 0, err
    rows = rows_of(out)
    got = {r["trip_id"]: r for r in rows}
    assert [r["trip_id"] for r in rows] == ["0012", "0013", "0014", "0015", "0016", "0017", "0018", "0019", "0020"]
    assert list(rows[0])[6:] == list(ADDED_COLUMNS)
    putin_za = got["0012"]
    assert (putin_za["person_id"], putin_za["person_resolved"], putin_za["country"]) == (
        "vladimir-putin", "Vladimir Vladimirovich Putin", "ZA")
    assert (putin_za["warrant"], putin_za["obligation"], putin_za["basis"]) == ("outstanding", "yes", "state_party")
    assert "example.org/src/w-putin" in putin_za["sources"] and putin_za["row_issue"] == ""
    assert (got["0013"]["country"], got["0013"]["obligation"], got["0013"]["basis"]) == ("CN", "no", "non_party")
    assert (got["0014"]["person_id"], got["0014"]["obligation"], got["0014"]["basis"]) == ("", "no", "no_warrant")
    assert got["0018"]["obligation"] == "yes"  # al-Bashir in South Africa, June 2015 (a range)
    assert got["0019"]["basis"] == "warrant_not_yet_issued"  # Putin in Ukraine in 2022 (a year)
    # unresolved people, places, dates: kept, flagged, unknown
    for tid, basis, words in (("0015", "unresolved_person", "Vladmir Putn"), ("0016", "unresolved_place", "Atlantis"),
                              ("0017", "unresolved_date", "2023-13-01"), ("0020", "unresolved_place", "no place given")):
        r = got[tid]
        assert r["obligation"] == "unknown" and r["basis"] == basis and words in r["row_issue"], r
    assert "Vladimir Vladimirovich Putin" in got["0015"]["row_issue"]  # did you mean
    assert "9 rows read: 2 yes, 0 residual, 4 unknown (4 unresolved), 3 no" in err


def test_input_cells_come_back_unchanged():
    code, out, _ = batch(str(TRIPS), "--raw")
    assert code == 0
    original = raw_rows(TRIPS)
    echoed = list(csv.reader(io.StringIO(out)))
    assert len(echoed) == len(original)
    for a, b in zip(original, echoed, strict=True):
        assert b[: len(a)] == a  # NA, 0012, empty, commas, quotes, newline, padding: all as they were
    assert echoed[1][4] == "NA" and echoed[4][4] == "0012" and echoed[3][5] == "multi\nline note"
    assert echoed[8][4] == " padded " and echoed[8][5] == "  "


@pytest.mark.parametrize("when, basis", [
    ("2023-08-22", "state_party"),
    ("2023-8-22", "state_party"),
    ("2023-09", "state_party"),
    ("2024", "state_party"),
    ("2023-08-20..2023-08-25", "state_party"),
    ("2023-03..2023-04", "date_straddles_change"),  # the warrant was issued on 2023-03-17
    ("2022", "warrant_not_yet_issued"),
])
def test_each_date_form(when, basis):
    code, out, _ = batch("-", input=f"person,country,date\nPutin,South Africa,{when}\n")
    (row,) = rows_of(out)
    assert code == 0 and row["basis"] == basis and row["row_issue"] == ""


def test_end_column_and_missing_date_means_today():
    text = ("person,country,date,end\n"
            "Putin,ZA,2023-08-20,2023-08-25\n"
            "Putin,ZA,2023-03-01,2023-04-30\n"
            "Putin,ZA,,\n"
            "Putin,ZA,,2023-05-01\n"
            "Putin,ZA,2023-09-01,2023-08-01\n")
    code, out, err = batch("-", input=text)
    r = rows_of(out)
    assert code == 0 and len(r) == 5
    assert r[0]["obligation"] == "yes"
    assert r[1]["basis"] == "date_straddles_change"
    assert r[2]["explanation"].startswith(f"No date given: answered for today, {date.today()}.")
    today = evaluate("vladimir-putin", "ZA", date.today(), load_ruleset(MINI))
    assert r[2]["row_issue"] == "" and (r[2]["obligation"], r[2]["basis"]) == (today.obligation, today.basis)
    assert (today.obligation, today.basis) == ("yes", "state_party")  # ZA a party, the warrant outstanding
    assert r[3]["obligation"] == "unknown" and "without a start date" in r[3]["row_issue"]
    assert r[4]["obligation"] == "unknown" and "ends before it starts" in r[4]["row_issue"]
    assert "1 without a date answered for today" in err


def test_no_date_column_answers_for_today():
    code, out, err = batch("-", input="traveller,destination\nJane Doe,China\n")
    assert code == 2 and out == "" and "columns found: 'traveller', 'destination'" in err  # issue 11 item 13
    code, out, _ = batch("-", "--no-date", input="traveller,destination\nJane Doe,China\n")
    (row,) = rows_of(out)
    assert code == 0 and row["obligation"] == "no" and "answered for today" in row["explanation"]


def test_dated_titles_resolve_on_the_rows_date():
    code, out, _ = batch("-", input="person,country,date\nRussian president,ZA,2010-01-01\nRussian president,ZA,2023-08-22\n")
    a, b = rows_of(out)
    assert (a["person_id"], a["obligation"]) == ("", "no")
    assert (b["person_id"], b["obligation"]) == ("vladimir-putin", "yes")


def test_explicit_columns_and_name_clash():
    text = "who,country,when,warrant\nPutin,South Africa,2023-08-22,my own\n"
    code, out, err = batch("-", "--person-col", "who", "--date-col", "when", input=text)
    assert code == 0, err
    (row,) = rows_of(out)
    assert row["country"] == "South Africa" and row["country_rc"] == "ZA"
    assert row["warrant"] == "my own" and row["warrant_rc"] == "outstanding"
    code, _, err = batch("-", "--person-col", "who", "--place-col", "nowhere", input=text)
    assert code == 2 and "'nowhere'" in err and "'who', 'country', 'when', 'warrant'" in err


# --------------------------------------------------------------------------------------------------- input


def test_bom_file(tmp_path):
    p = tmp_path / "bom.csv"
    p.write_bytes(b"\xef\xbb\xbfperson,country,date\nPutin,ZA,2023-08-22\n")
    code, out, _ = batch(str(p))
    assert code == 0
    assert out.splitlines()[0].startswith("person,country,date,")
    assert rows_of(out)[0]["obligation"] == "yes"


def test_latin1_file_needs_encoding(tmp_path):
    p = tmp_path / "latin1.csv"
    p.write_bytes("person,country,date,note\nJérôme Dupré,Danemark,2023-08-22,café\n".encode("latin-1"))
    code, out, err = batch(str(p), "--encoding", "latin-1")
    assert code == 0, err
    (row,) = rows_of(out)
    assert row["person"] == "Jérôme Dupré" and row["note"] == "café"
    code, out, err = batch(str(p))
    assert code == 2 and out == ""
    assert err.startswith("riskcheck: ") and "latin1.csv: line 2:" in err and "--encoding" in err
    assert len(err.strip().splitlines()) == 1


def test_tsv_by_extension_and_delimiter(tmp_path):
    p = tmp_path / "trips.tsv"
    p.write_text("person\tdestination\tdate\tnote\nPutin\tSouth Africa\t2023-08-22\ta, b\n")
    code, out, _ = batch(str(p))
    (row,) = rows_of(out)
    assert code == 0 and row["country"] == "ZA" and row["note"] == "a, b"
    q = tmp_path / "trips.txt"
    q.write_text("person;country;date\nPutin;ZA;2023-08-22\n")
    code, out, _ = batch(str(q), "--delimiter", ";")
    assert code == 0 and rows_of(out)[0]["obligation"] == "yes"
    code, out, _ = batch("-", "--delimiter", "\\t", "--no-date", input="person\tplace\nPutin\tZA\n")
    assert code == 0 and rows_of(out)[0]["country"] == "ZA"


def test_empty_and_header_only(tmp_path):
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    code, out, err = batch(str(empty))
    assert code == 2 and out == "" and "empty.csv: empty file" in err
    header = tmp_path / "header.csv"
    header.write_text("person,place,date\n")
    code, out, err = batch(str(header))
    assert code == 0
    assert out == "person,place,date," + ",".join(ADDED_COLUMNS) + "\n"
    assert "0 rows read" in err


def test_missing_file_missing_column_ragged_row(tmp_path):
    code, out, err = batch(str(tmp_path / "nope.csv"))
    assert code == 2 and "nope.csv: cannot read" in err
    code, out, err = batch("-", input="name,date\nPutin,2023\n")
    assert code == 2 and out == ""
    assert "no place column" in err and "columns found: 'name', 'date'" in err
    # a ragged row is kept and flagged, not an abort (issue 11 item 14)
    code, out, err = batch("-", input="person,country,date\nPutin,ZA,2023-08-22\nPutin,ZA,2023-08-22,extra\n"
                                      "Putin,ZA\nPutin,ZA,2023-08-22\n")
    assert code == 0
    rows = list(csv.reader(io.StringIO(out)))
    assert [r[:3] for r in rows[1:]] == [["Putin", "ZA", "2023-08-22"]] * 2 + [["Putin", "ZA", ""],
                                                                               ["Putin", "ZA", "2023-08-22"]]
    named = rows_of(out)
    assert [r["obligation"] for r in named] == ["yes", "unknown", "unknown", "yes"]
    assert [r["basis"] for r in named][1:3] == ["malformed_row", "malformed_row"]
    assert named[1]["row_issue"].startswith("line 3: 4 fields, but the header has 3") and "'extra'" in named[1]["row_issue"]
    assert named[2]["row_issue"].startswith("line 4: 2 fields, but the header has 3")
    assert named[0]["row_issue"] == named[3]["row_issue"] == ""
    assert "2 unresolved" in err


def test_stdin_terminal_is_a_usage_error(monkeypatch):
    class Tty(io.BytesIO):
        def isatty(self) -> bool:
            return True

    import riskcheck.cli_batch

    monkeypatch.setattr(riskcheck.cli_batch, "binary_stdin", Tty)
    code, out, err = batch()
    assert code == 2 and "no input" in err


# -------------------------------------------------------------------------------------------------- output


def test_formula_neutralisation_and_raw():
    text = "person,country,date,note,amount\nJane Doe,ZA,2023,=HYPERLINK(\"x\"),-5\n@Jane,China,2023,+1,ok\n"
    code, out, _ = batch("-", input=text)
    a, b = rows_of(out)
    assert a["note"] == "'=HYPERLINK(\"x\")" and a["amount"] == "'-5"
    assert b["person"] == "'@Jane" and b["note"] == "'+1" and b["date"] == "2023"
    code, out, _ = batch("-", "--raw", input=text)
    a, b = rows_of(out)
    assert a["note"] == "=HYPERLINK(\"x\")" and a["amount"] == "-5" and b["person"] == "@Jane"
    # a date range is not a formula
    code, out, _ = batch("-", input="person,country,date\nPutin,ZA,2026-05-20..2026-06-10\n")
    assert rows_of(out)[0]["date"] == "2026-05-20..2026-06-10"


FORMULA_HEADER = "person,country,date,=HYPERLINK(\"x\"),+total,-n,@who,\tx\n"


def test_header_cells_are_neutralised_unless_raw():
    text = FORMULA_HEADER + "Putin,ZA,2023-08-22,a,b,c,d,e\n"
    _, out, _ = batch("-", input=text)
    header = next(csv.reader(io.StringIO(out)))
    assert header[:8] == ["person", "country", "date", "'=HYPERLINK(\"x\")", "'+total", "'-n", "'@who", "'\tx"]
    assert header[8:] == added_names(header[:8])
    _, out, _ = batch("-", "--raw", input=text)
    assert next(csv.reader(io.StringIO(out)))[3:8] == ["=HYPERLINK(\"x\")", "+total", "-n", "@who", "\tx"]
    # the file written with -o too (the same writer), and a header-only file
    _, out, _ = batch("-", input=FORMULA_HEADER)
    assert out.splitlines()[0].startswith('person,country,date,"\'=HYPERLINK(""x"")",\'+total,\'-n,\'@who,')


def test_header_cells_are_kept_as_named_in_json_formats():
    text = FORMULA_HEADER + "Putin,ZA,2023-08-22,a,b,c,d,e\n"
    _, out, _ = batch("-", "--format", "jsonl", input=text)
    assert list(json.loads(out.splitlines()[0]))[3:8] == ["=HYPERLINK(\"x\")", "+total", "-n", "@who", "\tx"]


@pytest.fixture
def formula_data(tmp_path):
    """The mini data with a person's and a state's names starting like formulas (they reach added cells)."""
    import shutil

    data = tmp_path / "data"
    shutil.copytree(MINI, data)
    for name, old, new in (("people.csv", "burundi-general,Jean Exemple,", "burundi-general,=Jean Exemple,"),
                           ("states.csv", "BI,Burundi,", "BI,@Burundi,")):
        f = data / name
        text = f.read_text(encoding="utf-8")
        assert old in text
        f.write_text(text.replace(old, new), encoding="utf-8")
    return data


@pytest.mark.parametrize("n", [2, 300])  # 300 rows: the vectorised template path renders them too
def test_added_cells_are_neutralised_unless_raw(formula_data, n):
    lines = ["person,country,date"] + [
        f"{'Jean Exemple' if i % 2 else 'Putin'},BI,{date.fromordinal(738611 + i).isoformat()}" for i in range(n)]
    text = "\n".join(lines) + "\n"
    for raw in (False, True):
        res = CliRunner().invoke(cli, ["--data", str(formula_data), "batch", "-", *(["--raw"] if raw else [])],
                                 input=text)
        assert res.exit_code == 0, res.output
        rows = rows_of(res.stdout)
        assert len(rows) == n
        q = "" if raw else "\'"
        jean = [r for r in rows if r["person"] == "Jean Exemple"]
        putin = [r for r in rows if r["person"] == "Putin"]
        assert jean and putin
        assert all(r["person_resolved"] == q + "=Jean Exemple" for r in jean)
        assert all(r["explanation"].startswith(q + "@Burundi") for r in jean + putin)
        assert all(r["obligation"] in ("no", "residual") for r in putin) and putin[0]["obligation"] == "no"


def test_fail_on_yes():
    yes = "person,country,date\nPutin,ZA,2023-08-22\n"
    no = "person,country,date\nPutin,China,2023-08-22\n"
    assert batch("-", "--fail-on-yes", input=yes)[0] == 1
    assert batch("-", "--fail-on-yes", input=no)[0] == 0
    assert batch("-", input=yes)[0] == 0


def test_other_formats():
    code, out, _ = batch(str(TRIPS), "--format", "jsonl")
    recs = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len(recs) == 9 and recs[0]["code"] == "NA" and recs[0]["obligation"] == "yes"
    assert recs[2]["note"] == "multi\nline note"
    code, out, _ = batch(str(TRIPS), "--format", "json")
    assert code == 0 and [r["trip_id"] for r in json.loads(out)] == [r["trip_id"] for r in recs]
    code, out, _ = batch(str(TRIPS), "--format", "table")
    assert code == 0 and out.splitlines()[0].split()[:3] == ["trip_id", "Traveler", "Destination"]
    assert len(out.splitlines()) == 2 + 9


def test_output_file_is_atomic(tmp_path):
    target = tmp_path / "out.csv"
    target.write_text("good\n")
    # a run that fails before writing (no place column) and one that fails half-way (ragged row)
    code, _, _ = batch("-", "-o", str(target), input="name,date\nPutin,2023\n")
    assert code == 2 and target.read_text() == "good\n"
    src = tmp_path / "in.csv"
    src.write_text("person,country,date\n" + "Putin,ZA,2023\n" * 5 + "Putin,\"ZA,2023\n")
    with pytest.raises(InputError, match="line 7: a quoted cell is never closed"):
        run_batch(str(src), str(target), chunk_rows=2, ruleset=_mini(), block_bytes=16)
    assert target.read_text() == "good\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv", "out.csv"]
    # success replaces it
    code, _, _ = batch(str(TRIPS), "-o", str(target))
    assert code == 0 and len(rows_of(target.read_text())) == 9


def _mini():
    from riskcheck.ruleset import load_ruleset

    return load_ruleset(MINI)


def test_chunks_give_the_same_answer_as_one_pass(tmp_path):
    out1, out2 = tmp_path / "a.csv", tmp_path / "b.csv"
    s1 = run_batch(str(TRIPS), str(out1), ruleset=_mini())
    s2 = run_batch(str(TRIPS), str(out2), ruleset=_mini(), chunk_rows=2)
    assert out1.read_text() == out2.read_text()
    assert (s1.rows, s1.yes, s1.no, s1.unknown, s1.unresolved) == (s2.rows, s2.yes, s2.no, s2.unknown, s2.unresolved) \
        == (9, 2, 3, 4, 4)


def test_many_rows_order_and_count(tmp_path):
    people = ["Putin", "Jane Doe", "Omar al-Bashir", "Nobody Known", "Vladmir Putn"]
    places = ["South Africa", "China", "ZA", "Greenland", "Atlantis", "Sudan"]
    dates = ["2023-08-22", "2015-06", "2010", "", "2023-13-01", "2019-01-01..2019-02-01"]
    src = tmp_path / "many.csv"
    with src.open("w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["n", "person", "country", "date"])
        for i in range(2000):
            w.writerow([f"{i:05d}", people[i % 5], places[i % 6], dates[i % 7 % 6]])
    out = tmp_path / "many_out.csv"
    summary = run_batch(str(src), str(out), ruleset=_mini(), chunk_rows=300)
    got = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert summary.rows == len(got) == 2000
    assert got["n"].tolist() == [f"{i:05d}" for i in range(2000)]
    assert summary.yes + summary.no + summary.residual + summary.unknown == 2000
    # the same answers row by row as a DataFrame run
    df = pd.read_csv(src, dtype=str, keep_default_na=False)
    direct = check_trips(df, person="person", place="country", ruleset=_mini())
    assert got["obligation"].tolist() == direct["obligation"].tolist()
    assert got["explanation"].tolist() == direct["explanation"].tolist()


def test_polars_path_and_pandas_check_trips_give_identical_rows(tmp_path):
    """`riskcheck batch` (polars reader, polars rendering) and check_trips on a pandas DataFrame: same rows."""
    people = ["Putin", "Omar al-Bashir", "Jane Doe", "Vladmir Putn", "Russian president", "Jean Exemple", ""]
    places = ["South Africa", "China", "ZA", "Greenland", "Atlantis", "Sudan", "Burundi", "Mongolia", "=ZA"]
    src = tmp_path / "trips.csv"
    with src.open("w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["n", "person", "country", "date", "note"])
        for i in range(3000):  # days, months, years and ranges over 2000-2026: the template paths engage
            d = date.fromordinal(730120 + (i * 37) % 9700)
            when = [d.isoformat(), d.isoformat()[:7], d.isoformat()[:4], f"{d}..{d.replace(day=28)}", "", "2023-13-01"][
                i % 6 if i % 5 else 0]
            w.writerow([f"{i:05d}", people[i % 7], places[i % 9], when, ["NA", "-5", 'say "x"', "a,b"][i % 4]])
    out = tmp_path / "out.csv"
    run_batch(str(src), str(out), ruleset=_mini(), raw=True, chunk_rows=700)
    got = pd.read_csv(out, dtype=str, keep_default_na=False)
    df = pd.read_csv(src, dtype=str, keep_default_na=False)
    direct = check_trips(df, person="person", place="country", ruleset=_mini())
    assert got.columns.tolist() == direct.columns.tolist()
    assert got.values.tolist() == direct.values.tolist()
    assert {"yes", "no", "unknown"} <= set(got["obligation"])


# ------------------------------------------------------------------------------------------------- library


def test_check_trips_dataframe():
    df = pd.DataFrame({
        "traveler": ["Vladimir Putin", "Jane Doe", "Putin", None],
        "destination": ["South Africa", "China", "Atlantis", "ZA"],
        "date": [pd.Timestamp("2023-08-22"), pd.Timestamp("2023-08-22"), pd.NaT, pd.Timestamp("2023-01-01")],
        "country": ["x", "y", "z", "w"],
    }, index=[10, 20, 30, 40])
    out = check_trips(df, ruleset=MINI)
    assert list(out.index) == [10, 20, 30, 40]
    assert list(out.columns[:4]) == list(df.columns)
    assert out["country"].tolist() == ["x", "y", "z", "w"]  # not clobbered
    assert out["country_rc"].tolist() == ["ZA", "CN", "", "ZA"]
    assert out["obligation"].tolist() == ["yes", "no", "unknown", "unknown"]
    assert out["row_issue"].tolist()[3] == "no person given"
    pd.testing.assert_frame_equal(out[df.columns], df)  # input untouched
    with pytest.raises(InputError, match="no column 'who'"):
        check_trips(df, person="who", ruleset=MINI)


def test_check_trips_autodetects_usual_names():
    df = pd.DataFrame({"Person": ["Putin"], "Place": ["Mongolia"], "Date": ["2024-09-03"]})
    out = check_trips(df, ruleset=MINI)
    # Mongolia is not in the mini data: resolved, but flagged
    assert out["country"].tolist() == ["MN"] and out["obligation"].tolist() == ["unknown"]
    assert "no record" in out["row_issue"][0]
    assert riskcheck_check_trips_is_exported()


def riskcheck_check_trips_is_exported() -> bool:
    import riskcheck

    return riskcheck.check_trips is check_trips


# --------------------------------------------------------------------------------------------- subprocess


def test_real_subprocess_stdin_to_stdout():
    text = TRIPS.read_bytes()
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    proc = subprocess.run([sys.executable, "-m", "riskcheck", "--data", str(MINI), "batch", "-"], input=text,
                          capture_output=True, env=env, cwd=ROOT, timeout=120)
    assert proc.returncode == 0, proc.stderr
    rows = rows_of(proc.stdout.decode("utf-8"))
    assert [r["trip_id"] for r in rows] == [r[0] for r in raw_rows(TRIPS)[1:]]
    assert rows[0]["obligation"] == "yes"
    err = proc.stderr.decode()
    assert err.startswith("riskcheck: 9 rows read") and "Traceback" not in err
    # unusable input: exit 2, one line, no traceback
    proc = subprocess.run([sys.executable, "-m", "riskcheck", "--data", str(MINI), "batch", "-"],
                          input=b"a,b\n1,2\n", capture_output=True, env=env, cwd=ROOT, timeout=120)
    assert proc.returncode == 2 and proc.stdout == b""
    assert len(proc.stderr.decode().strip().splitlines()) == 1


def test_bounded_caches_give_the_same_answers(tmp_path, monkeypatch):
    import riskcheck.batch as batch_module

    src = tmp_path / "rows.csv"
    with src.open("w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["person", "destination", "date"])
        for i in range(1500):
            w.writerow([["Putin", "Jane Doe", "Omar al-Bashir", "Putn"][i % 4], ["ZA", "China", "Sudan", "GL", "UA"][i % 5],
                        f"{2005 + i % 20}-{1 + i % 12:02d}-{1 + i % 28:02d}"])
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    run_batch(str(src), str(a), ruleset=_mini())
    monkeypatch.setattr(batch_module, "CACHE_LIMIT", 20)
    run_batch(str(src), str(b), ruleset=_mini(), chunk_rows=100)
    assert a.read_text() == b.read_text()


def test_semicolon_files_sniffed_and_other_delimiters_suggested():
    code, out, _ = batch("-", input="person;country;date;note\nPutin;ZA;2023-08-22;a, b\n")
    row = rows_of(out)[0]
    assert code == 0 and row["obligation"] == "yes" and row["note"] == "a, b"
    code, out, err = batch("-", input="person|country|date\nPutin|ZA|2023-08-22\n")
    assert code == 2 and out == "" and "--delimiter '|'" in err


def test_check_trips_accepts_a_polars_dataframe():
    import polars as pl

    trips = {"traveler": ["Putin", "Jane Doe", "Putin"], "destination": ["ZA", "China", "Sudan"],
             "date": ["2023-08-22", "2024-09", ""]}
    got = check_trips(pl.DataFrame(trips), ruleset=_mini())
    want = check_trips(pd.DataFrame(trips), ruleset=_mini())
    assert isinstance(got, pl.DataFrame) and got.columns == want.columns.tolist()
    assert got.rows() == [tuple(r) for r in want.values.tolist()]
    dated = check_trips(pl.DataFrame(trips).with_columns(pl.Series("date", [date(2023, 8, 22)] * 3)), ruleset=_mini())
    assert dated["obligation"].to_list()[0] == "yes"


# ----------------------------------------------------------------------------------- confidence, stale data


def test_confidence_column_follows_basis_and_matches_check(tmp_path):
    """Issue 11 item 8: each row carries the verdict's confidence, right after basis (bundled data)."""
    from riskcheck.verdict import check

    rs = load_ruleset()
    cases = [("Benjamin Netanyahu", "Hungary", "2026-07-01"), ("Vladimir Putin", "Mongolia", "2024-09-03"),
             ("Abdallah Banda", "South Africa", "2014-09-11"), ("Jane Doe", "France", "2020"),
             ("Vladmir Putn", "France", "2020"), ("Putin", "Atlantis", "2020"), ("Putin", "France", "2020-13-01")]
    src = tmp_path / "t.csv"
    with src.open("w", newline="") as f:
        csv.writer(f).writerows([("person", "country", "date"), *cases])
    out = tmp_path / "o.csv"
    run_batch(str(src), str(out), ruleset=rs)
    rows = list(csv.DictReader(out.open(newline="")))
    header = list(rows[0])
    assert header.index("confidence") == header.index("basis") + 1
    for (person, place, when), row in zip(cases[:4], rows, strict=False):
        assert row["confidence"] == check(person, place, when, rs).confidence, row
    assert [r["confidence"] for r in rows[:4]] == ["medium", "high", "medium", "high"]
    assert [r["confidence"] for r in rows[4:]] == ["low", "low", "low"]  # no answer: unresolved
    df = pd.read_csv(src, dtype=str, keep_default_na=False)
    assert check_trips(df, ruleset=rs)["confidence"].tolist() == [r["confidence"] for r in rows]


def test_stale_data_said_once_on_stderr(tmp_path):
    """Issue 11 item 12: a date far past the data's checked date: one line on stderr (even with -q)."""
    rs = load_ruleset()
    far = date.fromordinal(rs.checked.toordinal() + 200).isoformat()
    text = "person,country,date\n" + "".join(f"Putin,ZA,{d}\n" for d in (far, far, "2023-08-22", far))
    res = CliRunner().invoke(cli, ["batch", "-", "-q"], input=text)
    assert res.exit_code == 0 and res.stderr.count("Stale data") == 1 and len(rows_of(res.stdout)) == 4
    src = tmp_path / "t.csv"
    src.write_text("person,country,date\nPutin,ZA,2023-08-22\n")
    summary = run_batch(str(src), str(tmp_path / "o.csv"), ruleset=rs)
    fresh = (date.today() - rs.checked).days <= 90
    assert (summary.stale == "") == fresh
    src.write_text(f"person,country,date\nPutin,ZA,{far}\n")
    assert "Stale data" in run_batch(str(src), str(tmp_path / "o.csv"), ruleset=rs).stale


def test_batch_rows_match_single_checks_on_bundled_data(tmp_path):
    """Every batch answer (polars path, shortcuts, templates) equals `riskcheck check` on the same cells."""
    from riskcheck.errors import RiskcheckError
    from riskcheck.verdict import check

    rs = load_ruleset()
    people = [rs.people[p].name for p in sorted(rs.people)[::3]] + ["Jane Doe", "Putin"]
    places = ["South Africa", "Mongolia", "China", "Hungary", "Ukraine", "Tajikistan", "France", "Crimea", "GL"]
    rows = []
    for i in range(1500):  # enough repeated stretches for the template paths to engage
        d = date.fromordinal(731000 + (i * 53) % 9000)
        when = [d.isoformat(), d.isoformat()[:7], d.isoformat()[:4], f"{d}..{d.replace(day=28)}"][i % 4]
        rows.append((people[i % len(people)], places[(i // 3) % len(places)], when))
    src = tmp_path / "t.csv"
    with src.open("w", newline="") as f:
        csv.writer(f).writerows([("person", "country", "date"), *rows])
    out = tmp_path / "o.csv"
    run_batch(str(src), str(out), ruleset=rs, raw=True, chunk_rows=400)
    got = list(csv.DictReader(out.open(newline="")))
    assert len(got) == len(rows)
    compared = 0
    for (person, place, when), row in zip(rows, got, strict=True):
        try:
            v = check(person, place, when, rs)
        except RiskcheckError:
            assert row["obligation"] == "unknown" and row["row_issue"], row
            continue
        want = (v.warrant, v.obligation, v.basis, v.confidence, v.explanation)
        expl = row["explanation"].split(" (Place: ")[0]
        assert (row["warrant"], row["obligation"], row["basis"], row["confidence"], expl) == want, row
        compared += 1
    assert compared > 1000
