"""The README's key table says what the help says: every action, its keys and its words."""

from __future__ import annotations

import re

from reader.settings.keymap import ACTIONS
from reader.ui.screens.help import help_rows
from tests.conftest import REPO

ROW = re.compile(r"^\| (?P<keys>`[^|]+`) \| (?P<description>[^|]+) \| `(?P<id>[a-z_]+)` \|$", re.MULTILINE)


def readme_rows() -> dict[str, tuple[str, str]]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    return {m["id"]: (m["keys"].replace("`", ""), m["description"].strip()) for m in ROW.finditer(text)}


def test_every_action_of_the_keymap_is_in_the_readme_table_as_the_help_shows_it() -> None:
    documented = readme_rows()
    for _, rows in help_rows({a.id: a.keys for a in ACTIONS}):
        for keys, description, action_id in rows:
            if action_id:
                assert documented.get(action_id) == (keys, description), action_id
    assert set(documented) == {a.id for a in ACTIONS}
