"""What a Ctrl-C prints: one line, and the status a shell gives a command it interrupted."""

from __future__ import annotations

import sys

from reader.text.messages import _

EXIT_INTERRUPTED = 130  # 128 + SIGINT


def interrupted() -> int:
    """Say the command was interrupted (plain: no console to make while the user waits); its exit status."""
    sys.stderr.write("sportreader: " + _("interrupted") + "\n")
    sys.stderr.flush()
    return EXIT_INTERRUPTED
