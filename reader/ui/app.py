"""The sportreader app: the store, the background loop and the article loader, under the main screen.

The UI thread never touches the network, and the disk only through `asyncio.to_thread` or the
background loop: refreshes and article loads run on a `BackgroundLoop`, store reads in threads.
Textual's own commands and messages (the palette, ctrl+c, the screenshot) are said in the app's language.
"""

from __future__ import annotations

import asyncio
import subprocess
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from textual.app import App, SystemCommand
from textual.command import CommandPalette
from textual.screen import Screen

from reader.models import FeedResult, RefreshReport
from reader.settings import paths
from reader.settings.appearance import THEMES
from reader.settings.config import Config
from reader.settings.keymap import ACTIONS, key_label, split_keys
from reader.store import Filter, Preview, Store
from reader.text import render
from reader.text.messages import _
from reader.ui import browser
from reader.ui.background import BackgroundLoop
from reader.ui.commands import SportReaderCommands
from reader.ui.decorate import Decorations
from reader.ui.screens.main import MainScreen
from reader.ui.state import UIState, load_state, save_state
from reader.ui.widgets.list_pane import FIRST_PAGE

SCREENSHOTS = "screenshots"  # in the data dir


class SportReaderApp(App[int]):
    """sportreader's terminal UI."""

    CSS_PATH = Path(__file__).with_name("app.tcss")  # absolute: subclasses may live elsewhere
    TITLE = "sportreader"
    COMMANDS = App.COMMANDS | {SportReaderCommands}
    ENABLE_COMMAND_PALETTE = True

    def __init__(self, config: Config, data_dir: Path, *, store: Store | None = None,
                 refresh_on_start: bool = True, clock: Callable[[], datetime] | None = None,
                 demo_fixtures: Mapping[tuple[str, str], bytes] | None = None) -> None:
        super().__init__()
        self.config = config
        self.data_dir = data_dir
        self._own_store = store is None
        self.store = store or Store(paths.database_file(data_dir))
        self.refresh_on_start = refresh_on_start
        self.clock = clock or render.now_utc
        # The demo edition's own calendar (openfootball files by competition and season), else the shipped one.
        self.demo_fixtures = demo_fixtures
        self.state: UIState = load_state(data_dir)
        self.decorations = Decorations(config.names, known=self._known_people)
        # The first screenful (an indexed read of a few milliseconds) is read here, before Textual starts:
        # on a thread it would wait for the GIL behind the whole start-up, and the list would paint 40 ms later.
        # Started on the match centre, the list is read after the first paint instead.
        start = self.state.filter()
        self._first_page: tuple[Filter, list[Preview]] | None = (
            (start, self.store.previews(start, limit=FIRST_PAGE)) if self.state.view != "matches" else None)
        self.background: BackgroundLoop | None = None
        self._loader: Any = None
        self.opened_urls: list[str] = []
        theme = self.state.theme or config.settings.theme
        self.theme = theme if theme in THEMES else config.settings.theme
        if config.keys:
            self.set_keymap(config.keys)


    def _known_people(self) -> list[Any]:
        """The people the cache taught the annotator (its people index), for every article shown."""
        from reader.annotate.model import KnownPerson
        from reader.store import people

        return [KnownPerson(row.name, row.kind, row.team) for row in people.learned(self.store)]

    def on_mount(self) -> None:
        self.push_screen(MainScreen(self))

    async def first_page(self, where: Filter) -> list[Preview]:
        """The first previews for a filter: the ones read at start-up if they are for it."""
        started, self._first_page = self._first_page, None
        if started is not None and started[0] == where:
            return started[1]
        return await asyncio.to_thread(self.store.previews, where, limit=FIRST_PAGE)

    def watch_theme(self, theme: str) -> None:
        self.state.theme = theme

    def active_keys(self) -> dict[str, str]:
        """Each action's keys as in use now."""
        return {a.id: self.config.keys.get(a.id, a.keys) for a in ACTIONS}

    def key_hint(self, action_id: str) -> str:
        """The first key of an action as in use now, as a message names it ('z', 'esc')."""
        keys = split_keys(self.active_keys()[action_id])
        return key_label(keys[0]) if keys else action_id

    # The background loop: refreshes and article pages

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

    # The world outside: the browser, screenshots

    def open_link(self, url: str) -> None:
        """Open a link in the browser and say whether it did (recorded, so tests can check it)."""
        self.opened_urls.append(url)
        outcome = browser.open_link(url, self.config.settings.browser, in_terminal=self._in_terminal)
        if outcome.opened:
            self.notify(_("Opened in the browser."), timeout=1.5)
        else:
            self.notify(_("Not opened: {reason}. {key} copies the link; the browser setting in feeds.toml "
                          "or $BROWSER names one.").format(reason=outcome.reason, key=self.key_hint("copy_link")),
                        severity="warning", timeout=6)

    def _in_terminal(self, argv: list[str]) -> int:
        """Run a terminal browser in this terminal, the app suspended until it exits."""
        with self.suspend():
            return subprocess.run(argv, check=False).returncode

    def action_screenshot(self, filename: str | None = None, path: str | None = None) -> None:
        """Save an SVG picture of the screen in the data dir's screenshots/, and say where."""
        folder = Path(path) if path else self.data_dir / SCREENSHOTS
        try:
            folder.mkdir(parents=True, exist_ok=True)
            saved = self.save_screenshot(filename, str(folder))
        except OSError as exc:
            self.notify(_("Screenshot not saved: {error}").format(error=exc), severity="error")
            return
        self.notify(_("Screenshot saved: {path}").format(path=saved), timeout=6)

    # Textual's own commands and messages, in the app's language

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        yield SystemCommand(_("Theme"), _("Change the colours (remembered for the next start)"),
                            self.action_change_theme)
        yield SystemCommand(_("Keys"), _("Every key of sportreader"), lambda: self._run_on(screen, "help"))
        if screen.maximized is not None:
            yield SystemCommand(_("Minimize"), _("Give the pane its place back"), screen.action_minimize)
        elif screen.focused is not None and screen.focused.allow_maximize:
            yield SystemCommand(_("Maximize"), _("The focused pane on the whole screen"), screen.action_maximize)
        yield SystemCommand(_("Screenshot"), _("Save an SVG picture of the screen in {path}").format(
            path=self.data_dir / SCREENSHOTS), lambda: self.set_timer(0.1, self.action_screenshot))
        yield SystemCommand(_("Quit"), _("Quit sportreader"), self.exit)

    def _run_on(self, screen: Screen[Any], action: str) -> None:
        self.call_later(screen.run_action, action)

    def action_command_palette(self) -> None:
        if self.use_command_palette and not CommandPalette.is_open(self):  # type: ignore[arg-type]
            self.push_screen(CommandPalette(placeholder=_("Search for commands…"), id="--command-palette"))

    def search_themes(self) -> None:
        from textual.theme import ThemeProvider

        self.push_screen(CommandPalette(providers=[ThemeProvider], placeholder=_("Search for themes…")))

    def action_help_quit(self) -> None:
        # ctrl+c copies in a text box, so it does not quit: say which key does.
        self.notify(_("{key} quits sportreader.").format(key=self.key_hint("quit")), title=_("Quit?"))

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


def run_tui(config: Config, data_dir: Path, *, refresh_on_start: bool = True,
            demo_fixtures: Mapping[tuple[str, str], bytes] | None = None) -> int:
    """Run the app until the user quits; returns the exit code."""
    app = SportReaderApp(config, data_dir, refresh_on_start=refresh_on_start, demo_fixtures=demo_fixtures)
    result = app.run()
    return int(result or 0)


__all__ = ["MainScreen", "SportReaderApp", "run_tui"]
