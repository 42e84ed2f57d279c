"""`riskcheck batch` output, byte for byte, and its threads: every input cell written back as the ``csv``
module writes it (minimal quoting, formulas neutralised unless --raw), the added cells as ``check_trips``
gives them; a run that fails or is interrupted (in the reader, the engine or the writer) leaves no file,
no temporary file and no running thread."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
import threading
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from riskcheck.batch import check_trips, run_batch
from riskcheck.cli import cli
from riskcheck.errors import InputError
from riskcheck.output import neutralise
from riskcheck.ruleset import load_ruleset

ROOT = Path(__file__).resolve().parent.parent
MINI = Path(__file__).parent / "fixtures" / "mini_data"

#: cells a reader or writer may get wrong: kept exactly as written (quotes, newlines, CR, formulas, spaces)
TRICKY = ["NA", "0012", "", 'say "no"', "a,b", "line one\nline two", "cr\rinside", "=SUM(A1)", "-5", "+1", "@x",
          "\tx", " lead", "trail ", "Jérôme Dupré", "null", "1e3", '"', ",", "\n"]
PEOPLE = ["Putin", "Jane Doe", "Omar al-Bashir", "Vladmir Putn", "=Putin", "", "NA"]
PLACES = ["South Africa", "China", "ZA", "Atlantis", "Sudan", "-ZA", "", "Mongolia"]
DATES = ["2023-08-22", "2024-09", "2019", "2015-06-13..2015-06-15", "", "2023-13-45", "2010-01-01"]


def _rows(n: int) -> list[list[str]]:
    return [[f"{i:04d}", PEOPLE[i % 7], PLACES[i % 8], DATES[i % 7 if i % 11 else 0], TRICKY[i % len(TRICKY)]]
            for i in range(n)]


HEADER = ["id", "traveler", "destination", "date", "note"]


def _csv_bytes(rows: list[list[str]], sep: str = ",") -> bytes:
    buf = io.StringIO()
    csv.writer(buf, delimiter=sep, lineterminator="\n").writerows(rows)
    return buf.getvalue().encode("utf-8")


def _expected(header: list[str], rows: list[list[str]], raw: bool) -> bytes:
    """What batch must write: the input rows and check_trips' added columns (of the same rows read by pandas),
    each cell neutralised unless ``raw``, written by the csv module (a cell with CR quoted too), LF ends."""
    df = pd.DataFrame(rows, columns=header, dtype=object)
    got = check_trips(df, ruleset=load_ruleset(MINI))
    out = io.StringIO()
    head = csv.writer(out, lineterminator="\n")
    head.writerow([c if raw else neutralise(c) for c in got.columns])
    for values in got.itertuples(index=False):
        line = io.StringIO()
        csv.writer(line, lineterminator="\r\n").writerow([v if raw else neutralise(v) for v in values])
        out.write(line.getvalue()[:-2] + "\n")
    return out.getvalue().encode("utf-8")


@pytest.mark.parametrize("raw", [False, True])
def test_output_is_the_csv_modules_byte_for_byte(tmp_path, raw):
    rows = _rows(600)
    src = tmp_path / "trips.csv"
    src.write_bytes(_csv_bytes([HEADER, *rows]))
    out = tmp_path / "out.csv"
    # small blocks and chunks: many of them go through the reader and writer threads
    run_batch(str(src), str(out), ruleset=load_ruleset(MINI), raw=raw, chunk_rows=97, block_bytes=2048)
    assert out.read_bytes() == _expected(HEADER, rows, raw)
    assert b"'=SUM(A1)" in out.read_bytes() if not raw else b"\n=SUM" not in out.read_bytes()


def test_tsv_stdin_and_encodings_give_the_same_bytes(tmp_path):
    rows = _rows(150)
    want = _expected(HEADER, rows, raw=False)
    tsv = tmp_path / "trips.tsv"
    tsv.write_bytes(_csv_bytes([HEADER, *rows], sep="\t"))
    runner = CliRunner()
    res = runner.invoke(cli, ["--data", str(MINI), "batch", str(tsv)])
    assert res.exit_code == 0 and res.stdout_bytes == want
    res = runner.invoke(cli, ["--data", str(MINI), "batch", "-", "--delimiter", "tab"],
                        input=tsv.read_bytes())
    assert res.exit_code == 0 and res.stdout_bytes == want
    latin = [[c for c in r] for r in rows if all(ord(ch) < 256 for ch in "".join(r))]
    lat = tmp_path / "latin.csv"
    lat.write_bytes(_csv_bytes([HEADER, *latin]).decode("utf-8").encode("latin-1"))
    out = tmp_path / "out.csv"
    res = runner.invoke(cli, ["--data", str(MINI), "batch", str(lat), "--encoding", "latin-1", "-o", str(out)])
    assert res.exit_code == 0 and out.read_bytes() == _expected(HEADER, latin, raw=False)
    bom = tmp_path / "bom.csv"
    bom.write_bytes(b"\xef\xbb\xbf" + _csv_bytes([HEADER, *rows]))
    res = runner.invoke(cli, ["--data", str(MINI), "batch", str(bom)])
    assert res.exit_code == 0 and res.stdout_bytes == want


# ------------------------------------------------------------------------------------ failures and threads


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


@pytest.fixture
def old_output(tmp_path):
    """An earlier run's output: a failed run must keep it as it was."""
    out = tmp_path / "out.csv"
    out.write_bytes(b"earlier,output\n")
    return out


