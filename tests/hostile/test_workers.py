"""What hostile input does to the worker pool: a stuck call costs only itself.

The slow catalogue feeds (feedparser's quadratic author and category handling) keep a worker busy for
20-40 s. A call waiting behind one must not be charged for the wait, and the stuck process must stop
taking a core as soon as nothing waits on it.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader.feeds.workers import WorkerError, WorkerPool


async def test_a_call_queued_behind_a_stuck_one_gets_its_full_deadline() -> None:
    pool = WorkerPool(workers=1, deadline=2.0)
    try:
        stuck, queued = await asyncio.gather(pool.run(time.sleep, 30), pool.run(time.sleep, 0.1),
                                             return_exceptions=True)
    finally:
        pool.close()
    assert isinstance(stuck, WorkerError) and str(stuck) == "took longer than 2 s; abandoned"
    assert queued is None  # it waited 2 s for a worker, then ran (in a fresh process) within its own deadline


async def test_a_stuck_worker_is_ended_as_soon_as_nothing_waits_on_it() -> None:
    pool = WorkerPool(workers=1, deadline=1.5)  # room for a worker to start on a busy machine
    try:
        assert await pool.run(abs, -1) == 1  # the worker is up
        started = set(multiprocessing.active_children())
        assert started
        with pytest.raises(WorkerError):
            await pool.run(time.sleep, 30)
        await asyncio.sleep(0.5)
        assert not started & set(multiprocessing.active_children())  # killed, not left to run 30 s
        assert await pool.run(abs, -2) == 2  # and the next call has a fresh worker
    finally:
        pool.close()


async def test_calls_handed_to_a_busy_worker_early_are_charged_only_from_their_start() -> None:
    # Two calls per worker are in flight (one queued in the worker): each still gets the whole deadline.
    pool = WorkerPool(workers=1, deadline=1.0)
    try:
        results = await asyncio.gather(*(pool.run(time.sleep, 0.6) for _ in range(3)), return_exceptions=True)
    finally:
        pool.close()
    assert results == [None, None, None]  # 1.8 s in all, 0.6 s each


async def test_a_call_behind_a_worker_nobody_waits_for_runs_in_a_fresh_pool() -> None:
    pool = WorkerPool(workers=1, deadline=1.0)
    try:
        assert await pool.run(abs, -1) == 1
        started = set(multiprocessing.active_children())
        abandoned = asyncio.ensure_future(pool.run(time.sleep, 30))
        await asyncio.sleep(0.3)
        abandoned.cancel()  # the worker stays busy, and no deadline will ever retire its pool
        began = time.monotonic()
        assert await pool.run(abs, -3) == 3  # not started within twice the deadline: made again elsewhere
        assert time.monotonic() - began < 6
        await asyncio.sleep(0.5)
        assert not started & set(multiprocessing.active_children())  # the busy worker was ended
    finally:
        pool.close()


async def test_start_brings_workers_up_before_the_first_call() -> None:
    pool = WorkerPool(workers=2, deadline=5.0)
    try:
        before = set(multiprocessing.active_children())
        pool.start()  # returns at once: the processes start on a thread
        for _ in range(200):
            if set(multiprocessing.active_children()) - before:
                break
            await asyncio.sleep(0.05)
        assert set(multiprocessing.active_children()) - before
        assert await pool.run(abs, -4) == 4
    finally:
        pool.close()


KILLED_USER = """
import asyncio, multiprocessing, os, signal
from reader.feeds.workers import WorkerPool

async def main():
    pool = WorkerPool(workers=2, deadline=5.0)
    await asyncio.gather(pool.run(abs, -1), pool.run(abs, -2))
    print(" ".join(str(p.pid) for p in multiprocessing.active_children()), flush=True)
    os.kill(os.getpid(), signal.SIGKILL)

if __name__ == "__main__":
    asyncio.run(main())
"""


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().split()[2] != "Z"  # a zombie has ended
    except FileNotFoundError:
        return False


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="reads /proc")
def test_workers_end_when_the_process_using_them_is_killed(tmp_path: Path) -> None:
    script = tmp_path / "user.py"
    script.write_text(KILLED_USER, encoding="utf-8")
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=60)
    assert done.returncode == -signal.SIGKILL
    workers = [int(pid) for pid in done.stdout.split()]
    assert workers
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [pid for pid in workers if _alive(pid)]


CAPTURED_USER = """
import asyncio, io, sys
from reader.feeds.workers import WorkerPool

class Capture(io.StringIO):
    def fileno(self):
        return -1  # as Textual's stderr capture answers

async def main():
    pool = WorkerPool(workers=2, deadline=5.0)
    pool.start()
    results = await asyncio.gather(*(pool.run(abs, -n) for n in range(4)))
    pool.close()
    return results

if __name__ == "__main__":
    real, sys.stderr = sys.stderr, Capture()
    results = asyncio.run(main())
    leaked, sys.stderr = sys.stderr.getvalue(), real
    print(results, repr(leaked))
"""


def test_workers_start_in_a_process_whose_stderr_is_captured(tmp_path: Path) -> None:
    # A fresh process, so that multiprocessing's resource tracker has to start under the capture.
    script = tmp_path / "captured.py"
    script.write_text(CAPTURED_USER, encoding="utf-8")
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "[0, 1, 2, 3] ''"
