"""Full-text search: a user's words -> a safe FTS5 query, and FTS5's marked text -> text and ranges."""

from __future__ import annotations

import re

# Markers that sanitised text can never contain (control characters are stripped before storing).
MARK_OPEN = "\x01"
MARK_CLOSE = "\x02"

_TOKENS = re.compile(r'"([^"]*)"?|(\S+)')
_WORD = re.compile(r"\w+(?:\*)?")


def fts_query(text: str) -> str:
    """Words AND-ed, "quoted phrases" kept, a trailing * for a prefix; nothing can be FTS5 syntax."""
    terms: list[str] = []
    for phrase, word in _TOKENS.findall(text):
        if phrase:
            words = re.findall(r"\w+", phrase)
            if words:
                terms.append('"' + " ".join(words) + '"')
            continue
        prefix = word.endswith("*")
        for token in re.findall(r"\w+", word):
            terms.append(f'"{token}"')
        if prefix and terms and not terms[-1].endswith("*"):
            terms[-1] += "*"
    return " ".join(terms)


def split_marks(marked: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Remove the markers from FTS5 highlight() output, returning the text and the marked ranges."""
    text: list[str] = []
    marks: list[tuple[int, int]] = []
    length = 0
    start = None
    for piece in re.split(f"([{MARK_OPEN}{MARK_CLOSE}])", marked):
        if piece == MARK_OPEN:
            start = length
        elif piece == MARK_CLOSE:
            if start is not None and length > start:
                marks.append((start, length))
            start = None
        else:
            text.append(piece)
            length += len(piece)
    return "".join(text), tuple(marks)
