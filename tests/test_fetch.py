"""Fetching against a real server on 127.0.0.1: validators, redirects, limits, deadlines, compression."""

from __future__ import annotations

import asyncio
import gzip
import ssl
import threading
import time
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from reader.feeds import tls
from reader.feeds.fetch import Fetcher, FetchError, parse_retry_after
from reader.models import Settings
from tests.server import FeedServer, Route

# These tests check what the messages say: the code's own words, in English.
pytestmark = pytest.mark.usefixtures("english")

SETTINGS = Settings(timeout=2.0, max_feed_bytes=100_000, max_redirects=3)


async def fetch(server: FeedServer, path: str, settings: Settings = SETTINGS, **kwargs: str) -> object:
    async with Fetcher(settings) as fetcher:
        return await fetcher.fetch(server.url(path), **kwargs)


async def fetch_error(server: FeedServer, path: str, settings: Settings = SETTINGS) -> FetchError:
    with pytest.raises(FetchError) as caught:
        await fetch(server, path, settings)
    return caught.value


async def test_a_body_is_returned_with_its_validators(feed_server: FeedServer) -> None:
    feed_server.routes["/f"] = Route(b"<rss/>", headers={"Content-Type": "application/rss+xml"},
                                     etag='"v1"', last_modified="Tue, 24 Nov 2026 10:00:00 GMT")
    result = await fetch(feed_server, "/f")
    assert result.body == b"<rss/>" and result.status == 200  # type: ignore[attr-defined]
    assert result.etag == '"v1"' and result.content_type == "application/rss+xml"  # type: ignore[attr-defined]


async def test_the_user_agent_and_validators_are_sent_and_a_304_has_no_body(feed_server: FeedServer) -> None:
    feed_server.routes["/f"] = Route(b"<rss/>", etag='"v1"')
    result = await fetch(feed_server, "/f", etag='"v1"')
    assert result.not_modified and result.body == b""  # type: ignore[attr-defined]
    headers = feed_server.requests[-1][1]
    assert headers["if-none-match"] == '"v1"'
    assert headers["user-agent"].startswith("sportreader/")


async def test_redirects_are_followed_up_to_the_limit(feed_server: FeedServer) -> None:
    feed_server.routes["/a"] = Route(redirect="/b")
    feed_server.routes["/b"] = Route(redirect="/c")
    feed_server.routes["/c"] = Route(b"ok")
    result = await fetch(feed_server, "/a")
    assert result.body == b"ok" and result.url.endswith("/c")  # type: ignore[attr-defined]


async def test_a_redirect_loop_is_an_error(feed_server: FeedServer) -> None:
    feed_server.routes["/loop"] = Route(redirect="/loop")
    assert "too many redirects" in str(await fetch_error(feed_server, "/loop"))


@pytest.mark.parametrize(("status", "text"), [(404, "HTTP 404"), (500, "HTTP 500"), (403, "HTTP 403")])
async def test_http_errors_carry_the_status(feed_server: FeedServer, status: int, text: str) -> None:
    feed_server.routes["/e"] = Route(b"no", status=status)
    err = await fetch_error(feed_server, "/e")
    assert str(err).startswith(text) and err.status == status


async def test_a_429_carries_retry_after(feed_server: FeedServer) -> None:
    feed_server.routes["/busy"] = Route(b"slow down", status=429, headers={"Retry-After": "120"})
    assert (await fetch_error(feed_server, "/busy")).retry_after == 120


async def test_a_response_slower_than_the_timeout_is_abandoned(feed_server: FeedServer) -> None:
    feed_server.routes["/slow"] = Route(b"x", delay=3)
    assert "timed out" in str(await fetch_error(feed_server, "/slow", Settings(timeout=0.5)))


async def test_a_slow_drip_hits_the_total_deadline(feed_server: FeedServer) -> None:
    # Each read arrives in time; only a deadline on the whole exchange stops it.
    feed_server.routes["/drip"] = Route(b"x" * 64 * 40, drip=0.05)
    assert "timed out" in str(await fetch_error(feed_server, "/drip", Settings(timeout=0.8)))


async def test_an_oversized_body_is_refused(feed_server: FeedServer) -> None:
    feed_server.routes["/big"] = Route(b"x" * 200_000)
    assert "larger than the limit" in str(await fetch_error(feed_server, "/big"))


async def test_an_oversized_body_without_length_is_refused_while_streaming(feed_server: FeedServer) -> None:
    feed_server.routes["/big"] = Route(b"x" * 200_000, headers={"Content-Length": "10"})
    feed_server.routes["/big"].headers.pop("Content-Length")
    feed_server.routes["/big"].drip = 0.0001
    assert "larger than the limit" in str(await fetch_error(feed_server, "/big"))


async def test_gzip_bodies_are_decompressed(feed_server: FeedServer) -> None:
    feed_server.routes["/gz"] = Route(gzip.compress("Città".encode()), headers={"Content-Encoding": "gzip"})
    assert (await fetch(feed_server, "/gz")).body == "Città".encode()  # type: ignore[attr-defined]


async def test_stacked_encodings_are_undone_in_order(feed_server: FeedServer) -> None:
    body = gzip.compress(zlib.compress(b"doppio"))
    feed_server.routes["/gz2"] = Route(body, headers={"Content-Encoding": "deflate, gzip"})
    assert (await fetch(feed_server, "/gz2")).body == b"doppio"  # type: ignore[attr-defined]


