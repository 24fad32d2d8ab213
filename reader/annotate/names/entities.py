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
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, NamedTuple

from reader.annotate.gazetteer import Sense, fold_key, name_parts
from reader.annotate.model import Entity, EntityKind, KnownPerson
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
from reader.annotate.names.others import Other, find_others
from reader.annotate.names.scan import lexicons, misspelt_first_names, scan

if TYPE_CHECKING:
    from reader.settings.config import NameSpec



# A Slavic surname's ending: in football news such a word is a person's name even when no list knows it.
_SLAVIC = frozenset(("ić", "ič"))


class People(NamedTuple):
    """What the name passes find: the entities to tag, and the other people (presidents...) who may speak."""

    entities: list[Entity]
    others: list[Other]
    learned: list[Entity]  # entities found by a cue, not by any list: what the article teaches


def find_entities(text: str, *, extra_names: Mapping[str, NameSpec] | None = None) -> list[Entity]:
    """Every player, coach and team mention in `text`, sorted by start, never overlapping."""
    return find_people(text, extra_names=extra_names).entities


def find_people(text: str, *, extra_names: Mapping[str, NameSpec] | None = None,
                known: Sequence[KnownPerson] = ()) -> People:
    """The entities of `text` and its other people; `known` are people learned from other articles."""
    art = Article.of(text, lexicons(extra_names, known))
    mentions = apply_cues(art, misspelt_first_names(art, scan(art)))
    art.mentioned = {k: is_short(m) for m in mentions for k in range(m.first, m.last + 1)}
    _learn(art, mentions)
    resolved = [(m, e) for m in mentions if (e := _resolve(art, m)) is not None]
    entities = [e for _, e in resolved]
    entities = _non_overlapping(entities + _linked_words(art, entities))
    others = find_others(art, mentions, [p.name for p in known if p.kind == "other"],
                         [(e.start, e.end) for e in entities])
    learned = [e for m, e in resolved if m.forced in ("player", "coach") and not m.senses and e.canonical == e.text]
    return People(entities, others, learned)


# --- pass 3: what the article says about itself ----------------------------------------------------------

def _learn(art: Article, mentions: list[Mention]) -> None:
    """The clubs the article names, the full names of its people, and the teams each sentence is about."""
    for m in mentions:
        name = art.text[m.start:m.end]
        m.team = team_sense(art, m)
        sentence = art.sentence_teams.setdefault(art.sentence(m.first), set())
        if m.team:
            art.teams.add(m.team.canonical)
            sentence.add(m.team.canonical)
        elif m.forced in ("player", "coach") and not m.senses:
            _remember(art, m.start, name, _kind(m.forced))
        elif m.forced != "reject" and (full := _full_people(m.senses)):
            sense = _best(art, full)
            sentence.add(sense.team)
            for said in (sense.canonical, name):
                _remember(art, m.start, said, _kind(sense.kind), sense.canonical)
        elif len(people := {s.canonical: s for s in m.senses if s.kind in ("player", "coach")}) == 1:
            sentence.add(next(iter(people.values())).team)  # "Lautaro", "Pisacane": one person, one club


def _remember(art: Article, at: int, name: str, kind: EntityKind, canonical: str | None = None) -> None:
    person = Person(at, canonical or name, kind)
    first, shorts = name_parts(name)
    for short in {*shorts, *_halves(shorts[0] if shorts else "")}:
        art.people.setdefault(fold_key(short), []).append(person)
    key = fold_key(first)
    if key and art.firsts.setdefault(key, person).canonical != person.canonical:
        art.first_clash.setdefault(key, at)


def _halves(surname: str) -> list[str]:
    """The halves of a double surname, each of which the press uses alone ("Milinkovic", "Loftus")."""
    if "-" not in surname and " " not in surname:
        return []
    parts = [p for p in surname.replace("-", " ").split() if len(p) > 2 and p[0].isupper()]
    return parts if len(parts) > 1 else []


