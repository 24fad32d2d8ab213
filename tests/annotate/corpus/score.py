"""An annotator scored against gold documents: every figure of issue 13's table.

Quotes per character and per span (a found span matches a gold one at Jaccard >= 0.9, one to one); the
speaker right rate over the gold quotes that were found (overlapped by a found quote: the one that overlaps
most is taken); persons (players and coaches alike) and teams by exact span; the person a gold span names
where the gold says it; pagelle marks by exact span; kinds and matches as agreement; and person recall on
the older texts (class `older`).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from reader.annotate import Annotation
from tests.annotate.corpus.gold import Document, Span

JACCARD = 0.9
_FOLD = str.maketrans({"ø": "o", "ı": "i", "đ": "d", "ł": "l", "ß": "ss"})


@dataclass(slots=True)
class Score:
    """True positives, false positives and false negatives, with the examples behind the last two."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    false: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, doc: str, text: str, gold: Iterable[Span], found: Iterable[Span]) -> None:
        """Count one document's spans (or characters, as one-character spans) by exact match."""
        gold_set, found_set = set(gold), set(found)
        self.count(doc, text, gold_set & found_set, gold_set - found_set, found_set - gold_set)

    def count(self, doc: str, text: str, matched: Iterable[Span], missed: Iterable[Span],
              false: Iterable[Span]) -> None:
        matched, missed, false = list(matched), sorted(missed), sorted(false)
        self.tp += len(matched)
        self.fp += len(false)
        self.fn += len(missed)
        self.false += [f"{doc}: {text[s:e]!r} @{s}" for s, e in false if e - s > 1]
        self.missed += [f"{doc}: {text[s:e]!r} @{s}" for s, e in missed if e - s > 1]


@dataclass(slots=True)
class Speaker:
    """One gold quote: who says it, and what the annotator said (None: no speaker; found=False: no quote)."""

    where: str
    gold: str | None
    found: bool
    said: str | None
    classes: tuple[str, ...] = ()

    @property
    def right(self) -> bool:
        return self.found and fold(self.gold) == fold(self.said)


@dataclass(slots=True)
class Report:
    """The corpus figures."""

    quotes: Score = field(default_factory=Score)
    quote_spans: Score = field(default_factory=Score)
    persons: Score = field(default_factory=Score)
    teams: Score = field(default_factory=Score)
    marks: Score = field(default_factory=Score)
    older: Score = field(default_factory=Score)
    speakers: list[Speaker] = field(default_factory=list)
    canonical: list[tuple[str, str, str | None]] = field(default_factory=list)
    matches: list[tuple[str, str, str]] = field(default_factory=list)
    kinds: list[tuple[str, str, str]] = field(default_factory=list)

    @staticmethod
    def accuracy(pairs: Iterable[tuple[str, str | None, str | None]]) -> float:
        pairs = list(pairs)
        return sum(1 for _, gold, found in pairs if fold(gold) == fold(found)) / len(pairs) if pairs else 1.0

    def speaker_rate(self) -> float:
        """Speakers right over the gold quotes that were found."""
        found = [s for s in self.speakers if s.found]
        return sum(s.right for s in found) / len(found) if found else 1.0

    def speaker_counts(self) -> tuple[int, int, int, int]:
        """(found, right, found with no speaker although the gold has one, wrong speaker)."""
        found = [s for s in self.speakers if s.found]
        silent = sum(1 for s in found if s.gold and not s.said)
        return len(found), sum(s.right for s in found), silent, len(found) - sum(s.right for s in found) - silent


def fold(name: str | None) -> str:
    """A name compared without case or accents."""
    if name is None:
        return ""
    decomposed = unicodedata.normalize("NFKD", name.casefold().translate(_FOLD))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def evaluate(annotate: Callable[[str], Annotation], documents: Iterable[Document]) -> Report:
    """Score `annotate` over the documents."""
    report = Report()
    for doc in documents:
        score_document(report, doc, annotate(doc.text))
    return report


def score_document(report: Report, doc: Document, found: Annotation) -> None:
    text = doc.text
    gold_chars = {(i, i + 1) for s, e, _ in doc.quotes for i in range(s, e)}
    found_chars = {(i, i + 1) for q in found.quotes for i in range(q.start, q.end)}
    report.quotes.add(doc.id, text, gold_chars, found_chars)
    _score_spans(report.quote_spans, doc, [(s, e) for s, e, _ in doc.quotes], [(q.start, q.end) for q in found.quotes])
    persons = [(e.start, e.end) for e in found.entities if e.kind != "team"]
    report.persons.add(doc.id, text, doc.persons, persons)
    if "older" in doc.classes:
        report.older.add(doc.id, text, doc.persons, persons)
    report.teams.add(doc.id, text, doc.teams, [(e.start, e.end) for e in found.entities if e.kind == "team"])
    if doc.marks or doc.fields.get("kind") == "pagelle":
        report.marks.add(doc.id, text, doc.marks, [(m.start, m.end) for m in getattr(found, "marks", ())])
    by_span = {(e.start, e.end): e.canonical for e in found.entities}
    report.canonical += [(f"{doc.id}@{s}", who, by_span.get((s, e))) for (s, e), who in doc.canonical.items()]
    for start, end, speaker in doc.quotes:
        best = max(found.quotes, key=lambda q: _jaccard((start, end), (q.start, q.end)), default=None)
        hit = best is not None and best.start < end and start < best.end
        report.speakers.append(Speaker(f"{doc.id}@{start} {text[start:start + 40]!r}", speaker, hit,
                                       best.speaker if hit and best else None, doc.classes))
    if "match" in doc.fields:
        label = found.match.label().replace("–", " - ") if found.match else "none"
        report.matches.append((doc.id, doc.fields["match"], label))
    if "kind" in doc.fields:
        report.kinds.append((doc.id, doc.fields["kind"], found.kind))


def _score_spans(score: Score, doc: Document, gold: list[Span], found: list[Span]) -> None:
    """One to one, each gold span taking the found span of highest Jaccard, if at least JACCARD."""
    free = set(found)
    matched, missed = [], []
    for span in gold:
        best = max(free, key=lambda f: _jaccard(span, f), default=None)
        if best is not None and _jaccard(span, best) >= JACCARD:
            matched.append(span)
            free.discard(best)
        else:
            missed.append(span)
    score.count(doc.id, doc.text, matched, missed, free)


def _jaccard(a: Span, b: Span) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union else 0.0
