"""Entry point for ``python -m reader`` and the ``sportreader`` command."""

from __future__ import annotations

import sys


def main() -> int:
    """Run the command line."""
    # Imported here, not at the top: the parse workers' fork server imports the `sportreader` script, and
    # with it this module, before it can start a worker; the command line's modules are not theirs.
    from reader.cli import main as run

    return run()


if __name__ == "__main__":
    sys.exit(main())
