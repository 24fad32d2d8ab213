"""The match centre's data files: tab-separated, `#` comments, the first other line naming the columns."""

from __future__ import annotations

from pathlib import Path

DATA_DIR = Path(__file__).with_name("data")


def read_table(name: str, directory: Path = DATA_DIR) -> list[dict[str, str]]:
    """The rows of data/<name>, each a dict by column name; a row with another number of cells is an error."""
    header: list[str] | None = None
    rows: list[dict[str, str]] = []
    text = (directory / name).read_text(encoding="utf-8")
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
        elif len(cells) != len(header):
            raise ValueError(f"{name}:{number}: {len(cells)} cells where the header names {len(header)}")
        else:
            rows.append(dict(zip(header, cells, strict=True)))
    return rows
