"""The people index: who the cached articles name, how many articles and mentions, their kind and team,
and whom the articles taught the annotator's lists (`learned`: "cue", "speaker" or "names").

The rows are counted by the annotator (reader.annotate.people) from the entries the store hands out here;
this module only keeps them. `indexed_up_to` is the last entry counted: a refresh's new entries are added
to the counts, a rebuild starts again from nothing.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from reader.store.store import Store

BATCH = 500


@dataclass(frozen=True, slots=True)
class PersonRow:
    """One person of the index."""

    name: str
    kind: str
    team: str = ""
    articles: int = 0
    mentions: int = 0
    learned: str = ""


@dataclass(frozen=True, slots=True)
class IndexedText:
    """An entry to index: its id, title and best text."""

    id: int
    title: str
    text: str


def people(store: Store, *, limit: int = -1) -> list[PersonRow]:
    """The index, the most named first."""
    rows = store.read("SELECT name, kind, team, articles, mentions, learned FROM people "
                      "ORDER BY articles DESC, mentions DESC, name LIMIT ?", (limit,))
    return [PersonRow(*row) for row in rows]


def learned(store: Store) -> list[PersonRow]:
    """The people the lists did not know, learned from the cache."""
    return [row for row in people(store) if row.learned]


def indexed_up_to(store: Store) -> int:
    """The id of the last entry counted (0 for an index never built)."""
    rows = store.read("SELECT indexed_up_to FROM people_state WHERE id = 1")
    return int(rows[0][0]) if rows else 0


def entries_after(store: Store, entry_id: int) -> Iterator[IndexedText]:
    """The entries after `entry_id`, oldest first, each with its best text (full article, content, summary)."""
    last = entry_id
    while True:
        rows = store.read("SELECT id, title, coalesce(full_text, nullif(content, ''), summary) FROM entries "
                          "WHERE id > ? ORDER BY id LIMIT ?", (last, BATCH))
        if not rows:
            return
        for row in rows:
            yield IndexedText(int(row[0]), str(row[1]), str(row[2] or ""))
        last = int(rows[-1][0])


def save(store: Store, rows: Iterable[PersonRow], up_to: int, *, rebuild: bool = False) -> None:
    """Add the counts of `rows` to the index (replace it whole when `rebuild`), now counted up to `up_to`."""
    with store.transaction() as conn:
        if rebuild:
            conn.execute("DELETE FROM people")
        conn.executemany(
            """INSERT INTO people (name, kind, team, articles, mentions, learned) VALUES (?, ?, ?, ?, ?, ?)
               ON CONFLICT (name) DO UPDATE SET
                 articles = articles + excluded.articles, mentions = mentions + excluded.mentions,
                 team = CASE WHEN team = '' THEN excluded.team ELSE team END,
                 learned = CASE WHEN learned = '' THEN excluded.learned ELSE learned END""",
            [(r.name, r.kind, r.team, r.articles, r.mentions, r.learned) for r in rows])
        conn.execute("INSERT INTO people_state (id, indexed_up_to, built) VALUES (1, ?, ?) "
                     "ON CONFLICT (id) DO UPDATE SET indexed_up_to = excluded.indexed_up_to, built = excluded.built",
                     (up_to, time.time()))
