"""A feed body into the store, in a parse worker: parse, turn every entry into plain sanitised text, write.

The fetching process only fetches and hands bodies to the workers (reader.feeds.pool). Turning HTML into
text here took the fetching process's CPU for a cold refresh of the 100-feed farm from 3.0 to 1.75 s (and
in the app the UI thread no longer shares the GIL with it); writing here (SQLite's search indexing was a
third of what was left) from 0.85 to 0.55 s. This module is imported by the workers' fork server, never
by the fetching process: html.parser, the parsers and their regexes are start-up it does not need.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from reader.feeds.parse import parse_feed
from reader.feeds.pool import StoredFeed, Validators
from reader.models import ParsedEntry
from reader.store import Store
from reader.store.records import EntryRecord
from reader.text.htmltext import html_to_text
from reader.text.sanitize import clean_line, safe_link

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


def store_body(path: Path, feed: str, body: bytes, *, content_type: str | None, now: datetime,
               retention_days: int | None, validators: Validators) -> StoredFeed:
    """parse_records, then save the entries and the feed's validators in the store at `path` (in a worker)."""
    parsed = parse_records(body, content_type=content_type, now=now)
    store = _store_at(path)
    # One transaction: the validators are never stored without the entries they vouch for (the next
    # refresh would skip a body never stored), and the two workers take the write lock once a feed.
    with store.transaction():
        saved = store.save_entries(feed, parsed.records, now=now, retention_days=retention_days)
        store.save_feed_state(feed, etag=validators.etag, last_modified=validators.last_modified,
                              body_hash=validators.body_hash, retry_after=None, title=parsed.title)
    return StoredFeed(saved.new, saved.updated, parsed.warning, saved.too_old)


_STORE: Store | None = None  # the store this worker writes to, opened at its first feed


def _store_at(path: Path) -> Store:
    global _STORE
    if _STORE is None or _STORE.path != path:
        _STORE = Store(path)
    return _STORE
