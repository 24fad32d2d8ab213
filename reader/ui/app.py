"""The sportreader app: the store, the background loop and the article loader, under the main screen.

The UI thread never touches the network, and the disk only through `asyncio.to_thread` or the
background loop: refreshes and article loads run on a `BackgroundLoop`, store reads in threads.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from textual.app import App

from reader.models import FeedResult, RefreshReport
from reader.settings import paths
from reader.settings.appearance import THEMES
from reader.settings.config import Config
from reader.settings.keymap import ACTIONS
from reader.store import Filter, Preview, Store
from reader.text import render
from reader.ui.background import BackgroundLoop
from reader.ui.commands import SportReaderCommands
from reader.ui.decorate import Decorations
from reader.ui.screens.main import FIRST_PAGE, MainScreen, off
from reader.ui.state import UIState, load_state, save_state


class SportReaderApp(App[int]):
    """sportreader's terminal UI."""

    CSS_PATH = Path(__file__).with_name("app.tcss")  # absolute: subclasses may live elsewhere
    TITLE = "sportreader"
    COMMANDS = App.COMMANDS | {SportReaderCommands}
    ENABLE_COMMAND_PALETTE = True

    def __init__(self, config: Config, data_dir: Path, *, store: Store | None = None,
                 refresh_on_start: bool = True, clock: Callable[[], datetime] | None = None) -> None:
        super().__init__()
        self.config = config
        self.data_dir = data_dir
        self._own_store = store is None
        self.store = store or Store(paths.database_file(data_dir))
        self.refresh_on_start = refresh_on_start
        self.clock = clock or render.now_utc
        self.state: UIState = load_state(data_dir)
        self.decorations = Decorations(config.names)
        # The first screenful (an indexed read of a few milliseconds) is read here, before Textual starts:
        # on a thread it would wait for the GIL behind the whole start-up, and the list would paint 40 ms later.
        start = self.state.filter()
        self._first_page: tuple[Filter, list[Preview]] | None = (start, self.store.previews(start, limit=FIRST_PAGE))
        self.background: BackgroundLoop | None = None
        self._loader: Any = None
        self.opened_urls: list[str] = []
        theme = self.state.theme or config.settings.theme
        self.theme = theme if theme in THEMES else config.settings.theme
        if config.keys:
            self.set_keymap(config.keys)

    def on_mount(self) -> None:
        self.push_screen(MainScreen(self))

    async def first_page(self, where: Filter) -> list[Preview]:
        """The first previews for a filter: the ones read at start-up if they are for it."""
        started, self._first_page = self._first_page, None
        if started is not None and started[0] == where:
            return started[1]
        return await off(self.store.previews, where, limit=FIRST_PAGE)

    def watch_theme(self, theme: str) -> None:
        self.state.theme = theme

    def active_keys(self) -> dict[str, str]:
        """Each action's keys as in use now."""
        return {a.id: self.config.keys.get(a.id, a.keys) for a in ACTIONS}

    def _bg(self) -> BackgroundLoop:
        if self.background is None:
            self.background = BackgroundLoop()
        return self.background

    async def refresh_feeds(self, on_result: Callable[[FeedResult], None]) -> RefreshReport:
        """Refresh every enabled feed on the background loop."""
        from reader.feeds.refresh import Refresher

        refresher = Refresher(self.config, self.store, on_result=on_result)
        return await self._bg().run(refresher.run())

    async def load_article(self, entry_id: int) -> Any:
        """The best text of an entry, fetching its page on the background loop."""
        return await self._bg().run(self._load(entry_id))

    async def _load(self, entry_id: int) -> Any:
        return await self._article_loader().load(entry_id)

    async def prefetch(self) -> int:
        """Fetch the pages of unread articles for offline reading."""
        return await self._bg().run(self._prefetch())

    async def _prefetch(self) -> int:
        loaded: int = await self._article_loader().prefetch_unread()
        return loaded

    def _article_loader(self) -> Any:
        if self._loader is None:
            from reader.article.loader import ArticleLoader

            self._loader = ArticleLoader(self.config.settings, self.store)
        return self._loader

    def open_link(self, url: str) -> None:
        """Open a link in the browser (recorded, so tests can check it without a browser)."""
        import webbrowser

        self.opened_urls.append(url)
        webbrowser.open(url, new=2)

    def save_state(self) -> None:
        """Remember the selection, filter, theme and sidebar."""
        save_state(self.data_dir, self.state)

    async def on_unmount(self) -> None:
        self.save_state()
        if self.background is not None:
            loader = self._loader
            self.background.stop(loader.aclose() if loader is not None else None)
        if self._own_store:
            self.store.close()


def run_tui(config: Config, data_dir: Path, *, refresh_on_start: bool = True) -> int:
    """Run the app until the user quits; returns the exit code."""
    app = SportReaderApp(config, data_dir, refresh_on_start=refresh_on_start)
    result = app.run()
    return int(result or 0)


__all__ = ["MainScreen", "SportReaderApp", "run_tui"]
