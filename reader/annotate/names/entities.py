"""Players, coaches and teams named in a text: the gazetteer, the article's own full names, and cue words.

- Words are matched whole, accents and case folded, against the gazetteer's names; the longest wins. Every
  word of a name must be capitalised in the text (ALL CAPS counts), so "la rosa" or "il conte" are not names;
  particles may be lower case inside a name, and foreign ones also at its start ("van Dijk", not "di Lorenzo").
- A full name ("Lautaro Martínez") is tagged at once. A surname or one-word name ("Thuram", "Pedri") is linked
  to a full name of the same article (the last one before it, else the first after it); failing that, to the
  one gazetteer person it can mean, preferring people of the clubs the article names; if two remain, or the
  evidence is thin (an everyday word starting a sentence, "la Chiesa", "di Sara Vitale"), it is skipped.
  A first name alone follows an earlier full name ("Paulo" after "Paulo Dybala"), or the one current player
  so called in the clubs the article names ("Marcus" in an article about Inter).
- Cue words name people the gazetteer does not know: "il portiere X", "l'allenatore croato X Y", "il difensore
  del Milan X", "X Y, centrocampista"; their later surnames follow. After "l'arbitro", "il presidente",
  "il ds"... a name is not tagged, there or anywhere else in the article.
- A club that is also a city is the city after a place preposition ("a Roma", "di Napoli") unless a fixture
  follows ("di Roma - Lazio"); a national team needs its article ("l'Italia", not "in Italia"). Nicknames
  (nerazzurri) are not teams; stadiums, broadcasters and competitions (Maradona, Sky Sport, Coppa Italia)
  are never names.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Mapping
from functools import cache
from typing import TYPE_CHECKING

from reader.annotate.gazetteer import Sense, fold_key, gazetteer, name_parts
from reader.annotate.model import Entity, EntityKind
from reader.annotate.names.article import JOINABLE, Article, Mention, Person
from reader.annotate.names.cues import apply_cues
from reader.annotate.names.scan import lexicons, scan
from reader.annotate.names.words import ARTICLES, FUNCTION_WORDS, LEADING_ARTICLES

if TYPE_CHECKING:
    from reader.settings.config import NameSpec

_SPACES = frozenset([" ", "\u00a0"])
_DASHES = frozenset("-–—")
_ACCENTED = frozenset("àèéìíòóùú")
_CITY_PREPS = frozenset("a ad in da di d per verso".split())


def find_entities(text: str, *, extra_names: Mapping[str, NameSpec] | None = None) -> list[Entity]:
    """Every player, coach and team mention in `text`, sorted by start, never overlapping."""
    art = Article.of(text, lexicons(extra_names))
    mentions = apply_cues(art, scan(art))
    art.mentioned = {k: _is_short(m) for m in mentions for k in range(m.first, m.last + 1)}
    _learn(art, mentions)
    entities = [e for m in mentions if (e := _resolve(art, m)) is not None]
    return _non_overlapping(entities + _linked_words(art, entities))


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


# --- pass 3: what the article says about itself ----------------------------------------------------------

def _learn(art: Article, mentions: list[Mention]) -> None:
    """The clubs the article names and the full names of its people."""
    for m in mentions:
        name = art.text[m.start:m.end]
        m.team = _team_sense(art, m)
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
    if not m.forced and (_inside_other_name(art, m) or _after_article(art, m) or _accent_differs(text, people)):
        return None
    key = fold_key(text)
    linked = _linked(art, key, m.start)
    if linked:
        return Entity(m.start, m.end, text, linked.kind, linked.canonical)
    ranked = sorted(people, key=lambda s: _rank(art, s), reverse=True)
    if not m.forced and (not _plausible(art, m, key, ranked[0])
                         or (len(ranked) > 1 and _rank(art, ranked[0]) == _rank(art, ranked[1]))):
        return None
    return Entity(m.start, m.end, text, _kind(ranked[0].kind), ranked[0].canonical)


def _plausible(art: Article, m: Mention, key: str, best: Sense) -> bool:
    """Enough evidence that a lone surname is this gazetteer person."""
    if key in art.gaz.not_players or best.tier < 2:
        return False
    if best.team in art.teams:
        return True
    if key in art.gaz.weak or len(key) <= 3 or (key in art.gaz.common and best.tier < 3):
        return False
    if _caps(art.text[m.start:m.end]):
        return best.tier >= 3
    if art.sentence_start(m.first) and not _stands_alone(art, m):
        return best.tier >= 3 and key not in art.gaz.common and not _lower_elsewhere(art, key)
    return True


def _inside_other_name(art: Article, m: Mention, *, people: bool = True) -> bool:
    """Joined to a capitalised word that is part of the same name: "di Sara Vitale", "Marco Guida",
    "Spider-Man", "Croce Rossa Internazionale"."""
    if _caps(art.text[m.start:m.end]):
        return False
    after = m.last + 1 < len(art.starts) and _stranger(art, m.last + 1, art.gap(m.last), people)
    before = m.first > 0 and _stranger(art, m.first - 1, art.gap(m.first - 1), people) \
        and not art.sentence_start(m.first - 1)
    return after or before


def _stranger(art: Article, i: int, gap: str, people: bool) -> bool:
    """A capitalised neighbour of the same name: a word the gazetteer does not know; next to a surname, also
    another lone surname after a space ("Sara Vitale"), though not after a hyphen ("Gila-Leao": two names)."""
    if gap not in JOINABLE or gap in "'’" or not art.upper(i):
        return False
    return art.mentioned.get(i, True) if people and gap in _SPACES else i not in art.mentioned


def _is_short(m: Mention) -> bool:
    return not m.forced and all(s.role == "short" for s in m.senses)


def _after_article(art: Article, m: Mention) -> bool:
    """"la Chiesa", "della Suzuki": Italian puts no article before a man's surname."""
    return m.first > 0 and art.words[m.first - 1] in ARTICLES and art.gap(m.first - 1).strip() in ("", "'", "’")


