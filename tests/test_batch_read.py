"""The batch reader: blocks of rows as text columns, equal to what the csv module reads, ragged rows kept."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from riskcheck.batch.read import read_table
from riskcheck.errors import InputError


def read_all(data: bytes, sep: str = ",", block: int = 1 << 20, sniff: bool = False):
    header, used, blocks = read_table(io.BytesIO(data), sep, "t.csv", block, sniff=sniff)
    rows, issues = [], []
    for b in blocks:
        rows += [list(r) for r in zip(*b.columns, strict=True)]
        issues += b.issues if b.issues is not None else [""] * len(b)
    return header, used, rows, issues


# (a bare \r is a line end to the csv module only outside quotes: cells get \r\n, not \r alone)
cells = st.lists(st.sampled_from([*'ab ,;"\n\t0NAé=', "\r\n"]), max_size=6).map("".join)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(cells, min_size=3, max_size=3), min_size=1, max_size=12), st.integers(1, 64),
       st.sampled_from([",", ";", "\t"]))
def test_reads_what_the_csv_module_reads(rows, block, sep):
    buf = io.StringIO()
    csv.writer(buf, delimiter=sep, lineterminator="\n").writerows(rows)
    data = buf.getvalue().encode()
    expected = [r for r in csv.reader(io.StringIO(buf.getvalue(), newline=""), delimiter=sep) if r]
    header, _, got, issues = read_all(data, sep, block)
    assert [header] + got == expected
    assert set(issues) == {""} or not got


@pytest.mark.parametrize("block", [8, 1 << 20])
def test_cells_untouched_blank_lines_skipped(block):
    data = b'a,b,c\r\nNA,0012, x \r\n\r\n"q""uote","multi\nline",\n\n,,\n'
    header, _, rows, _ = read_all(data, block=block)
    assert header == ["a", "b", "c"]
    assert rows == [["NA", "0012", " x "], ['q"uote', "multi\nline", ""], ["", "", ""]]


@pytest.mark.parametrize("block", [8, 1 << 20])
def test_ragged_rows_kept_and_flagged(block):
    data = b"a,b,c\n1,2,3\n1,2,3,4,5\n1\n1,2,3\n"
    _, _, rows, issues = read_all(data, block=block)
    assert rows == [["1", "2", "3"], ["1", "2", "3"], ["1", "", ""], ["1", "2", "3"]]
    assert issues[0] == issues[3] == ""
    assert issues[1] == "line 3: 5 fields, but the header has 3; the cells beyond the header ('4', '5') are in no column"
    assert issues[2] == "line 4: 1 fields, but the header has 3; the missing cells read as empty"


def test_quotes_inside_unquoted_cells_read_as_the_csv_module_does():
    data = b'a,b\n5" screen,x\n"ok",y\nlast,"multi\nline"\n'
    _, _, rows, issues = read_all(data, block=4)
    assert rows == [['5" screen', "x"], ["ok", "y"], ["last", "multi\nline"]] and set(issues) == {""}


def test_semicolon_and_tab_sniffed_only_when_asked():
    for sep in (";", "\t"):
        data = f"person{sep}country{sep}date\nPutin{sep}ZA{sep}2023\n".encode()
        header, used, rows, _ = read_all(data, sniff=True)
        assert used == sep and header == ["person", "country", "date"] and rows == [["Putin", "ZA", "2023"]]
    header, used, _, _ = read_all(b"a;b\n1;2\n", sniff=False)
    assert used == "," and header == ["a;b"]


def test_unclosed_quote_names_its_line():
    with pytest.raises(InputError, match='t.csv: line 3: a quoted cell is never closed'):
        read_all(b'a,b\n1,2\n3,"4\n5,6\n')


def test_empty_input():
    with pytest.raises(InputError, match="empty file"):
        read_all(b"")
    with pytest.raises(InputError, match="empty file"):
        read_all(b"\n\n")
