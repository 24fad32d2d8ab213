"""Runs CPU-heavy, untrusted-input work off the event loop: worker processes, each call under a deadline.

Processes, not threads: parsing and extraction are CPU work that would hold the GIL against the UI, and
input that sends a library into a quadratic regex can only be stopped by ending the process that runs it.
"""

from __future__ import annotations

import asyncio
import contextlib
import multiprocessing
import os
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import BrokenExecutor, Executor, ProcessPoolExecutor, ThreadPoolExecutor
from functools import partial
from typing import Any, TypeVar

T = TypeVar("T")


def start_method() -> str:
    """forkserver where it exists: forking a process that runs threads (the TUI's workers) is unsafe."""
    return "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"


@contextlib.contextmanager
def real_stderr() -> Iterator[None]:
    """Give sys.stderr its real file back while worker processes start.

    The fork server and the resource tracker pass sys.stderr's descriptor to the process they start;
    inside a Textual app sys.stderr is a capture object whose descriptor is -1 and starting them fails
    ("bad value(s) in fds_to_keep"). Swapped for the few milliseconds of a submit only.
    """
    try:
        usable = sys.stderr is not None and sys.stderr.fileno() >= 0
    except (AttributeError, OSError, ValueError):
        usable = False
    if usable or sys.__stderr__ is None:
        yield
        return
    saved, sys.stderr = sys.stderr, sys.__stderr__
    try:
        yield
    finally:
        sys.stderr = saved


class WorkerError(Exception):
    """The work did not finish: too slow, or its process died."""


class WorkerPool:
    """A lazily started pool; `processes=False` runs the work in threads instead (cheaper, unkillable)."""

    def __init__(self, *, workers: int | None = None, deadline: float = 10.0, processes: bool = True) -> None:
        self.workers = workers or max(1, os.cpu_count() or 1)
        self.deadline = deadline
        self.processes = processes
        self._executor: Executor | None = None
        self._retired: list[Executor] = []  # pools with a worker stuck on hostile input
        self._awaited: dict[Executor, int] = {}  # calls still waited for, per pool
        self._slots: tuple[asyncio.AbstractEventLoop, asyncio.Semaphore] | None = None

    def _pool(self) -> Executor:
        if self._executor is None:
            if self.processes:
                context = multiprocessing.get_context(start_method())
                self._executor = ProcessPoolExecutor(self.workers, mp_context=context)
            else:
                self._executor = ThreadPoolExecutor(self.workers, thread_name_prefix="worker")
        return self._executor

    async def run(self, func: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """func(*args, **kwargs) in a worker; WorkerError when it overruns the deadline or its worker dies.

        The deadline counts from when a worker is free: a call waiting for one (behind a stuck call, or
        behind many others) is never charged for the wait.
        """
        loop = asyncio.get_running_loop()
        async with self._free_worker(loop):
            with real_stderr():  # the pool and its processes start here
                executor = self._pool()
            self._awaited[executor] = self._awaited.get(executor, 0) + 1
            try:
                with real_stderr():
                    future = loop.run_in_executor(executor, partial(func, *args, **kwargs))
                return await asyncio.wait_for(future, self.deadline)
            except TimeoutError:
                self._retire(executor)
                raise WorkerError(f"took longer than {self.deadline:g} s; abandoned") from None
            except BrokenExecutor:
                # A worker died (killed, out of memory): this call fails, the next one gets a new pool.
                self._retire(executor)
                raise WorkerError("the worker process died") from None
            finally:
                self._awaited[executor] -= 1
                if not self._awaited[executor]:
                    del self._awaited[executor]
                self._reap()

    def _free_worker(self, loop: asyncio.AbstractEventLoop) -> asyncio.Semaphore:
        """One call per worker at a time (a semaphore per event loop: they cannot be shared)."""
        if self._slots is None or self._slots[0] is not loop:
            self._slots = (loop, asyncio.Semaphore(self.workers))
        return self._slots[1]

    def _retire(self, executor: Executor) -> None:
        """Send new work to a fresh pool, so nothing queues behind a stuck worker."""
        if self._executor is executor:
            self._retired.append(executor)
            self._executor = None

    def _reap(self) -> None:
        """End each retired pool once no call waits on it, so a stuck worker stops taking a core at once."""
        for executor in [e for e in self._retired if e not in self._awaited]:
            self._retired.remove(executor)
            _terminate(executor)

    def close(self) -> None:
        """Stop the workers; ones stuck on hostile input are killed rather than waited for."""
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None
        for executor in self._retired:
            _terminate(executor)
        self._retired.clear()


def _terminate(executor: Executor) -> None:
    """Kill a pool's processes (threads cannot be killed: they are left to finish) and let it go."""
    # The executor has no public way to end a busy worker before Python 3.14.
    processes = getattr(executor, "_processes", None) or {}
    for process in list(processes.values()):
        process.terminate()
    executor.shutdown(wait=False, cancel_futures=True)
