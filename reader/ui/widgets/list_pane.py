"""The list column: the search box, the status line and the previews, and loading them for a filter or a search."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, Static

from reader.store import Filter, QueryTooLong
from reader.text import render
from reader.text.messages import _, ngettext
from reader.text.sanitize import clean_line
from reader.ui.widgets.previews import PreviewList, Row, group_by_day

if TYPE_CHECKING:
    from reader.ui.app import SportReaderApp

FIRST_PAGE = 200  # previews read before the first paint
LIST_LIMIT = 50_000  # previews listed at once; older ones are reached by search
SEARCH_LIMIT = 100  # results shown for a search (ranked: the best come first)


class ListPane(Vertical):
    """Shows what the screen asks for (a filter, or a search) and says how many there are."""

    class Loaded(Message):
        """The list was filled."""

    def __init__(self, app_: SportReaderApp, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.main = app_
        self.total = 0
        self.unread = 0
        self.refreshing = False  # said in the empty list's message

    def compose(self) -> ComposeResult:
        yield Static(id="list-status")
        previews = PreviewList(clock=self.main.clock, id="previews")
        previews.decorate = self.main.decorations.decorate
        yield previews

    @property
    def previews(self) -> PreviewList:
        return self.query_one(PreviewList)

    def search_box(self) -> Input | None:
        """The search box, if it has been mounted."""
        return next(iter(self.query("#search").results(Input)), None)

    async def show_search_box(self, text: str) -> Input:
        """The search box, mounted the first time (Input's stylesheet is not needed before the first paint)."""
        search = self.search_box()
        if search is None:
            search = Input(text, id="search", placeholder=_('search every article (words, "exact phrase", prefix*)'))
            await self.mount(search, before="#list-status")
        search.display = True
        return search

    @work(group="list", exclusive=True)
    async def load(self, where: Filter, query: str | None, keep: int | None = None) -> None:
        """Read the list for a filter (or the results of a search) and show it, keeping the selection."""
        previews = self.previews
        keep = keep if keep is not None else (previews.selected.id if previews.selected else None)
        now = self.main.clock()
        store = self.main.store
        if query is not None:
            try:
                hits = await asyncio.to_thread(store.search, query, limit=SEARCH_LIMIT, now=now)
                previews.empty_message = _("No article found for «{query}».").format(query=clean_line(query, 60))
            except QueryTooLong as problem:
                hits, previews.empty_message = [], render.search_refused(problem)
            rows = [Row(h.preview, title_marks=h.title_marks, lead=h.snippet, lead_marks=h.snippet_marks)
                    for h in hits]
        else:
            # A first screenful at once, then the rest: the list paints before 20,000 rows are read.
            listed = await self.main.first_page(where)
            rows = group_by_day(listed, now)
            previews.empty_message = self._empty_message(where)
            if len(listed) == FIRST_PAGE:
                previews.set_rows(rows, keep=keep)
                await self._painted()  # reads on a thread now would slow the first paint (the GIL)
                await self._count(where)
                self.show_status(where, None, len(listed))
                listed += await asyncio.to_thread(store.previews, where, limit=LIST_LIMIT - FIRST_PAGE,
                                                  offset=FIRST_PAGE)
                rows = group_by_day(listed, now)
                selected = previews.selected
                keep = keep if keep is not None and previews.index_of(keep) is None else (
                    selected.id if selected else keep)
            else:
                await self._count(where)
        previews.set_rows(rows, keep=keep)
        self.show_status(where, query, len([r for r in rows if r.preview]))
        self.post_message(self.Loaded())

    async def _painted(self) -> None:
        """Return once the screen has been refreshed."""
        painted = asyncio.Event()
        self.call_after_refresh(painted.set)
        await painted.wait()

    async def _count(self, where: Filter) -> None:
        store = self.main.store
        self.total, self.unread = await asyncio.to_thread(
            lambda: (store.count(where), store.count(replace(where, unread_only=True))))

    def _empty_message(self, where: Filter) -> str:
        if where != Filter():
            return _("No article with this filter. {key} removes the filter.").format(key=self.main.key_hint("back"))
        if self.refreshing:
            return _("No saved article: refreshing…")
        return _("No saved article. Press {key} to refresh the feeds.").format(key=self.main.key_hint("refresh"))

    def show_status(self, where: Filter, query: str | None, shown: int) -> None:
        """The line above the list: what it shows and how many; for a search, the results."""
        status = self.query_one("#list-status", Static)
        if query is not None:
            found = ngettext("{n} result", "{n} results", shown).format(n=shown)
            # The count first: on a narrow list the line is cut (with an ellipsis) from the end.
            status.update(Text.assemble((found, "bold"), " · ", (f"«{clean_line(query, 60)}»", "bold"), " · ",
                                        _("{key} back to the list").format(key=self.main.key_hint("back")),
                                        style="#c98a1b"))
            return
        parts = [ngettext("{n} article", "{n} articles", self.total).format(n=self.total)]
        if not where.unread_only:  # "only unread · 18 articles · 18 unread" says it twice
            parts.append(ngettext("{n} unread", "{n} unread", self.unread).format(n=self.unread))
        if shown < self.total:
            parts.append(ngettext("{n} shown", "{n} shown", shown).format(n=shown))
        status.update(Text.assemble((filter_label(where), "bold"), " · " + " · ".join(parts)))

    def adjust_unread(self, delta: int, where: Filter, query: str | None) -> None:
        """After a mark changed: the unread count moves by `delta`, without a store read."""
        self.unread = max(0, self.unread + delta)
        if query is None:
            self.show_status(where, query, len(self.previews.previews))


def filter_label(where: Filter) -> str:
    """What a filter shows, in a few words: 'Notti Europee · unread'."""
    parts = []
    if where.feed:
        parts.append(clean_line(where.feed, 40))
    if where.tag:
        parts.append("#" + clean_line(where.tag, 30))
    if where.team:
        parts.append(clean_line(where.team, 30))
    if where.unread_only:
        parts.append(_("only unread"))
    if where.starred_only:
        parts.append("★")
    return " · ".join(parts) if parts else _("Every feed")
