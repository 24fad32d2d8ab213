"""Where a key path of feeds.toml is written (tomllib keeps no positions), and how a message names it.

Imported only when there is a problem to locate: a valid file never pays for these regexes.
"""

from __future__ import annotations

import re

_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?")
_KEY = re.compile(r"""^\s*("(?:[^"\\]|\\.)*"|'[^']*'|[A-Za-z0-9_-]+)\s*=""")
_BARE = re.compile(r"[A-Za-z0-9_-]+")


def dotted(key_path: tuple[str | int, ...]) -> str:
    """A key path as a message shows it: feeds[2].url, names."Pio Esposito".kind."""
    text = ""
    for part in key_path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            piece = part if _BARE.fullmatch(part) else f'"{part}"'
            text += f".{piece}" if text else piece
    return text


class KeyLocator:
    """Finds the line of a key path in TOML source."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()

    def line_of(self, key_path: tuple[str | int, ...]) -> int | None:
        """The 1-based line where the deepest locatable part of key_path is written."""
        table = str(key_path[0]) if key_path else ""
        index = key_path[1] if len(key_path) > 1 and isinstance(key_path[1], int) else None
        rest = key_path[2:] if index is not None else key_path[1:]
        section = self._section(table, index)
        if section is None:
            return self._key_line(0, len(self.lines), table)
        start, end = section
        found = self._key_line(start, end, rest[0]) if rest else None
        return found or start

    def _section(self, table: str, index: int | None) -> tuple[int, int] | None:
        """(header line, last line) of `[table]`, or of the index-th `[[table]]`."""
        count = -1
        start = None
        for number, line in enumerate(self.lines, start=1):
            header = _HEADER.match(line)
            if not header:
                continue
            if start is not None:
                return start, number - 1
            if header.group(2).strip("\"'") == table:
                count += 1
                if index is None or count == index:
                    start = number
        return (start, len(self.lines)) if start is not None else None

    def _key_line(self, start: int, end: int, key: str | int) -> int | None:
        """The line of `key = ...` between two lines (stopping at a header when searching the top)."""
        for number in range(start + 1 if start else 1, end + 1):
            line = self.lines[number - 1]
            if start == 0 and _HEADER.match(line):
                return None
            found = _KEY.match(line)
            if found and found.group(1).strip("\"'") == str(key):
                return number
        return None
