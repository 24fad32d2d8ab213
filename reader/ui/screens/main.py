"""The main screen: it lays out the panes, moves the focus between them and coordinates what they ask for.

The panes own their keys (the list its cursor, opening and marks; the article view its scrolling,
quotes, find and people; the match centre, in the list's place, its matches and timelines). The screen
binds what works everywhere (filters, search, refresh, the next article, help, quit), stores the marks the
panes request (and undoes them), and forwards a key of one pane pressed in another: `]` in the list jumps
to the open article's next quote, or says none is open.
"""

from __future__ import annotations

import asyncio
import threading
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Input

from reader.settings.keymap import FEED_SLOTS
from reader.store import Filter, Preview, StoreError
from reader.text.messages import _, ngettext
from reader.text.sanitize import clean_line
from reader.ui.bindings import bindings, forwarders
from reader.ui.screens.centre import CentreScreen
from reader.ui.widgets.article import ArticleView
from reader.ui.widgets.keysbar import KeysBar
from reader.ui.widgets.list_pane import ListPane
from reader.ui.widgets.marks import MarkRequested
from reader.ui.widgets.previews import PreviewList
from reader.ui.widgets.sidebar import Sidebar
from reader.ui.widgets.topbar import TopBar

if TYPE_CHECKING:
    from reader.ui.app import SportReaderApp
    from reader.ui.widgets.matchlists import Timeline

# Actions after whose key the user types (a query, a filter): priority bindings, so the keys typed right
# after reach the box they open rather than run as commands (see action_search).
TYPED_AFTER = ("search", "filter_tag")
NARROW = 100  # columns under which one pane is shown at a time


