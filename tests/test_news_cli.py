"""riskcheck news: inputs, output columns, verdict columns, exit codes (our own texts)."""

from __future__ import annotations

import csv
import io
import json

from click.testing import CliRunner

from riskcheck.cli import cli
from riskcheck.cli_news import COLUMNS
from riskcheck.news.readers import Article, header_date, iter_inputs, read_bytes

ARTICLE = (" date 2023-07-25 Vladimir Putin will travel to China in October for a forum. "
           "He was scheduled to attend the BRICS summit in South Africa in August but decided to cancel the plan. "
           "Putin last visited Beijing in 2022.\n")


def run(args, input=None):
    return CliRunner().invoke(cli, ["news", *args], input=input, catch_exceptions=False)


def test_csv_columns_and_verdicts(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    res = run([str(f), "--format", "csv"])
    assert res.exit_code == 0, res.output
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert list(rows[0]) == COLUMNS
    got = {(r["country"], r["start"][:7], r["status"]): r for r in rows}
    cn = got[("CN", "2023-10", "planned")]
    assert (cn["person_id"], cn["published"], cn["obligation"]) == ("vladimir-putin", "2023-07-25", "no")
    za = got[("ZA", "2023-08", "cancelled")]
    assert za["obligation"] == "yes"
    old = got[("CN", "2022-01", "completed")]
    assert old["warrant"] == "not_yet_issued"
    a, b = map(int, cn["span"].split("-"))
    assert ARTICLE[a:b] == cn["evidence"]


def test_stdin_published_override_and_jsonl_output():
    res = run(["-", "--published", "2024-08-20", "--format", "jsonl"],
              input="Vladimir Putin will visit Mongolia next month.")
    assert res.exit_code == 0
    rec = json.loads(res.stdout.splitlines()[0])
    assert (rec["source"], rec["country"], rec["start"], rec["obligation"]) == ("-", "MN", "2024-09-01", "yes")


def test_virtual_explanation_says_not_physical():
    res = run(["-", "--published", "2023-07-19", "--format", "json"],
              input="Vladimir Putin will join the summit in Johannesburg by video link next month.")
    rec = json.loads(res.stdout)[0]
    assert rec["status"] == "virtual"
    assert "not a physical trip" in rec["explanation"].lower()


def test_output_file_and_summary(tmp_path):
    out = tmp_path / "out.csv"
    res = run(["-", "--published", "2023-07-25", "--format", "csv", "-o", str(out)], input=ARTICLE)
    assert res.exit_code == 0
    assert out.read_text().startswith("source,published,person_id")
    assert "1 article(s) read" in res.stderr
    assert "by status:" in res.stderr


def test_directory_binary_and_bad_inputs(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.bin").write_bytes(b"\x00\x01\x02\xff" * 100)
    (tmp_path / "c.txt").write_bytes(b"caf\xe9 \xff\xfe broken")
    res = run([str(tmp_path), "--format", "csv"])
    assert res.exit_code == 0
    assert "2 skipped" in res.stderr
    assert "binary or not UTF-8" in res.stderr
    assert run([str(tmp_path / "missing.txt")]).exit_code == 2
    assert run(["-", "--published", "July"], input="x").exit_code == 2
    assert run([str(tmp_path / "b.bin")]).exit_code == 2


def test_jsonl_csv_and_feed_inputs(tmp_path):
    j = tmp_path / "news.jsonl"
    j.write_text(json.dumps({"text": "Vladimir Putin will visit Mongolia next month.", "published": "2024-08-20",
                             "id": "story-1"}) + "\nnot json\n", encoding="utf-8")
    items = list(iter_inputs([str(j)]))
    assert isinstance(items[0], Article) and items[0].source == "story-1" and str(items[0].published) == "2024-08-20"
    assert items[1].reason == "not a JSON object"
    c = tmp_path / "news.csv"
    c.write_text("body,date\n\"Vladimir Putin will visit Mongolia next month.\",2024-08-20\n", encoding="utf-8")
    res = run([str(c), "--text-col", "body", "--format", "csv"])
    assert res.exit_code == 0 and ",MN," in res.stdout and "news.csv:2" in res.stdout
    assert run([str(c), "--format", "csv"]).exit_code == 2  # no 'text' column
    feed = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>Trip</title>'
            b'<link>https://example.org/1</link><pubDate>Tue, 20 Aug 2024 10:00:00 GMT</pubDate>'
            b'<description>Vladimir Putin will visit Mongolia next month.</description></item></channel></rss>')
    arts = list(read_bytes("feed.xml", feed))
    assert arts[0].source == "https://example.org/1" and str(arts[0].published) == "2024-08-20"


def test_header_dates():
    body, span, how = header_date(" date 2023-07-25 Text here.")
    assert (str(span), how) == ("2023-07-25", "header") and len(body) == len(" date 2023-07-25 Text here.")
    assert str(header_date("Title\nDate: 25 July 2023\nText")[1]) == "2023-07-25"
    assert str(header_date("MOSCOW, July 25 (Reuters) - The visit in 2023 ...")[1]) == "2023-07-25"
    assert header_date("MOSCOW, July 25 (Reuters) - In 2022 and 2023 ...")[1] is None  # year ambiguous
    assert str(header_date("March 28, 2017 (KHARTOUM) - text")[1]) == "2017-03-28"


def test_jobs_gives_the_same_rows_in_the_same_order(tmp_path, monkeypatch):
    from riskcheck.news import parse

    monkeypatch.setattr(parse, "_NLP", [])  # --model none below must not outlive this test
    texts = ["Vladimir Putin will visit China in October.", "Nothing about travel here.",
             "Omar al-Bashir arrived in Djibouti on Monday.", "Benjamin Netanyahu flew to Budapest on Wednesday."]
    for n, text in enumerate(texts):
        (tmp_path / f"{n:02d}.txt").write_text(f" date 2025-04-02 {text}", encoding="utf-8")
    one = run([str(tmp_path), "--format", "csv", "--model", "none"])
    two = run([str(tmp_path), "--format", "csv", "--model", "none", "--jobs", "2"])
    assert one.exit_code == two.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(two.stdout)))
    assert [r["country"] for r in rows] == ["CN", "DJ", "HU"]
    assert one.stdout == two.stdout
