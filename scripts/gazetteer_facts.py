"""Read the hand-written facts in scripts/gazetteer/ (TSV tables, word lists, squads.toml) for the build.

Every file opens with comment lines saying what it holds; a TSV's first other line names its columns.
This module only reads and checks the files: what the facts mean is the build's business.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

FACTS = Path(__file__).resolve().parent / "gazetteer"


class FactsError(ValueError):
    """A data file that does not have the shape its header promises."""


@dataclass(frozen=True)
class Team:
    """A row of teams.tsv."""

    name: str
    aliases: tuple[str, ...]
    nicknames: tuple[str, ...]


@dataclass(frozen=True)
class Squad:
    """A table of squads.toml."""

    team: str
    coaches: tuple[str, ...]
    players: tuple[str, ...]


@dataclass(frozen=True)
class Listed:
    """A person of one of the lists outside the squads; team may be ""."""

    name: str
    team: str


@dataclass(frozen=True)
class Facts:
    """Everything the build takes from the data files, in the files' order."""

    club_words: tuple[str, ...]
    teams: tuple[Team, ...]
    women_clubs: tuple[str, ...]
    squads: tuple[Squad, ...]
    other_coaches: tuple[Listed, ...]
    other_players: tuple[Listed, ...]
    women_players: tuple[Listed, ...]
    women_coaches: tuple[Listed, ...]
    aliases: dict[str, tuple[str, ...]]
    short_forms: dict[str, tuple[str, ...]]
    places: tuple[str, ...]
    countries: tuple[str, ...]
    block: tuple[str, ...]
    common_words: tuple[str, ...]
    weak_names: tuple[str, ...]
    not_players: tuple[str, ...]


def load_facts(folder: Path = FACTS) -> Facts:
    """All the facts of folder, checked for shape and for teams that teams.tsv does not know."""
    facts = Facts(
        club_words=words(folder / "club_words.tsv", "word"),
        teams=tuple(Team(name, split_names(aliases), split_names(nicks))
                    for name, aliases, nicks in read_table(folder / "teams.tsv", ("team", "aliases", "nicknames"))),
        women_clubs=words(folder / "women_clubs.tsv", "club"),
        squads=read_squads(folder / "squads.toml"),
        other_coaches=listed(folder / "other_coaches.tsv"),
        other_players=listed(folder / "other_players.tsv"),
        women_players=listed(folder / "women_players.tsv"),
        women_coaches=listed(folder / "women_coaches.tsv"),
        aliases=by_name(folder / "aliases.tsv", "aliases"),
        short_forms=by_name(folder / "short_forms.tsv", "short_forms"),
        places=words(folder / "places.tsv", "place"),
        countries=phrases(folder / "countries.tsv", "country"),
        block=phrases(folder / "block.tsv", "phrase"),
        common_words=words(folder / "common_words.tsv", "surname"),
        weak_names=words(folder / "weak_names.tsv", "name"),
        not_players=words(folder / "not_players.tsv", "surname"),
    )
    check_teams(facts)
    return facts


def read_table(path: Path, columns: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The rows of a TSV whose header is columns; missing trailing fields are "" (editors strip tabs)."""
    rows: list[tuple[str, ...]] = []
    header_seen = False
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = tuple(field.strip() for field in line.split("\t"))
        if not header_seen:
            if fields != columns:
                raise FactsError(f"{path}:{number}: the column names should be {' TAB '.join(columns)}")
            header_seen = True
        elif len(fields) > len(columns) or not fields[0]:
            raise FactsError(f"{path}:{number}: expected {len(columns)} tab-separated columns, "
                             f"the first not empty: {line!r}")
        elif len(columns) > 1 and any("  " in f for f in fields):
            # No name has two spaces in a row: an editor has turned the TAB between columns into spaces.
            raise FactsError(f"{path}:{number}: two spaces in a row; columns are separated by a TAB: {line!r}")
        else:
            rows.append(fields + ("",) * (len(columns) - len(fields)))
    if not header_seen:
        raise FactsError(f"{path}: no line names the columns ({' TAB '.join(columns)})")
    return rows


def phrases(path: Path, column: str) -> tuple[str, ...]:
    """A one-column list, one entry a line."""
    return tuple(row[0] for row in read_table(path, (column,)))


def words(path: Path, column: str) -> tuple[str, ...]:
    """A one-column list read word by word: a line of two words is two entries."""
    return tuple(word for entry in phrases(path, column) for word in entry.split())


def split_names(field: str) -> tuple[str, ...]:
    """The comma-separated names of one field."""
    return tuple(name.strip() for name in field.split(",") if name.strip())


def listed(path: Path) -> tuple[Listed, ...]:
    """A name TAB team table."""
    return tuple(Listed(name, team) for name, team in read_table(path, ("name", "team")))


def by_name(path: Path, column: str) -> dict[str, tuple[str, ...]]:
    """A name TAB comma-separated-names table; a name listed twice is an error, not a silent overwrite."""
    table: dict[str, tuple[str, ...]] = {}
    for name, names in read_table(path, ("name", column)):
        if name in table:
            raise FactsError(f"{path}: {name!r} is listed twice")
        table[name] = split_names(names)
    return table


def read_squads(path: Path) -> tuple[Squad, ...]:
    """The tables of squads.toml in file order: coaches (required) and players (optional) lists of names."""
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise FactsError(f"{path}: {error}") from error
    squads = []
    for team, table in document.items():
        if not isinstance(table, dict) or "coaches" not in table or not set(table) <= {"coaches", "players"}:
            raise FactsError(f"{path}: [{team!r}] should hold coaches = [...] and optionally players = [...]")
        coaches, players = table["coaches"], table.get("players", [])
        squads.append(Squad(team, name_list(path, team, coaches), name_list(path, team, players)))
    return tuple(squads)


def name_list(path: Path, team: str, value: object) -> tuple[str, ...]:
    """A TOML array of names, each stripped and not empty."""
    if not isinstance(value, list) or not all(isinstance(name, str) and name.strip() for name in value):
        raise FactsError(f"{path}: [{team!r}] lists something other than names: {value!r}")
    return tuple(name.strip() for name in value)


def check_teams(facts: Facts) -> None:
    """Every team a person is given must be a team of teams.tsv or a women's team of women_clubs.tsv."""
    known = {team.name for team in facts.teams} | {f"{club} Women" for club in facts.women_clubs}
    given = [(squad.team, "squads.toml") for squad in facts.squads]
    for source, people in (("other_coaches.tsv", facts.other_coaches), ("other_players.tsv", facts.other_players),
                           ("women_players.tsv", facts.women_players), ("women_coaches.tsv", facts.women_coaches)):
        given.extend((person.team, source) for person in people if person.team)
    for team, source in given:
        if team not in known:
            raise FactsError(f"{source}: team {team!r} is not in teams.tsv")