class MainScreen(CentreScreen):
    """Top bar, sidebar, list (or the match centre), article, key bar."""

    BINDINGS = [
        # In the order of the key bar (after the focused pane's own): what a newcomer needs first.
        *bindings("search", "refresh", "matches", "next_article", "previous_article", "next_unread", "filter_tag",
                  "open_browser", "copy_link", "back", "undo", "switch_pane", "unread_only", "starred_only",
                  "my_team", "match_of_article", "toggle_sidebar", "feeds", "help", "quit", priority=TYPED_AFTER),
        *forwarders(ArticleView.__name__, "next_quote", "previous_quote", "find", "find_next", "find_previous",
                    "toggle_people", priority=("find",)),
        *forwarders(PreviewList.__name__, "toggle_read", "star", "mark_all_read"),
        *(Binding(str(n), f"feed_slot({n})", f"feed {n}", show=False) for n in range(1, FEED_SLOTS + 1)),
    ]

    def __init__(self, app_: SportReaderApp) -> None:
        # The layout classes from the start: added on mount and on the first resize (a narrow terminal),
        # each restyled every widget once more before the first paint.
        super().__init__(classes=" ".join(name for name, on in (("-narrow", app_.size.width < NARROW),
                                                              ("-no-sidebar", not app_.state.sidebar),
                                                              ("-matches", app_.state.view == "matches")) if on))
        self.main = app_
        self.filter = app_.state.filter()
        self.query_text: str | None = None  # a search shown instead of the list
        self.undo_marks: list[Preview] = []  # the articles of the last change of read marks, as they were
        self.warmed = False

    def compose(self) -> ComposeResult:
        yield TopBar(self.main, id="topbar")
        with Horizontal(id="main"):
            yield Sidebar(id="sidebar")
            yield ListPane(self.main, id="list-column")
            if self.in_matches:  # remembered: the match centre paints first, without a mount after
                from reader.ui.widgets.centre import CentrePane

                yield CentrePane(self.main, id="centre-column")
            yield ArticleView(self.main, id="reader-column")
        yield KeysBar(id="keys")

    def on_mount(self) -> None:
        self.set_focus(self.previews)
        load_list = partial(self.list_pane.load, self.filter, None, keep=self.main.state.selected)
        if self.centre is not None:  # the match centre shown from the start: it after the paint, then the list
            self.centre.focus_list()
            self.after_centre = load_list
            self.call_after_refresh(self.ensure_centre)
        else:
            load_list()
        if self.main.refresh_on_start:
            self.set_timer(0.05, self.action_refresh)
        minutes = self.main.config.settings.refresh_minutes
        if minutes > 0:
            self.set_interval(minutes * 60, self.action_refresh)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Keys of priority bindings (see action_search) are characters in a text box.
        return not (action in TYPED_AFTER and isinstance(self.focused, Input))

    def on_descendant_focus(self) -> None:
        self.query_one(KeysBar).refresh_keys()

    def on_descendant_blur(self) -> None:
        self.call_after_refresh(self.query_one(KeysBar).refresh_keys)

    def on_resize(self) -> None:
        self.set_class(self.size.width < NARROW, "-narrow")

    @property
    def article(self) -> ArticleView:
        return self.query_one(ArticleView)

    @on(ListPane.Loaded)
    def _loaded(self) -> None:
        if not self.warmed:
            self.warmed = True
            self.call_after_refresh(self._warm)

    def _warm(self) -> None:
        """After the first paint: the sidebar's counts, then the annotator and network modules on threads."""
        self.load_sidebar()
        self.main.decorations.warm(lambda: self.app.call_from_thread(self.previews.redecorate))
        self.ensure_centre()
        threading.Thread(target=_preload, name="sportreader-preload", daemon=True).start()

    @work(group="sidebar", exclusive=True)
    async def load_sidebar(self) -> None:
        """Feeds and tags with their unread counts; the top bar's failing feeds and last refresh."""
        store = self.main.store
        feeds = await asyncio.to_thread(store.feeds_overview)
        last = await asyncio.to_thread(store.last_refresh)
        self.query_one(Sidebar).show(feeds, self.filter)
        self.query_one(TopBar).show_feeds(feeds, last)

    # Opening and closing articles

    @on(PreviewList.Chosen)
    def _chosen(self, event: PreviewList.Chosen) -> None:
        self.open_article(event.preview)

    @on(PreviewList.Highlighted)
    def _highlighted(self, event: PreviewList.Highlighted) -> None:
        # The open article stays until enter, n or p: moving the cursor costs no reader update. A search's hits
        # are not remembered: esc goes back to the article selected before the search.
        if self.query_text is None:
            self.main.state.selected = event.preview.id

    def open_article(self, preview: Preview, *, source: str = "list") -> None:
        """Show an article, give the reader the keys (at every width), mark it read. `source` is the list it
        was opened from ("list", or "centre": a match's timeline), where n, p and esc go on from."""
        self.article_source = source
        self.remove_class("-peek")
        self.add_class("-reading")
        self.article.open(preview)
        self.set_focus(self.reader)
        if not preview.read:
            self.post_message(MarkRequested([preview], read=True, undoable=False))

    @on(ArticleView.Closed)
    def close_article(self) -> None:
        """Back to the list, its cursor on the article that was open."""
        self.remove_class("-reading")
        self.article.close()
        self.set_focus(self.home_list())

    async def action_forward(self, pane: str, action: str) -> None:
        """A key of the article or the list pressed elsewhere: act on that pane, or say why not."""
        if pane == ArticleView.__name__:
            if not self.reading or self.article.preview is None:
                self.notify(_("No article is open: {key} opens the selected one.").format(
                    key=self.main.key_hint("open")), timeout=2)
                return
            targets: tuple[Widget, ...] = (self.article, self.reader)
        else:
            targets = (self.previews,)
        for target in targets:
            if hasattr(target, f"action_{action}"):
                await target.run_action(action)
                return

    async def action_command(self, action: str) -> None:
        """An action chosen in the command palette, run by whoever owns it: this screen, the article, the list."""
        if hasattr(self, f"action_{action}"):
            await self.run_action(action)
        elif hasattr(self.article, f"action_{action}") or hasattr(self.reader, f"action_{action}"):
            await self.action_forward(ArticleView.__name__, action)
        else:
            await self.action_forward(PreviewList.__name__, action)

    def action_back(self) -> None:
        search = self.list_pane.search_box()
        if self.has_class("-peek"):
            self.remove_class("-peek")
            self.set_focus(self.reader if self.reading else self.previews)
        elif search is not None and search.has_focus:
            search.display = False
            self.set_focus(self.previews)
        elif self.reading:
            self.close_article()
        elif self.in_matches:
            self.show_list()
        elif self.query_text is not None:
            self.query_text = None
            if search is not None:
                search.value = ""
                search.display = False
            self.reload(keep=self.main.state.selected)
        elif self.filter != Filter():
            self.set_filter(Filter())
        else:
            self.notify(_("Nothing to close here: {key} quits.").format(key=self.main.key_hint("quit")), timeout=2)

    def action_switch_pane(self) -> None:
        focused = self.focused
        home = self.home_list()
        if self.reading:
            in_article = focused is not None and self.article in focused.ancestors_with_self
            self.set_focus(home if in_article else self.reader)
        elif focused is not home:
            self.set_focus(home)
        elif self.query_one(Sidebar).display and self.query_one(Sidebar).region.width:
            self.set_focus(self.query_one(Sidebar))
        else:
            self.notify(_("No article is open: {key} opens the selected one.").format(
                key=self.main.key_hint("open")), timeout=2)

    def action_next_article(self) -> None:
        articles = self.article_list()
        self._step_article(articles, articles.step(1))

    def action_previous_article(self) -> None:
        articles = self.article_list()
        self._step_article(articles, articles.step(-1))

    def action_next_unread(self) -> None:
        articles = self.article_list()
        if articles.step_to_unread():
            self._step_article(articles, True)
        else:
            self.notify(_("No other unread article in this list."), timeout=2)

    def _step_article(self, articles: PreviewList | Timeline, moved: bool) -> None:
        if moved and articles.selected:
            self.open_article(articles.selected, source="list" if articles is self.previews else "centre")
        else:
            self.notify(_("No other article in this list."), timeout=2)

    # Marks: the panes ask, the screen stores (and keeps the last change of read marks to undo it)

    @on(MarkRequested)
    def _mark_requested(self, event: MarkRequested) -> None:
        if not event.previews:
            return
        if event.read is not None and event.undoable:
            self.undo_marks = list(event.previews)
        changed = [replace(p, read=p.read if event.read is None else event.read,
                           starred=p.starred if event.starred is None else event.starred) for p in event.previews]
        told = ""
        if event.every_shown:
            done = ngettext("{n} article marked as read.", "{n} articles marked as read.", len(changed))
            told = _("{done} {key} undoes it.").format(done=done.format(n=len(changed)),
                                                      key=self.main.key_hint("undo"))
        elif event.starred is not None:
            told = _("Starred ★") if event.starred else _("Star removed")
        self._apply(changed, read=event.read is not None, starred=event.starred is not None, told=told,
                    recount=event.every_shown)

    def _apply(self, changed: list[Preview], *, read: bool, starred: bool, told: str, recount: bool) -> None:
        """Show the marks at once, then store them."""
        centre = self.centre
        for preview in changed:
            self.previews.update_preview(preview)
            if centre is not None:
                centre.update_preview(preview)
            if self.reader.preview and self.reader.preview.id == preview.id:
                self.reader.preview = preview
        self._save_marks(changed, read, starred, told, recount)

    @work(group="marks")
    async def _save_marks(self, changed: list[Preview], read: bool, starred: bool, told: str,
                          recount: bool) -> None:
        store = self.main.store
        try:
            for value in (True, False):
                if read and (ids := [p.id for p in changed if p.read is value]):
                    await asyncio.to_thread(store.set_read, ids, value)
                if starred and (ids := [p.id for p in changed if p.starred is value]):
                    await asyncio.to_thread(store.set_starred, ids, value)
        except StoreError as exc:
            self.notify(_("Not saved: {error}").format(error=clean_line(str(exc), 200)), severity="error")
            return
        if told:
            self.notify(told, timeout=4)
        if read:
            if recount:  # many changed: count again (and an unread-only list drops them)
                self.reload()
            else:
                self.list_pane.adjust_unread(sum(-1 if p.read else 1 for p in changed), self.filter,
                                             self.query_text)
            self.load_sidebar()

    def action_undo(self) -> None:
        if not self.undo_marks:
            self.notify(_("Nothing to undo."), timeout=2)
            return
        before, self.undo_marks = self.undo_marks, []
        told = ngettext("{n} article as it was before.", "{n} articles as they were before.", len(before))
        self._apply([replace(self._current(p), read=p.read) for p in before], read=True, starred=False,
                    told=told.format(n=len(before)), recount=len(before) > 1)

    def _current(self, preview: Preview) -> Preview:
        """The list's version of an article (its star may have changed since)."""
        index = self.previews.index_of(preview.id)
        row = self.previews.rows[index].preview if index is not None else None
        centre = self.centre
        return row or (centre.timeline.previews.get(preview.id) if centre else None) or preview

    # The link

    def article_target(self) -> Preview | None:
        """The article an action is about: the open one while the article has the focus, else the selected one
        (of the match centre's timeline while it has the focus)."""
        focused = self.focused
        if self.reading and focused is not None and self.article in focused.ancestors_with_self:
            return self.article.preview
        pane = self.centre
        if pane is not None and focused is not None and pane in focused.ancestors_with_self:
            return pane.timeline.selected if pane.showing_match else None
        return self.previews.selected

    def _no_article(self) -> None:
        """Say why a key about an article did nothing in the match centre's matches."""
        pane, focused = self.centre, self.focused
        if pane is not None and focused is pane.matches:
            self.notify(_("This key acts on an article: {key} opens the match's articles.").format(
                key=self.main.key_hint("open")), timeout=3)

    def action_open_browser(self) -> None:
        target = self.article_target()
        if target is None:
            self._no_article()
        elif target.link:
            self.main.open_link(target.link)

    def action_copy_link(self) -> None:
        target = self.article_target()
        if target is None:
            self._no_article()
        elif target.link:
            self.app.copy_to_clipboard(target.link)
            self.notify(_("Link copied."), timeout=1.5)

    # Refresh, dialogs, quitting

    def action_refresh(self) -> None:
        self.list_pane.refreshing = True
        self.query_one(TopBar).start()

    @on(TopBar.Refreshed)
    def _refreshed(self, event: TopBar.Refreshed) -> None:
        self.reload()
        self.load_sidebar()
        if event.report.new or any(r.updated for r in event.report.results):
            self.load_centre()  # the new articles read and joined

    def action_feeds(self) -> None:
        from reader.ui.screens.feeds import FeedsScreen

        disabled = {f.name for f in self.main.config.feeds if not f.enabled}
        # Pushed now, filled from the store after: the keys typed next go to it, not to the list.
        self.app.push_screen(FeedsScreen(partial(asyncio.to_thread, self.main.store.feeds_overview),
                                         self.main.clock(), disabled=disabled))

    def action_help(self) -> None:
        from reader.ui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen(self.main.active_keys()))

    def action_quit(self) -> None:
        self.app.exit()


def _preload() -> None:
    """Import what the first refresh and the first article need, so neither stalls the UI on import."""
    import reader.article.loader
    import reader.feeds.refresh  # noqa: F401
