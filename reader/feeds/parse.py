"""Feed bytes + response headers -> normalised entries, with feedparser as the parser.

Plain RSS 2.0 takes a fast path (reader.feeds.fastparse: feedparser-rs, only where it reads what feedparser
reads); everything else is feedparser's. Pure and synchronous: the refresh runs it in a worker
process, off the event loop, under a deadline.
"""

from __future__ import annotations

import calendar
import email.utils
import functools
import hashlib
import html
import io
import re
import time
from datetime import UTC, datetime, timedelta
from typing import Any

from reader.feeds import fastparse
from reader.models import FeedParseError, ParsedEntry, ParsedFeed
from reader.text.messages import _
from reader.text.sanitize import keep_control_references

MAX_ENTRIES = 5000
MAX_CATEGORIES = 50
# A date further ahead than this is a publisher's mistake: it is clamped to the fetch time.
FUTURE_TOLERANCE = timedelta(days=1)

# Entity declarations are refused outright: expanding them is how XML bombs work, and feedparser's
# loose parser expands some that expat refuses.
_ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.IGNORECASE)
_HTML_PAGE = re.compile(rb"^\s*(<!doctype html|<html)", re.IGNORECASE)
_ENTRY_END = re.compile(rb"</(?:[\w.-]+:)?(?:item|entry)\s*>")
# What expat says when the document stops early (a dropped connection, a cut-off file).
_CUT_OFF = re.compile(r"no element found|unclosed token")


_ITALIAN_DATE_WORDS = {
    "lun": "Mon", "mar": "Tue", "mer": "Wed", "gio": "Thu", "ven": "Fri", "sab": "Sat", "dom": "Sun",
    "gen": "Jan", "feb": "Feb", "apr": "Apr", "mag": "May", "giu": "Jun", "lug": "Jul", "ago": "Aug",
    "set": "Sep", "ott": "Oct", "nov": "Nov", "dic": "Dec",
}
_ITALIAN_DATE = re.compile(r"^\s*(\w{3})\w*,?\s+(\d{1,2})\s+(\w{3})\w*\s+(\d{4})\s+(\d{1,2}:\d{2}(?::\d{2})?)"
                           r"\s*([+-]\d{4}|[A-Z]{1,5})?\s*$", re.IGNORECASE)


def _italian_date(value: str) -> time.struct_time | None:
    """RFC 822 dates written with Italian names ('lun, 28 set 2026 10:00:00 +0200'), as Sky Sport does."""
    match = _ITALIAN_DATE.match(value)
    if not match:
        return None
    day, month = (_ITALIAN_DATE_WORDS.get(w.lower()) for w in (match.group(1), match.group(3)))
    if not month:
        return None
    english = f"{day or 'Mon'}, {match.group(2)} {month} {match.group(4)} {match.group(5)} {match.group(6) or '+0000'}"
    try:
        return email.utils.parsedate_to_datetime(english).astimezone(UTC).timetuple()
    except (TypeError, ValueError, OverflowError):
        return None


@functools.cache
def _feedparser() -> Any:
    """feedparser, imported on first use: the refresh process imports this module for its errors but
    parses in worker processes, and feedparser's import (40 ms, a hundred regexes) is start-up it never needs.
    """
    import feedparser

    feedparser.registerDateHandler(_italian_date)
    return feedparser


def parse_feed(body: bytes, *, content_type: str | None = None, now: datetime | None = None,
               fast: bool = True) -> ParsedFeed:
    """Parse one feed body; raise FeedParseError when it yields no entries and is not a valid feed.

    `fast=False` leaves the fast path out: feedparser alone, the reference it is compared with.
    """
    now = now or datetime.now(UTC)
    _refuse_unsafe(body)
    quick = fastparse.parse(body, content_type) if fast else None
    if quick is not None:
        return _normalise(quick, now, body)
    # Only a real header is passed on: without one feedparser sniffs the encoding from the bytes.
    headers = {"content-type": content_type} if content_type else None
    try:
        # A BytesIO, never bytes or str: feedparser treats those as a path or URL to open.
        result = _feedparser().parse(io.BytesIO(body), response_headers=headers,
                                     sanitize_html=False, resolve_relative_uris=False)
    except Exception as exc:  # feedparser raises on some invalid character references
        raise FeedParseError(_("the feed could not be parsed ({error})").format(
            error=f"{type(exc).__name__}: {exc}")) from None
    return _normalise(result, now, body)


def _refuse_unsafe(body: bytes) -> None:
    stripped = body.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not stripped:
        raise FeedParseError(_("empty response"))
    if _ENTITY_DECLARATION.search(body, 0, 1 << 16):
        raise FeedParseError(_("the feed declares XML entities, refused for safety"))


