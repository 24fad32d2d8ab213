"""The people of a cache of articles: who each article names, counted, and who it teaches the lists.

"The list grows with the cache": a name no list knows, recognised in one article (by a cue, "Emegha,
attaccante dello Strasburgo"; by the user's [names]; as the speaker of a quote, "il ds Giovanni Manna"),
becomes a KnownPerson that annotate() then finds in every other article (`known=`). A Census counts the
people of many annotations, with their kind and team, for the people index that `sportreader names` lists
(the store keeps it; this module never touches the store: the caller passes annotations in and rows out).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from reader.annotate.model import Annotation, KnownPerson, Quote

if TYPE_CHECKING:
    from reader.annotate.names.entities import People

KINDS = ("player", "coach", "other")


@dataclass(slots=True)
class PersonCount:
    """One person of the index: how many articles name them, how many times, and how they were learned
    ("" when a list knew them, else "cue", "speaker" or "names")."""

    name: str
    kind: str
    team: str = ""
    articles: int = 0
    mentions: int = 0
    learned: str = ""


@dataclass(slots=True)
class Census:
    """The people of a set of annotations, by name."""

    people: dict[str, PersonCount] = field(default_factory=dict)
    earlier: dict[str, KnownPerson] = field(default_factory=dict)  # learned before: counted when they speak

    def add(self, annotation: Annotation) -> None:
        """Count one article's people: its players and coaches, its learned names, its speakers."""
        seen: dict[str, PersonCount] = {}
        for entity in annotation.entities:
            if entity.kind != "team":
                row = self._row(entity.canonical, entity.kind, team_of(entity.canonical))
                row.mentions += 1
                seen[row.name] = row
        for person in annotation.learned:
            row = self._row(person.name, person.kind, person.team)
            row.learned = row.learned or _how(person)
            seen[row.name] = row
        for quote in annotation.quotes:
            who = quote.speaker
            before = self.earlier.get(who or "")
            if who and who not in seen and (who in self.people or before):
                seen[who] = self.people.get(who) or self._row(who, before.kind if before else "other",
                                                              before.team if before else "")
        for row in seen.values():
            row.articles += 1

    def known(self) -> list[KnownPerson]:
        """The people the lists did not know, to pass to annotate() as `known`."""
        return [KnownPerson(row.name, row.kind, row.team) for row in self.people.values() if row.learned]

    def rows(self) -> list[PersonCount]:
        """Every person, the most named first."""
        return sorted(self.people.values(), key=lambda r: (-r.articles, -r.mentions, r.name))

    def _row(self, name: str, kind: str, team: str) -> PersonCount:
        row = self.people.get(name)
        if row is None:
            row = self.people[name] = PersonCount(name, kind if kind in KINDS else "player", team)
        elif team and not row.team:
            row.team = team
        return row


def learn_people(annotations: Iterable[Annotation], known: Sequence[KnownPerson] = ()) -> Census:
    """The census of these annotations, made knowing `known` (whom they still count as learned)."""
    census = Census(earlier={person.name: person for person in known})
    for annotation in annotations:
        census.add(annotation)
    for person in known:
        row = census.people.get(person.name)
        if row is not None and not row.learned:
            row.learned = _how(person)
    return census


def learned_from(people: People, quotes: Sequence[Quote], known: Sequence[KnownPerson] = ()) -> tuple[KnownPerson, ...]:
    """Whom an article teaches: players and coaches a cue found, and speakers no list knows."""
    already = {p.name for p in known}
    found: dict[str, KnownPerson] = {}
    for entity in people.learned:
        if entity.canonical not in already:
            found.setdefault(entity.canonical, KnownPerson(entity.canonical, entity.kind))
    others = {other.canonical for other in people.others}
    named = {e.canonical for e in people.entities}
    for quote in quotes:
        who = quote.speaker
        if who and who not in named and who not in already and (who in others or " " in who):
            found.setdefault(who, KnownPerson(who, "other"))
    return tuple(found.values())


def team_of(canonical: str) -> str:
    """The club the gazetteer gives a person, or ""."""
    return _teams().get(canonical, "")


def _how(person: KnownPerson) -> str:
    return "speaker" if person.kind == "other" else "cue"


@cache
def _teams() -> dict[str, str]:
    from reader.annotate.gazetteer import gazetteer

    best: dict[str, tuple[int, str]] = {}
    for senses in gazetteer().senses.values():
        for sense in senses:
            if sense.kind in ("player", "coach") and sense.team and sense.tier >= best.get(sense.canonical, (0, ""))[0]:
                best[sense.canonical] = (sense.tier, sense.team)
    return {name: team for name, (_, team) in best.items()}
