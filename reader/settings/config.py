"""feeds.toml -> a frozen Config, with errors that name the file, the line and the key."""

from __future__ import annotations

import os
import re
import tomllib
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from functools import partial
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit

from reader.models import FeedSpec, Settings
from reader.settings import paths
from reader.settings.appearance import HIGHLIGHT_STYLES, THEMES
from reader.settings.keymap import ACTION_IDS
from reader.text.sanitize import clean_line

T = TypeVar("T")

TOP_LEVEL_KEYS = ("settings", "feeds", "names", "keys", "highlight")
FEED_KEYS = ("name", "url", "tags", "enabled")
NAME_KINDS = ("player", "coach", "team")
NAME_KEYS = ("kind", "aliases")

# (minimum, maximum) for each numeric setting; None means unbounded.
SETTING_BOUNDS: dict[str, tuple[float, float | None]] = {
    "refresh_minutes": (0, 7 * 24 * 60),
    "concurrency": (1, 64),
    "timeout": (0.1, 600),
    "max_feed_bytes": (1024, 1 << 31),
    "retention_days": (1, 36500),
    "max_redirects": (0, 30),
}


def _close_matches(word: str, choices: Any, n: int = 1) -> list[str]:
    import difflib  # only when there is an error to explain

    return difflib.get_close_matches(word, choices, n=n)


_KEY_NAME = re.compile(r"[A-Za-z0-9_+\-]{1,40}|[!-~]")


class ConfigError(Exception):
    """A feeds.toml problem, located as precisely as the file allows.

    The first problem found; `others` holds the rest, so one run can list every one of them.
    """

    def __init__(self, path: Path | None, message: str, *, line: int | None = None,
                 column: int | None = None, key: str | None = None) -> None:
        self.path = path
        self.message = message
        self.line = line
        self.column = column
        self.key = key
        self.others: tuple[ConfigError, ...] = ()
        super().__init__(str(self))

    @property
    def problems(self) -> tuple[ConfigError, ...]:
        """This problem and the others, in the order of the file."""
        return (self, *self.others)

    def __str__(self) -> str:
        return "\n".join(problem.located() for problem in self.problems)

    def located(self) -> str:
        """This one problem: file:line:column: [key] message."""
        where = str(self.path) if self.path else "<config>"
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        key = f" [{self.key}]" if self.key else ""
        # Keys and values come from the file: anything invisible or controlling is shown as an escape.
        return _visible(f"{where}:{key} {self.message}")


def _invisible(ch: str) -> bool:
    """Control, format (bidi, zero-width) and separator characters: never shown raw."""
    return unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp", "Cs")


def _visible(text: str) -> str:
    return "".join(f"\\u{ord(ch):04x}" if _invisible(ch) else ch for ch in text)


@dataclass(frozen=True, slots=True)
class NameSpec:
    """A user-supplied name for the annotator (`[names]` in feeds.toml)."""

    kind: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Config:
    """Everything feeds.toml says, validated."""

    path: Path
    origin: str
    settings: Settings = field(default_factory=Settings)
    feeds: tuple[FeedSpec, ...] = ()
    names: Mapping[str, NameSpec] = field(default_factory=dict)
    keys: Mapping[str, str] = field(default_factory=dict)
    highlight: Mapping[str, str] = field(default_factory=dict)

    @property
    def enabled_feeds(self) -> tuple[FeedSpec, ...]:
        """The feeds a refresh fetches."""
        return tuple(f for f in self.feeds if f.enabled)


def resolve_config_path(cli_path: Path | None) -> tuple[Path, str]:
    """Find the config file: --config, then $SPORTREADER_CONFIG, then the user's dir, then the shipped one."""
    if cli_path is not None:
        return _must_exist(cli_path, "--config"), "--config"
    env = os.environ.get(paths.CONFIG_ENV)
    if env:
        return _must_exist(Path(env), f"${paths.CONFIG_ENV}"), f"${paths.CONFIG_ENV}"
    user = paths.user_config_file()
    if user.is_file():
        return user, "user config dir"
    return paths.shipped_config_file(), "shipped default"


def _must_exist(path: Path, origin: str) -> Path:
    if not path.is_file():
        raise ConfigError(path, f"no such config file (given by {origin})")
    return path


def load_config(cli_path: Path | None = None) -> Config:
    """Resolve and load the config in use."""
    path, origin = resolve_config_path(cli_path)
    return load_config_file(path, origin)


