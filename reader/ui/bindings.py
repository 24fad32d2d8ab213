"""Textual bindings built from the action table (reader.settings.keymap); keys are remapped with app.set_keymap."""

from __future__ import annotations

from textual.binding import Binding, BindingType

from reader.settings.keymap import action


def bindings(*action_ids: str, target: str = "screen", local: tuple[str, ...] = (),
             priority: tuple[str, ...] = ()) -> list[BindingType]:
    """Bindings for these actions; those in `local` run on the widget itself, the rest on `target`.

    Those in `priority` run as soon as the app reads the key, before the keys typed after it are handed
    to the focused widget: for actions that move the focus to a box the next keys are meant for.
    """
    result: list[BindingType] = []
    for action_id in action_ids:
        spec = action(action_id)
        name = action_id if action_id in local else f"{target}.{action_id}"
        result.append(Binding(spec.keys, name, spec.label or spec.description, show=bool(spec.label), id=action_id,
                              priority=action_id in priority))
    return result

