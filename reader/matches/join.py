"""Articles joined to matches: each to at most one fixture of the calendar, the rest into matches of their own.

An article that names a fixture (two teams) is joined to a fixture of those two teams whose kick-off fits its
kind: a preview is published in the days before, a report or the ratings in the days after, an interview
or a comment on either side. The competition a title names picks between two fixtures of the same teams,
and rules out a fixture of another one for a cup or a friendly; a score that differs from the fixture's
rules it out. An article that names one team (a press conference, a preview) is joined to that team's
nearest fixture of the right side, if one is close enough.

Articles naming two teams that join no fixture (a friendly, a cup the calendar lacks, no calendar) form
matches of their own: the same two teams, each article within a few days of the one before, a new match
when a preview follows a report, or the score or the competition changes.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from itertools import combinations

from reader.matches.competitions import EXCLUSIVE
from reader.matches.openfootball import fixture_key
from reader.matches.rome import in_rome
from reader.matches.stages import Phase, phase_of
from reader.store.calendar import Fixture
from reader.store.readings import ReadEntry

HOUR, DAY = timedelta(hours=1), timedelta(days=1)
# published - kickoff, for an article naming both teams: (earliest, latest).
WINDOWS: dict[Phase, tuple[timedelta, timedelta]] = {
    "pre": (-6 * DAY, 1 * HOUR), "post": (-2 * HOUR, 4 * DAY), "either": (-4 * DAY, 4 * DAY)}
# For an article naming the two teams only in passing (not as a fixture, and not a preview, a report or a
# press conference by nature): nearer the match, so that a round-up of Tuesday's games is not taken for
# a preview of Saturday's.
NAMED_WINDOWS: dict[Phase, tuple[timedelta, timedelta]] = {
    "pre": (-3 * DAY, 1 * HOUR), "post": (-2 * HOUR, 3 * DAY), "either": (-2 * DAY, 2 * DAY)}
# The same for an article naming one team: tighter, since that team may play twice a week.
TEAM_WINDOWS: dict[Phase, tuple[timedelta, timedelta]] = {
    "pre": (-3 * DAY, 1 * HOUR), "post": (-2 * HOUR, 2 * DAY), "either": (-2 * DAY, 1 * DAY)}
# A fixture whose time is not set may kick off at any hour of its day.
UNTIMED_SLACK = 12 * HOUR
PREFERRED = 30 * DAY  # what naming the fixture's competition, or its score, is worth against time
FORMED_GAP = 4 * DAY  # between consecutive articles of a match formed from articles
AFTER_REPORT = 6 * HOUR  # a preview this long after a report of the same teams is about their next match
# The kinds of article that may join a match by naming one team: those that are about a match by nature.
TEAM_KINDS = frozenset({"anteprima", "cronaca", "pagelle", "conferenza"})


@dataclass(slots=True)
class Joined:
    """A match and its articles, each with whether it was published after the kick-off (or the report)."""

    key: str
    home: str
    away: str
    fixture: Fixture | None
    competition: str | None = None
    score: tuple[int, int] | None = None
    entries: list[tuple[ReadEntry, bool]] = field(default_factory=list)


def join(entries: Iterable[ReadEntry], fixtures: Sequence[Fixture]) -> list[Joined]:
    """Every match with articles, in no particular order; an article appears in at most one."""
    calendar = _Calendar(fixtures)
    joined: dict[str, Joined] = {}
    pairs: list[tuple[ReadEntry, Phase]] = []  # naming two teams, joined to no fixture
    named: list[tuple[ReadEntry, Phase]] = []  # naming teams but no fixture, joined to none
    for entry in entries:
        phase = _phase(entry)
        if phase is None:
            continue
        fixture = calendar.best(entry, phase)
        if fixture is not None:
            match = joined.get(fixture.key)
            if match is None:
                match = joined[fixture.key] = Joined(fixture.key, fixture.home, fixture.away, fixture,
                                                     fixture.competition, fixture.score)
            match.entries.append((entry, entry.published >= fixture.kickoff))
        elif entry.reading.home and entry.reading.away:
            pairs.append((entry, phase))
        elif len(entry.reading.teams) >= 2 and match_bound(entry):
            named.append((entry, phase))
    taken = {f.key for f in fixtures}
    for match in _formed(pairs, named):
        while match.key in joined or match.key in taken:  # never the key of a fixture, with articles or not
            match.key += "-bis"
        joined[match.key] = match
    return list(joined.values())


def _phase(entry: ReadEntry) -> Phase | None:
    phase = phase_of(entry.reading.kind, entry.reading.cue)
    return "post" if phase is not None and entry.reading.score else phase  # a result is never a preview


class _Calendar:
    """The fixtures by pair of teams and by team, each list by kick-off."""

    def __init__(self, fixtures: Sequence[Fixture]) -> None:
        self.by_pair: dict[frozenset[str], list[Fixture]] = defaultdict(list)
        self.by_team: dict[str, list[Fixture]] = defaultdict(list)
        for fixture in sorted(fixtures, key=lambda f: f.kickoff):
            self.by_pair[frozenset((fixture.home, fixture.away))].append(fixture)
            self.by_team[fixture.home].append(fixture)
            self.by_team[fixture.away].append(fixture)

    def best(self, entry: ReadEntry, phase: Phase) -> Fixture | None:
        """The fixture the entry is about, or None."""
        reading = entry.reading
        if reading.home and reading.away:
            return _closest(entry, phase, self.by_pair.get(frozenset((reading.home, reading.away)), ()), WINDOWS)
        bound = match_bound(entry)
        # An article about a match by nature may name its opponent anywhere; any other names its subject
        # first, so only the first two teams it names are read as a fixture.
        windows = WINDOWS if bound else NAMED_WINDOWS
        for pair in combinations(reading.teams, 2) if bound else [reading.teams[:2]] if len(reading.teams) > 1 else ():
            found = _closest(entry, phase, self.by_pair.get(frozenset(pair), ()), windows)
            if found is not None:
                return found
        if reading.teams and bound:
            return _closest(entry, phase, self.by_team.get(reading.teams[0], ()), TEAM_WINDOWS)
        return None


def match_bound(entry: ReadEntry) -> bool:
    """Whether the article is about a match by nature (a preview, a report, a press conference...)."""
    return entry.reading.kind in TEAM_KINDS or entry.reading.cue is not None


def _closest(entry: ReadEntry, phase: Phase, fixtures: Iterable[Fixture],
             windows: dict[Phase, tuple[timedelta, timedelta]]) -> Fixture | None:
    """The fixture in the window whose kick-off is nearest the entry's time on its side, preferring the
    competition and the score the entry names; fixtures they rule out are skipped."""
    earliest, latest = windows[phase]
    best: tuple[timedelta, Fixture] | None = None
    for fixture in fixtures:
        slack = timedelta(0) if fixture.time else UNTIMED_SLACK
        delta = entry.published - fixture.kickoff
        if not earliest - slack <= delta <= latest + slack or _ruled_out(entry, fixture):
            continue
        cost = -delta if phase == "pre" else delta if phase == "post" else abs(delta)
        if entry.reading.competition and entry.reading.competition == fixture.competition:
            cost -= PREFERRED
        if _score(entry, fixture) is not None:
            cost -= PREFERRED
        if best is None or cost < best[0]:
            best = (cost, fixture)
    return best[1] if best else None


def _ruled_out(entry: ReadEntry, fixture: Fixture) -> bool:
    named = entry.reading.competition
    if named in EXCLUSIVE and named != fixture.competition:
        return True
    return bool(entry.reading.score and fixture.score and _score(entry, fixture) is None)


def _score(entry: ReadEntry, fixture: Fixture) -> tuple[int, int] | None:
    """The entry's score as the fixture's (home goals first) when it is the fixture's score, else None."""
    score = _parse_score(entry.reading.score)
    if score is None or fixture.score is None:
        return None
    if entry.reading.home == fixture.away and entry.reading.away == fixture.home:
        score = (score[1], score[0])
    return score if score == fixture.score else None


