"""The reader pane: an article's heading, where its text comes from, and its paragraphs with highlights."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static

from reader.settings.appearance import HIGHLIGHT_LABELS, HIGHLIGHT_STYLES
from reader.store import Preview
from reader.text import render
from reader.text.sanitize import clean_line
from reader.ui.bindings import bindings

if TYPE_CHECKING:  # reader.article.loader loads httpx, reader.annotate its rules: not before the first paint
    from reader.annotate.model import Annotation
    from reader.article.loader import ArticleText

WELCOME = "Scegli un articolo nell'elenco e premi invio. ? mostra tutti i tasti."
HEADING_PARTS = ("article-meta", "article-link", "article-source", "legend")


class ReaderPane(VerticalScroll, can_focus=True):
    """Shows one article; the screen feeds it the text, then its annotation."""

    BINDINGS = [
        *bindings("cursor_down", "cursor_up", "first", "last", "page_down", "page_up",
                  local=("cursor_down", "cursor_up", "first", "last", "page_down", "page_up")),
        *bindings("next_article", "previous_article", "previous_match", "next_quote", "previous_quote",
                  "toggle_people", "find", "toggle_read", "star", priority=("find",)),
    ]

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
            yield Static(WELCOME, id="article-title")

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

    # What the screen calls

    def show_preview(self, preview: Preview, *, loading: bool = True) -> None:
        """Show an article's heading at once (from its preview), the body once loaded."""
        self.preview, self.text, self.annotation = preview, None, None
        self.find_spans, self.find_index = [], 0
        self._part("article-title").update(Text(preview.title, style="bold"))
        meta = Text.assemble((clean_line(preview.feed, 80), "#5fa0a0"), " · ",
                             preview.published.astimezone().strftime("%d/%m/%Y %H:%M"))
        self._part("article-meta").update(meta)
        self._part("article-link").update(Text(preview.link, style="underline dim"))
        self._source(Text("⟳ caricamento…", style="italic") if loading else Text(""))
        self._part("legend").update("")
        self._body([])
        self.scroll_home(animate=False)

    def show_text(self, text: ArticleText, author: str = "", *, loading: bool = False) -> None:
        """Show the article's text; `loading` says the full article is still on its way."""
        self.text, self.annotation = text, None
        if author and self.preview:
            meta = Text.assemble((clean_line(self.preview.feed, 80), "#5fa0a0"), " · ",
                                 self.preview.published.astimezone().strftime("%d/%m/%Y %H:%M"), " · ",
                                 clean_line(author, 120))
            self._part("article-meta").update(meta)
        line = Text(_source_label(text), style="italic dim")
        if loading:
            line.append("  ⟳ caricamento dell'articolo completo…", style="italic")
        self._source(line)
        self._rerender()

    def show_annotation(self, annotation: Annotation) -> None:
        """Highlight the quotes and names found in the text shown."""
        self.annotation = annotation
        self.quote_index = -1
        self._part("legend").update(self._legend(annotation))
        self._rerender()

    def show_empty(self, message: str = WELCOME) -> None:
        """No article open."""
        self.preview = self.text = self.annotation = None
        self._part("article-title").update(message)
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
        quotes = [(q.start, q.end, q.speaker) for q in self.annotation.quotes] if self.annotation else []
        notes = render.speaker_notes(quotes)
        self.paragraphs = render.render_paragraphs(self.text.text, self._spans(), self.styles_table, notes)
        self._body(self.paragraphs)

    def _body(self, paragraphs: list[render.Paragraph]) -> None:
        body = self._body_box()
        existing = list(body.children)
        for widget, paragraph in zip(existing, paragraphs, strict=False):
            if isinstance(widget, Static):
                widget.update(paragraph.text)
        if len(existing) > len(paragraphs):
            for widget in existing[len(paragraphs):]:
                widget.remove()
        elif len(paragraphs) > len(existing):
            body.mount_all(Static(p.text, classes="paragraph") for p in paragraphs[len(existing):])

    def _source(self, line: Text) -> None:
        self._part("article-source").update(line)

    def _legend(self, annotation: Annotation) -> Text:
        present = {"quote"} if annotation.quotes else set()
        present |= {e.kind for e in annotation.entities} | ({"mark"} if annotation.marks else set())
        legend = Text()
        for role, label in HIGHLIGHT_LABELS.items():
            if role in present:
                legend.append("■ ", style=self.styles_table[role])
                legend.append(label + "   ", style="dim")
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


def _source_label(text: ArticleText) -> str:
    label = str(text.source).capitalize()  # "articolo completo", "riassunto del feed"...
    return f"{label} — {text.note}" if text.note else label


def published_label(moment: datetime) -> str:
    """The date line of an article."""
    return moment.astimezone().strftime("%d/%m/%Y %H:%M")
