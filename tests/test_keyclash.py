"""[keys]: a key may mean one thing where its actions can fire; a clash is a config error with both actions."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.settings.config import ConfigError, parse_config_text
from reader.settings.keyclash import Clash, clashes, key_id
from reader.settings.keymap import ACTIONS


def problems(text: str) -> list[ConfigError]:
    with pytest.raises(ConfigError) as caught:
        parse_config_text(text, Path("feeds.toml"))
    return list(caught.value.problems)


def test_the_default_keys_never_clash() -> None:
    assert clashes({a.id: a.keys for a in ACTIONS}) == []


def test_a_global_action_on_a_key_of_the_list_is_an_error_with_file_line_and_both_actions() -> None:
    errors = problems('[settings]\ntimeout = 5\n\n[keys]\nsearch = "j"\n')
    assert {(err.line, err.key) for err in errors} == {(5, "keys.search")}
    # j moves the list's cursor and scrolls the article: search would take it from both.
    assert {"cursor_down", "scroll_down"} == {a for err in errors for a in ("cursor_down", "scroll_down")
                                              if a in err.message}
    assert all("'j'" in err.message and "(predefinito)" in err.message for err in errors)
    assert str(errors[0]).startswith("feeds.toml:5: [keys.search]")


def test_two_actions_given_one_key_in_the_file_are_reported_once_on_the_later_line() -> None:
    [err] = problems('[keys]\nrefresh = "f5"\nstar = "x"\nhelp = ["x", "f1"]\n')
    assert (err.line, err.key) == (4, "keys.help")
    assert "star" in err.message and "(riga 3)" in err.message


def test_one_key_may_act_in_the_list_and_in_the_reader() -> None:
    # scroll_down acts in the reader, cursor_down in the list: x can mean each in its own pane.
    config = parse_config_text('[keys]\nscroll_down = "x"\ncursor_down = "x"\n', Path("feeds.toml"))
    assert config.keys == {"scroll_down": "x", "cursor_down": "x"}
    assert {(c.key, c.other) for c in clashes({"search": "j"})} == {("j", "cursor_down"), ("j", "scroll_down")}


def test_a_key_freed_by_its_action_can_be_taken() -> None:
    text = '[keys]\ncursor_down = "down"\nscroll_down = "down"\nsearch = "j"\n'
    config = parse_config_text(text, Path("feeds.toml"))
    assert config.keys == {"cursor_down": "down", "scroll_down": "down", "search": "j"}


def test_a_key_is_compared_as_textual_reads_it() -> None:
    assert key_id("/") == "slash" and key_id("?") == "question_mark" and key_id("ctrl+m") == "enter"
    [err] = problems('[keys]\nrefresh = "/"\n')  # the search key, written as a character
    assert err.key == "keys.refresh" and "search" in err.message


def test_the_feed_keys_cannot_be_taken() -> None:
    assert clashes({"star": "3"}) == [Clash("3", "star", "feed_slot", False)]
    [err] = problems('[keys]\nstar = "3"\n')
    assert "1-9" in err.message
