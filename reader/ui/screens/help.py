"""Modal screens: help, the feeds' status, a picker for filters."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from datetime import datetime
from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import DataTable, Input, OptionList, Static
from textual.widgets.option_list import Option

from reader.models import FeedStatus
from reader.settings.keymap import ACTIONS, FEED_SLOTS, key_label
from reader.store import FeedOverview
from reader.text import render
from reader.text.sanitize import clean_line

CLOSE: list[BindingType] = [Binding("escape,q,question_mark", "dismiss", "chiudi")]


class HelpScreen(ModalScreen[None]):
    """Every key of the app, grouped, with the keys in use (after `[keys]` in feeds.toml)."""

    BINDINGS = CLOSE

    def __init__(self, keymap: Mapping[str, str]) -> None:
        super().__init__()
        self.keymap = keymap

    def compose(self) -> ComposeResult:
        with Vertical(id="help", classes="dialog"):
            yield Static(Text("sportreader — tasti", style="bold"), classes="dialog-title")
            with VerticalScroll():
                yield Static(self._table())
            yield Static(Text("esc chiude · ctrl+p apre la palette dei comandi · i tasti si cambiano in "
                              "feeds.toml, sezione [keys]", style="dim"), classes="dialog-foot")

    def _table(self) -> Text:
        text = Text()
        groups: dict[str, list[tuple[str, str, str]]] = {}
        for spec in ACTIONS:
            keys = key_label(self.keymap.get(spec.id, spec.keys))
            groups.setdefault(spec.group, []).append((keys, spec.description, spec.id))
        groups.setdefault("Generale", []).append(("1 … 9", f"mostra solo il feed n. 1…{FEED_SLOTS} della barra",
                                                  ""))
        for group, rows in groups.items():
            text.append(f"{group}\n", style="bold underline")
            for keys, description, action_id in rows:
                text.append(f"  {keys:<16}", style="bold #3b8eea")
                text.append(description)
                if action_id:
                    text.append(f"  [{action_id}]", style="dim")
                text.append("\n")
            text.append("\n")
        return text

    def action_dismiss(self) -> None:  # type: ignore[override]
        self.dismiss(None)


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


class PickerScreen(ModalScreen[str | None]):
    """Choose one of several values (a tag, a team, a feed); typing narrows the list."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss", "chiudi")]

    def __init__(self, title: str, choices: Sequence[tuple[str, str]]) -> None:
        super().__init__()
        self.title_text = title
        self.choices = list(choices)  # (value, label)

    def compose(self) -> ComposeResult:
        with Vertical(id="picker", classes="dialog"):
            yield Static(Text(self.title_text, style="bold"), classes="dialog-title")
            yield Input(placeholder="scrivi per filtrare…", id="picker-filter")
            yield OptionList(*self._options(""), id="picker-options")

    def _options(self, needle: str) -> list[Option]:
        folded = render.fold(needle.strip())
        return [Option(Text(clean_line(label, 80)), id=str(index)) for index, (value, label) in
                enumerate(self.choices) if folded in render.fold(label)]

    def on_input_changed(self, event: Input.Changed) -> None:
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options(self._options(event.value))
        if options.option_count:
            options.highlighted = 0

    def on_input_submitted(self, event: Input.Submitted) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is not None:
            self._choose(options.get_option_at_index(options.highlighted).id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self._choose(event.option.id)

    def on_key(self, event: object) -> None:
        key = getattr(event, "key", "")
        if key in ("down", "up"):
            options = self.query_one(OptionList)
            if options.option_count:
                if key == "down":
                    options.action_cursor_down()
                else:
                    options.action_cursor_up()
                getattr(event, "stop")()  # noqa: B009 - events.Key.stop, typed loosely on purpose

    def _choose(self, option_id: str | None) -> None:
        if option_id is not None:
            self.dismiss(self.choices[int(option_id)][0])

    def action_dismiss(self) -> None:  # type: ignore[override]
        self.dismiss(None)
