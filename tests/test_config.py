"""feeds.toml: lookup order and exact errors (file, line, key)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.settings import paths
from reader.settings.config import ConfigError, load_config, load_config_file, parse_config_text

# These tests check what the messages say: the code's own words, in English.
pytestmark = pytest.mark.usefixtures("english")

GOOD = """
[settings]
concurrency = 4
timeout = 12.5

[[feeds]]
name = "Gazzetta"
url = "https://www.gazzetta.it/rss/home.xml"
tags = ["generale"]

[[feeds]]
name = "Spento"
url = "https://example.org/rss"
enabled = false
"""


def parse(text: str) -> object:
    return parse_config_text(text, Path("feeds.toml"))


def error_of(text: str) -> ConfigError:
    with pytest.raises(ConfigError) as caught:
        parse(text)
    return caught.value


def test_a_valid_file_gives_settings_and_feeds() -> None:
    config = parse_config_text(GOOD, Path("feeds.toml"))
    assert config.settings.concurrency == 4
    assert config.settings.timeout == 12.5
    assert config.settings.retention_days == 60  # default
    assert [f.name for f in config.feeds] == ["Gazzetta", "Spento"]
    assert [f.name for f in config.enabled_feeds] == ["Gazzetta"]
    assert config.feeds[0].tags == ("generale",)


def test_the_shipped_default_is_valid_and_lists_real_feeds() -> None:
    config = load_config_file(paths.shipped_config_file(), "shipped default")
    assert len(config.feeds) >= 15
    assert all(f.url.startswith(("http://", "https://")) for f in config.feeds)


def test_the_repo_root_feeds_toml_is_the_shipped_one() -> None:
    root = Path(__file__).resolve().parent.parent / "feeds.toml"
    assert root.read_bytes() == paths.shipped_config_file().read_bytes()


def test_a_syntax_error_names_file_line_and_column() -> None:
    err = error_of('[settings]\nconcurrency = 4\ntimeout = "x\n')
    assert err.line == 3 and err.column is not None
    assert str(err).startswith("feeds.toml:3:")
    assert "TOML syntax error" in str(err)


def test_an_unknown_key_suggests_the_right_one() -> None:
    err = error_of("[settings]\nconcurrency = 4\ntimout = 3\n")
    assert err.line == 3
    assert err.key == "settings.timout"
    assert "did you mean 'timeout'?" in str(err)


def test_an_unknown_feed_key_is_located_in_its_table() -> None:
    err = error_of(GOOD + '\n[[feeds]]\nname = "X"\nurl = "https://x.org/"\ntagz = []\n')
    assert err.key == "feeds[2].tagz"
    assert err.line == 19
    assert "did you mean 'tags'?" in str(err)


def test_a_wrong_type_names_the_key() -> None:
    err = error_of("[settings]\nconcurrency = \"otto\"\n")
    assert err.key == "settings.concurrency" and err.line == 2
    assert "whole number" in err.message


def test_a_boolean_is_not_a_number() -> None:
    assert error_of("[settings]\nretention_days = true\n").key == "settings.retention_days"


def test_out_of_range_settings_are_refused() -> None:
    assert "between" in error_of("[settings]\nconcurrency = 0\n").message


def test_a_missing_url_is_an_error() -> None:
    err = error_of('[[feeds]]\nname = "Senza url"\n')
    assert err.key == "feeds[0]" and err.line == 1
    assert "missing required key 'url'" in err.message


def test_a_duplicate_feed_name_is_an_error() -> None:
    err = error_of('[[feeds]]\nname = "A"\nurl = "https://a.it/"\n\n[[feeds]]\nname = "a"\nurl = "https://b.it/"\n')
    assert err.key == "feeds[1].name" and err.line == 6
    assert "duplicate feed name" in err.message


MANY_PROBLEMS = """[settings]
concurrency = 0
timout = 3

[[feeds]]
name = "A"
url = "https://a.it/"

[[feeds]]
name = "a"
url = "https://b.it/"

[[feeds]]
name = "C"
url = "javascript:alert(1)"

