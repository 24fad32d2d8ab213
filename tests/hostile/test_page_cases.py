"""Every hostile article page of the catalogue through the full-article path: served, fetched, extracted.

Each page is the web page of a stored entry. reader.article.loader's loader fetches it from the loopback
server and runs reader.article.extract in a worker process under a deadline; a page with no article (or
one too short to be one) falls back to the feed's summary with the reason, and is remembered so it
is not fetched again. The catalogue's pages repeat one paragraph, which extraction keeps once, so
each is short; the "+long" variants add ordinary paragraphs around the same hostile content, to
check what the extracted text itself looks like.
"""

from __future__ import annotations

import asyncio
import re
import sqlite3
import time
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime

import pytest

from reader.article.loader import ArticleLoader, ArticleText, TextSource
from reader.feeds.workers import WorkerPool
from reader.models import FeedSpec, Settings
from reader.store import EntryRecord, Store
from tests.hostile.conftest import Catalogue, CliRun, assert_clean, run_cli
from tests.server import FeedServer, Route

DEADLINE = 15.0  # the extraction deadline (the app's is max(timeout, 10 s))
SUMMARY = "Il riassunto del feed, mostrato quando l'articolo completo manca."
EXTRA = "".join(f"<p>{s}</p>" for s in (
    "La Juventus ha battuto il Torino nel derby della Mole con un gol nel finale che ha fatto esplodere lo stadio.",
    "Il tecnico ha elogiato la reazione della squadra dopo un primo tempo complicato e pieno di errori.",
    "Il Torino esce a testa alta: ha tenuto il campo per ottanta minuti e ha colpito un palo nella ripresa.",
    "Ora la classifica si accorcia e la prossima settimana arriva la sfida di Champions League in trasferta.",
))


def too_short(chars: int) -> str:
    return f"full article not available: the page has only {chars} characters of text (a paywall or a teaser?)"


@dataclass(frozen=True)
class Fallback:
    """The feed's summary is shown, with this note; the page is remembered as having no article."""

    note: str


@dataclass(frozen=True)
class Full:
    """The extracted article is shown: it contains these passages, and none of the forbidden ones."""

    contains: tuple[str, ...]
    absent: tuple[str, ...] = ()


NO_TEXT = "full article not available: no article text found on the page"

EXPECTED: dict[str, Fallback | Full] = {
    # 100,000 nested divs: lxml stops at its depth limit, so there is no text; no RecursionError.
    "a01_deep_divs_100k.html": Fallback(NO_TEXT),
    # A single-page app: the only text is the <noscript> notice; the 1.6 MB script is never shown.
    "a03_script_heavy.html": Fallback(too_short(18)),
    "a04_escapes_in_article.html": Fallback(too_short(299)),
    # colspan 2^53-1: no MemoryError.
    "a05_table_span_bomb.html": Fallback(too_short(79)),
    "a06_charset_mismatch.html": Fallback(too_short(108)),
    "a07_meta_refresh_base.html": Fallback(too_short(79)),
    "a09_empty_paywall.html": Fallback(too_short(23)),
    # 2 MB of unclosed comments after the first paragraph.
    "a10_unclosed_comment.html": Fallback(too_short(79)),
    # The same hostile content with enough ordinary text around it to be an article.
    "a04_escapes_in_article.html+long": Full(
        ("Derby [bold]grassetto[/bold]", "«Siamo pronti»", "e [@click=app.quit]esci[/] e RLO", "Sequenza [2J[H e"),
        ("\x1b", "\u202e")),
    "a06_charset_mismatch.html+long": Full(("Perché la città è più forte", "«Siamo pronti»"), ("Ã",)),
    "a06_charset_mismatch.html+long+latin1-header": Full(("Perché la città è più forte", "«Siamo pronti»"), ("Ã",)),
    "a07_meta_refresh_base.html+long": Full(("«Siamo pronti»", "palo nella ripresa"), ("javascript", "passwd")),
}
HEADERS = {"+latin1-header": "text/html; charset=iso-8859-1"}


def page_bytes(catalogue: Catalogue, case: str) -> bytes:
    name = case.split("+")[0]
    page = catalogue.path(name).read_bytes()
    if "+long" in case:
        paragraph = catalogue.gen.ART_P.encode()
        assert paragraph in page
        page = page.replace(paragraph, paragraph + EXTRA.encode(), 1)
    return page


