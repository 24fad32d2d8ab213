"""Runs the parser off the event loop: in worker processes, each feed under a deadline.

Processes, not threads: parsing is CPU work that would hold the GIL against the UI, and a feed that
sends feedparser into a quadratic regex can only be stopped by ending the process that runs it.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from datetime import datetime
from functools import partial

from reader.models import ParsedFeed
from reader.parse import FeedParseError, parse_feed

DEFAULT_DEADLINE = 30.0


class ParsePool:
    """A lazily started pool of parser workers; `processes=False` parses in a thread instead."""

    def __init__(self, *, workers: int | None = None, deadline: float = DEFAULT_DEADLINE,
                 processes: bool = True) -> None:
        self.workers = workers or max(1, os.cpu_count() or 1)
        self.deadline = deadline
        self.processes = processes
        self._executor: Executor | None = None
        self._stuck = False

    def _pool(self) -> Executor:
        if self._executor is None:
            if self.processes:
                # forkserver: forking a process that runs threads (the TUI's workers) is unsafe.
                method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
                context = multiprocessing.get_context(method)
                self._executor = ProcessPoolExecutor(self.workers, mp_context=context)
            else:
                self._executor = ThreadPoolExecutor(self.workers, thread_name_prefix="parse")
        return self._executor

    async def parse(self, body: bytes, content_type: str | None, now: datetime) -> ParsedFeed:
        """Parse one body; FeedParseError when it is not a feed or takes longer than the deadline."""
        loop = asyncio.get_running_loop()
        job = partial(parse_feed, body, content_type=content_type, now=now)
        try:
            return await asyncio.wait_for(loop.run_in_executor(self._pool(), job), self.deadline)
        except TimeoutError:
            self._stuck = True
            raise FeedParseError(f"parsing took longer than {self.deadline:g} s; abandoned") from None

    def close(self) -> None:
        """Stop the workers; ones stuck on a hostile feed are killed rather than waited for."""
        executor, self._executor = self._executor, None
        if executor is None:
            return
        if self._stuck and isinstance(executor, ProcessPoolExecutor):
            # The executor has no public way to end a busy worker before Python 3.14.
            for process in list(getattr(executor, "_processes", {}).values()):
                process.terminate()
        executor.shutdown(wait=not self._stuck, cancel_futures=True)
