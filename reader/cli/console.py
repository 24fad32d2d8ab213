"""Rich renderings for the command line: previews, articles, feeds, refresh results.

Every string comes from the store (already sanitised) and is placed in Text objects, never in markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from rich.console import Console, ConsoleOptions, Group, RenderResult
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

from reader.models import FeedResult, FeedStatus, RefreshReport
from reader.store import Article, FeedOverview, Preview, SearchHit

STATUS_STYLES = {FeedStatus.OK: "green", FeedStatus.NOT_MODIFIED: "dim", FeedStatus.ERROR: "bold red"}


def when(moment: datetime | None, now: datetime | None = None) -> str:
    """A short relative time in Italian: 'ora', '5 min fa', '3 h fa', '2 g fa'."""
    if moment is None:
        return "mai"
    seconds = ((now or datetime.now(UTC)) - moment).total_seconds()
    if seconds < 60:
        return "ora"
    if seconds < 3600:
        return f"{int(seconds // 60)} min fa"
    if seconds < 86400:
        return f"{int(seconds // 3600)} h fa"
    return f"{int(seconds // 86400)} g fa"


def preview_table(previews: Sequence[Preview], now: datetime | None = None) -> Table:
    """The list of articles: id, marks, time, source, title."""
    table = Table(box=None, pad_edge=False, show_header=True, header_style="bold")
    for column, justify in (("id", "right"), ("", "left"), ("quando", "right"), ("fonte", "left"),
                            ("titolo", "left")):
        table.add_column(column, justify=justify, no_wrap=column != "titolo")  # type: ignore[arg-type]
    for p in previews:
        marks = ("★" if p.starred else " ") + (" " if p.read else "●")
        title = Text(p.title, style="" if p.read else "bold")
        table.add_row(str(p.id), Text(marks, style="yellow"), when(p.published, now), Text(p.feed, style="cyan"),
                      title)
    return table


def search_results(hits: Sequence[SearchHit], now: datetime | None = None) -> Group:
    """Search hits: the title and a snippet, each with the matched words highlighted."""
    rows: list[Text] = []
    for hit in hits:
        p = hit.preview
        head = Text.assemble((f"{p.id:>6} ", "dim"), (f"{when(p.published, now):>9}  ", "dim"), (p.feed, "cyan"),
                             "  ")
        title = Text(p.title, style="bold")
        for start, end in hit.title_marks:
            title.stylize("reverse", start, end)
        snippet = Text("         " + hit.snippet, style="dim")
        for start, end in hit.snippet_marks:
            snippet.stylize("bold reverse", start + 9, end + 9)
        rows.extend([head + title, snippet])
    return Group(*rows)


def article_view(article: Article) -> Group:
    """An article: heading lines, then its paragraphs."""
    p = article.preview
    source = "articolo completo" if article.full_text else "riassunto del feed"
    meta = Text.assemble((p.feed, "cyan"), " · ", p.published.astimezone().strftime("%d/%m/%Y %H:%M"))
    if article.author:
        meta.append(" · " + article.author)
    parts: list[Text] = [Text(p.title, style="bold"), meta]
    if p.link:
        parts.append(Text(p.link, style="underline blue"))
    parts.append(Text(f"[{source}]", style="dim italic"))
    for paragraph in article.body.split("\n\n"):
        parts.extend([Text(""), Text(paragraph)])
    return Group(*parts)


class FeedsView:
    """Every feed with its counts and last status: a table where the whole of it fits the width, otherwise
    two lines a feed (URLs and errors uncut)."""

    def __init__(self, feeds: Sequence[FeedOverview], now: datetime | None = None) -> None:
        self.feeds = feeds
        self.now = now

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        table = self.table()
        if Measurement.get(console, options.update_width(10_000), table).maximum <= options.max_width:
            yield table
            return
        for f in self.feeds:
            yield Text.assemble((f.name, "cyan"), f"  {f.entries} articoli · {f.unread} non letti · ",
                                self.status(f), f" · {when(f.checked, self.now)}")
            yield Text.assemble("  ", self.detail(f))

    def table(self) -> Table:
        table = Table(box=None, pad_edge=False, header_style="bold")
        for column in ("feed", "articoli", "non letti", "stato", "controllato", "errore / url"):
            table.add_column(column, no_wrap=True)
        for f in self.feeds:
            table.add_row(Text(f.name, style="cyan"), str(f.entries), str(f.unread), self.status(f),
                          when(f.checked, self.now), self.detail(f))
        return table

    @staticmethod
    def status(f: FeedOverview) -> Text:
        return Text(f.status or "mai aggiornato", style=STATUS_STYLES.get(FeedStatus(f.status), "")
                    if f.status else "dim")

    @staticmethod
    def detail(f: FeedOverview) -> Text:
        return Text(f.error, style="red") if f.error else Text(f.warning or f.url, style="dim")


def feed_result_line(result: FeedResult) -> Text:
    """One line per refreshed feed, printed as soon as it is done."""
    line = Text.assemble((f"{result.status.value:>12}", STATUS_STYLES[result.status]), "  ", (result.feed, "cyan"))
    if result.status is FeedStatus.OK:
        line.append(f"  +{result.new} nuovi, {result.updated} aggiornati", style="green")
    if result.error:
        line.append(f"  {result.error}", style="red")
    if result.warning:
        line.append(f"  ({result.warning})", style="yellow")
    line.append(f"  {result.duration:.2f} s", style="dim")
    return line


def refresh_table(report: RefreshReport) -> Table:
    """The outcome of a refresh: one row per feed (errors first), as the command prints at the end."""
    table = Table(box=None, pad_edge=False, header_style="bold")
    for column, justify in (("feed", "left"), ("stato", "left"), ("nuovi", "right"), ("aggiornati", "right"),
                            ("tempo", "right"), ("", "left")):
        table.add_column(column, justify=justify, no_wrap=column != "")  # type: ignore[arg-type]
    ordered = sorted(report.results, key=lambda r: (r.status is not FeedStatus.ERROR, r.feed.casefold()))
    for r in ordered:
        note = Text(r.error or "", style="red") if r.error else Text(r.warning or "", style="yellow")
        table.add_row(Text(r.feed, style="cyan"), Text(r.status.value, style=STATUS_STYLES[r.status]),
                      str(r.new), str(r.updated), f"{r.duration:.2f} s", note)
    return table


def refresh_summary(report: RefreshReport) -> Text:
    """The last line of a refresh."""
    seconds = (report.finished - report.started).total_seconds()
    text = Text(f"{len(report.results)} feed in {seconds:.1f} s: {report.new} articoli nuovi")
    if report.failed:
        text.append(f", {len(report.failed)} con errori", style="bold red")
    return text
