"""The gold corpus: its files read into plain texts and gold spans (see README.md for the markup).

Three files, three parts: `articles.txt` (the first corpus) and `press.txt` (the structures of real press,
issue 13) are in-sample, the rules are tuned on them; `heldout.txt` was written before those rules and no
rule is tuned on it. `score.py` scores an annotator against any of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).parent
PARTS: dict[str, Path] = {"base": HERE / "articles.txt", "press": HERE / "press.txt",
                          "heldout": HERE / "heldout.txt"}
IN_SAMPLE = ("base", "press")
HELD_OUT = "heldout"
CORPUS = PARTS["base"]
_HEADER = re.compile(r"^=== (?P<id>[\w-]+)(?P<fields>(?: \| \w+: [^|]*)*)$")
_ENTITY_OPEN = re.compile(r"\[([pctm]):")
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
    marks: tuple[Span, ...] = ()
    canonical: dict[Span, str] = field(default_factory=dict)  # the person a span names, where the gold says
    part: str = "base"

    def paragraphs(self) -> list[str]:
        return [p for p in self.text.split("\n\n") if p.strip()]

    @property
    def classes(self) -> tuple[str, ...]:
        """The structure classes of issue 13 this document exercises (its `classes:` field)."""
        return tuple(c.strip() for c in self.fields.get("classes", "").split(",") if c.strip())


@dataclass(slots=True)
class Markup:
    """What strip_markup finds: the plain text, quotes, entities (span, kind, canonical) and marks."""

    text: str
    quotes: list[tuple[int, int, str | None]]
    entities: list[tuple[int, int, str, str]]


def load(path: Path = CORPUS, part: str | None = None) -> list[Document]:
    """Every document of one corpus file."""
    part = part or next((name for name, p in PARTS.items() if p == path), path.stem)
    documents: list[Document] = []
    header: re.Match[str] | None = None
    lines: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        found = _HEADER.match(line)
        if found:
            if header:
                documents.append(parse(header, lines, part))
            header, lines = found, []
        elif header:
            lines.append(line)
        elif line.strip() and not line.startswith("#"):
            raise ValueError(f"{path.name}: text outside a document: {line!r}")
    if header:
        documents.append(parse(header, lines, part))
    return documents


def load_parts(*names: str) -> list[Document]:
    """The documents of the named parts (all of them when none is named), in order."""
    return [doc for name in (names or tuple(PARTS)) if PARTS[name].exists() for doc in load(PARTS[name], name)]


def parse(header: re.Match[str], lines: list[str], part: str = "base") -> Document:
    """One document: its header fields and its text with the markup taken out."""
    fields = dict(item.split(": ", 1) for item in header.group("fields").split(" | ")[1:])
    raw = "\n".join(lines).strip("\n")
    raw = "\n".join(line for line in raw.split("\n") if not line.startswith("#")).strip("\n")
    markup = strip_markup(raw)
    persons = tuple((s, e) for s, e, kind, _ in markup.entities if kind in "pc")
    return Document(header.group("id"), markup.text, tuple(markup.quotes), persons,
                    tuple((s, e) for s, e, kind, _ in markup.entities if kind == "t"), fields,
                    tuple((s, e) for s, e, kind, _ in markup.entities if kind == "m"),
                    {(s, e): who for s, e, kind, who in markup.entities if kind in "pc" and who}, part)


def strip_markup(raw: str) -> Markup:
    """`[p:…]`, `[c:…]`, `[t:…]`, `[m:…]` and `{speaker|…}` removed; their spans in the plain text.

    `[p:Text=Canonical]` names whom the text means; quotes nest (`{|"… {Chivu|«…»} …"}`).
    """
    out: list[str] = []
    quotes: list[tuple[int, int, str | None]] = []
    entities: list[tuple[int, int, str, str]] = []
    entity: tuple[str, int, int] | None = None  # kind, start, where "=" was (or -1)
    open_quotes: list[tuple[str | None, int]] = []
    i = 0
    while i < len(raw):
        char = raw[i]
        opening = _ENTITY_OPEN.match(raw, i)
        if opening and entity is None:
            entity, i = (opening.group(1), len(out), -1), opening.end()
            continue
        if entity and char == "=" and entity[2] < 0:
            entity = (entity[0], entity[1], len(out))
        elif char == "]" and entity:
            kind, start, equals = entity
            end = len(out) if equals < 0 else equals
            canonical = "".join(out[equals:]) if equals >= 0 else ""
            del out[end:]
            entities.append((start, end, kind, canonical))
            entity = None
        elif char == "{":
            bar = raw.index("|", i)
            open_quotes.append((raw[i + 1:bar] or None, len(out)))
            i = bar + 1
            continue
        elif char == "}" and open_quotes:
            speaker, start = open_quotes.pop()
            quotes.append((start, len(out), speaker))
        else:
            out.append(char)
        i += 1
    if entity or open_quotes:
        raise ValueError(f"unclosed markup in {raw[:60]!r}")
    return Markup("".join(out), sorted(quotes), entities)
