"""Every action of the app, its default keys and what it does: one table for the bindings, the help
screen, the command palette and the `[keys]` section of feeds.toml.

Pure data, no UI imports, so config can validate `[keys]` without loading Textual.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Action:
    """One bindable action: its id (the name used in `[keys]`), default keys, group and description."""

    id: str
    keys: str
    group: str
    description: str
    label: str = ""  # the footer's short label; actions without one are listed in help only


LIST = "Elenco"
READER = "Articolo"
GLOBAL = "Generale"

ACTIONS: tuple[Action, ...] = (
    Action("cursor_down", "j,down", LIST, "articolo successivo nell'elenco"),
    Action("cursor_up", "k,up", LIST, "articolo precedente nell'elenco"),
    Action("first", "g,home", LIST, "primo articolo"),
    Action("last", "G,end", LIST, "ultimo articolo"),
    Action("open", "enter,l", LIST, "apri l'articolo", label="apri"),
    Action("back", "escape,h", GLOBAL, "indietro: chiudi l'articolo, la ricerca o il filtro", label="indietro"),
    Action("switch_pane", "tab", GLOBAL, "passa all'altro riquadro"),
    Action("page_down", "space,pagedown", READER, "pagina giù nell'articolo"),
    Action("page_up", "b,pageup", READER, "pagina su nell'articolo"),
    Action("next_article", "n", READER, "articolo successivo (o prossima occorrenza della ricerca)", label="succ."),
    Action("previous_article", "p", READER, "articolo precedente", label="prec."),
    Action("previous_match", "N", READER, "occorrenza precedente della ricerca nell'articolo"),
    Action("next_quote", "right_square_bracket", READER, "citazione successiva"),
    Action("previous_quote", "left_square_bracket", READER, "citazione precedente"),
    Action("toggle_people", "i", READER, "pannello con persone e citazioni dell'articolo"),
    Action("find", "ctrl+f", READER, "cerca nell'articolo", label="trova"),
    Action("toggle_read", "u", LIST, "segna letto / da leggere", label="letto"),
    Action("star", "s", LIST, "aggiungi / togli la stella", label="stella"),
    Action("mark_all_read", "a", LIST, "segna come letti tutti quelli mostrati"),
    Action("open_browser", "o", GLOBAL, "apri il link nel browser", label="browser"),
    Action("copy_link", "y", GLOBAL, "copia il link"),
    Action("refresh", "r", GLOBAL, "aggiorna tutti i feed in background", label="aggiorna"),
    Action("search", "slash", GLOBAL, "cerca in tutti gli articoli salvati", label="cerca"),
    Action("filter_tag", "t", GLOBAL, "filtra per tag o squadra"),
    Action("unread_only", "U", GLOBAL, "solo da leggere"),
    Action("starred_only", "S", GLOBAL, "solo con la stella"),
    Action("toggle_sidebar", "f", GLOBAL, "mostra / nascondi i feed"),
    Action("feeds", "F", GLOBAL, "stato di ogni feed"),
    Action("help", "question_mark", GLOBAL, "questo aiuto", label="aiuto"),
    Action("quit", "q", GLOBAL, "esci", label="esci"),
)
ACTION_IDS = frozenset(a.id for a in ACTIONS)
FEED_SLOTS = 9  # keys 1-9 jump to the sidebar's feeds; not rebindable


def action(action_id: str) -> Action:
    """The action with that id."""
    return next(a for a in ACTIONS if a.id == action_id)


def key_label(keys: str) -> str:
    """Keys as a person writes them: 'j,down' -> 'j ↓'."""
    names = {"down": "↓", "up": "↑", "left": "←", "right": "→", "escape": "esc", "slash": "/",
             "question_mark": "?", "space": "spazio", "pagedown": "pgdn", "pageup": "pgup",
             "right_square_bracket": "]", "left_square_bracket": "[", "enter": "invio"}
    return " ".join(names.get(k.strip(), k.strip()) for k in keys.split(",") if k.strip())
