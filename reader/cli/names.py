"""`sportreader names [--json] [--rebuild]`: the people of the cache, most named first, with kind and team.

The people index (reader.store.people) is brought up to date first: the entries stored since it was last
counted are annotated knowing the names it learned, and added. `--rebuild` counts every cached article
again, twice: once to learn the names no list knows, once to count them everywhere.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from reader.cli.jsonout import print_json
from reader.store import people as index
from reader.store.people import IndexedText, PersonRow

if TYPE_CHECKING:
    from reader.annotate.model import KnownPerson
    from reader.annotate.people import Census, PersonCount
    from reader.cli.context import Context
    from reader.settings.config import NameSpec
    from reader.store import Store

DEFAULT_LIMIT = 50


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The `names` subcommand's arguments."""
    from reader.text.messages import _

    names = sub.add_parser("names", help=_("the people named in the cached articles, most named first"))
    names.add_argument("--rebuild", action="store_true", help=_("count every cached article again"))
    names.add_argument("-n", "--limit", type=_positive, default=DEFAULT_LIMIT, help=_("how many people to list"))
    names.add_argument("--json", action="store_true", help=_("print the list as JSON"))


def run(ctx: Context) -> int:
    """Bring the index up to date, then list it."""
    from reader.settings.config import load_config

    config = load_config(ctx.args.config)
    with ctx.store() as store:
        update(store, config.names, rebuild=ctx.args.rebuild)
        rows = index.people(store, limit=ctx.args.limit)
    if ctx.args.json:
        return print_json([_row_json(r) for r in rows])
    if not rows:
        from reader.text.messages import _

        ctx.err.print(_("No one is named in the cached articles yet: `sportreader refresh` downloads them."),
                      markup=False)
        return 0
    ctx.out.print(_table(rows))
    return 0


def update(store: Store, names: Mapping[str, NameSpec], *, rebuild: bool = False) -> int:
    """Count the entries not counted yet (all of them when `rebuild`); returns how many were read."""
    up_to = 0 if rebuild or not index.indexed_up_to(store) else index.indexed_up_to(store)
    entries = list(index.entries_after(store, up_to))
    if not entries and not rebuild:
        return 0
    known: list[KnownPerson] = [] if rebuild or not up_to else [_known(r) for r in index.learned(store)]
    if rebuild or not up_to:  # a first pass learns what no list knows, the second counts it everywhere
        known = census(entries, names, known).known()
    counted = census(entries, names, known)
    rows = [_stored(row, names) for row in counted.rows()]
    index.save(store, rows, entries[-1].id if entries else up_to, rebuild=rebuild or not up_to)
    return len(entries)


def census(entries: Iterable[IndexedText], names: Mapping[str, NameSpec], known: list[KnownPerson]) -> Census:
    """The people of the entries, annotated knowing `known`."""
    from reader.annotate import annotate
    from reader.annotate.people import learn_people

    return learn_people((annotate(e.text, title=e.title, extra_names=names, known=known) for e in entries), known)


def _known(row: PersonRow) -> KnownPerson:
    from reader.annotate.model import KnownPerson

    return KnownPerson(row.name, row.kind, row.team)


def _stored(row: PersonCount, names: Mapping[str, NameSpec]) -> PersonRow:
    learned = "names" if row.name in names else row.learned
    return PersonRow(row.name, row.kind, row.team, row.articles, row.mentions, learned)


def _row_json(row: PersonRow) -> dict[str, object]:
    return {"name": row.name, "kind": row.kind, "team": row.team or None, "articles": row.articles,
            "mentions": row.mentions, "learned": row.learned or None}


def _table(rows: list[PersonRow]) -> object:
    from rich.table import Table
    from rich.text import Text

    from reader.text.kinds import learned_label, person_label
    from reader.text.messages import _
    from reader.text.sanitize import clean_line

    table = Table(box=None, pad_edge=False, header_style="bold")
    for column, justify in ((_("name"), "left"), (_("kind"), "left"), (_("team"), "left"),
                            (_("articles"), "right"), (_("mentions"), "right"), (_("learned"), "left")):
        table.add_column(column, justify=justify)  # type: ignore[arg-type]
    for r in rows:
        table.add_row(Text(clean_line(r.name, 80), style="bold"), person_label(r.kind), Text(clean_line(r.team, 40)),
                      str(r.articles), str(r.mentions), Text(learned_label(r.learned), style="dim"))
    return table


def _positive(value: str) -> int:
    from reader.text.messages import _

    if not value.isdigit() or int(value) <= 0 or len(value) > 9:
        raise argparse.ArgumentTypeError(_("{value} is not a positive number").format(value=value))
    return int(value)
