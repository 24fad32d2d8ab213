"""What one quotation mark does, told from the mark and its two neighbours.

Kinds of quote: "«" (closed by », or by ” as some sites mix them), "“" (closed by ”, or by »), '"' (straight,
its direction read from its neighbours) and "‘" (closed by a ’ that no letter follows; never a straight ').
Inside a quote, a mark of another kind opens a nested quote; one of the same kind opens a new quote, the
writer having forgotten to close the last one.
"""

from __future__ import annotations

import re

MARKS = re.compile("[«»“”„\"‘’]")
_OPENS_AFTER = frozenset("([{«‘“„—–-/:;,'’\"")
_CLOSES_BEFORE = frozenset(".,;:!?)]}»’”…—–-/'\"")
_SINGLE_CLOSE = re.compile(r"’(?!\w)")
_ANY_DOUBLE = re.compile("[«»“”„\"]")
CLOSE, RESTART, NEST = "close", "restart", "nest"


def opening(char: str, prev: str, nxt: str) -> str:
    """The kind of quote `char` opens here ('«', '“', '"', '‘'), or '' when it opens none."""
    if char == "«":
        return "«"
    if char in "“„":
        return "“"
    if char == '"':
        return '"' if straight_opens(prev, nxt, inside=False) else ""
    if char == "‘":
        return "‘" if (prev.isspace() or prev in _OPENS_AFTER) and nxt.isalpha() else ""
    if char == "”" and prev.isspace() and not nxt.isspace():
        return "“"  # a closing glyph used to open, as some sites do
    return ""


def closing(char: str, prev: str, nxt: str) -> bool:
    """Whether `char` closes a quote here by its shape and neighbours: », ”, or a straight " after a word."""
    if char == "»":
        return True
    if char in "”\"":
        return not prev.isspace() and (nxt.isspace() or nxt in _CLOSES_BEFORE)
    return False


def inside(kind: str, char: str, prev: str, nxt: str) -> str:
    """What `char` does to an open quote of `kind`: CLOSE, RESTART (a new quote opens), NEST, or ''."""
    if kind == "«":
        if char == "»" or (char == "”" and closing(char, prev, nxt)):
            return CLOSE
        if char == "«":
            return RESTART
        return NEST if char in "“„" or (char == '"' and straight_opens(prev, nxt, inside=False)) else ""
    if kind == "“":
        if char == "”" or (char == "»" and closing(char, prev, nxt)):
            return CLOSE
        if char == "“":
            return RESTART if straight_opens(prev, nxt, inside=True) else CLOSE
        if char == "„":
            return RESTART
        return NEST if char == "«" or (char == '"' and straight_opens(prev, nxt, inside=False)) else ""
    if kind == '"':
        if char == '"':
            return RESTART if straight_opens(prev, nxt, inside=True) else CLOSE
        if char in "»”" and closing(char, prev, nxt):
            return CLOSE
        return NEST if char in "«“„" else ""
    return ""


def nested_close(kind: str, char: str, prev: str, nxt: str) -> bool:
    """Whether `char` closes a nested quote of `kind`."""
    if kind == "«":
        return char == "»" or (char == "”" and closing(char, prev, nxt))
    if kind == "“":
        return char == "”" or (char == "»" and closing(char, prev, nxt))
    return char == '"' and not straight_opens(prev, nxt, inside=True)


def straight_opens(prev: str, nxt: str, *, inside: bool) -> bool:
    """Whether a straight or ambiguous mark opens, from its neighbours; when they do not tell, it toggles."""
    opens = prev.isspace() or prev in _OPENS_AFTER
    closes = nxt.isspace() or nxt in _CLOSES_BEFORE
    if opens != closes:
        return opens
    return not inside


def single_close(text: str, start: int, end: int) -> int:
    """The end of a ‘…’ quote opened at `start`, or 0 when there is no closing ’ before another mark."""
    close = _SINGLE_CLOSE.search(text, start + 1, end)
    if close is None or _ANY_DOUBLE.search(text, start + 1, close.start()):
        return 0
    return close.end()


def nest_kind(char: str) -> str:
    """The kind of a nested quote opened by `char`."""
    return "«" if char == "«" else '"' if char == '"' else "“"
