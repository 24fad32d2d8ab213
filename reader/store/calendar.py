"""The fixtures calendar: one source per competition and season, each replaced whole, and its fixtures."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

from reader.store.store import Store


@dataclass(frozen=True, slots=True)
class Fixture:
    """One match of the calendar. `day` and `time` are the local (Europe/Rome) ones of the source; `kickoff`
    is the same moment in UTC (at noon that day while the time is not set)."""

    key: str
    competition: str
    season: str
    round: str
    day: date
    time: str | None
    kickoff: datetime
    home: str
    away: str
    score: tuple[int, int] | None = None
    status: str | None = None


@dataclass(frozen=True, slots=True)
class FixtureSource:
    """Where a competition's season came from: `origin` is 'shipped', 'download' or 'demo'; `digest` is the
    hash of the file its fixtures were read from; etag and last_modified are what the next download sends."""

    competition: str
    season: str
    origin: str
    name: str
    digest: str
    stored: datetime
    url: str | None = None
    etag: str | None = None
    last_modified: str | None = None


class CalendarConflict(ValueError):
    """Two fixtures of the calendar would have the same key: the new file was not stored."""


_FIXTURE_COLUMNS = """x.key, s.competition, s.season, x.round, x.day, x.time, x.kickoff, x.home, x.away,
    x.home_goals, x.away_goals, x.status"""


def sources(store: Store) -> list[FixtureSource]:
    """Every source of the calendar, by competition and season."""
    rows = store._read("SELECT competition, season, origin, name, digest, stored, url, etag, last_modified "
                       "FROM fixture_sources ORDER BY season, competition")
    return [_source(row) for row in rows]


def source(store: Store, competition: str, season: str) -> FixtureSource | None:
    """The source of one competition's season, or None."""
    found = [s for s in sources(store) if s.competition == competition and s.season == season]
    return found[0] if found else None


def replace(store: Store, src: FixtureSource, fixtures: Sequence[Fixture]) -> None:
    """Store `fixtures` as the whole of `src`'s competition and season, in one transaction.

    A key that another source already holds raises CalendarConflict and leaves the calendar as it was.
    """
    try:
        with store.transaction() as conn:
            conn.execute("DELETE FROM fixture_sources WHERE competition = ? AND season = ?",
                         (src.competition, src.season))
            source_id = conn.execute(
                """INSERT INTO fixture_sources (competition, season, origin, name, url, etag, last_modified,
                     digest, stored) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                (src.competition, src.season, src.origin, src.name, src.url, src.etag, src.last_modified,
                 src.digest, src.stored.timestamp())).lastrowid
            conn.executemany(
                """INSERT INTO fixtures (source_id, key, round, day, time, kickoff, home, away, home_goals,
                     away_goals, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                [(source_id, f.key, f.round, f.day.isoformat(), f.time, f.kickoff.timestamp(), f.home, f.away,
                  *(f.score or (None, None)), f.status) for f in fixtures])
    except sqlite3.IntegrityError as exc:
        raise CalendarConflict(f"two fixtures with the same teams on the same day ({exc})") from None


def touch(store: Store, competition: str, season: str, *, etag: str | None, last_modified: str | None,
          stored: datetime) -> None:
    """Note that a source was checked and has not changed (a 304): new validators, the same fixtures."""
    with store.transaction() as conn:
        conn.execute("UPDATE fixture_sources SET etag = coalesce(?, etag), "
                     "last_modified = coalesce(?, last_modified), stored = ? WHERE competition = ? AND season = ?",
                     (etag, last_modified, stored.timestamp(), competition, season))


def remove(store: Store, competition: str, season: str) -> None:
    """Forget one competition's season and its fixtures."""
    with store.transaction() as conn:
        conn.execute("DELETE FROM fixture_sources WHERE competition = ? AND season = ?", (competition, season))


def between(store: Store, start: datetime | None = None, end: datetime | None = None) -> list[Fixture]:
    """The fixtures kicking off in [start, end), earliest first; None leaves that side open."""
    low = start.timestamp() if start else float("-inf")
    high = end.timestamp() if end else float("inf")
    rows = store._read(f"SELECT {_FIXTURE_COLUMNS} FROM fixtures x JOIN fixture_sources s ON s.id = x.source_id "
                       "WHERE x.kickoff >= ? AND x.kickoff < ? ORDER BY x.kickoff, x.key", (low, high))
    return [_fixture(row) for row in rows]


def by_key(store: Store, key: str) -> Fixture | None:
    """One fixture by its key, or None."""
    rows = store._read(f"SELECT {_FIXTURE_COLUMNS} FROM fixtures x JOIN fixture_sources s ON s.id = x.source_id "
                       "WHERE x.key = ?", (key,))
    return _fixture(rows[0]) if rows else None


def count(store: Store, competition: str | None = None, season: str | None = None) -> int:
    """How many fixtures the calendar holds (of one competition's season, when given)."""
    if competition is None:
        return int(store._read("SELECT count(*) FROM fixtures")[0][0])
    return int(store._read("SELECT count(*) FROM fixtures x JOIN fixture_sources s ON s.id = x.source_id "
                           "WHERE s.competition = ? AND s.season = ?", (competition, season))[0][0])


def _fixture(row: Sequence[object]) -> Fixture:
    score = (int(_number(row[9])), int(_number(row[10]))) if row[9] is not None and row[10] is not None else None
    return Fixture(key=str(row[0]), competition=str(row[1]), season=str(row[2]), round=str(row[3]),
                   day=date.fromisoformat(str(row[4])), time=str(row[5]) if row[5] is not None else None,
                   kickoff=datetime.fromtimestamp(_number(row[6]), UTC),
                   home=str(row[7]), away=str(row[8]), score=score, status=str(row[11]) if row[11] else None)


def _source(row: Sequence[object]) -> FixtureSource:
    return FixtureSource(competition=str(row[0]), season=str(row[1]), origin=str(row[2]), name=str(row[3]),
                         digest=str(row[4]), stored=datetime.fromtimestamp(_number(row[5]), UTC),
                         url=_optional(row[6]), etag=_optional(row[7]), last_modified=_optional(row[8]))


def _number(value: object) -> float:
    assert isinstance(value, int | float)
    return float(value)


def _optional(value: object) -> str | None:
    return None if value is None else str(value)
