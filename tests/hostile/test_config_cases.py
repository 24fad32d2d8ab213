"""Every hostile feeds.toml of the catalogue through reader.settings.config and the command line.

A broken file is a ConfigError that names the file, the line (and column for syntax errors) and the
key; `sportreader refresh` with it exits with status 2, prints only that (cleanly), and creates or
changes nothing: no data directory, no database, the file itself untouched.
"""

from __future__ import annotations

import json
import re
import time
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import pytest

from reader.feeds.pool import ParsePool
from reader.feeds.refresh import refresh
from reader.settings.config import ConfigError, load_config, parse_config_text
from reader.store import Store
from tests.conftest import item, rss
from tests.hostile.conftest import Catalogue, assert_clean, run_cli
from tests.server import FeedServer, Route


@dataclass(frozen=True)
class Error:
    """CFG-ERR: exactly this location and message."""

    line: int | None
    column: int | None
    key: str | None
    message: str


@dataclass(frozen=True)
class Loads:
    """The file is accepted with these feeds."""

    feeds: tuple[str, ...]


SYNTAX_C01 = "TOML syntax error: Illegal character '\\n' in `name = \"Tuttosport`"
EXPECTED: dict[str, Error | Loads] = {
    "c01_syntax_error.toml": Error(13, 19, None, SYNTAX_C01),
    "c02_wrong_types.toml": Error(2, None, "settings.refresh_minutes", "must be a whole number, got a string"),
    "c03_duplicate_names.toml": Error(7, None, "feeds[1].name",
                                      "duplicate feed name 'Gazzetta Calcio' (also feeds[0])"),
    "c04_duplicate_key.toml": Error(4, 40, None, "TOML syntax error: Cannot overwrite a value in "
                                    '`url = "https://sport.sky.it/rss/f1.xml"`'),
    "c05_duplicate_urls.toml": Error(8, None, "feeds[1].url", "the same URL as feeds[0] ('Gazzetta Calcio')"),
    "c06_unknown_keys.toml": Error(1, None, "setings", "unknown key 'setings'; did you mean 'settings'?"),
    "c07_missing_url.toml": Error(1, None, "feeds[0]", "missing required key 'url'"),
    "c08_scheme_javascript.toml": Error(3, None, "feeds[0].url",
                                        "must be an http:// or https:// URL, got 'javascript:'"),
    "c09_scheme_file.toml": Error(3, None, "feeds[0].url", "must be an http:// or https:// URL, got 'file:'"),
    "c10_other_schemes.toml": Error(39, 35, None, "TOML syntax error: Illegal character '\\n' in "
                                    '`url = "https://example.invalid/a b`'),
    "c11_escapes_in_names.toml": Error(2, None, "feeds[0].name",
                                       "must not contain control or invisible characters (U+001B)"),
    "c12_binary.toml": Error(None, None, None, "this is not a text file (it contains NUL bytes; UTF-16 or binary?)"),
    "c13_utf16.toml": Error(None, None, None, "not a text file in UTF-8 (it is UTF-16): save it as UTF-8"),
    "c14_utf8_bom.toml": Loads(("Gazzetta Calcio",)),
    "c15_empty.toml": Loads(()),
    "c16_deep_nesting.toml": Error(None, None, None, "the file nests too deeply to be a feeds.toml"),
    "c17_10k_feeds.toml": Loads(tuple(f"Feed {i}" for i in range(10_000))),
    "c18_crlf_tabs.toml": Loads(("Gazzetta Calcio",)),
    "c19_absurd_values.toml": Error(2, None, "settings.refresh_minutes", "must be between 0 and 10080, got -5"),
    "c20_directory.toml": Error(None, None, None, "no such config file (given by --config)"),
}


def case_path(catalogue: Catalogue, case: str) -> Path:
    if case == "c20_directory.toml":  # a directory, not in the manifest
        return catalogue.root / "config" / case
    return catalogue.path(case)


def test_every_generated_config_case_has_an_expected_outcome(catalogue: Catalogue) -> None:
    assert catalogue.names("config") | {"c20_directory.toml"} == set(EXPECTED)


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_the_config_gets_its_exact_outcome(catalogue: Catalogue, case: str) -> None:
    path = case_path(catalogue, case)
    expected = EXPECTED[case]
    if isinstance(expected, Loads):
        config = load_config(path)
        assert tuple(f.name for f in config.feeds) == expected.feeds
        return
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    err = caught.value
    assert (err.path, err.line, err.column, err.key, err.message) == (
        path, expected.line, expected.column, expected.key, expected.message)
    where = f"{path}" + (f":{err.line}" if err.line else "") + (f":{err.column}" if err.column else "")
    assert err.located() == f"{where}:" + (f" [{err.key}]" if err.key else "") + f" {err.message}"
    # The first problem comes first; any others follow it, never before it in the file.
    assert str(err).splitlines()[0] == err.located()
    assert all((other.line or 0) >= (err.line or 0) for other in err.others)


