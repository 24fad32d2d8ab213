"""An entry's full text: fetch its page -> extract -> cache in the store, or fall back to the feed's text."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from reader.article.extract import MAX_PAGE_BYTES, ExtractError, extract_article
from reader.feeds.fetch import Fetcher, FetchError
from reader.feeds.workers import WorkerError, WorkerPool
from reader.models import Settings
from reader.store import Article, Store
from reader.text.messages import _
from reader.text.sanitize import clean_line

PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"
UNAVAILABLE = ""  # stored as full_text when the page has no extractable article: not tried again


class TextSource(StrEnum):
    """Where the text shown for an article comes from."""

    FULL = "articolo completo"
    CONTENT = "contenuto del feed"
    SUMMARY = "riassunto del feed"


@dataclass(frozen=True, slots=True)
class ArticleText:
    """The text to show, where it comes from, and why the full article is missing if it is."""

    entry_id: int
    text: str
    source: TextSource
    note: str | None = None


def best_text(article: Article, note: str | None = None) -> ArticleText:
    """What the store already has: the full text if cached, else the feed's content or summary."""
    entry_id = article.preview.id
    if article.full_text:
        return ArticleText(entry_id, article.full_text, TextSource.FULL)
    if article.content:
        return ArticleText(entry_id, article.content, TextSource.CONTENT, note)
    return ArticleText(entry_id, article.summary, TextSource.SUMMARY, note)


PREFETCH_LIMIT = 200  # pages fetched after one refresh, newest first


class ArticleLoader:
    """Loads full articles with one fetcher and one extraction pool; use within a running event loop."""

    def __init__(self, settings: Settings, store: Store, *, fetcher: Fetcher | None = None,
                 pool: WorkerPool | None = None) -> None:
        self.store = store
        self._own_fetcher = fetcher is None
        self.fetcher = fetcher or Fetcher(settings)
        self.pool = pool or WorkerPool(workers=1, deadline=max(settings.timeout, 10.0))

    async def load(self, entry_id: int) -> ArticleText | None:
        """The best text for an entry, fetching and caching its page when that was never tried."""
        article = self.store.article(entry_id)
        if article is None:
            return None
        if article.full_text is not None:
            note = None if article.full_text else _("the full article is not available for this page")
            return best_text(article, note)
        if not article.preview.link:
            return best_text(article, _("the entry has no web page"))
        try:
            text = await self._fetch_and_extract(article)
        except FetchError as exc:
            if exc.too_large:  # the same page next time: remembered, not downloaded by every prefetch
                self.store.set_full_text(entry_id, UNAVAILABLE)
                return best_text(article, clean_line(_("full article not available: {error}").format(error=exc), 200))
            # A passing failure: try again next time.
            return best_text(article, clean_line(_("full article not loaded: {error}").format(error=exc), 200))
        except WorkerError as exc:  # a passing failure: try again next time
            return best_text(article, clean_line(_("full article not loaded: {error}").format(error=exc), 200))
        except ExtractError as exc:  # the page itself has no article: remember that
            self.store.set_full_text(entry_id, UNAVAILABLE)
            return best_text(article, clean_line(_("full article not available: {error}").format(error=exc), 200))
        self.store.set_full_text(entry_id, text)
        return ArticleText(entry_id, text, TextSource.FULL)

    async def _fetch_and_extract(self, article: Article) -> str:
        page = await self.fetcher.fetch(article.preview.link, max_bytes=MAX_PAGE_BYTES, accept=PAGE_ACCEPT)
        return await self.pool.run(extract_article, page.body, page.url, title=article.preview.title)

    async def prefetch(self, entry_ids: Iterable[int]) -> int:
        """Load many entries' pages concurrently (for reading offline); returns how many now have full text."""
        results = await asyncio.gather(*(self.load(i) for i in entry_ids))
        return sum(1 for r in results if r is not None and r.source is TextSource.FULL)

    async def prefetch_unread(self, limit: int = PREFETCH_LIMIT) -> int:
        """Fetch the pages of unread entries that have none cached yet."""
        return await self.prefetch(self.store.missing_full_text(limit))

    async def aclose(self, *, wait: bool = True) -> None:
        """Close the pool, and the fetcher if this loader made it; wait=False kills a page's extraction
        rather than waiting for it (an interrupted prefetch, a quitting app)."""
        self.pool.close(wait=wait)
        if self._own_fetcher:
            await self.fetcher.aclose()
