"""Feed or page HTML -> plain text paragraphs (no recursion, so any nesting depth is safe)."""

from __future__ import annotations

from html.parser import HTMLParser

from reader.sanitize import clean_paragraphs

# Elements whose content is never text for a reader.
_SKIPPED = frozenset({"script", "style", "noscript", "template", "iframe", "object", "svg", "head",
                      "select", "button", "form", "math"})
# Elements that start a new paragraph.
_BLOCKS = frozenset({"p", "div", "section", "article", "header", "footer", "aside", "main", "nav",
                     "blockquote", "ul", "ol", "dl", "dt", "dd", "table", "tr", "pre", "figure",
                     "figcaption", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "address", "details",
                     "summary"})


class _TextCollector(HTMLParser):
    """Collects the text of an HTML fragment, breaking paragraphs at block elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self.skip_depth += 1
        elif tag in _BLOCKS:
            self.parts.append("\n\n")
        elif tag == "br":
            self.parts.append("\n")
        elif tag == "li":
            self.parts.append("\n\n• ")
        elif tag in ("td", "th"):
            self.parts.append(" ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _SKIPPED:  # <svg/> or <script/> have no content to skip
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self.skip_depth = max(0, self.skip_depth - 1)
        elif tag in _BLOCKS or tag == "li":
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skip_depth:
            self.parts.append(data.replace("\n", " "))


def html_to_text(html: str) -> str:
    """The readable text of an HTML fragment: paragraphs separated by blank lines, safe for a terminal."""
    if "<" not in html and "&" not in html:
        return clean_paragraphs(html)
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    return clean_paragraphs("".join(collector.parts))
