"""Dates and times in one place for the app and the command line: the user's language and time zone."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from reader.cli import console
from reader.settings.config import ConfigError, parse_config_text
from reader.text import dates, render

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)  # 10:00 in Rome, 04:00 in New York


@pytest.fixture(autouse=True)
def rome() -> Iterator[None]:
    dates.set_timezone("Europe/Rome")
    yield
    dates.set_timezone(None)


@pytest.mark.parametrize(("before", "italian"), [
    (timedelta(seconds=20), "ora"),
    (timedelta(minutes=12), "12 min"),
    (timedelta(hours=3), "3 h"),
    (timedelta(hours=13), "ieri 21:00"),
    (timedelta(days=3), "22 nov"),
    (timedelta(days=400), "21 ott 2025"),
])
def test_the_app_and_the_command_line_write_a_moment_alike(before: timedelta, italian: str) -> None:
    assert dates.when(NOW - before, NOW) == italian
    assert render.when(NOW - before, NOW) == italian
    assert console.when(NOW - before, NOW) == italian


@pytest.mark.usefixtures("english")
def test_in_english() -> None:
    assert dates.when(NOW - timedelta(days=3), NOW) == "22 Nov"
    assert dates.when(NOW - timedelta(hours=13), NOW) == "yesterday 21:00"
    assert dates.day_heading(NOW - timedelta(days=1), NOW) == "Yesterday"
    assert dates.day_heading(datetime(2026, 11, 17, 12, tzinfo=UTC), NOW) == "Tuesday 17 November"
    assert dates.ago(NOW - timedelta(minutes=5), NOW) == "5 min ago"


def test_ago_is_a_phrase_that_stands_alone() -> None:
    assert dates.ago(None, NOW) == "mai"
    assert dates.ago(NOW - timedelta(seconds=5), NOW) == "poco fa"
    assert dates.ago(NOW - timedelta(minutes=5), NOW) == "5 min fa"
    assert dates.ago(NOW - timedelta(days=3), NOW) == "22 nov"  # never "22 nov fa"


def test_day_headings() -> None:
    assert dates.day_heading(NOW, NOW) == "Oggi"
    assert dates.day_heading(datetime(2026, 11, 17, 12, tzinfo=UTC), NOW) == "martedì 17 novembre"
    assert dates.day_heading(datetime(2025, 5, 3, 12, tzinfo=UTC), NOW) == "sabato 3 maggio 2025"


def test_the_time_zone_decides_the_day_and_the_hour() -> None:
    kickoff = datetime(2026, 11, 24, 23, 30, tzinfo=UTC)  # 00:30 on the 25th in Rome, 18:30 on the 24th in NY
    assert dates.day_heading(kickoff, NOW) == "Oggi"
    assert dates.date_time(kickoff) == "25/11/2026 00:30"
    dates.set_timezone("America/New_York")
    assert dates.day_heading(kickoff, NOW) == "Ieri"  # 04:00 on the 25th there
    assert dates.date_time(kickoff) == "24/11/2026 18:30"
    assert dates.clock(kickoff) == "18:30"


def test_the_timezone_setting_is_checked() -> None:
    config = parse_config_text('[settings]\ntimezone = "Europe/Rome"\n', Path("feeds.toml"))
    assert config.settings.timezone == "Europe/Rome"
    assert parse_config_text("", Path("feeds.toml")).settings.timezone == "auto"
    with pytest.raises(ConfigError) as caught:
        parse_config_text('[settings]\ntimezone = "Europe/Roma"\n', Path("feeds.toml"))
    assert caught.value.line == 2 and "forse 'Europe/Rome'?" in caught.value.message
    with pytest.raises(ConfigError):
        parse_config_text('[settings]\ntimezone = "../../etc/passwd"\n', Path("feeds.toml"))


def test_show_prints_the_time_in_the_zone_of_the_setting(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from reader.cli.main import main
    from reader.models import FeedSpec
    from reader.settings import paths
    from reader.store import Store
    from reader.store.records import EntryRecord

    config = tmp_path / "feeds.toml"
    config.write_text('[settings]\ntimezone = "America/New_York"\n\n[[feeds]]\nname = "A"\n'
                      'url = "https://a.example/rss"\n', encoding="utf-8")
    data = tmp_path / "data"
    data.mkdir()
    kickoff = datetime(2026, 11, 24, 23, 30, tzinfo=UTC)
    with Store(paths.database_file(data)) as store:
        store.sync_feeds([FeedSpec("A", "https://a.example/rss")])
        store.save_entries("A", [EntryRecord("x", "Derby", "", "", "Testo", "", (), kickoff, None)], now=kickoff)
        [preview] = store.previews()
    assert main(["--config", str(config), "--data-dir", str(data), "show", str(preview.id)]) == 0
    assert "24/11/2026 18:30" in capsys.readouterr().out
