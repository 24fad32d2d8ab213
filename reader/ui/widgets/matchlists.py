"""The match centre's two lists: the matches (my teams' first, then day by day) and one match's timeline
(its stories stage by stage). Both move with the article list's keys (j k g G space b, enter); headings are
disabled options the cursor steps over.

What their rows say is reader.ui.matchrows's, imported when the first rows are made: the centre's first paint
(a line saying it is reading) needs neither it nor the match centre's modules behind it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.text import dates
from reader.text.messages import _
from reader.text.sanitize import clean_line
from reader.ui.bindings import bindings
from reader.ui.widgets.marks import MarkRequested

if TYPE_CHECKING:
    from reader.matches.model import MatchView, Story
    from reader.store import Preview
    from reader.ui.matchdata import CentreData, MatchArticles

MOVES = ("open", "cursor_down", "cursor_up", "first", "last", "page_down", "page_up")


class CentreList(OptionList, inherit_bindings=False):
    """An option list moved with the list's keys; `step` moves to the next row without wrapping."""

    def action_open(self) -> None:
        self.action_select()

    def action_cursor_down(self) -> None:
        self.step(1)  # at the end it stays, as the article list does (OptionList's would wrap)

    def action_cursor_up(self) -> None:
        self.step(-1)

    # OptionList's page keys stop on nothing when the page ends on a heading at either end.
    def action_page_down(self) -> None:
        super().action_page_down()  # type: ignore[no-untyped-call]
        if self.highlighted is None or self.get_option_at_index(self.highlighted).disabled:
            self.action_last()

    def action_page_up(self) -> None:
        super().action_page_up()  # type: ignore[no-untyped-call]
        if self.highlighted is None or self.get_option_at_index(self.highlighted).disabled:
            self.action_first()

    def step(self, delta: int) -> bool:
        """Move to the next (1) or previous (-1) row that is not a heading; False at either end."""
        start = self.highlighted if self.highlighted is not None else -1
        index = start + delta
        while 0 <= index < self.option_count:
            if not self.get_option_at_index(index).disabled:
                self.highlighted = index
                return True
            index += delta
        return False

    def heading(self, text: str) -> Option:
        """A heading row (the cursor skips it)."""
        return Option(Text(" " + text), disabled=True)

    def show_message(self, text: str) -> None:
        """One line instead of rows (nothing to list yet, or nothing at all)."""
        self.clear_options()
        self.add_option(Option(Text("  " + text, style="italic"), disabled=True))


class MatchList(CentreList):
    """The matches: my teams' last and next, then the days around today; enter opens a match."""

    # The keys of an article say so here (and are not in the key bar): enter opens a match's articles.
    BINDINGS = bindings(*MOVES, "next_article", "previous_article", "next_unread", "toggle_read", "star",
                        "mark_all_read", labels={"next_unread": "", "toggle_read": "", "star": "", "mark_all_read": ""})

    class Chosen(Message):
        """A match was opened (enter, n, p or a click)."""

        def __init__(self, view: MatchView) -> None:
            super().__init__()
            self.view = view

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.views: dict[str, MatchView] = {}  # option id -> match
        self.data: CentreData | None = None
        self.no_spoilers = False

    def show(self, data: CentreData, no_spoilers: bool, now: datetime, keep: str | None = None) -> None:
        """Fill the rows; the cursor on the row `keep` (a row's id, or a match's key), else on my team's next
        (or last), else on the first match from today on."""
        self.data, self.no_spoilers = data, no_spoilers
        options: list[Option] = []
        self.views = {}
        for mine in data.mine:
            shown = [v for v in (mine.last, mine.next) if v is not None]
            if shown:
                options.append(self.heading(clean_line(mine.team, 40)))
                options += [self._option("mine", view, with_day=True) for view in shown]
        from reader.ui.matchrows import by_day

        for _day, views in by_day(data.matches):
            options.append(self.heading(dates.day_heading(views[0].when, now)))
            options += [self._option("day", view) for view in views]
        self.clear_options()
        if not options:
            self.show_message(_("No match in the days around today."))
            return
        self.add_options(options)
        self.highlighted = self._start_row(data, keep, now)

    def _option(self, section: str, view: MatchView, *, with_day: bool = False) -> Option:
        option_id = f"{section}:{view.key}"
        self.views[option_id] = view
        return Option(self._prompt(view, with_day), id=option_id)

    def _prompt(self, view: MatchView, with_day: bool) -> Text:
        marks = self.data.marks.get(view.key) if self.data else None
        from reader.ui.matchrows import is_hidden, match_row

        return match_row(view, marks, is_hidden(marks, self.no_spoilers), with_day=with_day)

    def _start_row(self, data: CentreData, keep: str | None, now: datetime) -> int | None:
        wanted = [keep, f"mine:{keep}", f"day:{keep}"] if keep else []  # a row's id, else a match's key
        for mine in data.mine:
            wanted += [f"mine:{v.key}" for v in (mine.next, mine.last) if v is not None]
        wanted += [f"day:{v.key}" for v in data.matches if v.when >= now or v.kickoff is None]
        for option_id in wanted:
            if option_id in self.views:
                return self.get_option_index(option_id)
        return next((i for i in range(self.option_count) if not self.get_option_at_index(i).disabled), None)

    @property
    def selected_id(self) -> str | None:
        """The id of the row under the cursor ('day:<key>' or 'mine:<key>')."""
        option = self.highlighted_option
        return option.id if option is not None and option.id in self.views else None

    @property
    def selected(self) -> MatchView | None:
        """The match under the cursor."""
        option = self.highlighted_option
        return self.views.get(option.id or "") if option is not None else None

    def select_key(self, key: str) -> None:
        """Put the cursor on a match, if listed."""
        for option_id in (f"day:{key}", f"mine:{key}"):
            if option_id in self.views:
                self.highlighted = self.get_option_index(option_id)
                return

    def repaint(self, data: CentreData) -> None:
        """Draw every row again with the marks of `data` (a match was marked watched or not)."""
        self.data = data
        for option_id, view in self.views.items():
            self.replace_option_prompt(option_id, self._prompt(view, option_id.startswith("mine:")))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        view = self.views.get(event.option.id or "")
        if view is not None:
            self.post_message(self.Chosen(view))

    def action_next_article(self) -> None:
        self._step_open(1)

    def action_previous_article(self) -> None:
        self._step_open(-1)

    def _step_open(self, delta: int) -> None:
        if self.step(delta) and self.selected is not None:
            self.post_message(self.Chosen(self.selected))
        else:
            self.notify(_("No other match in this list."), timeout=2)

    def _about_articles(self) -> None:
        self.notify(_("This key acts on an article: {key} opens the match's articles.").format(
            key=getattr(self.app, "key_hint", lambda a: a)("open")), timeout=3)

    def action_next_unread(self) -> None:
        self._about_articles()

    def action_toggle_read(self) -> None:
        self._about_articles()

    def action_star(self) -> None:
        self._about_articles()

    def action_mark_all_read(self) -> None:
        self._about_articles()


