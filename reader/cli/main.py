"""The command line: arguments -> calls into the layers -> output and exit codes.

Exit codes: 0 done, 1 the work failed (every feed failed, a database problem, nothing found to show),
2 a usage or config error (nothing was touched).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from pathlib import Path

from reader import __version__
from reader.cli.annotating import cmd_annotate
from reader.cli.configfile import cmd_config, cmd_opml
from reader.cli.context import EXIT_FAILED, EXIT_USAGE, Context
from reader.cli.reading import cmd_list, cmd_search, cmd_show
from reader.cli.refreshing import cmd_check, cmd_feeds, cmd_refresh
from reader.settings.config import ConfigError
from reader.store import StoreError


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
    listing.add_argument("-n", "--limit", type=int, default=30)
    listing.add_argument("--json", action="store_true")
    search = sub.add_parser("search", help="search every cached article")
    search.add_argument("query", nargs="+")
    search.add_argument("-n", "--limit", type=int, default=20)
    search.add_argument("--json", action="store_true")
    show = sub.add_parser("show", help="show one article")
    show.add_argument("id", type=int)
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


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; return its exit code."""
    args = build_parser().parse_args(argv)
    ctx = Context(args)
    try:
        return COMMANDS[args.command or "tui"](ctx)
    except ConfigError as exc:
        for problem in exc.problems:
            ctx.err.print(f"sportreader: config error: {problem.located()}", markup=False, style="red", soft_wrap=True)
        return EXIT_USAGE
    except StoreError as exc:
        ctx.err.print(f"sportreader: {exc}", markup=False, style="red", soft_wrap=True)
        return EXIT_FAILED
    except KeyboardInterrupt:
        return 130
    finally:
        ctx.close()


def cmd_tui(ctx: Context) -> int:
    config = ctx.config()
    from reader.ui.app import run_tui  # imported here: the other commands never load Textual

    return run_tui(config, ctx.data_dir)


COMMANDS: dict[str, Callable[[Context], int]] = {
    "tui": cmd_tui, "refresh": cmd_refresh, "list": cmd_list, "search": cmd_search, "show": cmd_show,
    "feeds": cmd_feeds, "check": cmd_check, "config": cmd_config, "annotate": cmd_annotate,
    "opml": cmd_opml,
}
