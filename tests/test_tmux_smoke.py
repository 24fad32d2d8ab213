"""The real program in a real terminal (tmux): the demo at 120x40 and 80x24, the keys a reader presses, the
screen read back. Skipped where tmux is missing; its own tmux server (-L), so no session of the user is seen.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


class Terminal:
    """One tmux session running a command; keys in, screen text out."""

    def __init__(self, socket: str, session: str) -> None:
        self.socket, self.session = socket, session

    def tmux(self, *args: str) -> str:
        done = subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True, timeout=20)
        return done.stdout

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", self.session)

    def press(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", self.session, *keys)

    def wait_for(self, condition: Callable[[str], bool], seconds: float = 20.0) -> str:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            shown = self.screen()
            if condition(shown):
                return shown
            time.sleep(0.2)
        raise AssertionError(f"the screen never showed what was expected:\n{self.screen()}")

    def alive(self) -> bool:
        return self.session in self.tmux("list-sessions", "-F", "#{session_name}")


def bar(screen: str) -> str:
    """The key bar: the last line with something on it."""
    lines = [line for line in screen.splitlines() if line.strip()]
    return lines[-1] if lines else ""


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Callable[[int, int], Terminal]]:
    socket = f"sportreader-test-{uuid.uuid4().hex[:8]}"
    started: list[Terminal] = []

    def start(width: int, height: int) -> Terminal:
        session = f"demo{len(started)}"
        env = {"SPORTREADER_LANG": "it", "XDG_CONFIG_HOME": str(tmp_path / "config"), "TERM": "xterm-256color",
               "XDG_DATA_HOME": str(tmp_path / "data"), "HOME": str(tmp_path), "PYTHONPATH": str(REPO)}
        command = [sys.executable, "-m", "reader", "--demo", "--data-dir", str(tmp_path / f"demo{len(started)}")]
        subprocess.run(["tmux", "-L", socket, "new-session", "-d", "-s", session, "-x", str(width), "-y",
                        str(height), *(a for k, v in env.items() for a in ("-e", f"{k}={v}")),
                        # a moment first: the pane takes its size after the session starts
                        "sleep 0.5; exec " + " ".join(command)], check=True, timeout=20, cwd=REPO)
        started.append(Terminal(socket, session))
        return started[-1]

    yield start
    subprocess.run(["tmux", "-L", socket, "kill-server"], capture_output=True, timeout=20)


def test_the_demo_reads_by_keyboard_in_a_real_terminal(terminal: Callable[[int, int], Terminal]) -> None:
    wide = terminal(120, 40)
    shown = wide.wait_for(lambda s: "Oggi" in s and " articoli · " in s and "aiuto" in bar(s))
    assert " ?  aiuto " in bar(shown) and bar(shown).rstrip().endswith(" q  esci")
    wide.press("Enter")
    shown = wide.wait_for(lambda s: "Articolo completo" in s)
    assert "esc  elenco" in bar(shown)  # the reader has the keys
    top = shown.splitlines()[3]
    wide.press("j", "j", "j", "j")
    wide.wait_for(lambda s: s.splitlines()[3] != top)  # the article scrolled
    wide.press("]")
    wide.wait_for(lambda s: "Citazione 1 di" in s)
    wide.press("i")
    wide.wait_for(lambda s: "giocatore" in s and "Citazioni" in s)
    wide.press("Escape")
    # The panel closes; the article stays open and keeps the keys.
    wide.wait_for(lambda s: "Citazioni" not in s and "esc  elenco" in bar(s))
    wide.press("Escape")
    wide.wait_for(lambda s: bar(s).lstrip().startswith("invio"))  # back to the list
    wide.press("q")
    deadline = time.monotonic() + 10
    while wide.alive() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not wide.alive()

    narrow = terminal(80, 24)
    shown = narrow.wait_for(lambda s: "Oggi" in s and "esci" in bar(s))
    assert " ?  aiuto " in bar(shown) and bar(shown).rstrip().endswith(" q  esci") and len(bar(shown).rstrip()) <= 80
    narrow.press("Enter")
    shown = narrow.wait_for(lambda s: "esc  elenco" in bar(s))
    assert "Oggi" not in shown  # one pane at a time: the article has the width
    narrow.press("q")
