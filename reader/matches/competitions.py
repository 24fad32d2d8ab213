"""The competitions: openfootball's codes, the names shown, and the competition an article names.

data/competitions.tsv lists them. A title names a competition when one of its cues is there as whole words
(accents and case folded); the feed's categories are read the same way when the title names none.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from reader.annotate.gazetteer import fold_key
from reader.matches.tables import read_table

FRIENDLY = "friendly"
# Competitions whose name in a title rules out a fixture of another one: a cup tie or a friendly between
# two league rivals is another match. A league preview often names the European cup in passing ("tra
# Champions e campionato"), so the European competitions only prefer their own fixtures.
EXCLUSIVE = frozenset({"it.cup", "it.super", FRIENDLY})


def competition_name(code: str) -> str:
    """The name shown for a competition code (the code itself when unknown)."""
    return _names().get(code, code)


def known_codes() -> tuple[str, ...]:
    """Every competition code of the table, in its order."""
    return tuple(_names())


def named_competition(title: str, categories: Iterable[str] = ()) -> str | None:
    """The competition the title names (the first one), else the one the categories name (when only one)."""
    in_title = _found(fold_key(title))
    if in_title:
        return in_title[0]
    in_categories = {code for category in categories for code in _found(fold_key(category))}
    return in_categories.pop() if len(in_categories) == 1 else None


def _found(folded: str) -> list[str]:
    """The codes named in folded text, in the order they appear."""
    return [_by_cue()[m.group(0)] for m in _pattern().finditer(folded)]


@cache
def _names() -> dict[str, str]:
    return {row["code"]: row["name"] for row in read_table("competitions.tsv")}


@cache
def _by_cue() -> dict[str, str]:
    return {fold_key(cue): row["code"] for row in read_table("competitions.tsv") for cue in row["cues"].split("|")}


@cache
def _pattern() -> re.Pattern[str]:
    cues = sorted(_by_cue(), key=len, reverse=True)  # the longest cue first: "champions league", not "champions"
    return re.compile(r"(?<!\S)(?:" + "|".join(re.escape(c) for c in cues) + r")(?!\S)")
