"""Rich renderings for the command line: previews, articles, feeds, refresh results.

Every string comes from the store (sanitised when stored) and is cleaned again here, right before it is
shown (`shown`: one scan, nothing changed for a row today's sanitiser wrote), then placed in Text objects,
never in markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from rich.console import Console, ConsoleOptions, Group, RenderResult
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

from reader.models import FeedResult, FeedStatus, RefreshReport
from reader.store import Article, FeedOverview, Preview, SearchHit
from reader.text import dates
from reader.text.messages import N_, _, ngettext
from reader.text.sanitize import clean_display as shown
from reader.text.sanitize import clean_display_spans

STATUS_STYLES = {FeedStatus.OK: "green", FeedStatus.NOT_MODIFIED: "dim", FeedStatus.ERROR: "bold red"}
STATUS_WORDS = {FeedStatus.OK: N_("ok"), FeedStatus.NOT_MODIFIED: N_("unchanged"), FeedStatus.ERROR: N_("error")}


def status_word(status: FeedStatus) -> str:
    """A feed's status as the user reads it."""
    return _(STATUS_WORDS[status])


def when(moment: datetime | None, now: datetime | None = None) -> str:
    """A short time as the app writes it too (reader.text.dates): 'ora', '12 min', 'ieri 18:30', '12 nov'."""
    if moment is None:
        return _("never")
    return dates.when(moment, now or dates.now_utc())


def preview_table(previews: Sequence[Preview], now: datetime | None = None) -> Table:
    """The list of articles: id, marks, time, source, title."""
    table = Table(box=None, pad_edge=False, show_header=True, header_style="bold")
    for column, justify in (("id", "right"), ("", "left"), (_("when"), "right"), (_("source"), "left"),
                            (_("title"), "left")):
        table.add_column(column, justify=justify, no_wrap=column != _("title"))  # type: ignore[arg-type]
    for p in previews:
        marks = ("★" if p.starred else " ") + (" " if p.read else "●")
        title = Text(shown(p.title), style="" if p.read else "bold")
        table.add_row(str(p.id), Text(marks, style="yellow"), when(p.published, now),
                      Text(shown(p.feed), style="cyan"), title)
    return table


def search_results(hits: Sequence[SearchHit], now: datetime | None = None) -> Group:
    """Search hits: the title and a snippet, each with the matched words highlighted."""
    rows: list[Text] = []
    for hit in hits:
        p = hit.preview
        head = Text.assemble((f"{p.id:>6} ", "dim"), (f"{when(p.published, now):>9}  ", "dim"),
                             (shown(p.feed), "cyan"), "  ")
        title_text, title_marks = clean_display_spans(p.title, hit.title_marks)
        title = Text(title_text, style="bold")
        for start, end in title_marks:
            title.stylize("reverse", start, end)
        rows.append(head + title)
        if hit.snippet:  # none when the title is all an article has
            snippet_text, snippet_marks = clean_display_spans(hit.snippet, hit.snippet_marks)
            snippet = Text("         " + snippet_text, style="dim")
            for start, end in snippet_marks:
                snippet.stylize("bold reverse", start + 9, end + 9)
            rows.append(snippet)
    return Group(*rows)


