"""Shared fixtures: a loopback feed server, a temporary store, feed builders, the shared corpora."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import pytest

from reader.store import Store
from tests.server import FeedServer

REPO = Path(__file__).resolve().parent.parent
# The shared corpora and the hostile catalogue beside the repository; $SPORTREADER_SHARED points elsewhere
# (the test of the summary below points it at nothing).
SHARED = Path(os.environ.get("SPORTREADER_SHARED") or REPO.parent / "shared")

# The tests read what the user reads in the default language, whatever this machine's locale says; the
# commands they start inherit it. Tests of the language choice set their own environment.
os.environ["SPORTREADER_LANG"] = "it"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


# The demo's commands try a port of the session's own first: a demo the developer left running on the
# default port would otherwise give each run another port, and links (and entries) would change between runs.
os.environ.setdefault("SPORTREADER_DEMO_PORT", str(_free_port()))


@contextmanager
def english_messages() -> Iterator[None]:
    """Messages in English, the code's own words, inside the block; the commands started in it speak English
    too. For tests that check what a message says, not its translation."""
    from reader.text import messages

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SPORTREADER_LANG", "en")
        messages.set_language(None)
        yield
    messages.set_language(None)


@pytest.fixture
def english() -> Iterator[None]:
    """English messages for one test (english_messages)."""
    with english_messages():
        yield


@pytest.fixture
def feed_server() -> Iterator[FeedServer]:
    server = FeedServer().start()
    yield server
    server.stop()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "cache.db") as opened:
        yield opened


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never read or write the real user's config and data."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.delenv("SPORTREADER_CONFIG", raising=False)
    monkeypatch.delenv("SPORTREADER_DATA_DIR", raising=False)


def rss(items: list[dict[str, str]], *, title: str = "Feed di prova", encoding: str = "utf-8") -> bytes:
    """An RSS 2.0 document; each item dict may have title, link, guid, description, pubDate, category."""
    parts = [f'<?xml version="1.0" encoding="{encoding}"?>\n<rss version="2.0"><channel>',
             f"<title>{escape(title)}</title><link>http://example.org/</link><description>x</description>"]
    for item in items:
        fields = "".join(f"<{k}>{escape(v)}</{k}>" for k, v in item.items())
        parts.append(f"<item>{fields}</item>")
    parts.append("</channel></rss>")
    return "".join(parts).encode(encoding)


def item(n: int, *, hours_ago: float = 1.0, **extra: str) -> dict[str, str]:
    """A plausible Italian item, numbered."""
    when = datetime.now(UTC) - timedelta(hours=hours_ago)
    base = {
        "title": f"Notizia numero {n}: la Juventus vince",
        "link": f"http://example.org/articoli/{n}.html",
        "guid": f"id-{n}",
        "description": f"<p>Il riassunto della notizia {n}, perché è importante.</p>",
        "pubDate": format_datetime(when),
    }
    base.update(extra)
    return base


def shared_path(*parts: str) -> Path:
    """A path under ../shared, skipping the test when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not available")
    return path


def pytest_terminal_summary(terminalreporter: Any, exitstatus: int, config: pytest.Config) -> None:
    """Say how many tests skipped because ../shared is missing, and why: otherwise a run without it reads
    as a pass with a bare "N skipped" (most of the hostile catalogue)."""
    skipped = terminalreporter.stats.get("skipped", [])
    missing = [report for report in skipped if str(SHARED) in _skip_reason(report)]
    if missing:
        terminalreporter.write_line(
            f"{len(missing)} of {len(skipped)} skipped tests need {SHARED} (the shared corpora and the hostile-input "
            "catalogue), which is not available: they did not run.", yellow=True, bold=True)


def _skip_reason(report: Any) -> str:
    longrepr = getattr(report, "longrepr", None)
    return str(longrepr[2]) if isinstance(longrepr, tuple) and len(longrepr) == 3 else str(longrepr or "")
