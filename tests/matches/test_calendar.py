"""The shipped calendar: what the script builds from openfootball's files, loaded into the store once, again
when a newer file ships, never over a season downloaded since."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime

import pytest

from reader.matches import calendar
from reader.matches.openfootball import read_season
from reader.store import Store
from reader.store import calendar as stored
from tests.conftest import REPO, shared_path

NOW = datetime(2026, 3, 1, tzinfo=UTC)


def test_the_shipped_file_is_what_the_script_builds_from_the_shared_files() -> None:
    shared_path("corpora", "fixtures", "openfootball")
    done = subprocess.run([sys.executable, "scripts/fixtures.py", "--check"], cwd=REPO, capture_output=True,
                          text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_shipped_file_holds_four_seasons_and_reads_back_as_written() -> None:
    seasons = calendar.read_shipped()
    assert [(s.competition, s.season, len(s.fixtures)) for s, _ in seasons] == [
        ("it.1", "2024-25", 380), ("uefa.cl", "2024-25", 189), ("it.1", "2025-26", 380), ("it.2", "2025-26", 380)]
    assert calendar.write_shipped(s for s, _ in seasons) == calendar.shipped_text()
    assert calendar.compress(calendar.shipped_text()) == calendar.SHIPPED_FILE.read_bytes()


def test_the_shipped_seasons_are_loaded_once(store: Store) -> None:
    assert calendar.ensure_shipped(store, NOW) == 4
    assert stored.count(store) == 1329
    assert calendar.ensure_shipped(store, NOW) == 0
    derby = [f for f in stored.between(store) if f.key == "2026-03-08-milan-inter"]
    assert derby and derby[0].competition == "it.1" and derby[0].score == (1, 0)


def test_a_newer_shipped_file_replaces_a_shipped_season_but_never_a_downloaded_one(
        store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    calendar.ensure_shipped(store, NOW)
    season = read_season(b'{"name": "Italian Serie A 2025/26", "matches": [{"round": "Matchday 1", "date": '
                         b'"2025-08-23", "team1": "AC Milan", "team2": "US Lecce"}]}', "it.1", "2025-26")
    calendar.store_season(store, season, origin="download", digest="x", now=NOW)
    text = calendar.shipped_text()
    lines = text.splitlines()
    changed = [line.replace("\tGenoa\tInter\t2-2\t", "\tGenoa\tInter\t2-3\t") for line in lines]
    monkeypatch.setattr(calendar, "shipped_text", lambda: "\n".join(changed) + "\n")
    assert calendar.ensure_shipped(store, NOW) == 1  # 2024-25 Serie A: shipped, and its lines changed
    assert [f.score for f in stored.between(store) if f.key == "2024-08-17-genoa-inter"] == [(2, 3)]
    src = stored.source(store, "it.1", "2025-26")
    assert src is not None and src.origin == "download" and stored.count(store) == 1329 - 380 + 1
