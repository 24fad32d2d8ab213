"""The schema of feeds.toml against the records it fills, the checks of each kind, every mistake reported."""

from __future__ import annotations

import typing
from dataclasses import MISSING, fields
from pathlib import Path

import pytest

from reader.models import FeedSpec, Settings
from reader.settings import schema
from reader.settings.config import ConfigError, NameSpec, parse_config_text

# The type of the record's field that each kind of value fills.
FIELD_TYPES: dict[str, object] = {
    schema.WHOLE: int, schema.NUMBER: float, schema.FLAG: bool, schema.TEXT: str, schema.THEME: str,
    schema.LABEL: str, schema.URL: str, schema.LABELS: tuple[str, ...], schema.NAME_KIND: str,
}


@pytest.mark.parametrize(("table", "record"), [("settings", Settings), ("feeds", FeedSpec), ("names", NameSpec)])
def test_each_row_is_a_field_of_its_record_in_order(table: str, record: type) -> None:
    rows = list(schema.ROWS[table].values())
    hints = typing.get_type_hints(record)
    assert [row.name for row in rows] == [f.name for f in fields(record)]
    for row, f in zip(rows, fields(record), strict=True):
        assert FIELD_TYPES[row.kind] == hints[f.name], row.name
        # Required exactly when the record has no default: the defaults live in the record alone.
        assert row.required == (f.default is MISSING and f.default_factory is MISSING), row.name


def test_every_number_has_a_range_and_nothing_else_has_one() -> None:
    for row in schema.KEYS:
        numeric = row.kind in (schema.WHOLE, schema.NUMBER)
        assert (row.low is not None and row.high is not None) == numeric, row.name


def test_a_file_without_settings_gets_the_records_defaults() -> None:
    config = parse_config_text('[[feeds]]\nname = "A"\nurl = "https://a.it/"\n\n[names]\nX = { kind = "team" }\n',
                               Path("feeds.toml"))
    assert config.settings == Settings()
    assert config.feeds == (FeedSpec("A", "https://a.it/"),)
    assert config.names == {"X": NameSpec("team")}


@pytest.mark.parametrize(("line", "message"), [
    ('user_agent = " "', "must be a non-empty string, got a string"),
    ("prefetch = 1", "must be true or false, got an integer"),
    ("theme = 3", "unknown theme 3; known themes: textual-dark, textual-light, nord"),
    ("max_redirects = 31", "must be between 0 and 30, got 31"),
    ("timeout = 0.05", "must be between 0.1 and 600, got 0.05"),
    ("timeout = true", "must be a number, got a boolean"),
])
def test_each_kind_of_setting_says_what_it_wants(line: str, message: str) -> None:
    with pytest.raises(ConfigError) as caught:
        parse_config_text(f"[settings]\n{line}\n", Path("feeds.toml"))
    assert caught.value.message.startswith(message)
    assert caught.value.line == 2


def test_a_setting_keeps_the_type_of_its_field() -> None:
    config = parse_config_text("[settings]\ntimeout = 5\n", Path("feeds.toml"))
    assert config.settings.timeout == 5.0 and isinstance(config.settings.timeout, float)


def problems_of(text: str) -> list[tuple[int | None, str | None, str]]:
    with pytest.raises(ConfigError) as caught:
        parse_config_text(text, Path("feeds.toml"))
    return [(p.line, p.key, p.message) for p in caught.value.problems]


def test_every_mistake_of_a_feed_is_reported_in_file_order() -> None:
    text = ('[[feeds]]\nname = "A"\nurl = "ftp://a.it/"\ntagz = []\ntags = "x"\nenabled = "no"\n\n'
            '[[feeds]]\nenabled = 1\n')
    assert problems_of(text) == [
        (3, "feeds[0].url", "must be an http:// or https:// URL, got 'ftp:'"),
        (4, "feeds[0].tagz", "unknown key 'tagz'; did you mean 'tags'?"),
        (5, "feeds[0].tags", "must be a list of strings, got a string"),
        (6, "feeds[0].enabled", "must be true or false, got a string"),
        (8, "feeds[1]", "missing required key 'name'"),
        (8, "feeds[1]", "missing required key 'url'"),
        (9, "feeds[1].enabled", "must be true or false, got an integer"),
    ]


def test_every_mistake_of_names_keys_and_highlight_is_reported() -> None:
    text = ('[names]\n"A" = { kind = "arbitro" }\n"B" = 3\n"C" = { aliases = [" "] }\n\n'
            '[keys]\nquit = "ctrl q!"\nhelp = 5\n\n[highlight]\nplayer = "bold nocolour"\nteam = ""\n')
    assert problems_of(text) == [
        (2, "names.A.kind", "must be one of player, coach, team, got 'arbitro'"),
        (3, "names.B", "must be a table like { kind = 'player' }, got an integer"),
        (4, "names.C.kind", "must be one of player, coach, team, got None"),
        (4, "names.C.aliases[0]", "must be a non-empty string, got a string"),
        (7, "keys.quit", "'ctrl q!' is not a key name (examples: 'j', 'ctrl+f', 'down', 'f5')"),
        (8, "keys.help", "must be a non-empty string, got an integer"),
        (11, "highlight.player", problems_of('[highlight]\nplayer = "bold nocolour"\n')[0][2]),
        (12, "highlight.team", "must be a non-empty string, got a string"),
    ]


def test_a_feed_with_a_mistake_is_left_out_of_the_duplicate_checks() -> None:
    text = '[[feeds]]\nname = "A"\nurl = "https://a.it/"\nenabled = 1\n\n[[feeds]]\nname = "A"\nurl = "https://a.it/"\n'
    assert problems_of(text) == [(4, "feeds[0].enabled", "must be true or false, got an integer")]
