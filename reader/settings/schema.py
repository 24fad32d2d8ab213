"""The schema of feeds.toml: its tables, and for each key the kind of value it holds and its range.

Data only; reader.settings.values checks a value against its row, reader.settings.config walks the
tables. The defaults are the fields' own, in Settings and FeedSpec (reader.models) and NameSpec: a key
left out of the file is not passed, so the record's default applies. A test holds the rows of
[settings], [[feeds]] and [names] to those records' fields (names, order, types, required).
"""

from __future__ import annotations

from typing import NamedTuple

from reader.settings.appearance import HIGHLIGHT_STYLES
from reader.settings.keymap import ACTION_IDS

# The kinds of value, each checked by reader.settings.values.
WHOLE = "whole"  # an integer within [low, high]
NUMBER = "number"  # an integer or a float within [low, high], as a float
FLAG = "flag"  # true or false
TEXT = "text"  # a non-empty string, kept as written
LABEL = "label"  # a non-empty string without invisible characters, trimmed
LABELS = "labels"  # an array of labels
URL = "url"  # a label that is an http(s) URL with a host in one alphabet
THEME = "theme"  # one of the themes of reader.settings.appearance
NAME_KIND = "name kind"  # one of NAME_KINDS
KEY_NAMES = "key names"  # "key,key" or an array of keys
STYLE = "style"  # a Rich style

NAME_KINDS = ("player", "coach", "team")

# The top-level tables, in the order an unknown one's message lists them.
TABLES = ("settings", "feeds", "names", "keys", "highlight")


class Key(NamedTuple):
    """One key of a table: `table` is 'feeds' for every [[feeds]], 'names' for every entry of [names]."""

    table: str
    name: str
    kind: str
    low: float | None = None  # WHOLE and NUMBER only
    high: float | None = None
    required: bool = False


# In each table, the order of the record's fields and of "known keys: ..." in messages.
KEYS: tuple[Key, ...] = (
    Key("settings", "refresh_minutes", WHOLE, 0, 7 * 24 * 60),
    Key("settings", "concurrency", WHOLE, 1, 64),
    Key("settings", "timeout", NUMBER, 0.1, 600),
    Key("settings", "max_feed_bytes", WHOLE, 1024, 1 << 31),
    Key("settings", "retention_days", WHOLE, 1, 36500),
    Key("settings", "user_agent", TEXT),
    Key("settings", "max_redirects", WHOLE, 0, 30),
    Key("settings", "prefetch", FLAG),
    Key("settings", "theme", THEME),
    Key("feeds", "name", LABEL, required=True),
    Key("feeds", "url", URL, required=True),
    Key("feeds", "tags", LABELS),
    Key("feeds", "enabled", FLAG),
    Key("names", "kind", NAME_KIND, required=True),
    Key("names", "aliases", LABELS),
    *(Key("keys", action, KEY_NAMES) for action in sorted(ACTION_IDS)),
    *(Key("highlight", role, STYLE) for role in HIGHLIGHT_STYLES),
)

# The rows of each table by key name, in the order above.
ROWS: dict[str, dict[str, Key]] = {table: {k.name: k for k in KEYS if k.table == table} for table in TABLES}
