"""The gazetteer's teams by name: the club or national team a name or alias stands for, and the list of them."""

from __future__ import annotations

from functools import cache

from reader.annotate.gazetteer import fold_key, gazetteer
from reader.annotate.names.words import LEADING_ARTICLES


def canonical_team(name: str) -> str | None:
    """The team a name or alias stands for ("inter" -> "Inter", "l'Inter", "Juve" -> "Juventus"), or None."""
    words = fold_key(name).split()
    while len(words) > 1 and words[0] in LEADING_ARTICLES:
        words = words[1:]
    return _team_index().get(" ".join(words))


def team_names() -> list[str]:
    """The canonical names of the clubs and national teams the gazetteer knows well, sorted."""
    return sorted({s.canonical for senses in gazetteer().senses.values() for s in senses
                   if s.kind == "team" and s.tier >= 3}, key=fold_key)


@cache
def _team_index() -> dict[str, str]:
    return {key: s.canonical for key, senses in gazetteer().senses.items() for s in reversed(senses)
            if s.kind == "team" and s.role == "full"}