def load_config_file(path: Path, origin: str = "--config") -> Config:
    """Read, parse and validate one feeds.toml."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(path, f"cannot read the file: {exc.strerror or exc}") from None
    return parse_config_text(_decode(path, raw), path, origin)


def _decode(path: Path, raw: bytes) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ConfigError(path, "not a text file in UTF-8 (it is UTF-16): save it as UTF-8")
    if b"\x00" in raw:
        raise ConfigError(path, "this is not a text file (it contains NUL bytes; UTF-16 or binary?)")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ConfigError(path, f"not valid UTF-8 (byte {exc.start})", line=line) from None


_TOML_POS = re.compile(r"\(at line (\d+), column (\d+)\)|\(at end of document\)")


def parse_config_text(text: str, path: Path, origin: str = "--config") -> Config:
    """Validate the text of a feeds.toml; raise ConfigError with file, line and key."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _syntax_error(path, text, exc) from None
    except RecursionError:
        raise ConfigError(path, "the file nests too deeply to be a feeds.toml") from None
    return _Validator(path, text).config(data, origin)


def _syntax_error(path: Path, text: str, exc: tomllib.TOMLDecodeError) -> ConfigError:
    message = str(exc)
    match = _TOML_POS.search(message)
    line = column = None
    if match and match.group(1):
        line, column = int(match.group(1)), int(match.group(2))
    elif match:
        line = text.count("\n") + 1
    detail = _TOML_POS.sub("", message).strip()
    lines = text.splitlines()
    if line is not None and 0 < line <= len(lines) and lines[line - 1].strip():
        detail += f" in `{clean_line(lines[line - 1], 120)}`"  # the line as written
    return ConfigError(path, f"TOML syntax error: {detail}", line=line, column=column)