class Timeline(CentreList):
    """One match's stories, stage by stage in match order; enter opens one in the reader."""

    BINDINGS = bindings(*MOVES, "toggle_read", "star", "mark_all_read")

    class Chosen(Message):
        """An article of the timeline was opened."""

        def __init__(self, preview: Preview) -> None:
            super().__init__()
            self.preview = preview

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.match: MatchArticles | None = None
        self.hidden = False
        self.stories: dict[str, Story] = {}  # option id -> story
        self.previews: dict[int, Preview] = {}
        self._now: datetime | None = None

    def show(self, match: MatchArticles, hidden: bool, now: datetime, keep: int | None = None) -> None:
        """Fill the rows; the cursor on the article `keep` if listed, else on the first."""
        from reader.ui.matchrows import stage_name

        self.match, self.hidden, self._now = match, hidden, now
        self.previews = dict(match.previews)
        self.stories = {}
        options: list[Option] = []
        stage = None
        for story in match.view.stories:
            if story.stage != stage:
                stage = story.stage
                options.append(self.heading(stage_name(stage).upper()))
            option_id = f"story:{story.entry.id}"
            self.stories[option_id] = story
            options.append(Option(self._prompt(story), id=option_id))
        self.clear_options()
        if not options:
            self.show_message(_("No article about this match yet."))
            return
        self.add_options(options)
        target = f"story:{keep}"
        self.highlighted = self.get_option_index(target) if target in self.stories else None
        if self.highlighted is None:
            self.step(1)

    def _prompt(self, story: Story) -> Text:
        assert self.match is not None and self._now is not None
        from reader.ui.matchrows import story_row

        return story_row(story, self.previews.get(story.entry.id), self.match.view, self.hidden, self._now)

    def set_hidden(self, hidden: bool) -> None:
        """Hide or show the match's results in every title."""
        self.hidden = hidden
        for option_id, story in self.stories.items():
            self.replace_option_prompt(option_id, self._prompt(story))

    @property
    def selected(self) -> Preview | None:
        """The article under the cursor (the first outlet's telling of its story)."""
        option = self.highlighted_option
        story = self.stories.get(option.id or "") if option is not None else None
        return self.previews.get(story.entry.id) if story is not None else None

    @property
    def shown(self) -> Sequence[Preview]:
        """The articles listed, in order."""
        return [p for s in self.stories.values() if (p := self.previews.get(s.entry.id)) is not None]

    def step_to_unread(self) -> bool:
        """Move to the next unread article after the cursor; False if there is none."""
        start = self.highlighted if self.highlighted is not None else -1
        for index in range(start + 1, self.option_count):
            story = self.stories.get(self.get_option_at_index(index).id or "")
            preview = self.previews.get(story.entry.id) if story is not None else None
            if preview is not None and not preview.read:
                self.highlighted = index
                return True
        return False

    def update_preview(self, preview: Preview) -> None:
        """Show an article's new marks (read, star)."""
        option_id = f"story:{preview.id}"
        if option_id in self.stories:
            self.previews[preview.id] = preview
            self.replace_option_prompt(option_id, self._prompt(self.stories[option_id]))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        story = self.stories.get(event.option.id or "")
        preview = self.previews.get(story.entry.id) if story is not None else None
        if preview is not None:
            self.post_message(self.Chosen(preview))
        elif story is not None:
            self.notify(_("The article is no longer in the cache."), timeout=2)

    def action_toggle_read(self) -> None:
        if self.selected:
            self.post_message(MarkRequested([self.selected], read=not self.selected.read))

    def action_star(self) -> None:
        if self.selected:
            self.post_message(MarkRequested([self.selected], starred=not self.selected.starred))

    def action_mark_all_read(self) -> None:
        unread = [p for p in self.shown if not p.read]
        if not unread:
            self.notify(_("They are all read already."), timeout=2)
            return
        self.post_message(MarkRequested(unread, read=True, every_shown=True))
