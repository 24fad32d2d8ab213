"""The cache: feeds, entries with their read/starred state, refresh history and search."""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import NamedTuple

from reader.models import FeedSpec, FeedStatus, RefreshReport
from reader.store import search as fts
from reader.store.connection import Database
from reader.store.errors import StoreError
from reader.store.fold import index_fold
from reader.store.records import (
    PREVIEW_COLUMNS,
    SEPARATOR,
    Article,
    EntryRecord,
    FeedOverview,
    FeedState,
    Preview,
    SearchHit,
    moment,
    preview_of,
    split,
)

HISTORY_KEPT = 200  # refreshes kept in the history


class Saved(NamedTuple):
    """What storing a feed's entries did."""

    new: int
    updated: int
    too_old: int = 0  # new entries older than the retention, not stored


@dataclass(frozen=True, slots=True)
class Filter:
    """Which previews to list."""

    feed: str | None = None
    tag: str | None = None
    unread_only: bool = False
    starred_only: bool = False
    team: str | None = None  # a team as the gazetteer names it: the articles the match centre reads as its


class Store(Database):
    """The cache over one SQLite connection, safe to share between threads (see Database)."""

    @classmethod
    def for_reading(cls, path: Path) -> Store:
        """The store opened for writing where that is possible, else read-only (a read-only folder or file):
        for what only reads, the list, search, an article, the app."""
        try:
            return cls(path)
        except StoreError as exc:
            if not exc.unwritable:
                raise
        return cls(path, read_only=True)

    def read(self, sql: str, params: Sequence[object] = ()) -> list[sqlite3.Row]:
        """The rows of one read-only statement (for the store's own modules, as people.py)."""
        return self._read(sql, params)

    # Feeds

    def sync_feeds(self, specs: Iterable[FeedSpec]) -> None:
        """Add the configured feeds, update their URL and tags; a new URL forgets the old validators."""
        with self.transaction() as conn:
            for spec in specs:
                conn.execute(
                    """INSERT INTO feeds (name, url, tags) VALUES (?, ?, ?)
                       ON CONFLICT (name) DO UPDATE SET
                         tags = excluded.tags,
                         etag = CASE WHEN url = excluded.url THEN etag END,
                         last_modified = CASE WHEN url = excluded.url THEN last_modified END,
                         body_hash = CASE WHEN url = excluded.url THEN body_hash END,
                         url = excluded.url""",
                    (spec.name, spec.url, SEPARATOR.join(spec.tags)),
                )

    def feed_tags(self) -> dict[str, tuple[str, ...]]:
        """Every feed of the cache by name, with its tags, in the order they were added."""
        return {str(row[0]): split(row[1]) for row in self._read("SELECT name, tags FROM feeds ORDER BY id")}

    def feed_state(self, name: str) -> FeedState | None:
        """The validators and back-off of a feed, or None for an unknown feed."""
        rows = self._read("SELECT name, url, etag, last_modified, body_hash, retry_after FROM feeds "
                          "WHERE name = ?", (name,))
        return FeedState(*rows[0]) if rows else None

    def any_new_feed(self, names: Iterable[str]) -> bool:
        """Whether one of these feeds has never had a body stored nor failed its last refresh (unknown feeds
        count): a feed whose body is sure to be parsed. One that fails every time is not counted."""
        wanted = list(names)
        rows = self._read(
            """SELECT count(*) FROM feeds f WHERE f.name IN (SELECT value FROM json_each(?))
               AND (f.body_hash IS NOT NULL OR (SELECT r.status FROM feed_results r WHERE r.feed_id = f.id
                                                ORDER BY r.id DESC LIMIT 1) = ?)""",
            (json.dumps(wanted), FeedStatus.ERROR.value))
        return int(rows[0][0]) < len(set(wanted))

    def save_feed_state(self, name: str, *, etag: str | None, last_modified: str | None,
                        body_hash: str | None, retry_after: float | None, title: str | None = None) -> None:
        """Remember what the next conditional GET sends, and until when the server asked us to wait."""
        with self.transaction() as conn:
            conn.execute(
                """UPDATE feeds SET etag = ?, last_modified = ?, body_hash = ?, retry_after = ?,
                   title = coalesce(?, title) WHERE name = ?""",
                (etag, last_modified, body_hash, retry_after, title, name),
            )

    def set_retry_after(self, name: str, until: float | None) -> None:
        """Note when a rate-limited feed may be asked again."""
        with self.transaction() as conn:
            conn.execute("UPDATE feeds SET retry_after = ? WHERE name = ?", (until, name))

    def feeds_overview(self) -> list[FeedOverview]:
        """Every known feed with entry counts and its last refresh outcome."""
        rows = self._read(
            """SELECT f.name, f.url, f.tags, f.title,
                 (SELECT count(*) FROM entries e WHERE e.feed_id = f.id),
                 (SELECT count(*) FROM entries e WHERE e.feed_id = f.id AND e.read = 0),
                 r.status, r.http_status, r.error, r.warning, x.finished
               FROM feeds f
               LEFT JOIN feed_results r ON r.id = (SELECT max(id) FROM feed_results WHERE feed_id = f.id)
               LEFT JOIN refreshes x ON x.id = r.refresh_id
               ORDER BY f.id"""
        )
        return [FeedOverview(row[0], row[1], split(row[2]), row[3], row[4], row[5], row[6], row[7],
                             row[8], row[9], moment(row[10]) if row[10] else None) for row in rows]

    # Entries

    def save_entries(self, feed: str, records: Sequence[EntryRecord], *, now: datetime,
                     retention_days: int | None = None) -> Saved:
        """Insert new entries and update changed ones, keeping read/starred; new ones already past the
        retention are not stored, only counted."""
        cutoff = (now - timedelta(days=retention_days)).timestamp() if retention_days else None
        with self.transaction() as conn:
            feed_id = conn.execute("SELECT id FROM feeds WHERE name = ?", (feed,)).fetchone()[0]
            known = dict(conn.execute("SELECT uid, content_hash FROM entries WHERE feed_id = ?", (feed_id,)))
            new = updated = too_old = 0
            seen: set[str] = set()
            for record in records:
                if record.uid in seen:  # the same id twice in one feed: the first one wins
                    continue
                seen.add(record.uid)
                digest = _content_hash(record)
                if record.uid not in known:
                    published = (record.published or now).timestamp()
                    if cutoff is not None and published < cutoff:
                        too_old += 1  # already past retention: storing it would only bring it back unread
                        continue
                    _insert(conn, feed_id, record, digest, published, now.timestamp())
                    new += 1
                elif known[record.uid] != digest:
                    _update(conn, feed_id, record, digest)
                    updated += 1
        return Saved(new, updated, too_old)

    def previews(self, where: Filter = Filter(), *, limit: int = -1, offset: int = 0) -> list[Preview]:
        """Previews, newest first."""
        clauses, params = _filter_sql(where)
        rows = self._read(
            f"SELECT {PREVIEW_COLUMNS} FROM entries e JOIN feeds f ON f.id = e.feed_id {clauses} "
            "ORDER BY e.published DESC, e.id DESC LIMIT ? OFFSET ?",
            (*params, limit, offset),
        )
        return [preview_of(row) for row in rows]

    def previews_by_id(self, entry_ids: Iterable[int]) -> dict[int, Preview]:
        """The previews of these entries (those still stored), by id."""
        wanted = json.dumps(sorted({int(i) for i in entry_ids}))
        rows = self._read(f"SELECT {PREVIEW_COLUMNS} FROM entries e JOIN feeds f ON f.id = e.feed_id "
                          "WHERE e.id IN (SELECT value FROM json_each(?))", (wanted,))
        return {preview.id: preview for preview in map(preview_of, rows)}

    def count(self, where: Filter = Filter()) -> int:
        """How many entries the filter shows."""
        clauses, params = _filter_sql(where)
        sql = f"SELECT count(*) FROM entries e JOIN feeds f ON f.id = e.feed_id {clauses}"
        rows = self._read(sql, params)
        return int(rows[0][0])

    def article(self, entry_id: int) -> Article | None:
        """One entry with all its text, or None."""
        rows = self._read(
            f"SELECT {PREVIEW_COLUMNS}, e.author, e.summary, e.content, e.full_text "
            "FROM entries e JOIN feeds f ON f.id = e.feed_id WHERE e.id = ?",
            (entry_id,),
        )
        if not rows:
            return None
        row = rows[0]
        return Article(preview_of(row), author=row[9], summary=row[10], content=row[11], full_text=row[12])

    def set_read(self, entry_ids: Iterable[int], read: bool = True) -> None:
        """Mark entries read or unread."""
        self._set_flag("read", entry_ids, read)

    def set_starred(self, entry_ids: Iterable[int], starred: bool = True) -> None:
        """Star or unstar entries."""
        self._set_flag("starred", entry_ids, starred)

    def _set_flag(self, column: str, entry_ids: Iterable[int], value: bool) -> None:
        with self.transaction() as conn:
            conn.executemany(f"UPDATE entries SET {column} = ? WHERE id = ?",
                             [(int(value), entry_id) for entry_id in entry_ids])

    def set_full_text(self, entry_id: int, text: str | None) -> None:
        """Cache the extracted article text (indexed for search)."""
        with self.transaction() as conn:
            conn.execute("UPDATE entries SET full_text = ? WHERE id = ?", (text, entry_id))

    def missing_full_text(self, limit: int = 100) -> list[int]:
        """Unread entries whose page was never fetched, newest first (what a prefetch should load)."""
        rows = self._read("SELECT id FROM entries WHERE full_text IS NULL AND read = 0 AND link != '' "
                          "ORDER BY published DESC LIMIT ?", (limit,))
        return [int(row[0]) for row in rows]

    def prune(self, retention_days: int, now: datetime) -> int:
        """Delete unstarred entries older than the retention; returns how many went."""
        cutoff = (now - timedelta(days=retention_days)).timestamp()
        with self.transaction() as conn:
            cursor = conn.execute("DELETE FROM entries WHERE published < ? AND starred = 0", (cutoff,))
            return cursor.rowcount

    # Search

    def search(self, query: str, *, limit: int = 50, offset: int = 0,
               now: datetime | None = None) -> list[SearchHit]:
        """Entries matching the words, best first (bm25, with a boost for recent ones), with the matches
        marked in the title and a snippet. Raises search.QueryTooLong for a query past the caps."""
        return fts.search(self._read, query, limit=limit, offset=offset,
                          now=(now or datetime.now(UTC)).timestamp())

    # History

    def record_refresh(self, report: RefreshReport) -> None:
        """Keep what each feed's refresh did, and forget the oldest refreshes."""
        with self.transaction() as conn:
            refresh_id = conn.execute("INSERT INTO refreshes (started, finished) VALUES (?, ?)",
                                      (report.started.timestamp(), report.finished.timestamp())).lastrowid
            for r in report.results:
                conn.execute(
                    """INSERT INTO feed_results (refresh_id, feed_id, status, http_status, error, warning,
                         new, updated, duration)
                       SELECT ?, id, ?, ?, ?, ?, ?, ?, ? FROM feeds WHERE name = ?""",
                    (refresh_id, r.status.value, r.http_status, r.error, r.warning, r.new, r.updated,
                     r.duration, r.feed),
                )
            conn.execute("DELETE FROM refreshes WHERE id <= ?", (int(refresh_id or 0) - HISTORY_KEPT,))

    def last_refresh(self) -> datetime | None:
        """When the last refresh finished."""
        rows = self._read("SELECT max(finished) FROM refreshes")
        return moment(rows[0][0]) if rows and rows[0][0] else None


