"""The main screen's match centre: the Partite view in the article list's place, loading it on a worker, my
teams (the sidebar's last and next matches, the list's team filter, the palette's choice) and the match of
an article (`M`).

A base of MainScreen, between FilteringScreen and it, so each file reads in one sitting. The centre's data
is read on a thread (`load_centre`: the first reading of new articles, then one join); until it arrives the
view says how far along it is, and afterwards it keeps the last state it showed while it reads again.
The centre's modules are imported when first used: none of them is on the way to the list's first paint.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, cast

from textual import work
from textual.widget import Widget
from textual.worker import get_current_worker

from reader.store import Preview, StoreError
from reader.text.messages import _
from reader.text.sanitize import clean_line
from reader.ui.screens.filters import FilteringScreen
from reader.ui.widgets.sidebar import MatchRow, Sidebar, SidebarChoice

if TYPE_CHECKING:
    from reader.matches.model import MatchView
    from reader.store.marks import MatchMarks
    from reader.ui.matchdata import CentreData
    from reader.ui.widgets.centre import CentrePane
    from reader.ui.widgets.matchlists import Timeline
    from reader.ui.widgets.previews import PreviewList

CENTRE_ID = "centre-column"


class CentreScreen(FilteringScreen):
    """The match centre's part of the main screen."""

    centre_data: CentreData | None = None
    centre_loading = False
    centre_again = False  # read again once the reading under way ends (new articles, another team)
    centre_progress: tuple[int, int] | None = None  # the first reading's, while it lasts
    after_centre: Callable[[], object] | None = None  # what waits for the first reading (the hidden list)
    article_source = "list"  # where the open article was opened from: "list" or "centre"

    if TYPE_CHECKING:  # MainScreen's
        def open_article(self, preview: Preview, *, source: str = "list") -> None: ...

        def article_target(self) -> Preview | None: ...

    @property
    def centre(self) -> CentrePane | None:
        """The match centre's column, once mounted."""
        found = self.query(f"#{CENTRE_ID}")
        return cast("CentrePane", found.first()) if found else None

    async def centre_pane(self) -> CentrePane:
        """The match centre's column, mounted the first time it is shown (none before the first paint)."""
        pane = self.centre
        if pane is None:
            from reader.ui.widgets.centre import CentrePane

            pane = CentrePane(self.main, id=CENTRE_ID)
            await self.query_one("#main").mount(pane, before="#reader-column")
            if self.centre_data is not None:
                pane.show_data(self.centre_data)
            elif self.centre_progress is not None:
                pane.show_progress(*self.centre_progress)
        return pane

    @property
    def in_matches(self) -> bool:
        """Whether the match centre is shown in the list's place."""
        return self.has_class("-matches")

    async def show_matches(self, *, focus: bool = True) -> CentrePane:
        """Show the match centre in the list's place (read on a worker the first time)."""
        pane = await self.centre_pane()
        self.add_class("-matches")
        self.main.state.view = "matches"
        self.ensure_centre()
        if focus:
            pane.focus_list()
        return pane

    def show_list(self) -> None:
        """The article list again in the centre's place."""
        if not self.in_matches:
            return
        self.remove_class("-matches")
        self.main.state.view = "list"
        pane, focused = self.centre, self.focused
        if focused is None or (pane is not None and pane in focused.ancestors_with_self):
            self.set_focus(self.previews)

    def home_list(self) -> Widget:
        """The list shown in the list's place: the articles, or the match centre's matches or timeline."""
        pane = self.centre
        if pane is not None and self.in_matches:
            return pane.timeline if pane.showing_match else pane.matches
        return self.previews

    def article_list(self) -> PreviewList | Timeline:
        """The list n, p and N go through: the timeline the open article came from, else the articles."""
        pane = self.centre
        focused = self.focused
        in_centre = focused is not None and pane is not None and pane in focused.ancestors_with_self
        if pane is not None and pane.showing_match and (
                in_centre or (self.article_source == "centre" and self.reading and not self.previews.has_focus)):
            return pane.timeline
        return self.previews

    async def action_matches(self) -> None:
        if self.in_matches:
            self.show_list()
        else:
            await self.show_matches()

    # The centre's messages, by their handlers' names (the classes are not imported before they are used).

    def on_centre_pane_closed(self) -> None:
        self.show_list()

    def on_timeline_chosen(self, event: Timeline.Chosen) -> None:
        self.open_article(event.preview, source="centre")

    # Loading, on a thread: the first reading of new articles, one join, the marks

    def load_centre(self) -> None:
        """Read the match centre's data on a thread; one reading at a time (another one after it if asked
        for meanwhile), so that two joins never compete for the CPU."""
        if self.centre_loading:
            self.centre_again = True
            return
        self.centre_loading = True
        self._centre_started()
        self._read_centre()

    def ensure_centre(self) -> None:
        """Read the match centre's data if it was never read (and is not being read)."""
        if self.centre_data is None and not self.centre_loading:
            self.load_centre()

    @work(thread=True, group="centre")
    def _read_centre(self) -> None:
        """Read the match centre's data and hand it to the view and the sidebar."""
        from reader.ui.matchdata import load_centre

        worker = get_current_worker()
        app = self.app

        def progress(done: int, total: int) -> None:
            if not worker.is_cancelled:
                app.call_from_thread(self._centre_progress, done, total)

        try:
            data = load_centre(self.main.store, self.main.clock(), self.my_team_names(),
                               demo=self.main.demo_fixtures, progress=progress)
        except (StoreError, OSError, ImportError) as exc:  # the list still reads without the centre
            app.call_from_thread(self.notify, _("Not read: {error}").format(error=clean_line(str(exc), 200)),
                                 severity="error")
            app.call_from_thread(self._centre_done)
            return
        if not worker.is_cancelled:
            app.call_from_thread(self._centre_loaded, data)
            app.call_from_thread(self._centre_done)

    def _centre_done(self) -> None:
        self.centre_loading = False
        waiting, self.after_centre = self.after_centre, None
        if waiting is not None and not getattr(self.app, "_exit", False):  # not while the app is closing
            waiting()
        if self.centre_again:
            self.centre_again = False
            self.load_centre()

    def _centre_started(self) -> None:
        if pane := self.centre:
            pane.loading = True
            pane.show_status()

    def _centre_progress(self, done: int, total: int) -> None:
        self.centre_progress = (done, total)
        if pane := self.centre:
            pane.show_progress(done, total)

    def _centre_loaded(self, data: CentreData) -> None:
        first = self.centre_data is None
        self.centre_data, self.centre_progress = data, None
        if pane := self.centre:
            pane.show_data(data)
        self.show_team_rows()
        if first and data.unknown_teams:
            self.notify(_("Unknown team in [settings] teams: {teams}.").format(
                teams=", ".join(clean_line(t, 40) for t in data.unknown_teams)), severity="warning", timeout=6)
        if data.read and self.filter.team:  # newly read articles may be the team's
            self.reload()

    def my_team_names(self) -> list[str]:
        """My teams as named: the palette's choice if one was made, else `[settings] teams`."""
        chosen = self.main.state.teams
        return list(chosen) if chosen is not None else list(self.main.config.settings.teams)

    @property
    def my_teams(self) -> list[str]:
        """My teams as the gazetteer names them (known once the centre was read)."""
        return [mine.team for mine in self.centre_data.mine] if self.centre_data else []

    # The sidebar: my teams, their last and next matches

    def show_team_rows(self) -> None:
        """The sidebar's rows for my teams: the team's articles, its last and next matches."""
        from reader.matches.spoilers import is_hidden
        from reader.ui.matchrows import sidebar_match

        data = self.centre_data
        if data is None:
            return
        rows: list[MatchRow] = []
        seen: set[str] = set()
        for mine in data.mine:
            rows.append(MatchRow(clean_line(mine.team, 40), SidebarChoice(team=mine.team)))
            for view, past in ((mine.last, True), (mine.next, False)):
                if view is not None and view.key not in seen:
                    seen.add(view.key)
                    hidden = is_hidden(self._marks(view.key), self.main.config.settings.no_spoilers)
                    rows.append(MatchRow(sidebar_match(view, hidden, past=past), SidebarChoice(match=view.key)))
        self.query_one(Sidebar).show_matches(rows)

    def _marks(self, key: str) -> MatchMarks | None:
        pane = self.centre
        if pane is not None:
            return pane.marks_of(key)
        return self.centre_data.marks.get(key) if self.centre_data else None

    def on_centre_pane_marked(self) -> None:
        pane = self.centre
        if pane is not None and pane.data is not None:
            self.centre_data = pane.data
        self.show_team_rows()

    async def choose_centre(self, choice: SidebarChoice) -> bool:
        """A sidebar row of the match section: True if it was one (and was acted on)."""
        if choice.centre:
            await self.show_matches()
        elif choice.match:
            view = self.centre_data.find(choice.match) if self.centre_data else None
            if view is not None:
                await self.open_centre_match(view)
        elif choice.team:
            self.set_filter(replace(self.filter, team=choice.team, feed=None, tag=None))
        else:
            return False
        return True

    # My team

    def action_my_team(self) -> None:
        """The list filtered to my first team; again, to the next one; after the last, every article."""
        teams = self.my_teams
        if not teams:
            told = (_("The match centre is still reading the articles: try again in a moment.")
                    if self.centre_data is None and self.my_team_names() else
                    _("No team of mine: name one in the command palette (My team: …) or in [settings] teams."))
            self.notify(told, timeout=4)
            return
        current = self.filter.team
        following = teams[teams.index(current) + 1] if current in teams and current != teams[-1] else (
            None if current in teams else teams[0])
        self.set_filter(replace(self.filter, team=following, feed=None, tag=None) if following else
                        replace(self.filter, team=None))

    def action_set_my_team(self, team: str) -> None:
        """My team as chosen in the palette ('' for none), remembered; the centre read again for it."""
        self.main.state.teams = [team] if team else []
        self.notify(_("My team: {team}").format(team=clean_line(team, 40)) if team else _("No team of mine."),
                    timeout=2)
        if self.filter.team and self.filter.team != team:
            self.set_filter(replace(self.filter, team=None))
        self.load_centre()

    # The match of an article

    async def open_centre_match(self, view: MatchView, entry_id: int | None = None) -> None:
        """Show one match's timeline in the match centre (the cursor on the article `entry_id`)."""
        pane = await self.show_matches(focus=False)
        pane.open_match(view, keep=entry_id)

    async def action_match_of_article(self) -> None:
        target = self.article_target()
        pane = self.centre
        if target is None and pane is not None and self.focused is pane.matches and pane.matches.selected:
            await self.open_centre_match(pane.matches.selected)  # in the matches: the selected one
            return
        if target is None:
            self.notify(_("No article selected."), timeout=2)
            return
        view = self.centre_data.match_with(target.id) if self.centre_data else None
        if view is not None:
            await self.open_centre_match(view, target.id)
        else:
            self._find_match(target.id)

    @work(thread=True, group="centre-find", exclusive=True)
    def _find_match(self, entry_id: int) -> None:
        from reader.ui.matchdata import find_match_of

        view = find_match_of(self.main.store, entry_id, demo=self.main.demo_fixtures)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._found_match, view, entry_id)

    def _found_match(self, view: MatchView | None, entry_id: int) -> None:
        if view is None:
            self.notify(_("This article belongs to no match."), timeout=3)
        else:
            self.run_worker(self.open_centre_match(view, entry_id), group="centre-open")

    # The palette's way to the keys that the centre's column binds

    def _on_centre(self, action: str) -> None:
        pane = self.centre
        if pane is None or not self.in_matches:
            self.notify(_("Open the match centre first: {key}.").format(key=self.main.key_hint("matches")),
                        timeout=2)
            return
        self.call_later(pane.run_action, action)

    def action_toggle_watched(self) -> None:
        self._on_centre("toggle_watched")

    def action_toggle_spoilers(self) -> None:
        self._on_centre("toggle_spoilers")
