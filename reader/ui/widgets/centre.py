"""The match centre's column, in the article list's place: a status line, the matches, and one match's
heading and timeline, with the keys that act on a match (watched, no spoilers) and esc (match -> matches ->
the article list).

It shows what the screen hands it (`show_data`, read on a worker) and reads a match's articles itself, on
a thread, when one is opened: the rows are drawn once the marks are known, never before.
"""

from __future__ import annotations

import asyncio
from dataclasses import replace
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Static

from reader.store import Preview, StoreError
from reader.store.marks import MatchMarks, set_marks
from reader.text.messages import _, ngettext
from reader.text.sanitize import clean_line
from reader.ui.bindings import bindings
from reader.ui.widgets.matchlists import MatchList, Timeline

if TYPE_CHECKING:
    from reader.matches.model import MatchView
    from reader.ui.app import SportReaderApp
    from reader.ui.matchdata import CentreData, MatchArticles


class CentrePane(Vertical):
    """The matches of the days around today, or one match's articles in match order."""

    BINDINGS = bindings("toggle_watched", "toggle_spoilers", "back")

    class Closed(Message):
        """esc on the matches: back to the article list."""

    class Marked(Message):
        """A match's marks changed (the sidebar shows them too)."""

    def __init__(self, app_: SportReaderApp, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.main = app_
        self.data: CentreData | None = None
        self.match: MatchArticles | None = None  # the match whose timeline is shown
        self.loading = True
        self._saving = asyncio.Lock()  # marks are stored in the order they were given

    def compose(self) -> ComposeResult:
        yield Static(id="centre-status")
        yield MatchList(id="matches")
        yield Static(id="match-heading")
        yield Timeline(id="timeline")

    def on_mount(self) -> None:
        if self.data is None:
            self.matches.show_message(_("⟳ Counting the articles of each match…"))
            self.show_status()

    @property
    def matches(self) -> MatchList:
        return self.query_one(MatchList)

    @property
    def timeline(self) -> Timeline:
        return self.query_one(Timeline)

    @property
    def showing_match(self) -> bool:
        """Whether a match's timeline is shown (rather than the matches)."""
        return self.has_class("-match")

    def focus_list(self) -> None:
        """Give the keys to the list shown."""
        self.screen.set_focus(self.timeline if self.showing_match else self.matches)

    @property
    def no_spoilers(self) -> bool:
        return self.main.config.settings.no_spoilers

    # What the screen hands over

    def show_progress(self, done: int, total: int) -> None:
        """While the articles are read for the first time: how far along."""
        self.loading = True
        if self.data is None:
            self.matches.show_message(_("⟳ Reading the articles for the match centre: {done} of {total}…").format(
                done=done, total=total))
        self.show_status()

    def show_data(self, data: CentreData) -> None:
        """The matches as just read; the open match's timeline read again."""
        keep = self.matches.selected_id
        self.data, self.loading = data, False
        self.matches.show(data, self.no_spoilers, self.main.clock(), keep=keep)
        self.show_status()
        if self.match is not None:
            fresh = data.find(self.match.view.key) or self.match.view
            self.open_match(fresh, focus=False)

    def show_status(self) -> None:
        """The line above the list: how many matches, or which one is open; ⟳ while reading."""
        status = self.query_one("#centre-status", Static)
        busy = "  ⟳ " + _("updating…") if self.loading and self.data is not None else ""
        if self.showing_match:
            status.update(Text.assemble((_("Matches"), "bold"), " · ",
                                        _("{key} back to the matches").format(key=self.main.key_hint("back")),
                                        busy))
            return
        parts = [_("Matches")]
        if self.data is not None:
            covered = sum(1 for v in self.data.matches if v.stories)
            parts.append(ngettext("{n} match", "{n} matches", len(self.data.matches)).format(
                n=len(self.data.matches)) + ", " + ngettext("{n} with articles", "{n} with articles", covered)
                .format(n=covered))
        status.update(Text.assemble((parts[0], "bold"), *(" · " + p for p in parts[1:]), busy))

    # A match's timeline

    @work(group="centre-match", exclusive=True)
    async def open_match(self, view: MatchView, *, focus: bool = True, keep: int | None = None) -> None:
        """Read a match's articles and marks, then show its timeline (the cursor on `keep`, else where it was)."""
        if keep is None and self.match is not None and self.match.view.key == view.key:
            selected = self.timeline.selected
            keep = selected.id if selected else None
        from reader.ui.matchdata import load_match

        try:
            articles = await asyncio.to_thread(load_match, self.main.store, view)
        except StoreError as exc:
            self.notify(_("Not read: {error}").format(error=clean_line(str(exc), 200)), severity="error")
            return
        self.match = articles
        hidden = articles.hidden(self.no_spoilers)
        self.timeline.show(articles, hidden, self.main.clock(), keep=keep)
        self._heading()
        self.add_class("-match")
        self.matches.select_key(view.key)
        self.show_status()
        if focus:
            self.screen.set_focus(self.timeline)

    def _heading(self) -> None:
        from reader.ui.matchrows import match_heading

        if self.match is not None:
            self.query_one("#match-heading", Static).update(
                match_heading(self.match.view, self.match.marks, self.match.hidden(self.no_spoilers)))

    def close_match(self) -> None:
        """Back to the matches, the cursor on the match that was open."""
        self.remove_class("-match")
        if self.match is not None:
            self.matches.select_key(self.match.view.key)
        self.match = None
        self.show_status()
        self.screen.set_focus(self.matches)

    @on(MatchList.Chosen)
    def _chosen(self, event: MatchList.Chosen) -> None:
        event.stop()
        self.open_match(event.view)

    def update_preview(self, preview: Preview) -> None:
        """An article's marks changed: its row in the timeline shows them."""
        self.timeline.update_preview(preview)

    # Keys

    def action_back(self) -> None:
        if self.showing_match:
            self.close_match()
        else:
            self.post_message(self.Closed())

    def _target(self) -> MatchView | None:
        if self.showing_match and self.match is not None:
            return self.match.view
        return self.matches.selected

    def marks_of(self, key: str) -> MatchMarks:
        """A match's marks as the centre knows them."""
        if self.match is not None and self.match.view.key == key:
            return self.match.marks
        return (self.data.marks.get(key) if self.data else None) or MatchMarks()

    def action_toggle_watched(self) -> None:
        if view := self._target():
            old = self.marks_of(view.key)
            self._mark(view, replace(old, watched=not old.watched))

    def action_toggle_spoilers(self) -> None:
        if view := self._target():
            old = self.marks_of(view.key)
            # Asked for, no spoilers hide the score now: a watched match is not watched any more.
            hide = not old.no_spoilers
            self._mark(view, MatchMarks(watched=old.watched and not hide, no_spoilers=hide))

    def _mark(self, view: MatchView, marks: MatchMarks) -> None:
        """Show a match's new marks at once (a score hidden now is hidden before anything else is drawn),
        then store them."""
        if self.data is not None:
            self.data = replace(self.data, marks={**self.data.marks, view.key: marks})
            self.matches.repaint(self.data)
        if self.match is not None and self.match.view.key == view.key:
            self.match = replace(self.match, marks=marks)
            self.timeline.set_hidden(self.match.hidden(self.no_spoilers))
            self._heading()
        from reader.ui.matchrows import is_hidden

        hidden = is_hidden(marks, self.no_spoilers)
        if marks.watched:
            told = _("{match}: watched, its score is shown.")
        elif hidden:
            told = _("{match}: no spoilers, its score and ratings are hidden until it is watched ({key}).")
        else:
            told = _("{match}: its score is shown.")
        self.notify(told.format(match=clean_line(view.label(), 60), key=self.main.key_hint("toggle_watched")),
                    timeout=3)
        self.post_message(self.Marked())
        self._save_marks(view.key, marks)

    @work(group="centre-marks")
    async def _save_marks(self, key: str, marks: MatchMarks) -> None:
        try:
            async with self._saving:
                await asyncio.to_thread(set_marks, self.main.store, key, watched=marks.watched,
                                        no_spoilers=marks.no_spoilers)
        except StoreError as exc:
            self.notify(_("Not saved: {error}").format(error=clean_line(str(exc), 200)), severity="error")
