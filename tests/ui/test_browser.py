"""Opening a link: the browser setting, $BROWSER, a display, and an honest answer when nothing opened."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from reader.ui import browser

URL = "https://example.org/articolo?id=1&x=2"


def fake_browser(tmp_path: Path, name: str = "mybrowser") -> tuple[Path, Path]:
    """An executable that writes its arguments to a file."""
    out = tmp_path / f"{name}.out"
    script = tmp_path / name
    script.write_text(f"#!/bin/sh\necho \"$@\" > {out}\n", encoding="utf-8")
    script.chmod(0o755)
    return script, out


def wait_for(path: Path) -> str:
    for _ in range(100):
        if path.exists() and path.read_text().strip():
            return path.read_text().strip()
        time.sleep(0.02)
    raise AssertionError(f"{path} was never written")


def test_without_a_display_or_a_command_nothing_is_claimed_to_open() -> None:
    outcome = browser.open_link(URL, environ={})
    assert not outcome.opened and "schermo grafico" in outcome.reason


def test_browser_from_the_environment_is_run_with_the_url(tmp_path: Path) -> None:
    script, out = fake_browser(tmp_path)
    outcome = browser.open_link(URL, environ={"BROWSER": f"{script}:firefox"})
    assert outcome.opened and wait_for(out) == URL


def test_the_browser_setting_wins_and_may_place_the_url(tmp_path: Path) -> None:
    script, out = fake_browser(tmp_path)
    outcome = browser.open_link(URL, f"{script} --new-tab %s", environ={"BROWSER": "/nonexistent"})
    assert outcome.opened and wait_for(out) == f"--new-tab {URL}"


def test_a_browser_that_is_not_installed_is_named() -> None:
    outcome = browser.open_link(URL, "no-such-browser-here", environ={})
    assert not outcome.opened and "no-such-browser-here" in outcome.reason


def test_a_terminal_browser_runs_in_the_foreground(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_browser(tmp_path, "w3m")
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    ran: list[list[str]] = []
    outcome = browser.open_link(URL, "w3m", environ={}, in_terminal=lambda argv: ran.append(argv) or 0)
    assert outcome.opened and ran == [["w3m", URL]]


def test_webbrowser_finding_nothing_is_said(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("webbrowser.open", lambda url, new=0: False)
    outcome = browser.open_link(URL, environ={"DISPLAY": ":0"})
    assert not outcome.opened and "nessun browser" in outcome.reason


def test_the_browser_setting_is_read_from_feeds_toml(tmp_path: Path) -> None:
    from reader.settings.config import load_config

    path = tmp_path / "feeds.toml"
    path.write_text('[settings]\nbrowser = "w3m %s"\n\n[[feeds]]\nname = "A"\nurl = "https://a.it/rss"\n',
                    encoding="utf-8")
    assert load_config(path).settings.browser == "w3m %s"
