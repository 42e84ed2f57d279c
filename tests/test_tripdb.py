"""The trip database: ``riskcheck news --db``, ``riskcheck trips``, ``riskcheck.tripdb.TripDB``."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from riskcheck.cli import cli
from riskcheck.tripdb import MIGRATIONS, SCHEMA_VERSION, TripDB

PLAN = "Vladimir Putin will visit Mongolia in September 2024, the Kremlin said."
DONE = "Vladimir Putin arrived in Mongolia on 3 September 2024."
OFF = "Vladimir Putin has called off his visit to Mongolia, planned for September 2024."


def dump(path: Path) -> list[list[tuple[object, ...]]]:
    with sqlite3.connect(path) as c:
        return [sorted(c.execute(f"SELECT * FROM {t}").fetchall()) for t in ("articles", "reports", "trips")]


def test_ingest_is_idempotent_and_a_changed_article_replaces_its_reports(tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    with TripDB(path) as db:
        [new] = db.ingest("a", PLAN, "2024-08-01")
        assert new.kind == "NEW" and new.trip.status == "planned"
        [more] = db.ingest("b", DONE, "2024-09-03")
        assert more.kind == "CHANGED" and more.before["status"] == "planned"
        assert more.trip.trip_id == new.trip.trip_id and more.trip.reports == 2
        snapshot = dump(path)
        assert db.ingest("a", PLAN, "2024-08-01") == [] and db.ingest("b", DONE, "2024-09-03") == []
        assert dump(path) == snapshot
        # article a is rewritten: its old report goes, the new one comes, the trip keeps its id; the
        # trip's status still follows its latest report (b), so nothing to announce
        assert db.ingest("a", OFF, "2024-08-01") == []
        [trip] = db.trips()
        assert (trip.trip_id, trip.status) == (new.trip.trip_id, "completed")
        assert db.counts() == {"articles": 2, "reports": 2, "trips": 1}
        assert [h["status"] for h in db.history(new.trip.trip_id)] == ["cancelled", "completed"]
        assert db.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.version == SCHEMA_VERSION


def test_a_failure_mid_ingest_leaves_no_half_written_article(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "t.db"
    with TripDB(path) as db:
        db.ingest("a", PLAN, "2024-08-01")
        before = dump(path)

        def boom(*args: object) -> None:
            raise KeyboardInterrupt

        monkeypatch.setattr(db, "_regroup", boom)
        with pytest.raises(KeyboardInterrupt):
            db.ingest("b", DONE, "2024-09-03")
        with pytest.raises(KeyboardInterrupt):
            db.ingest("a", OFF, "2024-08-01")
    assert dump(path) == before  # nothing of b, a unchanged
    with TripDB(path) as db:  # and the next run takes b in
        assert [c.kind for c in db.ingest("b", DONE, "2024-09-03")] == ["CHANGED"]


def test_an_old_schema_is_migrated(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with sqlite3.connect(path) as c:
        c.executescript(MIGRATIONS[0])
        c.execute("PRAGMA user_version = 1")
    with TripDB(path) as db:
        assert db.version == SCHEMA_VERSION
        db.set_feed_state("http://127.0.0.1/feed", '"x"', "")
        assert db.feed_state("http://127.0.0.1/feed") == ('"x"', "")


def test_not_a_database(tmp_path: Path) -> None:
    bad = tmp_path / "x.db"
    bad.write_text("hello, this is not SQLite" * 100)
    res = CliRunner().invoke(cli, ["trips", "--db", str(bad)])
    assert res.exit_code == 2 and "not a usable trip database" in res.stderr
    assert "Traceback" not in res.stderr


def test_filters(tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    with TripDB(path) as db:
        db.ingest("a", PLAN, "2024-08-01")
        db.ingest("n", "Benjamin Netanyahu will travel to Hungary in October 2025.", "2025-09-01")
        db.ingest("x", "Jane Doe, a trade minister, visited Mongolia on 3 March 2024.", "2024-03-05")
        assert [t.country for t in db.trips(person="putin")] == ["MN"]
        assert [t.person_id for t in db.trips(country="HU")] == ["benjamin-netanyahu"]
        assert len(db.trips(status="planned,cancelled", obligation=["yes"])) == 2
        assert [t.country for t in db.trips(since="2025-01-01")] == ["HU"]
        assert [t.country for t in db.trips(upcoming=30, today=date(2025, 9, 15))] == ["HU"]
        assert db.trips(upcoming=10, today=date(2025, 9, 15)) == []


def test_cli_news_db_then_trips(tmp_path: Path) -> None:
    arts = tmp_path / "articles"
    arts.mkdir()
    (arts / "1.txt").write_text(f" date 2024-08-01 {PLAN}\n")
    (arts / "2.txt").write_text(f" date 2024-09-03 {DONE}\n")
    db = tmp_path / "t.db"
    runner = CliRunner()
    assert runner.invoke(cli, ["news", str(arts), "--db", str(db), "--format", "csv"]).exit_code == 0
    snapshot = dump(db)
    assert runner.invoke(cli, ["news", str(arts), "--db", str(db), "--format", "csv"]).exit_code == 0
    assert dump(db) == snapshot
    res = runner.invoke(cli, ["trips", "--db", str(db), "--country", "Mongolia", "--format", "csv"])
    assert res.exit_code == 0, res.stderr
    [row] = list(csv.DictReader(io.StringIO(res.stdout)))
    assert (row["status"], row["start"], row["reports"], row["obligation"]) == ("completed", "2024-09-03",
                                                                               "2", "yes")
    hist = runner.invoke(cli, ["trips", "--db", str(db), "--history", row["trip_id"], "--format", "jsonl"])
    assert [json.loads(x)["status"] for x in hist.stdout.splitlines()] == ["planned", "completed"]
    missing = runner.invoke(cli, ["trips", "--db", str(db), "--history", "Tnope"])
    assert missing.exit_code == 2 and "no trip 'Tnope'" in missing.stderr
    html = tmp_path / "r.html"
    res = runner.invoke(cli, ["trips", "--db", str(db), "--report", str(html)])
    assert res.exit_code == 0 and "Mongolia" in html.read_text()
    assert runner.invoke(cli, ["trips", "--db", str(tmp_path / "none.db")]).exit_code == 2
