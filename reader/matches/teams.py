"""My teams: `[settings] teams` checked against the gazetteer's teams, as canonical names."""

from __future__ import annotations

from reader.settings.config import Config, ConfigError, located_error
from reader.settings.values import close_matches


def my_teams(config: Config) -> tuple[str, ...]:
    """The user's teams as the gazetteer names them ('inter' -> 'Inter'), once each, in the file's order;
    ConfigError, located at the name, for any the gazetteer does not know (every one of them reported)."""
    from reader.annotate.names.teams import canonical_team, team_names

    teams: list[str] = []
    problems: list[ConfigError] = []
    for index, name in enumerate(config.settings.teams):
        team = canonical_team(name)
        if team is None:
            hint = close_matches(name, team_names()) or close_matches(name.title(), team_names())
            suggestion = f"; did you mean '{hint[0]}'?" if hint else ""
            problems.append(located_error(config, ("settings", "teams", index),
                                          f"unknown team '{name}'{suggestion}"))
        elif team not in teams:
            teams.append(team)
    if problems:
        first, *others = problems
        first.others = tuple(others)
        raise first
    return tuple(teams)
