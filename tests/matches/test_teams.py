"""`[settings] teams` is checked against the gazetteer's teams, every unknown name located in the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.matches.teams import my_teams
from reader.settings.config import ConfigError, load_config_file


def config_with(tmp_path: Path, teams: str) -> Path:
    path = tmp_path / "feeds.toml"
    path.write_text(f"[settings]\nrefresh_minutes = 0\nteams = {teams}\n", encoding="utf-8")
    return path


def test_my_teams_are_the_gazetteers_names_once_each(tmp_path: Path) -> None:
    config = load_config_file(config_with(tmp_path, '["inter", "Juve", "l\'Inter", "napoli"]'))
    assert my_teams(config) == ("Inter", "Juventus", "Napoli")
    assert my_teams(load_config_file(config_with(tmp_path, "[]"))) == ()


def test_every_unknown_team_is_an_error_at_its_key_with_the_nearest_name(tmp_path: Path) -> None:
    path = tmp_path / "feeds.toml"
    path.write_text('[settings]\nrefresh_minutes = 0\nteams = ["inter", "Fiorentna", "Xyzzy FC"]\n', encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        my_teams(load_config_file(path))
    assert [p.located() for p in caught.value.problems] == [
        f"{path}:3: [settings.teams[1]] unknown team 'Fiorentna'; did you mean 'Fiorentina'?",
        f"{path}:3: [settings.teams[2]] unknown team 'Xyzzy FC'",
    ]
