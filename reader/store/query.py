"""A user's search words -> a Query: a safe FTS5 expression, and the marks of its matches in a text.

Words are AND-ed, "quoted phrases" kept, a trailing * makes a word a prefix; nothing the user types is
FTS5 syntax. A query is capped (MAX_WORDS words, MAX_CHARS characters) and the same term twice counts
once: FTS5's bm25 costs the square of the number of terms, so 200 repeated words took seconds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.store.fold import FoldedText, fold, index_fold

MAX_WORDS = 32
MAX_CHARS = 500

_TOKENS = re.compile(r'"([^"]*)"?|(\S+)')
_WORD = re.compile(r"[^\W_]+")  # letters and digits: what unicode61 makes a token of
# Around a match: not inside a longer word. Between the words of a phrase: anything but a word.
_NOT_AFTER_WORD = r"(?<![^\W_])"
_NOT_BEFORE_WORD = r"(?![^\W_])"
_GAP = r"[\W_]+"


class QueryTooLong(ValueError):
    """The search has more words or characters than a search may have."""

    def __init__(self, words: int, chars: int) -> None:
        super().__init__(f"a search has at most {MAX_WORDS} words and {MAX_CHARS} characters")
        self.words = words
        self.chars = chars
        self.max_words = MAX_WORDS
        self.max_chars = MAX_CHARS


@dataclass(frozen=True, slots=True)
class Term:
    """One word or phrase of a query, its last word a prefix or not; words as the index holds them."""

    words: tuple[str, ...]
    prefix: bool = False

    @classmethod
    def of(cls, words: tuple[str, ...], prefix: bool = False) -> Term:
        """The term of words as typed: index-folded and in lower case, so 'Bodø' and 'bodo' are one term."""
        return cls(tuple(index_fold(word).lower() for word in words), prefix)

    def fts(self) -> str:
        """The term in FTS5 syntax: a quoted string, a star after it for a prefix."""
        quoted = '"' + " ".join(self.words) + '"'
        return quoted + "*" if self.prefix else quoted

    def pattern(self) -> str:
        """A regex for the term over folded text, from the start of a word: whole words only, the last one
        open for a prefix (the regex of the query checks that no word goes on before it)."""
        body = _GAP.join(re.escape(fold(word)) for word in self.words)
        return body + (r"[^\W_]*" if self.prefix else _NOT_BEFORE_WORD)


@dataclass(frozen=True, slots=True)
class Query:
    """The distinct terms of a search, in the order typed."""

    terms: tuple[Term, ...]
    _regex: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Longest first, so that a phrase wins over its own first word at the same place; each term is
        # a named group, so that a match says which term it is.
        patterns = sorted(((term.pattern(), n) for n, term in enumerate(self.terms)),
                          key=lambda item: len(item[0]), reverse=True)
        alternatives = "|".join(f"(?P<t{n}>{pattern})" for pattern, n in patterns)
        regex = re.compile(f"{_NOT_AFTER_WORD}(?:{alternatives})" if alternatives else "(?!)")
        object.__setattr__(self, "_regex", regex)

    def match(self) -> str:
        """The FTS5 MATCH expression: every term required."""
        return " ".join(term.fts() for term in self.terms)

    def marks(self, text: str) -> tuple[tuple[int, int], ...]:
        """The ranges of `text` where a term occurs, as FTS5 would match them (case and accents aside)."""
        if not self.terms or not text:
            return ()
        folded = FoldedText.of(text)
        return tuple(folded.span(*found.span()) for found in self._regex.finditer(folded.text))

    def scan(self, folded: str) -> tuple[int, tuple[int, int] | None]:
        """How many distinct terms occur in a folded text, and where the first match is (in one pass,
        which stops once every term has been seen)."""
        seen: set[str | None] = set()
        first = None
        for found in self._regex.finditer(folded):
            first = first or found.span()
            seen.add(found.lastgroup)
            if len(seen) == len(self.terms):
                break
        return len(seen), first


def parse(text: str) -> Query:
    """The query a user's text asks for (raises QueryTooLong past the caps; no terms for no words)."""
    if len(text) > MAX_CHARS:
        raise QueryTooLong(words=len(text.split()), chars=len(text))
    terms: dict[Term, None] = {}  # ordered, and the same term twice is one
    words = 0
    for phrase, token in _TOKENS.findall(text):
        found = tuple(_WORD.findall(phrase or token))
        words += len(found)
        if words > MAX_WORDS:
            raise QueryTooLong(words=len(_WORD.findall(text)), chars=len(text))
        if not found:
            continue
        if phrase:
            terms[Term.of(found)] = None
            continue
        # A bare token may hold several words ("l'Inter", "3-1"): each is a term, the last one the prefix.
        for word in found[:-1]:
            terms[Term.of((word,))] = None
        terms[Term.of((found[-1],), prefix=token.endswith("*"))] = None
    return Query(tuple(terms))