async def test_a_gzip_bomb_stops_at_the_cap(feed_server: FeedServer) -> None:
    bomb = gzip.compress(gzip.compress(b"\0" * 50_000_000))
    assert len(bomb) < 200_000
    feed_server.routes["/bomb"] = Route(bomb, headers={"Content-Encoding": "gzip, gzip"})
    assert "larger than the limit" in str(await fetch_error(feed_server, "/bomb"))


async def test_a_corrupt_gzip_body_is_an_error(feed_server: FeedServer) -> None:
    feed_server.routes["/bad"] = Route(b"not gzip at all", headers={"Content-Encoding": "gzip"})
    assert "corrupt" in str(await fetch_error(feed_server, "/bad"))


async def test_a_refused_connection_is_an_error() -> None:
    async with Fetcher(SETTINGS) as fetcher:
        with pytest.raises(FetchError, match="cannot connect"):
            await fetcher.fetch("http://127.0.0.1:9/feed")


async def test_an_invalid_url_is_an_error() -> None:
    async with Fetcher(SETTINGS) as fetcher:
        with pytest.raises(FetchError):
            await fetcher.fetch("http://[::1/feed")


def test_retry_after_accepts_seconds_and_dates() -> None:
    assert parse_retry_after("30") == 30
    assert parse_retry_after("Wed, 25 Nov 2026 10:01:00 GMT", now=1795600800.0) == 60
    assert parse_retry_after("domani") is None
    assert parse_retry_after("99999999") == 86400


def test_the_tls_context_is_built_once_and_verifies(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tls, "_context", None)
    tls.build_early()
    context = tls.context()
    assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname
    assert context.get_ca_certs() or context.cert_store_stats()["x509_ca"] > 0
    assert tls.context() is context
    assert Fetcher(Settings()).client._transport._pool._ssl_context is context  # type: ignore[attr-defined]


def test_ssl_cert_file_is_honoured_and_its_error_reaches_the_caller(monkeypatch: pytest.MonkeyPatch,
                                                                     tmp_path: Path) -> None:
    monkeypatch.setattr(tls, "_context", None)
    monkeypatch.setenv("SSL_CERT_FILE", str(tmp_path / "missing.pem"))
    tls.build_early()
    with pytest.raises(FileNotFoundError):
        tls.context()


def keep_alive_ports(answers: list[tuple[int, bytes]]) -> tuple[list[int | str], list[int]]:
    """Fetch one URL once per answer (status, body) from a keep-alive server: what each fetch gave (its
    status, or its error), and the client port of each request."""
    ports: list[int] = []
    queue = list(answers)

    class KeepAlive(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            ports.append(self.client_address[1])
            status, body = queue.pop(0)
            self.send_response(status)
            self.send_header("ETag", '"v1"')
            if status != 304:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), KeepAlive)
    threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()

    async def each() -> list[int | str]:
        outcomes: list[int | str] = []
        async with Fetcher(Settings()) as fetcher:
            url = f"http://127.0.0.1:{server.server_address[1]}/feed"
            for _ in answers:
                try:
                    outcomes.append((await fetcher.fetch(url, etag='"v1"')).status)
                except FetchError as exc:
                    outcomes.append(str(exc))
        return outcomes

    try:
        return asyncio.run(each()), ports
    finally:
        server.shutdown()
        server.server_close()


def test_a_304_leaves_its_connection_open_for_the_next_request() -> None:
    outcomes, ports = keep_alive_ports([(304, b"")] * 3)
    assert outcomes == [304, 304, 304]
    assert len(set(ports)) == 1  # one connection: each 304 used to close it, and a new one was opened


def test_a_small_error_page_leaves_its_connection_open_and_a_large_one_closes_it() -> None:
    page = b"<html>not here</html>"
    outcomes, ports = keep_alive_ports([(404, page), (500, page), (304, b""), (503, b"x" * 200_000), (304, b"")])
    assert outcomes[:3] == ["HTTP 404 Not Found", "HTTP 500 Internal Server Error", 304]
    assert str(outcomes[3]).startswith("HTTP 503") and outcomes[4] == 304
    # The two small error pages were read to their end: one connection until the large one, which is left
    # unread (downloading it would cost more than a new connection).
    assert len(set(ports[:4])) == 1 and ports[4] != ports[3]


def test_an_error_page_that_never_ends_is_reported_at_once() -> None:
    class Dripping(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            self.send_response(500)
            self.send_header("Content-Length", "1000")
            self.end_headers()
            self.wfile.write(b"<html>")
            self.wfile.flush()
            time.sleep(3)  # the rest never comes in time

    server = ThreadingHTTPServer(("127.0.0.1", 0), Dripping)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()

    async def one() -> str:
        async with Fetcher(Settings(timeout=20)) as fetcher:
            try:
                await fetcher.fetch(f"http://127.0.0.1:{server.server_address[1]}/feed")
            except FetchError as exc:
                return str(exc)
        return "no error"

    try:
        started = time.monotonic()
        assert asyncio.run(one()) == "HTTP 500 Internal Server Error"
        assert time.monotonic() - started < 2  # the page is given up on, not waited for until the timeout
    finally:
        server.shutdown()
        server.server_close()
