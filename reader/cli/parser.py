"""The command line's arguments: global options, one subcommand, and every number checked where it is read."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reader import __version__
from reader.cli import matches as match_commands
from reader.cli import names as names_command
from reader.text.messages import _

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
        raise argparse.ArgumentTypeError(_("must be a whole number from {low} to {high}, not '{text}'").format(
            low=low, high=high, text=text))
    return value


def build_parser() -> argparse.ArgumentParser:
    """The argument parser: global options, then one subcommand (none starts the reader)."""
    parser = argparse.ArgumentParser(prog="sportreader", description=_("A terminal reader for Italian sports news."))
    parser.add_argument("--config", type=Path, metavar=_("PATH"), help=_("the feeds.toml to use"))
    parser.add_argument("--data-dir", type=Path, metavar=_("DIR"), help=_("where the cache lives"))
    parser.add_argument("--demo", action="store_true", help=_("use the bundled offline demo edition"))
    parser.add_argument("--version", action="version", version=f"sportreader {__version__}",
                        help=_("show the version and exit"))
    sub = parser.add_subparsers(dest="command", metavar=_("COMMAND"))
    _command(sub, "tui", _("start the reader (the default)"))
    refresh = _command(sub, "refresh", _("fetch every enabled feed into the cache (for cron)"))
    refresh.add_argument("--feed", action="append", metavar=_("NAME"), help=_("only this feed (repeatable)"))
    refresh.add_argument("-q", "--quiet", action="store_true", help=_("print only errors"))
    listing = _command(sub, "list", _("list cached articles, newest first"))
    listing.add_argument("--feed", metavar=_("NAME"), help=_("only this feed's articles"))
    listing.add_argument("--tag", metavar=_("TAG"), help=_("only the articles of the feeds with this tag"))
    listing.add_argument("--unread", action="store_true", help=_("only the unread ones"))
    listing.add_argument("--starred", action="store_true", help=_("only the starred ones"))
    listing.add_argument("-n", "--limit", type=count(MAX_LISTED), default=30, metavar="N",
                         help=_("at most N articles (default: 30)"))
    listing.add_argument("--json", action="store_true", help=_("print them as JSON"))
    search = _command(sub, "search", _("search every cached article"))
    search.add_argument("query", nargs="+", metavar=_("WORD"), help=_("words, \"a phrase\", prefix*"))
    search.add_argument("-n", "--limit", type=count(MAX_FOUND), default=20, metavar="N",
                        help=_("at most N results (default: 20)"))
    search.add_argument("--json", action="store_true", help=_("print them as JSON"))
    show = _command(sub, "show", _("show one article"))
    show.add_argument("id", type=article_id, metavar="ID", help=_("the article's id, as list and search print it"))
    show.add_argument("--json", action="store_true", help=_("print it as JSON"))
    _command(sub, "feeds", _("every feed with its last refresh status"))
    check = _command(sub, "check", _("fetch and parse each feed now, without storing anything"))
    check.add_argument("--feed", action="append", metavar=_("NAME"), help=_("only this feed (repeatable)"))
    opml = _command(sub, "opml", _("import or export the feeds as OPML"))
    opml_sub = opml.add_subparsers(dest="opml_command", metavar=_("ACTION"), required=True)
    opml_import = _command(opml_sub, "import", _("add the feeds of an OPML file to feeds.toml"))
    opml_import.add_argument("file", type=Path, metavar=_("FILE"), help=_("the OPML file"))
    _command(opml_sub, "export", _("print the configured feeds as OPML"))
    config = _command(sub, "config", _("the config file"))
    config_sub = config.add_subparsers(dest="config_command", metavar=_("ACTION"), required=True)
    init = _command(config_sub, "init", _("write the default feeds.toml into the user's config dir"))
    init.add_argument("--force", action="store_true", help=_("overwrite an existing file"))
    _command(config_sub, "path", _("say which feeds.toml is in use"))
    annotate = _command(sub, "annotate", _("highlight quotes, players, coaches and teams in a text"))
    annotate.add_argument("path", nargs="?", default="-", metavar=_("PATH"),
                          help=_("a UTF-8 text file, paragraphs between blank lines; - or nothing reads stdin"))
    annotate.add_argument("--json", action="store_true", help=_("print the annotation as one JSON object"))
    match_commands.add_parsers(sub)
    names_command.add_parser(sub)
    return parser


def _command(sub: Any, name: str, summary: str) -> argparse.ArgumentParser:
    """A subcommand, with its summary in the list of commands and atop its own --help."""
    command: argparse.ArgumentParser = sub.add_parser(name, help=summary, description=summary)
    return command
