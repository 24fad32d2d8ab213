"""Every command end to end on a temporary data dir, against the loopback server."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli.main import main
from reader.settings import paths
from tests.conftest import item, rss
from tests.server import FeedServer, Route


@pytest.fixture
def setup(tmp_path: Path, feed_server: FeedServer) -> list[str]:
    feed_server.routes["/gazzetta"] = Route(rss([item(1, title="Inter, Lautaro e la città"), item(2)]))
    feed_server.routes["/rotto"] = Route(b"nope", status=500)
    config = tmp_path / "feeds.toml"
    config.write_text(f"""[settings]\ntimeout = 3\n
[[feeds]]\nname = "Gazzetta"\nurl = "{feed_server.url('/gazzetta')}"\ntags = ["serie-a"]\n
[[feeds]]\nname = "Rotto"\nurl = "{feed_server.url('/rotto')}"\n""", encoding="utf-8")
    return ["--config", str(config), "--data-dir", str(tmp_path / "data")]


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_refresh_reports_each_feed_and_a_summary(setup: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run([*setup, "refresh"], capsys)
    assert code == 0
    assert "Gazzetta" in out and "+2 nuovi" in out
    assert "HTTP 500" in out
    assert "2 articoli nuovi, 1 con errori" in out


def test_refresh_quiet_prints_only_errors(setup: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run([*setup, "refresh", "-q"], capsys)
    assert code == 0 and out == "" and "HTTP 500" in err


def test_a_quiet_refresh_that_goes_well_never_loads_rich_nor_the_parsers(setup: list[str]) -> None:
    # Rich is a third of the command line's imports: a cron refresh with nothing to say starts without it.
    # The parsers are the workers' (reader.feeds.ingest): the process that fetches never needs them.
    unwanted = ("rich", "reader.cli.console", "reader.feeds.parse", "reader.text.htmltext", "reader.feeds.ingest",
                "feedparser")
    code = ("import sys\nfrom reader.cli.main import main\n"
            f"assert main({[*setup, 'refresh', '-q', '--feed', 'Gazzetta']!r}) == 0\n"
            f"print(sorted(m for m in {unwanted!r} if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert done.stdout.strip() == "[]"


def test_refresh_fails_when_every_feed_fails(setup: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert run([*setup, "refresh", "--feed", "rotto"], capsys)[0] == 1


def test_refresh_of_an_unknown_feed_is_a_usage_error(setup: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run([*setup, "refresh", "--feed", "Nessuno"], capsys)
    assert code == 2 and "nessun feed si chiama 'Nessuno'" in err


def test_an_empty_list_says_why(setup: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run([*setup, "list"], capsys)
    assert code == 0 and out == "" and "La cache è vuota" in err and "sportreader refresh" in err
    run([*setup, "refresh"], capsys)
    code, out, err = run([*setup, "list", "--feed", "Gazzetta", "--starred"], capsys)
    assert code == 0 and out == "" and "Nessun articolo per questo filtro." in err


def test_list_search_and_show(setup: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    run([*setup, "refresh"], capsys)
    code, out, _ = run([*setup, "list"], capsys)
    assert code == 0 and "Inter, Lautaro e la città" in out
    code, out, _ = run([*setup, "list", "--json"], capsys)
    rows = json.loads(out)
    assert len(rows) == 2 and rows[0]["feed"] == "Gazzetta"
    code, out, _ = run([*setup, "search", "citta", "--json"], capsys)
    hits = json.loads(out)
    assert code == 0 and [h["preview"]["title"] for h in hits] == ["Inter, Lautaro e la città"]
    code, out, _ = run([*setup, "search", "citta"], capsys)
    assert "Lautaro" in out
    code, out, _ = run([*setup, "show", str(hits[0]["preview"]["id"])], capsys)
    assert code == 0 and "riassunto del feed" in out and "perché è importante" in out
    assert run([*setup, "search", "zzzz"], capsys)[0] == 1
    assert run([*setup, "show", "999"], capsys)[0] == 1


@pytest.mark.parametrize("prefetch", [False, True])
def test_search_covers_a_page_never_opened_only_with_prefetch(tmp_path: Path, feed_server: FeedServer,
                                                               capsys: pytest.CaptureFixture[str],
                                                               prefetch: bool) -> None:
    # What the README says search covers: the feed's text always, an article's page once it is loaded.
    from tests.test_article import PAGE

    feed_server.routes["/derby.html"] = Route(PAGE, headers={"Content-Type": "text/html; charset=utf-8"})
    feed_server.routes["/feed"] = Route(rss([item(1, link=feed_server.url("/derby.html"))]))
    config = tmp_path / "feeds.toml"
    config.write_text(f"[settings]\ntimeout = 3\nprefetch = {str(prefetch).lower()}\n\n"
                      f'[[feeds]]\nname = "Gazzetta"\nurl = "{feed_server.url("/feed")}"\n', encoding="utf-8")
    args = ["--config", str(config), "--data-dir", str(tmp_path / "data")]
    assert run([*args, "refresh"], capsys)[0] == 0
    assert run([*args, "search", "riassunto"], capsys)[0] == 0  # the feed's summary: always searched
    code, out, _ = run([*args, "search", "palo"], capsys)  # a word of the page alone
    assert (code == 0) is prefetch and ("Notizia numero 1" in out) is prefetch
    assert feed_server.hits("/derby.html") == int(prefetch)


def test_a_search_too_long_is_a_usage_error_that_says_the_caps(setup: list[str],
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run([*setup, "search", *(["parola"] * 200)], capsys)
    assert (code, out) == (2, "")
    assert "Ricerca troppo lunga: al massimo 32 parole e 500 caratteri." in err


def test_feeds_shows_each_status(setup: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    run([*setup, "refresh"], capsys)
    code, out, _ = run([*setup, "feeds"], capsys)
    assert code == 0 and "Gazzetta" in out and "HTTP 500" in out and "ok" in out


def test_the_feeds_view_is_a_table_when_it_fits_and_two_lines_a_feed_when_not() -> None:
    from rich.console import Console

    from reader.cli.console import FeedsView
    from reader.store import FeedOverview

    error = "cannot connect: the name of the server was not found (www.esempio-molto-lungo.it)"
    feeds = [FeedOverview("Gazzetta", "https://www.gazzetta.it/rss/home.xml", (), "", 12, 3, "ok", 200, None,
                          None, None),
             FeedOverview("Rotto", "https://www.esempio-molto-lungo.it/rss", (), "", 0, 0, "error", None, error,
                          None, None)]

    def shown(width: int) -> list[str]:
        screen = Console(width=width, record=True, highlight=False)
        screen.print(FeedsView(feeds))
        return screen.export_text().splitlines()

    wide = shown(200)
    assert wide[0].split() == ["feed", "articoli", "da", "leggere", "stato", "controllato", "errore", "/", "url"]
    assert len(wide) == 3 and error in wide[2]
    narrow = shown(70)
    assert narrow[0].startswith("Gazzetta  12 articoli · 3 da leggere · ok")
    assert narrow[1].strip() == "https://www.gazzetta.it/rss/home.xml"
    assert error in " ".join(line.strip() for line in narrow[3:])  # wrapped at spaces, never cut


def test_check_fetches_without_storing(setup: list[str], capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run([*setup, "check"], capsys)
    assert code == 1 and "+2 nuovi" in out and "2 feed controllati, 1 con errori" in out
    assert not (tmp_path / "data" / paths.DB_FILE).exists()


def test_a_bad_config_exits_2_and_names_the_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "feeds.toml"
    bad.write_text('[[feeds]]\nname = "X"\nurl = "file:///etc/passwd"\n', encoding="utf-8")
    code, _, err = run(["--config", str(bad), "--data-dir", str(tmp_path / "d"), "refresh"], capsys)
    assert code == 2 and f"{bad}:3:" in err and "feeds[0].url" in err
    assert not (tmp_path / "d").exists()


def test_a_config_with_several_problems_lists_them_all(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "feeds.toml"
    bad.write_text('[settings]\ntimout = 3\n\n[[feeds]]\nname = "X"\nurl = "file:///etc/passwd"\n',
                   encoding="utf-8")
    code, _, err = run(["--config", str(bad), "--data-dir", str(tmp_path / "d"), "refresh"], capsys)
    lines = [line for line in err.splitlines() if line.startswith("sportreader: errore di configurazione:")]
    assert code == 2 and len(lines) == 2
    assert f"{bad}:2:" in lines[0] and "forse 'timeout'" in lines[0]
    assert f"{bad}:6:" in lines[1] and "feeds[0].url" in lines[1]


def test_a_foreign_database_exits_1_with_a_clear_message(setup: list[str], tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / paths.DB_FILE).write_bytes(b"garbage" * 1000)
    code, _, err = run([*setup, "list"], capsys)
    assert code == 1 and "non è un database SQLite; non è stato toccato" in err


def test_config_init_writes_the_default_once(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["config", "path"], capsys)[1].strip().endswith("(predefinito incluso)")
    code = run(["config", "init"], capsys)[0]
    assert code == 0 and paths.user_config_file().read_bytes() == paths.shipped_config_file().read_bytes()
    assert "(cartella di configurazione dell'utente)" in run(["config", "path"], capsys)[1]
    assert run(["config", "init"], capsys)[0] == 2
    assert run(["config", "init", "--force"], capsys)[0] == 0


def test_the_demo_edition_refreshes_through_the_normal_path(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    args = ["--demo", "--data-dir", str(tmp_path / "demo")]
    code, out, _ = run([*args, "refresh"], capsys)
    assert code == 0 and "con errori" not in out
    rows = json.loads(run([*args, "list", "--json", "-n", "100"], capsys)[1])
    assert len(rows) >= 15
    assert len({r["feed"] for r in rows}) >= 3
    second = run([*args, "refresh"], capsys)[1]
    assert "invariato" in second
    # The demo's pages are served here: it loads them, so search covers their text ("perché" is in two).
    code, out, _ = run([*args, "search", "perche", "--json"], capsys)
    assert code == 0 and len(json.loads(out)) >= 2


def test_python_dash_m_reader_works() -> None:
    done = subprocess.run([sys.executable, "-m", "reader", "--version"], capture_output=True, text=True, check=True)
    assert done.stdout.startswith("sportreader ")
