"""A whole refresh against the loopback server: new, not modified, unchanged bodies, per-feed errors."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from reader.feeds.pool import ParsePool
from reader.feeds.refresh import Refresher, refresh
from reader.models import FeedResult, FeedSpec, FeedStatus, Settings
from reader.settings.config import Config
from reader.store import Filter, Store
from tests.conftest import item, rss
from tests.server import FeedServer, Route

# These tests check what the messages say: the code's own words, in English.
pytestmark = pytest.mark.usefixtures("english")


def config_for(server: FeedServer, *paths: str, **settings: object) -> Config:
    feeds = tuple(FeedSpec(name=p.strip("/"), url=server.url(p)) for p in paths)
    return Config(path=Path("feeds.toml"), origin="test", settings=Settings(timeout=2.0, **settings),  # type: ignore[arg-type]
                  feeds=feeds)


def statuses(report: object) -> dict[str, FeedStatus]:
    return {r.feed: r.status for r in report.results}  # type: ignore[attr-defined]


def test_a_cold_refresh_stores_every_feed_and_a_broken_one_is_only_its_own_error(
        feed_server: FeedServer, store: Store) -> None:
    feed_server.routes["/uno"] = Route(rss([item(1), item(2)]), etag='"e1"')
    feed_server.routes["/due"] = Route(rss([item(3)]), last_modified="Tue, 24 Nov 2026 10:00:00 GMT")
    feed_server.routes["/rotto"] = Route(b"<html><body>Pagina</body></html>", headers={"Content-Type": "text/html"})
    seen: list[FeedResult] = []
    report = refresh(config_for(feed_server, "/uno", "/due", "/rotto", "/manca"), store, on_result=seen.append)
    assert statuses(report) == {"uno": FeedStatus.OK, "due": FeedStatus.OK, "rotto": FeedStatus.ERROR,
                                "manca": FeedStatus.ERROR}
    assert {r.feed for r in seen} == {"uno", "due", "rotto", "manca"}
    results = {r.feed: r for r in report.results}
    assert results["uno"].new == 2 and results["uno"].http_status == 200
    assert "HTML page" in (results["rotto"].error or "")
    assert results["manca"].error == "HTTP 404 Not Found" and results["manca"].http_status == 404
    assert store.count() == 3
    assert {f.name: f.status for f in store.feeds_overview()}["rotto"] == "error"


def test_a_warm_refresh_sends_validators_and_costs_no_parse(feed_server: FeedServer, store: Store) -> None:
    feed_server.routes["/uno"] = Route(rss([item(1)]), etag='"e1"')
    feed_server.routes["/due"] = Route(rss([item(2)]), last_modified="Tue, 24 Nov 2026 10:00:00 GMT")
    config = config_for(feed_server, "/uno", "/due")
    refresh(config, store)
    report = refresh(config, store)
    assert statuses(report) == {"uno": FeedStatus.NOT_MODIFIED, "due": FeedStatus.NOT_MODIFIED}
    assert all(r.http_status == 304 for r in report.results)
    assert feed_server.requests[-1][1].get("if-none-match") or feed_server.requests[-1][1].get("if-modified-since")


def test_an_unchanged_body_without_validators_is_not_parsed_again(feed_server: FeedServer, store: Store) -> None:
    feed_server.routes["/ansa"] = Route(rss([item(1)]))
    config = config_for(feed_server, "/ansa")
    refresh(config, store)
    report = refresh(config, store)
    assert report.results[0].status is FeedStatus.NOT_MODIFIED and report.results[0].http_status == 200


class CountingPool(ParsePool):
    """A parse pool that counts its early starts and its calls."""

    def __init__(self) -> None:
        super().__init__(processes=False)
        self.early_starts = 0
        self.calls = 0

    def start(self) -> None:
        self.early_starts += 1
        super().start()

    async def run(self, func, *args, **kwargs):  # type: ignore[no-untyped-def]
        self.calls += 1
        return await super().run(func, *args, **kwargs)


def test_workers_start_early_only_when_a_new_feed_will_be_parsed(feed_server: FeedServer, store: Store) -> None:
    feed_server.routes["/uno"] = Route(rss([item(1)]), etag='"e1"')
    feed_server.routes["/ansa"] = Route(rss([item(2)]))
    feed_server.routes["/rotto"] = Route(b"down", status=500)
    config = config_for(feed_server, "/uno", "/ansa", "/rotto")
    cold, warm = CountingPool(), CountingPool()
    refresh(config, store, parse_pool=cold)
    # A 304, an unchanged body and a feed never stored that failed last time: nothing worth starting for.
    refresh(config, store, parse_pool=warm)
    assert (cold.early_starts, cold.calls) == (1, 2)
    assert (warm.early_starts, warm.calls) == (0, 0)


def test_a_changed_feed_adds_new_entries_and_keeps_read_marks(feed_server: FeedServer, store: Store) -> None:
    feed_server.routes["/uno"] = Route(rss([item(1)]))
    config = config_for(feed_server, "/uno")
    refresh(config, store)
    store.set_read([p.id for p in store.previews()])
    feed_server.routes["/uno"] = Route(rss([item(1, title="Titolo corretto"), item(2)]))
    result = refresh(config, store).results[0]
    assert (result.new, result.updated) == (1, 1)
    assert store.count(Filter(unread_only=True)) == 1
    assert {p.title for p in store.previews() if p.read} == {"Titolo corretto"}


def test_a_failing_feed_keeps_its_cached_entries(feed_server: FeedServer, store: Store) -> None:
    feed_server.routes["/uno"] = Route(rss([item(1), item(2)]))
    config = config_for(feed_server, "/uno")
    refresh(config, store)
    feed_server.routes["/uno"] = Route(b"", status=500)
    assert refresh(config, store).results[0].status is FeedStatus.ERROR
    assert store.count() == 2


def test_a_429_is_honoured_at_the_next_refresh(feed_server: FeedServer, store: Store) -> None:
    feed_server.routes["/busy"] = Route(b"", status=429, headers={"Retry-After": "3600"})
    config = config_for(feed_server, "/busy")
    assert refresh(config, store).results[0].status is FeedStatus.ERROR
    second = refresh(config, store).results[0]
    assert second.status is FeedStatus.NOT_MODIFIED and "rate limited" in (second.warning or "")
    assert feed_server.hits("/busy") == 1


def test_text_is_sanitised_before_it_is_stored(feed_server: FeedServer, store: Store) -> None:
    feed_server.routes["/x"] = Route(rss([item(1, title="Gol\x1b[2J [bold]X[/bold]", link="javascript:alert(1)",
                                                description="<p>a&#27;]52;c;eA==&#7;b</p><script>x()</script>")]))
    refresh(config_for(feed_server, "/x"), store)
    preview = store.previews()[0]
    article = store.article(preview.id)
    assert preview.title == "Gol [bold]X[/bold]"  # ESC removed; markup kept as literal text
    assert preview.link == ""  # javascript: link dropped
    assert article is not None and "\x1b" not in article.summary and "x()" not in article.summary


def test_feeds_are_fetched_concurrently(feed_server: FeedServer, store: Store) -> None:
    for n in range(6):
        feed_server.routes[f"/f{n}"] = Route(rss([item(n)]), delay=0.4)
    config = config_for(feed_server, *(f"/f{n}" for n in range(6)), concurrency=6)
    report = refresh(config, store, parse_pool=ParsePool(processes=False))
    elapsed = (report.finished - report.started).total_seconds()
    assert elapsed < 6 * 0.4  # sequential fetching would take at least 2.4 s


def test_a_parse_slower_than_its_deadline_is_that_feeds_error(feed_server: FeedServer, store: Store) -> None:
    feed_server.routes["/ok"] = Route(rss([item(1)]))
    # <source> is outside what the fast path takes: feedparser parses it, quadratically in the author.
    feed_server.routes["/redos"] = Route(rss([item(2, author="a" * 60_000, source="Fonte")]))
    pool = ParsePool(workers=2, deadline=0.5)
    report = asyncio.run(Refresher(config_for(feed_server, "/ok", "/redos"), store, parse_pool=pool).run())
    pool.close()
    results = {r.feed: r for r in report.results}
    assert results["ok"].status is FeedStatus.OK
    assert results["redos"].status is FeedStatus.ERROR and "took longer than" in (results["redos"].error or "")


def test_latin1_and_utf8_feeds_over_http_keep_their_accents(feed_server: FeedServer, store: Store) -> None:
    latin1 = rss([item(1, title="Società, perché la città è in festa")], encoding="iso-8859-1")
    feed_server.routes["/latin1"] = Route(latin1.replace(b' encoding="iso-8859-1"', b""),
                                          headers={"Content-Type": "application/rss+xml; charset=ISO-8859-1"})
    feed_server.routes["/utf8"] = Route(rss([item(2, title="Çalhanoğlu già decisivo")]),
                                        headers={"Content-Type": "application/rss+xml; charset=utf-8"})
    refresh(config_for(feed_server, "/latin1", "/utf8"), store)
    assert {p.title for p in store.previews()} == {"Società, perché la città è in festa", "Çalhanoğlu già decisivo"}


def test_a_gzipped_feed_is_stored(feed_server: FeedServer, store: Store) -> None:
    import gzip

    feed_server.routes["/gz"] = Route(gzip.compress(rss([item(1)])), headers={"Content-Encoding": "gzip"})
    assert refresh(config_for(feed_server, "/gz"), store).results[0].new == 1
    assert "gzip" in feed_server.requests[-1][1]["accept-encoding"]


def test_a_result_counts_the_new_entries_already_past_the_retention(tmp_path: Path, feed_server: FeedServer) -> None:
    feed_server.routes["/misto"] = Route(rss([item(1), item(2, hours_ago=24 * 40), item(3, hours_ago=24 * 41)]))
    config = Config(Path("f.toml"), "test", Settings(retention_days=30),
                    (FeedSpec("Misto", feed_server.url("/misto")),))
    with Store(tmp_path / "c.db") as store:
        report = refresh(config, store)
    [result] = report.results
    assert (result.new, result.too_old, report.too_old) == (1, 2, 2)
