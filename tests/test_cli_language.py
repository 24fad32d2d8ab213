"""One language: the command line, argparse's own words and the config's `language` setting."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.extract import extract_python

from reader.cli import argparse_words
from reader.cli.main import main
from tests.conftest import REPO

# argparse's messages that only a programming mistake can show (a parser built wrongly), never a user.
PROGRAMMING_ERRORS = {
    ".__call__() not defined", "conflicting subparser: %s", "conflicting subparser alias: %s",
    "argument \"-\" with mode %r", "cannot merge actions - two groups are named %r",
    "'required' is an invalid argument for positionals",
    "invalid option string %(option)r: must start with a character %(prefix_chars)r",
    "dest= is required for options like %r", "invalid conflict_resolution value: %r",
    "conflicting option string: %s", "mutually exclusive arguments must be optional",
    "cannot have multiple subparser arguments", "%r is not callable",
}


def help_text(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int | str | None, str, str]:
    with pytest.raises(SystemExit) as exited:
        main(argv)
    captured = capsys.readouterr()
    return exited.value.code, captured.out, captured.err


def test_argparse_speaks_italian(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = help_text(["--help"], capsys)
    assert code == 0 and out.startswith("uso: sportreader [-h] [--config PERCORSO]")
    assert "argomenti posizionali:" in out and "opzioni:" in out and "mostra questo aiuto ed esce" in out
    assert "scarica nella cache tutti i feed attivi" in out
    for english in ("usage:", "options:", "show this help", "positional arguments"):
        assert english not in out
    code, _, err = help_text(["lis"], capsys)
    assert code == 2 and "sportreader: errore: argomento COMANDO: scelta non valida: 'lis'" in err
    code, _, err = help_text(["config"], capsys)
    assert code == 2 and "mancano questi argomenti obbligatori: AZIONE" in err


@pytest.mark.usefixtures("english")
def test_argparse_speaks_english_where_asked(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = help_text(["list", "--help"], capsys)
    assert code == 0 and out.startswith("usage: sportreader list") and "options:" in out
    assert "only the unread ones" in out
    code, _, err = help_text(["list", "-n", "0"], capsys)
    assert code == 2 and "error: argument -n/--limit: must be a whole number from 1 to 10000, not '0'" in err


def test_argparse_is_itself_again_after_the_command_line() -> None:
    main(["--data-dir", "/nonexistent/never", "config", "path"])
    with pytest.raises(SystemExit):
        argparse.ArgumentParser(prog="other").parse_args(["--nope"])
    assert vars(argparse)["_"]("usage: ") == "usage: "


def test_every_argparse_message_a_user_can_meet_is_marked_for_the_catalogue() -> None:
    with open(argparse.__file__, "rb") as source:
        found = {message if isinstance(message, str) else message[0]
                 for _line, _function, message, _comments in extract_python(
                     source, {"_": None, "ngettext": (1, 2)}, [], {}) if message}
    marked = set(argparse_words.MESSAGES) | {singular for singular, _plural in argparse_words.PLURALS}
    assert marked <= found, marked - found  # a message argparse no longer has
    assert found - PROGRAMMING_ERRORS <= marked, found - PROGRAMMING_ERRORS - marked  # one it has added


def run_alone(argv: list[str], tmp_path: Path, **environment: str) -> subprocess.CompletedProcess[str]:
    """The command in a process of its own, with only the locale variables given."""
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path / "xdg"), **environment}
    return subprocess.run([sys.executable, "-m", "reader", *argv], capture_output=True, text=True, env=env,
                          cwd=REPO, timeout=60)


def test_the_language_setting_wins_over_the_locale_and_reaches_help(tmp_path: Path) -> None:
    config = tmp_path / "feeds.toml"
    config.write_text('[settings]\nlanguage = "en"\n\n[[feeds]]\nname = "A"\nurl = "https://a.example/rss"\n',
                      encoding="utf-8")
    shown = run_alone(["--config", str(config), "--help"], tmp_path, LANG="it_IT.UTF-8")
    assert shown.returncode == 0 and shown.stdout.startswith("usage: sportreader")
    listed = run_alone(["--config", str(config), "--data-dir", str(tmp_path / "d"), "list"], tmp_path,
                       LANG="it_IT.UTF-8")
    assert "The cache is empty" in listed.stderr
    italian = run_alone(["--data-dir", str(tmp_path / "d"), "list"], tmp_path, LANG="en_US.UTF-8",
                        SPORTREADER_LANG="it")
    assert "La cache è vuota" in italian.stderr


def test_a_broken_config_is_reported_in_the_language_of_the_environment(tmp_path: Path) -> None:
    config = tmp_path / "feeds.toml"
    config.write_text('[settings]\nlanguage = "en"\ntimout = 3\n', encoding="utf-8")
    shown = run_alone(["--config", str(config), "refresh"], tmp_path, LANG="it_IT.UTF-8")
    assert shown.returncode == 2
    assert "errore di configurazione" in shown.stderr
    assert "chiave sconosciuta 'timout'; forse 'timeout'?" in shown.stderr


def test_an_unknown_language_is_a_config_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / "feeds.toml"
    config.write_text('[settings]\nlanguage = "fr"\n', encoding="utf-8")
    assert main(["--config", str(config), "--data-dir", str(tmp_path / "d"), "refresh"]) == 2
    assert "deve essere uno tra auto, it, en, invece è 'fr'" in capsys.readouterr().err