@dataclass
class PageRun:
    shown: dict[str, ArticleText]
    seconds: dict[str, float]
    ids: dict[str, int]
    full_text: dict[str, str | None]
    requests: list[str]
    shows: dict[str, CliRun]


@pytest.fixture(scope="module")
def pages(catalogue: Catalogue, tmp_path_factory: pytest.TempPathFactory) -> Iterator[PageRun]:
    folder = tmp_path_factory.mktemp("page-cases")
    server = FeedServer().start()
    cases = sorted(EXPECTED)
    paths = {case: f"/pagina/{n}.html" for n, case in enumerate(cases)}
    for case in cases:
        ctype = next((v for k, v in HEADERS.items() if case.endswith(k)), "text/html")
        server.routes[paths[case]] = Route(page_bytes(catalogue, case), headers={"Content-Type": ctype})
    data = folder / "data"
    data.mkdir()
    db = data / "sportreader.db"
    now = datetime.now(UTC)
    with Store(db) as store:
        store.sync_feeds([FeedSpec("Pagine ostili", server.url("/rss"))])
        store.save_entries("Pagine ostili", [
            EntryRecord(case, f"Articolo {n}", server.url(paths[case]), "", SUMMARY, "", (), now, None)
            for n, case in enumerate(cases)], now=now)
        ids = {p.link.rsplit("/", 1)[1]: p.id for p in store.previews()}
        ids = {case: ids[paths[case].rsplit("/", 1)[1]] for case in cases}

        async def load_all() -> tuple[dict[str, ArticleText], dict[str, float]]:
            pool = WorkerPool(workers=2, deadline=DEADLINE)
            loader = ArticleLoader(Settings(timeout=10), store, pool=pool)
            seconds: dict[str, float] = {}

            async def one(case: str) -> ArticleText:
                started = time.monotonic()
                shown = await loader.load(ids[case])
                seconds[case] = time.monotonic() - started
                assert shown is not None
                return shown

            try:
                results = await asyncio.gather(*(one(c) for c in cases))
            finally:
                await loader.aclose()
            return dict(zip(cases, results, strict=True)), seconds

        try:
            shown, seconds = asyncio.run(load_all())
        finally:
            server.stop()
    with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as conn:
        full_text = dict(conn.execute("SELECT uid, full_text FROM entries").fetchall())
    config = folder / "feeds.toml"
    config.write_text(f'[[feeds]]\nname = "Pagine ostili"\nurl = "{server.url("/rss")}"\n', encoding="utf-8")
    args = ["--config", str(config), "--data-dir", str(data)]
    shows = {case: run_cli([*args, "show", str(ids[case])]) for case in cases}
    yield PageRun(shown, seconds, ids, full_text, [p for p, _ in server.requests], shows)


def test_every_generated_page_case_has_an_expected_outcome(catalogue: Catalogue) -> None:
    assert catalogue.names("articles") == {c for c in EXPECTED if "+" not in c}


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_the_page_gets_its_exact_outcome(pages: PageRun, case: str) -> None:
    expected = EXPECTED[case]
    shown = pages.shown[case]
    assert pages.seconds[case] < DEADLINE  # bounded: no page ran into the deadline
    if isinstance(expected, Fallback):
        assert (shown.source, shown.text, shown.note) == (TextSource.SUMMARY, SUMMARY, expected.note)
        assert pages.full_text[case] == ""  # remembered: the page is not fetched again
    else:
        assert shown.source is TextSource.FULL and shown.note is None, shown.note
        for passage in expected.contains:
            assert passage in shown.text
        for passage in expected.absent:
            assert passage not in shown.text
        assert pages.full_text[case] == shown.text  # cached, and indexed for search
    assert_clean(shown.text, case)
    assert_clean(shown.note or "", case)


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_the_command_line_shows_the_page_cleanly_and_literally(pages: PageRun, case: str) -> None:
    shown = pages.shows[case]
    assert shown.code == 0 and shown.err == ""
    assert_clean(shown.out, f"show {case}")
    squeeze = re.compile(r"\s+")
    for paragraph in pages.shown[case].text.split("\n\n"):
        assert squeeze.sub("", paragraph) in squeeze.sub("", shown.out)


def test_nothing_in_a_page_is_followed(pages: PageRun) -> None:
    # Each page was fetched once; no meta refresh, <base> or link in a page led to another request.
    assert sorted(pages.requests) == sorted(f"/pagina/{n}.html" for n in range(len(EXPECTED)))

