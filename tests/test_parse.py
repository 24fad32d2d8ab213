"""Parsing: normalised entries, stable ids, UTC dates, encodings, and clean per-feed errors."""

from __future__ import annotations

import pickle
from datetime import UTC, datetime

import pytest

from reader.feeds.parse import parse_feed
from reader.models import FeedParseError
from tests.conftest import item, rss

# These tests check what the messages say: the code's own words, in English.
pytestmark = pytest.mark.usefixtures("english")

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


def test_entries_are_normalised() -> None:
    body = rss([item(1, category="Serie A", author="redazione@example.org (Mario Rossi)")])
    feed = parse_feed(body, now=NOW)
    assert feed.title == "Feed di prova"
    entry = feed.entries[0]
    assert entry.uid == "id-1"
    assert entry.title == "Notizia numero 1: la Juventus vince"
    assert entry.link == "http://example.org/articoli/1.html"
    assert entry.published is not None and entry.published.tzinfo is not None
    assert "<p>" in entry.summary_html
    assert entry.categories == ("Serie A",)
    assert "Mario Rossi" in entry.author


def test_the_id_falls_back_to_the_link_then_to_a_hash() -> None:
    no_guid = {k: v for k, v in item(2).items() if k != "guid"}
    bare = {"title": "Solo titolo", "description": "testo"}
    entries = parse_feed(rss([no_guid, bare, dict(bare)]), now=NOW).entries
    assert entries[0].uid == "http://example.org/articoli/2.html"
    assert entries[1].uid.startswith("sha256:")
    assert entries[1].uid == entries[2].uid  # the same content gives the same id on every fetch


def test_dates_are_converted_to_utc() -> None:
    body = rss([item(1, pubDate="Tue, 24 Nov 2026 21:00:00 +0100")])
    assert parse_feed(body, now=NOW).entries[0].published == datetime(2026, 11, 24, 20, 0, tzinfo=UTC)


def test_a_far_future_date_is_clamped_to_now() -> None:
    body = rss([item(1, pubDate="Fri, 01 Jan 2999 00:00:00 GMT")])
    assert parse_feed(body, now=NOW).entries[0].published == NOW


def test_a_nonsense_date_is_dropped() -> None:
    body = rss([item(1, pubDate="31 febbraio, ora di cena")])
    assert parse_feed(body, now=NOW).entries[0].published is None


def test_latin1_with_its_declaration_is_decoded() -> None:
    body = rss([item(1, title="Perché la città è più forte")], encoding="iso-8859-1")
    assert parse_feed(body, now=NOW).entries[0].title == "Perché la città è più forte"


def test_the_http_charset_is_honoured() -> None:
    body = rss([item(1, title="Società")], encoding="iso-8859-1").replace(
        b'encoding="iso-8859-1"', b"")
    feed = parse_feed(body, content_type="application/rss+xml; charset=iso-8859-1", now=NOW)
    assert feed.entries[0].title == "Società"


def test_a_bozo_feed_with_entries_is_kept_with_a_warning() -> None:
    body = rss([item(1)]).replace(b"</channel>", b"&nbsp;</channel>")
    feed = parse_feed(body, now=NOW)
    assert len(feed.entries) == 1
    assert feed.warning and "malformed" in feed.warning


def test_an_atom_feed_is_parsed() -> None:
    body = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom</title><id>urn:x</id><updated>2026-11-24T10:00:00Z</updated>
<entry><id>urn:1</id><title type="html">Milan &lt;b&gt;forte&lt;/b&gt;</title><updated>2026-11-24T10:00:00Z</updated>
<content type="html">&lt;p&gt;Corpo&lt;/p&gt;</content><summary>Sommario</summary></entry></feed>"""
    entry = parse_feed(body, now=NOW).entries[0]
    assert entry.title == "Milan forte"
    assert entry.content_html == "<p>Corpo</p>"
    assert entry.summary_html == "Sommario"


@pytest.mark.parametrize(("body", "message"), [
    (b"", "empty response"),
    (b"\xef\xbb\xbf  \n", "empty response"),
    (b"<!DOCTYPE html><html><body>Home</body></html>", "HTML page"),
    (b"<?xml version=\"1.0\"?><urlset><url><loc>x</loc></url></urlset>", "not an RSS or Atom feed"),
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "not a valid feed"),
    (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa">]><rss><channel><item><title>&a;</title>'
     b"</item></channel></rss>", "entities"),
])
def test_what_is_not_a_feed_is_a_clear_error(body: bytes, message: str) -> None:
    with pytest.raises(FeedParseError, match=message):
        parse_feed(body, now=NOW)


@pytest.mark.parametrize("body", [b"/etc/passwd", b"/dev/zero", b"file:///etc/passwd"])
def test_a_body_that_looks_like_a_path_is_never_opened(body: bytes) -> None:
    with pytest.raises(FeedParseError):
        parse_feed(body, now=NOW)


def test_invalid_character_references_are_an_error_not_a_crash() -> None:
    body = rss([item(1)]).replace(b"Notizia", b"&#xD800; &#x110000;")
    try:
        feed = parse_feed(body, now=NOW)
    except FeedParseError:
        return
    assert feed.entries  # or a lenient parse that kept the entry


def test_parsed_feeds_cross_process_boundaries() -> None:
    feed = parse_feed(rss([item(1)]), now=NOW)
    assert pickle.loads(pickle.dumps(feed)) == feed


def test_dates_with_italian_names_are_understood() -> None:
    body = rss([item(1, pubDate="lun, 28 set 2026 10:00:00 +0200"), item(2, pubDate="Gio, 1 Ott 2026 08:30 GMT")])
    entries = parse_feed(body, now=NOW).entries
    assert entries[0].published == datetime(2026, 9, 28, 8, 0, tzinfo=UTC)
    assert entries[1].published == datetime(2026, 10, 1, 8, 30, tzinfo=UTC)
