"""The TLS context of every HTTPS request, built once per process.

Building it reads the CA bundle, ~30 ms. `build_early` starts that on a thread at the start of a command
that will fetch: the bundle is read without holding the GIL, beside the imports and setup still to come,
instead of while the first requests wait for the client.
"""

from __future__ import annotations

import threading
from concurrent.futures import Future
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import ssl

_context: Future[ssl.SSLContext] | None = None
_lock = threading.Lock()


def build_early() -> None:
    """Start building the context on a thread, if nothing has built it yet."""
    _future(threaded=True)


def context() -> ssl.SSLContext:
    """The context: the one built early, or one built now."""
    return _future(threaded=False).result()


def _future(*, threaded: bool) -> Future[ssl.SSLContext]:
    global _context
    with _lock:
        if _context is None:
            _context = Future()
            if threaded:
                threading.Thread(target=_build, args=(_context,), name="tls-context", daemon=True).start()
            else:
                _build(_context)
        return _context


def _build(future: Future[ssl.SSLContext]) -> None:
    try:
        import httpx  # imported here: on the thread, beside the caller's own imports

        future.set_result(httpx.create_ssl_context())  # httpx's defaults: certifi, or SSL_CERT_FILE/DIR
    except BaseException as exc:  # handed to whoever asks for the context
        future.set_exception(exc)
