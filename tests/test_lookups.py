"""No exit waits on getaddrinfo: with a resolver that never answers, a Ctrl-C or the end of a refresh is at
once, not 5 s later when the lookups give up."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from reader.feeds import lookups
from tests.conftest import item, rss
from tests.server import FeedServer, Route

# The command line, with every lookup of a *.slow.test host taking 5 s (a resolver that never answers).
SLOW_RESOLVER = textwrap.dedent("""
    import socket, sys, time
    real = socket.getaddrinfo
    def slow(host, *args, **kwargs):
        name = host.decode() if isinstance(host, bytes) else str(host)  # anyio hands it over IDNA-encoded
        if name.endswith(".slow.test"):
            time.sleep(5)
            raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")
        return real(host, *args, **kwargs)
    socket.getaddrinfo = slow
    from reader.__main__ import main
    sys.argv[0] = "sportreader"
    sys.exit(main())
""")


@pytest.fixture
def args(tmp_path: Path, feed_server: FeedServer) -> list[str]:
    feed_server.routes["/ok"] = Route(rss([item(1)]))
    config = tmp_path / "feeds.toml"
    config.write_text(f'[settings]\ntimeout = 1\n[[feeds]]\nname = "Vicino"\nurl = "{feed_server.url("/ok")}"\n'
                      + "".join(f'[[feeds]]\nname = "Lontano {n}"\nurl = "http://feed{n}.slow.test/rss"\n'
                                for n in range(3)), encoding="utf-8")
    return ["--config", str(config), "--data-dir", str(tmp_path / "data"), "refresh"]


def test_a_refresh_ends_when_its_feeds_time_out_not_when_the_lookups_do(args: list[str]) -> None:
    began = time.monotonic()
    done = subprocess.run([sys.executable, "-c", SLOW_RESOLVER, *args], capture_output=True, text=True, timeout=60)
    took = time.monotonic() - began
    assert done.returncode == 0, done.stderr  # one feed came: not every one failed
    assert done.stdout.count("nessuna risposta completa entro 1 s") == 3
    assert done.stderr == ""  # no traceback, nor a warning of what the early exit skipped
    assert took < 4.0, f"{took:.1f} s: the exit waited for the lookups"


def test_ctrl_c_during_lookups_ends_the_refresh_at_once(args: list[str]) -> None:
    process = subprocess.Popen([sys.executable, "-c", SLOW_RESOLVER, *args, "-q"], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, start_new_session=True)
    time.sleep(0.8)  # the feeds are being looked up
    os.killpg(process.pid, signal.SIGINT)
    sent = time.monotonic()
    _, err = process.communicate(timeout=60)
    assert (process.returncode, err) == (130, "sportreader: interrotto\n")
    assert time.monotonic() - sent < 1.0


async def _resolve(host: str) -> list[tuple[object, ...]]:
    return await asyncio.get_running_loop().getaddrinfo(host, 80, type=socket.SOCK_STREAM)


def test_the_loop_looks_names_up_off_its_thread_and_numbers_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str] = []
    real = socket.getaddrinfo

    def recording(host: str, *args: object, **kwargs: object) -> object:
        seen.append(f"{host} on {'loop' if threading_name() == 'MainThread' else 'thread'}")
        return real("127.0.0.1", *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "getaddrinfo", recording)
    assert lookups.run(_resolve("example.invalid"))[0][4][0] == "127.0.0.1"
    assert lookups.run(_resolve("127.0.0.1"))[0][4][0] == "127.0.0.1"
    assert seen == ["example.invalid on thread", "127.0.0.1 on loop"]
    assert lookups.running() == 0


def threading_name() -> str:
    import threading

    return threading.current_thread().name
