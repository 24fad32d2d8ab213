"""The TLS context of every HTTPS request, built once per process.

Building it reads the CA bundle (~25 ms). `build_early` starts that on a thread once a refresh is sure to
fetch: OpenSSL reads the bundle without holding the GIL, beside the imports still to come (httpx), and the
first request leaves ~25 ms sooner. It imports only ssl and certifi: importing httpx there would hold the
GIL against the caller's own imports and gain nothing (measured).

The thread is not a daemon, so the interpreter joins it before the process exits. A daemon one could
still be inside OpenSSL when exit() runs OPENSSL_cleanup, which frees the tables it reads: `refresh` ended
in SIGSEGV or a double free in 6 % of the runs that stopped early (a config error, an unknown feed).
"""

from __future__ import annotations

import os
import threading
from concurrent.futures import Future
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import ssl

_context: Future[ssl.SSLContext] | None = None
_lock = threading.Lock()


def build_early() -> None:
    """Start building the context on a thread, unless something has built it already."""
    _future(threaded=True)


def context() -> ssl.SSLContext:
    """The context: the one built early, or one built now. An error building it is raised here."""
    return _future(threaded=False).result()


def _future(*, threaded: bool) -> Future[ssl.SSLContext]:
    global _context
    with _lock:
        if _context is None:
            _context = Future()
            if threaded:
                # Not a daemon: see the module's docstring. The wait it may add at exit is the rest of ~25 ms.
                threading.Thread(target=_build, args=(_context,), name="tls-context", daemon=False).start()
            else:
                _build(_context)
        return _context


def _build(future: Future[ssl.SSLContext]) -> None:
    try:
        future.set_result(_default_context())
    except BaseException as exc:  # handed to whoever asks for the context
        future.set_exception(exc)


def _default_context() -> ssl.SSLContext:
    """What httpx builds by default: certificates verified against SSL_CERT_FILE, SSL_CERT_DIR or certifi."""
    import ssl

    import certifi

    if os.environ.get("SSL_CERT_FILE"):
        return ssl.create_default_context(cafile=os.environ["SSL_CERT_FILE"])
    if os.environ.get("SSL_CERT_DIR"):
        return ssl.create_default_context(capath=os.environ["SSL_CERT_DIR"])
    return ssl.create_default_context(cafile=certifi.where())
