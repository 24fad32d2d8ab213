"""The same story told by several outlets, found by the text: within one match and one stage, two articles of
different outlets whose title and summary share enough runs of three words are one story (of two stages,
when they share most of them).

Texts are compared exactly, as sets of hashed word triples (shingles), accents and case folded: the groups
compared are a match's articles of one stage, a handful, so MinHash's estimate would save nothing.
Containment (shared triples over the smaller set) rather than Jaccard, so that a short agency summary
republished inside a longer one still counts.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from reader.annotate.gazetteer import fold_key
from reader.matches.model import Story
from reader.store.readings import ReadEntry

SHINGLE_WORDS = 3
SAME_STORY = 0.25  # containment from which two texts of one stage tell the same story (see the design notes)
# A text republished almost whole is the same story even where the kinds read from two titles differ (an
# agency's report under a title without the score reads as a comment).
SAME_TEXT = 0.6
STORY_SPAN = timedelta(hours=36)  # the same story is told within this long of its first telling


def shingles(text: str) -> frozenset[int]:
    """The hashed runs of SHINGLE_WORDS words of a text, folded."""
    words = fold_key(text).split()
    return frozenset(hash(tuple(words[i:i + SHINGLE_WORDS])) for i in range(max(1, len(words) - SHINGLE_WORDS + 1)))


def containment(a: frozenset[int], b: frozenset[int]) -> float:
    """The share of the smaller set found in the other one."""
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def stories(entries: Sequence[tuple[ReadEntry, str]]) -> list[Story]:
    """One match's articles with their stages (oldest first) grouped into stories, in the same order."""
    groups: list[_Group] = []
    for entry, stage in entries:
        text: frozenset[int] | None = None  # read only when there is a story to compare it with
        for group in groups:
            if group.may_take(entry):
                text = text if text is not None else _text(entry)
                needed = SAME_STORY if group.stage == stage else SAME_TEXT
                if any(containment(text, other) >= needed for other in group.texts()):
                    group.add(entry, text)
                    break
        else:
            groups.append(_Group(stage, [entry]))
    return [Story(g.members[0], g.stage, tuple(g.members[1:])) for g in groups]


class _Group:
    """A story being gathered: its stage, its articles, their shingles (made when first compared)."""

    def __init__(self, stage: str, members: list[ReadEntry]) -> None:
        self.stage = stage
        self.members = members
        self._texts: list[frozenset[int]] = []

    def may_take(self, entry: ReadEntry) -> bool:
        return (entry.feed not in {m.feed for m in self.members}
                and entry.published - self.members[0].published <= STORY_SPAN)

    def texts(self) -> list[frozenset[int]]:
        if len(self._texts) < len(self.members):
            self._texts = [_text(m) for m in self.members]
        return self._texts

    def add(self, entry: ReadEntry, text: frozenset[int]) -> None:
        self.texts()
        self.members.append(entry)
        self._texts.append(text)


def _text(entry: ReadEntry) -> frozenset[int]:
    return shingles(f"{entry.title}\n{entry.summary}")
