"""Runs the parser off the event loop: in worker processes, each feed under a deadline.

Processes, not threads: parsing is CPU work that would hold the GIL against the UI, and a feed that
sends feedparser into a quadratic regex can only be stopped by ending the process that runs it.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
from concurrent.futures import BrokenExecutor, Executor, ProcessPoolExecutor, ThreadPoolExecutor
from datetime import datetime
from functools import partial

from reader.models import ParsedFeed
from reader.parse import FeedParseError, parse_feed

DEFAULT_DEADLINE = 10.0  # real feeds parse in well under a second


class ParsePool:
    """A lazily started pool of parser workers; `processes=False` parses in a thread instead."""

    def __init__(self, *, workers: int | None = None, deadline: float = DEFAULT_DEADLINE,
                 processes: bool = True) -> None:
        self.workers = workers or max(1, os.cpu_count() or 1)
        self.deadline = deadline
        self.processes = processes
        self._executor: Executor | None = None
        self._retired: list[Executor] = []  # pools with a worker stuck on a hostile feed

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
            self._retire()
            raise FeedParseError(f"parsing took longer than {self.deadline:g} s; abandoned") from None
        except BrokenExecutor:
            # A worker died (killed, out of memory): this feed fails, the next one gets a new pool.
            self._retire()
            raise FeedParseError("the parser process died on this feed") from None

    def _retire(self) -> None:
        """Send new work to a fresh pool, so nothing queues behind a stuck worker."""
        if self._executor is not None:
            self._retired.append(self._executor)
            self._executor = None

    def close(self) -> None:
        """Stop the workers; ones stuck on a hostile feed are killed rather than waited for."""
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None
        for executor in self._retired:
            # The executor has no public way to end a busy worker before Python 3.14.
            processes = getattr(executor, "_processes", None) or {}
            for process in list(processes.values()):
                process.terminate()
            executor.shutdown(wait=False, cancel_futures=True)
        self._retired.clear()
