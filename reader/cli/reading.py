"""The commands that read the cache: list, search and show, as tables or as JSON."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from typing import Any

from reader.cli.choose import choose
from reader.cli.context import EXIT_FAILED, EXIT_OK, EXIT_USAGE, Context
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
        return _print_json(ctx, [_jsonable(asdict(p)) for p in previews])
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
        return _print_json(ctx, [_jsonable(asdict(h)) for h in hits])
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
        return _print_json(ctx, _jsonable(asdict(article)))
    ctx.out.print(console.article_view(article))
    return EXIT_OK


def _print_json(ctx: Context, data: object) -> int:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    return EXIT_OK


def _jsonable(value: Any) -> Any:
    """Dates as ISO text, and every string cleaned for display: JSON would carry U+009B or U+202E raw."""
    if isinstance(value, str):
        return clean_display(value)
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


