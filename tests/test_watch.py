"""``riskcheck watch``: feeds served by a local HTTP server on 127.0.0.1 (no other address is contacted)."""

from __future__ import annotations

import contextlib
import sqlite3
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from riskcheck.cli import cli
from riskcheck.watch import Fetcher, FetchError

PLAN = "Vladimir Putin will visit Mongolia on 3 September 2024, the Kremlin said on Tuesday."
CALLED_OFF = "Vladimir Putin has called off his visit to Mongolia, which had been planned for 3 September 2024."
HUNGARY = "Benjamin Netanyahu will travel to Hungary in October 2025, officials in Budapest said."


@dataclass
class Route:
    body: bytes
    status: int = 200
    ctype: str = "text/html; charset=utf-8"
    etag: str = ""
    delay: float = 0.0
    location: str = ""


@dataclass
class Site:
    routes: dict[str, Route] = field(default_factory=dict)
    hits: dict[str, int] = field(default_factory=dict)
    headers: list[dict[str, str]] = field(default_factory=list)
    base: str = ""


def page(title: str, text: str) -> bytes:
    return (f"<html><head><title>{title}</title></head><body><nav>Home | World | Sport</nav>"
            f"<article><h1>{title}</h1><p>{text}</p></article><footer>(c) Test Press</footer></body></html>"
            ).encode()


def rss(items: list[tuple[str, str, str]]) -> bytes:
    """items: (guid, link path, pubDate/updated)"""
    body = "".join(f"<item><title>Item {g}</title><guid>{g}</guid><link>{{base}}{link}</link>"
                   f"<pubDate>{when}</pubDate></item>" for g, link, when in items)
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Test</title>{body}</channel></rss>'
            ).encode()


@pytest.fixture()
def site() -> Iterator[Site]:
    state = Site()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
            state.hits[self.path] = state.hits.get(self.path, 0) + 1
            state.headers.append({k: v for k, v in self.headers.items()})
            route = state.routes.get(self.path)
            if route is None:
                self.send_error(404)
                return
            if route.delay:
                time.sleep(route.delay)
            if route.etag and self.headers.get("If-None-Match") == route.etag:
                self.send_response(304)
                self.send_header("ETag", route.etag)
                self.end_headers()
                return
            self.send_response(route.status)
            if route.location:
                self.send_header("Location", route.location)
            body = route.body.replace(b"{base}", state.base.encode())
            self.send_header("Content-Type", route.ctype)
            self.send_header("Content-Length", str(len(body)))
            if route.etag:
                self.send_header("ETag", route.etag)
            self.end_headers()
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()


def watch(site: Site, db: Path, *paths: str, extra: tuple[str, ...] = ()) -> tuple[int, str, str]:
    urls = [site.base + p for p in paths]
    res = CliRunner().invoke(cli, ["watch", *urls, "--db", str(db), "--once", "--timeout", "0.5",
                                   "--retries", "1", *extra])
    return res.exit_code, res.stdout, res.stderr


