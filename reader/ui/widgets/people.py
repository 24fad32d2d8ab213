"""The people panel (i): each person and team of the article once, then each quote; choosing one scrolls to it."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.text.messages import N_, _
from reader.text.sanitize import clean_line
from reader.ui.bindings import bindings

KIND_LABELS = {"player": N_("player"), "coach": N_("coach"), "team": N_("team")}


class PeoplePanel(OptionList):
    """The panel beside the article: `esc` closes it (the article stays open), `i` too (the article view's)."""

    BINDINGS = bindings("back", "cursor_down", "cursor_up", "first", "last", "page_down", "page_up",
                        labels={"back": N_("close")})

    class Jump(Message):
        """Scroll the article to this offset of its text."""

        def __init__(self, offset: int) -> None:
            super().__init__()
            self.offset = offset

    class Closed(Message):
        """The panel was closed from its own keys."""

    def fill(self, annotation: Any) -> None:
        """Show the people and quotes of an annotation (None: nothing found yet)."""
        self.clear_options()
        options = people_options(annotation) if annotation else []
        if not options:
            options = [Option(Text(_("No person or quote found."), style="dim"), disabled=True)]
        self.add_options(options)

    def action_back(self) -> None:
        self.display = False
        self.post_message(self.Closed())

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id and event.option.id.startswith("@"):
            self.post_message(self.Jump(int(event.option.id[1:])))


def people_options(annotation: Any) -> list[Option]:
    """The panel's rows: each person or team once (first mention), then each quote."""
    options: list[Option] = []
    seen: set[str] = set()
    for entity in annotation.entities:
        if entity.canonical in seen:
            continue
        seen.add(entity.canonical)
        kind = _(KIND_LABELS[entity.kind]) if entity.kind in KIND_LABELS else entity.kind
        options.append(Option(Text.assemble((clean_line(entity.canonical, 40), "bold"), f"  {kind}"),
                              id=f"@{entity.start}"))
    if annotation.quotes:
        options.append(Option(Text(_("Quotes"), style="bold underline"), disabled=True))
    for index, quote in enumerate(annotation.quotes):
        who = clean_line(quote.speaker, 30) if quote.speaker else "?"
        options.append(Option(Text(f"{index + 1}. {who}"), id=f"@{quote.start}"))
    return options
