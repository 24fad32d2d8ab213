"""openfootball's JSON read into fixtures; a file that is not a season of fixtures, or not this one, is refused."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any

import pytest

from reader.matches.openfootball import FixtureFileError, check_season, fixture_key, read_season, season_of
from tests.conftest import shared_path


def document(*matches: dict[str, Any], name: str = "Italian Serie A 2025/26") -> bytes:
    return json.dumps({"name": name, "matches": list(matches)}).encode()


def match(**extra: Any) -> dict[str, Any]:
    base: dict[str, Any] = {"round": "Matchday 1", "date": "2025-08-23", "time": "20:45", "team1": "AC Milan",
                            "team2": "US Cremonese", "score": {"ht": [1, 1], "ft": [1, 2]}}
    base.update(extra)
    return base


def test_a_match_becomes_a_fixture_with_press_names_and_a_utc_kickoff() -> None:
    season = read_season(document(match(), match(date="2025-08-24", time=None, team1="FC Internazionale Milano",
                                             team2="Torino FC", score={})), "it.1", "2025-26")
    milan, inter = season.fixtures
    assert season.name == "Italian Serie A 2025/26" and (milan.home, milan.away) == ("Milan", "Cremonese")
    assert milan.score == (1, 2) and milan.kickoff == datetime(2025, 8, 23, 18, 45, tzinfo=UTC)  # summer time
    assert milan.key == "2025-08-23-milan-cremonese" and milan.round == "Matchday 1"
    assert inter.time is None and inter.score is None and inter.kickoff == datetime(2025, 8, 24, 10, 0, tzinfo=UTC)


def test_extra_time_is_the_final_score_and_winter_time_is_an_hour_from_utc() -> None:
    season = read_season(document(match(date="2025-03-11", time="21:00", team1="Liverpool FC (ENG)",
                                        team2="Paris Saint-Germain FC (FRA)",
                                        score={"ft": [0, 1], "et": [0, 1], "p": [1, 4]}),
                                  name="UEFA Champions League 2024/25"), "uefa.cl", "2024-25")
    final = season.fixtures[0]
    assert (final.home, final.away, final.score) == ("Liverpool", "Paris Saint-Germain", (0, 1))
    assert final.kickoff == datetime(2025, 3, 11, 20, 0, tzinfo=UTC)


@pytest.mark.parametrize(("data", "message"), [
    (b"<!DOCTYPE html><html><body>404</body></html>", "non è un file JSON"),
    (b'{"name": "x", "rounds": []}', "non è un calendario"),
    (b'[1, 2]', "non è un calendario"),
    (document(), "non è una stagione: 0 partite"),
    (document(match(), name="Italian Serie A 2024/25"), "di un'altra stagione"),
    (document(match(date="2024-08-23")), "non è nella stagione 2025-26"),
    (document(match(date="23/08/2025")), "la data non è nel formato"),
    (document(match(date="2025-02-30")), "la data non è nel formato"),
    (document(match(time="25:00")), "l'orario non è nel formato"),
    (document(match(team2="")), "una squadra senza nome"),
    (document(match(team2="AC Milan")), "una squadra contro se stessa"),
    (document(match(score={"ft": [1, "2"]})), "il risultato non è una coppia"),
    (document(match(score={"ft": [True, 2]})), "il risultato non è una coppia"),
    (document(match(), match()), "compare due volte"),
    (b"\xff\xfe{", "non è un file JSON"),
    (b"[" * 100_000, "non è un file JSON"),
])
def test_a_file_that_is_not_this_season_of_fixtures_is_one_clear_error(data: bytes, message: str) -> None:
    # In Italian, the language the tests run in (tests/conftest.py).
    with pytest.raises(FixtureFileError, match=message):
        read_season(data, "it.1", "2025-26")


def test_names_from_the_network_are_cleaned_before_they_are_kept() -> None:
    season = read_season(document(match(team1="\x1b[31mUS Lecce\x1b[0m", round="Matchday\u202e 1")), "it.1", "2025-26")
    assert season.fixtures[0].home == "Lecce" and season.fixtures[0].round == "Matchday 1"


@pytest.mark.parametrize(("season", "ok"), [("2025-26", True), ("1999-00", True), ("2025-27", False),
                                           ("2025/26", False), ("25-26", False)])
def test_a_season_is_two_consecutive_years(season: str, ok: bool) -> None:
    if ok:
        assert check_season(season) == season
    else:
        with pytest.raises(ValueError):
            check_season(season)


def test_a_season_starts_in_july_and_a_key_is_the_day_and_teams() -> None:
    assert season_of(date(2025, 7, 1)) == "2025-26" and season_of(date(2026, 6, 30)) == "2025-26"
    assert fixture_key(date(2025, 5, 31), "Paris Saint-Germain", "Inter") == "2025-05-31-paris-saint-germain-inter"


def test_every_shipped_source_file_reads_whole() -> None:
    root = shared_path("corpora", "fixtures", "openfootball")
    counts = {(path.parent.name, path.stem): len(read_season(path.read_bytes(), path.stem, path.parent.name).fixtures)
              for path in sorted(root.glob("*/*.json"))}
    assert counts == {("2024-25", "it.1"): 380, ("2024-25", "uefa.cl"): 189, ("2025-26", "it.1"): 380,
                      ("2025-26", "it.2"): 380}
