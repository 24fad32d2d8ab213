"""What the match detector read in each entry, kept beside it, and the entries the match centre joins.

A reading is stored with the version of the detector that made it and the entry's content hash: an entry
edited by its publisher, or a new detector, makes it stale and it is read again; the others never are.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from reader.store.records import SEPARATOR
from reader.store.store import Store

TEXT_CHARS = 600  # of the summary: what the detector and the story similarity read


@dataclass(frozen=True, slots=True)
class Reading:
    """The teams of the fixture the title or lead names (in their order there), its score, the article's
    kind, the stage its title's words tell (`cue`), the other teams named, the competition the text says,
    and the shingles of its text (for telling the same story apart)."""

    home: str | None
    away: str | None
    score: str | None
    kind: str
    teams: tuple[str, ...] = ()
    competition: str | None = None
    cue: str | None = None
    shingles: bytes = b""


@dataclass(frozen=True, slots=True)
class EntryText:
    """What the detector reads of an entry."""

    id: int
    title: str
    summary: str
    categories: tuple[str, ...]
    content_hash: str


@dataclass(frozen=True, slots=True)
class ReadEntry:
    """An entry as the match centre joins it: its preview's fields and its reading."""

    id: int
    feed: str
    title: str
    link: str
    published: datetime
    reading: Reading


def stale(store: Store, version: str, limit: int = -1) -> list[EntryText]:
    """Entries with no reading by this version of the detector, or one of an older text; newest first."""
    rows = store._read(
        f"""SELECT e.id, e.title, substr(e.summary, 1, {TEXT_CHARS}), e.categories, e.content_hash
            FROM entries e LEFT JOIN entry_readings r ON r.entry_id = e.id
            WHERE r.entry_id IS NULL OR r.version != ? OR r.content_hash != e.content_hash
            ORDER BY e.published DESC LIMIT ?""", (version, limit))
    return [EntryText(int(row[0]), str(row[1]), str(row[2]), _split(row[3]), str(row[4])) for row in rows]


def stale_count(store: Store, version: str) -> int:
    """How many entries `stale` would return."""
    rows = store._read(
        """SELECT count(*) FROM entries e LEFT JOIN entry_readings r ON r.entry_id = e.id
           WHERE r.entry_id IS NULL OR r.version != ? OR r.content_hash != e.content_hash""", (version,))
    return int(rows[0][0])


def save(store: Store, version: str, readings: Sequence[tuple[EntryText, Reading]]) -> None:
    """Store the readings of these entries (one transaction)."""
    with store.transaction() as conn:
        conn.executemany(
            """INSERT OR REPLACE INTO entry_readings (entry_id, version, content_hash, home, away, score, kind,
                 cue, teams, competition, shingles) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            [(e.id, version, e.content_hash, r.home, r.away, r.score, r.kind, r.cue, SEPARATOR.join(r.teams),
              r.competition, r.shingles) for e, r in readings])


def joinable(store: Store, start: datetime | None = None, end: datetime | None = None,
             ids: Sequence[int] | None = None) -> list[ReadEntry]:
    """The read entries that name a team, published in [start, end) (None: open), oldest first; or the
    entries `ids` whatever they name."""
    clauses = ["(r.home IS NOT NULL OR r.teams != '')"] if ids is None else [
        "e.id IN (SELECT value FROM json_each(?))"]
    params: list[object] = [] if ids is None else [_json_ids(ids)]
    if start is not None:
        clauses.append("e.published >= ?")
        params.append(start.timestamp())
    if end is not None:
        clauses.append("e.published < ?")
        params.append(end.timestamp())
    rows = store._read(
        f"""SELECT e.id, f.name, e.title, e.link, e.published, r.home, r.away, r.score, r.kind, r.cue, r.teams,
                   r.competition, r.shingles
            FROM entry_readings r JOIN entries e ON e.id = r.entry_id JOIN feeds f ON f.id = e.feed_id
            WHERE {" AND ".join(clauses)}""", params)
    # Sorted here: in SQL the order by time and id made a temporary B-tree that doubled the query's time.
    return [_entry(tuple(row)) for row in sorted(rows, key=lambda row: (row[4], row[0]))]


def count(store: Store) -> int:
    """How many entries have a reading."""
    return int(store._read("SELECT count(*) FROM entry_readings")[0][0])


def _entry(row: tuple[Any, ...]) -> ReadEntry:
    """A row of `joinable` (its columns are already the types of the fields: this runs for every entry)."""
    entry_id, feed, title, link, published, home, away, score, kind, cue, teams, competition, shingles = row
    reading = Reading(home, away, score, kind, tuple(teams.split(SEPARATOR)) if teams else (), competition, cue,
                      shingles)
    return ReadEntry(entry_id, feed, title, link, datetime.fromtimestamp(published, UTC), reading)


def _json_ids(ids: Sequence[int]) -> str:
    return "[" + ",".join(str(int(i)) for i in ids) + "]"


def _split(value: object) -> tuple[str, ...]:
    return tuple(v for v in str(value or "").split(SEPARATOR) if v)
