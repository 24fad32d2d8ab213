"""Texts plus styled spans -> Rich Text, for the app's panes (pure: no Textual import).

The reader pane shows an article as paragraphs; highlights (quotes, names, search and find matches)
arrive as spans over the whole text, which this module splits per paragraph. Every string is
sanitised again here, because this is the last step before the screen.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from rich.text import Text

from reader.settings.appearance import HIGHLIGHT_STYLES
from reader.store import Preview
from reader.store import fold as folding
from reader.store.query import QueryTooLong
from reader.text import dates, messages
from reader.text.sanitize import clean_line, clean_text

PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
STAR_STYLE = "bold #d4a017"
UNREAD_STYLE = "bold #3b8eea"


@dataclass(frozen=True, slots=True)
class StyledSpan:
    """A range of a text and the highlight role it gets (a key of the highlight styles)."""

    start: int
    end: int
    role: str


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph of an article: where it starts in the whole text, and its rendering."""

    start: int
    end: int
    text: Text


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each non-blank paragraph, separated by blank lines."""
    spans: list[tuple[int, int]] = []
    position = 0
    for brk in [*PARAGRAPH_BREAK.finditer(text), None]:
        end = brk.start() if brk else len(text)
        chunk = text[position:end]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            spans.append((position + lead, position + len(chunk.rstrip())))
        if brk:
            position = brk.end()
    return spans


def render_paragraphs(text: str, spans: Iterable[StyledSpan] = (), styles: Mapping[str, str] | None = None,
                      notes: Sequence[tuple[int, str]] = ()) -> list[Paragraph]:
    """The text as paragraphs, each a Text with the spans that fall in it (later spans win).

    `notes` are (offset, label) pairs shown after that offset in the speaker style: who said a quote.
    """
    table = {**HIGHLIGHT_STYLES, **(styles or {})}
    ordered = sorted(spans, key=lambda s: (s.start, -s.end))
    paragraphs: list[Paragraph] = []
    for start, end in split_paragraphs(text):
        rendered = Text(_display(text[start:end]))
        for span in ordered:
            if span.end <= start or span.start >= end:
                continue
            style = table.get(span.role)
            if style:
                rendered.stylize(style, max(span.start, start) - start, min(span.end, end) - start)
        inside = sorted(((at, label) for at, label in notes if start < at <= end), reverse=True)
        for at, label in inside:
            rendered = _insert(rendered, at - start, Text(f" — {clean_line(label, 80)}", table["speaker"]))
        paragraphs.append(Paragraph(start, end, rendered))
    return paragraphs


class Ranged(Protocol):
    """A quote or a mark of an annotation, as far as highlighting goes."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


class Kinded(Ranged, Protocol):
    """A name of an annotation: its span and its kind (player, coach, team), the highlight role it gets."""

    @property
    def kind(self) -> str: ...


def annotation_spans(quotes: Iterable[Ranged], entities: Iterable[Kinded],
                     marks: Iterable[Ranged] = ()) -> list[StyledSpan]:
    """The highlights of an annotation: its quotes, then its names and the marks beside them (later win)."""
    spans = [StyledSpan(q.start, q.end, "quote") for q in quotes]
    spans += [StyledSpan(e.start, e.end, e.kind) for e in entities]
    spans += [StyledSpan(m.start, m.end, "mark") for m in marks]
    return spans


def speaker_notes(quotes: Sequence[tuple[int, int, str | None]]) -> list[tuple[int, str]]:
    """Where to note who speaks: after the last of consecutive quotes by the same speaker."""
    notes = []
    for index, (_, end, speaker) in enumerate(quotes):
        following = quotes[index + 1][2] if index + 1 < len(quotes) else None
        if speaker and following != speaker:
            notes.append((end, speaker))
    return notes


def _insert(text: Text, at: int, addition: Text) -> Text:
    if at >= len(text):
        return text + addition
    left, right = text.divide([at])
    return left + addition + right


def _display(text: str) -> str:
    """Sanitised text of the same length, so span offsets stay valid.

    The store keeps clean text already; anything that is still not printable becomes U+FFFD
    instead of being removed, which would shift every span after it.
    """
    cleaned = clean_text(text)
    if len(cleaned) == len(text):
        return cleaned
    return "".join(ch if _printable(ch) else "\ufffd" for ch in text)


