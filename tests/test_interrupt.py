"""Ctrl-C: a refresh ends within a second with one line and status 130; no worker, lock or transaction is
left behind; the workers never see the signal (the parent stops them)."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from reader.feeds.workers import WorkerPool
from reader.store import Store, StoreError
from tests.conftest import item, rss
from tests.server import FeedServer, Route


class _Interrupting:
    """A connection that raises `error` right after it has run `after` (as a Ctrl-C would land there)."""

    def __init__(self, conn: sqlite3.Connection, after: str, error: BaseException) -> None:
        self._conn = conn
        self._after = after
        self._error = error

    @property
    def in_transaction(self) -> bool:
        return self._conn.in_transaction

    def execute(self, sql: str, *args: Any) -> sqlite3.Cursor:
        if sql == self._after == "COMMIT":
            raise self._error  # the COMMIT itself fails (a full disk), the transaction still open
        cursor = self._conn.execute(sql, *args)
        if sql == self._after:
            raise self._error
        return cursor


@pytest.mark.parametrize(("after", "error", "raised"), [
    ("BEGIN IMMEDIATE", KeyboardInterrupt(), KeyboardInterrupt),
    ("COMMIT", sqlite3.OperationalError("database or disk is full"), StoreError),
])
def test_no_exception_anywhere_in_a_transaction_leaves_it_open(tmp_path: Path, after: str, error: BaseException,
                                                                raised: type[BaseException]) -> None:
    store = Store(tmp_path / "cache.db")
    real = store._conn
    store._conn = _Interrupting(real, after, error)  # type: ignore[assignment]
    with pytest.raises(raised), store.transaction() as conn:
        conn.execute("INSERT INTO refreshes (started, finished) VALUES (1, 2)")
    assert not real.in_transaction
    other = sqlite3.connect(tmp_path / "cache.db", timeout=0)  # the write lock is free at once
    other.execute("BEGIN IMMEDIATE")
    assert other.execute("SELECT count(*) FROM refreshes").fetchone()[0] == 0
    other.rollback()
    store._conn = real
    store.close()


def _sigint_held_back(pid: int) -> bool:
    """Whether SIGINT is blocked or ignored in a process (its /proc status masks)."""
    fields = dict(line.split(":\t", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines()
                  if ":\t" in line)
    bit = 1 << (signal.SIGINT - 1)
    return bool((int(fields["SigBlk"], 16) | int(fields["SigIgn"], 16)) & bit)


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads /proc")
async def test_a_worker_never_sees_ctrl_c() -> None:
    pool = WorkerPool(workers=1, deadline=10.0)
    try:
        pid = await pool.run(os.getpid)
        assert _sigint_held_back(pid)
        os.kill(pid, signal.SIGINT)  # what a terminal's Ctrl-C sends to the whole process group
        time.sleep(0.2)
        assert await pool.run(os.getpid) == pid  # alive, and still working
    finally:
        pool.close()


def _session_processes(session: int) -> list[int]:
    """The processes still alive in a session (the command's forkserver, workers, resource tracker)."""
    alive = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            fields = stat.rsplit(")", 1)[1].split()
            if int(fields[3]) == session and fields[0] != "Z":
                alive.append(int(entry.name))
    return alive


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_ctrl_c_ends_a_cold_refresh_within_a_second_with_one_line(tmp_path: Path,
                                                                  feed_server: FeedServer) -> None:
    long_text = "<p>" + "Il racconto della partita, minuto per minuto. " * 40 + "</p>"
    for n in range(40):
        items = [item(n * 100 + k, description=long_text) for k in range(60)]
        feed_server.routes[f"/f{n}"] = Route(rss(items), delay=0.05 * (n % 8))
    config = tmp_path / "feeds.toml"
    config.write_text("[settings]\nconcurrency = 4\n" + "".join(
        f'[[feeds]]\nname = "F{n}"\nurl = "{feed_server.url(f"/f{n}")}"\n' for n in range(40)), encoding="utf-8")
    waits, interrupted = [], 0
    for run, delay in enumerate((0.3, 0.6, 0.9, 1.2, 1.6)):
        data = tmp_path / f"data{run}"
        process = subprocess.Popen([sys.executable, "-m", "reader", "--config", str(config), "--data-dir", str(data),
                                    "refresh", "-q"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                   start_new_session=True)
        time.sleep(delay)
        os.killpg(process.pid, signal.SIGINT)
        sent = time.monotonic()
        process.wait(timeout=60)  # the prompt is back (the fork server may take a moment more to notice)
        waits.append(time.monotonic() - sent)
        out, err = process.communicate(timeout=60)
        if process.returncode == 0:
            continue  # it had finished before the signal: nothing to check on this run
        assert (process.returncode, out, err) == (130, "", "sportreader: interrotto\n"), f"after {delay} s"
        interrupted += 1
        time.sleep(0.3)
        assert _session_processes(process.pid) == [], "a worker outlived its parent"
        if not (data / "sportreader.db").exists():
            continue  # interrupted before the cache was made
        conn = sqlite3.connect(data / "sportreader.db", timeout=0)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.execute("BEGIN IMMEDIATE")  # nobody holds the write lock
        conn.rollback()
        conn.close()
    assert interrupted >= 3  # the refresh lasts ~2 s: most signals land in it
    assert max(waits) < 1.0, waits
