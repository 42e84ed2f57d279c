"""``riskcheck watch``: poll RSS/Atom feeds, fetch new items' pages, ingest them into a trip database.

The only network code in riskcheck, and it only fetches the URLs the user names and the pages their feeds
link to. It behaves as a feed owner expects: conditional GET (ETag, Last-Modified), a timeout, retries with
exponential backoff on network errors and 5xx/429, a size cap per response, redirects followed within a
limit, and a User-Agent naming riskcheck. Feeds may also be local files (a path or ``file://``).
"""

from __future__ import annotations

import hashlib
import html
import re
import time
import urllib.error
import urllib.parse
import urllib.request
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from http.client import HTTPMessage
from pathlib import Path
from typing import IO, Any

from . import __version__
from .tripdb import Change, TripDB

USER_AGENT = f"riskcheck/{__version__} (+https://github.com/riskcheck/riskcheck; feed watcher)"
MAX_BYTES = 5_000_000
MAX_REDIRECTS = 5
_TAG = re.compile(r"<[^<>]{0,2000}>")
_SPACE = re.compile(r"[ \t]+")


class FetchError(Exception):
    """A URL could not be fetched (after retries); the message is one line for stderr."""


@dataclass(frozen=True)
class Response:
    """A fetched URL: ``status`` 200 with ``body``, or 304 (not modified) with an empty body."""

    url: str
    status: int
    body: bytes = b""
    etag: str = ""
    last_modified: str = ""


class _Redirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS

    def redirect_request(self, req: urllib.request.Request, fp: IO[bytes], code: int, msg: str,
                         headers: HTTPMessage, newurl: str) -> urllib.request.Request | None:
        if urllib.parse.urlsplit(newurl).scheme not in ("http", "https"):
            raise FetchError(f"redirect to a non-HTTP address {newurl!r} refused")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


@dataclass
class Fetcher:
    """HTTP GET with the manners above; ``sleep`` is injectable for tests."""

    timeout: float = 20.0
    retries: int = 2
    backoff: float = 1.0
    max_bytes: int = MAX_BYTES
    user_agent: str = USER_AGENT
    sleep: Callable[[float], None] = time.sleep
    requests: int = field(default=0, init=False)

    def __post_init__(self) -> None:
        self._opener = urllib.request.build_opener(_Redirects())

    def get(self, url: str, etag: str = "", last_modified: str = "") -> Response:
        """Fetch ``url`` (http, https, file or a local path); raise :class:`FetchError` on failure."""
        scheme = urllib.parse.urlsplit(url).scheme.lower()
        if scheme not in ("http", "https"):
            return self._local(url)
        headers = {"User-Agent": self.user_agent, "Accept-Encoding": "identity"}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        last_error = ""
        for attempt in range(self.retries + 1):
            if attempt:
                self.sleep(self.backoff * 2 ** (attempt - 1))
            self.requests += 1
            try:
                return self._once(url, headers)
            except urllib.error.HTTPError as exc:
                if exc.code == 304:
                    return Response(url, 304, b"", etag, last_modified)
                last_error = f"HTTP {exc.code} {exc.reason}"
                if exc.code < 500 and exc.code != 429:
                    break  # a client error does not get better by asking again
            except (urllib.error.URLError, TimeoutError, OSError) as exc:
                reason = getattr(exc, "reason", exc)
                last_error = "timed out" if isinstance(reason, TimeoutError) or "timed out" in str(reason) \
                    else f"network error: {reason}"
        raise FetchError(last_error)

    def _once(self, url: str, headers: dict[str, str]) -> Response:
        req = urllib.request.Request(url, headers=headers)
        deadline = time.monotonic() + self.timeout * 3
        with self._opener.open(req, timeout=self.timeout) as resp:
            length = resp.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > self.max_bytes:
                raise FetchError(f"response of {int(length)} bytes is over the {self.max_bytes}-byte cap")
            chunks: list[bytes] = []
            size = 0
            while True:
                chunk = resp.read(65536)
                if not chunk:
                    break
                size += len(chunk)
                if size > self.max_bytes:
                    raise FetchError(f"response is over the {self.max_bytes}-byte cap")
                if time.monotonic() > deadline:
                    raise TimeoutError("timed out")
                chunks.append(chunk)
            return Response(resp.geturl(), int(resp.status), b"".join(chunks),
                            resp.headers.get("ETag", "") or "", resp.headers.get("Last-Modified", "") or "")

    def _local(self, url: str) -> Response:
        path = Path(urllib.request.url2pathname(urllib.parse.urlsplit(url).path)) \
            if url.lower().startswith("file:") else Path(url)
        try:
            size = path.stat().st_size
            if size > self.max_bytes:
                raise FetchError(f"file of {size} bytes is over the {self.max_bytes}-byte cap")
            data = path.read_bytes()
        except OSError as exc:
            raise FetchError(f"cannot read: {exc.strerror}") from None
        stamp = str(path.stat().st_mtime_ns)
        return Response(str(path), 200, data, etag=stamp)


