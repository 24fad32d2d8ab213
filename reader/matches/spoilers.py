"""No spoilers: a match's score and its ratings stay hidden, in its row and in its articles' titles, until
it is marked as watched. Opt-in: for every match with `[settings] no_spoilers = true`, or for one match
marked 'no spoilers'; a watched match shows everything.

A title from after the kick-off (a report, the ratings, the interviews, the referee's review, a comment)
tells the result in its words as much as in its score ("Conte espugna lo Stadium"), so it is replaced
whole by the match and the stage; a title from before keeps its words, with any score or mark masked.
"""

from __future__ import annotations

import re

from reader.matches.model import MatchView
from reader.matches.stages import stage_name
from reader.store.marks import MatchMarks

HIDDEN = "–"  # what stands for a hidden score or mark
AFTER_KICKOFF = frozenset({"cronaca", "pagelle", "interviste", "moviola", "commenti"})
# Two numbers joined by a dash, but not a formation (3-5-2), a season (2026-27) or a time.
_SCORE = re.compile(r"(?<![\w:/.,–-])(?<![-–] )\d{1,2}[^\S\n]*[-–][^\S\n]*\d{1,2}(?![^\S\n]*[-–][^\S\n]*\d)"
                    r"(?!\w|[.,]\d)")
_MARK = re.compile(r"\b(?P<word>voto|da)[^\S\n]+\d{1,2}(?:[.,]5)?\b", re.IGNORECASE)


def is_hidden(marks: MatchMarks | None, no_spoilers: bool) -> bool:
    """Whether a match with these marks shows its result: not while unwatched and no spoilers is on for it."""
    marks = marks or MatchMarks()
    return not marks.watched and (no_spoilers or marks.no_spoilers)


def shown_score(view: MatchView, hidden: bool) -> str | None:
    """The score as the match row shows it: '2-1', the hidden mark when there is one to hide, None before."""
    score = view.score_text()
    return HIDDEN if hidden and score else score


def shown_title(title: str, stage: str, view: MatchView, hidden: bool) -> str:
    """An article's title as shown for its match: whole, or without what tells the result."""
    if not hidden:
        return title
    if stage in AFTER_KICKOFF:
        return f"{view.label()}: {stage_name(stage)}"
    return mask_results(title)


def mask_results(text: str) -> str:
    """The text with scores ('2-1') and marks ('voto 7', 'da 7,5') hidden."""
    text = _SCORE.sub(HIDDEN, text)
    return _MARK.sub(lambda m: f"{m.group('word')} {HIDDEN}", text)
