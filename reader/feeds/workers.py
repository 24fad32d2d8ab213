"""Runs CPU-heavy, untrusted-input work off the event loop: worker processes, each call under a deadline.

Processes, not threads: parsing and extraction are CPU work that would hold the GIL against the UI, and
input that sends a library into a quadratic regex can only be stopped by ending the process that runs it.
"""

from __future__ import annotations

import asyncio
import contextlib
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import BrokenExecutor, Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from functools import partial
from typing import Any, TypeVar

from reader.text.messages import _

T = TypeVar("T")


def start_method() -> str:
    """forkserver where it exists: forking a process that runs threads (the TUI's workers) is unsafe."""
    return "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"


@contextlib.contextmanager
def real_stderr() -> Iterator[None]:
    """Give sys.stderr its real file back while multiprocessing's resource tracker starts.

    The resource tracker passes sys.stderr's descriptor to the process it starts; inside a Textual app
    (or under pytest's capture) sys.stderr is a capture object whose descriptor is -1 and starting it fails
    ("bad value(s) in fds_to_keep"). It starts with a pool's first locks (see WorkerPool._pool); the fork
    server and the workers need no stderr of ours. The swap is process-wide, so it must stay short:
    anything another thread prints meanwhile goes to the real stderr, past the capture.
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


@contextlib.contextmanager
def sigint_blocked() -> Iterator[None]:
    """Hold back SIGINT on this thread while it starts worker processes, which inherit the blocked mask.

    Ctrl-C at a terminal reaches the whole process group. The parent stops its workers itself; a worker
    interrupted by it would die mid-task or, worse, right after BEGIN IMMEDIATE with the write lock held
    while the other waits 30 s. The fork server is started this way too (multiprocessing's resource
    tracker does the same), so it and every worker it forks never see SIGINT; this thread gets a SIGINT
    that came meanwhile as soon as the mask is restored.
    """
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _retrieve(future: asyncio.Future[Any]) -> None:
    """Mark a call's outcome as seen: one nobody waits for any more (its caller was cancelled, its pool
    killed) would otherwise be logged as 'Future exception was never retrieved'."""
    if not future.cancelled():
        future.exception()


class WorkerError(Exception):
    """The work did not finish: too slow, or its process died."""


# Calls handed to each worker at once: one running and one waiting in its queue, so a worker starts its
# next call as soon as it finishes one instead of idling through a round trip to this process (6-7 ms a
# call on a busy machine: with one call a worker, the parse workers of a refresh idled half the time).
CALLS_PER_WORKER = 2

_STARTS: Any = None  # in a worker process: the start times of its pool's calls (see _Pool)


def _init_worker(starts: Any) -> None:
    global _STARTS
    _STARTS = starts
    # Also where the mask is not inherited (the spawn start method): the parent stops its workers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_exit_with, args=(parent,), name="parent-watch", daemon=True).start()


def _exit_with(parent: multiprocessing.process.BaseProcess) -> None:
    """End this worker once the process that uses it is gone.

    A process killed with -9 cannot stop its workers, and they would wait for work forever: each holds
    its own end of the pipe its work comes through, so it never sees the pipe close.
    """
    parent.join()
    os._exit(0)


def _timed(starts: Any, slot: int, func: Callable[..., T], args: tuple[Any, ...], kwargs: dict[str, Any]) -> T:
    """Record when the call starts (the deadline counts from there), then make it."""
    (starts if starts is not None else _STARTS)[slot] = time.monotonic()  # one clock for every process
    return func(*args, **kwargs)


class _Pool:
    """An executor and, per call in flight, the monotonic time its worker started it (0.0: not yet).

    Worker processes start on a thread of their own as soon as the pool exists: starting the first one
    waits for the fork server to import the modules it preloads (0.1-0.3 s), which on the event loop's
    thread would stall every fetch; until they are up (`ready`), calls are handed over from a thread too.
    That thread is not a daemon: `close` and, at the latest, the interpreter's exit wait for it, so the
    process never exits while it is inside the C code that starts a process.
    """

    def __init__(self, workers: int, processes: bool) -> None:
        size = workers * CALLS_PER_WORKER
        self.ready = threading.Event()
        if processes:
            context = multiprocessing.get_context(start_method())
            self.starts: Any = context.RawArray("d", size)  # shared memory, handed to each worker at start
            self.executor: Executor = ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker,
                                                          initargs=(self.starts,))
            self.local: Any = None
            self.starter: threading.Thread | None = threading.Thread(
                target=self._start_workers, args=(workers,), name="worker-start", daemon=False)
            self.starter.start()
        else:
            self.starts = self.local = [0.0] * size
            self.executor = ThreadPoolExecutor(workers, thread_name_prefix="worker")
            self.starter = None
            self.ready.set()
        # A slot is never reused once its call is abandoned: a late start cannot be mistaken for another's.
        self.free = list(range(size))

    def _start_workers(self, workers: int) -> None:
        try:
            with sigint_blocked():
                for _ in range(workers):  # each submit starts a process while none is idle
                    self.executor.submit(int)
        except (BrokenExecutor, RuntimeError):
            pass  # shut down or broken meanwhile: the next call reports it
        finally:
            self.ready.set()

    async def submit(self, loop: asyncio.AbstractEventLoop, call: Callable[[], T]) -> asyncio.Future[T]:
        """Hand a call to the executor without blocking the loop while the workers start."""
        if self.ready.is_set():
            handed = self._submit(call)
        else:
            # It may start a worker process, which waits for the fork server: off the loop's thread.
            handed = await asyncio.to_thread(self._submit, call)
        future = asyncio.wrap_future(handed, loop=loop)
        future.add_done_callback(_retrieve)
        return future

    def _submit(self, call: Callable[[], T]) -> Future[T]:
        with sigint_blocked():  # a submit may start a worker process
            return self.executor.submit(call)

    def join_starter(self) -> None:
        """Wait until the thread starting the workers is done (it ends once they are up, or the pool shut)."""
        if self.starter is not None and self.starter is not threading.current_thread():
            self.starter.join()


class _Resubmit(Exception):
    """The call's pool was retired before the call started: make it again in a fresh pool."""


