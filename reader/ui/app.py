"""The sportreader app: the main screen's panes and every action, wired to the layers below.

The UI thread never touches the network, and the disk only through `asyncio.to_thread` or the
background loop: refreshes and article loads run on a `BackgroundLoop`, store reads in threads.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from rich.text import Text
from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from reader.models import FeedResult, RefreshReport
from reader.settings import paths
from reader.settings.appearance import THEMES
from reader.settings.config import Config
from reader.settings.keymap import ACTIONS, FEED_SLOTS
from reader.store import Filter, Preview, QueryTooLong, Store, StoreError
from reader.text import render
from reader.text.sanitize import clean_line
from reader.ui.background import BackgroundLoop
from reader.ui.bindings import bindings
from reader.ui.commands import SportReaderCommands
from reader.ui.decorate import Decorations
from reader.ui.keysbar import KeysBar
from reader.ui.previews import PreviewList, Row, group_by_day
from reader.ui.reader_pane import ReaderPane
from reader.ui.sidebar import Sidebar, SidebarChoice
from reader.ui.state import UIState, load_state, save_state

T = TypeVar("T")
W = TypeVar("W", bound=Widget)
# Actions after whose key the user types (a query, a filter): priority bindings, so the keys typed right
# after reach the box they open rather than run as commands (see action_search).
TYPED_AFTER = ("search", "filter_tag")
FIRST_PAGE = 200  # previews read before the first paint
LIST_LIMIT = 50_000  # previews listed at once; older ones are reached by search
SEARCH_LIMIT = 100  # results shown for a search (ranked: the best come first)
NARROW = 100  # columns under which the reader takes the whole width


async def off(function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Run a blocking call (the store) in a thread and await it."""
    return await asyncio.to_thread(function, *args, **kwargs)


