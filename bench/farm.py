"""A loopback feed farm for benchmarks: N RSS feeds x M items, optional latency, validators.

A quarter of the feeds are ISO-8859-1; each item carries 1-3 KB of HTML. Every feed answers
conditional GETs (ETag and Last-Modified) with 304; with `validators=False` it sends neither header and
always answers 200 with the same bytes (a server that only a body hash can tell is unchanged).
"""

from __future__ import annotations

import hashlib
import random
import threading
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape

SENTENCE = ("la Juventus vince il derby con un gol di Vlahović al novantesimo, perché la città aspettava "
         "una notte così; l'Inter risponde con Lautaro e Çalhanoğlu, il Milan cerca gioco con Leão e "
         "Pulisic mentre il Napoli di Conte resta in testa alla classifica di Serie A")
WORDS = tuple(SENTENCE.split())
LAST_MODIFIED = "Tue, 24 Nov 2026 10:00:00 GMT"


def make_feed(index: int, items: int, seed: int = 0) -> tuple[bytes, str]:
    """The body and charset of feed number `index`."""
    rng = random.Random(seed * 100_003 + index)
    charset = "iso-8859-1" if index % 4 == 3 else "utf-8"
    now = datetime(2026, 11, 24, 12, tzinfo=UTC)
    parts = [f'<?xml version="1.0" encoding="{charset}"?>\n<rss version="2.0"><channel>'
             f"<title>Feed {index}</title><link>http://farm.example/{index}/</link><description>x</description>"]
    for n in range(items):
        paragraphs = "".join(f"<p>{' '.join(rng.choices(WORDS, k=rng.randint(25, 60)))}.</p>"
                             for _ in range(rng.randint(2, 4)))
        parts.append(
            f"<item><title>{escape(' '.join(rng.choices(WORDS, k=9)))}</title>"
            f"<link>http://farm.example/{index}/{n}.html</link><guid>farm-{index}-{n}</guid>"
            f"<pubDate>{format_datetime(now - timedelta(minutes=17 * n + index))}</pubDate>"
            f"<category>Serie A</category><description>{escape(paragraphs)}</description></item>")
    parts.append("</channel></rss>\n")
    return "".join(parts).encode(charset, "xmlcharrefreplace"), charset


class _Server(ThreadingHTTPServer):
    # The backlog is set when the socket starts listening, so it must be a class attribute: with the
    # default of 5, ten clients connecting at once lose a SYN and wait a second to send it again.
    request_queue_size = 256
    daemon_threads = True


class Farm:
    """Serves the feeds from a thread; `latency` seconds are added to every request."""

    def __init__(self, feeds: int = 100, items: int = 50, latency: float = 0.0, *, validators: bool = True) -> None:
        self.latency = latency
        self.validators = validators
        self.requests = 0
        # (arrived, answered) per request, on time.perf_counter()'s clock: where a client's time goes.
        self.log: list[tuple[float, float]] = []
        self.bodies: dict[str, tuple[bytes, str, str]] = {}
        for index in range(feeds):
            body, charset = make_feed(index, items)
            etag = '"' + hashlib.blake2b(body, digest_size=8).hexdigest() + '"'
            self.bodies[f"/feed/{index}.xml"] = (body, charset, etag)
        self._http = _Server(("127.0.0.1", 0), self._handler())
        self.base = f"http://127.0.0.1:{self._http.server_address[1]}"
        threading.Thread(target=self._http.serve_forever, args=(0.05,), daemon=True).start()

    @property
    def feed_bytes(self) -> int:
        """The total size of the feeds served."""
        return sum(len(body) for body, _, _ in self.bodies.values())

    def urls(self) -> list[str]:
        """Every feed's URL."""
        return [self.base + path for path in self.bodies]

    def stop(self) -> None:
        """Stop serving."""
        self._http.shutdown()
        self._http.server_close()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        farm = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            # The headers and the body go out as two writes: with Nagle's algorithm on, the body waits for
            # the client's delayed ACK of the headers, 40 ms per request on Linux, for both programs timed.
            disable_nagle_algorithm = True

            def log_message(self, format: str, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                arrived = time.perf_counter()
                try:
                    self._answer()
                finally:
                    farm.log.append((arrived, time.perf_counter()))

            def _answer(self) -> None:
                farm.requests += 1
                time.sleep(farm.latency)
                found = farm.bodies.get(self.path)
                if found is None:
                    self.send_error(404)
                    return
                body, charset, etag = found
                fresh = farm.validators and (self.headers.get("If-None-Match") == etag
                                             or self.headers.get("If-Modified-Since") == LAST_MODIFIED)
                self.send_response(304 if fresh else 200)
                if farm.validators:
                    self.send_header("ETag", etag)
                    self.send_header("Last-Modified", LAST_MODIFIED)
                self.send_header("Content-Type", f"application/rss+xml; charset={charset}")
                self.send_header("Content-Length", "0" if fresh else str(len(body)))
                self.end_headers()
                if not fresh:
                    self.wfile.write(body)

        return Handler