def _accent_differs(text: str, people: list[Sense]) -> bool:
    """"Sarà", "Più": a final accented vowel the name does not have makes an Italian word."""
    return text[-1] in _ACCENTED and not any(s.canonical.endswith(text[-1]) for s in people)


def _stands_alone(art: Article, m: Mention) -> bool:
    """Followed by a digit, punctuation or the end ("Buongiorno 6,5", "Soulé:"), not by a word."""
    after = art.text[m.end:m.end + 3].strip()
    return not after or not after[0].isalpha()


def _lower_elsewhere(art: Article, key: str) -> bool:
    """The word is also written in lower case in the text: an everyday word here."""
    if art.lower_words is None:
        art.lower_words = {word for word, caps in zip(art.words, art.caps, strict=True) if not caps}
    return key in art.lower_words


def _caps(text: str) -> bool:
    return text.isupper() and sum(c.isalpha() for c in text) > 1


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


def _team_sense(art: Article, m: Mention) -> Sense | None:
    """The club or national team a mention names, unless its words are a place here."""
    teams = [s for s in m.senses if s.kind == "team" and s.role == "full"]
    if not teams or m.forced:
        return None
    if _in_fixture(art, m):
        return teams[0]
    if _inside_other_name(art, m, people=False):
        return None
    key = fold_key(art.text[m.start:m.end])
    before = art.words[m.first - 1] if m.first and art.gap(m.first - 1).strip() in ("", "'", "’") else ""
    if key in art.gaz.countries:
        return teams[0] if before in LEADING_ARTICLES else None
    return None if key in art.gaz.places and before in _CITY_PREPS else teams[0]


def _in_fixture(art: Article, m: Mention) -> bool:
    """Next to a dash and another word: "di Roma - Lazio" is the derby, not the city."""
    after = art.text[m.end:m.end + 3].lstrip()[:1] in _DASHES and m.last + 1 < len(art.starts)
    return after or (art.text[max(0, m.start - 3):m.start].rstrip()[-1:] in _DASHES and m.first > 0)


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
        if taken[start] or not art.caps[i] or key in art.rejected or art.lookup(key) or _joined(art, i):
            continue
        person = _linked(art, key, start) or _first_name_in_context(art, key)
        if person:
            found.append(Entity(start, art.ends[i], art.text[start:art.ends[i]], person.kind, person.canonical))
    return found


def _joined(art: Article, i: int) -> bool:
    """Part of a longer capitalised name: next to a capitalised word other than one just starting the
    sentence ("Con Marcus", but "San Matteo")."""
    after = i + 1 < len(art.starts) and art.gap(i) in JOINABLE and art.caps[i + 1]
    before = i > 0 and art.gap(i - 1) in JOINABLE and art.caps[i - 1] \
        and not (art.sentence_start(i - 1) and art.words[i - 1] in FUNCTION_WORDS)
    return after or before


def _first_name_in_context(art: Article, key: str) -> Person | None:
    senses = [s for s in art.gaz.firsts.get(key, ()) if s.team in art.teams]
    return Person(0, senses[0].canonical, _kind(senses[0].kind)) if len(senses) == 1 else None


def _non_overlapping(entities: list[Entity]) -> list[Entity]:
    result: list[Entity] = []
    for e in sorted(entities, key=lambda e: (e.start, -e.end)):
        if not result or e.start >= result[-1].end:
            result.append(e)
    return result