def _parse_score(text: str | None) -> tuple[int, int] | None:
    if not text:
        return None
    home, _, away = text.partition("-")
    return (int(home), int(away)) if home.isdigit() and away.isdigit() else None


def _formed(pairs: list[tuple[ReadEntry, Phase]], named: list[tuple[ReadEntry, Phase]]) -> list[Joined]:
    """Matches formed from the articles of the same two teams that joined no fixture; then an article that
    is about a match by nature and names its two teams first (a press conference) joins it when its time fits."""
    by_pair: dict[frozenset[str], list[tuple[ReadEntry, Phase]]] = defaultdict(list)
    for entry, phase in pairs:
        by_pair[frozenset((entry.reading.home or "", entry.reading.away or ""))].append((entry, phase))
    clusters: dict[frozenset[str], list[list[tuple[ReadEntry, Phase]]]] = {}
    for pair, items in by_pair.items():
        items.sort(key=lambda item: item[0].published)
        clusters[pair] = list(_clusters(items))
    for entry, phase in named:  # the first two teams named: without a fixture, nothing else says which
        cluster = _fitting(entry, phase, clusters.get(frozenset(entry.reading.teams[:2]), []))
        if cluster is not None:
            cluster.append((entry, phase))
    return [_formed_match(sorted(c, key=lambda item: item[0].published)) for cs in clusters.values() for c in cs]


