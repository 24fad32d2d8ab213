"""config -> fetch -> parse -> sanitize -> store, for every enabled feed, with a result per feed.

A feed's failure is that feed's result, a failed write included (a full disk): the refresh itself only
fails when the store cannot be opened, synced or recorded into, or is found damaged.
"""

from __future__ import annotations

import asyncio
import hashlib
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from reader.feeds import lookups, tls
from reader.feeds.fetch import Fetcher, FetchError, FetchResult
from reader.feeds.task import Named
from reader.models import FeedParseError, FeedResult, FeedSpec, FeedStatus, RefreshReport
from reader.settings.config import Config
from reader.store import Store, StoreError
from reader.text import dates
from reader.text.messages import _
from reader.text.sanitize import clean_line

if TYPE_CHECKING:
    from reader.feeds.pool import ParsePool, StoredFeed

ResultCallback = Callable[[FeedResult], None]
# The workers' side of a refresh, handed to the parse pool by name: this process never imports it.
STORE_BODY: Named[StoredFeed] = Named("reader.feeds.ingest", "store_body")


class Refresher:
    """Refreshes feeds into a store; one instance per refresh run."""

    def __init__(self, config: Config, store: Store, *, parse_pool: ParsePool | None = None,
                 fetcher: Fetcher | None = None, on_result: ResultCallback | None = None) -> None:
        self.config = config
        self.store = store
        self._pool = parse_pool
        self._own_pool = parse_pool is None
        self.fetcher = fetcher
        self.on_result = on_result

    @property
    def pool(self) -> ParsePool:
        """The parse workers, made when first needed: a refresh with nothing to parse never imports them."""
        if self._pool is None:
            from reader.feeds.pool import ParsePool

            self._pool = ParsePool()
        return self._pool

    async def run(self, feeds: Sequence[FeedSpec] | None = None) -> RefreshReport:
        """Refresh the given feeds (default: every enabled one), record and prune."""
        started = datetime.now(UTC)
        targets = tuple(feeds) if feeds is not None else self.config.enabled_feeds
        self.store.sync_feeds(self.config.feeds)
        if self.fetcher is None and targets:
            # Only now, with the config and the store known good: an exit before this point (a config
            # error, a database that cannot be opened) never has a thread to wait for or to crash.
            tls.build_early()
        if self.store.any_new_feed(spec.name for spec in targets):
            # A new feed will be parsed: the parse workers start now, while the fetches run.
            self.pool.start()
        fetcher = self.fetcher or Fetcher(self.config.settings)
        finished = False
        try:
            results = await asyncio.gather(*(self._one(fetcher, spec) for spec in targets))
            finished = True
        finally:
            if self._own_pool and self._pool is not None:
                self._pool.close(wait=finished)  # interrupted (Ctrl-C): the workers are killed, not waited for
            if self.fetcher is None:
                await fetcher.aclose()
        report = RefreshReport(started=started, finished=datetime.now(UTC), results=tuple(results))
        self.store.record_refresh(report)
        self.store.prune(self.config.settings.retention_days, report.finished)
        return report

    async def _one(self, fetcher: Fetcher, spec: FeedSpec) -> FeedResult:
        started = time.monotonic()
        try:
            result = await self._refresh_feed(fetcher, spec)
        except (FetchError, FeedParseError, StoreError) as exc:
            if isinstance(exc, StoreError) and exc.damaged:
                raise  # a damaged file ends the refresh: nothing more may be written to it
            # A full disk, a lock held too long: this feed's error (what was stored before is kept).
            status = exc.status if isinstance(exc, FetchError) else None
            result = FeedResult(spec.name, FeedStatus.ERROR, http_status=status, error=clean_line(str(exc), 300))
        result = _with_duration(result, time.monotonic() - started)
        if self.on_result:
            self.on_result(result)
        return result

    async def _refresh_feed(self, fetcher: Fetcher, spec: FeedSpec) -> FeedResult:
        state = self.store.feed_state(spec.name)
        if state and state.retry_after and state.retry_after > time.time():
            until = dates.clock(datetime.fromtimestamp(state.retry_after, UTC))
            return FeedResult(spec.name, FeedStatus.NOT_MODIFIED,
                              warning=_("rate limited: next try after {time}").format(time=until))
        try:
            response = await fetcher.fetch(spec.url, etag=state.etag if state else None,
                                           last_modified=state.last_modified if state else None)
        except FetchError as exc:
            if exc.retry_after:
                self.store.set_retry_after(spec.name, time.time() + exc.retry_after)
            raise
        body_hash = hashlib.blake2b(response.body, digest_size=16).hexdigest() if response.body else None
        # An empty body is never "unchanged" (its hash is None like a feed never fetched): the parser says why.
        unchanged = response.not_modified or (body_hash is not None and state is not None
                                               and body_hash == state.body_hash)
        if unchanged:
            # A 304 may omit the validators: the ones we sent are still the right ones.
            etag = response.etag or (state.etag if state else None)
            last_modified = response.last_modified or (state.last_modified if state else None)
            if state is None or (etag, last_modified, state.retry_after) != (state.etag, state.last_modified, None):
                # Most 304s change nothing: skipping the write saves a transaction per feed.
                self.store.save_feed_state(spec.name, etag=etag, last_modified=last_modified,
                                           body_hash=state.body_hash if state else None, retry_after=None)
            return FeedResult(spec.name, FeedStatus.NOT_MODIFIED, http_status=response.status)
        return await self._store_body(spec, response, body_hash)

    async def _store_body(self, spec: FeedSpec, response: FetchResult, body_hash: str | None) -> FeedResult:
        from reader.feeds.pool import Validators

        # Parsed, sanitised and written by a worker process: this process only fetches.
        stored = await self.pool.call(
            STORE_BODY, self.store.path, spec.name, response.body, content_type=response.content_type,
            now=datetime.now(UTC), retention_days=self.config.settings.retention_days,
            validators=Validators(response.etag, response.last_modified, body_hash))
        return FeedResult(spec.name, FeedStatus.OK, http_status=response.status, warning=stored.warning,
                          new=stored.new, updated=stored.updated, too_old=stored.too_old)


def _with_duration(result: FeedResult, seconds: float) -> FeedResult:
    return replace(result, duration=round(seconds, 3))


def refresh(config: Config, store: Store, *, feeds: Sequence[FeedSpec] | None = None,
            on_result: ResultCallback | None = None, parse_pool: ParsePool | None = None) -> RefreshReport:
    """Run a refresh to completion (for the command line and for worker threads)."""
    refresher = Refresher(config, store, parse_pool=parse_pool, on_result=on_result)
    return lookups.run(refresher.run(feeds))  # no exit waits for its name lookups
