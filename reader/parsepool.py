"""The feed parser in worker processes, each feed under a deadline (see reader.workers).

A refresh asks for `store_body`: the worker parses the body, turns every entry into plain, sanitised
text and writes the entries to the store itself, so the process that fetches does only that. Turning
HTML into text there took the fetching process's CPU for a cold refresh of the 100-feed farm from 3.0
to 1.75 s (and in the app the UI thread no longer shares the GIL with it); writing there (SQLite's
search indexing was a third of what was left) from 0.85 to 0.55 s. The deadline covers the write too:
writes are milliseconds, and another process's write transaction holds the lock no longer.
"""

from __future__ import annotations

import multiprocessing
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from reader.htmltext import html_to_text
from reader.models import ParsedEntry, ParsedFeed
from reader.parse import FeedParseError, parse_feed
from reader.sanitize import clean_line, safe_link
from reader.store import Store
from reader.store.records import EntryRecord
from reader.workers import WorkerError, WorkerPool

DEFAULT_DEADLINE = 10.0  # real feeds parse in well under a second
MAX_TITLE = 500
MAX_AUTHOR = 200
MAX_TEXT = 200_000


def entry_record(entry: ParsedEntry) -> EntryRecord:
    """A parsed entry made safe to store and show: plain text, no controls, bounded sizes."""
    summary = html_to_text(entry.summary_html)[:MAX_TEXT]
    content = html_to_text(entry.content_html)[:MAX_TEXT] if entry.content_html else ""
    title = clean_line(entry.title, MAX_TITLE) or clean_line(summary, 80) or "(senza titolo)"
    return EntryRecord(
        uid=entry.uid,
        title=title,
        link=safe_link(entry.link),
        author=clean_line(entry.author, MAX_AUTHOR),
        summary=summary,
        content="" if content == summary else content,
        categories=tuple(c for c in (clean_line(c, 80) for c in entry.categories) if c),
        published=entry.published,
        updated=entry.updated,
    )


@dataclass(frozen=True, slots=True)
class FeedRecords:
    """A feed body parsed and sanitised: what the store takes."""

    title: str
    records: tuple[EntryRecord, ...]
    warning: str | None = None


def parse_records(body: bytes, *, content_type: str | None, now: datetime) -> FeedRecords:
    """parse_feed, then entry_record for every entry (runs in a worker)."""
    parsed = parse_feed(body, content_type=content_type, now=now)
    return FeedRecords(title=clean_line(parsed.title, 200),
                       records=tuple(entry_record(e) for e in parsed.entries),
                       warning=clean_line(parsed.warning, 300) if parsed.warning else None)


@dataclass(frozen=True, slots=True)
class Validators:
    """What the next conditional GET of a feed sends, and the hash that tells an unchanged body."""

    etag: str | None
    last_modified: str | None
    body_hash: str | None


@dataclass(frozen=True, slots=True)
class StoredFeed:
    """What storing a feed body did."""

    new: int
    updated: int
    warning: str | None = None


def store_body(path: Path, feed: str, body: bytes, *, content_type: str | None, now: datetime,
               retention_days: int | None, validators: Validators) -> StoredFeed:
    """parse_records, then save the entries and the feed's validators in the store at `path` (in a worker)."""
    parsed = parse_records(body, content_type=content_type, now=now)
    store = _store_at(path)
    new, updated = store.save_entries(feed, parsed.records, now=now, retention_days=retention_days)
    # Validators are saved after the entries, so a crash in between only costs a re-download.
    store.save_feed_state(feed, etag=validators.etag, last_modified=validators.last_modified,
                          body_hash=validators.body_hash, retry_after=None, title=parsed.title)
    return StoredFeed(new, updated, parsed.warning)


_STORE: Store | None = None  # the store this worker writes to, opened at its first feed


def _store_at(path: Path) -> Store:
    global _STORE
    if _STORE is None or _STORE.path != path:
        _STORE = Store(path)
    return _STORE


def _preload_in_forkserver() -> None:
    """Import the parser once in the fork server, so each worker forked from it starts ready.

    Without it every worker imports these modules and feedparser (which reader.parse imports only on first
    use) itself, 0.2 s of CPU each, before its first feed. It only takes effect if the fork server of this
    process has not started yet; '__main__' is the default.
    """
    if "forkserver" in multiprocessing.get_all_start_methods():
        multiprocessing.get_context("forkserver").set_forkserver_preload(
            ["__main__", __name__, "feedparser", "feedparser_rs"])  # a module that is missing is skipped


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
            return await self.run(parse_feed, body, content_type=content_type, now=now)
        except WorkerError as exc:
            raise FeedParseError(f"parsing failed: {exc}") from None

    async def store_body(self, path: Path, feed: str, body: bytes, *, content_type: str | None, now: datetime,
                         retention_days: int | None, validators: Validators) -> StoredFeed:
        """Parse, sanitise and store one body (see `store_body`), with the same errors as `parse`."""
        try:
            return await self.run(store_body, path, feed, body, content_type=content_type, now=now,
                                  retention_days=retention_days, validators=validators)
        except WorkerError as exc:
            raise FeedParseError(f"parsing failed: {exc}") from None