class _Validator:
    """Checks parsed TOML against the schema, locating each problem in the source text."""

    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.locator = _KeyLocator(text)
        self.problems: list[ConfigError] = []

    def error(self, key_path: tuple[str | int, ...], message: str) -> ConfigError:
        return ConfigError(self.path, message, line=self.locator.line_of(key_path), key=_dotted(key_path))

    def checked(self, check: Callable[[], T], fallback: T) -> T:
        """check(), or fallback with its problem noted: one bad key does not hide the next one."""
        try:
            return check()
        except ConfigError as exc:
            self.problems.append(exc)
            return fallback

    def config(self, data: dict[str, Any], origin: str) -> Config:
        data = self.known_keys(data, TOP_LEVEL_KEYS, ())
        config = Config(
            path=self.path,
            origin=origin,
            settings=self.checked(lambda: self.settings(self.table(data, "settings")), Settings()),
            feeds=self.checked(lambda: self.feeds(data.get("feeds", [])), ()),
            names=self.checked(lambda: self.names(self.table(data, "names")), {}),
            keys=self.checked(lambda: self.keys(self.table(data, "keys")), {}),
            highlight=self.checked(lambda: self.highlight(self.table(data, "highlight")), {}),
        )
        if self.problems:
            first, *others = sorted(self.problems, key=lambda e: (e.line is None, e.line or 0))
            first.others = tuple(others)
            raise first
        return config

    def table(self, data: dict[str, Any], key: str) -> dict[str, Any]:
        value = data.get(key, {})
        if not isinstance(value, dict):
            raise self.error((key,), f"must be a table ([{key}]), got {_type_name(value)}")
        return value

    def known_keys(self, table: Mapping[str, Any], known: tuple[str, ...],
                   where: tuple[str | int, ...]) -> dict[str, Any]:
        """The table without its unknown keys, each noted as a problem: the caller goes on with the rest."""
        self.problems.extend(self._unknown(key, known, where) for key in table if key not in known)
        return {key: value for key, value in table.items() if key in known}

    def _unknown(self, key: str, known: tuple[str, ...], where: tuple[str | int, ...]) -> ConfigError:
        hint = _close_matches(key, known, n=1)
        suggestion = f"; did you mean '{hint[0]}'?" if hint else f"; known keys: {', '.join(known)}"
        return self.error((*where, key), f"unknown key '{key}'{suggestion}")

    def settings(self, table: dict[str, Any]) -> Settings:
        defaults = Settings()
        known = tuple(f.name for f in fields(Settings))
        values: dict[str, Any] = {}
        for key, value in self.known_keys(table, known, ("settings",)).items():
            default = getattr(defaults, key)
            values[key] = self.checked(partial(self.setting_value, key, value, type(default)), default)
        return Settings(**values)

    def keys(self, table: dict[str, Any]) -> dict[str, str]:
        """`[keys]`: action = "key,key"; an unknown action is an error with a suggestion."""
        known = self.known_keys(table, tuple(sorted(ACTION_IDS)), ("keys",))
        return {action: self.key_list(value, ("keys", action)) for action, value in known.items()}

    def key_list(self, value: Any, where: tuple[str | int, ...]) -> str:
        keys = self.string_list(value, where) if isinstance(value, list) else (self.string(value, where),)
        parts = [k.strip() for key in keys for k in key.split(",") if k.strip()]
        for part in parts:
            if not _KEY_NAME.fullmatch(part):
                raise self.error(where, f"'{part}' is not a key name (examples: 'j', 'ctrl+f', 'down', 'f5')")
        return ",".join(parts)

    def highlight(self, table: dict[str, Any]) -> dict[str, str]:
        """`[highlight]`: role = "Rich style", e.g. player = "bold blue"."""
        known = self.known_keys(table, tuple(HIGHLIGHT_STYLES), ("highlight",))
        if not known:
            return {}
        # Rich's style parser (10 ms to import) only for a config that sets styles.
        from rich.errors import StyleSyntaxError
        from rich.style import Style

        styles: dict[str, str] = {}
        for role, value in known.items():
            style = self.string(value, ("highlight", role))
            try:
                Style.parse(style)
            except StyleSyntaxError as exc:
                raise self.error(("highlight", role), f"is not a style: {exc}") from None
            styles[role] = style
        return styles

    def setting_value(self, key: str, value: Any, expected: type) -> Any:
        where = ("settings", key)
        if key == "theme":
            if value not in THEMES:
                hint = _close_matches(str(value), THEMES, n=1)
                suggestion = f"; did you mean '{hint[0]}'?" if hint else f"; known themes: {', '.join(THEMES)}"
                raise self.error(where, f"unknown theme {value!r}{suggestion}")
            return value
        if expected is bool:
            if not isinstance(value, bool):
                raise self.error(where, f"must be true or false, got {_type_name(value)}")
            return value
        if expected is str:
            if not isinstance(value, str) or not value.strip():
                raise self.error(where, f"must be a non-empty string, got {_type_name(value)}")
            return value
        numeric = (int,) if expected is int else (int, float)
        if isinstance(value, bool) or not isinstance(value, numeric):
            wanted = "a whole number" if expected is int else "a number"
            raise self.error(where, f"must be {wanted}, got {_type_name(value)}")
        low, high = SETTING_BOUNDS[key]
        if value != value or value < low or (high is not None and value > high):  # nan is never in range
            raise self.error(where, f"must be between {low} and {high}, got {value}")
        return expected(value)

    def feeds(self, items: Any) -> tuple[FeedSpec, ...]:
        if not isinstance(items, list):
            raise self.error(("feeds",), f"must be an array of tables ([[feeds]]), got {_type_name(items)}")
        specs: list[FeedSpec] = []
        names: dict[int, str] = {}
        seen: dict[str, int] = {}
        urls: dict[tuple[str, ...], int] = {}
        for index, item in enumerate(items):
            spec = self.checked(partial(self.feed, index, item), None)
            if spec is None:
                continue
            folded = spec.name.casefold()
            if folded in seen:
                self.problems.append(self.error(("feeds", index, "name"),
                                                f"duplicate feed name '{spec.name}' (also feeds[{seen[folded]}])"))
                continue
            # Two names for one feed would store every article twice.
            same = _url_identity(spec.url)
            if same in urls:
                self.problems.append(self.error(("feeds", index, "url"), f"the same URL as feeds[{urls[same]}] "
                                                                         f"('{names[urls[same]]}')"))
                continue
            seen[folded] = index
            urls[same] = index
            names[index] = spec.name
            specs.append(spec)
        return tuple(specs)

    def feed(self, index: int, item: Any) -> FeedSpec:
        where: tuple[str | int, ...] = ("feeds", index)
        if not isinstance(item, dict):
            raise self.error(where, f"must be a table, got {_type_name(item)}")
        item = self.known_keys(item, FEED_KEYS, where)
        for required in ("name", "url"):
            if required not in item:
                raise self.error(where, f"missing required key '{required}'")
        name = self.string(item["name"], (*where, "name"))
        url = self.string(item["url"], (*where, "url"))
        self.check_url(url, (*where, "url"))
        tags = self.string_list(item.get("tags", []), (*where, "tags"))
        enabled = item.get("enabled", True)
        if not isinstance(enabled, bool):
            raise self.error((*where, "enabled"), f"must be true or false, got {_type_name(enabled)}")
        return FeedSpec(name=name, url=url, tags=tags, enabled=enabled)

    def string(self, value: Any, where: tuple[str | int, ...]) -> str:
        if not isinstance(value, str) or not value.strip():
            raise self.error(where, f"must be a non-empty string, got {_type_name(value)}")
        bad = next((ch for ch in value if _invisible(ch)), None)
        if bad is not None:
            raise self.error(where, f"must not contain control or invisible characters (U+{ord(bad):04X})")
        return value.strip()

    def string_list(self, value: Any, where: tuple[str | int, ...]) -> tuple[str, ...]:
        if not isinstance(value, list):
            raise self.error(where, f"must be a list of strings, got {_type_name(value)}")
        return tuple(self.string(v, (*where, i)) for i, v in enumerate(value))

    def check_url(self, url: str, where: tuple[str | int, ...]) -> None:
        try:
            parts = urlsplit(url)
            parts.port  # noqa: B018 - raises on a port that is not a number
        except ValueError as exc:
            raise self.error(where, f"is not a valid URL ({exc})") from None
        if parts.scheme.lower() not in ("http", "https"):
            scheme = f"'{parts.scheme}:'" if parts.scheme else "no scheme"
            raise self.error(where, f"must be an http:// or https:// URL, got {scheme}")
        if not parts.hostname:
            raise self.error(where, "the URL has no host")
        if _mixed_scripts(parts.hostname):
            try:
                puny = parts.hostname.encode("idna").decode("ascii")
            except UnicodeError:
                puny = ascii(parts.hostname)
            raise self.error(where, f"the host '{parts.hostname}' mixes alphabets ({puny}): "
                                    "a look-alike of another address?")

    def names(self, table: dict[str, Any]) -> dict[str, NameSpec]:
        result: dict[str, NameSpec] = {}
        for name, spec in table.items():
            where: tuple[str | int, ...] = ("names", name)
            if not isinstance(spec, dict):
                raise self.error(where, f"must be a table like {{ kind = 'player' }}, got {_type_name(spec)}")
            spec = self.known_keys(spec, NAME_KEYS, where)
            kind = spec.get("kind")
            if kind not in NAME_KINDS:
                raise self.error((*where, "kind"), f"must be one of {', '.join(NAME_KINDS)}, got {kind!r}")
            aliases = self.string_list(spec.get("aliases", []), (*where, "aliases"))
            result[self.string(name, where)] = NameSpec(kind=kind, aliases=aliases)
        return result


