"""The store under a concurrent cron refresh and a killed process: consistent, no marks lost, no 'locked'."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from reader.models import FeedSpec
from reader.store import Filter, Store
from tests.conftest import item, rss
from tests.server import FeedServer, Route

WRITER = textwrap.dedent("""
    import sys
    from datetime import UTC, datetime
    from pathlib import Path
    from reader.models import FeedSpec
    from reader.store import EntryRecord, Store
    store = Store(Path(sys.argv[1]))
    name = sys.argv[2]
    store.sync_feeds([FeedSpec(name, "http://127.0.0.1/")])
    for n in range(150):
        record = EntryRecord(f"{name}-{n}", f"Titolo {n}", "", "", "testo " * 50, "", (), datetime.now(UTC), None)
        store.save_entries(name, [record], now=datetime.now(UTC))
        ids = [p.id for p in store.previews(limit=5)]
        store.set_read(ids)
    print("done")
""")


def test_two_processes_write_at_once_without_lock_errors(tmp_path: Path) -> None:
    db = tmp_path / "shared.db"
    Store(db).close()
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(db), name], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for name in ("tui", "cron")]
    outputs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [err for _, err in outputs]
    with Store(db) as store:
        assert store.count() == 300


def test_a_refresh_killed_mid_way_leaves_a_consistent_database_with_every_mark(
        feed_server: FeedServer, tmp_path: Path) -> None:
    for n in range(30):
        feed_server.routes[f"/f{n}"] = Route(rss([item(n * 100 + k) for k in range(20)]), delay=0.05 * (n % 10))
    config = tmp_path / "feeds.toml"
    config.write_text("\n".join(f'[[feeds]]\nname = "F{n}"\nurl = "{feed_server.url(f"/f{n}")}"\n'
                                for n in range(30)), encoding="utf-8")
    data = tmp_path / "data"
    db = data / "sportreader.db"
    with Store(db) as store:  # marks made before the crash
        store.sync_feeds([FeedSpec("F0", feed_server.url("/f0"))])
    command = [sys.executable, "-m", "reader", "--config", str(config), "--data-dir", str(data), "refresh", "-q"]
    subprocess.run(command, check=True, timeout=120)
    with Store(db) as store:
        marked = [p.id for p in store.previews(limit=40)]
        store.set_read(marked)
        store.set_starred(marked[:10])
    for n in range(30):  # every feed changes, so the next refresh writes a lot
        feed_server.routes[f"/f{n}"] = Route(rss([item(n * 100 + k, title=f"Nuovo {k}") for k in range(20)]),
                                             delay=0.05 * (n % 10))
    victim = subprocess.Popen(command)
    time.sleep(1.2)
    victim.send_signal(signal.SIGKILL)
    victim.wait(timeout=30)
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    with Store(db) as store:
        assert store.count(Filter(starred_only=True)) == 10
        still_read = {p.id for p in store.previews(limit=1000) if p.read}
        assert set(marked) <= still_read


def test_worker_processes_start_under_a_captured_stderr() -> None:
    """Inside Textual sys.stderr has no descriptor (-1); starting the worker pool must still work."""
    import subprocess
    import sys

    code = """
import asyncio, io, sys
from reader.feeds.workers import WorkerPool

class Capture(io.StringIO):
    def fileno(self):
        return -1

sys.stderr = Capture()
print(asyncio.run(WorkerPool(workers=1).run(sum, [1, 2, 3])))
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "6"
