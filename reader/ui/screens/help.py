"""The help dialog: every key of the app, grouped, as in use now."""

from __future__ import annotations

from collections.abc import Mapping

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from reader.settings.keymap import ACTIONS, FEED_SLOTS, key_label

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
