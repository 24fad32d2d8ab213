"""openfootball's JSON (football.json: {"name", "matches": [{round, date, time, team1, team2, score}]}) read
into fixtures, each checked: a file that is not one, or of another season, is refused whole with one message.

The same reader serves the script that builds the shipped calendar, `sportreader fixtures update` and the
demo edition's calendar. Names are cleaned like any text from the network, then mapped to the press's.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from reader.annotate.gazetteer import fold_key
from reader.matches.clubs import press_name
from reader.matches.rome import kickoff_utc
from reader.store.calendar import Fixture
from reader.text.messages import _
from reader.text.sanitize import clean_line

MAX_MATCHES = 3000  # a season of a 24-team league is 552; a file with more is not a season
MAX_NAME = 80
_SEASON = re.compile(r"(\d{4})-(\d{2})")
_SEASON_IN_NAME = re.compile(r"\b(\d{4})/(\d{2})\b")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_TIME = re.compile(r"([01]\d|2[0-3]):[0-5]\d")


class FixtureFileError(ValueError):
    """The file is not a season of fixtures (or not the one asked for); the message says why."""


@dataclass(frozen=True, slots=True)
class Season:
    """A file read: the competition's season, the file's own name, and its fixtures in the file's order."""

    competition: str
    season: str
    name: str
    fixtures: tuple[Fixture, ...]


def check_season(season: str) -> str:
    """A season as openfootball names it, '2025-26' (two consecutive years); ValueError otherwise."""
    found = _SEASON.fullmatch(season)
    if not found or (int(found.group(1)) + 1) % 100 != int(found.group(2)):
        raise ValueError(_("a season is written like 2025-26, got '{season}'").format(season=season))
    return season


def season_of(day: date) -> str:
    """The season a day belongs to: from July, the one that starts that year."""
    start = day.year if day.month >= 7 else day.year - 1
    return f"{start}-{(start + 1) % 100:02d}"


def fixture_key(day: date, home: str, away: str) -> str:
    """A match's id: its day and teams ('2025-08-23-genoa-lecce'); a team plays at most once a day."""
    return "-".join((day.isoformat(), *fold_key(home).split(), *fold_key(away).split()))


def read_season(data: bytes, competition: str, season: str) -> Season:
    """The fixtures of one competition's season from openfootball's JSON; FixtureFileError if it is not that."""
    check_season(season)
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise FixtureFileError(_("not a JSON file ({reason})").format(reason=clean_line(str(exc), 80))) from None
    if not isinstance(document, dict) or not isinstance(document.get("matches"), list):
        raise FixtureFileError(_("not a fixtures file: no list of matches"))
    name = clean_line(str(document.get("name", "")), MAX_NAME)
    _check_name(name, season)
    items = document["matches"]
    if not items or len(items) > MAX_MATCHES:
        raise FixtureFileError(_("not a season: {n} matches").format(n=len(items)))
    fixtures = tuple(_fixture(index, item, competition, season) for index, item in enumerate(items))
    _check_unique(fixtures)
    return Season(competition, season, name, fixtures)


def _check_name(name: str, season: str) -> None:
    named = _SEASON_IN_NAME.search(name)
    if named and f"{named.group(1)}-{named.group(2)}" != season:
        raise FixtureFileError(_("the file is of another season: {name}").format(name=name))


def _fixture(index: int, item: Any, competition: str, season: str) -> Fixture:
    where = _("match {n}").format(n=index + 1)
    if not isinstance(item, dict):
        raise FixtureFileError(_("{where}: not an object").format(where=where))
    day = _day(item.get("date"), where)
    if season_of(day) != season:
        raise FixtureFileError(_("{where}: {day} is not in the season {season}").format(
            where=where, day=day.isoformat(), season=season))
    clock = item.get("time")
    if clock is not None and not (isinstance(clock, str) and _TIME.fullmatch(clock)):
        raise FixtureFileError(_("{where}: the time is not HH:MM").format(where=where))
    home, away = (press_name(_name(item.get(side), where)) for side in ("team1", "team2"))
    if home == away:
        raise FixtureFileError(_("{where}: a team against itself").format(where=where))
    status = item.get("status")
    return Fixture(key=fixture_key(day, home, away), competition=competition, season=season,
                   round=clean_line(str(item.get("round", "")), MAX_NAME), day=day, time=clock,
                   kickoff=kickoff_utc(day, clock), home=home, away=away, score=_score(item.get("score"), where),
                   status=(clean_line(status, 20) or None) if isinstance(status, str) else None)


def _day(value: Any, where: str) -> date:
    try:
        if isinstance(value, str) and _DATE.fullmatch(value):
            return date.fromisoformat(value)
    except ValueError:
        pass
    raise FixtureFileError(_("{where}: the date is not YYYY-MM-DD").format(where=where))


def _name(value: Any, where: str) -> str:
    name = clean_line(value, MAX_NAME) if isinstance(value, str) else ""
    if not name:
        raise FixtureFileError(_("{where}: a team has no name").format(where=where))
    return name


def _score(value: Any, where: str) -> tuple[int, int] | None:
    """The final score: after extra time when there was some, else at full time; None before the match."""
    if value is None or value == {}:
        return None
    if not isinstance(value, dict):
        raise FixtureFileError(_("{where}: the score is not an object").format(where=where))
    final = value.get("et", value.get("ft"))
    if final is None:
        return None
    if (not isinstance(final, list) or len(final) != 2
            or not all(isinstance(g, int) and not isinstance(g, bool) and 0 <= g < 100 for g in final)):
        raise FixtureFileError(_("{where}: the score is not two numbers of goals").format(where=where))
    return final[0], final[1]


def _check_unique(fixtures: tuple[Fixture, ...]) -> None:
    seen: set[str] = set()
    for fixture in fixtures:
        if fixture.key in seen:
            raise FixtureFileError(_("{home}-{away} is listed twice on {day}").format(
                home=fixture.home, away=fixture.away, day=fixture.day.isoformat()))
        seen.add(fixture.key)
