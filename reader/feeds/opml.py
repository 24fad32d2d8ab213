"""OPML in and out: read another reader's subscriptions (listparser), write ours, add feeds to feeds.toml.

feeds.toml keeps its text as the user wrote it, comments and layout included: the new feeds go at its end.
The new file is written beside it and put in its place in one step (os.replace), so a full disk or a
crash leaves the old file whole, never one cut in the middle of an entry.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

from reader.models import FeedSpec
from reader.settings.config import ConfigError, parse_config_text
from reader.text.messages import _
from reader.text.sanitize import clean_line


class OpmlError(Exception):
    """An OPML file that cannot be read."""


@dataclass(frozen=True, slots=True)
class Subscription:
    """One feed of an OPML file: its title, address and the folders it sits in (as tags)."""

    name: str
    url: str
    tags: tuple[str, ...]


def read_opml(data: bytes) -> list[Subscription]:
    """The feeds listed in an OPML document."""
    import listparser

    result = listparser.parse(data)
    if not result.feeds:
        reason = result.get("bozo_exception") or _("no feeds in it")
        raise OpmlError(_("not a usable OPML file: {reason}").format(reason=reason))
    subscriptions = []
    for feed in result.feeds:
        url = str(feed.get("url", "")).strip()
        name = clean_line(str(feed.get("title") or url), 120)
        parts = (clean_line(str(part), 40).lower() for path in feed.get("categories", []) for part in path)
        tags = tuple(dict.fromkeys(p for p in parts if p))
        subscriptions.append(Subscription(name, url, tags))
    return subscriptions


def new_feeds(subscriptions: Iterable[Subscription], existing: Sequence[FeedSpec]) -> list[Subscription]:
    """The subscriptions not yet in the config (by URL), with names made unique."""
    urls = {f.url.rstrip("/").casefold() for f in existing}
    names = {f.name.casefold() for f in existing}
    added: list[Subscription] = []
    for sub in subscriptions:
        if not sub.url.lower().startswith(("http://", "https://")) or sub.url.rstrip("/").casefold() in urls:
            continue
        name, n = sub.name, 2
        while name.casefold() in names:
            name, n = f"{sub.name} ({n})", n + 1
        urls.add(sub.url.rstrip("/").casefold())
        names.add(name.casefold())
        added.append(Subscription(name, sub.url, sub.tags))
    return added


def toml_blocks(subscriptions: Iterable[Subscription]) -> str:
    """`[[feeds]]` tables for the subscriptions (JSON strings are valid TOML basic strings)."""
    blocks = []
    for sub in subscriptions:
        tags = ", ".join(json.dumps(t, ensure_ascii=False) for t in sub.tags)
        blocks.append(f"[[feeds]]\nname = {json.dumps(sub.name, ensure_ascii=False)}\n"
                      f"url = {json.dumps(sub.url, ensure_ascii=False)}\ntags = [{tags}]\nenabled = true\n")
    return "\n".join(blocks)


@dataclass(frozen=True, slots=True)
class Rejected:
    """An outline that cannot be a feed of feeds.toml, and why (config's own words)."""

    subscription: Subscription
    reason: str


def check_subscriptions(subscriptions: Iterable[Subscription]) -> tuple[list[Subscription], list[Rejected]]:
    """The subscriptions feeds.toml would accept, and the others with the reason (a URL with no host, a
    newline or an escape in it...), each checked alone by the config's own rules."""
    good: list[Subscription] = []
    rejected: list[Rejected] = []
    for sub in subscriptions:
        try:
            parse_config_text(toml_blocks([sub]), Path("opml"))
        except ConfigError as exc:
            rejected.append(Rejected(sub, exc.message))
        else:
            good.append(sub)
    return good, rejected


def with_feeds(text: str, subscriptions: Sequence[Subscription]) -> str:
    """The text of feeds.toml with the subscriptions added at its end."""
    separator = "" if text.endswith("\n\n") else ("\n" if text.endswith("\n") else "\n\n")
    return text + separator + "# Imported from OPML.\n" + toml_blocks(subscriptions)


def replace_text(path: Path, text: str) -> None:
    """Write `text` as the file's new content in one step; on any failure the old file stays whole."""
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".new", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())  # the content is on disk before the name points at it
        if path.exists():
            os.chmod(temporary, path.stat().st_mode & 0o7777)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_opml(feeds: Iterable[FeedSpec], title: str = "sportreader") -> bytes:
    """An OPML 2.0 document of the feeds, each tag a category."""
    root = ElementTree.Element("opml", version="2.0")
    head = ElementTree.SubElement(root, "head")
    ElementTree.SubElement(head, "title").text = title
    body = ElementTree.SubElement(root, "body")
    for feed in feeds:
        attributes = {"type": "rss", "text": feed.name, "title": feed.name, "xmlUrl": feed.url}
        if feed.tags:
            attributes["category"] = ",".join(feed.tags)
        ElementTree.SubElement(body, "outline", attributes)
    ElementTree.indent(root)
    document: bytes = ElementTree.tostring(root, encoding="utf-8", xml_declaration=False)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + document + b"\n"