def article_view(article: Article) -> Group:
    """An article: heading lines, then its paragraphs."""
    p = article.preview
    source = _("full article") if article.full_text else _("the feed's summary")
    meta = Text.assemble((shown(p.feed), "cyan"), " · ", dates.date_time(p.published))
    if article.author:
        meta.append(" · " + shown(article.author))
    parts: list[Text] = [Text(shown(p.title), style="bold"), meta]
    if p.link:
        parts.append(Text(shown(p.link), style="underline blue"))
    parts.append(Text(f"[{source}]", style="dim italic"))
    for paragraph in shown(article.body).split("\n\n"):
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
            counts = (ngettext("{n} article", "{n} articles", f.entries).format(n=f.entries) + " · "
                      + ngettext("{n} unread", "{n} unread", f.unread).format(n=f.unread))
            yield Text.assemble((shown(f.name), "cyan"), f"  {counts} · ", self.status(f),
                                f" · {when(f.checked, self.now)}")
            yield Text.assemble("  ", self.detail(f))

    def table(self) -> Table:
        table = Table(box=None, pad_edge=False, header_style="bold")
        for column in (_("feed"), _("articles"), _("unread"), _("status"), _("checked"), _("error / url")):
            table.add_column(column, no_wrap=True)
        for f in self.feeds:
            table.add_row(Text(shown(f.name), style="cyan"), str(f.entries), str(f.unread), self.status(f),
                          when(f.checked, self.now), self.detail(f))
        return table

    @staticmethod
    def status(f: FeedOverview) -> Text:
        if not f.status:
            return Text(_("never refreshed"), style="dim")
        status = FeedStatus(f.status)
        return Text(status_word(status), style=STATUS_STYLES.get(status, ""))

    @staticmethod
    def detail(f: FeedOverview) -> Text:
        return Text(shown(f.error), style="red") if f.error else Text(shown(f.warning or f.url), style="dim")


def too_old_note(too_old: int, retention_days: int) -> str:
    """Why a refresh added less than the feed holds: '3 older than 60 days'."""
    return ngettext("{n} older than {days} days", "{n} older than {days} days", too_old).format(
        n=too_old, days=retention_days)


def feed_result_line(result: FeedResult, retention_days: int = 0) -> Text:
    """One line per refreshed feed, printed as soon as it is done."""
    line = Text.assemble((f"{status_word(result.status):>12}", STATUS_STYLES[result.status]), "  ",
                         (shown(result.feed), "cyan"))
    if result.status is FeedStatus.OK:
        counts = (ngettext("+{n} new", "+{n} new", result.new).format(n=result.new) + ", "
                  + ngettext("{n} updated", "{n} updated", result.updated).format(n=result.updated))
        line.append(f"  {counts}", style="green")
        if result.too_old:
            line.append(f" ({too_old_note(result.too_old, retention_days)})", style="dim")
    if result.error:
        line.append(f"  {shown(result.error)}", style="red")
    if result.warning:
        line.append(f"  ({shown(result.warning)})", style="yellow")
    line.append(f"  {result.duration:.2f} s", style="dim")
    return line


def refresh_table(report: RefreshReport, retention_days: int = 0) -> Table:
    """The outcome of a refresh: one row per feed (errors first), as the command prints at the end."""
    table = Table(box=None, pad_edge=False, header_style="bold")
    for column, justify in ((_("feed"), "left"), (_("status"), "left"), (_("new"), "right"),
                            (_("updated"), "right"), (_("time"), "right"), ("", "left")):
        table.add_column(column, justify=justify, no_wrap=column != "")  # type: ignore[arg-type]
    ordered = sorted(report.results, key=lambda r: (r.status is not FeedStatus.ERROR, r.feed.casefold()))
    for r in ordered:
        note = Text(shown(r.error), style="red") if r.error else Text(shown(r.warning or ""), style="yellow")
        if r.too_old and not r.error:
            note.append(("; " if r.warning else "") + too_old_note(r.too_old, retention_days), style="dim")
        table.add_row(Text(shown(r.feed), style="cyan"), Text(status_word(r.status), style=STATUS_STYLES[r.status]),
                      str(r.new), str(r.updated), f"{r.duration:.2f} s", note)
    return table


def refresh_summary(report: RefreshReport, retention_days: int = 0) -> Text:
    """The last line of a refresh."""
    seconds = (report.finished - report.started).total_seconds()
    feeds = ngettext("{n} feed in {seconds} s", "{n} feeds in {seconds} s", len(report.results))
    new = ngettext("{n} new article", "{n} new articles", report.new)
    text = Text(feeds.format(n=len(report.results), seconds=f"{seconds:.1f}") + ": " + new.format(n=report.new))
    if report.too_old:
        text.append(f" ({too_old_note(report.too_old, retention_days)})")
    if report.failed:
        failed = ngettext("{n} with errors", "{n} with errors", len(report.failed))
        text.append(", " + failed.format(n=len(report.failed)), style="bold red")
    return text