def _threads() -> set[str]:
    return {t.name for t in threading.enumerate() if t.name.startswith("riskcheck-")}


def _many(tmp_path: Path, n: int = 3000, bad: bytes | None = None, at: int = 0) -> Path:
    body = _csv_bytes([HEADER, *_rows(n)])
    if bad is not None:
        lines = body.split(b"\n")
        lines[at] = lines[at] + bad
        body = b"\n".join(lines)
    src = tmp_path / "trips.csv"
    src.write_bytes(body)
    return src


def test_bad_bytes_late_in_the_file_stop_the_run_cleanly(tmp_path, old_output):
    # a latin-1 byte on physical line 2901 (rows with an embedded newline take two lines): far past the first
    # blocks, so rows before it have been processed and written to the temporary file by then
    src = _many(tmp_path, bad=b"caf\xe9", at=2900)
    with pytest.raises(InputError, match=r"trips\.csv: line 2901: bytes that are not valid utf-8.*--encoding"):
        run_batch(str(src), str(old_output), ruleset=load_ruleset(MINI), chunk_rows=100, block_bytes=2048)
    assert old_output.read_bytes() == b"earlier,output\n" and _leftovers(tmp_path) == []
    assert _threads() == set()


def test_unclosed_quote_at_the_end_names_its_line(tmp_path, old_output):
    src = _many(tmp_path, 400)
    src.write_bytes(src.read_bytes() + b'9999,Putin,ZA,2023-08-22,"never closed\n')
    lines = src.read_bytes().count(b"\n")
    with pytest.raises(InputError, match=rf"line {lines}: a quoted cell is never closed"):
        run_batch(str(src), str(old_output), ruleset=load_ruleset(MINI), block_bytes=1024)
    assert old_output.read_bytes() == b"earlier,output\n" and _leftovers(tmp_path) == []
    assert _threads() == set()


def test_a_failing_writer_stops_the_run(tmp_path, old_output, monkeypatch):
    from riskcheck.batch import write

    calls = []
    real = write._CsvOut.write

    def failing(self, frame, added):
        calls.append(1)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        real(self, frame, added)

    monkeypatch.setattr(write._CsvOut, "write", failing)
    with pytest.raises(OSError, match="No space left"):
        run_batch(str(_many(tmp_path)), str(old_output), ruleset=load_ruleset(MINI), chunk_rows=100, block_bytes=2048)
    assert old_output.read_bytes() == b"earlier,output\n" and _leftovers(tmp_path) == []
    assert _threads() == set() and len(calls) < 30  # the engine stopped soon after, not at the end of the input


def test_ctrl_c_leaves_no_temporary_file(tmp_path, old_output, monkeypatch):
    from riskcheck.batch.engine import _Engine

    calls = []
    real = _Engine.annotate

    def interrupted(self, *args):
        calls.append(1)
        if len(calls) == 4:
            raise KeyboardInterrupt
        return real(self, *args)

    monkeypatch.setattr(_Engine, "annotate", interrupted)
    with pytest.raises(KeyboardInterrupt):
        run_batch(str(_many(tmp_path)), str(old_output), ruleset=load_ruleset(MINI), chunk_rows=100, block_bytes=2048)
    assert old_output.read_bytes() == b"earlier,output\n" and _leftovers(tmp_path) == []
    assert _threads() == set()


def test_closed_pipe_ends_quietly(tmp_path):
    src = _many(tmp_path, 20000)
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    proc = subprocess.Popen([sys.executable, "-m", "riskcheck", "--data", str(MINI), "batch", "-q", str(src)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=tmp_path)
    assert proc.stdout is not None and proc.stderr is not None
    assert proc.stdout.read(100).startswith(b"id,traveler")
    proc.stdout.close()  # as `| head -c 100` does
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 0  # a reader that went away is a normal end
    assert err == ""  # no traceback, no "cannot write stdout"
    assert _leftovers(tmp_path) == []
