"""The bottom line: the keys of the focused pane, then the screen's, as one line of text.

One Static instead of Textual's Footer: the Footer builds a widget per key and rebuilds them on every
focus change, which cost a third of the start-up time; this line is rebuilt as one Text.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from reader.settings.keymap import key_label


class KeysBar(Static):
    """Shows `key label` for each binding marked to be shown, focused pane first."""

    def refresh_keys(self) -> None:
        """Rebuild the line from the screen's active bindings (after a focus change or a remap)."""
        seen: set[str] = set()
        line = Text(no_wrap=True, overflow="ellipsis")
        for key, active in self.screen.active_bindings.items():
            binding = active.binding
            if not binding.show or binding.description in seen:
                continue
            seen.add(binding.description)
            label = key_label(key)
            line.append(f" {label} ", style="bold reverse" if active.enabled else "dim reverse")
            line.append(f" {binding.description} ", style="" if active.enabled else "dim")
        line.append("  ctrl+p ", style="bold reverse")
        line.append(" comandi ")
        self.update(line)
