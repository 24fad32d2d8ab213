"""Checking feeds: fetch and parse each one now, store nothing, and say what came back."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime

from reader.feeds import lookups
from reader.feeds.fetch import Fetcher, FetchError
from reader.feeds.pool import ParsePool
from reader.feeds.task import Named
from reader.models import FeedParseError, FeedResult, FeedSpec, FeedStatus, ParsedFeed
from reader.settings.config import Config
from reader.text.sanitize import clean_line

PARSE_FEED: Named[ParsedFeed] = Named("reader.feeds.parse", "parse_feed")  # imported only by the workers


async def _check_one(fetcher: Fetcher, pool: ParsePool, spec: FeedSpec) -> FeedResult:
    started = time.monotonic()
    try:
        response = await fetcher.fetch(spec.url)
        parsed = await pool.call(PARSE_FEED, response.body, content_type=response.content_type,
                                 now=datetime.now(UTC))
    except (FetchError, FeedParseError) as exc:
        status = exc.status if isinstance(exc, FetchError) else None
        return FeedResult(spec.name, FeedStatus.ERROR, http_status=status, error=clean_line(str(exc), 300),
                          duration=time.monotonic() - started)
    warning = clean_line(parsed.warning, 300) if parsed.warning else None
    return FeedResult(spec.name, FeedStatus.OK, http_status=response.status, warning=warning,
                      new=len(parsed.entries), duration=time.monotonic() - started)


async def _check(config: Config, feeds: Sequence[FeedSpec],
                 on_result: Callable[[FeedResult], None] | None) -> list[FeedResult]:
    pool = ParsePool()

    async def one(fetcher: Fetcher, spec: FeedSpec) -> FeedResult:
        result = await _check_one(fetcher, pool, spec)
        if on_result:
            on_result(result)
        return result

    finished = False
    try:
        async with Fetcher(config.settings) as fetcher:
            results = list(await asyncio.gather(*(one(fetcher, spec) for spec in feeds)))
            finished = True
            return results
    finally:
        pool.close(wait=finished)  # interrupted: killed, not waited for


def check_feeds(config: Config, feeds: Sequence[FeedSpec],
                on_result: Callable[[FeedResult], None] | None = None) -> list[FeedResult]:
    """Fetch and parse every feed concurrently; `new` in each result is the number of entries parsed."""
    return lookups.run(_check(config, feeds, on_result))
