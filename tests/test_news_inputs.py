"""Issue 11 item 15: a folder with files that are not articles, and several articles on stdin."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from click.testing import CliRunner

from riskcheck.cli import cli

ROOT = Path(__file__).resolve().parent.parent


def test_examples_folder_skips_the_trips_csv_and_goes_on() -> None:
    res = CliRunner().invoke(cli, ["news", str(ROOT / "examples"), "--format", "csv"])
    assert res.exit_code == 0, res.stderr
    assert "skipped" in res.stderr and "trips.csv: not articles: no column 'text'" in res.stderr
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert rows and all(r["source"].endswith("article.txt") for r in rows)


def test_folder_with_binary_csv_and_articles(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(" date 2024-08-01 Vladimir Putin will visit Mongolia in September.\n")
    (tmp_path / "b.csv").write_text("name,place\nx,y\n")
    (tmp_path / "c.bin").write_bytes(b"\x00\x01\x02" * 50)
    (tmp_path / "d.json").write_text('{"title": "no text here"}\n')
    res = CliRunner().invoke(cli, ["news", str(tmp_path), "--format", "jsonl"])
    assert res.exit_code == 0, res.stderr
    assert [json.loads(x)["country"] for x in res.stdout.splitlines()] == ["MN"]
    assert res.stderr.count("skipped") >= 3 and "Traceback" not in res.stderr


def test_only_a_non_article_csv_is_exit_2() -> None:
    res = CliRunner().invoke(cli, ["news", str(ROOT / "examples" / "trips.csv")])
    assert res.exit_code == 2 and "no readable input" in res.stderr and "no column 'text'" in res.stderr


def test_several_articles_on_stdin_separated_by_form_feeds() -> None:
    text = (" date 2024-08-01 Vladimir Putin will visit Mongolia in September.\n\f\n"
            " date 2024-12-01 Benjamin Netanyahu will travel to Hungary in January 2025.\n")
    res = CliRunner().invoke(cli, ["news", "-", "--format", "csv"], input=text)
    assert res.exit_code == 0, res.stderr
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert [(r["source"], r["published"], r["country"]) for r in rows] == [
        ("stdin:1", "2024-08-01", "MN"), ("stdin:2", "2024-12-01", "HU")]


def test_jsonl_on_stdin() -> None:
    lines = [{"id": "one", "published": "2024-08-01", "text": "Vladimir Putin will visit Mongolia in September."},
             {"id": "two", "published": "2024-12-01", "text": "Netanyahu will travel to Hungary in January 2025."}]
    res = CliRunner().invoke(cli, ["news", "-", "--format", "csv"],
                             input="\n".join(json.dumps(x) for x in lines) + "\n")
    assert res.exit_code == 0, res.stderr
    assert [r["source"] for r in csv.DictReader(io.StringIO(res.stdout))] == ["one", "two"]


def test_empty_and_wrongly_encoded_files_are_skipped_one_line_each(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(" date 2024-08-01 Vladimir Putin will visit Mongolia in September.\n")
    (tmp_path / "b.txt").write_text("   \n\n")
    (tmp_path / "c.txt").write_bytes("Le président est arrivé à Oulan-Bator.".encode("latin-1"))
    (tmp_path / "d.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    res = CliRunner().invoke(cli, ["news", str(tmp_path), "--format", "csv"])
    assert res.exit_code == 0, res.stderr
    assert [r["country"] for r in csv.DictReader(io.StringIO(res.stdout))] == ["MN"]
    skipped = [line for line in res.stderr.splitlines() if "skipped " in line and ":" in line]
    assert sorted(line.split("skipped ")[1].split(":")[0].rsplit("/", 1)[-1] for line in skipped) == [
        "b.txt", "c.txt", "d.png"]
    assert "empty" in res.stderr and "not UTF-8" in res.stderr and "Traceback" not in res.stderr


def test_stdin_format_jsonl_keeps_going_past_a_bad_line() -> None:
    lines = [json.dumps({"id": "one", "published": "2024-08-01",
                         "text": "Vladimir Putin will visit Mongolia in September."}),
             "this line is not JSON",
             json.dumps({"id": "two", "published": "2024-12-01",
                         "text": "Netanyahu will travel to Hungary in January 2025."})]
    res = CliRunner().invoke(cli, ["news", "-", "--stdin-format", "jsonl", "--format", "csv"],
                             input="\n".join(lines) + "\n")
    assert res.exit_code == 0, res.stderr
    assert [r["source"] for r in csv.DictReader(io.StringIO(res.stdout))] == ["one", "two"]
    assert "stdin:2: not a JSON object" in res.stderr


def test_stdin_format_text_reads_a_brace_as_prose() -> None:
    text = '{draft} Vladimir Putin will visit Mongolia in September.\f Netanyahu will travel to Hungary in 2025.'
    res = CliRunner().invoke(cli, ["news", "-", "--stdin-format", "text", "--published", "2024-08-01",
                                   "--format", "csv"], input=text)
    assert res.exit_code == 0, res.stderr
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert [(r["source"], r["country"]) for r in rows] == [("stdin:1", "MN"), ("stdin:2", "HU")]
