"""Where sportreader keeps its config and its data (platformdirs), and the overrides."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "sportreader"
CONFIG_ENV = "SPORTREADER_CONFIG"
DATA_ENV = "SPORTREADER_DATA_DIR"
CONFIG_FILE = "feeds.toml"
DB_FILE = "sportreader.db"
DEMO_SUBDIR = "demo"  # the demo edition's cache, inside the data dir


def user_config_dir() -> Path:
    """The per-user config directory (e.g. ~/.config/sportreader)."""
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def user_config_file() -> Path:
    """The feeds.toml in the user's config directory (it may not exist)."""
    return user_config_dir() / CONFIG_FILE


def shipped_config_file() -> Path:
    """The default feeds.toml shipped inside the package."""
    return Path(__file__).with_name(CONFIG_FILE)


def default_data_dir() -> Path:
    """The per-user data directory (e.g. ~/.local/share/sportreader), or $SPORTREADER_DATA_DIR."""
    override = os.environ.get(DATA_ENV)
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def database_file(data_dir: Path) -> Path:
    """The SQLite cache inside a data directory."""
    return data_dir / DB_FILE