def _url_identity(url: str) -> tuple[str, ...]:
    """What makes two feed URLs the same: scheme and host in any case, the default port or none."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    port = parts.port if parts.port not in (None, {"http": 80, "https": 443}.get(scheme)) else None
    return (scheme, parts.hostname or "", str(port or ""), parts.path or "/", parts.query)


def _mixed_scripts(host: str) -> bool:
    """A host label mixing alphabets ('gazzetta.іt' with a Cyrillic і) is a look-alike, not a typo."""
    for label in host.split("."):
        scripts = {unicodedata.name(ch, "?").split()[0] for ch in label if ch.isalpha()}
        if len(scripts) > 1:
            return True
    return False


def _type_name(value: Any) -> str:
    names: dict[type, str] = {str: "a string", bool: "a boolean", int: "an integer", float: "a number",
                              list: "an array", dict: "a table"}
    return names.get(type(value), type(value).__name__)


def _dotted(key_path: tuple[str | int, ...]) -> str:
    text = ""
    for part in key_path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            bare = re.fullmatch(r"[A-Za-z0-9_-]+", part)
            piece = part if bare else f'"{part}"'
            text += f".{piece}" if text else piece
    return text


class _KeyLocator:
    """Finds the line of a key path in TOML source (tomllib keeps no positions)."""

    _HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?")
    _KEY = re.compile(r"""^\s*("(?:[^"\\]|\\.)*"|'[^']*'|[A-Za-z0-9_-]+)\s*=""")

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
            header = self._HEADER.match(line)
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
            if start == 0 and self._HEADER.match(line):
                return None
            found = self._KEY.match(line)
            if found and found.group(1).strip("\"'") == str(key):
                return number
        return None
