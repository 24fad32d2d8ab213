"""The demo edition's own calendar: dated with its articles, served as openfootball's JSON, and a match centre
of several matches with several outlets each, offline."""

from __future__ import annotations

import json
import urllib.request
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from reader.cli.main import main
from reader.demo import DemoServer, fixtures_path, load_edition, render_fixtures
from reader.matches.openfootball import read_season

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


def test_the_calendar_is_dated_with_the_edition_and_reads_as_openfootball() -> None:
    edition = load_edition()
    files = render_fixtures(edition, NOW)
    assert set(files) == {("it.1", "2026-27"), ("uefa.cl", "2026-27")}
    fixtures = [f for (code, season), data in files.items() for f in read_season(data, code, season).fixtures]
    assert len(fixtures) == len(edition.fixtures)
    kairat = next(f for f in fixtures if f.away == "Kairat Almaty")
    assert kairat.kickoff == NOW + timedelta(hours=20.5) and kairat.score is None
    roma = next(f for f in fixtures if (f.home, f.away) == ("Roma", "Lecce"))
    assert roma.kickoff == NOW - timedelta(hours=57.5) and roma.score == (3, 0)


def test_the_server_publishes_the_calendar_where_its_config_says() -> None:
    with DemoServer(now=NOW, port=0) as server:
        config = server.config()
        assert config.fixtures.competitions == ("it.1", "uefa.cl")
        url = config.fixtures.url.format(season="2026-27", code="uefa.cl")
        assert url == server.base + fixtures_path("uefa.cl", "2026-27")
        with urllib.request.urlopen(url, timeout=5) as response:
            assert response.read() == server.fixtures[("uefa.cl", "2026-27")]


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(args)
    return code, capsys.readouterr().out


def test_the_demo_match_centre_shows_several_matches_with_several_outlets(tmp_path: Path,
                                                                          capsys: pytest.CaptureFixture[str]) -> None:
    args = ["--demo", "--data-dir", str(tmp_path / "demo")]
    assert run([*args, "refresh"], capsys)[0] == 0
    code, out = run([*args, "matches", "--json"], capsys)
    matches = json.loads(out)["matches"]
    several = [m for m in matches if len({a["feed"] for a in m["articles"]}) >= 2]
    assert code == 0 and len(matches) >= 6 and len(several) >= 4
    assert any(a["also_in"] for m in matches for a in m["articles"])  # a press conference told twice
    assert all(m["kickoff"] for m in matches)  # every one of them is in the edition's calendar
    everything = json.loads(run([*args, "matches", "--all", "--json"], capsys)[1])["matches"]
    assert len(everything) == len(load_edition().fixtures)
    code, out = run([*args, "fixtures", "update"], capsys)
    assert code == 0 and "2 competizioni aggiornate su 2" in out
