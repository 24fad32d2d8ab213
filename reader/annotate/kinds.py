"""The kind of an article, read from the whole of it: anteprima, intervista, conferenza, cronaca, pagelle,
mercato, rassegna or altro.

Each kind scores the words of data/kinds.tsv found in the title (they weigh most), the lead and the body,
and what the text's shape says: marks after names (pagelle), a score in the title (cronaca), answers after
questions (intervista), topic labels (conferenza, or rassegna when they name newspapers), many newspapers
(rassegna), a title that quotes someone or a text mostly of quotes (intervista). The best score wins; with
no kind scoring enough, the article is "altro".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import Protocol

from reader.annotate.model import ARTICLE_KINDS, ArticleKind, Match
from reader.annotate.quotes import find_quotes, paragraphs
from reader.annotate.speech import TOPIC_LABEL, alternatives, speech_words

KINDS_FILE = Path(__file__).with_name("data") / "kinds.tsv"
PARTS = ("title", "lead", "body")
BODY_CAP = 3
BODY_CHARS = 3_000  # the kind shows in an article's first pages: a long one is not read to its end for it
MIN_SCORE = 3
_TITLE_SPEECH = re.compile(r"^[^«“\"]{2,60}:[^\S\n]*[«“\"]")
_SPEECH_SHARE = 0.5
_PLAIN = re.compile(r"[\w' ]+")
_Patterns = dict[str, list[tuple[ArticleKind, int, re.Pattern[str]]]]


class Spanned(Protocol):
    """A quote, as far as the kind goes: where it starts and ends."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


def read_kinds(lines: Iterable[str]) -> _Patterns:
    """The data file's patterns by part: (kind, weight, pattern)."""
    found: _Patterns = {part: [] for part in PARTS}
    for line in lines:
        if not line.strip() or line.startswith("#"):
            continue
        kind, part, weight, pattern = line.rstrip("\n").split("\t")
        if kind not in ARTICLE_KINDS or part not in PARTS:
            raise ValueError(f"{KINDS_FILE.name}: unknown kind or part in {line!r}")
        found[part].append((kind, int(weight), re.compile(pattern, re.IGNORECASE)))
    return found


@cache
def kind_patterns() -> _Patterns:
    with KINDS_FILE.open(encoding="utf-8") as handle:
        return read_kinds(handle)


@cache
def body_pattern() -> tuple[re.Pattern[str], dict[str, list[int]], list[tuple[int, re.Pattern[str]]]]:
    """The body's words as one trie regex, the lines each word counts for, and the lines' other patterns
    ("al \\d{1,2}'"): one cheap pass for every kind's words instead of one pass a kind."""
    words: dict[str, list[int]] = {}
    others: list[tuple[int, re.Pattern[str]]] = []
    for line, (_, _, pattern) in enumerate(kind_patterns()["body"]):
        for alternative in pattern.pattern.split("|"):
            plain = alternative.removeprefix(r"\b").removesuffix(r"\b")
            if _PLAIN.fullmatch(plain):
                words.setdefault(plain.lower(), []).append(line)
            else:
                others.append((line, re.compile(alternative, re.IGNORECASE)))
    return re.compile(rf"\b(?:{alternatives(words)})\b", re.IGNORECASE), words, others


def article_kind(title: str, lead: str, text: str, *, quotes: Sequence[Spanned] = (), match: Match | None = None,
                 marks: int = 0, body: bool = True) -> ArticleKind:
    """The kind of the article whose title, lead and whole text are given, with its quotes, match and marks;
    `body=False` when `text` is only the lead (a preview's kind: the lead's words must not count twice)."""
    scores = dict.fromkeys(ARTICLE_KINDS, 0)
    patterns = kind_patterns()
    for part, where in (("title", title), ("lead", lead)):
        for kind, weight, pattern in patterns[part]:
            scores[kind] += weight * bool(pattern.search(where))
    trie, words, others = body_pattern()
    lines = patterns["body"]
    hits = [0] * len(lines)
    for found in trie.finditer(text, 0, BODY_CHARS if body else 0):
        for line in words[" ".join(found.group().lower().split())]:
            hits[line] += 1
    for line, pattern in others:
        hits[line] += len(pattern.findall(text, 0, BODY_CHARS if body else 0))
    for (kind, weight, _), count in zip(lines, hits, strict=True):
        scores[kind] += weight * min(count, BODY_CAP)
    _shape(scores, title, text, quotes, match, marks)
    best = max(ARTICLE_KINDS, key=lambda kind: scores[kind])
    return best if scores[best] >= MIN_SCORE else "altro"


def _shape(scores: dict[ArticleKind, int], title: str, text: str, quotes: Sequence[Spanned], match: Match | None,
           marks: int) -> None:
    """What the text's shape adds to the scores."""
    if marks >= 3:
        scores["pagelle"] += 6 + min(marks, 10)
    if match and match.score:
        scores["cronaca"] += 5
    answers, labels, review_labels = _structure(text[:BODY_CHARS])
    if answers >= 2:
        scores["intervista"] += 2 + answers
        scores["conferenza"] += answers
    if labels >= 2:
        scores["conferenza"] += 2 + labels
    if review_labels >= 1:
        scores["rassegna"] += 4 + 2 * review_labels
    newspapers = sum(1 for m in speech_words().source.finditer(text, 0, BODY_CHARS) if m.group()[0].isupper())
    if newspapers >= 3:
        scores["rassegna"] += 2 + newspapers
    speaking = 3 * bool(_TITLE_SPEECH.search(title) and find_quotes(title))  # "Barella: «…»"
    share = sum(q.end - q.start for q in quotes) / (len(text.strip()) or 1)
    speaking += 3 * (share >= _SPEECH_SHARE)
    scores["intervista"] += speaking  # someone speaks: an interview or a press conference, the words tell which
    scores["conferenza"] += speaking


def _structure(text: str) -> tuple[int, int, int]:
    """(answers after a question paragraph, paragraphs opening with a topic label, labels naming newspapers)."""
    answers = labels = review = 0
    previous = ""
    source = speech_words().source
    for start, end in paragraphs(text):
        paragraph = text[start:end].strip()
        if previous.endswith("?") and len(previous) <= 260 and paragraph[:1] in "«“\"":
            answers += 1
        label = TOPIC_LABEL.match(text, start, end)
        if label and (text[label.end():label.end() + 1] in "«“\"" or source.search(label.group("label"))):
            if source.search(label.group("label")):
                review += 1
            else:
                labels += 1
        previous = paragraph
    return answers, labels, review
