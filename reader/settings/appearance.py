"""How the app looks: the themes it offers and the default styles of the highlights.

Pure data (no Textual import), so config can validate `[settings] theme` and `[highlight]`.
"""

from __future__ import annotations

from reader.text.messages import N_

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
    "mark": "bold reverse #d9822b",  # a pagelle mark ("6,5"), beside the player it rates
    "search": "reverse bold",
    # Backgrounds, which no other role uses: a match never looks like a team's, a player's or a quote's colour.
    "find": "#1b1b1b on #e8c547",
    "find_current": "bold #ffffff on #c2185b",
}
# The kind badges of the list: light text on a dark, distinct background, readable on dark and light themes.
KIND_STYLES: dict[str, str] = {
    "anteprima": "bold #ffffff on #1f6feb",
    "intervista": "bold #ffffff on #8250df",
    "cronaca": "bold #ffffff on #57606a",
    "pagelle": "bold #1b1b1b on #e3b341",
    "mercato": "bold #ffffff on #1a7f37",
    "conferenza": "bold #ffffff on #0e7490",
    "rassegna": "bold #ffffff on #9a3412",
}
# The match centre's badges, one per stage of a match's coverage (reader.matches.stages), in the same spirit.
STAGE_STYLES: dict[str, str] = {
    "vigilia": "bold #ffffff on #0e7490",
    "formazioni": "bold #ffffff on #4d5ec1",
    "anteprima": "bold #ffffff on #1f6feb",
    "cronaca": "bold #ffffff on #57606a",
    "pagelle": "bold #1b1b1b on #e3b341",
    "interviste": "bold #ffffff on #8250df",
    "moviola": "bold #ffffff on #b42318",
    "commenti": "bold #ffffff on #9a3412",
}
HIGHLIGHT_LABELS: dict[str, str] = {
    "quote": N_("quote"), "player": N_("player"), "coach": N_("coach"), "team": N_("team"), "mark": N_("mark"),
}
