"""`sportreader names`: the people of the cache, counted, with the names the articles taught, up to date."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from reader.cli.main import main
from reader.models import FeedSpec
from reader.settings import paths
from reader.store import EntryRecord, Store

ARTICLES = [
    ("Inter, Lautaro decide", "Lautaro Martínez segna e Chivu sorride. Il ds Piero Ausilio ha detto: «Bene»."),
    ("Milan su Emegha", "Il Milan segue Emegha, attaccante dello Strasburgo, e Lautaro Martínez guarda."),
]


@pytest.fixture
def args(tmp_path: Path) -> list[str]:
    config = tmp_path / "feeds.toml"
    config.write_text('[[feeds]]\nname = "Feed"\nurl = "https://example.org/feed"\n\n'
                      '[names]\n"Pinco Pallino" = { kind = "player" }\n', encoding="utf-8")
    return ["--config", str(config), "--data-dir", str(tmp_path / "data")]


def store_articles(args: list[str], articles: list[tuple[str, str]], first: int = 0) -> None:
    with Store(paths.database_file(Path(args[3]))) as store:
        store.sync_feeds([FeedSpec("Feed", "https://example.org/feed")])
        records = [EntryRecord(f"u{first + n}", title, f"https://example.org/{first + n}", "", text, "", (),
                               datetime.now(UTC), None) for n, (title, text) in enumerate(articles)]
        store.save_entries("Feed", records, now=datetime.now(UTC))


def names(args: list[str], capsys: pytest.CaptureFixture[str], *extra: str) -> list[dict[str, object]]:
    assert main([*args, "names", "--json", *extra]) == 0
    return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]


def test_the_people_are_listed_most_named_first_with_kind_team_and_how_learned(
        args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    store_articles(args, ARTICLES)
    rows = names(args, capsys)
    assert rows[0] == {"name": "Lautaro Martínez", "kind": "player", "team": "Inter", "articles": 2, "mentions": 2,
                       "learned": None}
    by_name = {row["name"]: row for row in rows}
    assert by_name["Emegha"]["learned"] == "cue" and by_name["Piero Ausilio"]["kind"] == "other"


def test_later_entries_are_counted_knowing_what_earlier_ones_taught(
        args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    store_articles(args, ARTICLES)
    names(args, capsys)
    store_articles(args, [("Emegha ancora", "Emegha segna ancora una volta: il Milan osserva.")], first=10)
    by_name = {row["name"]: row for row in names(args, capsys)}
    assert by_name["Emegha"]["articles"] == 2
    assert by_name["Lautaro Martínez"]["articles"] == 2  # the old entries are not counted twice
    again = {row["name"]: row for row in names(args, capsys, "--rebuild")}
    assert again["Emegha"]["articles"] == 2 and again["Lautaro Martínez"]["articles"] == 2


def test_the_table_is_in_the_users_language_and_an_empty_cache_says_why(
        args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*args, "names"]) == 0
    assert "sportreader refresh" in capsys.readouterr().err
    store_articles(args, ARTICLES)
    assert main([*args, "names", "-n", "2"]) == 0
    out = capsys.readouterr().out
    assert "Lautaro Martínez" in out and "giocatore" in out and "Emegha" not in out


def test_a_limit_that_is_not_a_positive_number_is_a_usage_error(
        args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    for limit in ("0", "-1", "99999999999999999999"):
        with pytest.raises(SystemExit) as stop:
            main([*args, "names", "-n", limit])
        assert stop.value.code == 2
