"""The feeds dialog (F): every feed with its counts and the outcome of its last refresh."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Collection, Sequence
from datetime import datetime

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from reader.models import FeedStatus
from reader.store import FeedOverview
from reader.text import render
from reader.text.messages import N_, _, ngettext
from reader.text.sanitize import clean_line
from reader.ui.bindings import bindings
from reader.ui.screens.help import CLOSE

# The store keeps FeedStatus values ("not modified"...); the screen says them in the language in use.
STATUS_LABELS: dict[str | None, tuple[str, str]] = {
    FeedStatus.OK: (N_("ok"), "green"), FeedStatus.NOT_MODIFIED: (N_("unchanged"), "dim"),
    FeedStatus.ERROR: (N_("error"), "bold red"), None: (N_("never"), "dim"),
}
DISABLED = (N_("disabled"), "dim italic")
ERROR_COLUMN = 40  # the error's start in the table; the whole of it is under the table, for the row selected


class FeedsScreen(ModalScreen[None]):
    """Every feed with its counts and the outcome of its last refresh; the selected feed's error in full.

    Shown at once and filled when `load` returns: keys typed right after the one that opens it (j, k)
    reach this screen, not the list beneath it.
    """

    BINDINGS = [*CLOSE, *bindings("cursor_down", "cursor_up", "first", "last")]

    def __init__(self, load: Callable[[], Awaitable[Sequence[FeedOverview]]], now: datetime, *,
                 disabled: Collection[str] = ()) -> None:
        super().__init__()
        self.load = load
        self.feeds: Sequence[FeedOverview] = ()
        self.now = now
        self.disabled_feeds = set(disabled)

    def compose(self) -> ComposeResult:
        with Vertical(id="feeds", classes="dialog"):
            yield Static(Text(_("Feeds: loading…"), style="bold"), classes="dialog-title")
            yield DataTable(id="feeds-table", cursor_type="row", zebra_stripes=True)
            yield Static(id="feed-detail")
            yield Static(Text(_("esc closes · j k move · r refreshes, from the main screen"), style="dim"),
                         classes="dialog-foot")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(*(_(c) for c in (N_("feed"), N_("status"), "HTTP", N_("articles"), N_("unread"),
                                           N_("checked"), N_("error"))))
        table.focus()
        self._fill()

    @work(exclusive=True)
    async def _fill(self) -> None:
        self.feeds = await self.load()
        failing = sum(1 for f in self.feeds if f.status == FeedStatus.ERROR and f.name not in self.disabled_feeds)
        count = ngettext("{n} feed", "{n} feeds", len(self.feeds)).format(n=len(self.feeds))
        state = (ngettext("{n} with errors", "{n} with errors", failing).format(n=failing) if failing
                 else _("all fine"))
        self.query_one(".dialog-title", Static).update(Text(f"{count}, {state}", style="bold"))
        table = self.query_one(DataTable)
        for feed in self.feeds:
            off = feed.name in self.disabled_feeds
            label, style = DISABLED if off else STATUS_LABELS.get(feed.status, (str(feed.status), ""))
            checked = render.when(feed.checked, self.now) if feed.checked else ("—" if off else _("never"))
            problem = feed.error or feed.warning or ""
            table.add_row(Text(clean_line(feed.name, 40)), Text(_(label), style), str(feed.http_status or ""),
                          str(feed.entries), str(feed.unread), checked,
                          Text(clean_line(problem, ERROR_COLUMN), "red"))
        if self.feeds:
            self._detail(0)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._detail(event.cursor_row)

    def _detail(self, row: int) -> None:
        """Under the table: the selected feed's name, address and whole error, wrapped."""
        if not 0 <= row < len(self.feeds):
            return
        feed = self.feeds[row]
        detail = Text.assemble((clean_line(feed.name, 200), "bold"), "  ", (clean_line(feed.url, 300), "dim"))
        problem = feed.error or feed.warning
        if problem:
            detail.append("\n" + clean_line(problem, 1000), style="red")
        self.query_one("#feed-detail", Static).update(detail)

    def action_cursor_down(self) -> None:
        self.query_one(DataTable).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one(DataTable).action_cursor_up()

    def action_first(self) -> None:
        self.query_one(DataTable).action_scroll_top()

    def action_last(self) -> None:
        self.query_one(DataTable).action_scroll_bottom()

    def action_dismiss(self) -> None:  # type: ignore[override]
        self.dismiss(None)
