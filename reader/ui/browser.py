"""Opening a link: the `browser` setting, else $BROWSER, else the system's browser, and the truth about it.

`webbrowser.open` answers False when it found nothing to run, and without a display (DISPLAY,
WAYLAND_DISPLAY) on Linux it can only run a browser inside this very terminal, under the app. So the
choice is made here: a command of the user's runs as given (a terminal browser such as w3m with the app
suspended, a graphical one in the background), the system's browser only where there is a display;
`open_link` says what happened, so the app never claims a page opened when none did.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from reader.text.messages import _

# Browsers that draw in the terminal: run in the foreground, with the app suspended until they exit.
TERMINAL_BROWSERS = frozenset({"lynx", "w3m", "links", "links2", "elinks", "browsh", "www-browser", "carbonyl"})


@dataclass(frozen=True, slots=True)
class Outcome:
    """Whether the link opened; if not, why, in a few words."""

    opened: bool
    reason: str = ""


def chosen_command(setting: str, environ: Mapping[str, str]) -> str:
    """The user's browser command: the `browser` setting, else ("auto") the first of $BROWSER's list."""
    setting = setting.strip()
    if setting and setting != "auto":
        return setting
    return environ.get("BROWSER", "").split(os.pathsep)[0].strip()


def command_line(command: str, url: str) -> list[str]:
    """The command's words with the URL where it says %s, or after them."""
    words = shlex.split(command)
    if any("%s" in word for word in words):
        return [word.replace("%s", url) for word in words]
    return [*words, url]


def has_display(environ: Mapping[str, str], platform: str = sys.platform) -> bool:
    """Whether a graphical browser can show up: always on macOS and Windows, with X or Wayland elsewhere."""
    return platform in ("darwin", "win32") or bool(environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"))


def open_link(url: str, setting: str = "", *, environ: Mapping[str, str] = os.environ,
              in_terminal: Callable[[list[str]], int] | None = None) -> Outcome:
    """Open `url`; `in_terminal` runs a terminal browser's command with the app suspended (returns its exit code)."""
    command = chosen_command(setting, environ)
    if command:
        return _run(command_line(command, url), in_terminal)
    if not has_display(environ):
        return Outcome(False, _("no display to show a browser on"))
    import webbrowser

    try:
        opened = webbrowser.open(url, new=2)
    except webbrowser.Error as exc:
        return Outcome(False, str(exc))
    return Outcome(True) if opened else Outcome(False, _("no browser found"))


def _run(argv: list[str], in_terminal: Callable[[list[str]], int] | None) -> Outcome:
    if not argv or shutil.which(argv[0]) is None:
        return Outcome(False, _("the browser {command} is not installed").format(command=argv[0] if argv else "''"))
    try:
        if Path(argv[0]).name in TERMINAL_BROWSERS and in_terminal is not None:
            code = in_terminal(argv)
            return Outcome(True) if code == 0 else Outcome(False, _("the browser ended with an error"))
        subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                         start_new_session=True)  # its own session: it outlives the app, and ctrl+c here
    except OSError as exc:
        return Outcome(False, str(exc))
    return Outcome(True)
