"""The commands about the config file: config init and path, and OPML import and export."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from reader.cli.context import EXIT_FAILED, EXIT_OK, EXIT_USAGE, Context
from reader.settings import paths
from reader.settings.config import SHIPPED, ConfigError, load_config, parse_config_text, resolve_config_path
from reader.text.messages import _, ngettext

if TYPE_CHECKING:
    from reader.feeds.opml import Subscription


def cmd_config(ctx: Context) -> int:
    if ctx.args.config_command == "path":
        path, origin = resolve_config_path(ctx.args.config)
        ctx.out.print(f"{path}  ({_(origin)})", markup=False, soft_wrap=True)
        return EXIT_OK
    target = paths.user_config_file()
    if target.exists() and not ctx.args.force:
        ctx.err.print(_("{path} already exists; use --force to overwrite it").format(path=target), markup=False)
        return EXIT_USAGE
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(paths.shipped_config_file(), target)
    ctx.out.print(_("Wrote {path}").format(path=target), markup=False, soft_wrap=True)
    return EXIT_OK


def cmd_opml(ctx: Context) -> int:
    from reader.feeds import opml

    if ctx.args.opml_command == "export":
        sys.stdout.buffer.write(opml.write_opml(ctx.user_config().feeds))
        return EXIT_OK
    try:
        subscriptions = opml.read_opml(ctx.args.file.read_bytes())
    except OSError as exc:
        ctx.err.print("sportreader: " + _("cannot read {path}: {reason}").format(path=ctx.args.file,
                                                                                 reason=exc.strerror or exc),
                      markup=False, style="red")
        return EXIT_USAGE
    except opml.OpmlError as exc:
        ctx.err.print(f"sportreader: {ctx.args.file}: {exc}", markup=False, style="red")
        return EXIT_USAGE
    target, origin = resolve_config_path(ctx.args.config)
    if origin == SHIPPED:  # never edit the packaged file: start the user's own from it
        target = paths.user_config_file()
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(paths.shipped_config_file(), target)
    new = opml.new_feeds(subscriptions, load_config(target).feeds)
    added, rejected = opml.check_subscriptions(new)
    for bad in rejected:  # one bad outline is reported and skipped, not the end of the import
        ctx.err.print(_("skipped '{name}': {reason}").format(name=bad.subscription.name, reason=bad.reason),
                      markup=False, style="yellow", soft_wrap=True)
    failed = _write_feeds(ctx, target, added) if added else None
    if failed is not None:
        return failed
    skipped = len(subscriptions) - len(new)
    said = ngettext("{n} feed added to {path}", "{n} feeds added to {path}", len(added)).format(n=len(added),
                                                                                                path=target)
    if skipped:
        said += " " + ngettext("({n} already there or not http)", "({n} already there or not http)",
                               skipped).format(n=skipped)
    ctx.out.print(said, markup=False, soft_wrap=True)
    return EXIT_OK


def _write_feeds(ctx: Context, target: Path, added: Sequence[Subscription]) -> int | None:
    """Add the feeds at the end of feeds.toml, in one step; an exit status (and why) when nothing was written."""
    from reader.feeds import opml

    text = opml.with_feeds(target.read_text(encoding="utf-8"), added)
    try:
        parse_config_text(text, target)  # the whole file as it would be: a problem leaves it as it is
        opml.replace_text(target, text)
    except ConfigError as exc:
        message, status = _("nothing imported: {problem}").format(problem=exc.message), EXIT_USAGE
    except OSError as exc:
        message = _("cannot write {path}: {reason}; it was left as it was").format(path=target,
                                                                                  reason=exc.strerror or exc)
        status = EXIT_FAILED
    else:
        return None
    ctx.err.print("sportreader: " + message, markup=False, style="red", soft_wrap=True)
    return status


