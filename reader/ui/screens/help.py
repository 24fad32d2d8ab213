"""The help dialog: every key of the app, grouped by the pane it works in, as in use now (after `[keys]`)."""

from __future__ import annotations

from collections.abc import Mapping

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from reader.settings.keymap import FEED_SLOTS_HELP, GLOBAL, GROUPS, in_group, key_label
from reader.text.messages import N_, _
from reader.ui.bindings import bindings
from reader.ui.widgets.scrolling import scroll_lines, scroll_pages

CLOSE: list[BindingType] = [Binding("escape,q,question_mark", "dismiss", N_("close"))]


def help_rows(keymap: Mapping[str, str]) -> list[tuple[str, list[tuple[str, str, str]]]]:
    """(group, [(keys, description, action id)]) as the help shows them, in the language in use."""
    groups = []
    for group in GROUPS:
        rows = [(key_label(keymap.get(a.id, a.keys)), _(a.description), a.id) for a in in_group(group)]
        if group == GLOBAL:
            rows.append(("1 … 9", _(FEED_SLOTS_HELP), ""))
        groups.append((_(group), rows))
    return groups


class HelpScreen(ModalScreen[None]):
    """Every key of the app; `j k space b g G` scroll it, `esc q ?` close it."""

    BINDINGS = [*CLOSE, *bindings("scroll_down", "scroll_up", "page_down", "page_up", "scroll_top", "scroll_bottom")]

    def __init__(self, keymap: Mapping[str, str]) -> None:
        super().__init__()
        self.keymap = keymap

    def compose(self) -> ComposeResult:
        with Vertical(id="help", classes="dialog"):
            yield Static(Text(_("sportreader — keys"), style="bold"), classes="dialog-title")
            with VerticalScroll(id="help-body"):
                yield Static(self.table())
            yield Static(Text(_("esc closes · j k space scroll · ctrl+p the commands · keys are changed in "
                                "feeds.toml, under [keys]"), style="dim"), classes="dialog-foot")

    def on_mount(self) -> None:
        self.set_focus(self.body)

    @property
    def body(self) -> VerticalScroll:
        return self.query_one("#help-body", VerticalScroll)

    def table(self) -> Table:
        """The keys, a group at a time, each action with its name for `[keys]`; long lines wrap in their column."""
        table = Table.grid(padding=(0, 2))
        table.add_column(no_wrap=True, style="bold #3b8eea")
        table.add_column(ratio=1)
        groups = help_rows(self.keymap)
        widest = max(len(action_id) for _, rows in groups for _, _, action_id in rows) + 2
        table.add_column(no_wrap=True, style="dim", min_width=widest)  # the name for [keys], never squeezed out
        for group, rows in groups:
            table.add_row(Text(group, style="bold underline"), "", "")
            for keys, description, action_id in rows:
                table.add_row(Text(f"  {keys}"), Text(description), Text(f"[{action_id}]" if action_id else ""))
            table.add_row("", "", "")
        return table

    def action_scroll_down(self) -> None:
        scroll_lines(self.body, 1)

    def action_scroll_up(self) -> None:
        scroll_lines(self.body, -1)

    def action_page_down(self) -> None:
        scroll_pages(self.body, 1)

    def action_page_up(self) -> None:
        scroll_pages(self.body, -1)

    def action_scroll_top(self) -> None:
        self.body.scroll_home(animate=False)

    def action_scroll_bottom(self) -> None:
        self.body.scroll_end(animate=False)

    def action_dismiss(self) -> None:  # type: ignore[override]
        self.dismiss(None)
