"""The commands about the config file: config init and path, and OPML import and export."""

from __future__ import annotations

import shutil
import sys

from reader.cli.context import EXIT_OK, EXIT_USAGE, Context
from reader.settings import paths
from reader.settings.config import SHIPPED, ConfigError, load_config, resolve_config_path
from reader.text.messages import _, ngettext


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
    added = opml.new_feeds(subscriptions, load_config(target).feeds)
    if added:
        before = target.read_text(encoding="utf-8")
        opml.append_feeds(target, added)
        try:
            load_config(target)
        except ConfigError:
            target.write_text(before, encoding="utf-8")  # nothing half-imported
            raise
    skipped = len(subscriptions) - len(added)
    said = ngettext("{n} feed added to {path}", "{n} feeds added to {path}", len(added)).format(n=len(added),
                                                                                                path=target)
    if skipped:
        said += " " + ngettext("({n} already there or not http)", "({n} already there or not http)",
                               skipped).format(n=skipped)
    ctx.out.print(said, markup=False, soft_wrap=True)
    return EXIT_OK


