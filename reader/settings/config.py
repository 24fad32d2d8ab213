"""feeds.toml -> a frozen Config, with errors that name the file, the line and the key."""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import urlsplit

from reader.models import FeedSpec, Settings
from reader.settings import paths, schema, values
from reader.text.sanitize import clean_line

if TYPE_CHECKING:
    from reader.settings.locate import KeyLocator

T = TypeVar("T")


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


def _visible(text: str) -> str:
    return "".join(f"\\u{ord(ch):04x}" if values.invisible(ch) else ch for ch in text)


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


# A pattern, not a compiled regex: compiled (and cached by re) only for a file with a syntax error.
_TOML_POS = r"\(at line (\d+), column (\d+)\)|\(at end of document\)"


def parse_config_text(text: str, path: Path, origin: str = "--config") -> Config:
    """Validate the text of a feeds.toml; raise ConfigError with file, line and key."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _syntax_error(path, text, exc) from None
    except RecursionError:
        raise ConfigError(path, "the file nests too deeply to be a feeds.toml") from None
    return _Checker(path, text).config(data, origin)


def _syntax_error(path: Path, text: str, exc: tomllib.TOMLDecodeError) -> ConfigError:
    message = str(exc)
    match = re.search(_TOML_POS, message)
    line = column = None
    if match and match.group(1):
        line, column = int(match.group(1)), int(match.group(2))
    elif match:
        line = text.count("\n") + 1
    detail = re.sub(_TOML_POS, "", message).strip()
    lines = text.splitlines()
    if line is not None and 0 < line <= len(lines) and lines[line - 1].strip():
        detail += f" in `{clean_line(lines[line - 1], 120)}`"  # the line as written
    return ConfigError(path, f"TOML syntax error: {detail}", line=line, column=column)


class _Checker:
    """Walks parsed TOML through the tables of the schema, locating each problem in the source text."""

    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.text = text
        self.locator: KeyLocator | None = None
        self.problems: list[ConfigError] = []

    def error(self, key_path: tuple[str | int, ...], message: str) -> ConfigError:
        from reader.settings.locate import KeyLocator, dotted  # only a file with a problem needs them

        if self.locator is None:
            self.locator = KeyLocator(self.text)
        return ConfigError(self.path, message, line=self.locator.line_of(key_path), key=dotted(key_path))

    def checked(self, check: Callable[[], T], fallback: T) -> T:
        """check(), or fallback with its problem noted: one bad key does not hide the next one."""
        try:
            return check()
        except ConfigError as exc:
            self.problems.append(exc)
            return fallback

    def config(self, data: dict[str, Any], origin: str) -> Config:
        data = self.known_keys(data, schema.TABLES, ())
        config = Config(
            path=self.path,
            origin=origin,
            settings=self.checked(lambda: self.settings(self.table(data, "settings")), Settings()),
            feeds=self.checked(lambda: self.feeds(data.get("feeds", [])), ()),
            names=self.checked(lambda: self.names(self.table(data, "names")), {}),
            keys=self.checked(lambda: self.plain(self.table(data, "keys"), "keys"), {}),
            highlight=self.checked(lambda: self.plain(self.table(data, "highlight"), "highlight"), {}),
        )
        if self.problems:
            first, *others = sorted(self.problems, key=lambda e: (e.line is None, e.line or 0))
            first.others = tuple(others)
            raise first
        return config

    def table(self, data: dict[str, Any], key: str) -> dict[str, Any]:
        value = data.get(key, {})
        if not isinstance(value, dict):
            raise self.error((key,), f"must be a table ([{key}]), got {values.type_name(value)}")
        return value

    def known_keys(self, table: Mapping[str, Any], known: Collection[str],
                   where: tuple[str | int, ...]) -> dict[str, Any]:
        """The table without its unknown keys, each noted as a problem: the caller goes on with the rest."""
        self.problems.extend(self._unknown(key, known, where) for key in table if key not in known)
        return {key: value for key, value in table.items() if key in known}

    def _unknown(self, key: str, known: Collection[str], where: tuple[str | int, ...]) -> ConfigError:
        hint = values.close_matches(key, known)
        suggestion = f"; did you mean '{hint[0]}'?" if hint else f"; known keys: {', '.join(known)}"
        return self.error((*where, key), f"unknown key '{key}'{suggestion}")

    def value(self, row: schema.Key, value: Any, where: tuple[str | int, ...]) -> Any:
        """The checked value of one key, or its ConfigError."""
        try:
            return values.check(row, value)
        except values.Invalid as bad:
            raise self.error((*where, *bad.at), bad.message) from None

    def settings(self, table: dict[str, Any]) -> Settings:
        return Settings(**(self.fields(table, "settings", ("settings",)) or {}))

    def plain(self, table: dict[str, Any], name: str) -> dict[str, str]:
        """`[keys]` (action = "key,key") or `[highlight]` (role = "Rich style"): every key of one kind."""
        return self.fields(table, name, (name,)) or {}

    def feeds(self, items: Any) -> tuple[FeedSpec, ...]:
        if not isinstance(items, list):
            raise self.error(("feeds",), "must be an array of tables ([[feeds]]), "
                                         f"got {values.type_name(items)}")
        specs: list[FeedSpec] = []
        names: dict[int, str] = {}
        seen: dict[str, int] = {}
        urls: dict[tuple[str, ...], int] = {}
        for index, item in enumerate(items):
            spec = self.feed(index, item)
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

    def feed(self, index: int, item: Any) -> FeedSpec | None:
        """One [[feeds]] table, or None when it has a mistake (noted)."""
        where: tuple[str | int, ...] = ("feeds", index)
        if not isinstance(item, dict):
            self.problems.append(self.error(where, f"must be a table, got {values.type_name(item)}"))
            return None
        checked = self.fields(item, "feeds", where)
        return FeedSpec(**checked) if checked is not None else None

    def names(self, table: dict[str, Any]) -> dict[str, NameSpec]:
        result: dict[str, NameSpec] = {}
        for name, spec in table.items():
            where: tuple[str | int, ...] = ("names", name)
            label = self.checked(partial(self.value, _NAME, name, where), None)
            if not isinstance(spec, dict):
                self.problems.append(self.error(where, "must be a table like { kind = 'player' }, "
                                                       f"got {values.type_name(spec)}"))
                continue
            checked = self.fields(spec, "names", where)
            if label is not None and checked is not None:
                result[label] = NameSpec(**checked)
        return result

    def fields(self, table: dict[str, Any], name: str, where: tuple[str | int, ...]) -> dict[str, Any] | None:
        """The checked keys of a table by the rows of `name`; None if one is wrong or missing.

        Every mistake is noted, each on its own: a missing key, then the keys given, in the file's order.
        """
        rows = schema.ROWS[name]
        given = self.known_keys(table, rows, where)
        noted = len(self.problems)  # an unknown key is noted but does not spoil the rest
        for row in rows.values():
            if not row.required or row.name in given:
                continue
            if row.kind == schema.NAME_KIND:  # said as a wrong kind, so that the message lists the kinds
                self.checked(partial(self.value, row, None, (*where, row.name)), None)
            else:
                self.problems.append(self.error(where, f"missing required key '{row.name}'"))
        checked: dict[str, Any] = {}
        for key, value in given.items():
            try:
                checked[key] = self.value(rows[key], value, (*where, key))
            except ConfigError as exc:
                self.problems.append(exc)
        return checked if len(self.problems) == noted else None


_NAME = schema.Key("names", "", schema.LABEL)  # the name an entry of [names] is written under


def _url_identity(url: str) -> tuple[str, ...]:
    """What makes two feed URLs the same: scheme and host in any case, the default port or none."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    port = parts.port if parts.port not in (None, {"http": 80, "https": 443}.get(scheme)) else None
    return (scheme, parts.hostname or "", str(port or ""), parts.path or "/", parts.query)
