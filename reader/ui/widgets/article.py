"""The article view: the reader pane, its find box and its people panel, with the keys that act on the article.

It loads the article it is asked to open (the store's text at once, the full page on the background
loop, the annotation on a thread) and owns quotes, find, the people panel and its marks; scrolling is
the reader pane's own. `Closed` tells the screen the reader gave the keys back to the list.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Input

from reader.store import Preview
from reader.text.messages import N_, _, ngettext
from reader.text.sanitize import clean_line
from reader.ui.bindings import bindings
from reader.ui.widgets.marks import MarkRequested
from reader.ui.widgets.people import PeoplePanel
from reader.ui.widgets.reader_pane import ReaderPane

if TYPE_CHECKING:
    from reader.ui.app import SportReaderApp


class ArticleView(Vertical):
    """The right-hand column: one article, and what the keys of the article do to it."""

    BINDINGS = bindings("back", "next_quote", "previous_quote", "find", "find_next", "find_previous",
                        "toggle_people", "toggle_read", "star", priority=("find",), labels={"back": N_("list")})

    class Closed(Message):
        """esc or h in the article: back to the list."""

    def __init__(self, app_: SportReaderApp, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.main = app_

    def compose(self) -> ComposeResult:
        with Horizontal(id="reader-row"):
            yield ReaderPane(styles=self.main.config.highlight, id="reader")

    @property
    def reader(self) -> ReaderPane:
        return self.query_one(ReaderPane)

    @property
    def preview(self) -> Preview | None:
        """The article shown, if any."""
        return self.reader.preview

    # The find box and the people panel are mounted the first time they are asked for: fewer widgets (and
    # Input's stylesheet) before the first paint.

    def _optional(self, kind: type[Input] | type[PeoplePanel]) -> Any:
        return next(iter(self.query(kind)), None)

    async def _find_box(self) -> Input:
        find: Input | None = self._optional(Input)
        if find is None:
            find = Input(placeholder=_("find in the article"), id="find")
            await self.mount(find)
        return find

    async def _people(self) -> PeoplePanel:
        people: PeoplePanel | None = self._optional(PeoplePanel)
        if people is None:
            people = PeoplePanel(id="people")
            await self.query_one("#reader-row").mount(people)
        return people

    # Opening

    def open(self, preview: Preview) -> None:
        """Show an article: its heading at once, its text from the store, then its full page."""
        self.reader.show_preview(preview)
        if find := self._optional(Input):
            find.display = False
        self._load(preview)

    def close(self) -> None:
        """Hide the panels; the article stays in the pane, to open again at once."""
        if people := self._optional(PeoplePanel):
            people.display = False

    @work(group="article", exclusive=True)
    async def _load(self, preview: Preview) -> None:
        article = await asyncio.to_thread(self.main.store.article, preview.id)
        if article is None:
            self.reader.show_empty(_("The article is no longer in the cache."))
            return
        from reader.article.loader import best_text

        needs_page = article.full_text is None and bool(preview.link)
        self.reader.show_text(best_text(article), article.author, loading=needs_page)
        self._annotate(article.body, preview.title)
        if needs_page:
            loaded = await self.main.load_article(preview.id)
            if loaded is not None and self.preview and self.preview.id == preview.id:
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
            people: PeoplePanel | None = self._optional(PeoplePanel)
            if people is not None and people.display:
                people.fill(annotation)

    # Keys

    def action_back(self) -> None:
        find: Input | None = self._optional(Input)
        if find is not None and find.display:
            find.display = False
            self.reader.clear_find()
            self.screen.set_focus(self.reader)
            return
        self.close()
        self.post_message(self.Closed())

    def action_next_quote(self) -> None:
        self._step_quote(1)

    def action_previous_quote(self) -> None:
        self._step_quote(-1)

    def _step_quote(self, delta: int) -> None:
        position, total, speaker = self.reader.step_quote(delta)
        if not total:
            self.notify(_("No quote in this article.") if self.reader.annotation else
                        _("The quotes are still being found: try again in a moment."), timeout=2)
            return
        message = _("Quote {position} of {total}").format(position=position, total=total)
        self.notify(f"{message} — {clean_line(speaker, 60)}" if speaker else message, timeout=2)

    async def action_toggle_people(self) -> None:
        people = await self._people()
        people.display = not people.display
        if people.display:
            people.fill(self.reader.annotation)
            self.screen.set_focus(people)
        else:
            self.screen.set_focus(self.reader)

    @on(PeoplePanel.Closed)
    def _people_closed(self) -> None:
        self.screen.set_focus(self.reader)

    @on(PeoplePanel.Jump)
    def _jump(self, event: PeoplePanel.Jump) -> None:
        self.reader.reveal_offset(event.offset)

    async def action_find(self) -> None:
        if self.reader.text is None:
            self.notify(_("The article is still loading."), timeout=2)
            return
        find = await self._find_box()
        find.display = True
        # A priority binding, focused at once: the keys typed right after ctrl+f go to the box.
        self.screen.set_focus(find)

    def action_find_next(self) -> None:
        self._step_find(1)

    def action_find_previous(self) -> None:
        self._step_find(-1)

    def _step_find(self, delta: int) -> None:
        position, total = self.reader.step_find(delta)
        if total:
            self.notify(_("{position} of {total}").format(position=position, total=total), timeout=1.5)
        else:
            self.notify(_("Nothing found to move to: {key} finds in the article.").format(
                key=self.main.key_hint("find")), timeout=2)

    @on(Input.Changed, "#find")
    def _find_changed(self, event: Input.Changed) -> None:
        self.reader.find(event.value)

    @on(Input.Submitted, "#find")
    def _find_submitted(self, event: Input.Submitted) -> None:
        total = len(self.reader.find_spans)
        if total:
            found = ngettext("{n} occurrence", "{n} occurrences", total).format(n=total)
            self.notify(_("{found} · {next} and {previous} move between them").format(
                found=found, next=self.main.key_hint("find_next"), previous=self.main.key_hint("find_previous")),
                timeout=3)
        else:
            self.notify(_("No occurrence."), timeout=2)
        self.screen.set_focus(self.reader)

    def action_toggle_read(self) -> None:
        if self.preview:
            self.post_message(MarkRequested([self.preview], read=not self.preview.read))

    def action_star(self) -> None:
        if self.preview:
            self.post_message(MarkRequested([self.preview], starred=not self.preview.starred))
