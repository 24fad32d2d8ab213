"""The cache's errors said as what they are: a full disk, a read-only folder or file, damage, a file where the
data dir should be, two processes creating it at once. Never "move it away" for a cache that is fine."""

from __future__ import annotations

import hashlib
import os
import pickle
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from reader.feeds import ingest
from reader.feeds.pool import ParsePool
from reader.feeds.refresh import refresh
from reader.models import FeedSpec, FeedStatus, Settings
from reader.settings.config import Config
from reader.store import EntryRecord, Store, StoreError, db
from reader.store.health import state_file
from tests.conftest import item, rss
from tests.server import FeedServer, Route

MOVE_IT_AWAY = ("move it away", "spostalo altrove")


def fill(path: Path, entries: int = 50, feed: str = "Gazzetta") -> None:
    """A cache with `entries` articles of ~2 kB each."""
    with Store(path) as store:
        store.sync_feeds([FeedSpec(feed, "http://127.0.0.1:9/g")])
        now = datetime.now(UTC)
        store.save_entries(feed, [EntryRecord(f"u{n}", f"Titolo {n} della Juventus", f"http://example.org/{n}", "",
                                              "cronaca " * 250 + str(n), "", (), now, None) for n in range(entries)],
                           now=now)


def sportreader(args: list[str], prefix: list[str] | None = None,
                **options: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*(prefix or []), sys.executable, "-m", "reader", *args], capture_output=True, text=True,
                          timeout=120, **options)  # type: ignore[call-overload]


@pytest.fixture
def unprivileged() -> list[str]:
    """A command prefix under which file permissions apply (root ignores them): setpriv drops the two
    capabilities that let root read and write anything."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    prefix = [setpriv or "setpriv", "--bounding-set=-dac_override,-dac_read_search",
              "--inh-caps=-dac_override,-dac_read_search"]
    if setpriv is None or subprocess.run([*prefix, "true"], capture_output=True).returncode != 0:
        pytest.skip("running as root without setpriv: permissions cannot be tested")
    return prefix


@pytest.fixture
def config(tmp_path: Path) -> Path:
    path = tmp_path / "feeds.toml"
    path.write_text('[[feeds]]\nname = "Gazzetta"\nurl = "http://127.0.0.1:9/g"\n', encoding="utf-8")
    return path


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Iterator[Path]:
    data = tmp_path / "data"
    fill(data / "sportreader.db")
    data.chmod(0o555)
    yield data
    data.chmod(0o755)


def test_a_read_only_folder_is_still_read_and_a_refresh_says_why_it_cannot_write(
        read_only_folder: Path, config: Path, unprivileged: list[str]) -> None:
    base = ["--config", str(config), "--data-dir", str(read_only_folder)]
    for command in (["list", "-n", "3"], ["show", "1"], ["search", "Juventus"], ["feeds"], ["list", "--json"]):
        done = sportreader([*base, *command], unprivileged)
        assert done.returncode == 0, (command, done.stderr)
        assert "Juventus" in done.stdout or "Gazzetta" in done.stdout, command
    done = sportreader([*base, "refresh"], unprivileged)
    assert done.returncode == 1
    assert done.stderr.startswith("sportreader: impossibile scrivere in ") and "di sola lettura" in done.stderr
    assert not any(words in done.stderr for words in MOVE_IT_AWAY) and "Traceback" not in done.stderr


def test_a_read_only_cache_file_is_read_and_reported_as_a_permission(tmp_path: Path, config: Path,
                                                                     unprivileged: list[str]) -> None:
    data = tmp_path / "data"
    fill(data / "sportreader.db")
    (data / "sportreader.db").chmod(0o444)
    base = ["--config", str(config), "--data-dir", str(data)]
    assert "Juventus" in sportreader([*base, "list"], unprivileged).stdout
    assert "Gazzetta" in sportreader([*base, "feeds"], unprivileged).stdout
    done = sportreader([*base, "refresh"], unprivileged)
    assert done.returncode == 1 and "permesso negato" in done.stderr, done.stderr
    assert not any(words in done.stderr for words in MOVE_IT_AWAY)


def test_a_data_dir_that_is_a_file_is_a_clear_message(tmp_path: Path, config: Path) -> None:
    a_file = tmp_path / "notes.txt"
    a_file.write_text("appunti\n", encoding="utf-8")
    for data in (a_file, a_file / "inside"):
        done = sportreader(["--config", str(config), "--data-dir", str(data), "list"])
        assert done.returncode == 1
        assert done.stderr == f"sportreader: {a_file} è un file, non una cartella: la cartella dei dati dev'essere " \
                              "una cartella (viene creata se manca)\n"
    assert a_file.read_text(encoding="utf-8") == "appunti\n"


OPENER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from reader.store import Store
    start = float(sys.argv[2])
    while time.time() < start:
        pass
    Store(Path(sys.argv[1])).close()
""")


