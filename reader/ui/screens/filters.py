"""What the main screen shows: the filters (sidebar, digits, picker, U, S, T), the search, and the sidebar itself.

The base class of MainScreen, apart so each file reads in one sitting.
"""

from __future__ import annotations

import asyncio
from dataclasses import replace
from typing import TYPE_CHECKING

from textual import on
from textual.screen import Screen
from textual.widgets import Input

from reader.store import Filter
from reader.text.messages import _
from reader.text.sanitize import clean_line
from reader.ui.widgets.list_pane import ListPane
from reader.ui.widgets.previews import PreviewList
from reader.ui.widgets.reader_pane import ReaderPane
from reader.ui.widgets.sidebar import Sidebar, SidebarChoice
from reader.ui.widgets.topbar import TopBar

if TYPE_CHECKING:
    from reader.ui.app import SportReaderApp
    from reader.ui.screens.picker import Choice


class FilteringScreen(Screen[None]):
    """The base of the main screen: its panes, and what it shows (filters, search, the sidebar)."""

    main: SportReaderApp
    filter: Filter
    query_text: str | None  # a search shown instead of the list

    @property
    def previews(self) -> PreviewList:
        return self.query_one(PreviewList)

    @property
    def list_pane(self) -> ListPane:
        return self.query_one(ListPane)

    @property
    def reader(self) -> ReaderPane:
        return self.query_one(ReaderPane)

    @property
    def reading(self) -> bool:
        """Whether an article is open (the reader column is shown)."""
        return self.has_class("-reading")

    def reload(self, keep: int | None = None) -> None:
        """Read the list again for the current filter or search."""
        self.list_pane.refreshing = self.query_one(TopBar).refreshing
        self.list_pane.load(self.filter, self.query_text, keep=keep)

    def set_filter(self, where: Filter) -> None:
        """Show the list for a filter (a search is dropped), and remember it for the next start."""
        self.filter = where
        self.query_text = None
        state = self.main.state
        state.feed, state.tag, state.unread_only, state.starred_only, state.team = (
            where.feed, where.tag, where.unread_only, where.starred_only, where.team)
        self.show_list()
        self.reload()
        self.query_one(Sidebar).highlight_filter(where)

    def show_list(self) -> None:
        """The article list in view (the match centre, a subclass's, gives it its place back)."""

    async def choose_centre(self, choice: SidebarChoice) -> bool:
        """A sidebar row of the match centre's, acted on by a subclass: True if it was one."""
        return False

    def action_unread_only(self) -> None:
        self.set_filter(replace(self.filter, unread_only=not self.filter.unread_only))

    def action_starred_only(self) -> None:
        self.set_filter(replace(self.filter, starred_only=not self.filter.starred_only))

    def action_feed_slot(self, slot: int) -> None:
        """A digit: the feed with that number in the sidebar, said aloud, since the sidebar may be hidden."""
        sidebar = self.query_one(Sidebar)
        feed = sidebar.feed_at(slot)
        if feed is None:
            self.notify(_("No feed number {slot}: there are {count}.").format(slot=slot,
                                                                             count=len(sidebar.feed_names)), timeout=2)
            return
        self.set_filter(replace(self.filter, feed=feed, tag=None, team=None))
        self.notify(_("Only {feed} · {key} removes the filter").format(feed=clean_line(feed, 60),
                                                                       key=self.main.key_hint("back")), timeout=2)

    def action_filter_feed(self, name: str) -> None:
        self.set_filter(replace(self.filter, feed=name, tag=None, team=None))

    def action_filter_tag_name(self, tag: str) -> None:
        self.set_filter(replace(self.filter, tag=tag, feed=None, team=None))

    async def action_filter_tag(self) -> None:
        from reader.ui.screens.picker import PickerScreen, picker_choices

        sidebar = self.query_one(Sidebar)
        picker = PickerScreen(_("Filter by tag, feed, team or player"),
                              picker_choices(sidebar.tags, sidebar.feed_names), load=self._cache_choices)
        await self.app.push_screen(picker, self._filter_chosen)
        # A priority binding, like '/': what is typed right after it filters the choices.
        picker.set_focus(picker.query_one("#picker-filter", Input))

    async def _cache_choices(self) -> list[Choice]:
        """What the cache holds to filter by: tags, feeds, and the names its articles contain, most first."""
        from reader.store import facets
        from reader.ui.screens.picker import facet_choices

        store, names = self.main.store, self.main.decorations.known_names()
        found = await asyncio.to_thread(lambda: facets.feeds_and_tags(store) + facets.names_in_articles(store, names))
        return facet_choices(found)

    def _filter_chosen(self, value: str | None) -> None:
        if not value:
            return
        kind, _sep, name = value.partition(":")
        if kind == "tag":
            self.set_filter(replace(self.filter, tag=name, feed=None, team=None))
        elif kind == "feed":
            self.set_filter(replace(self.filter, feed=name, tag=None, team=None))
        else:  # a team or player: every article that mentions it, through the search index
            self.show_list()
            self.query_text = f'"{name}"'
            if search := self.list_pane.search_box():
                search.value = self.query_text
            self.reload(keep=None)

    @on(Sidebar.Chosen)
    async def _sidebar_chosen(self, event: Sidebar.Chosen) -> None:
        choice = event.choice
        if not await self.choose_centre(choice):
            self.set_filter(replace(self.filter, feed=choice.feed, tag=choice.tag, team=None,
                                    starred_only=choice.starred or (self.filter.starred_only and choice.keep)))
        if self.has_class("-peek"):  # shown for the choice: hidden again once made
            self.set_class(False, "-peek")
            self.set_focus(self.previews)

    async def action_search(self) -> None:
        self.show_list()
        search = await self.list_pane.show_search_box(self.query_text or "")
        if self.reading:
            self.set_class(False, "-reading")
        # The keys typed right after '/' must reach the box, not run commands ('a' marks everything read):
        # '/' is a priority binding, so this runs before the app hands them on, and the focus moves now
        # (widget.focus() would move it after them).
        self.set_focus(search)

    @on(Input.Submitted, "#search")
    def _search_submitted(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        if text:
            self.query_text = text
            self.reload(keep=None)
            self.set_focus(self.previews)

    def action_toggle_sidebar(self) -> None:
        """Wide and no article open: show or hide the sidebar for good. Otherwise show it for one choice."""
        narrow = self.has_class("-narrow")
        if narrow and self.reading:
            self.notify(_("The feeds do not fit beside the article: {key} goes back to the list first.")
                        .format(key=self.main.key_hint("back")), timeout=3)
        elif narrow or self.reading or self.has_class("-peek"):
            peek = not self.has_class("-peek")
            self.set_class(peek, "-peek")
            self.set_focus(self.query_one(Sidebar) if peek else (self.reader if self.reading else self.previews))
        else:
            self.main.state.sidebar = not self.main.state.sidebar
            self.set_class(not self.main.state.sidebar, "-no-sidebar")
            if not self.main.state.sidebar and isinstance(self.app.focused, Sidebar):
                self.set_focus(self.previews)
