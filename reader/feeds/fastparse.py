"""A fast path for plain RSS 2.0: feedparser-rs, only for documents where it reads what feedparser reads.

feedparser-rs is about ten times faster than feedparser but reads some documents differently
(Windows-1252 bytes under a Latin-1 label, double-encoded entities, Dublin Core dates, HTML elements
left unescaped in a description...). So it is used only behind `accepts`, a cheap check (expat, no
Python per character) that lets through plain RSS 2.0 alone: UTF-8 or Latin-1 without C1 controls,
no DOCTYPE, no xml:base, and only elements from a list whose handling was compared with feedparser's
on its own test corpus and on the benchmark farm (tests/test_fastparse.py). Anything else, and
anything feedparser-rs flags as malformed, goes to feedparser, which stays the reference parser.
"""

from __future__ import annotations

import functools
import re
import xml.parsers.expat
from collections.abc import Callable
from typing import Any

# Namespaces a document may use, by URI, and the prefix their elements are listed under.
NAMESPACES = {
    "http://purl.org/rss/1.0/modules/content/": "content",
    "http://purl.org/dc/elements/1.1/": "dc",
    "http://www.w3.org/2005/Atom": "atom",
    "http://search.yahoo.com/mrss/": "media",
}
_CHANNEL = frozenset({
    "title", "link", "description", "language", "copyright", "managingEditor", "webMaster", "pubDate",
    "lastBuildDate", "category", "generator", "docs", "ttl", "image", "atom:link", "item",
})
_IMAGE = frozenset({"url", "title", "link", "width", "height", "description"})
_ITEM = frozenset({
    "title", "link", "description", "guid", "pubDate", "category", "author", "comments", "enclosure",
    "content:encoded", "dc:creator", "media:content", "media:thumbnail",
})
_XML_DECLARATION = re.compile(rb"""\A<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9._-]+)", re.IGNORECASE)
_UTF8 = frozenset({"utf-8", "utf8"})
_LATIN1 = frozenset({"iso-8859-1", "latin-1", "latin1", "iso8859-1", "l1"})
_XML_TYPES = frozenset({"application/rss+xml", "application/xml", "text/xml"})
# C1 controls, as bytes (Latin-1) or as character references: feedparser reads them as Windows-1252.
_C1_BYTES = re.compile(rb"[\x80-\x9f]")
_C1_CHARACTER = re.compile("[\x80-\x9f]")
_C1_REFERENCE = re.compile(rb"&#(?:0*1(?:2[89]|[3-5]\d)|[xX]0*[89][0-9a-fA-F]);")
# Text that feedparser would take for HTML (an entity or a closing tag once the XML is decoded) in an
# element it reads as plain text, a title say: feedparser-rs keeps it as text, feedparser decodes it.
_LOOKS_LIKE_HTML = re.compile(r"&#?\w+;|</\w+>")
_HTML_ELEMENTS = frozenset({"description", "content:encoded"})


class _Refused(Exception):
    """The document is outside what the fast path was checked on."""


@functools.cache
def _backend() -> Callable[..., Any] | None:
    """feedparser_rs.parse, or None where it is not installed (then feedparser does everything)."""
    try:
        import feedparser_rs
    except ImportError:
        return None
    parse: Callable[..., Any] = feedparser_rs.parse
    return parse


def available() -> bool:
    """Whether the fast path can run here."""
    return _backend() is not None


def accepts(body: bytes, content_type: str | None = None) -> bool:
    """Whether `body` is plain RSS 2.0 that feedparser-rs reads as feedparser does."""
    return _item_links(body, content_type) is not None


def _item_links(body: bytes, content_type: str | None) -> list[str | None] | None:
    """Each item's <link> text (None where it has none), or None when the document is refused."""
    try:
        _check_encoding(body, content_type)
        return _check_shape(body)
    except _Refused:
        return None


def parse(body: bytes, content_type: str | None = None) -> Any | None:
    """The document as a feedparser-like result for reader.feeds.parse, or None: use feedparser instead."""
    backend = _backend()
    links = _item_links(body, content_type) if backend is not None else None
    if backend is None or links is None:
        return None
    try:
        result = backend(body, sanitize_html=False, resolve_relative_uris=False)
    except Exception:  # a panic or a refusal inside the extension: feedparser decides
        return None
    if result.bozo or result.version != "rss20":
        return None
    if any(e.published and e.published_parsed is None for e in result.entries):
        # A date it could not read (Italian month names, say): feedparser has more date handlers, and ours.
        return None
    if len(result.entries) != len(links) or any(link is not None and e.link != link
                                                 for e, link in zip(result.entries, links, strict=False)):
        # feedparser-rs drops links it deems unsafe (to 127.0.0.1, say); feedparser keeps every link.
        return None
    return {"entries": [_View(e) for e in result.entries], "bozo": 0, "version": result.version,
            "feed": _View(result.feed)}


def _check_encoding(body: bytes, content_type: str | None) -> None:
    declared = _XML_DECLARATION.match(body)
    encoding = declared.group(1).decode("ascii").lower() if declared else "utf-8"
    if content_type:
        kind = content_type.split(";", 1)[0].strip().lower()
        charset = _CHARSET.search(content_type)
        # feedparser lets the header's charset win over the document's: only agreeing pairs are taken.
        if kind not in _XML_TYPES or (charset and charset.group(1).lower() != encoding
                                      and not {charset.group(1).lower(), encoding} <= _UTF8):
            raise _Refused
    if encoding in _UTF8:
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            raise _Refused from None
        if _C1_CHARACTER.search(text):
            raise _Refused
    elif encoding in _LATIN1:
        if _C1_BYTES.search(body):
            raise _Refused
    else:
        raise _Refused
    if _C1_REFERENCE.search(body):
        raise _Refused


def _check_shape(body: bytes) -> list[str | None]:
    """Every element on an allowed path, every namespace known, no DOCTYPE and no xml:base, and no
    HTML-looking text outside the elements that hold HTML. Returns each item's link."""
    stack: list[str] = []
    text: list[str] = []
    links: list[str | None] = []

    def start(name: str, attributes: dict[str, str]) -> None:
        uri, _, local = name.rpartition(" ")
        if uri:
            if uri == "http://www.w3.org/XML/1998/namespace":
                raise _Refused
            prefix = NAMESPACES.get(uri)
            if prefix is None:
                raise _Refused
            local = f"{prefix}:{local}"
        if any(key.startswith("http://www.w3.org/XML/1998/namespace base") for key in attributes):
            raise _Refused
        if not _allowed(stack, local, attributes):
            raise _Refused
        stack.append(local)
        text.clear()
        if local == "item":
            links.append(None)

    def characters(data: str) -> None:
        text.append(data)

    def end(name: str) -> None:
        local = stack.pop()
        if local not in _HTML_ELEMENTS and text and _LOOKS_LIKE_HTML.search("".join(text)):
            raise _Refused
        if local == "link" and stack[-1:] == ["item"]:
            links[-1] = "".join(text).strip()
        text.clear()

    def doctype(*args: object) -> None:
        raise _Refused

    parser = xml.parsers.expat.ParserCreate(namespace_separator=" ")
    # Text in one call per run, not one per line and entity: a third fewer calls into Python for a feed.
    parser.buffer_text = True
    parser.buffer_size = 1 << 16
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = characters
    parser.StartDoctypeDeclHandler = doctype
    try:
        parser.Parse(body, True)
    except (xml.parsers.expat.ExpatError, ValueError):  # ValueError: an encoding expat cannot read
        raise _Refused from None
    return links


def _allowed(stack: list[str], name: str, attributes: dict[str, str]) -> bool:
    depth = len(stack)
    if depth == 0:
        return name == "rss" and attributes.get("version") == "2.0"
    if depth == 1:
        return name == "channel" and stack == ["rss"]
    parent = stack[-1]
    if depth == 2:
        return name in _CHANNEL
    if depth == 3 and parent == "image":
        return name in _IMAGE
    if depth == 3 and parent == "item":
        return name in _ITEM
    return False


class _View(dict):  # type: ignore[type-arg]
    """A feedparser_rs object seen as the FeedParserDict that reader.feeds.parse reads."""

    def __init__(self, obj: Any) -> None:
        super().__init__()
        self.obj = obj
        published = getattr(obj, "published_parsed", None)
        if published is not None:
            self["published_parsed"] = published
        # No updated_parsed: feedparser-rs copies pubDate there, feedparser does not, and the elements
        # accepted (no atom:updated, no dc:date) give feedparser none of its own.

    def get(self, key: str, default: Any = None) -> Any:
        if key in self:
            return dict.get(self, key)
        if key == "updated_parsed":
            return default
        value = self.obj.get(key) if hasattr(self.obj, "get") else getattr(self.obj, key, None)
        if value is None:
            return default
        if isinstance(value, list):
            return [_View(v) if hasattr(v, "get") else v for v in value]
        return _View(value) if hasattr(value, "get") else value

    def __getitem__(self, key: str) -> Any:
        return self.get(key)