def test_processes_creating_a_new_cache_at_once_never_fail(tmp_path: Path) -> None:
    import time

    failures = []
    for round_ in range(3):
        path = tmp_path / f"round{round_}" / "sportreader.db"
        start = time.time() + 1.0  # every process waits for the same moment
        procs = [subprocess.Popen([sys.executable, "-c", OPENER, str(path), str(start)], stderr=subprocess.PIPE,
                                  text=True) for _ in range(8)]
        failures += [p.communicate(timeout=120)[1] for p in procs if p.wait(timeout=120) != 0]
        with Store(path) as store:
            assert store.count() == 0
    assert not failures, failures[:2]


def test_a_store_error_crosses_from_a_worker_with_its_message() -> None:
    error = StoreError(db.NEWER, {"path": Path("/x/sportreader.db"), "version": 9, "known": 4})
    again = pickle.loads(pickle.dumps(error))
    assert str(again) == str(error) and again.template == db.NEWER
    assert "schema versione 9" in again.translated(__import__("reader.text.messages", fromlist=["_"])._)


def _a_full_disk(max_pages: int) -> object:
    """db._configure with a page limit: SQLite then fails as on a full disk ('database or disk is full')."""
    configure = db._configure

    def limited(conn: sqlite3.Connection) -> None:
        configure(conn)
        conn.execute(f"PRAGMA max_page_count = {max_pages}")

    return limited


def test_a_full_disk_in_the_parse_workers_is_each_feed_s_error_and_the_refresh_is_recorded(
        tmp_path: Path, feed_server: FeedServer, monkeypatch: pytest.MonkeyPatch) -> None:
    text = "<p>" + "parole della cronaca " * 200 + "</p>"
    feed_server.routes["/piccolo"] = Route(rss([item(1)]))
    feed_server.routes["/grande"] = Route(rss([item(100 + n, description=text) for n in range(60)]))
    feeds = (FeedSpec("piccolo", feed_server.url("/piccolo")), FeedSpec("grande", feed_server.url("/grande")))
    config = Config(path=Path("feeds.toml"), origin="test", settings=Settings(timeout=5.0), feeds=feeds)
    path = tmp_path / "cache.db"
    with Store(path) as store:
        refresh(config, store, feeds=feeds[:1], parse_pool=ParsePool(processes=False))
        pages = store._conn.execute("PRAGMA page_count").fetchone()[0]
        monkeypatch.setattr(db, "_configure", _a_full_disk(pages + 8))  # the workers' connections, made anew
        monkeypatch.setattr(ingest, "_STORE", None)
        report = refresh(config, store, parse_pool=ParsePool(processes=False))
        results = {r.feed: r for r in report.results}
        assert results["grande"].status is FeedStatus.ERROR
        assert results["grande"].error == f"cannot write to {path}: the disk is full; what was stored before is kept"
        assert store.count() == 1  # what was stored before is kept
        assert {f.name: f.status for f in store.feeds_overview()}["grande"] == "error"  # and the refresh recorded


def _limit_file_size(limit: int) -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG) instead of killing
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


