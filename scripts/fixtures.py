"""Build reader/matches/data/fixtures.tsv.gz, the calendar shipped with sportreader, from openfootball's files.

Source: ../shared/corpora/fixtures/openfootball/<season>/<code>.json (football.json, CC0; see SOURCES.md
there): Serie A and B 2025/26, Serie A and the Champions League 2024/25. Each file is read by the app's own
reader (reader/matches/openfootball.py: checked, names mapped to the press's), so the shipped calendar is
what `sportreader fixtures update` would store from the same files.

Run from the repository root:  .venv/bin/python scripts/fixtures.py [--source DIR] [--check]
(--check writes nothing: it exits 1 when the shipped file is not what the source builds.)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from reader.matches.calendar import SHIPPED_FILE, compress, shipped_text, write_shipped  # noqa: E402
from reader.matches.openfootball import Season, read_season  # noqa: E402

DEFAULT_SOURCE = REPO.parent / "shared" / "corpora" / "fixtures" / "openfootball"
# (season, competition code), in the order the file lists them.
SHIPPED = (("2024-25", "it.1"), ("2024-25", "uefa.cl"), ("2025-26", "it.1"), ("2025-26", "it.2"))


def read(source: Path) -> list[Season]:
    """The shipped seasons, read from openfootball's files."""
    return [read_season((source / season / f"{code}.json").read_bytes(), code, season) for season, code in SHIPPED]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE, help="openfootball's season folders")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if the file is out of date")
    args = parser.parse_args(argv)
    seasons = read(args.source)
    text = write_shipped(seasons)
    if args.check:
        if shipped_text() != text:
            print(f"{SHIPPED_FILE.relative_to(REPO)} is not what {args.source} builds: run scripts/fixtures.py")
            return 1
        print(f"{SHIPPED_FILE.relative_to(REPO)} is up to date")
        return 0
    data = compress(text)
    SHIPPED_FILE.write_bytes(data)
    count = sum(len(s.fixtures) for s in seasons)
    print(f"{SHIPPED_FILE.relative_to(REPO)}: {count} fixtures, {len(data):,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
