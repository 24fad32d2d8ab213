"""The hostile HTTP behaviours of the catalogue (CASES.md, "HTTP"), all in one refresh with ordinary feeds.

Each behaviour is one feed of the refresh, served by the loopback server (or pointing at a closed port,
an unresolvable .invalid host, or TLS spoken to a plain-HTTP port). Each gets its exact per-feed
result; the ordinary feeds in the same refresh still succeed; a second refresh honours the back-offs
the servers asked for. No real network is used.
"""

from __future__ import annotations

import gzip
import io
import re
import socket
import struct
import time
import zlib
from collections.abc import Callable, Iterator
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from rich.console import Console

from reader.cli import console
from reader.feeds.pool import ParsePool
from reader.feeds.refresh import refresh
from reader.models import FeedResult, FeedSpec, FeedStatus, Settings
from reader.settings.config import Config
from reader.store import Filter, Store
from tests.conftest import item, rss
from tests.hostile.conftest import assert_clean, assert_terminal_clean
from tests.server import FeedServer, Route

TIMEOUT = 1.0
CAP = 100_000
SETTINGS = Settings(timeout=TIMEOUT, max_feed_bytes=CAP, max_redirects=5, concurrency=64, retention_days=36500)
ITALIAN = "Perché la città è più forte"
FEED = rss([item(1, title=ITALIAN), item(2, title="Chivu: «Siamo pronti»")])
HTML = (b"<!DOCTYPE html><html><head><title>Consenso</title></head><body><p>Accetta i cookie "
        b"per continuare</p></body></html>")


# --------------------------------------------------------------------------- raw servers

Raw = Callable[[BaseHTTPRequestHandler], None]


def send(handler: BaseHTTPRequestHandler, status: bytes, headers: list[tuple[str, str]], body: bytes = b"") -> None:
    head = b"HTTP/1.1 " + status + b"\r\n" + b"".join(f"{k}: {v}\r\n".encode("latin-1") for k, v in headers)
    handler.wfile.write(head + b"\r\n" + body)


def answer(status: bytes, headers: list[tuple[str, str]], body: bytes = b"") -> Raw:
    return lambda h: send(h, status, [*headers, ("Content-Length", str(len(body)))], body)


def drip_body(h: BaseHTTPRequestHandler) -> None:
    send(h, b"200 OK", [("Content-Type", "application/rss+xml"), ("Content-Length", str(len(FEED)))])
    for byte in FEED[:30]:  # one byte every 0.2 s: each read is in time, the whole never is
        h.wfile.write(bytes([byte]))
        time.sleep(0.2)


def drip_headers(h: BaseHTTPRequestHandler) -> None:
    h.wfile.write(b"HTTP/1.1 200 OK\r\n")
    for byte in b"X-Lento: " + b"a" * 15:
        h.wfile.write(bytes([byte]))
        time.sleep(0.2)


def stall(h: BaseHTTPRequestHandler) -> None:
    time.sleep(TIMEOUT * 3)


def infinite(h: BaseHTTPRequestHandler) -> None:
    h.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nTransfer-Encoding: chunked\r\n\r\n")
    chunk = b"<item><title>Ancora</title><description>" + b"x" * 4000 + b"</description></item>"
    stop = time.monotonic() + 5
    while time.monotonic() < stop:
        h.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))


def content_length_long(h: BaseHTTPRequestHandler) -> None:
    send(h, b"200 OK", [("Content-Type", "application/rss+xml"), ("Content-Length", "90000")], FEED[:1024])