@pytest.mark.parametrize("case", sorted(c for c, e in EXPECTED.items() if isinstance(e, Error)))
def test_the_command_line_exits_2_and_touches_nothing(catalogue: Catalogue, tmp_path: Path, case: str) -> None:
    path = case_path(catalogue, case)
    before = path.read_bytes() if path.is_file() else None
    data = tmp_path / "data"
    for command in (["refresh"], ["feeds"], ["check"]):
        shown = run_cli(["--config", str(path), "--data-dir", str(data), *command])
        assert shown.code == 2 and shown.out == ""
        assert shown.err.startswith("sportreader: config error: " + str(path))
        assert EXPECTED[case].message in shown.err.replace("\n", "")  # type: ignore[union-attr]
        assert_clean(shown.err, case)
    assert not data.exists()
    assert (path.read_bytes() if path.is_file() else None) == before


def test_an_empty_file_is_a_clear_error_for_refresh(catalogue: Catalogue, tmp_path: Path) -> None:
    path = catalogue.path("c15_empty.toml")
    shown = run_cli(["--config", str(path), "--data-dir", str(tmp_path / "data"), "refresh"])
    assert shown.code == 2
    assert shown.err == f"sportreader: config error: {path}: no feeds configured in this file\n"
    assert not (tmp_path / "data").exists()


def test_crlf_and_tabs_load_exactly_like_the_plain_file(catalogue: Catalogue) -> None:
    crlf = catalogue.path("c18_crlf_tabs.toml").read_bytes()
    plain = crlf.replace(b"\r\n", b"\n").replace(b"\t=\t", b" = ").decode()
    a, b = load_config(catalogue.path("c18_crlf_tabs.toml")), parse_config_text(plain, Path("plain.toml"))
    assert (a.settings, a.feeds) == (b.settings, b.feeds)
    assert a.settings.max_feed_bytes == 10_000_000


def test_ten_thousand_feeds_load_in_under_a_second(catalogue: Catalogue) -> None:
    started = time.process_time()
    config = load_config(catalogue.path("c17_10k_feeds.toml"))
    assert time.process_time() - started < 1.0
    assert len(config.enabled_feeds) == 10_000


def test_a_refresh_of_many_feeds_respects_the_concurrency(catalogue: Catalogue, tmp_path: Path,
                                                          feed_server: FeedServer) -> None:
    text = catalogue.path("c17_10k_feeds.toml").read_text(encoding="utf-8")
    port = catalogue.gen.SERVER_PORT
    blocks = text.split("[[feeds]]")[1:201]  # the first 200 of the 10,000 (all 10,000 take minutes)
    host = feed_server.url("")[len("http://"):]
    body = rss([item(1)])
    for n in range(200):
        feed_server.routes[f"/ok?n={n}"] = Route(body, delay=0.02)
    config = parse_config_text("[settings]\nconcurrency = 4\ntimeout = 10\n" + "".join(
        "[[feeds]]" + b.replace(f"127.0.0.1:{port}", host) for b in blocks), Path("c17.toml"))
    with Store(tmp_path / "db") as store, closing(ParsePool(processes=False)) as pool:
        report = refresh(config, store, parse_pool=pool)
    assert not report.failed and len(report.results) == 200
    assert feed_server.max_active <= 4


# --------------------------------------------------------------------------- the catalogue's entries one by one

C10_URLS = {
    "data:application/rss+xml,<rss/>": "must be an http:// or https:// URL, got 'data:'",
    "ftp://example.invalid/rss": "must be an http:// or https:// URL, got 'ftp:'",
    "exec:~/bin/feed.sh": "must be an http:// or https:// URL, got 'exec:'",
    "filter:~/bin/f.sh:https://example.invalid/rss": "must be an http:// or https:// URL, got 'filter:'",
    "gopher://example.invalid/": "must be an http:// or https:// URL, got 'gopher:'",
    "http:/example.invalid": "the URL has no host",
    "http://": "the URL has no host",
    "http://[::1": "is not a valid URL (Invalid IPv6 URL)",
    "https://example.invalid/a b\nc": "must not contain control or invisible characters (U+000A)",
    "https://gazzetta.\u0456t/rss": "the host 'gazzetta.\u0456t' mixes alphabets (gazzetta.xn--t-evb): "
                                   "a look-alike of another address?",
}


def one_feed(url: str) -> str:
    return f'[[feeds]]\nname = "Prova"\nurl = {json.dumps(url)}\n'


