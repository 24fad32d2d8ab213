"""Every way `sportreader refresh` ends early ends with its own status, never a signal (SIGSEGV, abort).

The crash these guard against: a daemon thread building the TLS context was still inside OpenSSL while
exit() ran OPENSSL_cleanup (139 or 134 in ~6 % of the runs that ended before the first fetch).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import item, rss
from tests.server import FeedServer, Route

# The TLS build held for 0.4 s in C code (a sleep releases the GIL, as OpenSSL reading the bundle does),
# saying when it starts and when it is done; then the command line runs as `sportreader` would.
HELD_BUILD = textwrap.dedent("""
    import os, sys, time
    from reader.feeds import tls
    real = tls._default_context
    def held():
        os.write(1, b"build started\\n")
        time.sleep(0.4)
        context = real()
        os.write(1, b"build finished\\n")
        return context
    tls._default_context = held
    from reader.__main__ import main
    sys.argv[0] = "sportreader"
    sys.exit(main())
""")


@dataclass(frozen=True)
class Ended:
    code: int
    out: str
    err: str


def sportreader(args: list[str], *, held_build: bool = False, interrupt_after: float | None = None,
                interrupt_on: str | None = None, timeout: float = 30.0) -> Ended:
    """Run the command in a process group of its own; optionally Ctrl-C it (the whole group, as a terminal
    does) after `interrupt_after` seconds, or once it has printed `interrupt_on`."""
    command = [sys.executable, "-c", HELD_BUILD, *args] if held_build else [sys.executable, "-m", "reader", *args]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               start_new_session=True)
    head = ""
    if interrupt_on is not None:
        assert process.stdout is not None
        while interrupt_on not in head and (line := process.stdout.readline()):
            head += line
        os.killpg(process.pid, signal.SIGINT)
    if interrupt_after is not None:
        time.sleep(interrupt_after)
        os.killpg(process.pid, signal.SIGINT)
    out, err = process.communicate(timeout=timeout)
    return Ended(process.returncode, head + out, err)


@pytest.fixture
def dirs(tmp_path: Path, feed_server: FeedServer) -> dict[str, list[str]]:
    """The arguments of each early exit, keyed by what goes wrong."""
    feed_server.routes["/lento"] = Route(rss([item(1)]), delay=5.0)
    good = tmp_path / "good.toml"
    good.write_text(f'[[feeds]]\nname = "Lento"\nurl = "{feed_server.url("/lento")}"\n', encoding="utf-8")
    bad = tmp_path / "bad.toml"
    bad.write_text('[settings]\nconcurrency = "otto"\n', encoding="utf-8")
    disabled = tmp_path / "disabled.toml"
    disabled.write_text('[[feeds]]\nname = "Spento"\nurl = "http://127.0.0.1:9/"\nenabled = false\n',
                        encoding="utf-8")
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "sportreader.db").write_bytes(b"not a database at all, " * 100)
    data = str(tmp_path / "data")
    return {
        "config error": ["--config", str(bad), "--data-dir", data, "refresh"],
        "unknown --feed": ["--config", str(good), "--data-dir", data, "refresh", "--feed", "Nessuno"],
        "all feeds disabled": ["--config", str(disabled), "--data-dir", data, "refresh"],
        "database fails to open": ["--config", str(good), "--data-dir", str(broken), "refresh"],
        "ctrl-c": ["--config", str(good), "--data-dir", data, "refresh", "-q"],
    }


EXPECTED = {"config error": 2, "unknown --feed": 2, "all feeds disabled": 2, "database fails to open": 1,
            "ctrl-c": 130}


def test_the_tls_thread_is_joined_before_the_process_exits() -> None:
    # The mechanism itself: a build still running when the program returns is waited for.
    code = HELD_BUILD.replace("from reader.__main__ import main", "tls.build_early()\nmain = lambda: 3")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=30)
    assert done.returncode == 3
    assert done.stdout == "build started\nbuild finished\n"


@pytest.mark.parametrize("path", sorted(EXPECTED))
def test_no_exit_leaves_the_tls_build_running(path: str, dirs: dict[str, list[str]]) -> None:
    """The build held in C code while the command ends: it never started, or it finished before the exit."""
    ended = sportreader(dirs[path], held_build=True, interrupt_on="build started" if path == "ctrl-c" else None)
    assert ended.code == EXPECTED[path], ended.err
    started = "build started" in ended.out
    assert not started or "build finished" in ended.out, f"{path}: the process exited inside the TLS build"
    # Nothing speculative before the config and the store are known good; a Ctrl-C came during the build.
    assert started == (path == "ctrl-c")


RUNS = {"config error": 60, "unknown --feed": 50, "all feeds disabled": 50, "database fails to open": 50,
        "ctrl-c": 40}


def test_every_early_exit_ends_with_its_status_every_time(dirs: dict[str, list[str]]) -> None:
    """A few hundred runs in all, three at a time; a Ctrl-C lands anywhere in the first half second."""
    jobs = [(path, n) for path, runs in RUNS.items() for n in range(runs)]

    def one(job: tuple[str, int]) -> tuple[str, float | None, Ended]:
        path, n = job
        delay = 0.05 + 0.45 * n / RUNS[path] if path == "ctrl-c" else None
        return path, delay, sportreader(dirs[path], interrupt_after=delay)

    began = time.monotonic()
    with ThreadPoolExecutor(3) as runner:
        outcomes = list(runner.map(one, jobs))
    wrong = [(path, delay, ended.code, ended.err[-300:]) for path, delay, ended in outcomes
             if ended.code != EXPECTED[path] or "Traceback" in ended.err]
    assert not wrong, f"{len(wrong)} of {len(jobs)} runs: {wrong[:5]}"
    interrupted = [ended.err for path, _, ended in outcomes if path == "ctrl-c"]
    assert set(interrupted) == {"sportreader: interrotto\n"}
    assert time.monotonic() - began < 120
