"""`sportreader fixtures update`: each followed competition's season downloaded from `[fixtures] url` through
the feeds' fetch layer (conditional GET, the size cap, the timeout), checked whole, then stored.

A download that fails, or a file that is not that season's fixtures, is that competition's error alone:
the season already in the calendar stays as it was.
"""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Literal

from reader.matches.calendar import store_season
from reader.matches.openfootball import FixtureFileError, check_season, read_season, season_of
from reader.models import FixturesSpec, Settings
from reader.store import Store
from reader.store import calendar as stored
from reader.store.calendar import CalendarConflict

if TYPE_CHECKING:
    from reader.feeds.fetch import Fetcher  # imported with the first update: httpx is not needed before

ACCEPT = "application/json, text/plain;q=0.9, */*;q=0.5"
Outcome = Literal["stored", "unchanged", "error"]


@dataclass(frozen=True, slots=True)
class UpdateResult:
    """What the update did for one competition's season."""

    competition: str
    season: str
    url: str
    outcome: Outcome
    fixtures: int = 0
    error: str | None = None
    http_status: int | None = None


def current_season(today: date | None = None) -> str:
    """The season under way (or about to start, from July)."""
    return season_of(today or datetime.now(UTC).date())


def update_fixtures(store: Store, settings: Settings, spec: FixturesSpec, season: str | None = None,
                    *, now: datetime | None = None) -> list[UpdateResult]:
    """Download and store every followed competition's season (the current one by default)."""
    chosen = check_season(season) if season else current_season()
    return asyncio.run(_update_all(store, settings, spec, chosen, now or datetime.now(UTC)))


async def _update_all(store: Store, settings: Settings, spec: FixturesSpec, season: str,
                      now: datetime) -> list[UpdateResult]:
    from reader.feeds.fetch import Fetcher

    async with Fetcher(settings) as fetcher:
        return list(await asyncio.gather(*(_update_one(store, fetcher, settings, code, season, spec.url, now)
                                           for code in spec.competitions)))


async def _update_one(store: Store, fetcher: Fetcher, settings: Settings, code: str, season: str, template: str,
                      now: datetime) -> UpdateResult:
    from reader.feeds.fetch import FetchError

    url = template.format(season=season, code=code)
    old = stored.source(store, code, season)
    # Validators only for the same file downloaded before: a shipped season has none to offer.
    same = old is not None and old.origin == "download" and old.url == url
    try:
        got = await fetcher.fetch(url, etag=old.etag if same and old else None,
                                  last_modified=old.last_modified if same and old else None,
                                  max_bytes=settings.max_feed_bytes, accept=ACCEPT)
    except FetchError as exc:
        return UpdateResult(code, season, url, "error", error=str(exc), http_status=exc.status)
    digest = hashlib.blake2b(got.body, digest_size=16).hexdigest()
    if got.not_modified or (same and old is not None and old.digest == digest):
        stored.touch(store, code, season, etag=got.etag, last_modified=got.last_modified, stored=now)
        return UpdateResult(code, season, url, "unchanged", fixtures=stored.count(store, code, season),
                            http_status=got.status)
    try:
        read = read_season(got.body, code, season)
        store_season(store, read, origin="download", digest=digest, now=now, url=url, etag=got.etag,
                     last_modified=got.last_modified)
    except (FixtureFileError, CalendarConflict) as exc:
        return UpdateResult(code, season, url, "error", error=str(exc), http_status=got.status)
    return UpdateResult(code, season, url, "stored", fixtures=len(read.fixtures), http_status=got.status)


def failed(results: Sequence[UpdateResult]) -> list[UpdateResult]:
    """The competitions whose update failed."""
    return [r for r in results if r.outcome == "error"]
