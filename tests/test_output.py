from __future__ import annotations

import csv
import io
import json

import pytest

from riskcheck.output import RecordWriter, atomic_output, neutralise, write_records


@pytest.mark.parametrize("value, expected", [
    ("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"), ("+1", "'+1"), ("-2", "'-2"), ("@SUM(A1)", "'@SUM(A1)"),
    ("ZA", "ZA"), ("", ""), ("a=b", "a=b"),
])
def test_neutralise(value, expected):
    assert neutralise(value) == expected


def test_csv_neutralises_unless_raw():
    buf = io.StringIO()
    w = RecordWriter(buf, ["a", "b"], "csv")
    w.write({"a": "=1+1", "b": ["x", "y"]})
    w.close()
    assert list(csv.reader(io.StringIO(buf.getvalue()))) == [["a", "b"], ["'=1+1", "x ; y"]]
    buf = io.StringIO()
    w = RecordWriter(buf, ["a"], "csv", raw=True)
    w.write({"a": "=1+1"})
    w.close()
    assert buf.getvalue().splitlines()[1] == "=1+1"


def test_json_and_jsonl_and_empty_csv_has_header():
    buf = io.StringIO()
    w = RecordWriter(buf, ["a"], "json")
    w.write({"a": 1, "ignored": 2})
    w.close()
    assert json.loads(buf.getvalue()) == [{"a": 1}]
    buf = io.StringIO()
    w = RecordWriter(buf, ["a"], "csv")
    w.close()
    assert buf.getvalue() == "a\n"


def test_atomic_output_leaves_good_file_on_failure(tmp_path):
    target = tmp_path / "out.csv"
    target.write_text("good\n")
    with pytest.raises(RuntimeError), atomic_output(target) as f:
        f.write("half")
        raise RuntimeError("boom")
    assert target.read_text() == "good\n"
    assert list(tmp_path.iterdir()) == [target]
    write_records([{"a": "1"}], ["a"], "csv", target)
    assert target.read_text() == "a\n1\n"


def test_csv_header_cells_are_neutralised_unless_raw():
    for raw, expected in ((False, ["'=HYPERLINK(\"x\")", "'@a", "b"]), (True, ["=HYPERLINK(\"x\")", "@a", "b"])):
        for records in ([], [{"b": "1"}]):  # header written by close() and by the first write()
            buf = io.StringIO()
            w = RecordWriter(buf, ["=HYPERLINK(\"x\")", "@a", "b"], "csv", raw=raw)
            w.write_many(records)
            w.close()
            assert next(csv.reader(io.StringIO(buf.getvalue()))) == expected
