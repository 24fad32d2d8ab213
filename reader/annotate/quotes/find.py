"""find_quotes: every span of direct speech in a text, paragraph by paragraph, in one pass.

A quote over several paragraphs (each reopening it, going on after "(...)" or "[...]", or closing it with
no opening mark) is one group of pieces. An attribution between dashes inside a quote ("… - ha detto in
conferenza - …") cuts it into two pieces of one group, the attribution outside both. Scare quotes, titles
and banners are left out, unless a speech cue shows that the words are someone's: the attribution wins.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from reader.annotate.quotes.cues import quote_cues
from reader.annotate.quotes.scan import MISSING_OPEN, Raw, rstrip, scan
from reader.annotate.speech import ELLIPSIS, speech_words

PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n\s*")
SCARE_MAX_WORDS = 3
MAX_QUOTES = 400
SCAN_FACTOR = 4
_SENTENCE_PUNCT = re.compile(r"[.!?…;]")
_WORD = re.compile(r"\w+")
_PIECE_START = re.compile(r"[\s,.;:]*")


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """One piece of direct speech; pieces of one quote share `group`; `depth` 1 lies inside another quote."""

    start: int
    end: int
    group: int
    paragraph: int
    closed: bool
    depth: int = 0


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each paragraph: text between blank lines."""
    start = 0
    for brk in PARAGRAPH_BREAK.finditer(text):
        yield start, brk.start()
        start = brk.end()
    yield start, len(text)


def find_quotes(text: str, limit: int = MAX_QUOTES) -> list[QuoteSpan]:
    """Every span of direct speech in `text`, in order; a span lies wholly inside another or apart from it.

    At most `limit` spans, read from at most SCAN_FACTOR times as many quoted spans: what a text full of
    quotation marks may cost stays bounded (an article holds a few dozen quotes).
    """
    spans: list[QuoteSpan] = []
    group, current, carried = 0, 0, ""  # the last number given, the last top-level quote's, the open kind
    budget = limit * SCAN_FACTOR
    for number, (start, end) in enumerate(paragraphs(text)):
        if len(spans) >= limit or budget <= 0:
            break
        first = _first_char(text, start, end)
        goes_on = bool(carried) and ELLIPSIS.match(text, first) is not None
        raws = scan(text, start, end, (first, carried) if goes_on else None, budget)
        budget -= len(raws)
        tops = [raw for raw in raws if raw.depth == 0]
        outer: Raw | None = None
        for raw in raws:
            if raw.depth:
                if outer is not None and _is_speech_inside(text, raw, outer):
                    group += 1
                    spans.append(QuoteSpan(raw.start, raw.end, group, number, raw.closed, 1))
                continue
            outer = raw
            continues = raw is tops[0] and bool(carried) and (raw.start == first or raw.kind == MISSING_OPEN)
            if not continues:
                group += 1
                current = group
            pieces = split_dashed(text, raw.start, raw.end)
            if len(pieces) == 1 and raw.closed and raw.kind != MISSING_OPEN and (
                    is_scare(text, raw.start, raw.end, start, end) or is_title(text, raw.start, raw.end, start, end)):
                continue
            spans.extend(QuoteSpan(s, e, current, number, raw.closed) for s, e in pieces)
        last = tops[-1] if tops else None
        carried = last.kind if last and not last.closed and rstrip(text, start, end) == last.end else ""
    return spans[:limit]


def is_scare(text: str, start: int, end: int, p_start: int, p_end: int) -> bool:
    """A quoted term, not speech: a few words, no sentence punctuation, no speech cue around it."""
    inner = text[start + 1:end - 1]
    if len(_WORD.findall(inner)) > SCARE_MAX_WORDS or _SENTENCE_PUNCT.search(inner):
        return False
    cues = quote_cues()
    before = text[max(p_start, start - 60):start]
    return not (cues.before.search(before) or cues.after.match(text, end, p_end)
                or cues.pointed.match(text, end, p_end))


def is_title(text: str, start: int, end: int, p_start: int, p_end: int) -> bool:
    """The name of a work (il libro "…") or a banner's words (lo striscione (della Curva): «…»), announced
    as such; for a banner, unless a speech cue follows the quote or sits between the word and the quote."""
    cues = quote_cues()
    lo = max(p_start, start - 80)
    near = max(lo, start - 40)
    if cues.work_before.search(text, near, start) or cues.work_clause.search(text, lo, start):
        return True
    banner = cues.banner_before.search(text, near, start) or cues.banner_clause.search(text, lo, start)
    if not banner or cues.after.match(text, end, p_end):
        return False
    return not speech_words().verb.search(text, banner.start(), start)


def split_dashed(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The pieces of a quote cut by attributions between dashes ("… - ha aggiunto - …"), or the quote whole."""
    verb = speech_words().verb
    pieces: list[tuple[int, int]] = []
    position = start
    for dashed in quote_cues().dashed.finditer(text, start + 1, end):
        if not verb.search(dashed.group("attr")):
            continue
        left = rstrip(text, position, dashed.start())
        right = _PIECE_START.match(text, dashed.end()).end()  # type: ignore[union-attr]
        if left - position > 1 and end - right > 1:
            pieces.append((position, left))
            position = right
    pieces.append((position, end))
    return pieces


def _is_speech_inside(text: str, raw: Raw, outer: Raw) -> bool:
    """A quote inside a quote counts when a cue introduces it (Chivu ha detto: «…») and it is no scare quote."""
    if not raw.closed or not outer.start <= raw.start < raw.end <= outer.end:
        return False
    cues = quote_cues()
    before = text[max(outer.start + 1, raw.start - 60):raw.start]
    cued = cues.before.search(before) or cues.after.match(text, raw.end, outer.end)
    inner = text[raw.start + 1:raw.end - 1]
    sentence = len(_WORD.findall(inner)) > SCARE_MAX_WORDS or _SENTENCE_PUNCT.search(inner)
    return bool(cued and sentence) and not is_title(text, raw.start, raw.end, outer.start, outer.end)


def _first_char(text: str, start: int, end: int) -> int:
    while start < end and text[start].isspace():
        start += 1
    return start
