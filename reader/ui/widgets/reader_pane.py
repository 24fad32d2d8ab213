"""The reader pane: an article's heading, where its text comes from, and its paragraphs with highlights.

It owns the scrolling keys of the article; quotes, find and the people panel are the article view's
(widgets/article.py), which holds this pane beside them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

from rich.console import Console, ConsoleOptions
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static

from reader.settings.appearance import HIGHLIGHT_LABELS, HIGHLIGHT_STYLES
from reader.store import Preview
from reader.text import dates, render
from reader.text.messages import N_, _
from reader.text.sanitize import clean_line
from reader.ui.bindings import bindings
from reader.ui.widgets.scrolling import scroll_lines, scroll_pages

if TYPE_CHECKING:  # reader.article.loader loads httpx, reader.annotate its rules: not before the first paint
    from reader.annotate.model import Annotation
    from reader.article.loader import ArticleText

WELCOME = N_("Choose an article in the list and press enter. ? shows every key.")
HEADING_PARTS = ("article-meta", "article-link", "article-source", "legend")
URL_PARTS = re.compile(r"[^/?&]*[/?&]+|[^/?&]+")  # pieces ending after a '/', '?' or '&'
WORD_PARTS = re.compile(r"[^\-_.]*[\-_.]+|[^\-_.]+")  # a piece too long for a line: after '-', '_', '.'
SENTENCE_END = tuple(".,;:!?»\"”…)")


class LinkLine:
    """A URL that wraps after '/', '?', '&', '-' or '.', never in the middle of a word."""

    def __init__(self, url: str, style: str = "underline dim") -> None:
        self.url = clean_line(url, 2000)
        self.style = style

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Text]:
        yield Text("\n".join(wrap_url(self.url, max(10, options.max_width))), style=self.style, no_wrap=True,
                   overflow="fold")


def wrap_url(url: str, width: int) -> list[str]:
    """The URL in lines of at most `width`, broken after a '/', '?' or '&'; a longer piece after '-', '_' or
    '.', and only a piece with none of them where it must."""
    pieces: list[str] = []
    for part in URL_PARTS.findall(url):
        for piece in WORD_PARTS.findall(part) if len(part) > width else [part]:
            pieces += [piece[i:i + width] for i in range(0, len(piece), width)]
    lines: list[str] = []
    current = ""
    for piece in pieces:
        if current and len(current) + len(piece) > width:
            lines.append(current)
            current = ""
        current += piece
    return [*lines, current] if current else lines or [""]


def looks_like_heading(text: str) -> bool:
    """A sub-heading of the page: one short line with letters and no sentence ending ('Napoli', 'Le pagelle')."""
    line = text.strip()
    return (0 < len(line) <= 60 and "\n" not in line and any(ch.isalpha() for ch in line)
            and not line.endswith(SENTENCE_END) and not line.startswith(("«", '"', "“", "-", "–")))


def names_speaker(paragraph: str, speaker: str) -> bool:
    """Whether the paragraph already names the speaker (any word of the name, folded): then it is not noted."""
    folded = render.fold(paragraph)
    return any(re.search(rf"\b{re.escape(render.fold(word))}\b", folded) for word in speaker.split() if len(word) > 2)


class ReaderPane(VerticalScroll, can_focus=True, inherit_bindings=False):
    """Shows one article; the article view feeds it the text, then its annotation."""

    BINDINGS = bindings("scroll_down", "scroll_up", "scroll_top", "scroll_bottom", "page_down", "page_up")

    def __init__(self, *, styles: Mapping[str, str] | None = None, id: str | None = None) -> None:
        super().__init__(id=id)
        self.styles_table = {**HIGHLIGHT_STYLES, **(styles or {})}
        self.preview: Preview | None = None
        self.text: ArticleText | None = None
        self.annotation: Annotation | None = None
        self.find_spans: list[render.StyledSpan] = []
        self.find_index = 0
        self.quote_index = -1
        self.paragraphs: list[render.Paragraph] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="article"):
            yield Static(_(WELCOME), id="article-title")

    def _part(self, name: str) -> Static:
        """One line of the heading. Until an article is shown only the title (the welcome) exists: the
        other lines and the body are mounted then, five fewer widgets before the first paint."""
        if not self.query("#article-body"):
            # Registered at once, so they can be queried and updated before their mount completes.
            self.query_one("#article", Vertical).mount_all(
                [*(Static("", id=part) for part in HEADING_PARTS), Vertical(id="article-body")])
        return self.query_one(f"#{name}", Static)

    def _body_box(self) -> Vertical:
        self._part("article-meta")
        return self.query_one("#article-body", Vertical)

    # Keys: scrolling, at once (a line per j, a page per space)

    def action_scroll_down(self) -> None:
        scroll_lines(self, 1)

    def action_scroll_up(self) -> None:
        scroll_lines(self, -1)

    def action_scroll_top(self) -> None:
        self.scroll_home(animate=False)

    def action_scroll_bottom(self) -> None:
        self.scroll_end(animate=False)

    def action_page_down(self) -> None:
        scroll_pages(self, 1)

    def action_page_up(self) -> None:
        scroll_pages(self, -1)

    # What the article view calls

    def show_preview(self, preview: Preview, *, loading: bool = True) -> None:
        """Show an article's heading at once (from its preview), the body once loaded."""
        self.preview, self.text, self.annotation = preview, None, None
        self.find_spans, self.find_index, self.quote_index = [], 0, -1
        self._part("article-title").update(Text(clean_line(preview.title, 500), style="bold"))
        self._meta()
        self._part("article-link").update(LinkLine(preview.link))
        self._source(Text(_("⟳ loading…"), style="italic") if loading else Text(""))
        self._part("legend").update("")
        self._body([])
        self.scroll_home(animate=False)

    def show_text(self, text: ArticleText, author: str = "", *, loading: bool = False) -> None:
        """Show the article's text; `loading` says the full article is still on its way."""
        self.text, self.annotation = text, None
        self._meta(author)
        line = Text(_source_label(text), style="italic dim")
        if loading:
            line.append("  " + _("⟳ loading the full article…"), style="italic")
        self._source(line)
        self._rerender()

    def show_annotation(self, annotation: Annotation) -> None:
        """Highlight the quotes and names found in the text shown."""
        self.annotation = annotation
        self.quote_index = -1
        self._part("legend").update(self._legend(annotation))
        self._rerender()

    def show_empty(self, message: str = "") -> None:
        """No article open."""
        self.preview = self.text = self.annotation = None
        self._part("article-title").update(message or _(WELCOME))
        for name in HEADING_PARTS:
            self._part(name).update("")
        self._body([])

    def find(self, needle: str) -> int:
        """Highlight needle in the text; returns how many matches there are and jumps to the first."""
        self.find_spans = render.find_spans(self.text.text, needle) if self.text else []
        self.find_index = 0
        self._rerender()
        self._reveal_offset(self.find_spans[0].start if self.find_spans else None)
        return len(self.find_spans)

    def step_find(self, delta: int) -> tuple[int, int]:
        """Go to the next or previous match; returns (position, total), 1-based."""
        if not self.find_spans:
            return 0, 0
        self.find_index = (self.find_index + delta) % len(self.find_spans)
        self._rerender()
        self._reveal_offset(self.find_spans[self.find_index].start)
        return self.find_index + 1, len(self.find_spans)

    def clear_find(self) -> None:
        """Forget the find matches."""
        if self.find_spans:
            self.find_spans = []
            self._rerender()

    def step_quote(self, delta: int) -> tuple[int, int, str | None]:
        """Go to the next or previous quote; returns (position, total, speaker), 1-based."""
        if not self.annotation or not self.annotation.quotes:
            return 0, 0, None
        quotes = self.annotation.quotes
        self.quote_index = (self.quote_index + delta) % len(quotes) if self.quote_index >= 0 else (
            0 if delta > 0 else len(quotes) - 1)
        chosen = quotes[self.quote_index]
        self._reveal_offset(chosen.start)
        return self.quote_index + 1, len(quotes), chosen.speaker

    def reveal_offset(self, offset: int) -> None:
        """Scroll so that the paragraph holding this text offset is at the top."""
        self._reveal_offset(offset)

    # Rendering

    def _meta(self, author: str = "") -> None:
        if self.preview is None:
            return
        meta = Text.assemble((clean_line(self.preview.feed, 80), "#5fa0a0"), " · ",
                             dates.date_time(self.preview.published))
        if author:
            meta.append(" · " + clean_line(author, 120))
        self._part("article-meta").update(meta)

    def _spans(self) -> list[render.StyledSpan]:
        spans: list[render.StyledSpan] = []
        if self.annotation:
            spans += render.annotation_spans(self.annotation.quotes, self.annotation.entities,
                                             self.annotation.marks)
        spans += self.find_spans
        if self.find_spans:
            current = self.find_spans[self.find_index]
            spans.append(render.StyledSpan(current.start, current.end, "find_current"))
        return spans

    def _rerender(self) -> None:
        if self.text is None:
            return
        self.paragraphs = render.render_paragraphs(self.text.text, self._spans(), self.styles_table)
        self._body(self.paragraphs)

    def _speakers(self) -> dict[int, list[str]]:
        """Paragraph index -> who speaks in its quotes, where the paragraph does not name them itself."""
        quotes = [(q.start, q.end, q.speaker) for q in self.annotation.quotes] if self.annotation else []
        found: dict[int, list[str]] = {}
        for offset, speaker in render.speaker_notes(quotes):
            index = self._paragraph_at(offset - 1)
            if index is None or self.text is None:
                continue
            paragraph = self.paragraphs[index]
            if not names_speaker(self.text.text[paragraph.start:paragraph.end], speaker):
                names = found.setdefault(index, [])
                if speaker not in names:
                    names.append(speaker)
        return found

    def _body(self, paragraphs: list[render.Paragraph]) -> None:
        body = self._body_box()
        speakers = self._speakers() if paragraphs else {}
        rendered = [self._paragraph(i, p, speakers.get(i, [])) for i, p in enumerate(paragraphs)]
        existing = list(body.children)
        for widget, (text, heading) in zip(existing, rendered, strict=False):
            if isinstance(widget, Static):
                widget.update(text)
                widget.set_class(heading, "heading")
        if len(existing) > len(rendered):
            for widget in existing[len(rendered):]:
                widget.remove()
        elif len(rendered) > len(existing):
            body.mount_all(Static(text, classes="paragraph heading" if heading else "paragraph")
                           for text, heading in rendered[len(existing):])

    def _paragraph(self, index: int, paragraph: render.Paragraph, speakers: list[str]) -> tuple[Text, bool]:
        """A paragraph's Text (with a subdued line for who speaks, apart from the text) and whether a heading."""
        heading = not speakers and looks_like_heading(paragraph.text.plain)
        if not speakers:
            return paragraph.text, heading
        note = Text("\n↳ " + ", ".join(clean_line(s, 60) for s in speakers), style="dim italic")
        return Text.assemble(paragraph.text, note), False

    def _source(self, line: Text) -> None:
        self._part("article-source").update(line)

    def _legend(self, annotation: Annotation) -> Text:
        present = {"quote"} if annotation.quotes else set()
        present |= {e.kind for e in annotation.entities} | ({"mark"} if annotation.marks else set())
        legend = Text()
        for role, label in HIGHLIGHT_LABELS.items():
            if role in present:
                legend.append("■ ", style=self.styles_table[role])
                legend.append(_(label) + "   ", style="dim")
        return legend

    def _paragraph_at(self, offset: int) -> int | None:
        for index, paragraph in enumerate(self.paragraphs):
            if offset < paragraph.end:
                return index
        return len(self.paragraphs) - 1 if self.paragraphs else None

    def _reveal_offset(self, offset: int | None) -> None:
        if offset is None:
            return
        index = self._paragraph_at(offset)
        children = list(self._body_box().children)
        if index is not None and index < len(children):
            self.call_after_refresh(self.scroll_to_widget, children[index], animate=False, top=True)


# The loader's TextSource values, as the pane says them.
SOURCE_LABELS = {"articolo completo": N_("full article"), "contenuto del feed": N_("the feed's content"),
                 "riassunto del feed": N_("the feed's summary")}


def _source_label(text: ArticleText) -> str:
    source = str(text.source)
    label = _(SOURCE_LABELS.get(source, source))
    label = label[:1].upper() + label[1:]
    return f"{label} — {text.note}" if text.note else label
