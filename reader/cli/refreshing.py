"""The commands that fetch: refresh (into the cache), check (nothing stored), and feeds (their status)."""

from __future__ import annotations

from contextlib import nullcontext
from typing import TYPE_CHECKING

from reader.cli.choose import choose
from reader.cli.context import EXIT_FAILED, EXIT_OK, Context
from reader.feeds import tls
from reader.models import FeedResult, FeedSpec
from reader.settings.config import Config, ConfigError
from reader.store import Store, StoreError
from reader.text.messages import _, ngettext

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress


def cmd_refresh(ctx: Context) -> int:
    config = ctx.config()
    if not config.enabled_feeds and not ctx.args.feed:  # nothing to do is a config mistake, not a success
        raise ConfigError(config.path, _("every feed in this file is disabled") if config.feeds
                          else _("no feeds configured in this file"))
    feeds = _select_feeds(config, ctx.args.feed)
    days = config.settings.retention_days

    # On a terminal: a progress bar, then a table. Otherwise (cron, pipes): one line per feed as it ends.
    interactive = not ctx.args.quiet and ctx.out.is_terminal
    progress = _progress_bar(ctx.out) if interactive else None
    task = progress.add_task("", total=len(feeds or config.enabled_feeds)) if progress else None

    def report(result: FeedResult) -> None:
        if progress is not None and task is not None:
            progress.advance(task)
        elif not ctx.args.quiet or result.error:
            from reader.cli import console

            target = ctx.err if result.error and ctx.args.quiet else ctx.out
            target.print(console.feed_result_line(result, days), soft_wrap=True)  # one line a feed, at any width

    with ctx.store() as store, progress or nullcontext():
        # The config and the store are known good: the CA bundle is read on a thread (tls.py) while the
        # refresh's own modules load, and no exit before this point has a thread to wait for.
        tls.build_early()
        from reader.feeds.refresh import refresh

        result = refresh(config, store, feeds=feeds, on_result=report)
    if not ctx.args.quiet:
        from reader.cli import console

        if interactive:
            ctx.out.print(console.refresh_table(result, days))
        ctx.out.print(console.refresh_summary(result, days), soft_wrap=True)
    if config.settings.prefetch:
        _prefetch(ctx, config)
    all_failed = bool(result.results) and len(result.failed) == len(result.results)
    return EXIT_FAILED if all_failed else EXIT_OK


def _progress_bar(out: Console) -> Progress:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    return Progress(TextColumn(_("Refreshing the feeds")), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    console=out, transient=True)


def _prefetch(ctx: Context, config: Config) -> None:
    from reader.article.loader import ArticleLoader
    from reader.feeds import lookups

    async def run(store: Store) -> int:
        loader = ArticleLoader(config.settings, store)
        finished = False
        try:
            loaded = await loader.prefetch_unread()
            finished = True
            return loaded
        finally:
            await loader.aclose(wait=finished)

    with ctx.store() as store:
        loaded = lookups.run(run(store))
    if not ctx.args.quiet:
        ctx.out.print(ngettext("{n} full article downloaded for reading offline",
                               "{n} full articles downloaded for reading offline", loaded).format(n=loaded),
                      markup=False)


def _select_feeds(config: Config, names: list[str] | None) -> list[FeedSpec] | None:
    """The feeds named on the command line (None: not one named), as `choose` reads each name."""
    if not names:
        return None
    by_name = {f.name: f for f in config.feeds}
    chosen = (choose(name, by_name, kind="feed") for name in names)
    return [by_name[name] for name in dict.fromkeys(chosen)]


def cmd_feeds(ctx: Context) -> int:
    from reader.cli import console

    config = ctx.config()
    with ctx.store(reading=True) as store:
        if not store.read_only:  # a read-only cache shows the feeds it has
            try:
                store.sync_feeds(config.feeds)
            except StoreError as exc:
                if not exc.unwritable:
                    raise
        feeds = store.feeds_overview()
    configured = {f.name for f in config.feeds}
    ctx.out.print(console.FeedsView([f for f in feeds if f.name in configured]))
    return EXIT_OK


def cmd_check(ctx: Context) -> int:
    from reader.cli import console
    from reader.feeds.check import check_feeds

    config = ctx.config()
    feeds = _select_feeds(config, ctx.args.feed) or config.enabled_feeds
    results = check_feeds(config, feeds,
                          on_result=lambda r: ctx.out.print(console.feed_result_line(r), soft_wrap=True))
    failed = [r for r in results if r.error]
    checked = ngettext("{n} feed checked", "{n} feeds checked", len(results)).format(n=len(results))
    errors = ngettext("{n} with errors", "{n} with errors", len(failed)).format(n=len(failed))
    ctx.out.print(f"{checked}, {errors}", markup=False)
    return EXIT_FAILED if failed else EXIT_OK


