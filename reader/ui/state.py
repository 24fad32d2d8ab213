"""What the app remembers between runs: the selected article, the filter, the theme, the sidebar, the view
(the list or the match centre) and the teams chosen in the command palette.

A small JSON file in the data dir; a damaged file is ignored (the defaults are harmless) and
writes go through a temporary file, so a crash never leaves half a file.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from reader.store import Filter

STATE_FILE = "ui-state.json"


@dataclass(slots=True)
class UIState:
    """The remembered state; every field has a harmless default."""

    selected: int | None = None
    feed: str | None = None
    tag: str | None = None
    unread_only: bool = False
    starred_only: bool = False
    theme: str | None = None
    sidebar: bool = True
    notified_errors: list[str] = field(default_factory=list)
    team: str | None = None  # the list's team filter
    view: str = "list"  # or "matches": the match centre in the list's place
    teams: list[str] | None = None  # my teams as chosen in the palette; None: those of [settings] teams

    def filter(self) -> Filter:
        """The list filter this state remembers."""
        return Filter(feed=self.feed, tag=self.tag, unread_only=self.unread_only, starred_only=self.starred_only,
                      team=self.team)


def load_state(data_dir: Path) -> UIState:
    """The state saved in data_dir, or the defaults."""
    try:
        raw = json.loads((data_dir / STATE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return UIState()
    if not isinstance(raw, dict):
        return UIState()
    return UIState(**{k: v for k, v in raw.items() if k in UIState.__dataclass_fields__ and _valid(k, v)})


def _valid(key: str, value: Any) -> bool:
    expected: dict[str, tuple[type, ...]] = {
        "selected": (int, type(None)), "feed": (str, type(None)), "tag": (str, type(None)),
        "unread_only": (bool,), "starred_only": (bool,), "theme": (str, type(None)), "sidebar": (bool,),
        "notified_errors": (list,), "team": (str, type(None)), "view": (str,), "teams": (list, type(None)),
    }
    if key == "teams" and value is not None and not all(isinstance(team, str) for team in value):
        return False
    return isinstance(value, expected[key]) and not (isinstance(value, bool) and key == "selected")


def save_state(data_dir: Path, state: UIState) -> None:
    """Write the state atomically; failing to save is not worth an error."""
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        temporary = data_dir / (STATE_FILE + ".tmp")
        temporary.write_text(json.dumps(asdict(state), ensure_ascii=False), encoding="utf-8")
        os.replace(temporary, data_dir / STATE_FILE)
    except OSError:
        pass
