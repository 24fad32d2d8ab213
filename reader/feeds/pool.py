"""The parse workers of a refresh, and the records that pass between them and the fetching process.

This module is what the fetching process imports. The work is handed in by name (`workers.Named`):
reader.feeds.ingest's store_body for a refresh, reader.feeds.parse's parse_feed for a check. The workers'
fork server preloads those modules and this process never imports them, so the fetching process never
loads the parsers, and ingest (which returns the records defined here) and the pool import nothing of
each other but these records.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from reader.feeds.task import in_language
from reader.feeds.workers import WorkerError, WorkerPool
from reader.models import FeedParseError
from reader.text.messages import _, current_language

DEFAULT_DEADLINE = 10.0  # real feeds parse in well under a second
# What the fork server imports before it forks a worker (a module that is missing is skipped); ingest
# imports the parsers.
PRELOAD = ("__main__", "reader.feeds.ingest", "feedparser", "feedparser_rs")

T = TypeVar("T")


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
    too_old: int = 0  # new entries already older than the retention, not stored


def _preload_in_forkserver() -> None:
    """Import the parser once in the fork server, so each worker forked from it starts ready.

    Without it every worker imports these modules and feedparser (which reader.feeds.parse imports only on
    first use) itself, 0.2 s of CPU each, before its first feed. It only takes effect if the fork server of
    this process has not started yet; '__main__' is the default.
    """
    if "forkserver" in multiprocessing.get_all_start_methods():
        multiprocessing.get_context("forkserver").set_forkserver_preload(list(PRELOAD))


class ParsePool(WorkerPool):
    """A worker pool for the parsers, with their failures reported as the feed's parse error."""

    def __init__(self, *, workers: int | None = None, deadline: float = DEFAULT_DEADLINE,
                 processes: bool = True) -> None:
        super().__init__(workers=workers, deadline=deadline, processes=processes)
        if processes:
            _preload_in_forkserver()

    async def call(self, task: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """task(*args, **kwargs) in a worker; FeedParseError when the body is not a feed, the call overruns
        the deadline or it kills its worker."""
        try:
            return await self.run(in_language, current_language(), task, *args, **kwargs)
        except WorkerError as exc:
            raise FeedParseError(_("parsing failed: {error}").format(error=exc)) from None
