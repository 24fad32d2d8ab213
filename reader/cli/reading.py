"""The commands that read the cache: list, search and show, as tables or as JSON."""

from __future__ import annotations

from dataclasses import asdict

from reader.cli.choose import choose
from reader.cli.context import EXIT_FAILED, EXIT_OK, EXIT_USAGE, Context
from reader.cli.jsonout import print_json
from reader.store import Filter, QueryTooLong, Store
from reader.text.messages import _
from reader.text.sanitize import clean_display


def cmd_list(ctx: Context) -> int:
    from reader.cli import console

    with ctx.store(reading=True) as store:
        where = _filter(ctx, store)
        previews = store.previews(where, limit=ctx.args.limit) if where else []
        empty = not previews and store.count() == 0
    if ctx.args.json:
        return print_json([asdict(p) for p in previews])
    if not previews:  # an empty table says nothing: say why, and what to do
        refresh = "sportreader --demo refresh" if ctx.args.demo else "sportreader refresh"
        ctx.err.print(_("The cache is empty: `{command}` downloads the articles.").format(command=refresh) if empty
                      else _("No article matches this filter."), markup=False)
        return EXIT_OK
    ctx.out.print(console.preview_table(previews))
    return EXIT_OK


def _filter(ctx: Context, store: Store) -> Filter | None:
    """The filter the options ask for, with the feed and tag named as `choose` reads them; None when the
    cache has no feeds at all (nothing to choose from, nothing to list)."""
    feed, tag = ctx.args.feed, ctx.args.tag
    if feed is not None or tag is not None:
        tags_of = store.feed_tags()
        if not tags_of:
            return None
        if feed is not None:
            feed = choose(feed, tags_of, kind="feed")
        if tag is not None:
            tag = choose(tag, (t for tags in tags_of.values() for t in tags), kind="tag")
    return Filter(feed=feed, tag=tag, unread_only=ctx.args.unread, starred_only=ctx.args.starred)


def cmd_search(ctx: Context) -> int:
    from reader.cli import console

    query = " ".join(ctx.args.query)
    with ctx.store(reading=True) as store:
        try:
            hits = store.search(query, limit=ctx.args.limit)
        except QueryTooLong as problem:
            from reader.text.render import search_refused

            ctx.err.print(search_refused(problem), markup=False)
            return EXIT_USAGE
    if ctx.args.json:
        return print_json([asdict(h) for h in hits])
    if not hits:
        ctx.err.print(_("No article found for: {query}").format(query=clean_display(query)), markup=False)
        return EXIT_FAILED
    ctx.out.print(console.search_results(hits))
    return EXIT_OK


def cmd_show(ctx: Context) -> int:
    from reader.cli import console

    with ctx.store(reading=True) as store:
        article = store.article(ctx.args.id)
    if article is None:
        ctx.err.print(_("No article has the id {id}").format(id=ctx.args.id), markup=False)
        return EXIT_FAILED
    if ctx.args.json:
        return print_json(asdict(article))
    ctx.out.print(console.article_view(article))
    return EXIT_OK


