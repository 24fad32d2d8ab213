"""Entry point for ``python -m reader`` and the ``sportreader`` command."""

from __future__ import annotations

import gc
import sys


def main() -> int:
    """Run the command line."""
    try:
        # Imported here, not at the top: the parse workers' fork server imports the `sportreader` script,
        # and with it this module, before it can start a worker; the command line's modules are not theirs.
        from reader.cli.main import main as run

        code = run()
    except KeyboardInterrupt:  # a Ctrl-C during those imports, before the command line's own handler
        from reader.cli.interrupt import interrupted

        return interrupted()
    # The interpreter's last garbage collection walks every object still alive, 40 ms after a refresh of
    # 100 feeds (a twentieth of it). Frozen objects are left out of it; they are still freed, and the
    # command closed its store and files itself: all that is skipped is looking for cycles at exit. It
    # shortens the exit, which is safe because no thread of ours is left running into it: the TLS build
    # and the worker starter are joined, the lookups leave by os._exit (reader.feeds.lookups).
    gc.freeze()
    return code


if __name__ == "__main__":
    sys.exit(main())