def _filter_sql(where: Filter) -> tuple[str, list[object]]:
    clauses: list[str] = []
    params: list[object] = []
    if where.feed:
        clauses.append("f.name = ?")
        params.append(where.feed)
    if where.tag:
        clauses.append(f"instr('{SEPARATOR}' || f.tags || '{SEPARATOR}', ?) > 0")
        params.append(f"{SEPARATOR}{where.tag}{SEPARATOR}")
    if where.unread_only:
        clauses.append("e.read = 0")
    if where.starred_only:
        clauses.append("e.starred = 1")
    if where.team:
        clauses.append(_TEAM_CLAUSE)
        params.extend([where.team, where.team, f"{SEPARATOR}{where.team}{SEPARATOR}",
                       'title : "' + " ".join(re.findall(r"\w+", where.team)) + '"'])
    return ("WHERE " + " AND ".join(clauses)) if clauses else "", params


# A team's articles: those whose title or lead the match centre read as about it (reader.matches.reading: the
# fixture named, the teams and coaches' clubs named), and those whose title names it (transfer news, round-ups).
_TEAM_CLAUSE = f"""e.id IN (SELECT entry_id FROM entry_readings WHERE home = ? OR away = ?
        OR instr('{SEPARATOR}' || teams || '{SEPARATOR}', ?) > 0
    UNION SELECT rowid FROM entries_fts WHERE entries_fts MATCH ?)"""


