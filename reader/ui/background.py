"""An asyncio loop on its own thread, where refreshes and article loads run.

The fetcher, the worker pools and the store's blocking calls live there, so the UI's loop only ever
awaits their results.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Coroutine
from typing import Any, TypeVar

T = TypeVar("T")


class BackgroundLoop:
    """A daemon thread running an event loop; `run` awaits a coroutine on it from another loop."""

    def __init__(self) -> None:
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="sportreader-bg", daemon=True)
        self._thread.start()

    async def run(self, coro: Coroutine[Any, Any, T]) -> T:
        """Run coro on the background loop and await its result from the calling loop."""
        future = asyncio.run_coroutine_threadsafe(coro, self._loop)
        return await asyncio.wrap_future(future)

    def stop(self, cleanup: Coroutine[Any, Any, None] | None = None, timeout: float = 5.0) -> None:
        """Run an optional cleanup coroutine, then stop the loop and the thread."""
        if cleanup is not None:
            # Closing must never keep the app from quitting.
            with contextlib.suppress(Exception):
                asyncio.run_coroutine_threadsafe(cleanup, self._loop).result(timeout)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout)