def page_text(body: bytes) -> str:
    """The article text of an HTML page (trafilatura), or the page's text when it finds none."""
    import trafilatura

    raw = body.decode("utf-8", errors="replace")
    text = trafilatura.extract(raw, include_comments=False, include_tables=False, favor_recall=True)
    if text and text.strip():
        return str(text)
    stripped = re.sub(r"(?is)<(script|style|nav|header|footer)\b.*?</\1>", " ", raw)
    lines = (_SPACE.sub(" ", html.unescape(_TAG.sub(" ", line))).strip() for line in stripped.splitlines())
    return "\n".join(line for line in lines if line)


def _entry_date(entry: Any) -> date | None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    if not stamp:
        return None
    try:
        return date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday)
    except ValueError:
        return None


def _fingerprint(entry: Any) -> str:
    with warnings.catch_warnings():  # feedparser warns about its updated/published fallback
        warnings.simplefilter("ignore", DeprecationWarning)
        parts = [str(entry.get(k, "")) for k in ("id", "link", "title", "updated", "published", "summary")]
    return hashlib.sha256("\x00".join(parts).encode()).hexdigest()


@dataclass
class PollResult:
    """One feed's pass: the trips that changed and the problems met (one line each)."""

    changes: list[Change] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    failed: bool = False


def poll(db: TripDB, url: str, fetcher: Fetcher) -> PollResult:
    """One pass over one feed: ingest its new or changed items; never raises for network trouble."""
    import feedparser

    from .dates import DateSpan
    from .news.readers import header_date

    result = PollResult()
    etag, modified = db.feed_state(url)
    try:
        resp = fetcher.get(url, etag, modified)
    except FetchError as exc:
        result.failed = True
        result.problems.append(f"{url}: {exc}")
        return result
    if resp.status == 304 or (resp.etag and resp.etag == etag and not resp.url.startswith(("http:", "https:"))):
        return result
    parsed = feedparser.parse(resp.body)
    if not parsed.entries:
        result.failed = True
        why = parsed.get("bozo_exception", "no items")
        result.problems.append(f"{url}: not a readable RSS/Atom feed ({why})")
        return result
    if parsed.bozo and "xml" in type(parsed.get("bozo_exception")).__module__.lower():
        # malformed XML: say so, and use what feedparser's lenient parser recovered
        result.problems.append(f"{url}: malformed feed XML ({parsed.bozo_exception}); "
                               f"{len(parsed.entries)} item(s) read anyway")
    base = resp.url
    complete = True
    for entry in parsed.entries:
        key = str(entry.get("id") or entry.get("link") or entry.get("title") or "")
        if not key:
            continue
        fp = _fingerprint(entry)
        if db.item_fingerprint(url, key) == fp:
            continue
        link = str(entry.get("link") or "")
        text = ""
        source = link or f"{url}#{key}"
        if link:
            target = urllib.parse.urljoin(base, link) if base.startswith(("http:", "https:")) else (
                link if urllib.parse.urlsplit(link).scheme else str(Path(base).parent / link))
            if urllib.parse.urlsplit(target).scheme in ("http", "https") or Path(target).is_file():
                try:
                    text = page_text(fetcher.get(target).body)
                    source = target
                except FetchError as exc:
                    result.problems.append(f"{url}: item {target}: {exc}")
                    complete = False
                    continue
        if not text.strip():
            summary = " ".join(str(c.get("value", "")) for c in entry.get("content", []) or []) \
                or str(entry.get("summary", ""))
            text = html.unescape(_TAG.sub(" ", summary))
        title = str(entry.get("title", "")).strip()
        body = f"{title}\n{text}" if title and title not in text[:len(title) + 200] else text
        body, found, _how = header_date(body)
        day = _entry_date(entry)
        published = DateSpan.day(day) if day else found
        result.changes.extend(db.ingest(source, body, published, url=link))
        db.set_item_fingerprint(url, key, fp)
    if complete:  # a failed item is retried next time: keep the old validators until all went in
        db.set_feed_state(url, resp.etag, resp.last_modified)
    return result
