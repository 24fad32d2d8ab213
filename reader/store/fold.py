"""Case and accents folded for matching in Python: 'perche' for Perché, 'calhanoglu' for Çalhanoğlu.

`fold` is used for the marks of a search result (FTS5's unicode61 folds the index the same way), and
`FoldedText` keeps the way back to offsets of the original text.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass


def _fold_char(ch: str) -> str:
    """One character folded: accents dropped, lower case; never empty."""
    bare = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
    return bare.lower() or ch  # a lone combining mark stays itself, so that no character folds to nothing


class _FoldTable(dict[int, str]):
    """str.translate's table for `fold`, filled on first sight of each character."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = _fold_char(chr(code))
        return folded


_FOLD_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Accents and case folded: what a user's 'Perche', 'PERCHÉ' and 'perché' have in common."""
    return text.translate(_FOLD_TABLE)


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
            origins.extend([index] * len(_FOLD_TABLE[ord(ch)]))
        return cls(original, folded, tuple(origins))

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The range of the original text that folded into text[start:end] (whole characters of it)."""
        if self._origins is None or start >= end:
            return start, end
        # Every original character folded to one or more: the range ends right after the last one's.
        return self._origins[start], self._origins[end - 1] + 1
