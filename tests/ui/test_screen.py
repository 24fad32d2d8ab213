"""What the screen shows and says: row styles, the article's text as written, dialogs, Textual's own words."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from pathlib import Path

import pytest
from rich.segment import Segment
from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.widgets import Input, Static

from reader.settings.config import Config
from reader.store import Store
from reader.ui.app import SportReaderApp
from reader.ui.screens.feeds import FeedsScreen
from reader.ui.screens.picker import PickerScreen
from reader.ui.widgets.previews import PreviewList
from reader.ui.widgets.reader_pane import ReaderPane, looks_like_heading, wrap_url
from tests.ui.conftest import AppFactory, served_app


async def ready(pilot: Pilot[int]) -> None:
    for _ in range(3):
        await pilot.pause()


def notices(app: SportReaderApp) -> list[str]:
    return [n.message for n in app._notifications]


def title_segments(previews: PreviewList, entry_id: int) -> list[Segment]:
    """The segments of an entry's title line, the mark excluded."""
    index = previews.index_of(entry_id)
    assert index is not None
    line = previews.render_line(previews._offsets[index] - int(previews.scroll_offset.y))
    return [s for s in line if s.text.strip() and s.text.strip() not in ("●", "★")]


async def test_read_and_unread_rows_render_with_different_styles(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        previews = app.screen.query_one(PreviewList)
        first, second = previews.previews[:2]
        await pilot.press("j", "u", "k")  # the second one read; the cursor back on the first
        await app.workers.wait_for_complete()
        await ready(pilot)
        unread, read = title_segments(previews, first.id), title_segments(previews, second.id)
        assert unread and read
        assert all(s.style is not None and s.style.bold for s in unread)
        assert all(s.style is None or not s.style.bold for s in read)


async def test_speakers_are_shown_beside_the_text_never_inside_it(tmp_path: Path,
                                                                 served: tuple[Store, Config]) -> None:
    app = served_app(served, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("enter")  # the pagelle: every speaker is named in the paragraph of the quote
        reader = await annotated(app, pilot)
        text = reader.text.text if reader.text else ""
        assert all(p.text.plain == text[p.start:p.end] for p in reader.paragraphs)
        assert not [s for s in paragraphs_shown(reader) if "\n↳ " in s]  # "A fine gara Hojlund…: «…»"
        assert any(w.has_class("heading") for w in reader.query(".paragraph"))  # the pagelle's "Napoli"
        await pilot.press("escape")
        previews = app.screen.query_one(PreviewList)
        report = next(p for p in previews.previews if p.title.startswith("Napoli-Qarabag 2-0: McTominay"))
        previews.move_to(previews.index_of(report.id))
        await pilot.press("enter")  # the report: Conte's last words are in a paragraph that does not name him
        reader = await annotated(app, pilot)
        text = reader.text.text if reader.text else ""
        noted = [s for s in paragraphs_shown(reader) if "\n↳ " in s]
        assert noted, "who speaks is said on a line of its own"
        assert all(s.split("\n↳ ")[0] in text for s in noted)
        assert any("Antonio Conte" in s.split("\n↳ ")[1] for s in noted)


async def annotated(app: SportReaderApp, pilot: Pilot[int]) -> ReaderPane:
    """The reader once the open article's text and annotation are in."""
    await app.workers.wait_for_complete()
    await asyncio.to_thread(app.decorations.ready.wait, 10)
    await app.workers.wait_for_complete()
    await ready(pilot)
    reader = app.screen.query_one(ReaderPane)
    assert reader.text is not None and reader.annotation and reader.annotation.quotes
    return reader


def paragraphs_shown(reader: ReaderPane) -> list[str]:
    return [str(w.render()) for w in reader.query(".paragraph").results(Static)]


def test_a_link_wraps_after_its_separators_never_inside_a_word() -> None:
    url = "http://127.0.0.1:47611/notti-europee/articoli/napoli-qarabag-pagelle.html"
    assert wrap_url(url, 64) == ["http://127.0.0.1:47611/notti-europee/articoli/", "napoli-qarabag-pagelle.html"]
    lines = wrap_url("https://x.it/" + "parola-" * 12 + "fine.html", 30)
    assert "".join(lines) == "https://x.it/" + "parola-" * 12 + "fine.html"
    assert all(len(line) <= 30 for line in lines) and all(line.endswith(("/", "-")) for line in lines[:-1])


@pytest.mark.parametrize(("text", "heading"), [("Napoli", True), ("Le pagelle del Qarabag", True),
                                                ("Il Napoli vince.", False), ("«Siamo pronti»", False)])
def test_a_short_line_without_a_sentence_ending_is_a_heading(text: str, heading: bool) -> None:
    assert looks_like_heading(text) is heading


async def test_the_feeds_screen_says_disabled_and_shows_the_whole_error(tmp_path: Path,
                                                                      demo_store: tuple[Store, Config]) -> None:
    store, config = demo_store
    feeds = (replace(config.feeds[0], enabled=False), *config.feeds[1:])
    app = SportReaderApp(replace(config, feeds=feeds), tmp_path / "data", store=store, refresh_on_start=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("r")
        await app.workers.wait_for_complete()
        await pilot.press("F")
        await app.workers.wait_for_complete()
        await ready(pilot)
        screen = app.screen
        assert isinstance(screen, FeedsScreen)
        table = screen.query_one("#feeds-table")
        statuses = [str(table.get_row_at(i)[1]) for i in range(table.row_count)]  # type: ignore[attr-defined]
        assert statuses[0] == "disattivato" and set(statuses[1:]) == {"errore"}
        await pilot.press("j")
        detail = str(screen.query_one("#feed-detail", Static).render())
        error = screen.feeds[1].error or ""
        assert len(error) > 20 and " ".join(error.split()) in " ".join(detail.split())


async def test_the_picker_lists_what_the_cache_holds_most_frequent_first_with_its_kind(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await asyncio.to_thread(app.decorations.ready.wait, 10)
        await pilot.press("t")
        await app.workers.wait_for_complete()
        await ready(pilot)
        picker = app.screen
        assert isinstance(picker, PickerScreen)
        choices = picker.choices
        kinds = {c.kind for c in choices}
        assert {"tag", "feed", "team", "player"} <= kinds
        counts = [c.articles or 0 for c in choices]
        assert counts == sorted(counts, reverse=True) and all(counts)
        teams = [c.label for c in choices if c.kind == "team"]
        assert "Napoli" in teams and len(teams) < 40  # the teams in the articles, not the gazetteer's 265
        await pilot.press(*"napoli")
        await ready(pilot)
        options = picker.query_one("#picker-options")
        first = str(options.get_option_at_index(0).prompt)  # type: ignore[attr-defined]
        assert "Napoli" in first and "articol" in first


async def test_textual_s_own_words_are_italian(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert {"Tema", "Tasti", "Schermata", "Esci"} <= set(titles), titles
        await pilot.press("ctrl+c")
        await ready(pilot)
        assert "q chiude sportreader." in notices(app)
        await pilot.press("ctrl+p")
        await ready(pilot)
        assert isinstance(app.screen, CommandPalette)
        assert app.screen.query_one(Input).placeholder == "Cerca un comando…"


async def test_a_screenshot_is_saved_in_the_data_dir_and_the_notice_says_where(make_app: AppFactory,
                                                                             tmp_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        app.action_screenshot()
        await pilot.pause()
        saved = list((tmp_path / "data" / "screenshots").glob("*.svg"))
        assert len(saved) == 1 and saved[0].read_text(encoding="utf-8").startswith("<svg")
        assert str(saved[0]) in notices(app)[-1]


async def test_o_without_a_browser_says_so_and_offers_to_copy_the_link(make_app: AppFactory,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "BROWSER"):
        monkeypatch.delenv(name, raising=False)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("o")
        said = notices(app)[-1]
        assert "Non aperto" in said and "y copia il link" in said and "Aperto nel browser" not in said
