"""What the match centre gives back: matches, each with its timeline of stories, frozen and independent of
the store's connection (safe to hand from a worker thread to the UI)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from reader.store.calendar import Fixture
from reader.store.readings import ReadEntry


@dataclass(frozen=True, slots=True)
class Story:
    """One story of a match: the first outlet's article, and the same story told by others (`also`)."""

    entry: ReadEntry
    stage: str
    also: tuple[ReadEntry, ...] = ()

    @property
    def also_in(self) -> tuple[str, ...]:
        """The other outlets (feed names) that told this story, in the order they did, once each."""
        feeds: list[str] = []
        for entry in self.also:
            if entry.feed != self.entry.feed and entry.feed not in feeds:
                feeds.append(entry.feed)
        return tuple(feeds)

    @property
    def entries(self) -> tuple[ReadEntry, ...]:
        """Every article of the story, the first one first."""
        return (self.entry, *self.also)


@dataclass(frozen=True, slots=True)
class MatchView:
    """A match: a fixture of the calendar, or one formed from articles that name it (`fixture` None).

    `key` is its id: the fixture's key, or for a formed match the day of its first article and its teams.
    `kickoff` is None for a formed match; `timed` says whether a fixture's time is set.
    """

    key: str
    home: str
    away: str
    competition: str | None
    round: str | None
    kickoff: datetime | None
    timed: bool
    score: tuple[int, int] | None
    stories: tuple[Story, ...]
    fixture: Fixture | None = None

    @property
    def entries(self) -> tuple[ReadEntry, ...]:
        """Every article joined to the match, story by story."""
        return tuple(e for story in self.stories for e in story.entries)

    @property
    def outlets(self) -> tuple[str, ...]:
        """The outlets that covered the match, once each."""
        return tuple(dict.fromkeys(e.feed for e in self.entries))

    @property
    def stages(self) -> tuple[str, ...]:
        """The stages its stories cover, in match order, once each."""
        return tuple(dict.fromkeys(story.stage for story in self.stories))

    @property
    def when(self) -> datetime:
        """The moment to sort it by: the kick-off, else its first article."""
        if self.kickoff is not None:
            return self.kickoff
        return min(e.published for e in self.entries)

    def label(self) -> str:
        """'Inter–Kairat Almaty'."""
        return f"{self.home}–{self.away}"

    def score_text(self) -> str | None:
        """'2-1', or None before the match."""
        return f"{self.score[0]}-{self.score[1]}" if self.score else None
