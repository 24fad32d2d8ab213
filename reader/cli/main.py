"""The command line: arguments -> calls into the layers -> output and exit codes.

Exit codes: 0 done, 1 the work failed (every feed failed, a database problem, nothing found to show),
2 a usage or config error (nothing was touched).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager, nullcontext
from dataclasses import asdict
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader import __version__
from reader.cli.interrupt import interrupted
from reader.feeds import lookups
from reader.models import FeedResult
from reader.settings import paths
from reader.settings.config import Config, ConfigError, load_config, parse_config_text, resolve_config_path
from reader.store import Filter, Store, StoreError
from reader.text.messages import _, ngettext
from reader.text.sanitize import clean_display

if TYPE_CHECKING:
    from rich.console import Console, Group
    from rich.progress import Progress

    from reader.annotate.model import Annotation
    from reader.feeds.opml import Subscription

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


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


class Context:
    """What every command needs: the parsed arguments, consoles, the config and the data dir."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self._demo_server: Any = None

    # The consoles, and Rich with them, are made when first used: `refresh -q` from cron prints nothing and
    # starts fetching ~35 ms sooner without importing Rich.
    @cached_property
    def out(self) -> Console:
        from rich.console import Console

        return Console(highlight=False, emoji=False)

    @cached_property
    def err(self) -> Console:
        from rich.console import Console

        return Console(stderr=True, highlight=False, emoji=False, soft_wrap=True)

    @property
    def data_dir(self) -> Path:
        base = self.args.data_dir or paths.default_data_dir()
        # The demo edition never mixes with the user's own cache.
        return base / "demo" if self.args.demo and not self.args.data_dir else base

    def config(self) -> Config:
        """The config in use; in demo mode, the demo server's feeds (started on first use)."""
        config = load_config(self.args.config)
        if not self.args.demo:
            return config
        if self._demo_server is None:
            from reader.demo import DemoServer, edition_time

            self._demo_server = DemoServer(now=edition_time(self.data_dir)).start()
        demo_config: Config = self._demo_server.config(config)
        return demo_config

    @contextmanager
    def store(self, *, reading: bool = False) -> Iterator[Store]:
        """The cache; `reading`: a command that only reads, which a read-only cache still serves."""
        database = paths.database_file(self.data_dir)
        with Store.for_reading(database) if reading else Store(database) as store:
            yield store

    def close(self) -> None:
        if self._demo_server is not None:
            self._demo_server.stop()


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; return its exit code."""
    status = _main(argv)
    lookups.set_exit_status(status)  # should the process have to leave before a lookup ends
    return status


def _main(argv: Sequence[str] | None) -> int:
    args = build_parser().parse_args(argv)
    ctx = Context(args)
    try:
        return COMMANDS[args.command or "tui"](ctx)
    except ConfigError as exc:
        for problem in exc.problems:
            ctx.err.print(f"sportreader: config error: {problem.located()}", markup=False, style="red", soft_wrap=True)
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

    return run_tui(config, ctx.data_dir)


def cmd_refresh(ctx: Context) -> int:
    config = ctx.config()
    if not config.enabled_feeds and not ctx.args.feed:  # nothing to do is a config mistake, not a success
        raise ConfigError(config.path, "every feed in this file is disabled" if config.feeds
                          else "no feeds configured in this file")
    feeds = _select_feeds(config, ctx.args.feed)

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
            target.print(console.feed_result_line(result))

    with ctx.store() as store, progress or nullcontext():
        from reader.feeds import tls

        # The config and the store are known good: the CA bundle is read on a thread (tls.py) while the
        # refresh's own modules load, and no exit before this point has a thread to wait for.
        tls.build_early()
        from reader.feeds.refresh import refresh

        result = refresh(config, store, feeds=feeds, on_result=report)
    if not ctx.args.quiet:
        from reader.cli import console

        if interactive:
            ctx.out.print(console.refresh_table(result))
        ctx.out.print(console.refresh_summary(result))
    if config.settings.prefetch:
        _prefetch(ctx, config)
    all_failed = bool(result.results) and len(result.failed) == len(result.results)
    return EXIT_FAILED if all_failed else EXIT_OK


def _progress_bar(out: Console) -> Progress:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    return Progress(TextColumn("Aggiornamento dei feed"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    console=out, transient=True)


def _prefetch(ctx: Context, config: Config) -> None:
    from reader.article.loader import ArticleLoader

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
        ctx.out.print(f"{loaded} articoli completi scaricati per la lettura offline", markup=False)


def _select_feeds(config: Config, names: list[str] | None) -> Any:
    if not names:
        return None
    known = {f.name.casefold(): f for f in config.feeds}
    missing = [n for n in names if n.casefold() not in known]
    if missing:
        raise ConfigError(config.path, f"no feed named '{missing[0]}' (see `sportreader feeds`)")
    return [known[n.casefold()] for n in names]


def cmd_list(ctx: Context) -> int:
    from reader.cli import console

    where = Filter(feed=ctx.args.feed, tag=ctx.args.tag, unread_only=ctx.args.unread,
                   starred_only=ctx.args.starred)
    with ctx.store(reading=True) as store:
        previews = store.previews(where, limit=ctx.args.limit)
        empty = not previews and store.count() == 0
    if ctx.args.json:
        return _print_json(ctx, [_jsonable(asdict(p)) for p in previews])
    if not previews:  # an empty table says nothing: say why, and what to do
        refresh = "sportreader --demo refresh" if ctx.args.demo else "sportreader refresh"
        ctx.err.print(f"La cache è vuota: `{refresh}` scarica gli articoli." if empty
                      else "Nessun articolo per questo filtro.", markup=False)
        return EXIT_OK
    ctx.out.print(console.preview_table(previews))
    return EXIT_OK


def cmd_search(ctx: Context) -> int:
    from reader.cli import console

    query = " ".join(ctx.args.query)
    with ctx.store(reading=True) as store:
        hits = store.search(query, limit=ctx.args.limit)
    if ctx.args.json:
        return _print_json(ctx, [_jsonable(asdict(h)) for h in hits])
    if not hits:
        ctx.err.print(f"Nessun articolo trovato per: {clean_display(query)}", markup=False)
        return EXIT_FAILED
    ctx.out.print(console.search_results(hits))
    return EXIT_OK


def cmd_show(ctx: Context) -> int:
    from reader.cli import console

    with ctx.store(reading=True) as store:
        article = store.article(ctx.args.id)
    if article is None:
        ctx.err.print(f"Nessun articolo con id {ctx.args.id}", markup=False)
        return EXIT_FAILED
    if ctx.args.json:
        return _print_json(ctx, _jsonable(asdict(article)))
    ctx.out.print(console.article_view(article))
    return EXIT_OK


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
    results = check_feeds(config, feeds, on_result=lambda r: ctx.out.print(console.feed_result_line(r)))
    failed = [r for r in results if r.error]
    ctx.out.print(f"{len(results)} feed controllati, {len(failed)} con errori", markup=False)
    return EXIT_FAILED if failed else EXIT_OK


def cmd_config(ctx: Context) -> int:
    if ctx.args.config_command == "path":
        path, origin = resolve_config_path(ctx.args.config)
        ctx.out.print(f"{path}  ({origin})", markup=False, soft_wrap=True)
        return EXIT_OK
    target = paths.user_config_file()
    if target.exists() and not ctx.args.force:
        ctx.err.print(f"{target} already exists; use --force to overwrite it", markup=False)
        return EXIT_USAGE
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(paths.shipped_config_file(), target)
    ctx.out.print(f"Wrote {target}", markup=False, soft_wrap=True)
    return EXIT_OK


def cmd_opml(ctx: Context) -> int:
    from reader.feeds import opml

    if ctx.args.opml_command == "export":
        sys.stdout.buffer.write(opml.write_opml(load_config(ctx.args.config).feeds))
        return EXIT_OK
    try:
        subscriptions = opml.read_opml(ctx.args.file.read_bytes())
    except OSError as exc:
        ctx.err.print(f"sportreader: cannot read {ctx.args.file}: {exc.strerror or exc}", markup=False, style="red")
        return EXIT_USAGE
    except opml.OpmlError as exc:
        ctx.err.print(f"sportreader: {ctx.args.file}: {exc}", markup=False, style="red")
        return EXIT_USAGE
    target, origin = resolve_config_path(ctx.args.config)
    if origin == "shipped default":  # never edit the packaged file: start the user's own from it
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
    line = ngettext("{n} feed added to {path}", "{n} feeds added to {path}", len(added)).format(
        n=len(added), path=target)
    skipped = len(subscriptions) - len(new)
    if skipped:
        line += " " + ngettext("({n} already there or not http)", "({n} already there or not http)",
                               skipped).format(n=skipped)
    ctx.out.print(line, markup=False, soft_wrap=True)
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


def cmd_annotate(ctx: Context) -> int:
    from reader.annotate import annotate

    try:
        text = _read_text(ctx.args.path)
    except ValueError as exc:
        ctx.err.print(f"sportreader: {exc}", markup=False, style="red", soft_wrap=True)
        return EXIT_USAGE
    config = load_config(ctx.args.config)
    if ctx.args.json:
        annotation = annotate(text, extra_names=config.names)
        sys.stdout.write(json.dumps(annotation.to_json(), ensure_ascii=False) + "\n")
        return EXIT_OK
    shown = text.replace("\r\n", "\n")  # offsets matter only for --json, which keeps the raw text
    ctx.out.print(_annotated(shown, annotate(shown, extra_names=config.names), config.highlight))
    return EXIT_OK


def _read_text(path: str) -> str:
    """The text to annotate: a file, or stdin for '-'; strictly UTF-8."""
    try:
        data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    except OSError as exc:
        raise ValueError(f"cannot read {path}: {exc.strerror or exc}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        where = "standard input" if path == "-" else path
        raise ValueError(f"{where} is not UTF-8 text (byte {exc.start})") from None


def _annotated(text: str, annotation: Annotation, styles: Mapping[str, str]) -> Group:
    """The match and kind, then the paragraphs with quotes and names styled and each speaker noted."""
    from rich.console import Group
    from rich.text import Text

    from reader.text.render import StyledSpan, render_paragraphs, speaker_notes

    spans = [StyledSpan(q.start, q.end, "quote") for q in annotation.quotes]
    spans += [StyledSpan(e.start, e.end, e.kind) for e in annotation.entities]
    notes = speaker_notes([(q.start, q.end, q.speaker) for q in annotation.quotes])
    head = Text.assemble(("partita: ", "dim"), (annotation.match.label() if annotation.match else "—", "bold"),
                         ("  tipo: ", "dim"), (annotation.kind, "bold"))
    parts = [head]
    for paragraph in render_paragraphs(text, spans, styles, notes):
        parts.extend([Text(""), paragraph.text])
    return Group(*parts)


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


COMMANDS: dict[str, Callable[[Context], int]] = {
    "tui": cmd_tui, "refresh": cmd_refresh, "list": cmd_list, "search": cmd_search, "show": cmd_show,
    "feeds": cmd_feeds, "check": cmd_check, "config": cmd_config, "annotate": cmd_annotate,
    "opml": cmd_opml,
}
