"""What every command needs: the parsed arguments, the consoles, the config and the data dir."""

from __future__ import annotations

import argparse
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.models import Settings
from reader.settings import paths
from reader.settings.config import Config, ConfigError, load_config
from reader.settings.paths import DEMO_SUBDIR
from reader.store import Store
from reader.text import dates, messages

if TYPE_CHECKING:
    from rich.console import Console

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A command asked for something that cannot be (exit 2, nothing touched); the message says why."""


def speak(settings: Settings) -> None:
    """Show every message in the language, and every time in the zone, that the settings ask for."""
    messages.set_language(settings.language)
    dates.set_timezone(settings.timezone)


def early_config(argv: Sequence[str] | None) -> Config | None:
    """The config the arguments name, read before they are parsed so that --help and argparse's errors
    speak its language; None when it has a problem (the command reports it, in the environment's language)."""
    finder = argparse.ArgumentParser(add_help=False, exit_on_error=False)
    finder.add_argument("--config", type=Path)
    try:
        known, _rest = finder.parse_known_args(argv)
        config = load_config(known.config)
    except (argparse.ArgumentError, ConfigError):  # the command line's parser or the command says it
        return None
    speak(config.settings)
    return config


class Context:
    """One command's run: its arguments, its consoles, its config (loaded once) and its cache."""

    def __init__(self, args: argparse.Namespace, config: Config | None = None) -> None:
        self.args = args
        self._config = config  # the config file's, once read (main reads it before the arguments)
        self._demo_server: Any = None

    # The consoles, and Rich with them, are made when first used: `refresh -q` from cron prints nothing and
    # starts fetching ~35 ms sooner without importing Rich.
    @cached_property
    def out(self) -> Console:
        from rich.console import Console

        return Console(highlight=False, emoji=False)

    @cached_property
    def err(self) -> Console:
        from rich.console import Console

        return Console(stderr=True, highlight=False, emoji=False, soft_wrap=True)

    @property
    def data_dir(self) -> Path:
        base = self.args.data_dir or paths.default_data_dir()
        # The demo edition never mixes with the user's own cache, wherever that is.
        return base / DEMO_SUBDIR if self.args.demo else base

    def user_config(self) -> Config:
        """The config file in use (never the demo's feeds), read once; its language and time zone apply."""
        if self._config is None:
            self._config = load_config(self.args.config)
            speak(self._config.settings)
        return self._config

    def config(self) -> Config:
        """The config in use; in demo mode, the demo server's feeds (started on first use)."""
        config = self.user_config()
        if not self.args.demo:
            return config
        if self._demo_server is None:
            from reader.demo import DemoServer, edition_time

            self._demo_server = DemoServer(now=edition_time(self.data_dir)).start()
        demo_config: Config = self._demo_server.config(config)
        return demo_config

    @contextmanager
    def store(self, *, reading: bool = False) -> Iterator[Store]:
        """The cache; `reading`: a command that only reads, which a read-only cache still serves."""
        database = paths.database_file(self.data_dir)
        with Store.for_reading(database) if reading else Store(database) as store:
            yield store

    @property
    def demo_fixtures(self) -> dict[tuple[str, str], bytes] | None:
        """The demo edition's calendar as its server publishes it (once `config()` started it), else None."""
        return self._demo_server.fixtures if self._demo_server is not None else None

    def close(self) -> None:
        if self._demo_server is not None:
            self._demo_server.stop()
