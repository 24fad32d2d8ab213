"""UI test fixtures: a store seeded with the demo edition at a fixed moment, its calendar, and an app factory."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from reader.demo import feed_path, load_edition, render_feed, render_fixtures
from reader.feeds.ingest import entry_record
from reader.feeds.parse import parse_feed
from reader.models import FeedSpec, Settings
from reader.settings.config import Config
from reader.store import Store
from reader.ui.app import SportReaderApp

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
OFFLINE_BASE = "http://127.0.0.1:9"  # the discard port: nothing listens, a page load fails at once
ARTICLES = len(load_edition().articles)  # the edition's size, which grows as articles are written
FIXTURES = render_fixtures(load_edition(), NOW)  # the edition's calendar, dated as its articles


@pytest.fixture(autouse=True)
def utc_clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Day headings and times in UTC, whatever the machine's zone, so snapshots are stable."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def seed_demo(store: Store, base: str = OFFLINE_BASE, now: datetime = NOW) -> Config:
    """Store the demo edition's feeds as a refresh at `now` would; returns a config of those feeds."""
    edition = load_edition()
    feeds = tuple(FeedSpec(o.name, base + feed_path(o), o.tags) for o in edition.outlets)
    store.sync_feeds(feeds)
    for outlet, spec in zip(edition.outlets, feeds, strict=True):
        parsed = parse_feed(render_feed(edition, outlet, base, now), now=now)
        store.save_entries(spec.name, [entry_record(e) for e in parsed.entries], now=now)
    return Config(path=Path("demo.toml"), origin="test", settings=Settings(refresh_minutes=0), feeds=feeds)


@pytest.fixture
def demo_store(tmp_path: Path) -> Iterator[tuple[Store, Config]]:
    with Store(tmp_path / "data" / "sportreader.db") as store:
        yield store, seed_demo(store)


AppFactory = Callable[..., SportReaderApp]


@pytest.fixture
def make_app(tmp_path: Path, demo_store: tuple[Store, Config]) -> AppFactory:
    store, config = demo_store

    def make(config_: Config | None = None, **kwargs: object) -> SportReaderApp:
        kwargs.setdefault("refresh_on_start", False)
        kwargs.setdefault("demo_fixtures", FIXTURES)
        return SportReaderApp(config_ or config, tmp_path / "data", store=store, clock=lambda: NOW,
                              **kwargs)  # type: ignore[arg-type]

    return make


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Store, Config]]:
    """The demo edition served from 127.0.0.1 and seeded into a store, so full pages really load."""
    from reader.demo import DemoServer

    with DemoServer(now=NOW, port=0) as server, Store(tmp_path / "served.sqlite") as store:
        yield store, seed_demo(store, base=server.base)


def served_app(served: tuple[Store, Config], data_dir: Path, store: Store | None = None) -> SportReaderApp:
    """An app on the served edition (or on another store with the same feeds)."""
    own, config = served
    return SportReaderApp(config, data_dir, store=store or own, refresh_on_start=False, clock=lambda: NOW,
                          demo_fixtures=FIXTURES)


def pytest_configure() -> None:
    os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")
