"""The gold corpus: `articles.txt` read into plain texts and gold spans, and an annotator scored against it.

Quotes are scored per character (a character inside a quote or not), persons (players and coaches alike)
and teams by exact span. See README.md for the markup.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from reader.annotate import Annotation

CORPUS = Path(__file__).with_name("articles.txt")
_HEADER = re.compile(r"^=== (?P<id>[\w-]+)(?P<fields>(?: \| \w+: [^|]*)*)$")
_MATCH = re.compile(r"^(?P<home>.+?) - (?P<away>.+?)(?: (?P<score>\d+-\d+))?$")
_FOLD = str.maketrans({"ø": "o", "ı": "i", "đ": "d", "ł": "l", "ß": "ss"})
Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Document:
    """One article of the corpus, its markup removed, with its gold annotations."""

    id: str
    text: str
    quotes: tuple[tuple[int, int, str | None], ...]
    persons: tuple[Span, ...]
    teams: tuple[Span, ...]
    fields: dict[str, str] = field(default_factory=dict)

    def paragraphs(self) -> list[str]:
        return [p for p in self.text.split("\n\n") if p.strip()]


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
        """Count one document's spans (or characters, as one-character spans)."""
        gold_set, found_set = set(gold), set(found)
        self.tp += len(gold_set & found_set)
        self.fp += len(found_set - gold_set)
        self.fn += len(gold_set - found_set)
        self.false += [f"{doc}: {text[s:e]!r} @{s}" for s, e in sorted(found_set - gold_set)]
        self.missed += [f"{doc}: {text[s:e]!r} @{s}" for s, e in sorted(gold_set - found_set)]


@dataclass(slots=True)
class Report:
    """The corpus figures: quotes, persons, teams, speakers, matches, kinds."""

    quotes: Score = field(default_factory=Score)
    quote_spans: Score = field(default_factory=Score)
    persons: Score = field(default_factory=Score)
    teams: Score = field(default_factory=Score)
    speakers: list[tuple[str, str | None, str | None]] = field(default_factory=list)
    matches: list[tuple[str, str, str]] = field(default_factory=list)
    kinds: list[tuple[str, str, str]] = field(default_factory=list)

    @staticmethod
    def accuracy(pairs: list[tuple[str, str, str]] | list[tuple[str, str | None, str | None]]) -> float:
        return sum(1 for _, gold, found in pairs if fold(gold) == fold(found)) / len(pairs) if pairs else 1.0


def load(path: Path = CORPUS) -> list[Document]:
    """Every document of the corpus file."""
    documents: list[Document] = []
    header: re.Match[str] | None = None
    lines: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        found = _HEADER.match(line)
        if found:
            if header:
                documents.append(parse(header, lines))
            header, lines = found, []
        elif header:
            lines.append(line)
        elif line.strip() and not line.startswith("#"):
            raise ValueError(f"text outside a document: {line!r}")
    if header:
        documents.append(parse(header, lines))
    return documents


def parse(header: re.Match[str], lines: list[str]) -> Document:
    """One document: its header fields and its text with the markup taken out."""
    fields = dict(part.split(": ", 1) for part in header.group("fields").split(" | ")[1:])
    raw = "\n".join(lines).strip("\n")
    raw = "\n".join(line for line in raw.split("\n") if not line.startswith("#")).strip("\n")
    text, quotes, entities = strip_markup(raw)
    persons = tuple((s, e) for s, e, kind in entities if kind in "pc")
    teams = tuple((s, e) for s, e, kind in entities if kind == "t")
    return Document(header.group("id"), text, tuple(quotes), persons, teams, fields)


def strip_markup(raw: str) -> tuple[str, list[tuple[int, int, str | None]], list[tuple[int, int, str]]]:
    """`[p:…]`, `[c:…]`, `[t:…]` and `{speaker|…}` removed; their spans in the plain text."""
    out: list[str] = []
    quotes: list[tuple[int, int, str | None]] = []
    entities: list[tuple[int, int, str]] = []
    entity: tuple[str, int] | None = None
    quote: tuple[str | None, int] | None = None
    i = 0
    while i < len(raw):
        char = raw[i]
        if char == "[" and raw[i + 1:i + 3] in ("p:", "c:", "t:"):
            entity, i = (raw[i + 1], len(out)), i + 3
            continue
        if char == "]" and entity:
            entities.append((entity[1], len(out), entity[0]))
            entity = None
        elif char == "{":
            bar = raw.index("|", i)
            quote, i = (raw[i + 1:bar] or None, len(out)), bar + 1
            continue
        elif char == "}" and quote:
            quotes.append((quote[1], len(out), quote[0]))
            quote = None
        else:
            out.append(char)
        i += 1
    if entity or quote:
        raise ValueError(f"unclosed markup in {raw[:60]!r}")
    return "".join(out), quotes, entities


def fold(name: str | None) -> str:
    """A name compared without case or accents."""
    if name is None:
        return ""
    decomposed = unicodedata.normalize("NFKD", name.casefold().translate(_FOLD))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def evaluate(annotate: Callable[[str], Annotation], documents: list[Document] | None = None) -> Report:
    """Score `annotate` over the corpus."""
    report = Report()
    for doc in documents if documents is not None else load():
        found = annotate(doc.text)
        _score_document(report, doc, found)
    return report


def _score_document(report: Report, doc: Document, found: Annotation) -> None:
    text = doc.text
    gold_chars = {(i, i + 1) for s, e, _ in doc.quotes for i in range(s, e)}
    found_chars = {(i, i + 1) for q in found.quotes for i in range(q.start, q.end)}
    report.quotes.add(doc.id, text, gold_chars, found_chars)
    report.quote_spans.add(doc.id, text, [(s, e) for s, e, _ in doc.quotes], [(q.start, q.end) for q in found.quotes])
    report.persons.add(doc.id, text, doc.persons, [(e.start, e.end) for e in found.entities if e.kind != "team"])
    report.teams.add(doc.id, text, doc.teams, [(e.start, e.end) for e in found.entities if e.kind == "team"])
    for start, end, speaker in doc.quotes:
        overlapping = [q for q in found.quotes if q.start < end and start < q.end]
        report.speakers.append((f"{doc.id}@{start}", speaker, overlapping[0].speaker if overlapping else "<no quote>"))
    if "match" in doc.fields:
        label = found.match.label().replace("–", " - ") if found.match else "none"
        report.matches.append((doc.id, doc.fields["match"], label))
    if "kind" in doc.fields:
        report.kinds.append((doc.id, doc.fields["kind"], found.kind))
