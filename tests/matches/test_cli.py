"""`fixtures update`, `matches` and `match` end to end on a data dir holding the labelled set."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli.main import main
from reader.settings import paths
from reader.store import Store
from tests.matches.labelled.evaluate import load, seed
from tests.matches.test_update import season_file
from tests.server import FeedServer, Route

DERBY = "2026-11-29-milan-inter"
CUP = "2026-12-02-roma-torino"


@pytest.fixture
def setup(tmp_path: Path) -> list[str]:
    config = tmp_path / "feeds.toml"
    config.write_text("[settings]\ntimeout = 3\nteams = [\"inter\"]\n", encoding="utf-8")
    data = tmp_path / "data"
    fixtures, _, articles = load()
    with Store(paths.database_file(data)) as store:
        seed(store, fixtures, articles)
    return ["--config", str(config), "--data-dir", str(data)]


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_matches_json_is_the_object_the_issue_specifies(setup: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run([*setup, "matches", "--json"], capsys)
    matches = json.loads(out)["matches"]
    assert code == 0 and len(matches) == 15
    assert set(matches[0]) == {"id", "competition", "home", "away", "kickoff", "score", "articles"}
    assert set(matches[0]["articles"][0]) == {"id", "feed", "title", "link", "kind", "published", "also_in"}
    derby = next(m for m in matches if m["id"] == DERBY)
    assert (derby["competition"], derby["home"], derby["away"], derby["score"]) == ("Serie A", "Milan", "Inter",
                                                                                    "1-1")
    assert derby["kickoff"] == "2026-11-29T20:45:00+01:00"
    assert [a["kind"] for a in derby["articles"]][:2] == ["vigilia", "vigilia"]
    cup = next(m for m in matches if m["id"] == CUP)
    assert (cup["competition"], cup["kickoff"], cup["score"]) == ("Coppa Italia", None, "2-1")
    kairat = next(m for m in matches if m["home"] == "Inter" and m["away"] == "Kairat Almaty")
    assert kairat["articles"][0]["also_in"] == ["Gazzetta", "FcInterNews"]


def test_matches_narrow_by_team_and_days(setup: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    ids = [m["id"] for m in json.loads(run([*setup, "matches", "--team", "juve", "--json"], capsys)[1])["matches"]]
    assert ids == ["2026-11-21-juventus-napoli", "2026-11-25-bodo-glimt-juventus"]
    out = run([*setup, "matches", "--from", "2026-11-29", "--to", "2026-11-29", "--json"], capsys)[1]
    assert [m["id"] for m in json.loads(out)["matches"]] == ["2026-11-29-torino-roma", DERBY]
    out = run([*setup, "matches", "--from", "2026-11-29", "--to", "2026-11-29", "--all", "--json"], capsys)[1]
    assert "2026-11-29-juventus-lecce" in [m["id"] for m in json.loads(out)["matches"]]  # a fixture, no articles


def test_an_unknown_team_or_match_says_so(setup: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run([*setup, "matches", "--team", "Fiorentna"], capsys)
    assert code == 2 and "squadra sconosciuta 'Fiorentna'; forse 'Fiorentina'?" in err
    code, _, err = run([*setup, "match", "2026-11-29-inter-milan"], capsys)
    assert code == 1 and "Nessuna partita con id 2026-11-29-inter-milan" in err
    assert run([*setup, "match", "not-a-day"], capsys)[0] == 1


def test_a_match_prints_its_timeline_in_match_order(setup: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run([*setup, "match", DERBY], capsys)
    assert code == 0 and out.startswith("Milan–Inter  1-1")
    headings = [line for line in out.splitlines() if line.isupper() and line.strip()]
    assert headings == ["VIGILIA", "PROBABILI FORMAZIONI", "ANTEPRIMA", "CRONACA", "PAGELLE", "MOVIOLA", "COMMENTI"]


def test_no_spoilers_hides_the_result_until_the_match_is_watched(setup: list[str],
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    out = run([*setup, "match", DERBY, "--no-spoilers"], capsys)[1]
    assert out.startswith("Milan–Inter  –") and "1-1" not in out and "niente spoiler" in out
    assert "Milan–Inter: cronaca" in out and "Pulisic risponde a Lautaro" not in out
    assert "Verso il derby: Allegri recupera Leao" in out  # before the kick-off nothing is hidden
    out = run([*setup, "match", DERBY, "--watched"], capsys)[1]
    assert out.startswith("Milan–Inter  1-1") and "Pulisic risponde a Lautaro" in out and "vista" in out
    out = run([*setup, "match", DERBY, "--unwatched"], capsys)[1]
    assert out.startswith("Milan–Inter  –")
    assert run([*setup, "match", DERBY, "--spoilers"], capsys)[1].startswith("Milan–Inter  1-1")
    derby = next(m for m in json.loads(run([*setup, "matches", "--json"], capsys)[1])["matches"] if m["id"] == DERBY)
    assert derby["score"] == "1-1"  # JSON is for programs: always the whole truth


def test_fixtures_update_reports_each_competition(tmp_path: Path, feed_server: FeedServer,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    feed_server.routes["/2026-27/it.1.json"] = Route(season_file(("AC Milan", "US Lecce")))
    config = tmp_path / "feeds.toml"
    config.write_text(f'[settings]\ntimeout = 3\n\n[fixtures]\nurl = "{feed_server.url("/{season}/{code}.json")}"\n'
                      'competitions = ["it.1", "uefa.cl"]\n', encoding="utf-8")
    args = ["--config", str(config), "--data-dir", str(tmp_path / "data"), "fixtures", "update"]
    code, out, _ = run([*args, "--season", "2026-27"], capsys)
    assert code == 0 and "salvato: 1 partita" in out and "HTTP 404 Not Found (non ancora pubblicato?)" in out
    assert "1 competizioni aggiornate su 2" in out
    assert "invariato: 1 partita" in run([*args, "--season", "2026-27"], capsys)[1]
    assert run([*args, "--season", "2027-28"], capsys)[0] == 1  # every competition failed
    code, _, err = run([*args, "--season", "2026/27"], capsys)
    assert code == 2 and "2026/27" in err
