"""The command line's arguments: global options, one subcommand, and every number checked where it is read."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from reader import __version__

MAX_LISTED = 10_000  # `list -n`: more is no list anyone reads (and 200,000 rows took 2 minutes and 1 GB)
MAX_FOUND = 1_000  # `search -n`
MAX_ID = (1 << 63) - 1  # SQLite's largest integer: an article id is never more


def count(most: int) -> Callable[[str], int]:
    """An argument type: a whole number from 1 to `most`."""

    def parse(text: str) -> int:
        return _whole(text, 1, most)

    parse.__name__ = "count"  # what argparse names the type in its own messages
    return parse


def article_id(text: str) -> int:
    """An argument type: an article id, a whole number from 1 to SQLite's largest."""
    return _whole(text, 1, MAX_ID)


def _whole(text: str, low: int, high: int) -> int:
    try:
        value = int(text)
    except ValueError:
        value = None
    if value is None or not low <= value <= high:
        raise argparse.ArgumentTypeError(f"must be a whole number from {low} to {high}, not '{text}'")
    return value


def build_parser() -> argparse.ArgumentParser:
    """The argument parser: global options, then one subcommand (none starts the reader)."""
    parser = argparse.ArgumentParser(prog="sportreader", description="A terminal reader for Italian sports news.")
    parser.add_argument("--config", type=Path, metavar="PATH", help="the feeds.toml to use")
    parser.add_argument("--data-dir", type=Path, metavar="DIR", help="where the cache lives")
    parser.add_argument("--demo", action="store_true", help="use the bundled offline demo edition")
    parser.add_argument("--version", action="version", version=f"sportreader {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.add_parser("tui", help="start the reader (the default)")
    refresh = sub.add_parser("refresh", help="fetch every enabled feed into the cache (for cron)")
    refresh.add_argument("--feed", action="append", metavar="NAME", help="only this feed (repeatable)")
    refresh.add_argument("-q", "--quiet", action="store_true", help="print only errors")
    listing = sub.add_parser("list", help="list cached articles, newest first")
    listing.add_argument("--feed", metavar="NAME")
    listing.add_argument("--tag", metavar="TAG")
    listing.add_argument("--unread", action="store_true")
    listing.add_argument("--starred", action="store_true")
    listing.add_argument("-n", "--limit", type=count(MAX_LISTED), default=30, metavar="N")
    listing.add_argument("--json", action="store_true")
    search = sub.add_parser("search", help="search every cached article")
    search.add_argument("query", nargs="+")
    search.add_argument("-n", "--limit", type=count(MAX_FOUND), default=20, metavar="N")
    search.add_argument("--json", action="store_true")
    show = sub.add_parser("show", help="show one article")
    show.add_argument("id", type=article_id)
    show.add_argument("--json", action="store_true")
    sub.add_parser("feeds", help="every feed with its last refresh status")
    check = sub.add_parser("check", help="fetch and parse each feed now, without storing anything")
    check.add_argument("--feed", action="append", metavar="NAME")
    opml = sub.add_parser("opml", help="import or export the feeds as OPML")
    opml_sub = opml.add_subparsers(dest="opml_command", required=True)
    opml_import = opml_sub.add_parser("import", help="add the feeds of an OPML file to feeds.toml")
    opml_import.add_argument("file", type=Path)
    opml_sub.add_parser("export", help="print the configured feeds as OPML")
    config = sub.add_parser("config", help="the config file")
    config_sub = config.add_subparsers(dest="config_command", metavar="ACTION", required=True)
    init = config_sub.add_parser("init", help="write the default feeds.toml into the user's config dir")
    init.add_argument("--force", action="store_true", help="overwrite an existing file")
    config_sub.add_parser("path", help="say which feeds.toml is in use")
    annotate = sub.add_parser("annotate", help="highlight quotes, players, coaches and teams in a text")
    annotate.add_argument("path", nargs="?", default="-", metavar="PATH",
                          help="a UTF-8 text file, paragraphs between blank lines; - or nothing reads stdin")
    annotate.add_argument("--json", action="store_true", help="print the annotation as one JSON object")
    return parser