def test_a_write_that_fails_in_a_worker_process_ends_the_refresh_with_its_summary(
        tmp_path: Path, feed_server: FeedServer) -> None:
    text = "<p>" + "parole della cronaca " * 200 + "</p>"
    for n in range(12):
        feed_server.routes[f"/f{n}"] = Route(rss([item(n * 1000 + k, description=text) for k in range(40)]))
    config = tmp_path / "feeds.toml"
    config.write_text('[[feeds]]\nname = "F0"\nurl = "' + feed_server.url("/f0") + '"\n', encoding="utf-8")
    data = tmp_path / "data"
    base = ["--config", str(config), "--data-dir", str(data)]
    assert sportreader([*base, "refresh"]).returncode == 0
    size = (data / "sportreader.db").stat().st_size
    config.write_text("".join(f'[[feeds]]\nname = "F{n}"\nurl = "{feed_server.url(f"/f{n}")}"\n' for n in range(12)),
                      encoding="utf-8")
    done = sportreader([*base, "refresh"], preexec_fn=lambda: _limit_file_size(size + 300_000),
                       env={**os.environ, "COLUMNS": "500"})
    assert "Traceback" not in done.stderr and done.returncode in (0, 1), done.stderr[-2000:]
    errors = [line for line in done.stdout.splitlines() if "errore" in line]
    assert errors and all(str(data / "sportreader.db") in line for line in errors), done.stdout
    assert "12 feed in" in done.stdout  # the summary
    with Store(data / "sportreader.db") as store:
        assert store.count() >= 40  # F0's articles, and every feed that fitted
        assert store.last_refresh() is not None


def _digest(path: Path) -> str:
    return hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()


def _damage_the_middle(path: Path) -> None:
    with path.open("r+b") as file:
        file.seek(path.stat().st_size // 2)
        file.write(os.urandom(16384))


def test_damage_met_by_a_command_is_reported_and_nothing_writes_to_the_file_again(tmp_path: Path,
                                                                                  config: Path) -> None:
    data = tmp_path / "data"
    fill(data / "sportreader.db", entries=3000)
    _damage_the_middle(data / "sportreader.db")
    base = ["--config", str(config), "--data-dir", str(data)]
    done = sportreader([*base, "search", "cronaca"])
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.startswith(f"sportreader: {data / 'sportreader.db'} è danneggiato ("), done.stderr
    assert state_file(data / "sportreader.db").read_bytes().strip() == b"damaged"
    before = _digest(data / "sportreader.db")
    for command in ("refresh", "feeds"):
        done = sportreader([*base, command])
        assert done.returncode == 1 and "è danneggiato" in done.stderr and "Traceback" not in done.stderr
    assert _digest(data / "sportreader.db") == before


def test_a_cache_left_open_by_a_killed_process_is_checked_before_the_next_write(tmp_path: Path,
                                                                              config: Path) -> None:
    data = tmp_path / "data"
    fill(data / "sportreader.db", entries=3000)
    holder = subprocess.Popen([sys.executable, "-c", "import sys, time\nfrom pathlib import Path\n"
                               "from reader.store import Store\nStore(Path(sys.argv[1]))\nprint('open', flush=True)\n"
                               "time.sleep(60)", str(data / "sportreader.db")], stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline() == "open\n"
    holder.kill()
    holder.wait()
    _damage_the_middle(data / "sportreader.db")
    before = _digest(data / "sportreader.db")
    done = sportreader(["--config", str(config), "--data-dir", str(data), "feeds"])
    assert done.returncode == 1 and "è danneggiato" in done.stderr, done.stderr
    assert _digest(data / "sportreader.db") == before  # the check came before sync_feeds' write


def test_a_clean_close_needs_no_check(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "cache.db"
    fill(path)
    checks: list[Path] = []
    monkeypatch.setattr(db, "_check_integrity", lambda conn, where: checks.append(where))
    Store(path).close()
    assert checks == []
    state_file(path).write_bytes(b"open")  # as a killed process leaves it
    Store(path).close()
    assert checks == [path]
    assert state_file(path).read_bytes().strip() == b"clean"
