"""The top line, and the refresh it reports: when the feeds were refreshed, the progress of a refresh,
how many feeds fail; and what a refresh says when it ends (new articles, nothing new, offline, failures).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.message import Message
from textual.widgets import Static

from reader.models import FeedResult, FeedStatus, RefreshReport
from reader.store import FeedOverview
from reader.text import render
from reader.text.messages import _, ngettext
from reader.text.sanitize import clean_line

if TYPE_CHECKING:
    from reader.ui.app import SportReaderApp

NOTIFIED_AT_ONCE = 3  # failing feeds notified one by one; the rest in one line
NETWORK_WORDS = ("connect", "resolve", "network", "dns", "unreachable", "name")


class TopBar(Static):
    """`⚽ sportreader  refreshed 3 min ago  ⚠ 2 feeds with errors (F)`; runs the refresh it shows."""

    class Refreshed(Message):
        """A refresh ended (the list and the sidebar read the store again)."""

        def __init__(self, report: RefreshReport) -> None:
            super().__init__()
            self.report = report

    def __init__(self, app_: SportReaderApp, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.main = app_
        self.refreshing = False
        self.progress = (0, 0)
        self.failing = 0
        self.offline = False
        self.last_refresh: datetime | None = None

    def on_mount(self) -> None:
        self.paint()

    def show_feeds(self, feeds: Iterable[FeedOverview], last_refresh: datetime | None) -> None:
        """What the store says: failing feeds and the last refresh."""
        self.failing = sum(1 for f in feeds if f.status == FeedStatus.ERROR)
        self.last_refresh = last_refresh
        self.paint()

    def paint(self) -> None:
        """Draw the line from the state."""
        bar = Text.assemble(("⚽ sportreader", "bold"), "  ")
        if self.refreshing:
            done, total = self.progress
            bar.append(_("⟳ refreshing {done}/{total}").format(done=done, total=total), style="bold #c98a1b")
        elif self.offline:
            bar.append(_("offline: showing the saved articles"), style="bold red")
        elif self.last_refresh:
            now = self.main.clock()
            ago = (_("refreshed just now") if (now - self.last_refresh).total_seconds() < 60 else
                   _("refreshed {when} ago").format(when=render.when(self.last_refresh, now)))
            bar.append(ago, style="dim")
        else:
            bar.append(_("never refreshed"), style="dim")
        if self.failing:
            failing = ngettext("{n} feed with errors", "{n} feeds with errors", self.failing).format(n=self.failing)
            bar.append(f"  ⚠ {failing} ({self.main.key_hint('feeds')})", style="bold red")
        self.update(bar)

    # The refresh

    def start(self) -> None:
        """Refresh every enabled feed in the background, unless a refresh is running."""
        if self.refreshing:
            self.notify(_("A refresh is already running."), timeout=2)
            return
        self._refresh()

    @work(group="refresh", exclusive=True)
    async def _refresh(self) -> None:
        self.refreshing, self.progress = True, (0, len(self.main.config.enabled_feeds))
        self.paint()

        def progress(result: FeedResult) -> None:
            self.app.call_from_thread(self._one_done)

        try:
            report = await self.main.refresh_feeds(progress)
        except Exception as exc:  # the refresh's own failure, said once; the app goes on with the cache
            self.notify(_("The refresh failed: {error}").format(error=clean_line(str(exc), 200)), severity="error")
            return
        finally:
            self.refreshing = False
            self.paint()
        self._report(report)
        self.post_message(self.Refreshed(report))
        if self.main.config.settings.prefetch and not self.offline:
            self._prefetch()

    def _one_done(self) -> None:
        done, total = self.progress
        self.progress = (done + 1, total)
        self.paint()

    def _report(self, report: RefreshReport) -> None:
        ok = [r for r in report.results if r.status != FeedStatus.ERROR]
        self.offline = bool(report.results) and not ok and all(network_error(r) for r in report.failed)
        self.paint()
        if self.offline:
            self.notify(_("No connection: showing the saved articles."), severity="warning")
            return
        self._notify_failures(report.failed)
        if report.new:
            self.notify(ngettext("{n} new article.", "{n} new articles.", report.new).format(n=report.new),
                        timeout=3)
        elif ok:
            self.notify(_("Refreshed: nothing new."), timeout=3)

    def _notify_failures(self, failed: Iterable[FeedResult]) -> None:
        state = self.main.state
        seen = set(state.notified_errors)
        fresh = [r for r in failed if r.feed not in seen]
        title = _("Feeds with errors ({key} for the details)").format(key=self.main.key_hint("feeds"))
        for result in fresh[:NOTIFIED_AT_ONCE]:
            self.notify(f"{clean_line(result.feed, 60)}: {clean_line(result.error or _('error'), 160)}",
                        title=title, severity="warning", timeout=6)
        if len(fresh) > NOTIFIED_AT_ONCE:
            more = len(fresh) - NOTIFIED_AT_ONCE
            self.notify(ngettext("…and {n} more feed with errors", "…and {n} more feeds with errors", more)
                        .format(n=more), title=title, severity="warning")
        # Notified once: a feed is notified again only after it has worked in between.
        state.notified_errors = sorted({r.feed for r in failed})

    @work(group="prefetch", exclusive=True)
    async def _prefetch(self) -> None:
        loaded = await self.main.prefetch()
        if loaded:
            self.notify(ngettext("{n} full article downloaded for reading offline.",
                                 "{n} full articles downloaded for reading offline.", loaded).format(n=loaded),
                        timeout=3)


def network_error(result: FeedResult) -> bool:
    """Whether a feed failed for want of a network (no HTTP answer, an error about connecting or names)."""
    error = (result.error or "").lower()
    return result.http_status is None and any(word in error for word in NETWORK_WORDS)
