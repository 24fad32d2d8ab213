"""The fixture an article is about, from its title and its lead (the article's kind is `kinds`).

A fixture is two teams joined by a hyphen or dash (Inter-Kairat Almaty, Milan - Lazio) or by "vs", or named
in "la sfida tra X e Y"; each side is the longest run of words next to the separator that the gazetteer knows
as a team (`names.teams.canonical_team`), and a score right after it ("Juventus-Torino 2-1") is kept.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from reader.annotate.model import Match

_SEPARATOR = re.compile(r"[^\S\n]*[-–—][^\S\n]*|[^\S\n]+(?:vs\.?|v\.)[^\S\n]+", re.IGNORECASE)
_ARTICLE = r"(?:il[^\S\n]+|la[^\S\n]+|lo[^\S\n]+|l[’'])?"
_BETWEEN = re.compile(rf"\b(?:sfida|gara|partita|match|derby|incrocio)(?:[^\S\n]+\w+){{0,2}}?[^\S\n]+(?:tra|fra)"
                      rf"[^\S\n]+{_ARTICLE}(?P<home>[^,.;:!?]{{2,40}}?)[^\S\n]+e[^\S\n]+{_ARTICLE}"
                      r"(?P<away>[^,.;:!?]{2,40})", re.IGNORECASE)
_SCORE = re.compile(r"[^\S\n]*(\d{1,2})[^\S\n]*[-–][^\S\n]*(\d{1,2})\b")
_CLAUSE_BREAK = re.compile(r"[,.;:!?«»“”\"()|\n]|\d")
_WORD_START = re.compile(r"(?:^|(?<=[\s’'/]))\S")
_MAX_SIDE = 40

Resolver = Callable[[str], str | None]

def find_match(texts: tuple[str, ...], resolve: Resolver) -> Match | None:
    """The first fixture named in `texts` (title, then lead), with canonical team names."""
    for text in texts:
        found = _dashed(text, resolve) or _between(text, resolve)
        if found:
            return found
    return None


def _dashed(text: str, resolve: Resolver) -> Match | None:
    """Home-Away, Home - Away, Home vs Away, with the score after it if any."""
    for sep in _SEPARATOR.finditer(text):
        home = _side(_left_candidates(text, sep.start()), resolve)
        away_side = _side_with_end(_right_candidates(text, sep.end()), resolve)
        if home and away_side:
            away, end = away_side
            score = _SCORE.match(text, end)
            return Match(home, away, f"{score.group(1)}-{score.group(2)}" if score else None)
    return None


def _between(text: str, resolve: Resolver) -> Match | None:
    """'la sfida tra Juventus e Napoli'."""
    found = _BETWEEN.search(text)
    if found is None:
        return None
    home = _side(_left_candidates(found.group("home"), len(found.group("home"))), resolve)
    away = _side_with_end(_right_candidates(found.group("away"), 0), resolve)
    return Match(home, away[0]) if home and away else None


def _left_candidates(text: str, end: int) -> list[str]:
    """Runs of words ending at `end` (back to a clause break), longest first."""
    lo = max(0, end - _MAX_SIDE)
    breaks = list(_CLAUSE_BREAK.finditer(text, lo, end))
    lo = breaks[-1].end() if breaks else lo
    starts = [m.start() for m in _WORD_START.finditer(text, lo, end)]
    return [text[s:end].strip() for s in starts]


def _right_candidates(text: str, start: int) -> list[tuple[str, int]]:
    """Runs of words starting at `start` (up to a clause break), longest first, with their ends."""
    hi = min(len(text), start + _MAX_SIDE)
    stop = _CLAUSE_BREAK.search(text, start, hi)
    hi = stop.start() if stop else hi
    ends = [m.start() for m in re.finditer(r"(?=[\s/-])|$", text[start:hi])]
    return [(text[start:start + e].strip(), start + e) for e in sorted(set(ends), reverse=True) if e]


def _side(candidates: list[str], resolve: Resolver) -> str | None:
    for candidate in candidates:
        team = resolve(candidate) if candidate else None
        if team:
            return team
    return None


def _side_with_end(candidates: list[tuple[str, int]], resolve: Resolver) -> tuple[str, int] | None:
    for candidate, end in candidates:
        team = resolve(candidate) if candidate else None
        if team:
            return team, end
    return None
