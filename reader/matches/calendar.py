"""The calendar in the store: the seasons shipped with the app (data/fixtures.tsv), loaded on first use and
again when the app ships a newer file, unless a season was downloaded since; and any season read from a file.

data/fixtures.tsv.gz is written by scripts/fixtures.py from openfootball's files, one fixture a line with the
names already mapped (1,329 fixtures in 11 kB), so the app knows the calendar offline.
"""

from __future__ import annotations

import gzip
import hashlib
from collections.abc import Iterable, Iterator, Mapping
from datetime import UTC, date, datetime
from itertools import groupby

from reader.matches.competitions import competition_name
from reader.matches.openfootball import Season, fixture_key, read_season
from reader.matches.rome import kickoff_utc
from reader.matches.tables import DATA_DIR
from reader.store import Store
from reader.store import calendar as stored
from reader.store.calendar import Fixture, FixtureSource

SHIPPED_FILE = DATA_DIR / "fixtures.tsv.gz"
COLUMNS = ("competition", "season", "round", "day", "time", "home", "away", "score", "status")
_HEADER = ("# The seasons of openfootball's football.json (CC0) shipped with sportreader, written by\n"
           "# scripts/fixtures.py: do not edit by hand. Days and times are Italian (Europe/Rome); teams\n"
           "# are the press's names (reader/matches/data/clubs.tsv).\n")


def store_season(store: Store, season: Season, *, origin: str, digest: str, now: datetime | None = None,
                 url: str | None = None, etag: str | None = None, last_modified: str | None = None) -> None:
    """Replace a competition's season in the calendar by the fixtures of `season` (one transaction)."""
    src = FixtureSource(competition=season.competition, season=season.season, origin=origin,
                        name=season.name, digest=digest, stored=now or datetime.now(UTC), url=url, etag=etag,
                        last_modified=last_modified)
    stored.replace(store, src, season.fixtures)


def ensure_shipped(store: Store, now: datetime | None = None) -> int:
    """Load the shipped seasons the store lacks, or holds from an older shipped file; a downloaded or demo
    season is never replaced. Returns how many seasons were loaded."""
    have = {(s.competition, s.season): s for s in stored.sources(store)}
    loaded = 0
    for competition, season, block, digest in _blocks(shipped_text()):
        old = have.get((competition, season))
        if old is None or (old.origin == "shipped" and old.digest != digest):
            store_season(store, _season(competition, season, block), origin="shipped", digest=digest, now=now)
            loaded += 1
    return loaded


def ensure_files(store: Store, files: Mapping[tuple[str, str], bytes], *, origin: str,
                 now: datetime | None = None) -> int:
    """Store seasons given as openfootball files by (competition, season) - the demo edition's calendar -
    unless the store holds the same bytes already. Returns how many were stored."""
    loaded = 0
    for (competition, season), data in files.items():
        digest = hashlib.blake2b(data, digest_size=16).hexdigest()
        old = stored.source(store, competition, season)
        if old is None or old.digest != digest:
            store_season(store, read_season(data, competition, season), origin=origin, digest=digest, now=now)
            loaded += 1
    return loaded


def read_shipped(text: str | None = None) -> list[tuple[Season, str]]:
    """The shipped seasons, each with the digest of its lines."""
    return [(_season(competition, season, block), digest)
            for competition, season, block, digest in _blocks(shipped_text() if text is None else text)]


def _blocks(text: str) -> Iterator[tuple[str, str, list[str], str]]:
    """(competition, season, lines, digest of the lines) for each season of the file's text."""
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    if lines and lines[0].split("\t") == list(COLUMNS):
        lines = lines[1:]
    for (competition, season), group in groupby(lines, key=lambda line: tuple(line.split("\t", 2)[:2])):
        block = list(group)
        yield competition, season, block, hashlib.blake2b("\n".join(block).encode(), digest_size=16).hexdigest()


def _season(competition: str, season: str, block: list[str]) -> Season:
    return Season(competition, season, f"{competition_name(competition)} {season}",
                  tuple(_fixture(line) for line in block))


def shipped_text() -> str:
    """The text of the shipped file ('' when it is missing)."""
    try:
        return gzip.decompress(SHIPPED_FILE.read_bytes()).decode("utf-8")
    except FileNotFoundError:
        return ""


def compress(text: str) -> bytes:
    """The shipped file's bytes for its text: the same bytes for the same text (no time stamp)."""
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)


def write_shipped(seasons: Iterable[Season]) -> str:
    """The text of the shipped file for these seasons."""
    return _HEADER + "\t".join(COLUMNS) + "\n" + "".join(line + "\n" for s in seasons for line in _lines(s))


def _lines(season: Season) -> Iterator[str]:
    for f in season.fixtures:
        score = f"{f.score[0]}-{f.score[1]}" if f.score else ""
        yield "\t".join((f.competition, f.season, f.round, f.day.isoformat(), f.time or "", f.home, f.away, score,
                         f.status or ""))


def _fixture(line: str) -> Fixture:
    competition, season, round_, day_text, clock, home, away, score, status = line.split("\t")
    day = date.fromisoformat(day_text)
    goals = tuple(int(g) for g in score.split("-")) if score else None
    return Fixture(key=fixture_key(day, home, away), competition=competition, season=season, round=round_, day=day,
                   time=clock or None, kickoff=kickoff_utc(day, clock or None), home=home, away=away,
                   score=(goals[0], goals[1]) if goals else None, status=status or None)
