"""The picker dialog (t): choose a tag, feed, team or player to filter by; typing narrows the list."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from reader.text import render
from reader.text.sanitize import clean_line


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
