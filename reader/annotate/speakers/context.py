"""What every speaker look-up reads, indexed once so that each look-up costs a bisect, not a scan.

The people a cue may name: the players and coaches found, the other people (presidents, directors) the
name passes saw, role words (il tecnico, il presidente, il centrocampista) and the newspapers that report
quotes. Each knows whether it lies inside a quote, and which one.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Protocol

from reader.annotate.gazetteer import fold_key
from reader.annotate.model import Entity
from reader.annotate.names.cues import cue_words
from reader.annotate.quotes import QuoteSpan
from reader.annotate.speech import alternatives, speech_words

_SOFT = r"[^\S\n]"
UPPER_WORD = r"[A-ZÀ-ÖØ-Þ][\w’'-]+"
_PARTICLE = r"(?:[Dd]e|[Dd]i|[Dd]a|[Dd]el|[Dd]ella|[Vv]an|[Vv]on|[Dd]er|[Dd]os|[Ll]a|[Ll]e)"
NAME = re.compile(rf"(?:(?:De|Di|Da|Del|Della|Van|Von|Dos|La|Le){_SOFT}+)?{UPPER_WORD}"
                  rf"(?:{_SOFT}+(?:{_PARTICLE}{_SOFT}+)?{UPPER_WORD})*")
# The article right before a role word ("il tecnico", "del ds").
_ROLE_ARTICLE = re.compile(r"\b(?P<article>(?i:il|lo|del|dello|al|dal|l[’']|dell[’']|all[’']|dall[’']))"
                           r"[^\S\n]*$")
_BOUND_ARTICLES = frozenset("del dello al dal dell all dall".split())
_WORD = re.compile(r"[\w’']+")
_SENTENCE_BREAK = frozenset(".!?:;«»“”\"\n")
LEAD_PARAGRAPHS = 3  # the title and the lead, where an article names who speaks in it
BEFORE_REACH, AFTER_REACH = 260, 180  # a little past the cues' windows (speakers.cues)
GENERIC_SOURCES = frozenset(
    "quotidiano giornale testata settimanale mensile sito portale emittente tabloid rosea".split())
_ARTICLE_BEFORE = re.compile(r"(?:^|\W)(?:il|lo|la|l[’']|sul|del|dal|nel|al)\s*$")


@dataclass(frozen=True, slots=True)
class Person:
    """Someone a cue may name. kind: player, coach, other (a president), role-<kind> (il tecnico), source."""

    start: int
    end: int
    text: str
    kind: str
    canonical: str
    bound: bool = False  # a role after a preposition ("del tecnico", "al presidente"): never a subject

    @property
    def role(self) -> str:
        """The kind a role word stands for ("coach" for "il tecnico"), or ""."""
        return self.kind[5:] if self.kind.startswith("role-") else ""


@cache
def role_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    """Role words (il tecnico, l'allenatore croato, il ds, il centrocampista, il danese) as one trie, and the
    kind each stands for; the article before one is checked apart (a regex led by it costs three times)."""
    words = cue_words()
    kinds = {word: ("other" if kind == "reject" else kind) for word, kind in words.roles.items()}
    kinds.update(dict.fromkeys(("amministratore delegato", "patron", "presidente"), "other"))
    kinds.update({w: "player" for w in words.between if w.endswith(("o", "e", "ese", "ano")) and w not in kinds})
    return re.compile(rf"\b(?:{alternatives(kinds)})\b"), kinds


class Named(Protocol):
    """A mention of someone who is not tagged (a president): where, as written, and their fullest name."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...

    @property
    def text(self) -> str: ...

    @property
    def canonical(self) -> str: ...


class Context:
    """The text, its quotes and its people, with the indexes the look-ups use."""

    def __init__(self, text: str, spans: Sequence[QuoteSpan], entities: Sequence[Entity],
                 others: Sequence[Named] = ()) -> None:
        self.text = text
        self.spans = spans
        self.tops = [s for s in spans if s.depth == 0]
        self._top_starts = [s.start for s in self.tops]
        self._ends = sorted(s.end for s in spans)
        people = [Person(e.start, e.end, e.text, e.kind, e.canonical) for e in entities if e.kind != "team"]
        people += [Person(e.start, e.end, e.text, "other", e.canonical) for e in others]
        windows = _windows(text, spans)
        people += [*self._roles(windows), *self._sources(entities, windows)]
        self.people = sorted(people, key=lambda p: (p.start, -p.end))
        self._starts = [p.start for p in self.people]
        self._inside = [self.quote_at(p.start) for p in self.people]
        self.masked = _masked(text, [*entities, *others])
        self.team_starts = frozenset(e.start for e in entities if e.kind == "team")
        self._full = _full_names(self.people)
        self._capitalised: set[str] | None = None
        self._fuller: dict[str, list[tuple[int, str]]] | None = None

    # --- quotes -------------------------------------------------------------------------------------

    def quote_at(self, position: int) -> int:
        """The index in `tops` of the top-level quote holding `position`, or -1."""
        index = bisect_right(self._top_starts, position) - 1
        return index if index >= 0 and position < self.tops[index].end else -1

    def last_quote_end(self, lo: int, position: int) -> int:
        """The end of the last quote ending in [lo, position], or lo."""
        index = bisect_right(self._ends, position) - 1
        return self._ends[index] if index >= 0 and self._ends[index] >= lo else lo

    # --- people -------------------------------------------------------------------------------------

    def candidates(self, start: int, end: int, within: int = -1) -> list[Person]:
        """The people in [start, end): outside every quote, or inside the top-level quote `within`."""
        first = bisect_left(self._starts, start)
        last = bisect_left(self._starts, end)
        return [p for p, q in zip(self.people[first:last], self._inside[first:last], strict=True)
                if p.end <= end and q == within]

    def last_of(self, kinds: tuple[str, ...], before: int, after: int = 0, within: int = -1) -> Person | None:
        """The last person of these kinds in [after, before), outside quotes or inside the quote `within`."""
        index = bisect_left(self._starts, before) - 1
        while index >= 0 and self.people[index].start >= after:
            person = self.people[index]
            if person.kind in kinds and self._inside[index] in (-1, within) and person.end <= before:
                return person
            index -= 1
        return None

    def full_name(self, person: Person) -> str:
        """A person's fullest name in the article: a bare surname takes the fuller form used for it."""
        name = person.canonical or person.text
        return name if " " in name else self._full.get(fold_key(name), name)

    # --- capitalised words the lists do not know ---------------------------------------------------

    def capitalised_elsewhere(self, word: str) -> bool:
        """Whether `word` appears capitalised somewhere that is not a sentence start."""
        if self._capitalised is None:
            self._capitalised = {m.group() for m in _WORD.finditer(self.masked)
                                 if m.group()[0].isupper() and not sentence_start(self.masked, m.start())}
        return word in self._capitalised

    def fuller(self, name: str, before: int) -> list[tuple[int, str]]:
        """The capitalised runs ending in `name` used before `before` ("Aurelio De Laurentiis" for "De Laurentiis")."""
        if self._fuller is None:
            self._fuller = {}
            for run in NAME.finditer(self.masked):
                words = run.group().split()
                for k in range(1, len(words)):
                    self._fuller.setdefault(" ".join(words[k:]), []).append((run.start(), run.group()))
        return [(at, run) for at, run in self._fuller.get(name, ()) if at < before]

    # --- building ----------------------------------------------------------------------------------

    def _roles(self, windows: list[tuple[int, int]]) -> list[Person]:
        found = []
        pattern, kinds = role_pattern()
        for match in (m for start, end in windows for m in pattern.finditer(self.text, start, end)):
            article = _ROLE_ARTICLE.search(self.text, max(0, match.start() - 12), match.start())
            if article is None:
                continue
            kind = kinds[" ".join(match.group().split())]
            bound = article.group("article").lower().rstrip("’'") in _BOUND_ARTICLES
            found.append(Person(article.start(), match.end(), self.text[article.start():match.end()], f"role-{kind}",
                                "", bound))
        return found

    def _sources(self, entities: Sequence[Entity], windows: list[tuple[int, int]]) -> list[Person]:
        """Newspapers: a name of one (Tuttosport, la Gazzetta) or a generic word after an article (il quotidiano)."""
        taken = {e.start for e in entities}
        found = []
        source = speech_words().source
        for match in (m for start, end in windows for m in source.finditer(self.text, start, end)):
            word = match.group()
            if match.start() in taken:
                continue
            if word.lower() in GENERIC_SOURCES:
                if not _ARTICLE_BEFORE.search(self.text, max(0, match.start() - 5), match.start()):
                    continue
            elif not word[0].isupper():
                continue
            found.append(Person(match.start(), match.end(), word, "source", word))
        return found


def _windows(text: str, spans: Sequence[QuoteSpan]) -> list[tuple[int, int]]:
    """The stretches where a role word or a newspaper can matter: around each quote (as far as its cues
    reach) and the lead (where the article's subject is named)."""
    lead = 0
    for _ in range(LEAD_PARAGRAPHS):
        found = text.find("\n\n", lead + 1)
        lead = len(text) if found < 0 else found
    stretches = sorted([(0, lead), *((max(0, s.start - BEFORE_REACH), s.end + AFTER_REACH) for s in spans)])
    merged: list[tuple[int, int]] = []
    for start, end in stretches:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, min(end, len(text))))
    return merged


def sentence_start(text: str, position: int) -> bool:
    before = text[max(0, position - 4):position].rstrip()
    return not before or before[-1] in _SENTENCE_BREAK


def _masked(text: str, known: Sequence[Entity | Named]) -> str:
    """The text with every known name blanked out, for finding the names no list knows."""
    chars = list(text)
    for e in known:
        chars[e.start:e.end] = "#" * (e.end - e.start)
    return "".join(chars)


def _full_names(people: Sequence[Person]) -> dict[str, str]:
    """folded surname -> the longest full name of the article that ends with it."""
    full: dict[str, str] = {}
    for p in people:
        if p.kind in ("player", "coach", "other"):
            for name in (p.canonical, p.text):
                words = name.split()
                if len(words) > 1:
                    key = fold_key(words[-1])
                    if len(name) > len(full.get(key, "")):
                        full[key] = name
    return full