def _normalise(result: Any, now: datetime, body: bytes) -> ParsedFeed:
    entries = result.get("entries", [])
    bozo = result.get("bozo") and not _benign(result.get("bozo_exception"))
    if not entries and (bozo or not result.get("version")):
        raise FeedParseError(_why_not_a_feed(result, body))
    warning = None
    if bozo:
        warning = _("malformed feed, parsed leniently: {error}").format(error=result.get("bozo_exception"))
        if _CUT_OFF.search(str(result.get("bozo_exception"))) and b"\x00" not in body[:64]:  # not UTF-16
            # The last entry was still open when the body ended: it is kept only once it arrives whole.
            complete = len(_ENTRY_END.findall(body))
            if len(entries) > complete:
                entries = entries[:complete]
                warning = _("the feed is cut off: the incomplete last entry was left out")
    if len(entries) > MAX_ENTRIES:
        warning = _("the feed has {n} entries; only the first {kept} were kept").format(n=len(entries),
                                                                                       kept=MAX_ENTRIES)
        entries = entries[:MAX_ENTRIES]
    feed = result.get("feed", {})
    return ParsedFeed(
        title=str(feed.get("title", "")),
        entries=tuple(_entry(e, now) for e in entries),
        warning=warning,
    )


def _benign(exc: object) -> bool:
    """Bozo flags that say nothing about the feed's content (a mislabelled charset or content type)."""
    feedparser = _feedparser()
    return isinstance(exc, (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType))


def _why_not_a_feed(result: Any, body: bytes) -> str:
    if _HTML_PAGE.match(body.lstrip(b"\xef\xbb\xbf")):
        return _("not a feed: the server sent an HTML page")
    if body.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        if b"jsonfeed.org" in body[:4096]:
            return _("unsupported format (JSON Feed)")
        return _("not a feed: the server sent JSON")
    if not result.get("bozo"):
        return _("not an RSS or Atom feed (no channel or feed element)")
    return _("not a valid feed: {error}").format(error=result.get("bozo_exception"))


def _entry(entry: Any, now: datetime) -> ParsedEntry:
    link = str(entry.get("link", "") or "")
    title = _text_field(entry, "title")
    # dict.get bypasses FeedParserDict's deprecated updated -> published aliasing.
    published = _date(dict.get(entry, "published_parsed"), now)
    updated = _date(dict.get(entry, "updated_parsed"), now)
    summary = _html_field(entry, "summary")
    content = _content(entry)
    return ParsedEntry(
        uid=_uid(entry, link, title, published, summary),
        title=title,
        link=link,
        published=published or updated,
        updated=updated,
        author=str(entry.get("author", "") or ""),
        summary_html=summary,
        content_html="" if content == summary else content,
        categories=_categories(entry),
    )


def _uid(entry: Any, link: str, title: str, published: datetime | None, summary: str) -> str:
    """guid, else link, else a hash of what the entry says (so a re-fetch finds the same id)."""
    guid = str(entry.get("id", "") or "").strip()
    if guid:
        return guid
    if link.strip():
        return link.strip()
    stamp = published.isoformat() if published else ""
    digest = hashlib.sha256(f"{title}\x00{stamp}\x00{summary}".encode("utf-8", "replace"))
    return "sha256:" + digest.hexdigest()[:32]


def _text_field(entry: Any, key: str) -> str:
    """A field shown as text: HTML titles have their tags removed and entities decoded."""
    value = str(entry.get(key, "") or "")
    detail = entry.get(f"{key}_detail") or {}
    if "html" in str(detail.get("type", "")):
        value = re.sub(r"<[^>]{0,1000}>", "", value)
        value = html.unescape(keep_control_references(value))
    return value


def _html_field(entry: Any, key: str) -> str:
    """A field kept as HTML: plain-text values are escaped so that consumers treat both alike."""
    value = str(entry.get(key, "") or "")
    detail = entry.get(f"{key}_detail") or {}
    if detail.get("type") == "text/plain":
        return html.escape(value)
    return value


def _content(entry: Any) -> str:
    for item in entry.get("content", []) or []:
        value = str(item.get("value", "") or "")
        if value:
            return html.escape(value) if item.get("type") == "text/plain" else value
    return ""


def _categories(entry: Any) -> tuple[str, ...]:
    terms: list[str] = []
    for tag in entry.get("tags", []) or []:
        term = str(tag.get("term", "") or tag.get("label", "") or "").strip()
        if term and term not in terms:
            terms.append(term)
        if len(terms) >= MAX_CATEGORIES:
            break
    return tuple(terms)


def _date(parsed: Any, now: datetime) -> datetime | None:
    """feedparser's UTC struct_time -> an aware datetime, or None when absent or absurd."""
    if not isinstance(parsed, time.struct_time):
        return None
    try:
        moment = datetime.fromtimestamp(calendar.timegm(parsed), UTC)
    except (OverflowError, ValueError, OSError):
        return None
    if moment.year < 1990:
        return None
    return min(moment, now) if moment - now > FUTURE_TOLERANCE else moment
