"""Letters folded as users type them: 'bodo' for Bodø, 'perche' for Perché, 'gross' for Groß.

Two folds, one table (db.SEARCH_FOLDS, the letters Unicode does not decompose):
- `index_fold` replaces only those letters: it is what the search index holds (FTS5's unicode61 then folds
  case and the other accents itself), so it must stay exactly what the entries_search view computes in SQL;
- `fold` folds everything (those letters, every accent, case), for matching in Python: the reader's find,
  and the marks of a search result. `FoldedText` keeps the way back to offsets of the original text, where
  one letter became two ('ß' → 'ss') or none changed length at all (the common case, at no cost).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from reader.store.db import SEARCH_FOLDS, fold_pairs

_PAIRS = fold_pairs(SEARCH_FOLDS)
_INDEX_TABLE = {ord(letter): replacement for letter, replacement in _PAIRS}
_SPECIAL = re.compile("[" + "".join(letter for letter, _ in _PAIRS) + "]")


def index_fold(text: str) -> str:
    """The text as the search index holds it: the letters of SEARCH_FOLDS replaced, nothing else."""
    if text.isascii() or _SPECIAL.search(text) is None:  # nearly every Italian text: no copy made
        return text
    return text.translate(_INDEX_TABLE)


def _fold_char(ch: str) -> str:
    """One character fully folded: table letters replaced, accents dropped, lower case; never empty."""
    replaced = _INDEX_TABLE.get(ord(ch), ch)
    bare = "".join(c for c in unicodedata.normalize("NFD", replaced) if not unicodedata.combining(c))
    return bare.lower() or ch  # a lone combining mark stays itself, so that no character folds to nothing


class _FoldTable(dict[str, str]):
    """Each non-ASCII character's fold, filled on first sight."""

    def __missing__(self, ch: str) -> str:
        folded = self[ch] = _fold_char(ch)
        return folded


_FOLD_TABLE = _FoldTable()
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _fold_match(found: re.Match[str]) -> str:
    return _FOLD_TABLE[found.group()]


def fold(text: str) -> str:
    """Letters, accents and case folded: what a user's 'Bodo', 'BODØ' and 'bodø' have in common."""
    if text.isascii():
        return text.lower()
    # Only the rare non-ASCII characters go through Python (3 times faster than str.translate on
    # Italian text); the table's folds are lower case already, so lower() changes ASCII alone.
    return _NON_ASCII.sub(_fold_match, text).lower()


@dataclass(frozen=True, slots=True)
class FoldedText:
    """A text folded, with the way back to the original's offsets."""

    original: str
    text: str
    # Where each folded character's original character starts, when some folded to more than one
    # (no character folds to none: see _fold_char); None when the offsets are the same.
    _origins: tuple[int, ...] | None

    @classmethod
    def of(cls, original: str) -> FoldedText:
        """Fold `original`, keeping its offsets."""
        folded = fold(original)
        if len(folded) == len(original):  # each character folded to exactly one
            return cls(original, folded, None)
        origins: list[int] = []
        for index, ch in enumerate(original):
            origins.extend([index] * len(fold(ch)))
        return cls(original, folded, tuple(origins))

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The range of the original text that folded into text[start:end] (whole characters of it)."""
        if self._origins is None or start >= end:
            return start, end
        # Every original character folded to one or more: the range ends right after the last one's.
        return self._origins[start], self._origins[end - 1] + 1
