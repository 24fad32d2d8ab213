"""OPML in and out: read another reader's subscriptions (listparser), write ours, add feeds to feeds.toml.

feeds.toml is appended to, never rewritten, so its comments and layout stay as the user wrote them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

from reader.models import FeedSpec
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


def append_feeds(config_file: Path, subscriptions: Sequence[Subscription]) -> None:
    """Add the subscriptions at the end of feeds.toml."""
    text = config_file.read_text(encoding="utf-8")
    separator = "" if text.endswith("\n\n") else ("\n" if text.endswith("\n") else "\n\n")
    addition = "# Imported from OPML.\n" + toml_blocks(subscriptions)
    config_file.write_text(text + separator + addition, encoding="utf-8")


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
