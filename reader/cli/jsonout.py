"""What `--json` prints: one document on stdout, dates as ISO text and every string cleaned for display.

A JSON string may carry U+009B or U+202E raw, and a terminal showing the output obeys them: the strings
are cleaned as any other text shown is (reader.text.sanitize.clean_display).
"""

from __future__ import annotations

import json
import sys
from typing import Any

from reader.text.sanitize import clean_display


def jsonable(value: Any) -> Any:
    """`value` with dates as ISO text and strings cleaned, in lists and dicts too."""
    if isinstance(value, str):
        return clean_display(value)
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def print_json(data: object) -> int:
    """Write `data` as one JSON document (after `jsonable`); the command's exit status, 0."""
    sys.stdout.write(json.dumps(jsonable(data), ensure_ascii=False, indent=2) + "\n")
    return 0
