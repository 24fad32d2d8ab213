"""The message catalogue: every message of the code translated, the compiled file current, the language chosen."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from reader.text import messages
from tests.conftest import REPO

PLACEHOLDER = re.compile(r"\{[a-z_]*\}|%\(?[a-z_]*\)?[sdr]")


def script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("messages_script", REPO / "scripts" / "messages.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def language(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The language set by the test itself ($SPORTREADER_LANG would win), Italian again after it."""
    monkeypatch.delenv("SPORTREADER_LANG")
    yield
    monkeypatch.undo()
    messages.set_language("it")


def test_every_message_of_the_code_is_in_the_italian_catalogue_translated_and_compiled() -> None:
    problems = script().problems()
    assert not problems, "\n".join(problems)


def test_a_translation_keeps_every_placeholder_of_its_message() -> None:
    from babel.messages.pofile import read_po

    catalogue = read_po((REPO / "reader/text/locale/it/LC_MESSAGES/sportreader.po").open("rb"), locale="it")
    for message in catalogue:
        if not message.id:
            continue
        ids = (message.id,) if isinstance(message.id, str) else message.id
        strings = (message.string,) if isinstance(message.string, str) else message.string
        wanted = set(PLACEHOLDER.findall(ids[-1]))
        for string in strings:
            assert set(PLACEHOLDER.findall(string)) <= wanted | set(PLACEHOLDER.findall(ids[0])), message.id
            assert set(PLACEHOLDER.findall(ids[0])) - {"{n}"} <= set(PLACEHOLDER.findall(string)), message.id


def test_a_message_new_in_the_code_makes_the_check_fail(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tool = script()
    source = tmp_path / "reader"
    source.mkdir()
    (source / "new.py").write_text('from reader.text.messages import _\nprint(_("a word nobody translated"))\n')
    monkeypatch.setattr(tool, "SOURCE", source)
    assert any("a word nobody translated" in p for p in tool.problems())


@pytest.mark.usefixtures("language")
def test_italian_is_the_default_and_english_is_the_messages_themselves() -> None:
    assert messages.set_language("it") == "it"
    assert messages._("unchanged") == "invariato"
    assert messages.ngettext("{n} new article", "{n} new articles", 1).format(n=1) == "1 articolo nuovo"
    assert messages.ngettext("{n} new article", "{n} new articles", 3).format(n=3) == "3 articoli nuovi"
    assert messages.set_language("en") == "en"
    assert messages._("unchanged") == "unchanged"
    assert messages.ngettext("{n} new article", "{n} new articles", 1).format(n=1) == "1 new article"


@pytest.mark.parametrize(("environment", "expected"), [
    ({}, "it"),
    ({"LANG": "C.UTF-8"}, "it"),
    ({"LANG": "en_GB.UTF-8"}, "en"),
    ({"LANG": "it_IT.UTF-8", "LC_ALL": "en_US.UTF-8"}, "en"),
    ({"LANGUAGE": "it:en", "LANG": "en_US.UTF-8"}, "it"),
    ({"LC_MESSAGES": "de_DE.UTF-8"}, "it"),
    ({"SPORTREADER_LANG": "en", "LANG": "it_IT.UTF-8"}, "en"),
    ({"SPORTREADER_LANG": "klingon"}, "it"),
])
def test_the_language_is_the_one_the_environment_asks_for(environment: dict[str, str], expected: str) -> None:
    assert messages.language_from_environment(environment) == expected


def test_a_command_speaks_english_where_the_locale_asks_for_it(tmp_path: Path) -> None:
    code = ("from reader.text import messages\n"
            "print(messages._('unchanged'), messages.current_language())")
    env = {"PATH": "/usr/bin:/bin", "LANG": "en_US.UTF-8", "HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=REPO,
                          check=True)
    assert done.stdout.split() == ["unchanged", "en"]
