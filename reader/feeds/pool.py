"""The parse workers of a refresh: processes that parse a feed body and store it (see reader.feeds.ingest).

This module is what the fetching process imports; the work itself lives in reader.feeds.ingest, which the
workers' fork server preloads, so the fetching process never imports the parsers.
"""

from __future__ import annotations

import multiprocessing
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from reader.feeds.workers import WorkerError, WorkerPool
from reader.models import FeedParseError, ParsedFeed

DEFAULT_DEADLINE = 10.0  # real feeds parse in well under a second


@dataclass(frozen=True, slots=True)
class Validators:
    """What the next conditional GET of a feed sends, and the hash that tells an unchanged body."""

    etag: str | None
    last_modified: str | None
    body_hash: str | None


@dataclass(frozen=True, slots=True)
class StoredFeed:
    """What storing a feed body did (a worker's answer to the fetching process)."""

    new: int
    updated: int
    warning: str | None = None


def _parse(body: bytes, *, content_type: str | None, now: datetime) -> ParsedFeed:
    """reader.feeds.parse.parse_feed, named here so that handing it to a worker does not import it here."""
    from reader.feeds.parse import parse_feed

    return parse_feed(body, content_type=content_type, now=now)


def _store_body(path: Path, feed: str, body: bytes, *, content_type: str | None, now: datetime,
                retention_days: int | None, validators: Validators) -> StoredFeed:
    """reader.feeds.ingest.store_body, named here for the same reason (the workers have it preloaded)."""
    from reader.feeds.ingest import store_body

    return store_body(path, feed, body, content_type=content_type, now=now, retention_days=retention_days,
                      validators=validators)


def _preload_in_forkserver() -> None:
    """Import the parser once in the fork server, so each worker forked from it starts ready.

    Without it every worker imports these modules and feedparser (which reader.feeds.parse imports only on first
    use) itself, 0.2 s of CPU each, before its first feed. It only takes effect if the fork server of this
    process has not started yet; '__main__' is the default.
    """
    if "forkserver" in multiprocessing.get_all_start_methods():
        multiprocessing.get_context("forkserver").set_forkserver_preload(
            ["__main__", "reader.feeds.ingest", "feedparser", "feedparser_rs"])  # a module that is missing is skipped


class ParsePool(WorkerPool):
    """A worker pool for parse_feed."""

    def __init__(self, *, workers: int | None = None, deadline: float = DEFAULT_DEADLINE,
                 processes: bool = True) -> None:
        super().__init__(workers=workers, deadline=deadline, processes=processes)
        if processes:
            _preload_in_forkserver()

    async def parse(self, body: bytes, content_type: str | None, now: datetime) -> ParsedFeed:
        """Parse one body; FeedParseError when it is not a feed, overruns the deadline or kills its worker."""
        try:
            return await self.run(_parse, body, content_type=content_type, now=now)
        except WorkerError as exc:
            raise FeedParseError(f"parsing failed: {exc}") from None

    async def store_body(self, path: Path, feed: str, body: bytes, *, content_type: str | None, now: datetime,
                         retention_days: int | None, validators: Validators) -> StoredFeed:
        """Parse, sanitise and store one body (reader.feeds.ingest.store_body), with the same errors as `parse`."""
        try:
            return await self.run(_store_body, path, feed, body, content_type=content_type, now=now,
                                  retention_days=retention_days, validators=validators)
        except WorkerError as exc:
            raise FeedParseError(f"parsing failed: {exc}") from None