def _printable(ch: str) -> bool:
    # Line and paragraph separators (Zl, Zp) move the cursor like a newline: not printable here.
    return ch in "\n\t" or (unicodedata.category(ch)[0] != "C" and unicodedata.category(ch) not in ("Zl", "Zp"))


def find_spans(text: str, needle: str, role: str = "find") -> list[StyledSpan]:
    """Every occurrence of needle in text, ignoring case and accents, letters folded as users type them
    ('perche' finds 'Perché', 'bodo' Bodø, 'gross' Groß); the spans are offsets into `text` itself."""
    folded_needle = folding.fold(needle.strip())
    if not folded_needle:
        return []
    folded = folding.FoldedText.of(text)
    spans: list[StyledSpan] = []
    start = folded.text.find(folded_needle)
    while start >= 0:
        spans.append(StyledSpan(*folded.span(start, start + len(folded_needle)), role))
        start = folded.text.find(folded_needle, start + len(folded_needle))
    return spans


def fold(text: str) -> str:
    """Case, accents and letters folded as users type them (the one fold of search and find)."""
    return folding.fold(text)


def marked(text: str, marks: Sequence[tuple[int, int]], style: str, base: str = "") -> Text:
    """A one-line text with the given ranges styled (search matches)."""
    line = Text(_display(text).replace("\n", " "), style=base)
    for start, end in marks:
        line.stylize(style, start, end)
    return line


def when(moment: datetime, now: datetime) -> str:
    """A short relative time (reader.text.dates.when): 'ora', '12 min', '3 h', 'ieri 18:30', '12 nov'."""
    return dates.when(moment, now)


def day_heading(moment: datetime, now: datetime) -> str:
    """The heading of a day's group (reader.text.dates.day_heading): 'Oggi', 'Ieri', 'martedì 18 novembre'."""
    return dates.day_heading(moment, now)


def preview_lines(preview: Preview, now: datetime, *, badge: str | None = None, match: str | None = None,
                  title_marks: Sequence[tuple[int, int]] = (), lead: str | None = None,
                  lead_marks: Sequence[tuple[int, int]] = (), badge_style: str = "reverse",
                  width: int | None = None) -> tuple[Text, Text, Text]:
    """The three lines of a preview: title with marks; source, time, match and kind; the lead.

    The title is bold while unread, plain once read; the mark before it (● unread, ★ starred) has its own
    colour. Given a `width`, the source's name is shortened first, so the match and the badge stay whole.
    """
    title = Text()
    if preview.starred:
        title.append("★ ", style=STAR_STYLE)
    elif not preview.read:
        title.append("● ", style=UNREAD_STYLE)
    else:
        title.append("  ")
    title.append_text(marked(preview.title, title_marks, HIGHLIGHT_STYLES["search"],
                             base="" if preview.read else "bold"))
    tail = Text(" · " + when(preview.published, now), style="dim")
    if match:
        tail.append(" · ")
        tail.append(clean_line(match, 60), style="bold")
    if badge:
        tail.append(" ")
        tail.append(f" {badge} ", style=badge_style)
    feed = clean_line(preview.feed, 60)
    if width is not None and 2 + len(feed) + len(tail) > width:
        room = width - 2 - len(tail)  # the source gives way; with no room for 8 of its letters it goes
        feed = clean_line(feed, room) if room >= 8 else ""
    meta = Text.assemble("  ", (feed, "#5fa0a0"), tail if feed else tail[3:])
    lead_text = marked(first_line(lead if lead is not None else preview.lead), lead_marks,
                       HIGHLIGHT_STYLES["search"], base="dim")
    return title, meta, Text("  ") + lead_text


def first_line(text: str, limit: int = 300) -> str:
    """The first line of a text, for a preview."""
    return clean_line(text.strip().split("\n", 1)[0], limit)


def count(n: int, one: str, many: str) -> str:
    """'1 articolo', '3 articoli': a number with the Italian singular or plural."""
    return f"{n} {one if n == 1 else many}"


def search_refused(problem: QueryTooLong) -> str:
    """Why a search was not run, and what a search may be."""
    return messages._("Search too long: at most {words} words and {chars} characters.").format(
        words=problem.max_words, chars=problem.max_chars)


def now_utc() -> datetime:
    """The current moment (the app's clock can be replaced in tests)."""
    return dates.now_utc()
