"""openfootball's club names as the press says them: every club of the shipped seasons is a gazetteer team."""

from __future__ import annotations

import pytest

from reader.annotate.names.teams import canonical_team
from reader.matches.calendar import read_shipped
from reader.matches.clubs import club_table, press_name


def test_every_club_of_the_shipped_seasons_is_a_team_of_the_gazetteer() -> None:
    teams = {name for season, _ in read_shipped() for f in season.fixtures for name in (f.home, f.away)}
    assert len(teams) > 60
    unknown = sorted(t for t in teams if canonical_team(t) != t)
    assert not unknown, f"shipped teams the gazetteer does not know by that name: {unknown}"


def test_every_row_of_the_table_names_a_team_of_the_gazetteer() -> None:
    wrong = {official: team for official, team in club_table().items() if canonical_team(team) != team}
    assert not wrong


@pytest.mark.parametrize(("official", "press"), [
    ("FC Internazionale Milano (ITA)", "Inter"),
    ("FC Internazionale Milano", "Inter"),
    ("AC Pisa 1909", "Pisa"),
    ("FC Bayern München (GER)", "Bayern Monaco"),
    ("Club Atlético de Madrid (ESP)", "Atlético Madrid"),
    # Not in the table: the gazetteer by name, then without the words every club name carries, else bare.
    ("US Triestina Calcio 1918", "Triestina"),
    ("Calcio Lecco 1912", "Lecco"),
])
def test_a_club_is_named_as_the_press_names_it(official: str, press: str) -> None:
    assert press_name(official) == press
