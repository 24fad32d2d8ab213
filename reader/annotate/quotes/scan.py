"""One paragraph's quotes, its marks read once from left to right.

A quote with no closing mark ends at the paragraph's end, before the next opening mark of its kind, or
before a ", ha detto X" that shows the writer forgot to close it. A quote inside another one (a newspaper's
passage quoting a coach) is returned as well, one level deep. A paragraph ending in a lone closing mark
(`… a fine stagione".`) with no opening one is a speech whose opening mark was forgotten: it starts where
the paragraph does, after a topic label in capitals if there is one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.annotate.quotes.cues import quote_cues
from reader.annotate.quotes.marks import (
    CLOSE,
    MARKS,
    NEST,
    RESTART,
    closing,
    inside,
    nest_kind,
    nested_close,
    opening,
    single_close,
)
from reader.annotate.speech import TOPIC_LABEL

MISSING_OPEN = "?"  # the kind of a quote whose opening mark was forgotten
_MIN_SPEECH_WORDS = 4
_TAIL = re.compile(r"[\s.,;:!?…)\]]*")
_WORD = re.compile(r"\w+")


@dataclass(slots=True)
class Raw:
    """A quote as scanned: its span, whether a mark closed it, how deep it is, its kind of mark."""

    start: int
    end: int
    closed: bool
    depth: int = 0
    kind: str = ""


def scan(text: str, start: int, end: int, carried: tuple[int, str] | None = None, limit: int = -1) -> list[Raw]:
    """The quotes of text[start:end]; `carried` = (position, kind) of a quote going on from the paragraph
    before; at most about `limit` of them (no limit when negative)."""
    found: list[Raw] = []
    outer_at, outer_kind = carried if carried else (-1, "")
    nest_at, inner_kind, skip_to = -1, "", -1
    for mark in MARKS.finditer(text, start, end):
        if 0 <= limit <= len(found):
            end = mark.start()  # the rest of the paragraph is not read: the open quote ends here
            break
        i = mark.start()
        if i < skip_to:
            continue
        char = text[i]
        prev = text[i - 1] if i > start else " "
        nxt = text[i + 1] if i + 1 < end else " "
        if outer_at < 0:
            kind = opening(char, prev, nxt)
            if kind == "‘":
                close = single_close(text, i, end)
                if close:
                    found.append(Raw(i, close, True, kind="‘"))
                    skip_to = close
            elif kind:
                outer_at, outer_kind = i, kind
            elif not found and closing(char, prev, nxt) and _TAIL.fullmatch(text, i + 1, end):
                speech = speech_start(text, start, i)
                if speech is not None:
                    found.append(Raw(speech, i + 1, True, kind=MISSING_OPEN))
            continue
        if nest_at >= 0:
            if nested_close(inner_kind, char, prev, nxt):
                found.append(Raw(nest_at, i + 1, True, 1, inner_kind))
                nest_at = -1
            elif inside(outer_kind, char, prev, nxt) == CLOSE:
                found.append(Raw(outer_at, i + 1, True, kind=outer_kind))
                outer_at = nest_at = -1
            continue
        action = inside(outer_kind, char, prev, nxt)
        if action == CLOSE:
            found.append(Raw(outer_at, i + 1, True, kind=outer_kind))
            outer_at = -1
        elif action == RESTART:
            found.append(unclosed(text, outer_at, i, outer_kind))
            outer_at, outer_kind = i, opening(char, prev, nxt) or outer_kind
        elif action == NEST:
            nest_at, inner_kind = i, nest_kind(char)
    if outer_at >= 0:
        found.append(unclosed(text, outer_at, end, outer_kind))
    return sorted(found, key=lambda raw: (raw.start, -raw.end))


def speech_start(text: str, start: int, close: int) -> int | None:
    """Where a speech closed at `close` with no opening mark starts: the paragraph's start, after a topic
    label; None when it is too short to be told from a stray mark."""
    label = TOPIC_LABEL.match(text, start, close)
    begin = label.end() if label else start
    while begin < close and not (text[begin].isalnum() or text[begin] in "(["):
        begin += 1  # past spaces and stray punctuation: a speech starts with a word
    return begin if len(_WORD.findall(text, begin, close)) >= _MIN_SPEECH_WORDS else None


def unclosed(text: str, start: int, stop: int, kind: str) -> Raw:
    """A quote with no closing mark: up to `stop`, or up to a ", ha detto X" inside it."""
    end = rstrip(text, start + 1, stop)
    forgotten = quote_cues().forgotten_close.search(text, start + 1, end)
    if forgotten:
        end = forgotten.start()
    return Raw(start, end, False, kind=kind)


def rstrip(text: str, start: int, end: int) -> int:
    """`end` moved left past trailing whitespace, never before `start`."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return end
