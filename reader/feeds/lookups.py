"""Name lookups (getaddrinfo) that no exit waits for.

getaddrinfo cannot be cancelled. asyncio runs it on the loop's default executor, whose threads
asyncio.run and the interpreter join at exit: with no network (a resolver that never answers), quitting
or a Ctrl-C during a refresh waited 2-5 s for lookups nobody wanted any more. The event loops made here
(`new_event_loop`, `run`) run each lookup on a daemon thread of its own and await its answer: cancelling
the wait, the thread is left to finish alone.

Such a thread is then the one thread of ours that may still be inside C code when the process exits,
where exit() tears the C libraries down under it (see tls.py for what that does to OpenSSL). So if a
lookup is still running once the interpreter has run its exit handlers, the process ends right there
with os._exit, its output flushed and the status it was leaving with. The handler is registered when
this module is first imported (reader.feeds does it first thing), before multiprocessing's: handlers run
last-registered first, so the worker pools' own clean-up has run by then.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import sys
import threading
from collections.abc import Coroutine
from typing import TYPE_CHECKING, Any, TypeVar

# Imported where used (socket, asyncio): the command line imports this module at start-up, to
# register the exit handler early; a `list` needs none of them.

if TYPE_CHECKING:
    import asyncio

T = TypeVar("T")
Address = tuple[Any, ...]

_lock = threading.Lock()
_running = 0  # lookups whose thread has not returned yet
_exit_status = 0


def running() -> int:
    """How many lookups are still waiting for the resolver."""
    return _running


def set_exit_status(status: int) -> None:
    """The status the process exits with, in case it must leave early (see the module's docstring)."""
    global _exit_status
    _exit_status = status


async def getaddrinfo(loop: asyncio.AbstractEventLoop, host: bytes | str | None, port: bytes | str | int | None,
                      family: int = 0, type: int = 0, proto: int = 0, flags: int = 0) -> list[Address]:
    """socket.getaddrinfo on a thread of its own; an address in numbers is read at once, on this thread."""
    global _running
    import socket

    if _numeric(socket, host):
        return socket.getaddrinfo(host, port, family, type, proto, flags | socket.AI_NUMERICHOST)
    answer: asyncio.Future[list[Address]] = loop.create_future()

    def settle(result: list[Address] | None, error: BaseException | None) -> None:
        if answer.done():  # the wait was cancelled
            return
        if error is not None:
            answer.set_exception(error)
        else:
            answer.set_result(result or [])

    def look_up() -> None:
        global _running
        try:
            result, error = socket.getaddrinfo(host, port, family, type, proto, flags), None
        except Exception as exc:  # handed to whoever still waits
            result, error = None, exc
        finally:
            with _lock:
                _running -= 1
        with contextlib.suppress(RuntimeError):  # the loop is closed: nobody waits any more
            loop.call_soon_threadsafe(settle, result, error)

    with _lock:
        _running += 1
    try:
        threading.Thread(target=look_up, name="lookup", daemon=True).start()
    except BaseException:
        with _lock:
            _running -= 1
        raise
    return await answer


def _numeric(socket: Any, host: bytes | str | None) -> bool:
    """Whether the host is an address in numbers (IPv4, IPv6, with or without a scope), read without asking."""
    if host is None:
        return True
    text = host.decode("ascii", "replace") if isinstance(host, bytes) else host
    text = text.split("%", 1)[0]  # an IPv6 scope ("fe80::1%eth0") is numeric too
    for family in (socket.AF_INET, socket.AF_INET6):
        try:
            socket.inet_pton(family, text)
        except (OSError, ValueError):
            continue
        return True
    return False


_LOOP_CLASS: type[asyncio.AbstractEventLoop] | None = None


def new_event_loop() -> asyncio.AbstractEventLoop:
    """An event loop whose name lookups no exit waits for (for the app's background loop too)."""
    global _LOOP_CLASS
    if _LOOP_CLASS is None:
        import asyncio

        class LookupLoop(asyncio.SelectorEventLoop):
            async def getaddrinfo(self, host: bytes | str | None, port: bytes | str | int | None, *,
                                  family: int = 0, type: int = 0, proto: int = 0,
                                  flags: int = 0) -> list[Address]:
                return await getaddrinfo(self, host, port, family, type, proto, flags)

        _LOOP_CLASS = LookupLoop
    return _LOOP_CLASS()


def run(coro: Coroutine[Any, Any, T]) -> T:
    """asyncio.run on such a loop (a Ctrl-C cancels the coroutine, then raises KeyboardInterrupt)."""
    import asyncio

    with asyncio.Runner(loop_factory=new_event_loop) as runner:
        return runner.run(coro)


def _leave_if_looking_up() -> None:
    if not _running:
        return
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(_exit_status)


atexit.register(_leave_if_looking_up)