def _insert(conn: sqlite3.Connection, feed_id: int, r: EntryRecord, digest: str, published: float,
            now: float) -> None:
    cursor = conn.execute(
        """INSERT INTO entries (feed_id, uid, title, link, author, summary, content, categories,
             published, updated, first_seen, content_hash)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        (feed_id, r.uid, r.title, r.link, r.author, r.summary, r.content, SEPARATOR.join(r.categories),
         published, _timestamp(r.updated), now, digest),
    )
    # Indexed here rather than by a trigger (see migration 4), folded as the entries_search view folds.
    conn.execute("INSERT INTO entries_fts (rowid, title, summary, content) VALUES (?, ?, ?, ?)",
                 (cursor.lastrowid, index_fold(r.title), index_fold(r.summary), index_fold(r.content)))


def _update(conn: sqlite3.Connection, feed_id: int, r: EntryRecord, digest: str) -> None:
    conn.execute(
        """UPDATE entries SET title = ?, link = ?, author = ?, summary = ?, content = ?, categories = ?,
             published = coalesce(?, published), updated = ?, content_hash = ?
           WHERE feed_id = ? AND uid = ?""",
        (r.title, r.link, r.author, r.summary, r.content, SEPARATOR.join(r.categories),
         _timestamp(r.published), _timestamp(r.updated), digest, feed_id, r.uid),
    )


def _content_hash(r: EntryRecord) -> str:
    parts = (r.title, r.link, r.author, r.summary, r.content, SEPARATOR.join(r.categories),
             str(_timestamp(r.published)))
    return hashlib.blake2b("\x00".join(parts).encode("utf-8", "replace"), digest_size=16).hexdigest()


def _timestamp(moment: datetime | None) -> float | None:
    return moment.timestamp() if moment else None
