"""What every command needs: the parsed arguments, the consoles, the config and the data dir."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.settings import paths
from reader.settings.config import Config, load_config
from reader.settings.paths import DEMO_SUBDIR
from reader.store import Store

if TYPE_CHECKING:
    from rich.console import Console

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A command asked for something that cannot be (exit 2, nothing touched); the message says why."""


class Context:
    """One command's run: its arguments, its consoles, its config (loaded once) and its cache."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
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

    def config(self) -> Config:
        """The config in use; in demo mode, the demo server's feeds (started on first use)."""
        config = load_config(self.args.config)
        if not self.args.demo:
            return config
        if self._demo_server is None:
            from reader.demo import DemoServer, edition_time

            self._demo_server = DemoServer(now=edition_time(self.data_dir)).start()
        demo_config: Config = self._demo_server.config(config)
        return demo_config

    @contextmanager
    def store(self) -> Iterator[Store]:
        with Store(paths.database_file(self.data_dir)) as store:
            yield store

    def close(self) -> None:
        if self._demo_server is not None:
            self._demo_server.stop()
