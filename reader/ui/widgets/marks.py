"""The message a pane sends to change the read or star marks of articles; the screen stores the change."""

from __future__ import annotations

from collections.abc import Sequence

from textual.message import Message

from reader.store import Preview


class MarkRequested(Message):
    """Set `read` and/or `starred` on these articles (as they were before the change, so it can be undone)."""

    def __init__(self, previews: Sequence[Preview], *, read: bool | None = None, starred: bool | None = None,
                 every_shown: bool = False, undoable: bool = True) -> None:
        super().__init__()
        self.previews = list(previews)
        self.read = read
        self.starred = starred
        self.every_shown = every_shown  # `a`: the notice says how many, and which key undoes it
        self.undoable = undoable  # opening an article reads it: not a change to undo
