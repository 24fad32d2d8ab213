"""The shipped feeds.toml and the README's example config: what they hold, and what they leave off."""

from __future__ import annotations

import re
import tomllib
from dataclasses import fields
from pathlib import Path

import pytest

from reader.models import Settings
from reader.settings import paths
from reader.settings.config import load_config_file, parse_config_text
from tests.conftest import REPO

TEXT = paths.shipped_config_file().read_text(encoding="utf-8")
CONFIG = load_config_file(paths.shipped_config_file(), "shipped default")
BY_URL = {f.url: f for f in CONFIG.feeds}


@pytest.mark.parametrize(("url", "tag"), [
    ("https://www.corrieredellosport.it/rss/calcio/serie-a/juve", "juventus"),
    ("https://www.corrieredellosport.it/rss/calcio/serie-a/inter", "inter"),
    ("https://www.corrieredellosport.it/rss/calcio/serie-a/milan", "milan"),
    ("https://www.tuttomercatoweb.com/rss/?s=1", "serie-a"),
    ("https://www.fcinter1908.it/feed", "inter"),
    ("https://www.calcionapoli24.it/feed", "napoli"),
    ("https://www.spazionapoli.it/feed", "napoli"),
    ("https://www.iamnaples.it/feed", "napoli"),
    ("https://football-italia.net/feed/", "serie-a"),
])
def test_the_new_feeds_are_there_on_and_tagged_with_their_team(url: str, tag: str) -> None:
    assert BY_URL[url].enabled and tag in BY_URL[url].tags


def feed_blocks() -> list[tuple[str, dict[str, object]]]:
    """Each [[feeds]] table of the shipped file with the comment lines written just above it or inside it."""
    blocks = re.split(r"^\[\[feeds\]\]\n", TEXT, flags=re.M)[1:]
    result = []
    for block in blocks:
        body = block.split("\n\n", 1)[0]
        comments = "\n".join(line for line in body.splitlines() if line.startswith("#"))
        table = tomllib.loads("\n".join(line for line in body.splitlines() if not line.startswith("#")))
        result.append((comments, table))
    return result


def test_every_unconfirmed_feed_is_said_so_and_left_off() -> None:
    blocks = feed_blocks()
    assert len(blocks) == len(CONFIG.feeds)
    unconfirmed = [table for comments, table in blocks if "Unconfirmed" in comments]
    assert {t["url"] for t in unconfirmed} >= {
        "https://www.calciomercato.com/feed",
        "https://www.gazzetta.it/dynamic-feed/rss/section/Calcio/coppe.xml",
        "https://www.firenzeviola.it/rss",
    }
    assert all(table["enabled"] is False for table in unconfirmed)


def test_no_feed_of_gazzettas_frozen_family() -> None:
    assert not [url for url in BY_URL if re.match(r"https://www\.gazzetta\.it/rss/", url)]


def readme_config() -> str:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## feeds.toml", 1)[1]
    return section.split("```toml\n", 1)[1].split("```", 1)[0]


def test_the_readmes_example_is_a_valid_config_with_every_setting_and_a_live_gazzetta_address() -> None:
    example = readme_config()
    config = parse_config_text(example, Path("README.md"))
    assert config.feeds[0].url.startswith("https://www.gazzetta.it/dynamic-feed/")
    written = tomllib.loads(example)["settings"]
    assert list(written) == [f.name for f in fields(Settings)]  # every setting, documented in its order
    assert config.settings == Settings()  # and shown with its default


def test_the_shipped_file_documents_every_setting() -> None:
    written = tomllib.loads(TEXT)["settings"]
    assert list(written) == [f.name for f in fields(Settings)]
