"""A SQLite trip database: articles, the trips reported in them, and the trips fused from those reports.

One transaction per article: a crash or Ctrl-C mid-ingest loses nothing already committed and leaves no
half-written article. Ingesting the same article again changes nothing; an article whose text changed
replaces its old reports. WAL mode; the schema version is SQLite's ``user_version`` and older databases are
migrated forward on open.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from .errors import InputError
from .group import REPORT_COLUMNS, TripRecord, group_trips, person_key, report_row

#: each entry moves the schema from version i to i + 1
MIGRATIONS: list[str] = [
    """
    CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        source TEXT NOT NULL UNIQUE,
        url TEXT NOT NULL DEFAULT '',
        hash TEXT NOT NULL,
        published TEXT NOT NULL DEFAULT '',
        ingested TEXT NOT NULL
    );
    CREATE TABLE reports (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        person_key TEXT NOT NULL,
        country TEXT NOT NULL,
        row TEXT NOT NULL
    );
    CREATE INDEX reports_key ON reports(person_key, country);
    CREATE INDEX reports_article ON reports(article_id);
    CREATE TABLE trips (
        trip_id TEXT PRIMARY KEY,
        person_key TEXT NOT NULL,
        country TEXT NOT NULL,
        person_id TEXT NOT NULL,
        person TEXT NOT NULL,
        start TEXT NOT NULL,
        "end" TEXT NOT NULL,
        status TEXT NOT NULL,
        obligation TEXT NOT NULL,
        last_reported TEXT NOT NULL,
        record TEXT NOT NULL
    );
    CREATE INDEX trips_key ON trips(person_key, country);
    """,
    """
    CREATE TABLE feeds (
        url TEXT PRIMARY KEY,
        etag TEXT NOT NULL DEFAULT '',
        last_modified TEXT NOT NULL DEFAULT '',
        checked TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE items (
        feed TEXT NOT NULL,
        item TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        etag TEXT NOT NULL DEFAULT '',
        last_modified TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (feed, item)
    );
    """,
]
SCHEMA_VERSION = len(MIGRATIONS)

#: what a change to a trip is, for ``watch``: the fields whose change is reported
WATCHED = ("status", "start", "end", "obligation")


@dataclass(frozen=True)
class Change:
    """A trip that is new (``kind`` NEW) or whose status, date or obligation changed (CHANGED)."""

    kind: str
    trip: TripRecord
    before: dict[str, str]

    def line(self) -> str:
        """``NEW planned Vladimir Putin -> MN 2024-09-03 obligation YES (3 reports)``."""
        t = self.trip
        when = t.start if t.start == t.end or not t.end else f"{t.start}..{t.end}"
        text = (f"{self.kind} {t.status} {t.person} -> {t.country} {when or 'date unknown'} "
                f"obligation {t.obligation.upper()} ({t.reports} report{'s' if t.reports != 1 else ''})")
        if self.before:
            was = ", ".join(f"{k} was {v or '-'}" for k, v in self.before.items())
            text += f" [{was}]"
        return text


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def content_hash(text: str, published: str = "") -> str:
    """The hash that decides whether an article changed."""
    return hashlib.sha256(f"{published}\x00{text}".encode()).hexdigest()


class TripDB:
    """A trip database file (created on first use). Use as a context manager or call :meth:`close`."""

    def __init__(self, path: str | Path, *, ruleset: Any = None) -> None:
        self.path = Path(path)
        self._ruleset = ruleset
        try:
            self.conn = sqlite3.connect(str(self.path), timeout=30, isolation_level=None)
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise InputError(f"{self.path}: not a usable trip database ({exc})") from None

    # ------------------------------------------------------------------------------------------ plumbing
    def __enter__(self) -> TripDB:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()

    @property
    def version(self) -> int:
        """The schema version of the file."""
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self) -> None:
        current = self.version
        if current > SCHEMA_VERSION:
            raise InputError(f"{self.path}: trip database schema {current} is newer than this riskcheck "
                             f"({SCHEMA_VERSION}); upgrade riskcheck")
        for n in range(current, SCHEMA_VERSION):
            with self.transaction():
                for stmt in MIGRATIONS[n].split(";"):
                    if stmt.strip():
                        self.conn.execute(stmt)
                self.conn.execute(f"PRAGMA user_version = {n + 1}")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE ... COMMIT; any exception (Ctrl-C included) rolls back."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    @property
    def ruleset(self) -> Any:
        if self._ruleset is None:
            from .ruleset import load_ruleset

            self._ruleset = load_ruleset()
        return self._ruleset

    # ------------------------------------------------------------------------------------------ ingest
    def ingest(self, source: str, text: str, published: Any = None, *, url: str = "",
               rows: Sequence[dict[str, str]] | None = None) -> list[Change]:
        """Ingest one article (extracting its trips unless ``rows``, the news rows, are given).

        Returns the trips that are new or changed; ``[]`` when the article is unchanged.
        """
        pub = str(published) if published else ""
        digest = content_hash(text, pub)
        old = self.conn.execute("SELECT id, hash FROM articles WHERE source = ?", (source,)).fetchone()
        if old is not None and old[1] == digest:
            return []
        if rows is None:
            rows = self._extract(source, text, published)
        with self.transaction() as c:
            keys: set[tuple[str, str]] = set()
            if old is not None:
                keys.update(c.execute("SELECT DISTINCT person_key, country FROM reports WHERE article_id = ?",
                                      (old[0],)).fetchall())
                c.execute("DELETE FROM reports WHERE article_id = ?", (old[0],))
                c.execute("UPDATE articles SET hash = ?, published = ?, url = ?, ingested = ? WHERE id = ?",
                          (digest, pub, url, _now(), old[0]))
                art_id = old[0]
            else:
                cur = c.execute("INSERT INTO articles (source, url, hash, published, ingested) "
                                "VALUES (?, ?, ?, ?, ?)", (source, url, digest, pub, _now()))
                art_id = cur.lastrowid
            for r in rows:
                row = {k: str(r.get(k, "") or "") for k in REPORT_COLUMNS}
                row["source"], row["published"] = source, pub
                key = (person_key(row), row["country"])
                keys.add(key)
                c.execute("INSERT INTO reports (article_id, person_key, country, row) VALUES (?, ?, ?, ?)",
                          (art_id, key[0], key[1], json.dumps(row, sort_keys=True)))
            return self._regroup(sorted(keys))

    def _extract(self, source: str, text: str, published: Any) -> list[dict[str, str]]:
        from .dates import DateSpan, parse_date
        from .errors import DateError
        from .news import extract_trips

        span: DateSpan | None = None
        if isinstance(published, DateSpan):
            span = published
        elif published:
            try:
                span = parse_date(str(published))
            except DateError:
                span = None
        return [report_row(source, span, t) for t in extract_trips(text, span, ruleset=self.ruleset)]

    def _regroup(self, keys: Iterable[tuple[str, str]]) -> list[Change]:
        """Re-fuse the trips of these (person, country) keys, keeping trip ids stable; inside a transaction."""
        c = self.conn
        changes: list[Change] = []
        for pkey, country in keys:
            reports = [json.loads(r[0]) for r in c.execute(
                "SELECT row FROM reports WHERE person_key = ? AND country = ? ORDER BY id", (pkey, country))]
            old = {tid: json.loads(rec) for tid, rec in c.execute(
                "SELECT trip_id, record FROM trips WHERE person_key = ? AND country = ?", (pkey, country))}
            new = group_trips(reports, ruleset=self.ruleset) if reports else []
            # keep ids: a new trip takes the id of the old trip it shares most sources with
            pairs = sorted(((len(set(t.sources) & set(o["sources"].split(";"))), i, tid)
                            for i, t in enumerate(new) for tid, o in old.items()), reverse=True)
            taken: set[str] = set()
            assigned: dict[int, str] = {}
            for overlap, i, tid in pairs:
                if overlap and i not in assigned and tid not in taken:
                    assigned[i] = tid
                    taken.add(tid)
            c.execute("DELETE FROM trips WHERE person_key = ? AND country = ?", (pkey, country))
            for i, t in enumerate(new):
                if i in assigned:
                    t.trip_id = assigned[i]
                else:
                    while t.trip_id in taken or self._exists(t.trip_id):
                        t.trip_id = "T" + hashlib.sha1(t.trip_id.encode()).hexdigest()[:10]
                taken.add(t.trip_id)
                self._store(pkey, t)
                before = old.get(t.trip_id)
                if before is None:
                    changes.append(Change("NEW", t, {}))
                else:
                    now = t.to_row()
                    diff = {k: before[k] for k in WATCHED if before.get(k, "") != now[k]}
                    if diff:
                        changes.append(Change("CHANGED", t, diff))
        return changes

    def _exists(self, trip_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM trips WHERE trip_id = ?", (trip_id,)).fetchone() is not None

    def _store(self, pkey: str, t: TripRecord) -> None:
        record: dict[str, object] = {**t.to_row(), "event": t.event, "history": t.history}
        self.conn.execute(
            'INSERT INTO trips (trip_id, person_key, country, person_id, person, start, "end", status, '
            "obligation, last_reported, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (t.trip_id, pkey, t.country, t.person_id, t.person, t.start, t.end, t.status, t.obligation,
             t.last_reported, json.dumps(record, sort_keys=True)))

    # ------------------------------------------------------------------------------------------ queries
    @staticmethod
    def _record(data: dict[str, Any]) -> TripRecord:
        return TripRecord(
            trip_id=data["trip_id"], person_id=data["person_id"], person=data["person"],
            country=data["country"], city=data["city"], start=data["start"], end=data["end"],
            precision=data["precision"], status=data["status"], reports=int(data["reports"]),
            sources=[s for s in data["sources"].split(";") if s], first_reported=data["first_reported"],
            last_reported=data["last_reported"], evidence=data["evidence"], warrant=data["warrant"],
            obligation=data["obligation"], basis=data["basis"], confidence=data.get("confidence", ""),
            explanation=data["explanation"], event=data.get("event", ""), history=data.get("history", []))

    def trips(self, person: str | None = None, country: str | None = None,
              status: str | Sequence[str] | None = None, obligation: str | Sequence[str] | None = None,
              since: date | str | None = None, upcoming: int | None = None, *,
              today: date | None = None) -> list[TripRecord]:
        """Trips, filtered: ``person`` (id or part of the name, any case), ``country`` (ISO alpha-2),
        ``status``/``obligation`` (one value or several, comma-separated), ``since`` (last reported on or
        after that date), ``upcoming`` (dates overlapping the next N days from ``today``)."""
        sql = "SELECT record FROM trips WHERE 1=1"
        args: list[Any] = []
        if person:
            sql += " AND (person_id = ? OR lower(person) LIKE ?)"
            args += [person, f"%{person.lower()}%"]
        if country:
            sql += " AND country = ?"
            args.append(country.upper())
        for col, value in (("status", status), ("obligation", obligation)):
            if value:
                vals = [v.strip() for v in (value.split(",") if isinstance(value, str) else value) if v.strip()]
                sql += f" AND {col} IN ({','.join('?' * len(vals))})"
                args += vals
        if since:
            sql += " AND last_reported >= ?"
            args.append(str(since))
        if upcoming is not None:
            first = today or date.today()
            last = first + timedelta(days=upcoming)
            sql += ' AND start != \'\' AND start <= ? AND ("end" >= ? OR ("end" = \'\' AND start >= ?))'
            args += [last.isoformat(), first.isoformat(), first.isoformat()]
        sql += " ORDER BY person, country, start, trip_id"
        return [self._record(json.loads(r[0])) for r in self.conn.execute(sql, args)]

    def history(self, trip_id: str) -> list[dict[str, str]]:
        """Every report of one trip, in time order; raises :class:`InputError` for an unknown id."""
        row = self.conn.execute("SELECT record FROM trips WHERE trip_id = ?", (trip_id,)).fetchone()
        if row is None:
            raise InputError(f"{self.path}: no trip {trip_id!r}")
        history: list[dict[str, str]] = json.loads(row[0]).get("history", [])
        return history

    def counts(self) -> dict[str, int]:
        """Rows per table (articles, reports, trips)."""
        return {t: int(self.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0])
                for t in ("articles", "reports", "trips")}

    # ------------------------------------------------------------------------------------------ feed state
    def feed_state(self, url: str) -> tuple[str, str]:
        """(ETag, Last-Modified) last seen for a feed."""
        row = self.conn.execute("SELECT etag, last_modified FROM feeds WHERE url = ?", (url,)).fetchone()
        return (row[0], row[1]) if row else ("", "")

    def set_feed_state(self, url: str, etag: str, last_modified: str) -> None:
        """Remember a feed's validators (only after its items were ingested)."""
        with self.transaction() as c:
            c.execute("INSERT INTO feeds (url, etag, last_modified, checked) VALUES (?, ?, ?, ?) "
                      "ON CONFLICT(url) DO UPDATE SET etag = excluded.etag, "
                      "last_modified = excluded.last_modified, checked = excluded.checked",
                      (url, etag, last_modified, _now()))

    def item_fingerprint(self, feed: str, item: str) -> str:
        """The fingerprint of a feed item when last ingested ('' if never)."""
        row = self.conn.execute("SELECT fingerprint FROM items WHERE feed = ? AND item = ?",
                                (feed, item)).fetchone()
        return str(row[0]) if row else ""

    def set_item_fingerprint(self, feed: str, item: str, fingerprint: str) -> None:
        """Record that a feed item was ingested in this form."""
        with self.transaction() as c:
            c.execute("INSERT INTO items (feed, item, fingerprint) VALUES (?, ?, ?) ON CONFLICT(feed, item) "
                      "DO UPDATE SET fingerprint = excluded.fingerprint", (feed, item, fingerprint))
