"""The command line: arguments -> calls into the layers -> output and exit codes.

Exit codes: 0 done, 1 the work failed (every feed failed, a database problem, nothing found to show),
2 a usage or config error (nothing was touched).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reader.cli import matches as match_commands
from reader.cli import names as names_command
from reader.cli.annotating import cmd_annotate
from reader.cli.argparse_words import translated
from reader.cli.configfile import cmd_config, cmd_opml
from reader.cli.context import EXIT_FAILED, EXIT_USAGE, Context, UsageError, early_config
from reader.cli.interrupt import interrupted
from reader.cli.parser import build_parser
from reader.cli.reading import cmd_list, cmd_search, cmd_show
from reader.cli.refreshing import cmd_check, cmd_feeds, cmd_refresh
from reader.feeds import lookups
from reader.settings.config import ConfigError
from reader.store import StoreError
from reader.text.messages import _


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; return its exit code."""
    status = _main(argv)
    lookups.set_exit_status(status)  # should the process have to leave before a lookup ends
    return status


def _main(argv: Sequence[str] | None) -> int:
    config = early_config(argv)
    with translated():
        args = build_parser().parse_args(argv)
    ctx = Context(args, config)
    try:
        return COMMANDS[args.command or "tui"](ctx)
    except ConfigError as exc:
        label = _("config error")
        for problem in exc.problems:
            ctx.err.print(f"sportreader: {label}: {problem.located()}", markup=False, style="red", soft_wrap=True)
        return EXIT_USAGE
    except UsageError as exc:
        ctx.err.print(f"sportreader: {exc}", markup=False, style="red", soft_wrap=True)
        return EXIT_USAGE
    except StoreError as exc:
        ctx.err.print("sportreader: " + exc.translated(_), markup=False, style="red", soft_wrap=True)
        return EXIT_FAILED
    except KeyboardInterrupt:
        return interrupted()
    finally:
        ctx.close()


def cmd_tui(ctx: Context) -> int:
    config = ctx.config()
    from reader.ui.app import run_tui  # imported here: the other commands never load Textual

    return run_tui(config, ctx.data_dir, demo_fixtures=ctx.demo_fixtures)  # the demo's calendar, in demo mode


COMMANDS: dict[str, Callable[[Context], int]] = {
    "tui": cmd_tui, "refresh": cmd_refresh, "list": cmd_list, "search": cmd_search, "show": cmd_show,
    "feeds": cmd_feeds, "check": cmd_check, "config": cmd_config, "annotate": cmd_annotate,
    "opml": cmd_opml, "names": names_command.run, **match_commands.COMMANDS,
}