class WorkerPool:
    """A lazily started pool; `processes=False` runs the work in threads instead (cheaper, unkillable)."""

    def __init__(self, *, workers: int | None = None, deadline: float = 10.0, processes: bool = True) -> None:
        self.workers = workers or max(1, os.cpu_count() or 1)
        self.deadline = deadline
        self.processes = processes
        self._current: _Pool | None = None
        self._retired: list[_Pool] = []  # pools with a worker stuck on hostile input
        self._awaited: dict[_Pool, int] = {}  # calls still waited for, per pool
        self._slots: tuple[asyncio.AbstractEventLoop, asyncio.Semaphore] | None = None

    def _pool(self) -> _Pool:
        if self._current is not None and not self._current.free:
            self._retire(self._current)  # every slot taken by a call given up (cancelled) mid-way
        if self._current is None:
            with real_stderr():  # its locks start multiprocessing's resource tracker process
                self._current = _Pool(self.workers, self.processes)
        return self._current

    async def run(self, func: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """func(*args, **kwargs) in a worker; WorkerError when it overruns the deadline or its worker dies.

        The deadline counts from when a worker starts the call: a call waiting for one (behind a stuck
        call, or behind many others) is never charged for the wait.
        """
        loop = asyncio.get_running_loop()
        async with self._free_worker(loop):
            while True:
                try:
                    return await self._attempt(loop, func, args, kwargs)
                except _Resubmit:
                    continue

    async def _attempt(self, loop: asyncio.AbstractEventLoop, func: Callable[..., T], args: tuple[Any, ...],
                       kwargs: dict[str, Any]) -> T:
        pool = self._pool()
        slot = pool.free.pop()
        pool.starts[slot] = 0.0
        self._awaited[pool] = self._awaited.get(pool, 0) + 1
        finished = False
        try:
            future = await pool.submit(loop, partial(_timed, pool.local, slot, func, args, kwargs))
            result = await self._outcome(future, pool, slot)
            finished = True
            return result
        except TimeoutError:
            self._retire(pool)
            seconds = f"{self.deadline:g}"
            raise WorkerError(_("took longer than {seconds} s; abandoned").format(seconds=seconds)) from None
        except BrokenExecutor:
            # A worker died (killed, out of memory): this call fails, the next one gets a new pool.
            self._retire(pool)
            raise WorkerError(_("the worker process died")) from None
        finally:
            if finished:
                pool.free.append(slot)
            self._awaited[pool] -= 1
            if not self._awaited[pool]:
                del self._awaited[pool]
            self._reap()

    async def _outcome(self, future: asyncio.Future[T], pool: _Pool, slot: int) -> T:
        """The call's result once it is done; TimeoutError once it has run for the deadline."""
        waited = 0.0
        while True:
            begun = pool.starts[slot]
            # Not started yet: look again soon (it starts as soon as a worker is free, or its pool is retired).
            step = begun + self.deadline - time.monotonic() if begun else min(self.deadline, 0.25)
            done, _ = await asyncio.wait({future}, timeout=max(step, 0.0))
            if done:
                return future.result()
            begun = pool.starts[slot]
            if begun and time.monotonic() >= begun + self.deadline:
                raise TimeoutError
            waited += step
            # Not started while its pool was retired, or in twice the deadline (its workers are stuck on
            # calls nobody waits for any more): it runs again in a fresh pool, its wait never charged.
            if not begun and (pool is not self._current or waited >= 2 * self.deadline):
                future.cancel()
                self._retire(pool)
                raise _Resubmit

    def start(self) -> None:
        """Start the workers now, in the background, for calls that are sure to come."""
        self._pool()

    def _free_worker(self, loop: asyncio.AbstractEventLoop) -> asyncio.Semaphore:
        """CALLS_PER_WORKER calls per worker at a time (a semaphore per event loop: they cannot be shared)."""
        if self._slots is None or self._slots[0] is not loop:
            self._slots = (loop, asyncio.Semaphore(self.workers * CALLS_PER_WORKER))
        return self._slots[1]

    def _retire(self, pool: _Pool) -> None:
        """Send new work to a fresh pool, so nothing queues behind a stuck worker."""
        if self._current is pool:
            self._retired.append(pool)
            self._current = None

    def _reap(self) -> None:
        """End each retired pool once no call waits on it, so a stuck worker stops taking a core at once."""
        for pool in [p for p in self._retired if p not in self._awaited]:
            self._retired.remove(pool)
            _terminate(pool.executor)

    def close(self, *, wait: bool = True) -> None:
        """Stop the workers; ones stuck on hostile input are killed rather than waited for.

        wait=False kills every worker at once (a Ctrl-C: nothing waits for a call to finish). A worker's
        task is one transaction, so a killed one loses only what it had not committed.
        """
        pools = [self._current] if self._current is not None else []
        if self._current is not None:
            if wait:
                self._current.executor.shutdown(wait=True, cancel_futures=True)
            else:
                _terminate(self._current.executor)
            self._current = None
        for pool in self._retired:
            _terminate(pool.executor)
            pools.append(pool)
        self._retired.clear()
        for pool in pools:
            pool.join_starter()


def _terminate(executor: Executor) -> None:
    """Kill a pool's processes (threads cannot be killed: they are left to finish) and let it go."""
    # The executor has no public way to end a busy worker before Python 3.14.
    processes = getattr(executor, "_processes", None) or {}
    for process in list(processes.values()):
        process.terminate()
    # With its processes dead, the pool's manager thread ends at once: waiting for it (milliseconds) means
    # it is not still closing its pipes when the interpreter exits, where Python 3.11's exit handler would
    # write to one just closed ('Exception ignored in threading._shutdown ... Bad file descriptor').
    executor.shutdown(wait=isinstance(executor, ProcessPoolExecutor), cancel_futures=True)
