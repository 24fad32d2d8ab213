"""Textual bindings built from the action table (reader.settings.keymap); keys are remapped with app.set_keymap.

Every binding carries its action's id, so one `[keys]` entry remaps it wherever it is bound: on the list,
on the reader, and on the screen that forwards it from the other pane. Descriptions stay English messages;
the key bar and the help translate them when they show them.
"""

from __future__ import annotations

from collections.abc import Mapping

from textual.binding import Binding, BindingType

from reader.settings.keymap import action


def bindings(*action_ids: str, priority: tuple[str, ...] = (), labels: Mapping[str, str] | None = None,
             run: Mapping[str, str] | None = None) -> list[BindingType]:
    """Bindings for these actions, each running `action_<id>` on the node that declares them.

    `priority` ones run as soon as the app reads the key, before the keys typed after it reach the focused
    widget: for actions that move the focus to a box the next keys are meant for. `labels` overrides the
    key bar's word for this node (esc is "list" in the reader, "back" elsewhere); `run` names another
    action string for an id (a forwarder, a method of another name).
    """
    result: list[BindingType] = []
    for action_id in action_ids:
        spec = action(action_id)
        label = (labels or {}).get(action_id, spec.label)
        result.append(Binding(spec.keys, (run or {}).get(action_id, action_id), label or spec.description,
                              show=bool(label), id=action_id, priority=action_id in priority))
    return result


def forwarders(pane: str, *action_ids: str, priority: tuple[str, ...] = ()) -> list[BindingType]:
    """Screen bindings that hand an action to `pane` when the key is pressed elsewhere (see MainScreen.forward)."""
    return bindings(*action_ids, priority=priority, labels={a: "" for a in action_ids},
                    run={a: f"forward({pane!r}, {a!r})" for a in action_ids})
