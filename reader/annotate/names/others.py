"""The people an article names who are neither players nor coaches: presidents, directors, referees.

They are never tagged, but they speak ("Il presidente Cairo: «…»"), so the speakers need to see them. A
name after a negative cue ("il ds Giovanni Manna", "Carlalberto Ludi, direttore sportivo") is one, and so
is every other mention of it in the article ("Manna" in the title), and any name learned as such from
other articles of the cache. Each is given the fullest form the article uses ("Urbano Cairo" for "Cairo").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from reader.annotate.gazetteer import PARTICLES, fold_key
from reader.annotate.names.article import JOINABLE, Article, Mention
from reader.annotate.names.words import FUNCTION_WORDS

_MAX_WORDS = 4


@dataclass(frozen=True, slots=True)
class Other:
    """A mention of a person who is neither a player nor a coach; `canonical` is their fullest name."""

    start: int
    end: int
    text: str
    canonical: str


def find_others(art: Article, mentions: Iterable[Mention], known: Iterable[str] = (),
                taken: Iterable[tuple[int, int]] = ()) -> list[Other]:
    """Every mention of the article's other people: after negative cues, elsewhere, or learned before."""
    names = [art.text[m.start:m.end] for m in mentions if m.forced == "reject"] + list(known)
    surnames = {fold_key(name).split()[-1]: name for name in names if fold_key(name)}
    if not surnames:
        return []
    busy = bytearray(len(art.text) + 1)
    for start, end in taken:
        busy[start:end] = b"\x01" * (end - start)
    runs: list[tuple[int, int]] = []
    for i, word in enumerate(art.words):
        if word in surnames and art.upper(i) and not busy[art.starts[i]]:
            runs.append((_first_word(art, i, busy), i))
    fullest = _fullest(art, runs, surnames)
    return [Other(art.starts[first], art.ends[last], art.text[art.starts[first]:art.ends[last]],
                  fullest[art.words[last]]) for first, last in runs]


def _first_word(art: Article, last: int, busy: bytearray) -> int:
    """Back from a surname over the capitalised words of the same name ("Urbano Cairo", "Tony D'Amico")."""
    first = last
    while first > 0 and last - first + 1 < _MAX_WORDS and art.gap(first - 1) in JOINABLE \
            and not busy[art.starts[first - 1]] and not art.sentence_start(first):
        previous = art.words[first - 1]
        if previous in PARTICLES or (art.upper(first - 1) and previous not in FUNCTION_WORDS):
            first -= 1
        else:
            break
    while first < last and art.words[first] in PARTICLES and not art.upper(first):
        first += 1
    return first


def _fullest(art: Article, runs: list[tuple[int, int]], surnames: dict[str, str]) -> dict[str, str]:
    """surname -> the longest form the article (or the name learned) gives it."""
    fullest = dict(surnames)
    for first, last in runs:
        said = art.text[art.starts[first]:art.ends[last]]
        if len(said) > len(fullest[art.words[last]]):
            fullest[art.words[last]] = said
    return fullest
