"""The sidebar: all feeds, starred, the match centre with my teams' last and next matches, each tag and each
feed with its unread count."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.settings.keymap import FEED_SLOTS
from reader.store import FeedOverview, Filter
from reader.text.messages import N_, _
from reader.text.sanitize import clean_line
from reader.ui.bindings import bindings

SIDEBAR_TEXT = 27  # the sidebar is 30 columns: text, padding and scrollbar


@dataclass(frozen=True, slots=True)
class SidebarChoice:
    """What a sidebar row filters by."""

    feed: str | None = None
    tag: str | None = None
    starred: bool = False
    keep: bool = False
    team: str | None = None  # my team's articles
    centre: bool = False  # the match centre
    match: str | None = None  # one match of the centre, by its key


@dataclass(frozen=True, slots=True)
class MatchRow:
    """A row of the sidebar's match section: its words and what choosing it does."""

    label: str
    choice: SidebarChoice


class Sidebar(OptionList):
    """Feeds and tags; choosing one filters the list. It moves with the list's keys (j k g G, enter)."""

    BINDINGS = bindings("open", "cursor_down", "cursor_up", "first", "last", "page_down", "page_up",
                        labels={"open": N_("filter")})

    class Chosen(Message):
        """A row was chosen."""

        def __init__(self, choice: SidebarChoice) -> None:
            super().__init__()
            self.choice = choice

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.choices: dict[str, SidebarChoice] = {}
        self.feed_names: list[str] = []
        self.tags: list[str] = []
        self.match_rows: list[MatchRow] = []
        self._shown: tuple[list[FeedOverview], Filter] = ([], Filter())

    def show_matches(self, rows: Sequence[MatchRow]) -> None:
        """The match section's rows under the centre's (my teams, their last and next matches)."""
        self.match_rows = list(rows)
        self.show(*self._shown)

    def show(self, feeds: Sequence[FeedOverview], current: Filter) -> None:
        """Fill the rows from the store's overview."""
        self._shown = (list(feeds), current)
        self.feed_names = [f.name for f in feeds]
        unread_by_tag: dict[str, int] = {}
        for feed in feeds:
            for tag in feed.tags:
                unread_by_tag[tag] = unread_by_tag.get(tag, 0) + feed.unread
        self.tags = sorted(unread_by_tag)
        total = sum(f.unread for f in feeds)
        rows: list[tuple[str, Text, SidebarChoice]] = [
            ("all", _row(_("All"), total, bold=True), SidebarChoice()),
            ("starred", _row("★ " + _("Starred"), None), SidebarChoice(starred=True)),
            ("centre", _row(_("Match centre"), None), SidebarChoice(centre=True)),
        ]
        rows += [(_match_id(row.choice), _row(("  " if row.choice.match else "") + row.label, None), row.choice)
                 for row in self.match_rows]
        heads = 3 + len(self.match_rows)
        rows += [(f"tag:{t}", _row(f"#{t}", unread_by_tag[t]), SidebarChoice(tag=t)) for t in self.tags]
        for index, feed in enumerate(feeds):
            slot = f"{index + 1} " if index < FEED_SLOTS else "  "
            label = _row(slot + clean_line(feed.name, 40), feed.unread, error=feed.status == "error")
            rows.append((f"feed:{feed.name}", label, SidebarChoice(feed=feed.name)))
        self.choices = {key: choice for key, _, choice in rows}
        self.clear_options()
        self.add_options([Option(label, id=key) for key, label, _ in rows[:2]])
        self.add_option(Option(Text(_("Matches"), style="dim italic"), disabled=True))
        self.add_options([Option(label, id=key) for key, label, _ in rows[2:heads]])
        if self.tags:
            self.add_option(Option(Text(_("Tags"), style="dim italic"), disabled=True))
            self.add_options([Option(label, id=key) for key, label, _ in rows[heads:heads + len(self.tags)]])
        self.add_option(Option(Text(_("Feeds"), style="dim italic"), disabled=True))
        self.add_options([Option(label, id=key) for key, label, _ in rows[heads + len(self.tags):]])
        self.highlight_filter(current)

    def highlight_filter(self, current: Filter) -> None:
        """Put the highlight on the row of the current filter."""
        key = (f"feed:{current.feed}" if current.feed else f"tag:{current.tag}" if current.tag
               else f"team:{current.team}" if current.team else "starred" if current.starred_only else "all")
        try:
            self.highlighted = self.get_option_index(key)
        except Exception:
            self.highlighted = None

    def feed_at(self, slot: int) -> str | None:
        """The feed shown with number `slot` (1-based)."""
        return self.feed_names[slot - 1] if 0 < slot <= len(self.feed_names) else None

    def action_open(self) -> None:
        self.action_select()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        choice = self.choices.get(event.option.id or "")
        if choice is not None:
            self.post_message(self.Chosen(choice))


def _match_id(choice: SidebarChoice) -> str:
    return f"match:{choice.match}" if choice.match else f"team:{choice.team}"


def _row(label: str, unread: int | None, *, bold: bool = False, error: bool = False) -> Text:
    text = Text(label, style="bold" if bold else "", no_wrap=True, overflow="ellipsis")
    if error:
        text.append(" ⚠", style="bold red")
    if unread:
        text.append(f"  {unread}", style="bold #3b8eea")
    if len(text) > SIDEBAR_TEXT:  # keep the count in view: shorten the name, not the number
        cut = len(text) - SIDEBAR_TEXT + 1
        name_end = len(label)
        text = text[:name_end - cut] + Text("…") + text[name_end:]
    return text