def trip_rows(db: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(db) as c:
        return sorted(c.execute("SELECT * FROM trips").fetchall())


def test_new_trip_then_rerun_prints_nothing_and_changes_nothing(site: Site, tmp_path: Path) -> None:
    site.routes["/feed.xml"] = Route(rss([("a1", "/a1.html", "Tue, 20 Aug 2024 10:00:00 GMT")]),
                                     ctype="application/rss+xml", etag='"v1"')
    site.routes["/a1.html"] = Route(page("Putin to visit Mongolia", PLAN))
    db = tmp_path / "trips.db"
    code, out, err = watch(site, db, "/feed.xml")
    assert code == 0, err
    assert out.strip() == "NEW planned Vladimir Vladimirovich Putin -> MN 2024-09-03 obligation YES (1 report)"
    before = trip_rows(db)
    code, out, err = watch(site, db, "/feed.xml")
    assert (code, out, err) == (0, "", "")
    assert trip_rows(db) == before
    # the second poll was conditional and answered 304; the page was not fetched again
    assert site.headers[-1].get("If-None-Match") == '"v1"'
    assert site.hits["/a1.html"] == 1
    assert all("riskcheck/" in h["User-Agent"] for h in site.headers)


def test_article_updated_from_will_visit_to_called_off(site: Site, tmp_path: Path) -> None:
    site.routes["/feed.xml"] = Route(rss([("a1", "/a1.html", "Tue, 20 Aug 2024 10:00:00 GMT")]),
                                     ctype="application/rss+xml")
    site.routes["/a1.html"] = Route(page("Putin to visit Mongolia", PLAN))
    db = tmp_path / "trips.db"
    assert "NEW planned" in watch(site, db, "/feed.xml")[1]
    # the publisher rewrites the article and bumps the item's date
    site.routes["/feed.xml"] = Route(rss([("a1", "/a1.html", "Fri, 30 Aug 2024 10:00:00 GMT")]),
                                     ctype="application/rss+xml")
    site.routes["/a1.html"] = Route(page("Putin calls off Mongolia visit", CALLED_OFF))
    code, out, err = watch(site, db, "/feed.xml")
    assert code == 0, err
    lines = out.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("CHANGED cancelled Vladimir Vladimirovich Putin -> MN")
    assert "status was planned" in lines[0]
    with sqlite3.connect(db) as c:  # the old report was replaced, not added to
        assert c.execute("SELECT count(*) FROM reports").fetchone()[0] == 1
        assert c.execute("SELECT count(*) FROM trips").fetchone()[0] == 1


def test_items_changing_between_polls(site: Site, tmp_path: Path) -> None:
    item1 = ("a1", "/a1.html", "Tue, 20 Aug 2024 10:00:00 GMT")
    site.routes["/feed.xml"] = Route(rss([item1]), ctype="application/rss+xml")
    site.routes["/a1.html"] = Route(page("Putin to visit Mongolia", PLAN))
    site.routes["/a2.html"] = Route(page("Netanyahu to Hungary", HUNGARY))
    db = tmp_path / "trips.db"
    watch(site, db, "/feed.xml")
    site.routes["/feed.xml"] = Route(rss([("a2", "/a2.html", "Wed, 21 Aug 2024 10:00:00 GMT"), item1]),
                                     ctype="application/rss+xml")
    code, out, err = watch(site, db, "/feed.xml")
    assert code == 0, err
    assert out.strip().splitlines() == [
        "NEW planned Benjamin Netanyahu -> HU 2025-10-01..2025-10-31 obligation YES (1 report)"]
    assert site.hits["/a1.html"] == 1  # the unchanged item was not fetched again


def test_one_failing_feed_does_not_stop_the_others(site: Site, tmp_path: Path) -> None:
    site.routes["/500.xml"] = Route(b"oops", status=500)
    site.routes["/slow.xml"] = Route(rss([]), delay=2.0)
    site.routes["/big.xml"] = Route(b"<rss>" + b"x" * 5000 + b"</rss>")
    site.routes["/bad.xml"] = Route(b"<?xml version='1.0'?><rss><channel><item><title>unclosed", ctype="text/xml")
    site.routes["/good.xml"] = Route(rss([("a1", "/a1.html", "Tue, 20 Aug 2024 10:00:00 GMT")]))
    site.routes["/a1.html"] = Route(page("Putin to visit Mongolia", PLAN))
    db = tmp_path / "trips.db"
    t0 = time.monotonic()
    code, out, err = watch(site, db, "/500.xml", "/slow.xml", "/big.xml", "/bad.xml", "/good.xml",
                           extra=("--max-bytes", "2048"))
    assert time.monotonic() - t0 < 15
    assert code == 1
    assert "NEW planned Vladimir Vladimirovich Putin -> MN" in out
    lines = err.strip().splitlines()
    assert len(lines) == 4, err
    assert "500.xml: HTTP 500" in lines[0]
    assert "slow.xml: timed out" in lines[1]
    assert "big.xml" in lines[2] and "cap" in lines[2]
    assert "bad.xml: malformed feed XML" in lines[3]
    assert site.hits["/500.xml"] == 2  # retried once (--retries 1)
    assert "Traceback" not in err


def test_redirects_followed_within_a_limit(site: Site) -> None:
    site.routes["/old.xml"] = Route(b"", status=301, location="/new.xml")
    site.routes["/new.xml"] = Route(b"<rss/>", ctype="application/rss+xml")
    site.routes["/loop"] = Route(b"", status=302, location="/loop")
    f = Fetcher(timeout=0.5, retries=0)
    assert f.get(site.base + "/old.xml").url.endswith("/new.xml")
    with pytest.raises(FetchError):
        f.get(site.base + "/loop")
    assert site.hits["/loop"] <= 6


def test_backoff_between_retries(site: Site) -> None:
    site.routes["/500"] = Route(b"", status=503)
    waits: list[float] = []
    f = Fetcher(timeout=0.5, retries=3, backoff=0.5, sleep=waits.append)
    with pytest.raises(FetchError, match="HTTP 503"):
        f.get(site.base + "/500")
    assert waits == [0.5, 1.0, 2.0]
    site.routes["/404"] = Route(b"", status=404)
    with pytest.raises(FetchError, match="HTTP 404"):
        f.get(site.base + "/404")
    assert site.hits["/404"] == 1  # a client error is not retried


def test_local_feed_file(tmp_path: Path) -> None:
    (tmp_path / "a1.html").write_bytes(page("Putin to visit Mongolia", PLAN))
    (tmp_path / "feed.xml").write_bytes(rss([("a1", "a1.html", "Tue, 20 Aug 2024 10:00:00 GMT")])
                                        .replace(b"{base}", b""))
    db = tmp_path / "trips.db"
    runner = CliRunner()
    res = runner.invoke(cli, ["watch", str(tmp_path / "feed.xml"), "--db", str(db), "--once"])
    assert res.exit_code == 0, res.stderr
    assert res.stdout.startswith("NEW planned Vladimir Vladimirovich Putin -> MN 2024-09-03")
    again = runner.invoke(cli, ["watch", str(tmp_path / "feed.xml"), "--db", str(db), "--once",
                                "--format", "jsonl"])
    assert (again.exit_code, again.stdout) == (0, "")
