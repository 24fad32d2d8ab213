"""What annotation finds in a text: quotes, named entities, the match and the article's kind.

Offsets are Python string indices into the annotated text, end exclusive.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

EntityKind = Literal["player", "coach", "team"]
ArticleKind = Literal["anteprima", "intervista", "conferenza", "cronaca", "pagelle", "mercato", "rassegna", "altro"]
ENTITY_KINDS: tuple[EntityKind, ...] = ("player", "coach", "team")
ARTICLE_KINDS: tuple[ArticleKind, ...] = ("anteprima", "intervista", "conferenza", "cronaca", "pagelle", "mercato",
                                          "rassegna", "altro")


@dataclass(frozen=True, slots=True)
class Quote:
    """A span of direct speech, quotation marks included, and who says it when the text tells."""

    start: int
    end: int
    speaker: str | None = None


@dataclass(frozen=True, slots=True)
class Entity:
    """A mention of a player, coach or team; `canonical` is the full name it refers to."""

    start: int
    end: int
    text: str
    kind: EntityKind
    canonical: str


@dataclass(frozen=True, slots=True)
class Mark:
    """A mark of a ratings article ("6,5"), with the canonical name of the person it rates when known."""

    start: int
    end: int
    value: float
    person: str | None = None


@dataclass(frozen=True, slots=True)
class KnownPerson:
    """A person learned from other articles of the cache, passed back to annotate() as `known`.

    kind: "player" or "coach" (tagged as such), or "other" (a president, a director: never tagged, but
    recognised as a speaker).
    """

    name: str
    kind: str
    team: str = ""


@dataclass(frozen=True, slots=True)
class Match:
    """The fixture an article is about: canonical team names and the score when there is one."""

    home: str
    away: str
    score: str | None = None

    def label(self) -> str:
        """'Inter–Kairat Almaty' or 'Juventus–Torino 1-0', for a preview."""
        text = f"{self.home}–{self.away}"
        return f"{text} {self.score}" if self.score else text


@dataclass(frozen=True, slots=True)
class Annotation:
    """Everything found in one text."""

    quotes: tuple[Quote, ...] = ()
    entities: tuple[Entity, ...] = ()
    match: Match | None = None
    kind: ArticleKind = "altro"
    marks: tuple[Mark, ...] = ()
    learned: tuple[KnownPerson, ...] = ()  # people no list knew, found by a cue or as speakers: for the cache
    extras: dict[str, Any] = field(default_factory=dict, compare=False)

    def to_json(self) -> dict[str, Any]:
        """The JSON object printed by `sportreader annotate --json`."""
        return {
            "quotes": [{"start": q.start, "end": q.end, "speaker": q.speaker} for q in self.quotes],
            "entities": [{"start": e.start, "end": e.end, "text": e.text, "kind": e.kind,
                          "canonical": e.canonical} for e in self.entities],
            "match": ({"home": self.match.home, "away": self.match.away, "score": self.match.score}
                      if self.match else None),
            "kind": self.kind,
            "marks": [{"start": m.start, "end": m.end, "value": m.value, "person": m.person} for m in self.marks],
        }
