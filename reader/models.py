"""Frozen dataclasses shared by the layers (feed specs, settings, the fixtures source, parsed entries, refresh
results), and the error of a feed that cannot be parsed."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True, slots=True)
class FeedSpec:
    """One `[[feeds]]` entry of feeds.toml."""

    name: str
    url: str
    tags: tuple[str, ...] = ()
    enabled: bool = True


@dataclass(frozen=True, slots=True)
class Settings:
    """The `[settings]` table of feeds.toml, with defaults for every key."""

    refresh_minutes: int = 30
    concurrency: int = 8
    timeout: float = 20.0
    max_feed_bytes: int = 5_000_000
    retention_days: int = 60
    user_agent: str = "sportreader/0.1 (+https://github.com/sportreader/sportreader)"
    max_redirects: int = 5
    prefetch: bool = False
    theme: str = "textual-dark"
    language: str = "auto"  # "it", "en", or "auto": the locale's
    timezone: str = "auto"  # an IANA zone ("Europe/Rome"), or "auto": the system's
    browser: str = "auto"  # the command that opens a link, or "auto": $BROWSER, else the system's browser
    teams: tuple[str, ...] = ()  # the user's teams, as the gazetteer names them (checked by reader.matches)
    no_spoilers: bool = False  # hide every match's score and ratings until it is marked as watched


# openfootball's published files: one per season and competition (football.json, public domain).
FIXTURES_URL = "https://raw.githubusercontent.com/openfootball/football.json/master/{season}/{code}.json"


@dataclass(frozen=True, slots=True)
class FixturesSpec:
    """The `[fixtures]` table of feeds.toml: where `sportreader fixtures update` downloads each competition's
    season ({season} like 2026-27, {code} like it.1) and which competitions it follows."""

    url: str = FIXTURES_URL
    competitions: tuple[str, ...] = ("it.1", "it.2", "uefa.cl")


class FeedParseError(Exception):
    """The body is not a usable feed; the message says why, in a few words."""


@dataclass(frozen=True, slots=True)
class ParsedEntry:
    """One feed entry, normalised: stable id, UTC dates, HTML kept as HTML."""

    uid: str
    title: str
    link: str
    published: datetime | None
    updated: datetime | None
    author: str
    summary_html: str
    content_html: str
    categories: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    """What the parser made of one feed body."""

    title: str
    entries: tuple[ParsedEntry, ...]
    warning: str | None = None


class FeedStatus(enum.StrEnum):
    """The outcome of refreshing one feed."""

    OK = "ok"
    NOT_MODIFIED = "not modified"
    ERROR = "error"


@dataclass(frozen=True, slots=True)
class FeedResult:
    """What one refresh did to one feed: recorded in the store's refresh history."""

    feed: str
    status: FeedStatus
    http_status: int | None = None
    error: str | None = None
    warning: str | None = None
    new: int = 0
    updated: int = 0
    duration: float = 0.0
    too_old: int = 0  # new entries already older than `retention_days`: not stored, only counted


@dataclass(frozen=True, slots=True)
class RefreshReport:
    """The results of one refresh over every enabled feed."""

    started: datetime
    finished: datetime
    results: tuple[FeedResult, ...] = field(default_factory=tuple)

    @property
    def new(self) -> int:
        """New entries over all feeds."""
        return sum(r.new for r in self.results)

    @property
    def too_old(self) -> int:
        """New entries over all feeds that were already past the retention."""
        return sum(r.too_old for r in self.results)

    @property
    def failed(self) -> tuple[FeedResult, ...]:
        """The feeds that ended in an error."""
        return tuple(r for r in self.results if r.status is FeedStatus.ERROR)