def _full_people(senses: Iterable[Sense]) -> list[Sense]:
    return [s for s in senses if s.kind in ("player", "coach") and s.role == "full"]


def _kind(kind: str) -> EntityKind:
    return "coach" if kind == "coach" else "team" if kind == "team" else "player"


# --- pass 4: deciding each mention -----------------------------------------------------------------------

def _resolve(art: Article, m: Mention) -> Entity | None:
    text = art.text[m.start:m.end]
    if m.forced == "reject" or (m.senses and m.senses[0].kind == "block"):
        return None
    if m.forced and not m.senses:  # a cue's name: someone the article names in full ("Dele" of Dele-Bashiru)?
        linked = _linked(art, fold_key(text), m.start) if " " not in text.strip() else None
        return Entity(m.start, m.end, text, linked.kind if linked else _kind(m.forced),
                      linked.canonical if linked else text)
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
    sentence = art.sentence(m.first)
    ranked = sorted(people, key=lambda s: _rank(art, s, sentence), reverse=True)
    if m.forced in ("player", "coach"):  # "il tecnico Ranieri": the person of that kind
        ranked = sorted(ranked, key=lambda s: s.kind == m.forced, reverse=True)
    if not m.forced and (not plausible(art, m, key, ranked[0])
                         or (len(ranked) > 1 and _rank(art, ranked[0], sentence) == _rank(art, ranked[1], sentence))):
        return None
    return Entity(m.start, m.end, text, _kind(ranked[0].kind), ranked[0].canonical)


def _rank(art: Article, sense: Sense, sentence: int = -1) -> tuple[bool, bool, bool, int]:
    """Whose name it is: a person of a club the sentence (or the one before) names first, then of one the
    article names, then the best-known."""
    here = art.sentence_teams.get(sentence, set())
    before = art.sentence_teams.get(sentence - 1, set())
    return bool(sense.team) and sense.team in here, bool(sense.team) and sense.team in before, \
        sense.team in art.teams, sense.tier


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
    given = _given_names(entities)
    found = []
    for i, start in enumerate(art.starts):
        key = art.words[i]
        if taken[start] or not art.caps[i] or key in art.rejected or art.lookup(key) or joined(art, i):
            continue
        person = _linked(art, key, start) or _first_name_in_context(art, key)
        if person is None and (named := given.get(key)) and named.at < start:
            person = named  # "Romelu" after "Lukaku", "Dele" after "Dele-Bashiru": a name of someone named
        if person is None and art.text[art.ends[i] - 2:art.ends[i]] in _SLAVIC and not art.sentence_start(i):
            person = Person(start, art.text[start:art.ends[i]], "player")  # "Ibrahimović": no word, a name
        if person:
            found.append(Entity(start, art.ends[i], art.text[start:art.ends[i]], person.kind, person.canonical))
    return found


def _given_names(entities: list[Entity]) -> dict[str, Person]:
    """folded first name -> the one person of the article's entities who has it (where first named)."""
    given: dict[str, Person] = {}
    clashes: set[str] = set()
    for e in entities:
        first, shorts = name_parts(e.canonical) if e.kind != "team" and " " in e.canonical else ("", ())
        for key in (fold_key(first), *(fold_key(half) for half in _halves(shorts[0] if shorts else ""))):
            if key and given.setdefault(key, Person(e.start, e.canonical, e.kind)).canonical != e.canonical:
                clashes.add(key)
    return {key: person for key, person in given.items() if key not in clashes}


def _first_name_in_context(art: Article, key: str) -> Person | None:
    senses = [s for s in art.gaz.firsts.get(key, ()) if s.team in art.teams]
    return Person(0, senses[0].canonical, _kind(senses[0].kind)) if len(senses) == 1 else None


def _non_overlapping(entities: list[Entity]) -> list[Entity]:
    result: list[Entity] = []
    for e in sorted(entities, key=lambda e: (e.start, -e.end)):
        if not result or e.start >= result[-1].end:
            result.append(e)
    return result
