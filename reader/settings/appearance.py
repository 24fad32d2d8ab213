"""How the app looks: the themes it offers and the default styles of the highlights.

Pure data (no Textual import), so config can validate `[settings] theme` and `[highlight]`.
"""

from __future__ import annotations

# Textual's built-in themes (textual 8.2); a test checks this list against Textual's own.
THEMES = (
    "textual-dark", "textual-light", "nord", "gruvbox", "catppuccin-mocha", "dracula", "tokyo-night",
    "monokai", "flexoki", "catppuccin-latte", "catppuccin-frappe", "catppuccin-macchiato",
    "solarized-light", "solarized-dark", "rose-pine", "rose-pine-moon", "rose-pine-dawn",
    "atom-one-dark", "atom-one-light", "ansi-dark", "ansi-light",
)

# Rich styles of each highlight role; colours chosen to read on dark and light backgrounds alike.
HIGHLIGHT_STYLES: dict[str, str] = {
    "quote": "italic #c98a1b",
    "speaker": "bold #c98a1b",
    "player": "bold #3b8eea",
    "coach": "bold #a66bd9",
    "team": "bold #2e9d57",
    "search": "reverse bold",
    "find": "reverse",
    "find_current": "reverse bold #e5534b",
}
HIGHLIGHT_LABELS: dict[str, str] = {
    "quote": "citazione", "player": "giocatore", "coach": "allenatore", "team": "squadra",
}