def _fitting(entry: ReadEntry, phase: Phase, clusters: list[list[tuple[ReadEntry, Phase]]],
             ) -> list[tuple[ReadEntry, Phase]] | None:
    """The formed match an article naming its teams belongs to: the nearest in time, on the article's side
    of the match's report."""
    best: tuple[timedelta, list[tuple[ReadEntry, Phase]]] | None = None
    for cluster in clusters:
        first, last = cluster[0][0].published, cluster[-1][0].published
        if not first - WINDOWS["pre"][1] - FORMED_GAP <= entry.published <= last + FORMED_GAP:
            continue
        reports = [e.published for e, p in cluster if p == "post"]
        if phase == "pre" and reports and entry.published - reports[0] > AFTER_REPORT:
            continue
        distance = max(first - entry.published, entry.published - last, timedelta(0))
        if best is None or distance < best[0]:
            best = (distance, cluster)
    return best[1] if best else None


def _clusters(items: list[tuple[ReadEntry, Phase]]) -> Iterable[list[tuple[ReadEntry, Phase]]]:
    """Consecutive runs of one pair's articles that tell of one match."""
    cluster: list[tuple[ReadEntry, Phase]] = []
    for entry, phase in items:
        if cluster and _starts_another(cluster, entry, phase):
            yield cluster
            cluster = []
        cluster.append((entry, phase))
    if cluster:
        yield cluster


def _starts_another(cluster: list[tuple[ReadEntry, Phase]], entry: ReadEntry, phase: Phase) -> bool:
    last = cluster[-1][0]
    if entry.published - last.published > FORMED_GAP:
        return True
    reports = [e.published for e, p in cluster if p == "post"]
    if phase == "pre" and reports and entry.published - reports[0] > AFTER_REPORT:
        return True
    scores = {_parse_score(e.reading.score) for e, _ in cluster if _parse_score(e.reading.score)}
    score = _parse_score(entry.reading.score)
    if score and scores and _oriented(entry, score, cluster[0][0]) not in scores:
        return True
    named = {e.reading.competition for e, _ in cluster if e.reading.competition}
    return bool(entry.reading.competition and named and entry.reading.competition not in named)


def _oriented(entry: ReadEntry, score: tuple[int, int], first: ReadEntry) -> tuple[int, int]:
    """A score in the order of the cluster's first article's teams."""
    return (score[1], score[0]) if entry.reading.home == first.reading.away else score


def _formed_match(cluster: list[tuple[ReadEntry, Phase]]) -> Joined:
    entries = [entry for entry, _ in cluster]
    paired = [e for e in entries if e.reading.home and e.reading.away]
    orders = Counter((e.reading.home or "", e.reading.away or "") for e in paired)
    home, away = max(orders, key=lambda pair: (orders[pair], -_first_index(paired, pair)))
    reports = [e.published for e, p in cluster if p == "post"]
    split = min(reports) - 2 * HOUR if reports else None  # a report follows the kick-off by two hours or so
    named = Counter(e.reading.competition for e in entries if e.reading.competition)
    scores = Counter(_home_first(e, home) for e in entries if _parse_score(e.reading.score))
    match = Joined(fixture_key(in_rome(entries[0].published).date(), home, away), home, away, None,
                   named.most_common(1)[0][0] if named else None,
                   scores.most_common(1)[0][0] if scores else None)
    match.entries = [(e, split is not None and e.published >= split) for e in entries]
    return match


def _home_first(entry: ReadEntry, home: str) -> tuple[int, int]:
    score = _parse_score(entry.reading.score)
    assert score is not None
    return (score[1], score[0]) if entry.reading.away == home else score


def _first_index(entries: list[ReadEntry], pair: tuple[str, str]) -> int:
    return next(i for i, e in enumerate(entries) if (e.reading.home, e.reading.away) == pair)
