"""The feed parser in worker processes, each feed under a deadline (see reader.workers)."""

from __future__ import annotations

from datetime import datetime

from reader.models import ParsedFeed
from reader.parse import FeedParseError, parse_feed
from reader.workers import WorkerError, WorkerPool

DEFAULT_DEADLINE = 10.0  # real feeds parse in well under a second


class ParsePool(WorkerPool):
    """A worker pool for parse_feed."""

    def __init__(self, *, workers: int | None = None, deadline: float = DEFAULT_DEADLINE,
                 processes: bool = True) -> None:
        super().__init__(workers=workers, deadline=deadline, processes=processes)

    async def parse(self, body: bytes, content_type: str | None, now: datetime) -> ParsedFeed:
        """Parse one body; FeedParseError when it is not a feed, overruns the deadline or kills its worker."""
        try:
            return await self.run(parse_feed, body, content_type=content_type, now=now)
        except WorkerError as exc:
            raise FeedParseError(f"parsing failed: {exc}") from None
