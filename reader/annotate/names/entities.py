"""find_entities: every player, coach and team in a text, from five passes over it; passes 3 to 5 live here.

Passes 1 and 2 find the mentions (`scan`, `cues`). Pass 3 learns what the article says about itself: the
clubs it names and the full names of its people. Pass 4 decides each mention. A full name ("Lautaro
Martínez") is tagged at once. A surname or one-word name ("Thuram", "Pedri") is linked to a full name of the
same article (the last one before it, else the first after it); failing that, to the one gazetteer person it
can mean, preferring people of the clubs the article names; if two remain, or `lookalikes` finds the evidence
thin, it is skipped. Pass 5 tags words the gazetteer does not know that name the article's people: a cue-found
player's surname, a first name after the full name ("Paulo" after "Paulo Dybala"), or the one current player
so called in the clubs the article names ("Marcus" in an article about Inter). A name after a negative cue
("l'arbitro X") is tagged nowhere in the article.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from reader.annotate.gazetteer import Sense, fold_key, name_parts
from reader.annotate.model import Entity, EntityKind
from reader.annotate.names.article import Article, Mention, Person
from reader.annotate.names.cues import apply_cues
from reader.annotate.names.lookalikes import (
    accent_differs,
    after_article,
    inside_other_name,
    is_short,
    joined,
    plausible,
    team_sense,
)
from reader.annotate.names.scan import lexicons, scan

if TYPE_CHECKING:
    from reader.settings.config import NameSpec



def find_entities(text: str, *, extra_names: Mapping[str, NameSpec] | None = None) -> list[Entity]:
    """Every player, coach and team mention in `text`, sorted by start, never overlapping."""
    art = Article.of(text, lexicons(extra_names))
    mentions = apply_cues(art, scan(art))
    art.mentioned = {k: is_short(m) for m in mentions for k in range(m.first, m.last + 1)}
    _learn(art, mentions)
    entities = [e for m in mentions if (e := _resolve(art, m)) is not None]
    return _non_overlapping(entities + _linked_words(art, entities))


# --- pass 3: what the article says about itself ----------------------------------------------------------

def _learn(art: Article, mentions: list[Mention]) -> None:
    """The clubs the article names and the full names of its people."""
    for m in mentions:
        name = art.text[m.start:m.end]
        m.team = team_sense(art, m)
        if m.team:
            art.teams.add(m.team.canonical)
        elif m.forced in ("player", "coach") and not m.senses:
            _remember(art, m.start, name, _kind(m.forced))
        elif m.forced != "reject" and (full := _full_people(m.senses)):
            sense = _best(art, full)
            for said in (sense.canonical, name):
                _remember(art, m.start, said, _kind(sense.kind), sense.canonical)


def _remember(art: Article, at: int, name: str, kind: EntityKind, canonical: str | None = None) -> None:
    person = Person(at, canonical or name, kind)
    first, shorts = name_parts(name)
    for short in shorts:
        art.people.setdefault(fold_key(short), []).append(person)
    key = fold_key(first)
    if key and art.firsts.setdefault(key, person).canonical != person.canonical:
        art.first_clash.setdefault(key, at)


def _full_people(senses: Iterable[Sense]) -> list[Sense]:
    return [s for s in senses if s.kind in ("player", "coach") and s.role == "full"]


def _kind(kind: str) -> EntityKind:
    return "coach" if kind == "coach" else "team" if kind == "team" else "player"


# --- pass 4: deciding each mention -----------------------------------------------------------------------

def _resolve(art: Article, m: Mention) -> Entity | None:
    text = art.text[m.start:m.end]
    if m.forced == "reject" or (m.senses and m.senses[0].kind == "block"):
        return None
    if m.forced and not m.senses:
        return Entity(m.start, m.end, text, _kind(m.forced), text)
    if m.team:
        return Entity(m.start, m.end, text, "team", m.team.canonical)
    if any(s.kind == "team" for s in m.senses) or fold_key(text) in art.rejected:
        return None  # a club name that is a place here, or a referee's surname
    full = _full_people(m.senses)
    if full:
        sense = _best(art, full)
        return Entity(m.start, m.end, text, _kind(sense.kind), sense.canonical)
    people = [s for s in m.senses if s.kind in ("player", "coach")]
    return _resolve_short(art, m, text, people) if people else None


def _resolve_short(art: Article, m: Mention, text: str, people: list[Sense]) -> Entity | None:
    """A surname or one-word name: the article's person, else the gazetteer's if the evidence is enough."""
    if not m.forced and (inside_other_name(art, m) or after_article(art, m) or accent_differs(text, people)):
        return None
    key = fold_key(text)
    linked = _linked(art, key, m.start)
    if linked:
        return Entity(m.start, m.end, text, linked.kind, linked.canonical)
    ranked = sorted(people, key=lambda s: _rank(art, s), reverse=True)
    if not m.forced and (not plausible(art, m, key, ranked[0])
                         or (len(ranked) > 1 and _rank(art, ranked[0]) == _rank(art, ranked[1]))):
        return None
    return Entity(m.start, m.end, text, _kind(ranked[0].kind), ranked[0].canonical)


def _rank(art: Article, sense: Sense) -> tuple[bool, int]:
    return sense.team in art.teams, sense.tier


def _best(art: Article, senses: Iterable[Sense]) -> Sense:
    return max(senses, key=lambda s: _rank(art, s))


def _linked(art: Article, key: str, at: int) -> Person | None:
    """The article's person a surname stands for (the last before, else the first after), or a first name
    (only looking back, and only if one person has it)."""
    people = art.people.get(key)
    if people:
        index = bisect_left(people, at, key=lambda p: p.at)
        return people[index - 1] if index else people[0]
    first = art.firsts.get(key)
    clash = art.first_clash.get(key, at)
    return first if first and first.at < at and clash >= at else None


# --- pass 5: later mentions of the article's people ------------------------------------------------------

def _linked_words(art: Article, entities: list[Entity]) -> list[Entity]:
    """Lone capitalised words the gazetteer does not know that name the article's people: a cue-found
    player's surname, a first name after the full name, or "Marcus" in an article about Inter."""
    taken = bytearray(len(art.text))
    for e in entities:
        taken[e.start:e.end] = b"\x01" * (e.end - e.start)
    found = []
    for i, start in enumerate(art.starts):
        key = art.words[i]
        if taken[start] or not art.caps[i] or key in art.rejected or art.lookup(key) or joined(art, i):
            continue
        person = _linked(art, key, start) or _first_name_in_context(art, key)
        if person:
            found.append(Entity(start, art.ends[i], art.text[start:art.ends[i]], person.kind, person.canonical))
    return found


def _first_name_in_context(art: Article, key: str) -> Person | None:
    senses = [s for s in art.gaz.firsts.get(key, ()) if s.team in art.teams]
    return Person(0, senses[0].canonical, _kind(senses[0].kind)) if len(senses) == 1 else None


def _non_overlapping(entities: list[Entity]) -> list[Entity]:
    result: list[Entity] = []
    for e in sorted(entities, key=lambda e: (e.start, -e.end)):
        if not result or e.start >= result[-1].end:
            result.append(e)
    return result
