"""What the match centre shows, read from the store off the UI thread (no Textual here).

`load_centre` reads the articles not read yet, joins them to the calendar once and returns the matches of
the days around today, my teams' last and next matches and the marks on all of them: everything a row
needs, so no row is ever drawn before its marks say whether its score is hidden. `load_match` gives one
match's articles as the list's previews (their read and star marks) and its marks, fresh from the store.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from reader.matches.model import MatchView
from reader.matches.spoilers import is_hidden
from reader.store import Preview, Store
from reader.store.marks import MatchMarks, marks
from reader.text import dates

# reader.matches.centre (the join, the calendar, the reader of articles, the annotator behind it) is imported
# by the functions that call it, on the worker's thread: never on the way to the list's first paint.

AROUND_TODAY = (-3, 7)  # the days before and after today whose matches the centre lists
TEAM_WINDOW = timedelta(days=30)  # how far my team's last and next matches are looked for
CALENDAR_TEAMS = timedelta(days=200)  # the teams the palette offers: those with fixtures this near today

Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class TeamMatches:
    """One of my teams, its last match kicked off and its next one (None when there is none near)."""

    team: str
    last: MatchView | None
    next: MatchView | None


@dataclass(frozen=True, slots=True)
class CentreData:
    """The match centre at one moment: its matches (earliest first), my teams' and the marks of both."""

    matches: tuple[MatchView, ...]
    mine: tuple[TeamMatches, ...]
    marks: Mapping[str, MatchMarks]
    teams: tuple[str, ...]  # every team of the calendar near today, for the palette
    today: date
    read: int = 0  # how many articles this load read for the first time
    unknown_teams: tuple[str, ...] = field(default=())  # names in my teams the app does not know

    def find(self, key: str) -> MatchView | None:
        """A match of the centre (listed, or one of my teams') by its key."""
        return next((v for v in self._every() if v.key == key), None)

    def match_with(self, entry_id: int) -> MatchView | None:
        """The match, among those loaded, that an article is joined to."""
        return next((v for v in self._every() if any(e.id == entry_id for e in v.entries)), None)

    def _every(self) -> Iterable[MatchView]:
        yield from self.matches
        for mine in self.mine:
            yield from (v for v in (mine.last, mine.next) if v is not None)


@dataclass(frozen=True, slots=True)
class MatchArticles:
    """One match as its timeline shows it: the match, its articles' previews by id, its marks."""

    view: MatchView
    previews: Mapping[int, Preview]
    marks: MatchMarks

    def hidden(self, no_spoilers: bool) -> bool:
        """Whether its score and ratings are hidden."""
        return is_hidden(self.marks, no_spoilers)


def load_centre(store: Store, now: datetime, teams: Sequence[str], *,
                demo: Mapping[tuple[str, str], bytes] | None = None,
                progress: Progress | None = None) -> CentreData:
    """Read what is new, join once, and gather the matches around today and my teams' (see the module)."""
    from reader.matches import centre

    read = centre.prepare(store, demo=demo, progress=progress)
    known, unknown = resolve_teams(teams)
    today = dates.local(now).date()
    first, last = today + timedelta(days=AROUND_TODAY[0]), today + timedelta(days=AROUND_TODAY[1])
    start, end = centre.days(first, last)
    if known:  # one join over the wider window serves the list and my teams
        start, end = min(start, now - TEAM_WINDOW), max(end, now + TEAM_WINDOW)
    views = centre.matches(store, start=start, end=end, with_fixtures=True)
    listed_start, listed_end = centre.days(first, last)
    listed = tuple(v for v in views if listed_start <= v.when < listed_end)
    mine = tuple(_team_matches(team, views, now) for team in known)
    keys = [v.key for v in views]
    return CentreData(matches=listed, mine=mine, marks=marks(store, keys), teams=calendar_teams(store, now),
                      today=today, read=read, unknown_teams=unknown)


def load_match(store: Store, view: MatchView) -> MatchArticles:
    """A match's articles as previews and its marks, read now."""
    previews = store.previews_by_id(e.id for e in view.entries)
    return MatchArticles(view, previews, marks(store, [view.key]).get(view.key, MatchMarks()))


def find_match_of(store: Store, entry_id: int, *,
                  demo: Mapping[tuple[str, str], bytes] | None = None) -> MatchView | None:
    """The match an article is joined to, reading what is new first (a thread's call)."""
    from reader.matches import centre

    centre.prepare(store, demo=demo)
    return centre.match_of(store, entry_id)


def resolve_teams(names: Iterable[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """My teams as the gazetteer names them (once each, in order), and the names it does not know."""
    from reader.annotate.names.teams import canonical_team

    known: list[str] = []
    unknown: list[str] = []
    for name in names:
        team = canonical_team(name)
        if team is None:
            unknown.append(name)
        elif team not in known:
            known.append(team)
    return tuple(known), tuple(unknown)


def calendar_teams(store: Store, now: datetime) -> tuple[str, ...]:
    """The teams of the calendar's fixtures near today, alphabetically."""
    from reader.store import calendar as stored_calendar

    fixtures = stored_calendar.between(store, now - CALENDAR_TEAMS, now + CALENDAR_TEAMS)
    return tuple(sorted({team for f in fixtures for team in (f.home, f.away)}, key=str.casefold))


def _team_matches(team: str, views: Sequence[MatchView], now: datetime) -> TeamMatches:
    played = [v for v in views if team in (v.home, v.away)]
    past = [v for v in played if v.when <= now and now - v.when <= TEAM_WINDOW]
    future = [v for v in played if v.when > now and v.when - now <= TEAM_WINDOW]
    return TeamMatches(team, past[-1] if past else None, future[0] if future else None)
