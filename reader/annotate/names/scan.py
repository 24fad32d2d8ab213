"""Pass 1: where the names of the gazetteer, and of the user's [names], occur in the text.

Words are matched whole, accents and case folded; the longest name wins. Every word of a name must be
capitalised in the text (ALL CAPS counts), so "la rosa" or "il conte" are not names; particles may be lower
case inside a name, and foreign ones also at its start ("van Dijk", not "di Lorenzo"). Nicknames (nerazzurri)
are not matched.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from reader.annotate.gazetteer import PARTICLES, Gazetteer, Sense, fold_key, gazetteer, name_parts
from reader.annotate.model import KnownPerson
from reader.annotate.names.article import JOINABLE, Article, Mention
from reader.annotate.names.variants import near_first_name

if TYPE_CHECKING:
    from reader.settings.config import NameSpec

_SPACES = frozenset([" ", "\u00a0"])
_FOREIGN_PARTICLES = frozenset("de van von der den ter ten dos das do du el bin ben mac".split())


def lexicons(extra_names: Mapping[str, NameSpec] | None,
             known: Sequence[KnownPerson] = ()) -> tuple[Gazetteer, ...]:
    """What to look names up in: the user's names first, then the people learned from the cache, then the
    shipped gazetteer."""
    found = [_extra_lexicon(_freeze(extra_names))] if extra_names else []
    people = tuple(sorted((p.name, p.kind, p.team) for p in known if p.kind in ("player", "coach")))
    if people:
        found.append(_known_lexicon(people))
    return (*found, gazetteer())


def misspelt_first_names(art: Article, mentions: list[Mention]) -> list[Mention]:
    """A surname after a misspelt first name ("Christian Chivu", "Giampiero Gasperini") is the full name."""
    found = []
    for k, m in enumerate(mentions):
        i = m.first - 1
        previous_end = mentions[k - 1].last if k else -1
        if i > previous_end and art.gap(i) in _SPACES and art.upper(i) and not art.lookup(art.words[i]):
            sense = next((s for s in m.senses if s.kind in ("player", "coach") and s.role == "short"
                          and near_first_name(art.text[art.starts[i]:art.ends[i]], _given(s.canonical))), None)
            if sense is not None:
                m = Mention(i, m.last, art.starts[i], m.end, (sense._replace(role="full"),))
        found.append(m)
    return found


def _given(canonical: str) -> str:
    """The given names of a person's full name: all but the surname ("Gian Piero" of Gian Piero Gasperini)."""
    first, shorts = name_parts(canonical)
    return canonical[:len(canonical) - len(shorts[0])].strip() if first and shorts else ""


def scan(art: Article) -> list[Mention]:
    """The longest capitalised gazetteer name at each position, left to right."""
    mentions: list[Mention] = []
    free = 0  # the first token after the last mention
    for i, (caps, word) in enumerate(zip(art.caps, art.words, strict=True)):
        if i >= free and (caps or word in _FOREIGN_PARTICLES) and (reach := art.reach(word)):
            mention = _longest(art, i, reach)
            if mention:
                mentions.append(mention)
                free = mention.last + 1
    return mentions


def _longest(art: Article, i: int, reach: int) -> Mention | None:
    last = i
    while last + 1 < len(art.starts) and last - i + 1 < reach and art.gap(last) in JOINABLE:
        last += 1
    for j in range(last, i - 1, -1):
        senses = tuple(s for s in art.lookup(" ".join(art.words[i:j + 1])) if s.role != "nick")
        inner = all(art.caps[k] or art.words[k] in PARTICLES for k in range(i + 1, j))
        if senses and art.caps[j] and (inner or senses[0].kind == "block"):
            return Mention(i, j, art.starts[i], art.ends[j], senses)
    return None


_Frozen = tuple[tuple[str, str, tuple[str, ...]], ...]


def _freeze(extra: Mapping[str, NameSpec] | None) -> _Frozen:
    return tuple(sorted((name, spec.kind, tuple(spec.aliases)) for name, spec in (extra or {}).items()))


@lru_cache(maxsize=4)
def _known_lexicon(people: tuple[tuple[str, str, str], ...]) -> Gazetteer:
    """The people learned from the cache as a small gazetteer: tier 3, as sure as the checked lists, since
    a cue named them a person (an everyday word is still told apart by its lower-case uses)."""
    lexicon = Gazetteer()
    for name, kind, team in people:
        key = fold_key(name)
        shorts = [fold_key(s) for s in name_parts(name)[1]] if " " in name.strip() else []
        lexicon.add_person(name, "coach" if kind == "coach" else "player", tier=3, team=team, names=[key],
                           shorts=shorts)
    return lexicon


@lru_cache(maxsize=8)
def _extra_lexicon(frozen: _Frozen) -> Gazetteer:
    """The user's names as a small gazetteer, consulted before the shipped one."""
    lexicon = Gazetteer()
    for name, kind, aliases in frozen:
        keys = [fold_key(n) for n in (name, *aliases)]
        if kind == "team":
            for key in keys:
                lexicon.add(key, Sense("team", name, "full", 4))
        elif kind in ("player", "coach"):
            shorts = [fold_key(s) for n in (name, *aliases) if " " in n.strip() for s in name_parts(n)[1]]
            lexicon.add_person(name, "coach" if kind == "coach" else "player", tier=4, names=keys, shorts=shorts)
    return lexicon
