"""The command palette (ctrl+p): every action of the app, a filter per feed and tag, and the themes."""

from __future__ import annotations

from collections.abc import AsyncIterator
from functools import partial
from typing import Any

from textual.command import DiscoveryHit, Hit, Hits, Provider

from reader.settings.appearance import THEMES
from reader.settings.keymap import ACTIONS, key_label


class SportReaderCommands(Provider):
    """Actions by their description, plus 'Feed: X' and 'Tag: X' filters and 'Tema: X' (kept for next time)."""

    def _commands(self) -> list[tuple[str, Any, str]]:
        screen = self.screen
        commands: list[tuple[str, Any, str]] = []
        run_action = getattr(screen, "run_action", None)
        if run_action is None:
            return commands
        for spec in ACTIONS:
            label = spec.description[0].upper() + spec.description[1:]
            commands.append((label, partial(run_action, spec.id), f"tasto: {key_label(spec.keys)}"))
        sidebar = getattr(screen, "query_one", None)
        try:
            from reader.ui.widgets.sidebar import Sidebar

            bar = sidebar(Sidebar) if sidebar else None
        except Exception:
            bar = None
        if bar is not None:
            for feed in bar.feed_names:
                commands.append((f"Feed: {feed}", partial(run_action, f"filter_feed({feed!r})"), "filtra"))
            for tag in bar.tags:
                commands.append((f"Tag: #{tag}", partial(run_action, f"filter_tag_name({tag!r})"), "filtra"))
        for theme in THEMES:
            current = " (in uso)" if theme == self.app.theme else ""
            commands.append((f"Tema: {theme}", partial(setattr, self.app, "theme", theme), f"colori{current}"))
        return commands

    async def discover(self) -> Hits:
        for label, callback, help_text in self._commands():
            yield DiscoveryHit(label, callback, help=help_text)

    async def search(self, query: str) -> AsyncIterator[Hit]:
        matcher = self.matcher(query)
        for label, callback, help_text in self._commands():
            score = matcher.match(label)
            if score > 0:
                yield Hit(score, matcher.highlight(label), callback, help=help_text)
