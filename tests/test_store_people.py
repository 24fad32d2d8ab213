"""The people index in the store: the migration that makes it, counts added or rebuilt, entries to index."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from reader.models import FeedSpec
from reader.store import SCHEMA_VERSION, EntryRecord, Store
from reader.store import people as index
from reader.store.db import APPLICATION_ID, MIGRATIONS
from reader.store.people import PersonRow


def entry(uid: str, title: str, summary: str) -> EntryRecord:
    return EntryRecord(uid, title, f"https://example.org/{uid}", "", summary, "", (), datetime.now(UTC), None)


def test_the_last_migration_makes_the_index_and_an_old_cache_gets_it(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    people = next(n for n, script in enumerate(MIGRATIONS) if "CREATE TABLE people" in script)
    for number, script in enumerate(MIGRATIONS[:people]):
        conn.executescript(script)
        conn.execute(f"PRAGMA user_version = {number + 1}")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.commit()
    conn.close()
    with Store(path) as store:
        assert index.people(store) == [] and index.indexed_up_to(store) == 0
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_counts_add_up_and_a_rebuild_starts_again(store: Store) -> None:
    index.save(store, [PersonRow("Lautaro Martínez", "player", "Inter", 2, 3), PersonRow("Emegha", "player",
                                                                                       learned="cue")], 4)
    index.save(store, [PersonRow("Lautaro Martínez", "player", "", 1, 1)], 9)
    rows = {row.name: row for row in index.people(store)}
    assert (rows["Lautaro Martínez"].articles, rows["Lautaro Martínez"].mentions) == (3, 4)
    assert rows["Lautaro Martínez"].team == "Inter" and index.indexed_up_to(store) == 9
    assert [row.name for row in index.learned(store)] == ["Emegha"]
    index.save(store, [PersonRow("Cristian Chivu", "coach", "Inter", 1, 1)], 9, rebuild=True)
    assert [row.name for row in index.people(store)] == ["Cristian Chivu"]


def test_the_entries_after_the_last_indexed_one_come_with_their_best_text(store: Store) -> None:
    store.sync_feeds([FeedSpec("Feed", "https://example.org/feed")])
    store.save_entries("Feed", [entry("a", "Uno", "Primo."), entry("b", "Due", "Secondo.")], now=datetime.now(UTC))
    ids = [e.id for e in index.entries_after(store, 0)]
    store.set_full_text(ids[1], "Il testo completo.")
    texts = [(e.title, e.text) for e in index.entries_after(store, 0)]
    assert texts == [("Uno", "Primo."), ("Due", "Il testo completo.")]
    assert [e.title for e in index.entries_after(store, ids[0])] == ["Due"]