def reset_mid_body(h: BaseHTTPRequestHandler) -> None:
    send(h, b"200 OK", [("Content-Type", "application/rss+xml"), ("Content-Length", str(len(FEED)))],
         FEED[: len(FEED) // 2])
    time.sleep(0.1)
    h.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    h.connection.close()  # linger 0: the kernel sends a reset, not a clean end


def etag_flap() -> Raw:
    count = iter(range(1_000_000))
    return lambda h: send(h, b"200 OK", [("Content-Type", "application/rss+xml"), ("ETag", f'"v{next(count)}"'),
                                         ("Content-Length", str(len(FEED)))], FEED)


def zeros_compressed(size: int, wbits: int) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, wbits)
    block = bytes(1 << 20)
    return b"".join([*(packer.compress(block) for _ in range(size >> 20)), packer.flush()])


# --------------------------------------------------------------------------- the behaviours

@dataclass(frozen=True)
class Case:
    """A feed of the refresh: its route (or URL), and the exact result it must get."""

    route: Route | None
    error: str | re.Pattern[str] | None  # None: the feed is ingested
    status: int | None = None  # the HTTP status recorded with the result
    url: str | None = None  # a URL not on the server
    warning: str | None = None  # the warning of an ingested feed


def build_cases(server: FeedServer) -> dict[str, Case]:
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    closed_port = closed.getsockname()[1]
    closed.close()  # nothing listens there any more
    bomb = zeros_compressed(256 << 20, 31)  # 256 MiB of zeros in ~250 kB of gzip
    in_an_hour = format_datetime(datetime.now(UTC) + timedelta(hours=1), usegmt=True)
    too_big = f"the body is larger than the limit ({CAP:,} bytes)"
    redirects = "too many redirects (more than 5)"
    server.routes["/redirect-pingpong-b"] = Route(redirect="/redirect-pingpong-a")
    for n in range(30):
        server.routes[f"/redirect-chain-{n}"] = Route(redirect=f"/redirect-chain-{n + 1}")
    server.routes["/redirect-chain-30"] = Route(FEED)
    latin1 = rss([item(5, title="Società è nata")], encoding="iso-8859-1").replace(
        b'<?xml version="1.0" encoding="iso-8859-1"?>', b"")
    return {
        # Ordinary feeds in the same refresh.
        "ok": Case(Route(FEED, headers={"Content-Type": "application/rss+xml"}, etag='"e1"',
                         last_modified="Tue, 24 Nov 2026 10:00:00 GMT"), None, 200),
        "ok-304-always": Case(Route(status=304), None, 304),
        "etag-flap": Case(Route(raw=etag_flap()), None, 200),
        "redirect-permanent": Case(Route(raw=answer(b"301 Moved Permanently", [("Location", "/ok")])), None, 200),
        "text-xml-no-charset": Case(Route(FEED, headers={"Content-Type": "text/xml"}), None, 200),
        "charset-header-latin1": Case(Route(latin1, headers={"Content-Type": "application/rss+xml; charset=utf-8"}),
                                      None, 200),
        "charset-header-conflict": Case(Route(FEED, headers={"Content-Type": "text/xml; charset=iso-8859-1"}),
                                        None, 200),
        "wrong-ctype-png": Case(Route(FEED, headers={"Content-Type": "image/png"}), None, 200),
        "many-headers": Case(Route(raw=answer(b"200 OK", [("Content-Type", "application/rss+xml"),
                                                         *((f"X-H{n}", "v") for n in range(5000))], FEED)),
                             None, 200),
        # Slow servers: the total deadline, not the per-read timeout.
        "drip-body": Case(Route(raw=drip_body), f"timed out after {TIMEOUT:g} s"),
        "drip-headers": Case(Route(raw=drip_headers), f"timed out after {TIMEOUT:g} s"),
        "stall": Case(Route(raw=stall), f"timed out after {TIMEOUT:g} s"),
        # Redirects.
        "redirect-loop": Case(Route(redirect="/redirect-loop"), redirects),
        "redirect-pingpong-a": Case(Route(redirect="/redirect-pingpong-b"), redirects),
        "redirect-chain": Case(Route(redirect="/redirect-chain-0"), redirects),
        "redirect-file": Case(Route(redirect="file:///etc/passwd"), "redirect to an unsupported scheme ('file:')",
                              302),
        "redirect-javascript": Case(Route(redirect="javascript:alert(1)"),
                                    "redirect to an unsupported scheme ('javascript:')", 302),
        # Sizes and compression: the cap counts decompressed bytes while streaming.
        "gzip-bomb": Case(Route(bomb, headers={"Content-Encoding": "gzip"}), too_big),
        "gzip-bomb-nested": Case(Route(gzip.compress(bomb), headers={"Content-Encoding": "gzip, gzip"}), too_big),
        "deflate-bomb": Case(Route(zeros_compressed(256 << 20, 15), headers={"Content-Encoding": "deflate"}),
                             too_big),
        "gzip-bad": Case(Route(b"not gzip at all", headers={"Content-Encoding": "gzip"}),
                         "the compressed body is corrupt (Error -3 while decompressing data: incorrect header check)"),
        "huge-50mb": Case(Route(b"x" * 1_000_000), f"the body is larger than the limit (1,000,000 > {CAP:,} bytes)"),
        "infinite": Case(Route(raw=infinite), too_big),
        # The body is cut at the declared length: the incomplete entry is left out, nothing else is lost.
        "content-length-short": Case(Route(FEED, headers={"Content-Length": "200"}), None, 200,
                                     warning="the feed is cut off: the incomplete last entry was left out"),
        "content-length-long": Case(Route(raw=content_length_long),
                                    f"the connection closed early (received {len(FEED)} bytes, expected 90000)"),
        "reset-mid-body": Case(Route(raw=reset_mid_body), "the connection closed early (reset)"),
        # Statuses.
        "429": Case(Route(b"piano", status=429, headers={"Retry-After": "120"}), "HTTP 429 Too Many Requests", 429),
        "429-date": Case(Route(b"", status=429, headers={"Retry-After": in_an_hour}),
                         "HTTP 429 Too Many Requests", 429),
        "429-bogus": Case(Route(b"", status=429, headers={"Retry-After": "domani"}), "HTTP 429 Too Many Requests", 429),
        "429-negative": Case(Route(b"", status=429, headers={"Retry-After": "-5"}), "HTTP 429 Too Many Requests", 429),
        "429-huge": Case(Route(b"", status=429, headers={"Retry-After": "99999999999"}),
                         "HTTP 429 Too Many Requests", 429),
        "503": Case(Route(b"", status=503, headers={"Retry-After": "30"}), "HTTP 503 Service Unavailable", 503),
        "500": Case(Route(raw=answer(b"500 Errore \x1b[2J [bold]interno[/bold]", [("Content-Type", "text/html")],
                                     b"<h1>\x1b]52;c;eA==\x07[@click=app.quit]x[/]</h1>")),
                    "HTTP 500 Errore [bold]interno[/bold]", 500),
        "404": Case(Route(b"", status=404), "HTTP 404 Not Found", 404),
        "410": Case(Route(b"", status=410),
                    "HTTP 410 Gone: the feed no longer exists; remove it from feeds.toml", 410),
        "bad-status": Case(Route(raw=answer(b"999 \x1b[2JWeird", [])), "HTTP 999 Weird", 999),
        # Not a feed.
        "html-as-rss": Case(Route(HTML, headers={"Content-Type": "application/rss+xml"}),
                            "not a feed: the server sent an HTML page"),
        "html-200": Case(Route(HTML, headers={"Content-Type": "text/html"}),
                         "not a feed: the server sent an HTML page"),
        "empty-200": Case(Route(b"", headers={"Content-Type": "application/rss+xml"}), "empty response"),
        # Broken protocol and transport.
        "huge-header": Case(Route(raw=answer(b"200 OK", [("X-Enorme", "a" * 1_000_000)], FEED)),
                            re.compile(r"RemoteProtocolError: .+")),
        "not-http": Case(Route(raw=lambda h: h.wfile.write(b"\x89PNG\r\n\x1a\n\x00\x1b[2J garbage\r\n\r\n")),
                         re.compile(r"RemoteProtocolError: .+")),
        "connection-refused": Case(None, "cannot connect: All connection attempts failed",
                                   url=f"http://127.0.0.1:{closed_port}/rss"),
        "dns-failure": Case(None, re.compile(r"cannot connect: .+"), url="http://feed.sportreader.invalid/rss"),
        "tls-to-plain-http": Case(None, re.compile(r"cannot connect: \[SSL.*"),
                                  url="https://" + server.url("/ok")[len("http://"):]),
    }


BACKED_OFF = ("429", "429-date", "429-bogus", "429-negative", "429-huge", "503")
INGESTED = {"ok": 2, "ok-304-always": 0, "etag-flap": 2, "redirect-permanent": 2, "text-xml-no-charset": 2,
            "charset-header-latin1": 1, "charset-header-conflict": 2, "wrong-ctype-png": 2, "many-headers": 2,
            "content-length-short": 0}


@dataclass
class HttpRun:
    cases: dict[str, Case]
    first: dict[str, FeedResult]
    second: dict[str, FeedResult]
    hits_first: dict[str, int]
    hits_second: dict[str, int]
    titles: dict[str, list[str]]
    retry_after: dict[str, float | None]
    seconds: float
    refreshed_at: float


@pytest.fixture(scope="module")
def http(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HttpRun]:
    server = FeedServer().start()
    cases = build_cases(server)
    feeds = []
    for name, case in cases.items():
        if case.route is not None:
            server.routes[f"/{name}"] = case.route
        feeds.append(FeedSpec(name, case.url or server.url(f"/{name}")))
    config = Config(Path("feeds.toml"), "test", SETTINGS, tuple(feeds))
    db = tmp_path_factory.mktemp("http") / "cache.db"
    try:
        with Store(db) as store, closing(ParsePool(workers=2, deadline=10)) as pool:
            started = time.monotonic()
            refreshed_at = time.time()
            first = refresh(config, store, parse_pool=pool)
            seconds = time.monotonic() - started
            hits_first = {name: server.hits(f"/{name}") for name in cases}
            second = refresh(config, store, parse_pool=pool)
            hits_second = {name: server.hits(f"/{name}") for name in cases}
            titles = {name: [p.title for p in store.previews(Filter(feed=name))] for name in cases}
            retry_after = {name: getattr(store.feed_state(name), "retry_after", None) for name in cases}
    finally:
        server.stop()
    yield HttpRun(cases, {r.feed: r for r in first.results}, {r.feed: r for r in second.results}, hits_first,
                  hits_second, titles, retry_after, seconds, refreshed_at)


CASE_NAMES = sorted([*INGESTED, "drip-body", "drip-headers", "stall", "redirect-loop", "redirect-pingpong-a",
                     "redirect-chain", "redirect-file", "redirect-javascript", "gzip-bomb", "gzip-bomb-nested",
                     "deflate-bomb", "gzip-bad", "huge-50mb", "infinite", "content-length-long", "reset-mid-body",
                     *BACKED_OFF, "500", "404", "410", "bad-status",
                     "html-as-rss", "html-200", "empty-200", "huge-header", "not-http", "connection-refused",
                     "dns-failure", "tls-to-plain-http"])


def test_the_case_list_is_complete(http: HttpRun) -> None:
    assert sorted(http.cases) == CASE_NAMES


@pytest.mark.parametrize("name", CASE_NAMES)
def test_each_behaviour_gets_its_exact_result(http: HttpRun, name: str) -> None:
    case, result = http.cases[name], http.first[name]
    if case.error is None:
        expected_status = FeedStatus.NOT_MODIFIED if case.status == 304 else FeedStatus.OK
        assert (result.status, result.error, result.http_status) == (expected_status, None, case.status)
        assert result.warning == case.warning
        assert result.new == INGESTED[name] == len(http.titles[name])
    else:
        assert result.status is FeedStatus.ERROR
        if isinstance(case.error, re.Pattern):
            assert case.error.fullmatch(result.error or ""), result.error
        else:
            assert result.error == case.error
        assert result.http_status == case.status
        assert http.titles[name] == []
    for text in (result.error or "", result.warning or ""):
        assert_clean(text, name)
    line = Console(file=io.StringIO(), force_terminal=True, width=200)
    line.print(console.feed_result_line(result))
    assert_terminal_clean(line.file.getvalue(), name)  # type: ignore[attr-defined]


def test_the_whole_refresh_is_bounded_by_the_deadline(http: HttpRun) -> None:
    assert http.seconds < TIMEOUT + 5  # slow servers ran at the same time, each cut at its deadline
    for name in ("drip-body", "drip-headers", "stall", "infinite"):
        assert http.first[name].duration < TIMEOUT + 1


def test_accented_text_survives_wrong_or_missing_charsets(http: HttpRun) -> None:
    for name in ("text-xml-no-charset", "charset-header-conflict", "wrong-ctype-png", "redirect-permanent"):
        assert ITALIAN in http.titles[name], name
    assert http.titles["charset-header-latin1"] == ["Società è nata"]


def test_the_next_refresh_honours_every_back_off(http: HttpRun) -> None:
    for name in BACKED_OFF:
        second = http.second[name]
        assert second.status is FeedStatus.NOT_MODIFIED, name
        assert (second.warning or "").startswith("rate limited: next try after "), name
        assert http.hits_second[name] == http.hits_first[name], name  # not asked again
    waits = {name: (http.retry_after[name] or 0) - http.refreshed_at for name in BACKED_OFF}
    assert 110 <= waits["429"] <= 130 and 20 <= waits["503"] <= 40
    assert 3500 <= waits["429-date"] <= 3700
    assert 500 <= waits["429-bogus"] <= 700 and 500 <= waits["429-negative"] <= 700  # the default back-off
    assert 86300 <= waits["429-huge"] <= 86500  # clamped to a day


def test_validators_and_unchanged_bodies_cost_nothing_the_second_time(http: HttpRun) -> None:
    assert (http.second["ok"].status, http.second["ok"].http_status) == (FeedStatus.NOT_MODIFIED, 304)
    # A new ETag on every request, same content: recognised as unchanged, no duplicates.
    assert (http.second["etag-flap"].status, http.second["etag-flap"].new) == (FeedStatus.NOT_MODIFIED, 0)
    assert len(http.titles["etag-flap"]) == 2
    assert http.second["ok-304-always"].status is FeedStatus.NOT_MODIFIED


def test_every_other_failure_is_tried_again_next_time(http: HttpRun) -> None:
    for name in ("404", "500", "gzip-bomb", "stall", "html-200"):
        assert http.second[name].status is FeedStatus.ERROR
        assert http.hits_second[name] > http.hits_first[name]
