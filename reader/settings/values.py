"""One value of feeds.toml checked against its schema row: the value to keep, or Invalid saying why.

Where the value is written is the caller's business (reader.settings.config locates every problem).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from reader.settings.appearance import THEMES
from reader.settings.schema import (
    FLAG,
    KEY_NAMES,
    LABEL,
    LABELS,
    NAME_KIND,
    NAME_KINDS,
    NUMBER,
    STYLE,
    TEXT,
    THEME,
    URL,
    WHOLE,
    Key,
)

# A pattern, not a compiled regex: compiled (and cached by re) the first time a [keys] table is read.
_KEY_NAME = r"[A-Za-z0-9_+\-]{1,40}|[!-~]"


class Invalid(Exception):
    """What is wrong with a value; `at` is the index inside it (an array's item) that is wrong, if any."""

    def __init__(self, message: str, at: tuple[int, ...] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.at = at


def check(row: Key, value: Any) -> Any:
    """The value as the app keeps it, or Invalid."""
    return _CHECKS[row.kind](row, value)


def close_matches(word: str, choices: Any) -> list[str]:
    """The closest of the choices to a misspelt word (at most one)."""
    import difflib  # only when there is an error to explain

    return difflib.get_close_matches(word, choices, n=1)


def invisible(ch: str) -> bool:
    """Control, format (bidi, zero-width) and separator characters: never shown raw."""
    return unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp", "Cs")


def type_name(value: Any) -> str:
    """What TOML calls the type of a value, as a message says it."""
    names: dict[type, str] = {str: "a string", bool: "a boolean", int: "an integer", float: "a number",
                              list: "an array", dict: "a table"}
    return names.get(type(value), type(value).__name__)


def label(value: Any) -> str:
    """A non-empty string with nothing invisible in it, trimmed."""
    if not isinstance(value, str) or not value.strip():
        raise Invalid(f"must be a non-empty string, got {type_name(value)}")
    # isprintable() is False for every invisible character (and a few allowed ones): the scan, in C, of most labels.
    bad = None if value.isprintable() else next((ch for ch in value if invisible(ch)), None)
    if bad is not None:
        raise Invalid(f"must not contain control or invisible characters (U+{ord(bad):04X})")
    return value.strip()


def labels(value: Any) -> tuple[str, ...]:
    """An array of labels; the first wrong item is the problem."""
    if not isinstance(value, list):
        raise Invalid(f"must be a list of strings, got {type_name(value)}")
    result: list[str] = []
    for index, item in enumerate(value):
        try:
            result.append(label(item))
        except Invalid as bad:
            raise Invalid(bad.message, (index,)) from None
    return tuple(result)


def _number(row: Key, value: Any) -> int | float:
    whole = row.kind == WHOLE
    if isinstance(value, bool) or not isinstance(value, int if whole else (int, float)):
        raise Invalid(f"must be {'a whole number' if whole else 'a number'}, got {type_name(value)}")
    low, high = row.low, row.high
    assert low is not None, f"{row.name}: a number needs its range"
    if value != value or value < low or (high is not None and value > high):  # nan is never in range
        raise Invalid(f"must be between {low} and {high}, got {value}")
    return int(value) if whole else float(value)


def _flag(row: Key, value: Any) -> bool:
    if not isinstance(value, bool):
        raise Invalid(f"must be true or false, got {type_name(value)}")
    return value


def _text(row: Key, value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise Invalid(f"must be a non-empty string, got {type_name(value)}")
    return value


def _theme(row: Key, value: Any) -> str:
    if value not in THEMES:
        hint = close_matches(str(value), THEMES)
        suggestion = f"; did you mean '{hint[0]}'?" if hint else f"; known themes: {', '.join(THEMES)}"
        raise Invalid(f"unknown theme {value!r}{suggestion}")
    return str(value)  # a str already: it equals one of the choices


def _name_kind(row: Key, value: Any) -> str:
    if value not in NAME_KINDS:
        raise Invalid(f"must be one of {', '.join(NAME_KINDS)}, got {value!r}")
    return str(value)  # a str already: it equals one of the choices


def _url(row: Key, value: Any) -> str:
    url = label(value)
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises on a port that is not a number
    except ValueError as exc:
        raise Invalid(f"is not a valid URL ({exc})") from None
    if parts.scheme.lower() not in ("http", "https"):
        scheme = f"'{parts.scheme}:'" if parts.scheme else "no scheme"
        raise Invalid(f"must be an http:// or https:// URL, got {scheme}")
    if not parts.hostname:
        raise Invalid("the URL has no host")
    if _mixed_scripts(parts.hostname):
        try:
            puny = parts.hostname.encode("idna").decode("ascii")
        except UnicodeError:
            puny = ascii(parts.hostname)
        raise Invalid(f"the host '{parts.hostname}' mixes alphabets ({puny}): a look-alike of another address?")
    return url


def _mixed_scripts(host: str) -> bool:
    """A host label mixing alphabets ('gazzetta.іt' with a Cyrillic і) is a look-alike, not a typo."""
    if host.isascii():  # every ASCII letter is Latin
        return False
    for part in host.split("."):
        scripts = {unicodedata.name(ch, "?").split()[0] for ch in part if ch.isalpha()}
        if len(scripts) > 1:
            return True
    return False


def _key_names(row: Key, value: Any) -> str:
    keys = labels(value) if isinstance(value, list) else (label(value),)
    parts = [k.strip() for key in keys for k in key.split(",") if k.strip()]
    for part in parts:
        if not re.fullmatch(_KEY_NAME, part):
            raise Invalid(f"'{part}' is not a key name (examples: 'j', 'ctrl+f', 'down', 'f5')")
    return ",".join(parts)


def _style(row: Key, value: Any) -> str:
    style = label(value)
    # Rich's style parser (10 ms to import) only for a config that sets styles.
    from rich.errors import StyleSyntaxError
    from rich.style import Style

    try:
        Style.parse(style)
    except StyleSyntaxError as exc:
        raise Invalid(f"is not a style: {exc}") from None
    return style


_CHECKS: dict[str, Callable[[Key, Any], Any]] = {
    WHOLE: _number, NUMBER: _number, FLAG: _flag, TEXT: _text, LABEL: lambda row, value: label(value),
    LABELS: lambda row, value: labels(value), URL: _url, THEME: _theme, NAME_KIND: _name_kind,
    KEY_NAMES: _key_names, STYLE: _style,
}
