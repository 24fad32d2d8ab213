"""Two actions on one key where both can fire: what `[keys]` may not ask for.

An action's panes (reader.settings.keymap: Action.panes) say where its keys act: the list, the reader or
both. A key may mean one thing in each pane (j moves the list's cursor and scrolls the reader), never two
things in the same pane. The keys 1-9 pick the sidebar's
feeds everywhere and cannot be taken.

Keys are compared as Textual reads them: "/" is "slash", "ctrl+m" is "enter".
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from typing import NamedTuple

from reader.settings.keymap import ACTIONS, FEED_SLOTS

SLOT = "feed_slot"  # the name the keys 1-9 go by in a clash
# Textual's names for a few characters whose Unicode names it shortens, and keys that are one key.
_RENAMED = {"solidus": "slash", "reverse_solidus": "backslash", "commercial_at": "at", "hyphen_minus": "minus",
            "plus_sign": "plus", "low_line": "underscore"}
_SAME_KEY = {"ctrl+i": "tab", "ctrl+m": "enter", "ctrl+left_square_brace": "escape", "ctrl+space": "ctrl+at",
             "newline": "ctrl+j"}


class Clash(NamedTuple):
    """`action` (set in `[keys]`) takes `key`, which `other` already has in the same pane."""

    key: str
    action: str
    other: str
    other_is_set: bool  # other's keys come from [keys] too (else they are its defaults)


def key_id(key: str) -> str:
    """A key as Textual names it: '/' -> 'slash', 'ctrl+m' -> 'enter'; other names unchanged."""
    key = key.strip()
    if len(key) == 1 and not key.isalnum():
        try:
            key = unicodedata.name(key).lower().replace("-", "_").replace(" ", "_")
        except ValueError:
            return key
        key = _RENAMED.get(key, key)
    return _SAME_KEY.get(key, key)


def clashes(keys: Mapping[str, str]) -> list[Clash]:
    """Every clash the `[keys]` table makes with the actions' keys, in the table's order.

    `keys` maps action ids to "key,key" as config checked them; actions it leaves out keep their defaults.
    A clash between two actions both set in the table is reported once, on the later one.
    """
    order = list(keys)
    effective = {a.id: keys.get(a.id, a.keys) for a in ACTIONS}
    panes = {a.id: frozenset(a.panes) for a in ACTIONS}
    owners: dict[str, list[str]] = {}
    for action_id, spec in effective.items():
        for key in dict.fromkeys(key_id(k) for k in spec.split(",") if k.strip()):
            owners.setdefault(key, []).append(action_id)
    found: list[Clash] = []
    for action_id in order:
        for key in dict.fromkeys(key_id(k) for k in keys[action_id].split(",") if k.strip()):
            if key in {str(n) for n in range(1, FEED_SLOTS + 1)}:
                found.append(Clash(key, action_id, SLOT, False))
                continue
            for other in owners.get(key, ()):
                if other == action_id or not panes[other] & panes[action_id]:
                    continue
                if other in keys and order.index(other) > order.index(action_id):
                    continue  # reported on the later of the two
                found.append(Clash(key, action_id, other, other in keys))
    return found
