"""--demo: the demo edition's feeds in a cache of its own, with the user's keys, highlights and settings."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.cli.context import Context
from reader.cli.main import build_parser, main
from reader.settings import paths


def context(*argv: str) -> Context:
    return Context(build_parser().parse_args(list(argv)))


def test_the_demo_keeps_the_keys_the_highlights_and_the_settings_of_the_config(tmp_path: Path) -> None:
    config = tmp_path / "feeds.toml"
    config.write_text('[settings]\ntheme = "nord"\n\n[keys]\nrefresh = "f5"\n\n[highlight]\nplayer = "bold blue"\n'
                      '\n[[feeds]]\nname = "Mio"\nurl = "https://example.org/rss"\n', encoding="utf-8")
    ctx = context("--config", str(config), "--data-dir", str(tmp_path / "data"), "--demo")
    try:
        demo = ctx.config()
    finally:
        ctx.close()
    assert demo.keys == {"refresh": "f5"} and demo.highlight == {"player": "bold blue"}
    assert demo.settings.theme == "nord"
    assert "Mio" not in {f.name for f in demo.feeds} and len(demo.feeds) >= 3


@pytest.mark.parametrize("given", [True, False])
def test_the_demo_cache_is_demo_inside_the_data_dir_whichever_way_it_is_given(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, given: bool) -> None:
    base = tmp_path / "data"
    if given:
        ctx = context("--data-dir", str(base), "--demo")
    else:
        monkeypatch.setenv(paths.DATA_ENV, str(base))
        ctx = context("--demo")
    assert ctx.data_dir == base / "demo"
    assert context("--data-dir", str(base)).data_dir == base


def test_a_demo_refresh_never_shows_up_in_the_users_own_cache(tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    data = ["--data-dir", str(tmp_path / "data")]
    assert main([*data, "--demo", "refresh", "-q"]) == 0
    assert (tmp_path / "data" / "demo" / paths.DB_FILE).exists()
    capsys.readouterr()
    assert main([*data, "list"]) == 0
    captured = capsys.readouterr()
    assert captured.out == "" and "La cache è vuota" in captured.err
