"""The match centre's calls: pure functions over the store, safe to run on a worker thread.

`prepare` loads the shipped calendar when needed and reads the entries not read yet (incremental: each entry
is read once); `matches` joins the read entries to the calendar and returns the matches, each with its
timeline of stories in match order; `match` and `match_of` find one (by its key, by one of its articles),
`last_and_next` a team's latest and coming match.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, datetime, timedelta

from reader.matches.calendar import ensure_files, ensure_shipped
from reader.matches.join import DAY, Joined, join
from reader.matches.model import MatchView, Story
from reader.matches.reading import BATCH, detector_version, update_readings
from reader.matches.stages import stage_of, stage_rank
from reader.matches.stories import stories
from reader.store import Store
from reader.store import calendar as stored_calendar
from reader.store import readings as stored_readings
from reader.store.calendar import Fixture
from reader.store.readings import ReadEntry

# How far from a fixture's kick-off its articles may be, and from an article its match: the widest windows
# of the join, with room for a match formed from articles over several days.
MARGIN = 6 * DAY
KEY_WINDOW = (-12 * DAY, 16 * DAY)
AROUND = 30 * DAY  # how far a team's last and next matches are looked for


def prepare(store: Store, *, shipped: bool = True, demo: Mapping[tuple[str, str], bytes] | None = None,
            progress: Callable[[int, int], None] | None = None) -> int:
    """Load the calendar: the demo edition's seasons when given (`demo`: openfootball files by competition
    and season, from reader.demo.render_fixtures), else the shipped ones the store lacks (`shipped`); then
    read the entries not read yet, calling `progress(done, total)` after each batch when given. Returns how
    many entries were read."""
    if demo is not None:
        ensure_files(store, demo, origin="demo")
    elif shipped:
        ensure_shipped(store)
    if progress is None:
        return update_readings(store)
    total, done = stored_readings.stale_count(store, detector_version()), 0
    while done < total:
        read = update_readings(store, limit=BATCH)
        if not read:
            break
        done += read
        progress(min(done, total), total)
    return done


def matches(store: Store, *, team: str | None = None, start: datetime | None = None, end: datetime | None = None,
            with_fixtures: bool = False) -> list[MatchView]:
    """The matches with articles (and, `with_fixtures`, the calendar's without any) of `team` (a name the
    gazetteer knows, or as the calendar writes it) whose kick-off, or first article, is in [start, end);
    earliest first. Call `prepare` first for the entries stored since."""
    wanted = _team(team) if team else None
    low = start - MARGIN if start else None
    high = end + MARGIN if end else None
    fixtures = stored_calendar.between(store, low, high)
    views = build(join(stored_readings.joinable(store, low, high), fixtures))
    if with_fixtures:
        joined = {v.key for v in views}
        views += [fixture_view(f) for f in fixtures if f.key not in joined]
    return sorted((v for v in views if _within(v.when, start, end) and _plays(v, wanted)),
                  key=lambda v: (v.when, v.key))


def match(store: Store, key: str) -> MatchView | None:
    """One match by its key (the calendar's or a formed one's), with its timeline; None if unknown."""
    try:
        day = date.fromisoformat(key[:10])
    except ValueError:
        return None
    around = datetime(day.year, day.month, day.day).astimezone()
    for view in matches(store, start=around + KEY_WINDOW[0], end=around + KEY_WINDOW[1], with_fixtures=True):
        if view.key == key:
            return view
    return None


def match_of(store: Store, entry_id: int) -> MatchView | None:
    """The match an article was joined to, or None."""
    found = stored_readings.joinable(store, ids=[entry_id])
    if not found:
        return None
    published = found[0].published
    for view in matches(store, start=published - 2 * MARGIN, end=published + 2 * MARGIN):
        if any(e.id == entry_id for e in view.entries):
            return view
    return None


def last_and_next(store: Store, team: str, now: datetime) -> tuple[MatchView | None, MatchView | None]:
    """A team's last match kicked off by `now` and its next one (with their articles), within a month of
    it: what "my team" opens on. A match outside the calendar counts by its first article."""
    views = matches(store, team=team, start=now - AROUND, end=now + AROUND, with_fixtures=True)
    past = [v for v in views if v.when <= now]
    future = [v for v in views if v.when > now]
    return (past[-1] if past else None), (future[0] if future else None)


def build(joined: Iterable[Joined]) -> list[MatchView]:
    """Matches with their timelines: each article's stage, stories of several outlets, in match order."""
    return [_view(match) for match in joined]


def fixture_view(fixture: Fixture, stories_: Sequence[Story] = ()) -> MatchView:
    """A fixture as a match (with no articles unless given)."""
    return MatchView(key=fixture.key, home=fixture.home, away=fixture.away, competition=fixture.competition,
                     round=fixture.round or None, kickoff=fixture.kickoff, timed=fixture.time is not None,
                     score=fixture.score, stories=tuple(stories_), fixture=fixture)


def _view(match: Joined) -> MatchView:
    staged: list[tuple[ReadEntry, str]] = sorted(
        ((entry, stage_of(entry.reading.kind, entry.reading.cue, after)) for entry, after in match.entries),
        key=lambda item: (stage_rank(item[1]), item[0].published, item[0].id))
    timeline = tuple(stories(staged))
    if match.fixture is not None:
        return fixture_view(match.fixture, timeline)
    return MatchView(key=match.key, home=match.home, away=match.away, competition=match.competition, round=None,
                     kickoff=None, timed=False, score=match.score, stories=timeline)


def _team(name: str) -> str:
    from reader.annotate.names.teams import canonical_team

    return canonical_team(name) or name


def _plays(view: MatchView, team: str | None) -> bool:
    return team is None or team in (view.home, view.away)


def _within(moment: datetime, start: datetime | None, end: datetime | None) -> bool:
    return (start is None or moment >= start) and (end is None or moment < end)


def days(first: date, last: date) -> tuple[datetime, datetime]:
    """[start, end) covering the days first..last on the user's clocks."""
    start = datetime(first.year, first.month, first.day).astimezone()
    end = datetime(last.year, last.month, last.day).astimezone() + timedelta(days=1)
    return start, end
