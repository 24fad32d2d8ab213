"""The picker dialog (t): choose a tag, feed, team or player to filter by; typing narrows the list."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from reader.store.facets import Facet
from reader.text import render
from reader.text.messages import N_, _, ngettext
from reader.text.sanitize import clean_line

KIND_LABELS = {"tag": N_("tag"), "feed": N_("feed"), "team": N_("team"), "player": N_("player"),
               "coach": N_("coach")}


@dataclass(frozen=True, slots=True)
class Choice:
    """One row of the picker: what choosing it filters by ('tag:roma'), its name, kind and article count."""

    value: str
    label: str
    kind: str
    articles: int | None = None


def picker_choices(tags: Iterable[str], feeds: Iterable[str]) -> list[Choice]:
    """The choices known at once (the sidebar's), until the cache's counts arrive."""
    return [*(Choice(f"tag:{t}", f"#{t}", "tag") for t in tags), *(Choice(f"feed:{f}", f, "feed") for f in feeds)]


def facet_choices(facets: Iterable[Facet]) -> list[Choice]:
    """The cache's tags, feeds and names, most articles first."""
    ordered = sorted(facets, key=lambda f: (-f.articles, f.name.casefold()))
    return [Choice(f"{'name' if f.kind not in ('tag', 'feed') else f.kind}:{f.name}",
                   f"#{f.name}" if f.kind == "tag" else f.name, f.kind, f.articles) for f in ordered]


class PickerScreen(ModalScreen[str | None]):
    """Choose one of several values (a tag, a feed, a team, a player); typing narrows the list."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss", N_("close"))]

    def __init__(self, title: str, choices: Sequence[Choice],
                 load: Callable[[], Awaitable[list[Choice]]] | None = None) -> None:
        super().__init__()
        self.title_text = title
        self.choices = list(choices)
        self.load = load

    def compose(self) -> ComposeResult:
        with Vertical(id="picker", classes="dialog"):
            yield Static(Text(self.title_text, style="bold"), classes="dialog-title")
            yield Input(placeholder=_("type to narrow…"), id="picker-filter")
            yield OptionList(*self._options(""), id="picker-options")

    def on_mount(self) -> None:
        if self.load is not None:
            self._load()

    @work(exclusive=True)
    async def _load(self) -> None:
        assert self.load is not None
        self.set_choices(await self.load())

    def set_choices(self, choices: Sequence[Choice]) -> None:
        """Replace the choices, keeping what has been typed."""
        self.choices = list(choices)
        self._refill(self.query_one(Input).value)

    def _options(self, needle: str) -> list[Option]:
        folded = render.fold(needle.strip())
        return [Option(self._row(choice), id=str(index)) for index, choice in enumerate(self.choices)
                if folded in render.fold(choice.label)]

    @staticmethod
    def _row(choice: Choice) -> Text:
        kind = _(KIND_LABELS[choice.kind]) if choice.kind in KIND_LABELS else choice.kind
        row = Text(clean_line(choice.label, 60), no_wrap=True, overflow="ellipsis")
        row.append(f"  {kind}", style="dim")
        if choice.articles is not None:
            row.append(" · " + ngettext("{n} article", "{n} articles", choice.articles).format(n=choice.articles),
                       style="dim")
        return row

    def _refill(self, needle: str) -> None:
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options(self._options(needle))
        if options.option_count:
            options.highlighted = 0

    def on_input_changed(self, event: Input.Changed) -> None:
        self._refill(event.value)

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
            self.dismiss(self.choices[int(option_id)].value)

    def action_dismiss(self) -> None:  # type: ignore[override]
        self.dismiss(None)
