"""A real HTTP server on 127.0.0.1 for the tests: routes with status, headers, validators, delays."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    """What the server answers on one path."""

    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None
    last_modified: str | None = None
    delay: float = 0.0
    drip: float = 0.0
    redirect: str | None = None
    # Takes over the whole exchange: writes whatever bytes it likes to handler.wfile (hostile servers).
    raw: Callable[[BaseHTTPRequestHandler], None] | None = None


class _Server(ThreadingHTTPServer):
    request_queue_size = 128  # many feeds connect at once; the default backlog of 5 drops connections


class FeedServer:
    """Serves `routes`, records every request (path and headers) in `requests`."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.active = 0  # requests waiting for their answer to start right now
        self.max_active = 0  # the most waiting at once
        self._lock = threading.Lock()
        self._server = _Server(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True)

    def url(self, path: str) -> str:
        """The full URL of a path on this server."""
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}{path}"

    def hits(self, path: str) -> int:
        """How many requests reached a path."""
        return sum(1 for p, _ in self.requests if p == path)

    def start(self) -> FeedServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                server.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
                route = server.routes.get(self.path)
                if route is None:
                    self.send_error(404, "Not Found")
                    return
                # Counted from the request's arrival until its answer starts: counted until the answer
                # was written, a request whose client had read the whole answer (and sent its next
                # request) was sometimes still counted, and the client seemed to exceed its concurrency.
                with server._lock:
                    server.active += 1
                    server.max_active = max(server.max_active, server.active)
                try:
                    time.sleep(route.delay)
                finally:
                    with server._lock:
                        server.active -= 1
                _answer(self, route)

        return Handler


def _answer(handler: BaseHTTPRequestHandler, route: Route) -> None:
    if route.raw is not None:
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            route.raw(handler)
        handler.close_connection = True
        return
    if route.redirect is not None:
        handler.send_response(302)
        handler.send_header("Location", route.redirect)
        handler.send_header("Content-Length", "0")
        handler.end_headers()
        return
    if _not_modified(handler, route):
        handler.send_response(304)
        handler.end_headers()
        return
    handler.send_response(route.status)
    for name, value in route.headers.items():
        handler.send_header(name, value)
    if route.etag:
        handler.send_header("ETag", route.etag)
    if route.last_modified:
        handler.send_header("Last-Modified", route.last_modified)
    if "Content-Length" not in route.headers:
        handler.send_header("Content-Length", str(len(route.body)))
    handler.end_headers()
    _write_body(handler, route)


def _not_modified(handler: BaseHTTPRequestHandler, route: Route) -> bool:
    if route.etag and handler.headers.get("If-None-Match") == route.etag:
        return True
    return bool(route.last_modified) and handler.headers.get("If-Modified-Since") == route.last_modified


def _write_body(handler: BaseHTTPRequestHandler, route: Route) -> None:
    try:
        if not route.drip:
            handler.wfile.write(route.body)
            return
        for start in range(0, len(route.body), 64):
            handler.wfile.write(route.body[start:start + 64])
            handler.wfile.flush()
            time.sleep(route.drip)
    except (BrokenPipeError, ConnectionResetError):
        pass  # the client gave up, as it should on a slow or oversized response
