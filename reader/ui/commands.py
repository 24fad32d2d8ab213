"""The command palette (ctrl+p): every action of the app, a filter per feed and tag, my team, and the themes."""

from __future__ import annotations

from collections.abc import AsyncIterator
from functools import partial
from typing import Any

from textual.command import DiscoveryHit, Hit, Hits, Provider

from reader.settings.appearance import THEMES
from reader.settings.keymap import ACTIONS, key_label
from reader.text.messages import _


class SportReaderCommands(Provider):
    """Actions by their description, plus 'Feed: X' and 'Tag: X' filters, 'My team: X' and 'Tema: X' (the last
    two kept for next time)."""

    def _commands(self) -> list[tuple[str, Any, str]]:
        screen = self.screen
        commands: list[tuple[str, Any, str]] = []
        run_action = getattr(screen, "run_action", None)
        if run_action is None or not hasattr(screen, "action_command"):  # the main screen's commands only
            return commands
        keys: dict[str, str] = getattr(self.app, "active_keys", dict)()
        for spec in ACTIONS:
            description = _(spec.description)
            label = description[:1].upper() + description[1:]
            help_text = _("key: {keys}").format(keys=key_label(keys.get(spec.id, spec.keys)))
            commands.append((label, partial(run_action, f"command({spec.id!r})"), help_text))
        sidebar = getattr(screen, "query_one", None)
        try:
            from reader.ui.widgets.sidebar import Sidebar

            bar = sidebar(Sidebar) if sidebar else None
        except Exception:
            bar = None
        if bar is not None:
            for feed in bar.feed_names:
                commands.append((f"Feed: {feed}", partial(run_action, f"filter_feed({feed!r})"), _("filter")))
            for tag in bar.tags:
                commands.append((f"Tag: #{tag}", partial(run_action, f"filter_tag_name({tag!r})"), _("filter")))
        commands += _team_commands(screen, run_action)
        for theme in THEMES:
            current = _("colours (in use)") if theme == self.app.theme else _("colours")
            commands.append((f"{_('Theme')}: {theme}", partial(setattr, self.app, "theme", theme), current))
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


def _team_commands(screen: Any, run_action: Any) -> list[tuple[str, Any, str]]:
    """'My team: X' for each team of the calendar (once the match centre has read it), and 'My team: none'."""
    data = getattr(screen, "centre_data", None)
    if data is None:
        return []
    mine = set(getattr(screen, "my_teams", ()))
    word = _("My team")
    commands = [(f"{word}: {team}", partial(run_action, f"set_my_team({team!r})"),
                 _("my team (in use)") if team in mine else _("my team: the match centre opens on it"))
                for team in data.teams]
    nobody = _("no team")  # apart: an f-string's own calls are not extracted for the catalogue
    commands.append((f"{word}: {nobody}", partial(run_action, "set_my_team('')"), _("no team of mine")))
    return commands