class MainScreen(Screen[None]):
    """Header, sidebar, previews, reader, footer."""

    BINDINGS = [
        *bindings("back", "switch_pane", "open_browser", "copy_link", "refresh", "search", "filter_tag",
                  "unread_only", "starred_only", "toggle_sidebar", "feeds", "help", "quit", target="screen",
                  local=("back", "switch_pane", "open_browser", "copy_link", "refresh", "search",
                         "filter_tag", "unread_only", "starred_only", "toggle_sidebar", "feeds", "help",
                         "quit"),
                 priority=TYPED_AFTER),
        *(Binding(str(n), f"feed_slot({n})", f"feed {n}", show=False) for n in range(1, FEED_SLOTS + 1)),
    ]

    def __init__(self, app_: SportReaderApp) -> None:
        # The layout classes from the start: added on mount and on the first resize (a narrow terminal),
        # each restyled every widget once more before the first paint.
        super().__init__(classes=" ".join(name for name, on in (("-narrow", app_.size.width < NARROW),
                                                              ("-no-sidebar", not app_.state.sidebar)) if on))
        self.main = app_
        self.filter = app_.state.filter()
        self.query_text: str | None = None  # a search shown instead of the list
        self.refreshing = False
        self.progress = (0, 0)
        self.failing = 0
        self.offline = False
        self.last_refresh: datetime | None = None
        self.total = 0
        self.unread = 0
        self.warmed = False

    def compose(self) -> ComposeResult:
        yield Static(id="topbar")
        with Horizontal(id="main"):
            yield Sidebar(id="sidebar")
            with Vertical(id="list-column"):
                yield Static(id="list-status")
                previews = PreviewList(clock=self.main.clock, id="previews")
                previews.decorate = self.main.decorations.decorate
                yield previews
            with Vertical(id="reader-column"), Horizontal(id="reader-row"):
                yield ReaderPane(styles=self.main.config.highlight, id="reader")
        yield KeysBar(id="keys")

    def on_mount(self) -> None:
        self.set_focus(self.query_one(PreviewList))
        self._update_topbar()
        self.load_previews(keep=self.main.state.selected)
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

    # Widgets

    @property
    def previews(self) -> PreviewList:
        return self.query_one(PreviewList)

    @property
    def reader(self) -> ReaderPane:
        return self.query_one(ReaderPane)

    @property
    def store(self) -> Store:
        return self.main.store

    # The search box, the find box and the people list are mounted the first time they are asked for:
    # three fewer widgets (and Input's stylesheet) before the first paint.

    def _optional(self, selector: str, kind: type[W]) -> W | None:
        """The widget if it has been mounted."""
        return next(iter(self.query(selector).results(kind)), None)

    async def _search_box(self) -> Input:
        search = self._optional("#search", Input)
        if search is None:
            search = Input(self.query_text or "", id="search",
                           placeholder="cerca in tutti gli articoli (parole, \"frase esatta\", prefisso*)")
            await self.query_one("#list-column").mount(search, before="#list-status")
        return search

    async def _find_box(self) -> Input:
        find = self._optional("#find", Input)
        if find is None:
            find = Input(placeholder="trova nell'articolo", id="find")
            await self.query_one("#reader-column").mount(find)
        return find

    async def _people_list(self) -> OptionList:
        people = self._optional("#people", OptionList)
        if people is None:
            people = OptionList(id="people")
            await self.query_one("#reader-row").mount(people)
        return people

    # Loading the list

    @work(group="list", exclusive=True)
    async def load_previews(self, keep: int | None = None) -> None:
        """Read the list for the current filter (or search) and show it, keeping the selection."""
        keep = keep if keep is not None else (self.previews.selected.id if self.previews.selected else None)
        now = self.main.clock()
        if self.query_text is not None:
            try:
                hits = await off(self.store.search, self.query_text, limit=SEARCH_LIMIT, now=now)
                self.previews.empty_message = f"Nessun articolo trovato per «{clean_line(self.query_text, 60)}»."
            except QueryTooLong as problem:
                hits, self.previews.empty_message = [], render.search_refused(problem)
            rows = [Row(h.preview, title_marks=h.title_marks, lead=h.snippet, lead_marks=h.snippet_marks)
                    for h in hits]
        else:
            # A first screenful at once, then the rest: the list paints before 20,000 rows are read.
            listed = await self.main.first_page(self.filter)
            rows = group_by_day(listed, now)
            self.previews.empty_message = self._empty_message()
            if len(listed) == FIRST_PAGE:
                self.previews.set_rows(rows, keep=keep)
                await self._painted()  # reads on a thread now would slow the first paint (the GIL)
                self.total, self.unread = await off(self._counts)
                self._update_status(len(listed))
                listed += await off(self.store.previews, self.filter, limit=LIST_LIMIT - FIRST_PAGE,
                                    offset=FIRST_PAGE)
                rows = group_by_day(listed, now)
                selected = self.previews.selected
                keep = keep if keep is not None and self.previews.index_of(keep) is None else (
                    selected.id if selected else keep)
            else:
                self.total, self.unread = await off(self._counts)
        self.previews.set_rows(rows, keep=keep)
        self._update_status(len([r for r in rows if r.preview]))
        if not self.warmed:
            self.warmed = True
            self.call_after_refresh(self._warm)

    async def _painted(self) -> None:
        """Return once the screen has been refreshed."""
        painted = asyncio.Event()
        self.call_after_refresh(painted.set)
        await painted.wait()

    def _warm(self) -> None:
        """After the first paint: the sidebar's counts, then the annotator and network modules on threads."""
        self.load_sidebar()
        self.main.decorations.warm(lambda: self.app.call_from_thread(self._decorations_ready))
        threading.Thread(target=_preload, name="sportreader-preload", daemon=True).start()

    def _counts(self) -> tuple[int, int]:
        return self.store.count(self.filter), self.store.count(replace(self.filter, unread_only=True))

    def _empty_message(self) -> str:
        if self.filter != Filter():
            return "Nessun articolo con questo filtro. esc toglie il filtro."
        if self.refreshing:
            return "Nessun articolo salvato: aggiornamento in corso…"
        return "Nessun articolo salvato. Premi r per aggiornare i feed."

    @work(group="sidebar", exclusive=True)
    async def load_sidebar(self) -> None:
        """Feeds and tags with their unread counts."""
        feeds = await off(self.store.feeds_overview)
        self.failing = sum(1 for f in feeds if f.status == "error")
        self.last_refresh = await off(self.store.last_refresh)
        self.query_one(Sidebar).show(feeds, self.filter)
        self._update_topbar()

    def _update_status(self, shown: int) -> None:
        status = self.query_one("#list-status", Static)
        if self.query_text is not None:
            found = render.count(shown, "risultato", "risultati")
            # The count first: on a narrow list the line is cut (with an ellipsis) from the end.
            status.update(Text.assemble((found, "bold"), " per ", (f"«{clean_line(self.query_text, 60)}»", "bold"),
                                        " · esc torna all'elenco", style="#c98a1b"))
            return
        label = self._filter_label()
        extra = f" · {shown} mostrati" if shown < self.total else ""
        articles = render.count(self.total, "articolo", "articoli")
        status.update(Text.assemble((label, "bold"), f" · {articles} · {self.unread} da leggere{extra}"))

    def _filter_label(self) -> str:
        parts = []
        if self.filter.feed:
            parts.append(clean_line(self.filter.feed, 40))
        if self.filter.tag:
            parts.append("#" + clean_line(self.filter.tag, 30))
        if self.filter.unread_only:
            parts.append("da leggere")
        if self.filter.starred_only:
            parts.append("★")
        return " · ".join(parts) if parts else "Tutti i feed"

    def _update_topbar(self) -> None:
        bar = Text.assemble(("⚽ sportreader", "bold"), "  ")
        if self.refreshing:
            done, total = self.progress
            bar.append(f"⟳ aggiornamento {done}/{total}", style="bold #c98a1b")
        elif self.offline:
            bar.append("offline: mostro gli articoli salvati", style="bold red")
        elif self.last_refresh:
            bar.append(f"aggiornato {render.when(self.last_refresh, self.main.clock())} fa"
                       .replace("ora fa", "ora"), style="dim")
        else:
            bar.append("mai aggiornato", style="dim")
        if self.failing:
            bar.append(f"  ⚠ {self.failing} feed con errori (F)", style="bold red")
        self.query_one("#topbar", Static).update(bar)

    def _decorations_ready(self) -> None:
        self.previews.redecorate()

    # Opening articles

    @on(PreviewList.Chosen)
    def _chosen(self, event: PreviewList.Chosen) -> None:
        self.open_article(event.preview)

    @on(PreviewList.Highlighted)
    def _highlighted(self, event: PreviewList.Highlighted) -> None:
        # The open article stays until enter, n or p: moving the cursor costs no reader update.
        self.main.state.selected = event.preview.id

    def open_article(self, preview: Preview) -> None:
        """Show an article in the reader pane, mark it read, load its full text."""
        self.add_class("-reading")
        self.reader.show_preview(preview)
        if find := self._optional("#find", Input):
            find.display = False
        if self.has_class("-narrow"):
            self.set_focus(self.reader)
        self._load_article(preview)
        if not preview.read:
            self._mark(preview, read=True)

    @work(group="article", exclusive=True)
    async def _load_article(self, preview: Preview) -> None:
        article = await off(self.store.article, preview.id)
        if article is None:
            self.reader.show_empty("L'articolo non è più nella cache.")
            return
        from reader.article.loader import best_text

        needs_page = article.full_text is None and bool(preview.link)
        self.reader.show_text(best_text(article), article.author, loading=needs_page)
        self._annotate(article.body, preview.title)
        if needs_page:
            loaded = await self.main.load_article(preview.id)
            if loaded is not None and self.reader.preview and self.reader.preview.id == preview.id:
                self.reader.show_text(loaded, article.author)
                self._annotate(loaded.text, preview.title)

    @work(group="annotate", exclusive=True, thread=True)
    def _annotate(self, text: str, title: str) -> None:
        annotation = self.main.decorations.annotate(text, title)
        if annotation is not None:
            self.app.call_from_thread(self._show_annotation, text, annotation)

    def _show_annotation(self, text: str, annotation: Any) -> None:
        if self.reader.text is not None and self.reader.text.text == text:
            self.reader.show_annotation(annotation)
            if people := self._optional("#people", OptionList):
                self._fill_people(people)

    def _mark(self, preview: Preview, *, read: bool | None = None, starred: bool | None = None) -> None:
        updated = replace(preview, read=preview.read if read is None else read,
                          starred=preview.starred if starred is None else starred)
        self.previews.update_preview(updated)
        if self.reader.preview and self.reader.preview.id == preview.id:
            self.reader.preview = updated
        self._save_mark(updated, read, starred)

    @work(group="marks")
    async def _save_mark(self, preview: Preview, read: bool | None, starred: bool | None) -> None:
        try:
            if read is not None:
                await off(self.store.set_read, [preview.id], read)
            if starred is not None:
                await off(self.store.set_starred, [preview.id], starred)
        except StoreError as exc:
            self.notify(f"Non salvato: {exc}", severity="error")
            return
        if read is not None:
            self.unread += -1 if read else 1
            self._update_status(len(self.previews.previews))
            self.load_sidebar()

    # Actions: list and reader

    def action_open(self) -> None:
        if self.previews.selected:
            self.open_article(self.previews.selected)

    def action_back(self) -> None:
        find = self._optional("#find", Input)
        search = self._optional("#search", Input)
        if find and find.display:
            find.display = False
            self.reader.clear_find()
            self.set_focus(self.reader)
        elif search and search.has_focus:
            search.display = False
            self.set_focus(self.previews)
        elif self.has_class("-reading"):
            self.remove_class("-reading")
            if people := self._optional("#people", OptionList):
                people.display = False
            self.set_focus(self.previews)
        elif self.query_text is not None:
            self.query_text = None
            if search:
                search.value = ""
                search.display = False
            self.load_previews(keep=self.main.state.selected)
        elif self.filter != Filter():
            self._set_filter(Filter())

    def action_switch_pane(self) -> None:
        if self.focused is self.reader or (self.focused and self.focused.id == "find"):
            self.set_focus(self.previews)
        else:
            if not self.has_class("-reading") and self.previews.selected:
                self.open_article(self.previews.selected)
            self.set_focus(self.reader)

    def action_next_article(self) -> None:
        if self.reader.find_spans:
            self._step_find(1)
        else:
            self._step_article(1)

    def action_previous_article(self) -> None:
        self._step_article(-1)

    def action_previous_match(self) -> None:
        self._step_find(-1)

    def _step_article(self, delta: int) -> None:
        if self.previews.step(delta) and self.previews.selected:
            self.open_article(self.previews.selected)
        else:
            self.notify("Non ci sono altri articoli in questo elenco.", timeout=2)

    def _step_find(self, delta: int) -> None:
        position, total = self.reader.step_find(delta)
        if total:
            self.notify(f"{position} di {total}", timeout=1.5)

    def action_next_quote(self) -> None:
        self._step_quote(1)

    def action_previous_quote(self) -> None:
        self._step_quote(-1)

    def _step_quote(self, delta: int) -> None:
        position, total, speaker = self.reader.step_quote(delta)
        if not total:
            self.notify("Nessuna citazione in questo articolo.", timeout=2)
        else:
            who = f" — {clean_line(speaker, 60)}" if speaker else ""
            self.notify(f"Citazione {position} di {total}{who}", timeout=2)

    async def action_toggle_people(self) -> None:
        people = await self._people_list()
        people.display = not people.display
        if people.display:
            self._fill_people(people)
            self.set_focus(people)

    def _fill_people(self, people: OptionList) -> None:
        people.clear_options()
        annotation = self.reader.annotation
        if not annotation:
            people.add_option(Option(Text("Nessuna persona o citazione trovata.", style="dim"), disabled=True))
            return
        for option in people_options(annotation):
            people.add_option(option)

    @on(OptionList.OptionSelected, "#people")
    def _person_chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id and event.option.id.startswith("@"):
            self.reader.reveal_offset(int(event.option.id[1:]))

    async def action_find(self) -> None:
        if self.reader.text is None:
            self.notify("Apri prima un articolo.", timeout=2)
            return
        find = await self._find_box()
        find.display = True
        self.set_focus(find)  # a priority binding, focused at once: see action_search

    @on(Input.Changed, "#find")
    def _find_changed(self, event: Input.Changed) -> None:
        self.reader.find(event.value)

    @on(Input.Submitted, "#find")
    def _find_submitted(self, event: Input.Submitted) -> None:
        total = len(self.reader.find_spans)
        self.notify(f"{total} occorrenze · n/N per spostarsi" if total else "Nessuna occorrenza.", timeout=2)
        self.set_focus(self.reader)

    def action_toggle_read(self) -> None:
        target = self._target()
        if target:
            self._mark(target, read=not target.read)

    def action_star(self) -> None:
        target = self._target()
        if target:
            self._mark(target, starred=not target.starred)
            self.notify("Aggiunto ai preferiti ★" if not target.starred else "Tolto dai preferiti", timeout=1.5)

    def _target(self) -> Preview | None:
        """The article the action is about: the open one when reading, else the selected one."""
        if self.focused is self.reader and self.reader.preview:
            current = self.previews.index_of(self.reader.preview.id)
            return self.previews.rows[current].preview if current is not None else self.reader.preview
        return self.previews.selected

    def action_mark_all_read(self) -> None:
        unread = [p for p in self.previews.previews if not p.read]
        if not unread:
            self.notify("Sono già tutti letti.", timeout=2)
            return
        for preview in unread:
            self.previews.update_preview(replace(preview, read=True))
        self._mark_all([p.id for p in unread])

    @work(group="marks")
    async def _mark_all(self, ids: list[int]) -> None:
        await off(self.store.set_read, ids, True)
        self.notify(f"{len(ids)} articoli segnati come letti.", timeout=2)
        self.load_previews()
        self.load_sidebar()

    def action_open_browser(self) -> None:
        target = self.reader.preview if self.has_class("-reading") else self.previews.selected
        if target and target.link:
            self.main.open_link(target.link)
            self.notify("Aperto nel browser.", timeout=1.5)

    def action_copy_link(self) -> None:
        target = self.reader.preview if self.has_class("-reading") else self.previews.selected
        if target and target.link:
            self.app.copy_to_clipboard(target.link)
            self.notify("Link copiato.", timeout=1.5)

    # Actions: search and filters

    async def action_search(self) -> None:
        search = await self._search_box()
        search.display = True
        self.remove_class("-reading")
        # The keys typed right after '/' must reach the box, not run commands ('a' marks everything read):
        # '/' is a priority binding, so this runs before the app hands them on, and the focus moves now
        # (widget.focus() would move it after them).
        self.set_focus(search)

    @on(Input.Submitted, "#search")
    def _search_submitted(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        if not text:
            return
        self.query_text = text
        self.load_previews(keep=None)
        self.set_focus(self.previews)

    def action_unread_only(self) -> None:
        self._set_filter(replace(self.filter, unread_only=not self.filter.unread_only))

    def action_starred_only(self) -> None:
        self._set_filter(replace(self.filter, starred_only=not self.filter.starred_only))

    def action_feed_slot(self, slot: int) -> None:
        feed = self.query_one(Sidebar).feed_at(slot)
        if feed:
            self._set_filter(replace(self.filter, feed=feed, tag=None))

    async def action_filter_tag(self) -> None:
        choices = [(f"tag:{t}", f"#{t}") for t in self.query_one(Sidebar).tags]
        choices += [(f"feed:{f}", f) for f in self.query_one(Sidebar).feed_names]
        choices += [(f"name:{n}", n) for n in self.main.decorations.names()]
        from reader.ui.screens import PickerScreen

        picker = PickerScreen("Filtra per tag, feed, squadra o giocatore", choices)
        await self.app.push_screen(picker, self._filter_chosen)
        # A priority binding, like '/': what is typed right after it filters the choices.
        picker.set_focus(picker.query_one("#picker-filter", Input))

    def action_filter_feed(self, name: str) -> None:
        self._set_filter(replace(self.filter, feed=name, tag=None))

    def action_filter_tag_name(self, tag: str) -> None:
        self._set_filter(replace(self.filter, tag=tag, feed=None))

    def _filter_chosen(self, value: str | None) -> None:
        if not value:
            return
        kind, _, name = value.partition(":")
        if kind == "tag":
            self._set_filter(replace(self.filter, tag=name, feed=None))
        elif kind == "feed":
            self._set_filter(replace(self.filter, feed=name, tag=None))
        else:  # a team or player: every article that mentions it, through the search index
            self.query_text = f'"{name}"'
            if search := self._optional("#search", Input):
                search.value = self.query_text
            self.load_previews(keep=None)

    @on(Sidebar.Chosen)
    def _sidebar_chosen(self, event: Sidebar.Chosen) -> None:
        choice: SidebarChoice = event.choice
        self._set_filter(replace(self.filter, feed=choice.feed, tag=choice.tag,
                                 starred_only=choice.starred or (self.filter.starred_only and choice.keep)))

    def _set_filter(self, where: Filter) -> None:
        self.filter = where
        self.query_text = None
        state = self.main.state
        state.feed, state.tag, state.unread_only, state.starred_only = (where.feed, where.tag, where.unread_only,
                                                                        where.starred_only)
        self.load_previews()
        self.query_one(Sidebar).highlight_filter(where)

    def action_toggle_sidebar(self) -> None:
        self.main.state.sidebar = not self.main.state.sidebar
        self.set_class(not self.main.state.sidebar, "-no-sidebar")

    def action_feeds(self) -> None:
        from reader.ui.screens import FeedsScreen

        # Pushed now, filled from the store after: the keys typed next go to it, not to the list.
        self.app.push_screen(FeedsScreen(partial(off, self.store.feeds_overview), self.main.clock()))

    def action_help(self) -> None:
        from reader.ui.screens import HelpScreen

        self.app.push_screen(HelpScreen(self.main.active_keys()))

    def action_quit(self) -> None:
        self.app.exit()

    # Refresh

    def action_refresh(self) -> None:
        if self.refreshing:
            self.notify("Aggiornamento già in corso.", timeout=2)
            return
        self._refresh()

    @work(group="refresh", exclusive=True)
    async def _refresh(self) -> None:
        feeds = self.main.config.enabled_feeds
        self.refreshing, self.progress = True, (0, len(feeds))
        self._update_topbar()

        def progress(result: FeedResult) -> None:
            self.app.call_from_thread(self._one_done, result)

        try:
            report = await self.main.refresh_feeds(progress)
        except Exception as exc:
            self.refreshing = False
            self.notify(f"Aggiornamento non riuscito: {clean_line(str(exc), 200)}", severity="error")
            self._update_topbar()
            return
        self.refreshing = False
        self._refreshed(report)

    def _one_done(self, result: FeedResult) -> None:
        done, total = self.progress
        self.progress = (done + 1, total)
        self._update_topbar()

    def _refreshed(self, report: RefreshReport) -> None:
        ok = [r for r in report.results if r.status != "error"]
        self.offline = bool(report.results) and not ok and all(_network_error(r) for r in report.failed)
        if self.offline:
            self.notify("Nessuna connessione: mostro gli articoli salvati.", severity="warning")
        else:
            self._notify_failures(report.failed)
            if report.new:
                self.notify(f"{render.count(report.new, 'articolo nuovo', 'articoli nuovi')}.", timeout=3)
        self.load_previews()
        self.load_sidebar()
        if self.main.config.settings.prefetch and not self.offline:
            self._prefetch()

    def _notify_failures(self, failed: Iterable[FeedResult]) -> None:
        seen = set(self.main.state.notified_errors)
        fresh = [r for r in failed if r.feed not in seen]
        for result in fresh[:3]:
            self.notify(f"{clean_line(result.feed, 60)}: {clean_line(result.error or 'errore', 160)}",
                        title="Feed con errori (F per i dettagli)", severity="warning", timeout=6)
        if len(fresh) > 3:
            self.notify(f"…e altri {len(fresh) - 3} feed con errori (F per i dettagli)", severity="warning")
        # Notified once: a feed is notified again only after it has worked in between.
        failed_now = {r.feed for r in failed}
        self.main.state.notified_errors = sorted(failed_now)

    @work(group="prefetch", exclusive=True)
    async def _prefetch(self) -> None:
        loaded = await self.main.prefetch()
        if loaded:
            self.notify(f"{loaded} articoli completi scaricati per la lettura offline.", timeout=3)


def _preload() -> None:
    """Import what the first refresh and the first article need, so neither stalls the UI on import."""
    import reader.article.loader
    import reader.feeds.refresh  # noqa: F401


def _network_error(result: FeedResult) -> bool:
    error = (result.error or "").lower()
    return result.http_status is None and any(word in error for word in ("connect", "resolve", "network",
                                                                         "dns", "unreachable", "name"))


def people_options(annotation: Any) -> list[Option]:
    """The side panel's rows: each person or team once (first mention), then each quote."""
    options: list[Option] = []
    seen: set[str] = set()
    labels = {"player": "giocatore", "coach": "allenatore", "team": "squadra"}
    for entity in annotation.entities:
        if entity.canonical in seen:
            continue
        seen.add(entity.canonical)
        options.append(Option(Text.assemble((clean_line(entity.canonical, 40), "bold"),
                                            f"  {labels.get(entity.kind, entity.kind)}"), id=f"@{entity.start}"))
    if annotation.quotes:
        options.append(Option(Text("Citazioni", style="bold underline"), disabled=True))
    for index, quote in enumerate(annotation.quotes):
        who = clean_line(quote.speaker, 30) if quote.speaker else "?"
        options.append(Option(Text(f"{index + 1}. {who}"), id=f"@{quote.start}"))
    return options


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

