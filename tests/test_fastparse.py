"""The fast path takes only plain RSS 2.0, and what it takes it reads exactly as feedparser does."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from reader.feeds import fastparse
from reader.feeds.parse import parse_feed
from reader.models import FeedParseError, ParsedFeed
from tests.conftest import item, rss, shared_path

pytest.importorskip("feedparser_rs")

NOW = datetime(2026, 11, 25, tzinfo=UTC)
ROOT = Path(__file__).resolve().parent.parent


def reference(body: bytes, content_type: str | None = None) -> ParsedFeed | str:
    """feedparser alone, or its error."""
    try:
        return parse_feed(body, content_type=content_type, now=NOW, fast=False)
    except FeedParseError as exc:
        return str(exc)


def via_fast_path(body: bytes, content_type: str | None = None) -> ParsedFeed | None:
    """The fast path's reading, or None where it declines."""
    if fastparse.parse(body, content_type) is None:
        return None
    return parse_feed(body, content_type=content_type, now=NOW)


def test_every_farm_feed_takes_the_fast_path_and_reads_the_same() -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    from farm import make_feed

    for index in range(12):  # three of them Latin-1
        body, charset = make_feed(index, 30)
        content_type = f"application/rss+xml; charset={charset}"
        fast = via_fast_path(body, content_type)
        assert fast is not None, index
        assert fast == reference(body, content_type)


def test_on_feedparsers_corpus_what_it_takes_it_reads_identically() -> None:
    corpus = shared_path("corpora", "feedparser-tests")
    taken, different = 0, []
    for path in sorted(p for p in corpus.rglob("*") if p.is_file()):
        body = path.read_bytes()
        try:
            fast = via_fast_path(body)
        except FeedParseError:
            fast = None  # declined by the unsafe-input checks that come first
        if fast is None:
            continue
        taken += 1
        if fast != reference(body):
            different.append(str(path.relative_to(corpus)))
    assert taken > 200  # plain RSS 2.0 is a good share of it
    assert different == []


def feed(items: str, *, head: str = '<?xml version="1.0" encoding="utf-8"?>', rss_attrs: str = "") -> bytes:
    return (f'{head}<rss version="2.0"{rss_attrs}><channel><title>T</title><link>http://e.org/</link>'
            f"<description>d</description>{items}</channel></rss>").encode()


PLAIN_ITEM = "<item><title>Gol di Lautaro</title><link>http://e.org/1</link><guid>g1</guid></item>"


@pytest.mark.parametrize(("why", "body", "content_type"), [
    ("Atom", b'<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title></feed>', None),
    ("RSS 0.91", feed(PLAIN_ITEM).replace(b'version="2.0"', b'version="0.91"'), None),
    ("a DOCTYPE", feed(PLAIN_ITEM, head='<?xml version="1.0"?><!DOCTYPE rss SYSTEM "x.dtd">'), None),
    ("xml:base", feed(PLAIN_ITEM, rss_attrs=' xml:base="http://other.org/"'), None),
    ("an unknown namespace", feed(PLAIN_ITEM.replace("</item>", "<x:y>1</x:y></item>"),
                                  rss_attrs=' xmlns:x="http://x.org/"'), None),
    ("an undeclared prefix", feed(PLAIN_ITEM.replace("</item>", "<x:y>1</x:y></item>")), None),
    ("dc:date", feed(PLAIN_ITEM.replace("</item>", "<dc:date>2026-11-24T10:00:00Z</dc:date></item>"),
                     rss_attrs=' xmlns:dc="http://purl.org/dc/elements/1.1/"'), None),
    ("an element inside a category", feed(PLAIN_ITEM.replace("</item>", "<category>A<b>x</b></category></item>")),
     None),
    ("a double-escaped title", feed(PLAIN_ITEM.replace("Gol di Lautaro", "Gol &amp;#27;[2J")), None),
    ("a closing tag in a title", feed(PLAIN_ITEM.replace("Gol di Lautaro", "Gol &lt;/b&gt;")), None),
    ("a C1 reference", feed(PLAIN_ITEM.replace("Gol di Lautaro", "don&#146;t")), None),
    ("a C1 byte under Latin-1", feed(PLAIN_ITEM, head='<?xml version="1.0" encoding="iso-8859-1"?>')
     .replace(b"Gol di", b"Gol\x92di"), None),
    ("bytes that are not UTF-8", feed(PLAIN_ITEM).replace(b"Gol di", b"Gol\xe8di"), None),
    ("Windows-1252", feed(PLAIN_ITEM, head='<?xml version="1.0" encoding="windows-1252"?>'), None),
    ("a header charset that disagrees", feed(PLAIN_ITEM), "application/rss+xml; charset=iso-8859-1"),
    ("a non-XML content type", feed(PLAIN_ITEM), "text/plain"),
    ("a date only feedparser reads", rss([item(1, pubDate="lun, 28 set 2026 10:00:00 +0200")]), None),
    ("a malformed document", feed(PLAIN_ITEM)[:-20], None),
    # feedparser-rs empties links to loopback and private addresses; feedparser keeps them.
    ("a link to 127.0.0.1", feed(PLAIN_ITEM.replace("http://e.org/1", "http://127.0.0.1:8080/1")), None),
])
def test_anything_else_is_left_to_feedparser(why: str, body: bytes, content_type: str | None) -> None:
    assert fastparse.parse(body, content_type) is None, why


def test_plain_rss_with_the_usual_extensions_is_taken() -> None:
    assert fastparse.parse(feed(PLAIN_ITEM)) is not None  # what the cases above each change one thing of
    body = feed(PLAIN_ITEM.replace("</item>", "<description>&lt;p&gt;Testo&lt;/p&gt;</description>"
                                   "<content:encoded><![CDATA[<p>Tutto</p>]]></content:encoded>"
                                   "<dc:creator>Redazione</dc:creator><category>Serie A</category>"
                                   '<enclosure url="http://e.org/a.jpg" type="image/jpeg" length="1"/>'
                                   "<pubDate>Tue, 24 Nov 2026 10:00:00 GMT</pubDate></item>"),
                rss_attrs=' xmlns:content="http://purl.org/rss/1.0/modules/content/"'
                          ' xmlns:dc="http://purl.org/dc/elements/1.1/"')
    assert fastparse.parse(body, "application/rss+xml; charset=UTF-8") is not None
    assert parse_feed(body, now=NOW) == reference(body)


@pytest.mark.parametrize("base", ["http://127.0.0.1:47611", "https://notizie.example.org"])
def test_the_demo_editions_feeds_read_the_same_either_way(base: str) -> None:
    from reader.demo import load_edition, render_feed

    edition = load_edition()
    for outlet in edition.outlets:
        body = render_feed(edition, outlet, base, NOW)
        assert parse_feed(body, now=NOW) == reference(body), outlet.slug


def test_when_the_fast_parser_fails_feedparser_parses(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("a panic inside the extension")

    monkeypatch.setattr(fastparse, "_backend", lambda: broken)
    body = rss([item(1), item(2)])
    assert fastparse.parse(body) is None
    assert len(parse_feed(body, now=NOW).entries) == 2


def test_without_feedparser_rs_everything_is_feedparsers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fastparse, "_backend", lambda: None)
    body = rss([item(1)])
    assert not fastparse.available() and fastparse.parse(body) is None
    assert parse_feed(body, now=NOW) == reference(body)
