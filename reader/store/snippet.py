"""A search result's snippet: the part of its text around the match, on one line, with the marks in it.

The snippet shows why an article matched where its title does not: it comes from the summary, the feed's
content or the full text (the one with the most of the query's terms), never from the title, and starts a
few words before the match so that the match is on screen even in a narrow list.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from reader.store.fold import FoldedText
from reader.store.query import Query

Marks = tuple[tuple[int, int], ...]

SNIPPET_CHARS = 200  # the longest snippet, before its ellipses
LEAD_IN = 30  # at most this many characters before the first match shown
_SPACES = re.compile(r"\s+")
_UNUSUAL_SPACE = re.compile(r"\s\s|[^\S ]")  # two in a row, or any but a plain space


def best_snippet(query: Query, title: str, texts: Sequence[str]) -> tuple[str, Marks]:
    """The snippet of a result: around the first match in the text (of `texts`) with the most terms.

    With the match in the title alone, the beginning of the first text that is not the title again.
    """
    bodies = [body for body in (_without_title(text, title) for text in texts) if body]
    if not bodies:
        return "", ()
    best: tuple[int, str, int] | None = None  # terms found, in which body, where its first match starts
    for body in bodies:
        folded = FoldedText.of(body)
        count, first = query.scan(folded.text)
        if first is not None and (best is None or count > best[0]):  # a tie: the earlier text
            best = (count, body, folded.span(*first)[0])
        if best is not None and best[0] == len(query.terms):
            break
    if best is None:
        return window(bodies[0], None, query)
    return window(best[1], best[2], query)


def window(text: str, match: int | None, query: Query) -> tuple[str, Marks]:
    """About SNIPPET_CHARS of `text` from a little before the match at `match`, on one line, the query's
    matches marked in it."""
    start = 0
    if match is not None and match > LEAD_IN:
        start = _word_start(text, match - LEAD_IN)
    end = min(len(text), start + SNIPPET_CHARS)
    if end < len(text):
        end = _word_end(text, start, end)
    part = text[start:end]
    line, marks = _one_line(part, query.marks(part) if match is not None else ())
    if start > 0:
        line, marks = "…" + line, tuple((a + 1, b + 1) for a, b in marks)
    if end < len(text):
        line += "…"
    return line, marks


def _without_title(text: str, title: str) -> str:
    """The text without a copy of the title it starts with (some feeds begin the summary with it)."""
    text = text.strip()
    head = title.strip()
    if head and text.startswith(head):
        return text[len(head):].lstrip(" .:-–—|\n\t")
    return text


def _word_start(text: str, at: int) -> int:
    """`at`, or the start of the next word when `at` falls inside one."""
    if at <= 0 or text[at - 1].isspace():
        return max(at, 0)
    gap = _SPACES.search(text, at)
    return gap.end() if gap else at


def _word_end(text: str, start: int, at: int) -> int:
    """`at`, or the end of the last whole word before it (unless that leaves nothing)."""
    if text[at].isspace():
        return at
    cut = max(text.rfind(" ", start, at), text.rfind("\n", start, at))
    return cut if cut > start else at


def _one_line(text: str, marks: Marks) -> tuple[str, Marks]:
    """Every run of whitespace made one space, the ends trimmed; the marks follow the text."""
    if not _UNUSUAL_SPACE.search(text) and text == text.strip():
        return text, marks
    removed_at: list[int] = []  # where (in the input) each removal ends
    removed_total: list[int] = []  # characters removed up to there
    total = 0
    pieces: list[str] = []
    position = 0
    for gap in _SPACES.finditer(text):
        pieces.append(text[position:gap.start()])
        at_edge = gap.start() == 0 or gap.end() == len(text)
        pieces.append("" if at_edge else " ")
        total += len(gap.group()) - (0 if at_edge else 1)
        removed_at.append(gap.end())
        removed_total.append(total)
        position = gap.end()
    pieces.append(text[position:])

    def moved(offset: int) -> int:
        index = bisect_right(removed_at, offset) - 1
        return offset - (removed_total[index] if index >= 0 else 0)

    return "".join(pieces), tuple((moved(a), moved(b)) for a, b in marks)
