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
    CODES,
    FLAG,
    KEY_NAMES,
    LABEL,
    LABELS,
    LANGUAGE,
    LANGUAGES,
    NAME_KIND,
    NAME_KINDS,
    NUMBER,
    STYLE,
    TEXT,
    THEME,
    TIMEZONE,
    URL,
    URL_TEMPLATE,
    WHOLE,
    Key,
)
from reader.text.messages import N_, _

# A pattern, not a compiled regex: compiled (and cached by re) the first time a [keys] table is read.
_KEY_NAME = r"[A-Za-z0-9_+\-]{1,40}|[!-~]"
_CODE = r"[a-z]{2,10}(?:\.[a-z0-9]{1,10}){1,2}"  # openfootball's competition codes: it.1, uefa.cl, at.cup


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
    names: dict[type, str] = {str: N_("a string"), bool: N_("a boolean"), int: N_("an integer"),
                              float: N_("a number"), list: N_("an array"), dict: N_("a table")}
    name = names.get(type(value))
    return _(name) if name else type(value).__name__


def label(value: Any) -> str:
    """A non-empty string with nothing invisible in it, trimmed."""
    if not isinstance(value, str) or not value.strip():
        raise Invalid(_("must be a non-empty string, got {type}").format(type=type_name(value)))
    # isprintable() is False for every invisible character (and a few allowed ones): the scan, in C, of most labels.
    bad = None if value.isprintable() else next((ch for ch in value if invisible(ch)), None)
    if bad is not None:
        raise Invalid(_("must not contain control or invisible characters (U+{code})").format(code=f"{ord(bad):04X}"))
    return value.strip()


def labels(value: Any) -> tuple[str, ...]:
    """An array of labels; the first wrong item is the problem."""
    if not isinstance(value, list):
        raise Invalid(_("must be a list of strings, got {type}").format(type=type_name(value)))
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
        message = _("must be a whole number, got {type}") if whole else _("must be a number, got {type}")
        raise Invalid(message.format(type=type_name(value)))
    low, high = row.low, row.high
    assert low is not None, f"{row.name}: a number needs its range"
    if value != value or value < low or (high is not None and value > high):  # nan is never in range
        raise Invalid(_("must be between {low} and {high}, got {value}").format(low=low, high=high, value=value))
    return int(value) if whole else float(value)


def _flag(row: Key, value: Any) -> bool:
    if not isinstance(value, bool):
        raise Invalid(_("must be true or false, got {type}").format(type=type_name(value)))
    return value


def _text(row: Key, value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise Invalid(_("must be a non-empty string, got {type}").format(type=type_name(value)))
    return value


def _theme(row: Key, value: Any) -> str:
    if value not in THEMES:
        hint = close_matches(str(value), THEMES)
        message = (_("unknown theme {value}; did you mean '{hint}'?") if hint
                   else _("unknown theme {value}; known themes: {names}"))
        raise Invalid(message.format(value=repr(value), hint=hint[0] if hint else "", names=", ".join(THEMES)))
    return str(value)  # a str already: it equals one of the choices


def _name_kind(row: Key, value: Any) -> str:
    return _choice(value, NAME_KINDS)


def _language(row: Key, value: Any) -> str:
    return _choice(value, LANGUAGES)


def _choice(value: Any, choices: tuple[str, ...]) -> str:
    if value not in choices:
        raise Invalid(_("must be one of {choices}, got {value}").format(choices=", ".join(choices),
                                                                          value=repr(value)))
    return str(value)  # a str already: it equals one of the choices


def _timezone(row: Key, value: Any) -> str:
    name = label(value)
    if name == "auto":
        return name
    import zoneinfo  # only for a config that names a zone

    try:
        zoneinfo.ZoneInfo(name)
    except (ValueError, zoneinfo.ZoneInfoNotFoundError):
        hint = close_matches(name, zoneinfo.available_timezones())
        message = (_("unknown time zone '{value}'; did you mean '{hint}'?") if hint
                   else _("unknown time zone '{value}': write it as 'Europe/Rome', or 'auto' for the system's"))
        raise Invalid(message.format(value=name, hint=hint[0] if hint else "")) from None
    return name


def _url(row: Key, value: Any) -> str:
    url = label(value)
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises on a port that is not a number
    except ValueError as exc:
        raise Invalid(_("is not a valid URL ({error})").format(error=exc)) from None
    if parts.scheme.lower() not in ("http", "https"):
        message = (_("must be an http:// or https:// URL, got '{scheme}:'") if parts.scheme
                   else _("must be an http:// or https:// URL, got no scheme"))
        raise Invalid(message.format(scheme=parts.scheme))
    if not parts.hostname:
        raise Invalid(_("the URL has no host"))
    if _mixed_scripts(parts.hostname):
        try:
            puny = parts.hostname.encode("idna").decode("ascii")
        except UnicodeError:
            puny = ascii(parts.hostname)
        raise Invalid(_("the host '{host}' mixes alphabets ({puny}): a look-alike of another address?").format(
            host=parts.hostname, puny=puny))
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


def _url_template(row: Key, value: Any) -> str:
    url = _url(row, value)
    try:
        filled = url.format(season="2026-27", code="it.1")
    except (IndexError, KeyError, ValueError):
        raise Invalid("may hold only {season} and {code} between braces") from None
    if "{code}" not in url or not filled:
        raise Invalid("must hold {code} (the competition) and may hold {season}")
    return url


def _codes(row: Key, value: Any) -> tuple[str, ...]:
    codes = labels(value)
    for index, code in enumerate(codes):
        if not re.fullmatch(_CODE, code):
            raise Invalid(f"'{code}' is not a competition code (examples: 'it.1', 'it.2', 'uefa.cl')", (index,))
    return codes


def _key_names(row: Key, value: Any) -> str:
    keys = labels(value) if isinstance(value, list) else (label(value),)
    parts = [k.strip() for key in keys for k in key.split(",") if k.strip()]
    for part in parts:
        if not re.fullmatch(_KEY_NAME, part):
            raise Invalid(_("'{key}' is not a key name (examples: 'j', 'ctrl+f', 'down', 'f5')").format(key=part))
    return ",".join(parts)


def _style(row: Key, value: Any) -> str:
    style = label(value)
    # Rich's style parser (10 ms to import) only for a config that sets styles.
    from rich.errors import StyleSyntaxError
    from rich.style import Style

    try:
        Style.parse(style)
    except StyleSyntaxError as exc:
        raise Invalid(_("is not a style: {error}").format(error=exc)) from None
    return style


_CHECKS: dict[str, Callable[[Key, Any], Any]] = {
    WHOLE: _number, NUMBER: _number, FLAG: _flag, TEXT: _text, LABEL: lambda row, value: label(value),
    LABELS: lambda row, value: labels(value), URL: _url, THEME: _theme, NAME_KIND: _name_kind,
    KEY_NAMES: _key_names, STYLE: _style, LANGUAGE: _language, TIMEZONE: _timezone,
    URL_TEMPLATE: _url_template, CODES: _codes,
}
