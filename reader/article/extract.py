"""An article's web page -> its main text as paragraphs (trafilatura), or a reason why not."""

from __future__ import annotations

import re

from reader.text.htmltext import html_to_text

MAX_PAGE_BYTES = 3_000_000  # trafilatura takes minutes on pages of tens of MB
MIN_CHARS = 400  # less is a teaser, a paywall notice or a cookie wall, not the article


class ExtractError(Exception):
    """The page gave no article text worth showing."""


# A numeric reference to a character XML cannot hold (&#27; is ESC): lxml refuses the text it ends up in,
# and trafilatura then returns nothing for the whole page. Such references are dropped before extraction.
_CHARREF = re.compile(rb"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));?")


def _xml_safe_refs(match: re.Match[bytes]) -> bytes:
    code = int(match.group(1), 16) if match.group(1) else int(match.group(2))
    legal = code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD or 0x10000 <= code <= 0x10FFFF
    return match.group(0) if legal else b""


def extract_article(page: bytes, url: str = "", *, title: str = "") -> str:
    """The main text of a page, paragraphs separated by blank lines, safe for a terminal."""
    if len(page) > MAX_PAGE_BYTES:
        raise ExtractError(f"the page is too large to extract ({len(page):,} bytes)")
    import trafilatura  # heavy: loaded only in the worker that extracts

    page = _CHARREF.sub(_xml_safe_refs, page)
    html = trafilatura.extract(page, url=url or None, output_format="html", include_comments=False,
                               include_tables=False, include_images=False)
    if not html:
        raise ExtractError("no article text found on the page")
    paragraphs = html_to_text(html).split("\n\n")
    if paragraphs and title and paragraphs[0].strip().casefold() == title.strip().casefold():
        paragraphs = paragraphs[1:]  # the headline is shown above the text already
    text = "\n\n".join(paragraphs)
    if len(text) < MIN_CHARS:
        raise ExtractError(f"the page has only {len(text)} characters of text (a paywall or a teaser?)")
    return text
