"""What annotation finds in a text: quotes, named entities, the match and the article's kind.

Offsets are Python string indices into the annotated text, end exclusive.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

EntityKind = Literal["player", "coach", "team"]
ArticleKind = Literal["anteprima", "intervista", "cronaca", "pagelle", "mercato", "altro"]
ENTITY_KINDS: tuple[EntityKind, ...] = ("player", "coach", "team")
ARTICLE_KINDS: tuple[ArticleKind, ...] = ("anteprima", "intervista", "cronaca", "pagelle", "mercato", "altro")


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
        }
