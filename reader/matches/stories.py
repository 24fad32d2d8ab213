"""The same story told by several outlets, found by the text: within one match and one stage, two articles of
different outlets whose title and summary share enough runs of three words are one story (of two stages,
when they share most of them).

Texts are compared exactly, as sets of hashed word triples (shingles), accents and case folded, made once
when the article is read and stored with it; a newcomer is compared with a story's first two articles only.
The groups compared are a match's articles, so MinHash's estimate would save nothing.
Containment (shared triples over the smaller set) rather than Jaccard, so that a short agency summary
republished inside a longer one still counts.
"""

from __future__ import annotations

import zlib
from array import array
from collections.abc import Sequence
from datetime import timedelta

from reader.annotate.gazetteer import fold
from reader.matches.model import Story
from reader.store.readings import ReadEntry

SAME_STORY = 0.25  # containment from which two texts of one stage tell the same story (see the design notes)
# A text republished almost whole is the same story even where the kinds read from two titles differ (an
# agency's report under a title without the score reads as a comment).
SAME_TEXT = 0.6
STORY_SPAN = timedelta(hours=36)  # the same story is told within this long of its first telling
REPUBLISHED_SPAN = timedelta(hours=6)  # and a republished text within this long
COMPARED = 2  # the first articles of a story a newcomer is compared with: the story's own words


def shingles(text: str) -> bytes:
    """The runs of three words of a text, folded, as sorted 32-bit hashes (CRC-32: the same in every process,
    so they can be stored with the reading)."""
    words = fold(text).split()
    triples = zip(words, words[1:], words[2:], strict=False)  # the shorter lists end it
    hashes = sorted({zlib.crc32(f"{a} {b} {c}".encode()) for a, b, c in triples})
    return array("I", hashes).tobytes()


def containment(a: frozenset[int] | set[int], b: frozenset[int] | set[int]) -> float:
    """The share of the smaller set found in the other one."""
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def stories(entries: Sequence[tuple[ReadEntry, str]]) -> list[Story]:
    """One match's articles with their stages (oldest first) grouped into stories, in the same order. An
    article joins the story it shares most words with, among those it shares enough with."""
    groups: list[_Group] = []
    for entry, stage in entries:
        text: set[int] | None = None  # unpacked only when there is a story to compare it with
        best: tuple[float, _Group] | None = None
        for group in groups:
            same_stage = group.stage == stage
            if group.may_take(entry, STORY_SPAN if same_stage else REPUBLISHED_SPAN):
                text = text if text is not None else _text(entry)
                share = max(containment(text, other) for other in group.texts)
                if share >= (SAME_STORY if same_stage else SAME_TEXT) and (best is None or share > best[0]):
                    best = (share, group)
        if best is not None and text is not None:
            best[1].add(entry, text)
        else:
            groups.append(_Group(stage, entry))
    return [Story(g.members[0], g.stage, tuple(g.members[1:])) for g in groups]


class _Group:
    """A story being gathered: its stage, its articles and outlets, the shingles of its first articles."""

    def __init__(self, stage: str, first: ReadEntry) -> None:
        self.stage = stage
        self.members = [first]
        self.feeds = {first.feed}
        self._texts: list[set[int]] | None = None

    def may_take(self, entry: ReadEntry, span: timedelta) -> bool:
        return entry.feed not in self.feeds and entry.published - self.members[0].published <= span

    @property
    def texts(self) -> list[set[int]]:
        if self._texts is None:
            self._texts = [_text(self.members[0])]
        return self._texts

    def add(self, entry: ReadEntry, text: set[int]) -> None:
        if len(self.texts) < COMPARED:
            self.texts.append(text)
        self.members.append(entry)
        self.feeds.add(entry.feed)


def _text(entry: ReadEntry) -> set[int]:
    return set(array("I", entry.reading.shingles))
