"""The bottom line: the keys of the focused pane first, then the screen's, cut to the width by whole entries,
always ending with help and quit (and the command palette where there is room).

One Static instead of Textual's Footer: the Footer builds a widget per key and rebuilds them on every
focus change, which cost a third of the start-up time; this line is rebuilt as one Text.
"""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.widgets import Static

from reader.settings.keymap import key_label
from reader.text.messages import N_, _

ALWAYS = ("help", "quit")  # kept at the end of the line whatever the width
PALETTE = ("ctrl+p", N_("commands"))


class KeysBar(Static):
    """Shows `key label` for each binding marked to be shown, most important first, within the width."""

    def on_resize(self, event: events.Resize) -> None:
        self.refresh_keys()

    def entries(self) -> tuple[list[tuple[str, str, bool]], list[tuple[str, str, bool]]]:
        """(key, label, enabled) of the active bindings shown: the others in order, and help and quit."""
        seen: set[str] = set()
        first: list[tuple[str, str, bool]] = []
        last: dict[str, tuple[str, str, bool]] = {}
        for key, active in self.screen.active_bindings.items():
            binding = active.binding
            name = binding.id or binding.action
            if not binding.show or name in seen:
                continue
            seen.add(name)
            entry = (key_label(key), _(binding.description), active.enabled)
            if name in ALWAYS:
                last.setdefault(name, entry)
            else:
                first.append(entry)
        return first, [last[name] for name in ALWAYS if name in last]

    def refresh_keys(self) -> None:
        """Rebuild the line (after a focus change, a resize or a remap)."""
        first, last = self.entries()
        width = self.size.width or self.app.size.width
        palette = (PALETTE[0], _(PALETTE[1]), True)
        room = width - sum(_width(e) for e in last)
        shown: list[tuple[str, str, bool]] = []
        for entry in first:
            if _width(entry) > room:
                break
            shown.append(entry)
            room -= _width(entry)
        if _width(palette) <= room:
            last = [*last, palette]
        line = Text(no_wrap=True, overflow="crop")
        for key, label, enabled in [*shown, *last]:
            line.append(f" {key} ", style="bold reverse" if enabled else "dim reverse")
            line.append(f" {label} ", style="" if enabled else "dim")
        self.update(line)


def _width(entry: tuple[str, str, bool]) -> int:
    return len(entry[0]) + len(entry[1]) + 4