@pytest.mark.parametrize("url", sorted(C10_URLS))
def test_every_unusable_url_is_refused_with_its_key(url: str) -> None:
    with pytest.raises(ConfigError) as caught:
        parse_config_text(one_feed(url), Path("feeds.toml"))
    assert (caught.value.line, caught.value.key, caught.value.message) == (3, "feeds[0].url", C10_URLS[url])
    assert_clean(str(caught.value))


def test_credentials_and_padding_in_a_url_are_accepted_and_never_echoed(tmp_path: Path) -> None:
    padded = parse_config_text(one_feed(" https://example.invalid/rss "), Path("f.toml"))
    assert padded.feeds[0].url == "https://example.invalid/rss"
    secret = "http://user:secret@127.0.0.1:9/rss"
    config_file = tmp_path / "feeds.toml"
    config_file.write_text(one_feed(secret), encoding="utf-8")
    shown = run_cli(["--config", str(config_file), "--data-dir", str(tmp_path / "d"), "refresh"])
    assert shown.code == 1 and "cannot connect" in shown.out
    assert "secret" not in shown.out + shown.err


C19_LINES = {
    "refresh_minutes = -5": ("settings.refresh_minutes", "must be between 0 and 10080, got -5"),
    "concurrency = 0": ("settings.concurrency", "must be between 1 and 64, got 0"),
    "timeout = inf": ("settings.timeout", "must be between 0.1 and 600, got inf"),
    "timeout = nan": ("settings.timeout", "must be between 0.1 and 600, got nan"),
    "max_feed_bytes = 1e308": ("settings.max_feed_bytes", "must be a whole number, got a number"),
    "retention_days = nan": ("settings.retention_days", "must be a whole number, got a number"),
}


@pytest.mark.parametrize("line", sorted(C19_LINES))
def test_every_absurd_setting_is_refused_with_its_range(line: str) -> None:
    with pytest.raises(ConfigError) as caught:
        parse_config_text(f"[settings]\n{line}\n", Path("feeds.toml"))
    assert (caught.value.line, caught.value.key, caught.value.message) == (2, *C19_LINES[line])


@pytest.mark.parametrize("text", [
    '[[feeds]]\nname = "Tutto\\u202esport"\nurl = "https://www.tuttosport.com/rss"\n',
    '[[feeds]]\nname = "Tuttosport"\nurl = "https://www.tuttosport.com/rss"\ntags = ["\\u202eAJNI"]\n',
    '[[feeds]]\nname = "Lau\\u200btaro"\nurl = "https://www.tuttosport.com/rss"\n',
])
def test_bidi_and_invisible_characters_in_names_and_tags_are_refused(text: str) -> None:
    with pytest.raises(ConfigError, match=r"must not contain control or invisible characters \(U\+20"):
        parse_config_text(text, Path("feeds.toml"))


def test_an_escape_in_a_key_never_reaches_the_terminal(tmp_path: Path) -> None:
    config_file = tmp_path / "feeds.toml"
    config_file.write_text('[settings]\n"\\u001b[2J\\u001b]52;c;eA==\\u0007x" = 1\n', encoding="utf-8")
    shown = run_cli(["--config", str(config_file), "--data-dir", str(tmp_path / "d"), "refresh"])
    assert shown.code == 2 and "unknown key" in shown.err
    assert_clean(shown.err)


def test_markup_in_feed_names_is_shown_literally(tmp_path: Path, feed_server: FeedServer) -> None:
    name = "[bold]Tutto[/bold] [@click=app.quit]sport[/]"
    feed_server.routes["/rss"] = Route(rss([item(1, title="[link=https://evil.invalid]Gol[/link]")]))
    config_file = tmp_path / "feeds.toml"
    config_file.write_text(f'[[feeds]]\nname = "{name}"\nurl = "{feed_server.url("/rss")}"\n'
                           'tags = ["[link=https://evil.invalid]x[/link]"]\n', encoding="utf-8")
    args = ["--config", str(config_file), "--data-dir", str(tmp_path / "d")]
    outputs = [run_cli([*args, "refresh"]), run_cli([*args, "feeds"]), run_cli([*args, "list"]),
               run_cli([*args, "show", "1"])]
    assert [o.code for o in outputs] == [0, 0, 0, 0]
    for shown in outputs:
        assert name in shown.out
        assert_clean(shown.out + shown.err)
    assert "[link=https://evil.invalid]Gol[/link]" in outputs[2].out


def test_config_messages_are_single_clean_lines(catalogue: Catalogue) -> None:
    for case, expected in EXPECTED.items():
        if isinstance(expected, Error):
            assert "\n" not in expected.message and not re.search(r"[\x00-\x1f]", expected.message), case

