"""The marks a user puts on a match, by its key: watched, and no spoilers (hide its score until watched)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from reader.store.store import Store


@dataclass(frozen=True, slots=True)
class MatchMarks:
    """A match's marks; a match never marked has both off."""

    watched: bool = False
    no_spoilers: bool = False


def marks(store: Store, keys: Iterable[str] | None = None) -> dict[str, MatchMarks]:
    """The marks of these matches (of every marked match for None); unmarked ones are left out."""
    wanted = None if keys is None else sorted(set(keys))
    if wanted is not None and not wanted:
        return {}
    sql = "SELECT match_key, watched, no_spoilers FROM match_marks"
    rows = store._read(sql) if wanted is None else store._read(
        sql + " WHERE match_key IN (SELECT value FROM json_each(?))", (json.dumps(wanted),))
    return {str(row[0]): MatchMarks(bool(row[1]), bool(row[2])) for row in rows}


def set_marks(store: Store, key: str, *, watched: bool | None = None, no_spoilers: bool | None = None) -> MatchMarks:
    """Change a match's marks (None keeps a mark as it is); returns them as stored."""
    with store.transaction() as conn:
        row = conn.execute("SELECT watched, no_spoilers FROM match_marks WHERE match_key = ?", (key,)).fetchone()
        old = MatchMarks(bool(row[0]), bool(row[1])) if row else MatchMarks()
        new = MatchMarks(old.watched if watched is None else watched,
                         old.no_spoilers if no_spoilers is None else no_spoilers)
        if new == MatchMarks():
            conn.execute("DELETE FROM match_marks WHERE match_key = ?", (key,))
        else:
            conn.execute("INSERT OR REPLACE INTO match_marks (match_key, watched, no_spoilers) VALUES (?, ?, ?)",
                         (key, int(new.watched), int(new.no_spoilers)))
    return new
