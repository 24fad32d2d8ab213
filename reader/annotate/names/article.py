"""The text as the name passes see it: folded words with their offsets and capitals, and what the passes
record on it (the mentions found, the clubs named, the people learned)."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from reader.annotate.gazetteer import Gazetteer, Sense, fold
from reader.annotate.model import EntityKind

_TOKEN = re.compile(r"\S+")
_SENTENCE_END = frozenset(".!?:;«»“”\"(—")
_SENTENCE_BREAK = re.compile(r"\n|[.!?](?=[\s\"”»)])")
JOINABLE = frozenset([" ", "\u00a0", "-", "‐", "‑", "'", "’", "/"])  # what may sit between two words of a name


@dataclass(slots=True)
class Mention:
    """Words the gazetteer knows, or a name next to a cue (no senses, `forced` set)."""

    first: int  # token indices, inclusive
    last: int
    start: int  # character offsets
    end: int
    senses: tuple[Sense, ...]
    forced: str = ""  # "player" / "coach" from a cue, "reject" from a negative cue
    team: Sense | None = None  # the club or national team it names here, once the article's clubs are learned


@dataclass(slots=True)
class Person:
    at: int
    canonical: str
    kind: EntityKind


@dataclass(slots=True)
class Article:
    """A text as folded tokens, and what the passes learn about it."""

    text: str
    starts: list[int]
    ends: list[int]
    words: list[str]  # folded
    caps: list[bool]  # starts with a capital letter or a digit
    lexicons: tuple[Gazetteer, ...]  # the user's names first, the shipped gazetteer last
    teams: set[str] = field(default_factory=set)
    people: dict[str, list[Person]] = field(default_factory=dict)  # folded surname -> the article's people
    firsts: dict[str, Person] = field(default_factory=dict)  # folded first name -> the first person so called
    first_clash: dict[str, int] = field(default_factory=dict)  # ... -> where someone else so called appears
    rejected: set[str] = field(default_factory=set)  # folded names after a negative cue
    mentioned: dict[int, bool] = field(default_factory=dict)  # token in a mention -> is it a lone surname
    lower_words: set[str] | None = None  # words written in lower case somewhere, computed when first needed
    breaks: list[int] = field(default_factory=list)  # where sentences end (. ! ? or a line break)
    sentence_teams: dict[int, set[str]] = field(default_factory=dict)  # sentence -> teams it names or implies

    @classmethod
    def of(cls, text: str, lexicons: tuple[Gazetteer, ...]) -> Article:
        """`text` split into words, to be looked up in `lexicons`."""
        tokens = list(_TOKEN.finditer(fold(text)))
        starts = [t.start() for t in tokens]
        ends = [t.end() for t in tokens]
        art = cls(text, starts, ends, [t.group() for t in tokens],
                  [text[i].isupper() or text[i].isdigit() for i in starts], lexicons)
        art.breaks = [m.end() for m in _SENTENCE_BREAK.finditer(text)]
        return art

    @property
    def gaz(self) -> Gazetteer:
        return self.lexicons[-1]

    def gap(self, i: int) -> str:
        """The characters between token i and token i + 1."""
        return self.text[self.ends[i]:self.starts[i + 1]]

    def lookup(self, key: str) -> tuple[Sense, ...]:
        if len(self.lexicons) == 1:
            return self.lexicons[0].senses.get(key, ())
        return tuple(s for lexicon in self.lexicons for s in lexicon.senses.get(key, ()))

    def reach(self, key: str) -> int:
        if len(self.lexicons) == 1:
            return self.lexicons[0].reach.get(key, 0)
        return max(lexicon.reach.get(key, 0) for lexicon in self.lexicons)

    def sentence(self, i: int) -> int:
        """The number of the sentence token i lies in."""
        return bisect_right(self.breaks, self.starts[i])

    def sentence_start(self, i: int) -> bool:
        """First word of the text or of a line, or after sentence punctuation or an opening quote."""
        gap = self.text[self.ends[i - 1]:self.starts[i]] if i else "\n"
        return "\n" in gap or gap.strip()[-1:] in _SENTENCE_END

    def upper(self, i: int) -> bool:
        return self.text[self.starts[i]].isupper()
