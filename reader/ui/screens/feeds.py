"""The feeds dialog (F): every feed with its counts and the outcome of its last refresh."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
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
from reader.text.sanitize import clean_line
from reader.ui.screens.help import CLOSE

# The store keeps FeedStatus values ("not modified"...); the screen speaks Italian.
STATUS_LABELS: dict[str | None, Text] = {
    FeedStatus.OK: Text("ok", "green"), FeedStatus.NOT_MODIFIED: Text("invariato", "dim"),
    FeedStatus.ERROR: Text("errore", "bold red"), None: Text("mai", "dim"),
}


class FeedsScreen(ModalScreen[None]):
    """Every feed with its counts and the outcome of its last refresh.

    Shown at once and filled when `load` returns: keys typed right after the one that opens it (j, k)
    reach this screen, not the list beneath it.
    """

    BINDINGS = CLOSE

    def __init__(self, load: Callable[[], Awaitable[Sequence[FeedOverview]]], now: datetime) -> None:
        super().__init__()
        self.load = load
        self.feeds: Sequence[FeedOverview] = ()
        self.now = now

    def compose(self) -> ComposeResult:
        with Vertical(id="feeds", classes="dialog"):
            yield Static(Text("Feed: caricamento…", style="bold"), classes="dialog-title")
            yield DataTable(id="feeds-table", cursor_type="row", zebra_stripes=True)
            yield Static(Text("esc chiude · r aggiorna dalla schermata principale", style="dim"),
                         classes="dialog-foot")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("feed", "stato", "HTTP", "articoli", "da leggere", "controllato", "errore")
        table.focus()
        self._fill()

    @work(exclusive=True)
    async def _fill(self) -> None:
        self.feeds = await self.load()
        failing = sum(1 for f in self.feeds if f.status == FeedStatus.ERROR)
        title = f"Feed: {len(self.feeds)}" + (f", {failing} con errori" if failing else ", tutti a posto")
        self.query_one(".dialog-title", Static).update(Text(title, style="bold"))
        table = self.query_one(DataTable)
        for feed in self.feeds:
            status = STATUS_LABELS.get(feed.status, Text(str(feed.status)))
            checked = render.when(feed.checked, self.now) if feed.checked else "mai"
            problem = feed.error or feed.warning or ""
            table.add_row(Text(clean_line(feed.name, 40)), status, str(feed.http_status or ""),
                          str(feed.entries), str(feed.unread), checked, Text(clean_line(problem, 120), "red"))

    def action_dismiss(self) -> None:  # type: ignore[override]
        self.dismiss(None)
