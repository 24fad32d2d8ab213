"""OPML export and import through the command line; the refresh table."""

from __future__ import annotations

import resource
import signal
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from reader.cli.console import refresh_table
from reader.cli.main import main
from reader.models import FeedResult, FeedStatus, RefreshReport
from reader.settings import paths
from reader.settings.config import load_config

CONFIG = """[settings]
timeout = 5

[[feeds]]
name = "Gazzetta — Calcio"
url = "https://www.gazzetta.it/rss/calcio.xml"
tags = ["calcio", "serie-a"]
"""

OTHER_READER = b"""<?xml version="1.0"?>
<opml version="1.0"><head><title>Le mie iscrizioni</title></head><body>
<outline text="Sport">
  <outline text="Gazzetta doppia" type="rss" xmlUrl="https://www.gazzetta.it/rss/calcio.xml"/>
  <outline text="Tuttosport &quot;Juve&quot;" type="rss" xmlUrl="https://www.tuttosport.com/rss/calcio/juventus"/>
  <outline text="Locale" type="rss" xmlUrl="file:///etc/passwd"/>
</outline>
</body></opml>"""


def test_export_then_import_into_another_config_round_trips(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "source.toml"
    source.write_text(CONFIG, encoding="utf-8")
    assert main(["--config", str(source), "opml", "export"]) == 0
    exported = capsys.readouterr().out
    assert 'xmlUrl="https://www.gazzetta.it/rss/calcio.xml"' in exported
    opml_file = tmp_path / "feeds.opml"
    opml_file.write_text(exported, encoding="utf-8")
    target = tmp_path / "target.toml"
    target.write_text("# mine\n[settings]\nconcurrency = 2\n", encoding="utf-8")
    assert main(["--config", str(target), "opml", "import", str(opml_file)]) == 0
    config = load_config(target)
    assert [(f.name, f.url, f.tags) for f in config.feeds] == [
        ("Gazzetta — Calcio", "https://www.gazzetta.it/rss/calcio.xml", ("calcio", "serie-a"))]
    assert target.read_text(encoding="utf-8").startswith("# mine\n")  # appended, never rewritten


def test_import_skips_known_urls_and_non_http_and_escapes_names(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    config_file = tmp_path / "feeds.toml"
    config_file.write_text(CONFIG, encoding="utf-8")
    opml_file = tmp_path / "other.opml"
    opml_file.write_bytes(OTHER_READER)
    assert main(["--config", str(config_file), "opml", "import", str(opml_file)]) == 0
    assert "1 feed aggiunto a" in capsys.readouterr().out  # one feed: the singular
    feeds = load_config(config_file).feeds
    assert [f.name for f in feeds] == ["Gazzetta — Calcio", 'Tuttosport "Juve"']
    assert feeds[1].tags == ("sport",)


def test_import_without_a_user_config_starts_one_from_the_default(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    opml_file = tmp_path / "other.opml"
    opml_file.write_bytes(OTHER_READER)
    shipped = paths.shipped_config_file().read_bytes()
    assert main(["opml", "import", str(opml_file)]) == 0
    assert paths.shipped_config_file().read_bytes() == shipped
    user = load_config(paths.user_config_file())
    assert any(f.url == "https://www.tuttosport.com/rss/calcio/juventus" for f in user.feeds)
    capsys.readouterr()


def test_a_file_that_is_not_opml_is_a_clear_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "notes.txt"
    bad.write_text("solo testo", encoding="utf-8")
    config_file = tmp_path / "feeds.toml"
    config_file.write_text(CONFIG, encoding="utf-8")
    assert main(["--config", str(config_file), "opml", "import", str(bad)]) == 2
    assert "non è un file OPML utilizzabile" in capsys.readouterr().err
    assert config_file.read_text(encoding="utf-8") == CONFIG
    assert main(["--config", str(config_file), "opml", "import", str(tmp_path / "missing.opml")]) == 2


def test_the_refresh_table_lists_errors_first() -> None:
    moment = datetime(2026, 11, 25, tzinfo=UTC)
    report = RefreshReport(moment, moment, (FeedResult("Bene", FeedStatus.OK, 200, new=3, duration=0.5),
                                            FeedResult("Male", FeedStatus.ERROR, 500, error="HTTP 500")))
    table = refresh_table(report)
    cells = [list(column.cells) for column in table.columns]
    assert [str(c) for c in cells[0]] == ["Male", "Bene"]
    assert str(cells[2][1]) == "3" and str(cells[5][0]) == "HTTP 500"


def _opml(*outlines: tuple[str, str]) -> bytes:
    rows = "".join(f'<outline text="{text}" type="rss" xmlUrl="{url}"/>' for text, url in outlines)
    return f'<?xml version="1.0"?><opml version="2.0"><head/><body>{rows}</body></opml>'.encode()


def test_a_bad_outline_is_reported_and_skipped_and_the_rest_imported(tmp_path: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    config_file = tmp_path / "feeds.toml"
    config_file.write_text(CONFIG, encoding="utf-8")
    opml_file = tmp_path / "mixed.opml"
    opml_file.write_bytes(_opml(("Senza host", "http:///nohost"), ("A capo", "https://a.example/&#10;rss"),
                                ("Escape", "https://b.example/&#27;[31m"), ("Buono", "https://c.example/rss")))
    assert main(["--config", str(config_file), "opml", "import", str(opml_file)]) == 0
    out, err = capsys.readouterr()
    assert "1 feed aggiunto a" in out
    skipped = err.splitlines()
    assert len(skipped) == 3 and all(line.startswith("saltato '") for line in skipped), err
    assert "l'URL non ha un host" in skipped[0] and "caratteri di controllo o invisibili" in skipped[1]
    assert "feeds.toml:" not in err  # no line of a file that does not have it
    assert [f.name for f in load_config(config_file).feeds] == ["Gazzetta — Calcio", "Buono"]


def _limit_file_size(limit: int) -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


def test_an_import_that_cannot_be_written_leaves_feeds_toml_whole(tmp_path: Path) -> None:
    config_file = tmp_path / "feeds.toml"
    config_file.write_text(CONFIG, encoding="utf-8")
    opml_file = tmp_path / "many.opml"
    opml_file.write_bytes(_opml(*((f"Feed {n}", f"https://feed{n}.example/rss") for n in range(200))))
    done = subprocess.run([sys.executable, "-m", "reader", "--config", str(config_file), "opml", "import",
                           str(opml_file)], capture_output=True, text=True, timeout=60,
                          preexec_fn=lambda: _limit_file_size(len(CONFIG) + 2000))  # as a disk that fills up
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    assert done.stderr.startswith(f"sportreader: impossibile scrivere {config_file}: ")
    assert config_file.read_text(encoding="utf-8") == CONFIG
    assert sorted(p.name for p in tmp_path.iterdir()) == ["feeds.toml", "many.opml"]  # no temporary file left