[[feeds]]
name = "D"
url = "https://a.it/"
"""


def test_every_problem_in_the_file_is_reported_in_file_order() -> None:
    err = error_of(MANY_PROBLEMS)
    located = [(problem.line, problem.key) for problem in err.problems]
    assert located == [(2, "settings.concurrency"), (3, "settings.timout"), (10, "feeds[1].name"),
                       (15, "feeds[2].url"), (19, "feeds[3].url")]
    assert "the same URL as feeds[0] ('A')" in err.problems[-1].message
    assert str(err).splitlines() == [problem.located() for problem in err.problems]


def test_an_unknown_key_does_not_hide_the_other_problems_of_its_table() -> None:
    err = error_of('[[feeds]]\nname = "A"\nurl = "ftp://a.it/"\ntagz = []\n\n[keys]\nsearhc = "s"\nhelp = "?!x"\n')
    assert [problem.key for problem in err.problems] == ["feeds[0].url", "feeds[0].tagz", "keys.searhc",
                                                         "keys.help"]


def test_a_single_problem_is_reported_alone() -> None:
    err = error_of("[settings]\nconcurrency = 0\n")
    assert err.problems == (err,) and "\n" not in str(err)


@pytest.mark.parametrize("url", ["ftp://a.it/rss", "javascript:alert(1)", "file:///etc/passwd", "a.it/rss"])
def test_a_url_that_is_not_http_is_refused(url: str) -> None:
    err = error_of(f'[[feeds]]\nname = "A"\nurl = "{url}"\n')
    assert err.key == "feeds[0].url" and err.line == 3
    assert "http://" in err.message


def test_an_unknown_top_level_table_is_an_error() -> None:
    err = error_of("[setings]\nconcurrency = 4\n")
    assert err.key == "setings" and err.line == 1
    assert "did you mean 'settings'?" in str(err)


def test_names_are_validated() -> None:
    config = parse_config_text('[names]\n"Pio Esposito" = { kind = "player", aliases = ["Pio"] }\n', Path("f"))
    assert config.names["Pio Esposito"].aliases == ("Pio",)
    assert error_of('[names]\n"X" = { kind = "arbitro" }\n').key == 'names.X.kind'


def test_a_binary_file_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "feeds.toml"
    bad.write_bytes("[settings]\n".encode("utf-16"))
    with pytest.raises(ConfigError, match="not a text file"):
        load_config_file(bad)


def test_invalid_utf8_names_the_line(tmp_path: Path) -> None:
    bad = tmp_path / "feeds.toml"
    bad.write_bytes(b"[settings]\n# caff\xe8\n")
    with pytest.raises(ConfigError) as caught:
        load_config_file(bad)
    assert caught.value.line == 2


def test_deep_nesting_is_a_clear_error() -> None:
    assert "nests too deeply" in error_of("x = " + "[" * 100_000 + "]" * 100_000).message


def test_lookup_prefers_the_command_line_then_the_environment(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    cli = tmp_path / "cli.toml"
    env = tmp_path / "env.toml"
    for f in (cli, env):
        f.write_text(GOOD, encoding="utf-8")
    monkeypatch.setenv("SPORTREADER_CONFIG", str(env))
    assert load_config(cli).origin == "--config"
    assert load_config(None).path == env
    monkeypatch.delenv("SPORTREADER_CONFIG")
    assert load_config(None).origin == "shipped default"
    paths.user_config_file().parent.mkdir(parents=True)
    paths.user_config_file().write_text(GOOD, encoding="utf-8")
    assert load_config(None).origin == "user config dir"


def test_a_missing_config_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no such config file"):
        load_config(tmp_path / "nope.toml")


def test_prefetch_is_a_boolean_setting() -> None:
    assert parse_config_text("[settings]\nprefetch = true\n", Path("f")).settings.prefetch is True
    assert error_of("[settings]\nprefetch = 1\n").message == "must be true or false, got an integer"


def test_keys_remap_actions_and_accept_lists() -> None:
    config = parse_config_text('[keys]\nrefresh = "f5"\nsearch = ["slash", "ctrl+s"]\n', Path("feeds.toml"))
    assert config.keys == {"refresh": "f5", "search": "slash,ctrl+s"}


def test_an_unknown_action_in_keys_is_located_with_a_suggestion() -> None:
    err = error_of('[keys]\nrefresh = "f5"\nrefesh_all = "x"\n')
    assert err.line == 3 and err.key == "keys.refesh_all"
    assert "did you mean 'refresh'?" in str(err)


def test_a_key_that_is_not_a_key_name_is_refused() -> None:
    err = error_of('[keys]\nquit = "ctrl q!"\n')
    assert err.key == "keys.quit" and "not a key name" in str(err)


def test_highlight_styles_are_checked() -> None:
    config = parse_config_text('[highlight]\nplayer = "bold blue"\n', Path("feeds.toml"))
    assert config.highlight == {"player": "bold blue"}
    err = error_of('[highlight]\nplayer = "bold nocolour"\n')
    assert err.key == "highlight.player" and "not a style" in str(err)
    assert error_of('[highlight]\nplayers = "bold"\n').key == "highlight.players"


def test_the_theme_must_be_a_known_one() -> None:
    config = parse_config_text('[settings]\ntheme = "nord"\n', Path("f.toml"))
    assert config.settings.theme == "nord"
    err = error_of('[settings]\ntheme = "nordd"\n')
    assert err.key == "settings.theme" and "did you mean 'nord'?" in str(err)


def test_the_theme_list_matches_textual() -> None:
    from textual.theme import BUILTIN_THEMES

    from reader.settings.appearance import THEMES

    assert set(THEMES) == set(BUILTIN_THEMES)
