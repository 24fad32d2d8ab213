"""The command line's arguments: numbers checked by the parser, feed and tag names as people type them, and
lines that never wrap in a pipe."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli.choose import NoSuchName, choose, folded
from reader.cli.main import main
from tests.conftest import item, rss
from tests.server import FeedServer, Route

FEEDS = ["Gazzetta — Calcio", "Gazzetta — Calciomercato", "ANSA — Sport", "ANSA — Calcio", "Notti Europee",
         "Città Sport"]


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize(("argv", "says"), [
    (["list", "-n", "0"], "argomento -n/--limit: deve essere un numero intero da 1 a 10000, non '0'"),
    (["list", "-n", "-1"], "da 1 a 10000, non '-1'"),
    (["list", "-n", "99999999999999999999"], "non '99999999999999999999'"),
    (["list", "-n", "tre"], "non 'tre'"),
    (["search", "inter", "-n", "0"], "da 1 a 1000,"),
    (["show", "9223372036854775808"], "da 1 a 9223372036854775807, non '9223372036854775808'"),
    (["show", "0"], "non '0'"),
])
def test_numbers_out_of_range_are_usage_errors_of_the_parser(argv: list[str], says: str, tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--data-dir", str(tmp_path / "data"), *argv])
    err = capsys.readouterr().err
    assert exited.value.code == 2 and says in err and "Traceback" not in err
    assert not (tmp_path / "data").exists()


def test_a_show_of_the_largest_id_says_there_is_none(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["--data-dir", str(tmp_path), "show", "9223372036854775807"], capsys)
    assert code == 1 and "9223372036854775807" in err


@pytest.mark.parametrize(("typed", "meant"), [
    ("Gazzetta — Calcio", "Gazzetta — Calcio"),
    ("gazzetta - calcio", "Gazzetta — Calcio"),  # exact once folded, though also a prefix of Calciomercato
    ("gazzetta calciom", "Gazzetta — Calciomercato"),
    ("notti europee", "Notti Europee"),
    ("NOTTI", "Notti Europee"),
    ("citta", "Città Sport"),
    ("ansa sp", "ANSA — Sport"),
])
def test_a_name_is_found_in_any_case_without_accents_or_dashes_and_by_a_unique_prefix(typed: str,
                                                                                     meant: str) -> None:
    assert choose(typed, FEEDS, kind="feed") == meant


def test_a_prefix_of_several_names_lists_them() -> None:
    with pytest.raises(NoSuchName) as caught:
        choose("ANSA", FEEDS, kind="feed")
    assert "'ANSA — Sport'" in str(caught.value) and "'ANSA — Calcio'" in str(caught.value)


def test_a_miss_suggests_the_closest_names() -> None:
    with pytest.raises(NoSuchName) as caught:
        choose("Gazeta Calcio", FEEDS, kind="feed")
    assert str(caught.value).startswith("nessun feed si chiama 'Gazeta Calcio'; forse")
    assert "'Gazzetta — Calcio'" in str(caught.value)


def test_folding_keeps_words_apart() -> None:
    assert folded("  Gazzetta — Città_dello   Sport ") == "gazzetta citta dello sport"


@pytest.fixture
def cached(tmp_path: Path, feed_server: FeedServer) -> list[str]:
    feed_server.routes["/notti"] = Route(rss([item(1, title="Notte di coppa"), item(2)]))
    feed_server.routes["/roma"] = Route(rss([item(3, title="La Roma vince")]))
    config = tmp_path / "feeds.toml"
    long_name = "Un feed dal nome lunghissimo " * 4
    config.write_text(f'[[feeds]]\nname = "Notti Europee"\nurl = "{feed_server.url("/notti")}"\ntags = ["Champions"]\n'
                      f'\n[[feeds]]\nname = "{long_name.strip()}"\nurl = "{feed_server.url("/roma")}"\n'
                      f'tags = ["Roma"]\n', encoding="utf-8")
    return ["--config", str(config), "--data-dir", str(tmp_path / "data")]


def test_refresh_in_a_pipe_prints_one_line_per_feed_at_any_length(cached: list[str],
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run([*cached, "refresh"], capsys)
    lines = out.splitlines()
    assert code == 0 and len(lines) == 3  # two feeds and the summary, though one line is over 120 columns
    assert max(len(line) for line in lines) > 120


def test_list_finds_feeds_and_tags_as_typed(cached: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    run([*cached, "refresh", "-q"], capsys)
    code, out, _ = run([*cached, "list", "--feed", "notti europee"], capsys)
    assert code == 0 and "Notte di coppa" in out and "La Roma vince" not in out
    code, out, _ = run([*cached, "list", "--tag", "roma", "--json"], capsys)
    assert code == 0 and [row["title"] for row in json.loads(out)] == ["La Roma vince"]
    code, out, err = run([*cached, "list", "--tag", "Rona"], capsys)
    assert code == 2 and out == "" and "'Roma'" in err and "config" not in err


def test_an_unknown_feed_to_refresh_is_a_usage_error_with_a_suggestion(cached: list[str], tmp_path: Path,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run([*cached, "refresh", "--feed", "Notte europea"], capsys)
    assert code == 2 and "'Notti Europee'" in err and "config error" not in err
    assert not (tmp_path / "data").exists()
    code, out, _ = run([*cached, "check", "--feed", "notti"], capsys)
    assert code == 0 and "Notti Europee" in out and "1 feed controllato" in out


def test_a_refresh_of_entries_all_past_the_retention_says_how_many(tmp_path: Path, feed_server: FeedServer,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    feed_server.routes["/vecchio"] = Route(rss([item(n, hours_ago=24 * 90 + n) for n in range(3)]))
    config = tmp_path / "feeds.toml"
    config.write_text(f'[[feeds]]\nname = "Vecchio"\nurl = "{feed_server.url("/vecchio")}"\n', encoding="utf-8")
    code, out, _ = run(["--config", str(config), "--data-dir", str(tmp_path / "d"), "refresh"], capsys)
    assert code == 0
    assert "+0 nuovi, 0 aggiornati (3 più vecchi di 60 giorni)" in out
    assert out.splitlines()[-1].endswith("0 articoli nuovi (3 più vecchi di 60 giorni)")
