"""The fixture an article is about and the article's kind, from its title and its lead.

A fixture is two teams joined by a hyphen or dash (Inter-Kairat Almaty, Milan - Lazio) or by "vs", or named
in "la sfida tra X e Y"; each side is the longest run of words next to the separator that the gazetteer knows
as a team (`names.teams.canonical_team`), and a score right after it ("Juventus-Torino 2-1") is kept. The kind comes
from the title's words first (pagelle, calciomercato, conferenza stampa, probabili formazioni...), then from a
score (cronaca), a "Name: «…»" title (intervista), the lead's words, and how much of the text is direct speech.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from reader.annotate.model import ArticleKind, Match
from reader.annotate.quotes import find_quotes

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

_KIND_WORDS: tuple[tuple[ArticleKind, str], ...] = (
    ("pagelle", r"\bpagell[ae]\b|\bvoti\b|\btop (?:e|&) flop\b"),
    ("mercato", r"\bcalciomercato\b|\bmercato\b|\btrattativ[ae]\b|\bufficiale\b|\bufficialità\b|\bvisite mediche\b"
                r"|\bcessione\b|\brinnovo\b|\bclausola\b|\btrasferimento\b|\bingaggio\b"),
    ("intervista", r"\bintervista\b|\bconferenza\b|\bdichiarazioni\b|\bmicrofoni\b|\bha parlato\b|\ble parole\b"),
    ("anteprima", r"\bprobabili formazioni\b|\bprobabile formazione\b|\bvigilia\b|^verso\b|\banteprima\b"
                  r"|\bdove vederla\b|\bdove vedere\b|\bpre-?partita\b|\bconvocati\b|\bin tv\b|\bdiretta tv\b"),
    ("cronaca", r"\bcronaca\b|\btabellino\b|\bbatte\b|\bvince\b|\bstende\b|\btravolge\b|\bespugna\b|\bpareggia\b"
                r"|\bpareggio\b|\brimonta\b|\bsconfitta\b|\bcrolla\b|\bsbanca\b|\bpiega\b|\bsupera\b|\bfrena\b"),
)
# The lead speaks of many things in passing: only unmistakable words count there.
_LEAD_WORDS: tuple[tuple[ArticleKind, str], ...] = (
    ("pagelle", r"\bpagelle\b"),
    ("mercato", r"\bcalciomercato\b|\btrattativa\b|\bvisite mediche\b"),
    ("intervista", r"\bintervista\b|\bin conferenza stampa\b"),
    ("anteprima", r"\bprobabili formazioni\b|\bdove vederla\b|\bdiretta tv\b"),
)
_KINDS = tuple((kind, re.compile(pattern, re.IGNORECASE)) for kind, pattern in _KIND_WORDS)
_LEAD_KINDS = tuple((kind, re.compile(pattern, re.IGNORECASE)) for kind, pattern in _LEAD_WORDS)
_TITLE_SPEECH = re.compile(r"^[^«“\"]{2,60}:[^\S\n]*[«“\"]")
_INTERVIEW_SHARE = 0.5


def find_match(texts: tuple[str, ...], resolve: Resolver) -> Match | None:
    """The first fixture named in `texts` (title, then lead), with canonical team names."""
    for text in texts:
        found = _dashed(text, resolve) or _between(text, resolve)
        if found:
            return found
    return None


def article_kind(title: str, lead: str, match: Match | None, speech_share: float) -> ArticleKind:
    """anteprima, intervista, cronaca, pagelle, mercato or altro."""
    for kind, pattern in _KINDS:
        if pattern.search(title):
            return kind
    if match and match.score:
        return "cronaca"
    if _TITLE_SPEECH.search(title) and find_quotes(title):
        return "intervista"
    for kind, pattern in _LEAD_KINDS:
        if pattern.search(lead):
            return kind
    return "intervista" if speech_share >= _INTERVIEW_SHARE else "altro"


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
