"""The app driven with Pilot: every binding and flow on the demo edition."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from pathlib import Path

import pytest
from textual import events
from textual.coordinate import Coordinate
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, OptionList, Static

from reader.settings.config import Config
from reader.store import Filter, Store
from reader.ui.app import MainScreen, SportReaderApp
from reader.ui.screens.feeds import FeedsScreen
from reader.ui.screens.help import HelpScreen, help_rows
from reader.ui.screens.picker import PickerScreen
from reader.ui.state import load_state
from reader.ui.widgets.previews import PreviewList
from reader.ui.widgets.reader_pane import ReaderPane
from reader.ui.widgets.topbar import TopBar
from tests.ui.conftest import ARTICLES, NOW, AppFactory, served_app


async def ready(pilot: object) -> None:
    """Let the list load (workers, then a refresh of the screen)."""
    for _ in range(3):
        await pilot.pause()  # type: ignore[attr-defined]


async def open_first_article(app: SportReaderApp, pilot: Pilot[int]) -> ReaderPane:
    """Open the selected article and wait for its page (or its fallback) to be shown."""
    await ready(pilot)
    await pilot.press("enter")
    await app.workers.wait_for_complete()
    await ready(pilot)
    return app.screen.query_one(ReaderPane)


def main(app: SportReaderApp) -> MainScreen:
    screen = app.screen
    assert isinstance(screen, MainScreen)
    return screen


def static_text(app: SportReaderApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def test_the_list_opens_on_the_cache_newest_first(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        previews = app.screen.query_one(PreviewList)
        listed = previews.previews
        assert len(listed) == ARTICLES
        assert [p.published for p in listed] == sorted((p.published for p in listed), reverse=True)
        assert previews.selected == listed[0]
        assert previews.rows[0].preview is None and previews.rows[0].heading == "Oggi"
        assert f"{ARTICLES} articoli · {ARTICLES} da leggere" in static_text(app, "#list-status")


async def test_j_k_g_G_move_the_cursor(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        previews = app.screen.query_one(PreviewList)
        listed = previews.previews
        await pilot.press("j", "j")
        assert previews.selected == listed[2]
        await pilot.press("k")
        assert previews.selected == listed[1]
        await pilot.press("G")
        assert previews.selected == listed[-1]
        await pilot.press("g")
        assert previews.selected == listed[0]
        await pilot.press("down", "down", "up")
        assert previews.selected == listed[1]


async def test_enter_opens_the_article_marks_it_read_and_esc_goes_back(make_app: AppFactory,
                                                                      demo_store: tuple[Store, Config]) -> None:
    store, _ = demo_store
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        first = app.screen.query_one(PreviewList).selected
        assert first is not None
        await pilot.press("enter")
        await ready(pilot)
        reader = app.screen.query_one(ReaderPane)
        assert reader.preview is not None and reader.preview.id == first.id
        assert first.title in static_text(app, "#article-title")
        # The page cannot load (nothing listens): the feed's text is shown and the line says why.
        await app.workers.wait_for_complete()
        await ready(pilot)
        assert reader.text is not None and reader.text.text
        assert "feed" in static_text(app, "#article-source").lower()
        article = store.article(first.id)
        assert article is not None and article.preview.read
        assert main(app).has_class("-reading")
        await pilot.press("escape")
        assert not main(app).has_class("-reading")


async def test_the_full_article_loads_from_a_server(tmp_path: Path, served: tuple[Store, Config]) -> None:
    store, _ = served
    app = served_app(served, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("l")
        await app.workers.wait_for_complete()
        await ready(pilot)
        reader = app.screen.query_one(ReaderPane)
        assert reader.text is not None
        assert reader.text.source.value == "articolo completo"
        assert "Articolo completo" in static_text(app, "#article-source")
        assert len(reader.paragraphs) >= 3
        selected = app.screen.query_one(PreviewList).selected
        assert selected is not None
        saved = store.article(selected.id)
        assert saved is not None and saved.full_text  # cached for offline reading


async def test_n_and_p_step_through_articles_marking_them_read(make_app: AppFactory,
                                                              demo_store: tuple[Store, Config]) -> None:
    store, _ = demo_store
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        listed = app.screen.query_one(PreviewList).previews
        await pilot.press("enter", "n", "n")
        await ready(pilot)
        reader = app.screen.query_one(ReaderPane)
        assert reader.preview is not None and reader.preview.id == listed[2].id
        await pilot.press("p")
        await ready(pilot)
        assert reader.preview is not None and reader.preview.id == listed[1].id
        await app.workers.wait_for_complete()
        assert all(store.article(p.id).preview.read for p in listed[:3])  # type: ignore[union-attr]


async def test_u_s_and_a_change_marks_in_the_list_and_the_store(make_app: AppFactory,
                                                               demo_store: tuple[Store, Config]) -> None:
    store, _ = demo_store
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        previews = app.screen.query_one(PreviewList)
        first = previews.selected
        assert first is not None and not first.read
        await pilot.press("u")
        await app.workers.wait_for_complete()
        assert previews.selected is not None and previews.selected.read
        assert store.article(first.id).preview.read  # type: ignore[union-attr]
        await pilot.press("u", "s")
        await app.workers.wait_for_complete()
        saved = store.article(first.id)
        assert saved is not None and not saved.preview.read and saved.preview.starred
        await pilot.press("a")
        await app.workers.wait_for_complete()
        assert store.count(Filter(unread_only=True)) == 0


async def test_search_replaces_the_list_and_esc_restores_it(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        previews = app.screen.query_one(PreviewList)
        await pilot.press("j", "j")
        selected = previews.selected
        await pilot.press("slash")
        assert app.screen.query_one("#search", Input).has_focus
        await pilot.press(*"kairat", "enter")
        await app.workers.wait_for_complete()
        await ready(pilot)
        hits = previews.previews
        assert hits and all("kairat" in (p.title + p.lead).lower() for p in hits[:1])
        assert any(row.title_marks or row.lead_marks for row in previews.rows)
        assert "risultati · «kairat»" in static_text(app, "#list-status")
        await pilot.press("escape")
        await app.workers.wait_for_complete()
        await ready(pilot)
        assert len(previews.previews) == ARTICLES
        assert previews.selected == selected


def type_ahead(app: SportReaderApp, keys: str) -> None:
    """Queue keys all at once, as a fast typist or a paste delivers them (Pilot waits between keys)."""
    for key in keys:
        name = {"/": "slash", "\n": "enter"}.get(key, key)
        app.post_message(events.Key(name, None if key == "\n" else key))


@pytest.mark.parametrize(("typed", "box", "expected"), [
    (("/barella\n", "/kairat\n"), "#search", ("barella", "kairat")),  # the box mounted, then shown again
    (("tnapoli",), "#picker-filter", ("napoli",)),
])
async def test_keys_typed_right_after_a_box_opens_go_to_the_box(make_app: AppFactory, typed: tuple[str, ...],
                                                                box: str, expected: tuple[str, ...]) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        unread = app.store.count(Filter(unread_only=True))
        assert unread > 0
        for keys, text in zip(typed, expected, strict=True):
            type_ahead(app, keys)
            await app.workers.wait_for_complete()
            await ready(pilot)
            assert app.screen.query_one(box, Input).value == text
            assert box != "#search" or main(app).query_text == text  # and enter ran the search
        assert app.store.count(Filter(unread_only=True)) == unread  # no letter ran a command ('a' reads all)


async def test_keys_typed_right_after_the_feeds_key_go_to_the_feeds_screen(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        previews = main(app).query_one(PreviewList)
        selected = previews.selected
        type_ahead(app, "Fjj")  # the screen reads the store first: 'j' moved the list beneath it
        await app.workers.wait_for_complete()
        await ready(pilot)
        assert isinstance(app.screen, FeedsScreen) and len(app.screen.feeds) == 4
        assert app.screen.query_one(DataTable).row_count == 4
        assert previews.selected == selected


async def test_keys_typed_right_after_ctrl_f_go_to_the_find_box(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        reader = await open_first_article(app, pilot)
        app.screen.set_focus(reader)
        opened = reader.text.text if reader.text else None
        app.post_message(events.Key("ctrl+f", None))
        type_ahead(app, "napoli")  # 'n' and 'p' would change the article
        await pilot.pause()
        await ready(pilot)
        assert app.screen.query_one("#find", Input).value == "napoli"
        assert (reader.text.text if reader.text else None) == opened


async def test_the_search_key_is_a_character_inside_a_text_box(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("slash", "a", "slash", "b", "t")
        assert app.screen.query_one("#search", Input).value == "a/bt"


async def test_a_search_without_results_says_so(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("slash", *"zzzzqqq", "enter")
        await app.workers.wait_for_complete()
        await ready(pilot)
        previews = app.screen.query_one(PreviewList)
        assert previews.previews == []
        assert "Nessun articolo trovato" in previews.empty_message


async def test_find_in_article_highlights_says_one_occurrence_in_the_singular_and_esc_clears_it(
        make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        reader = await open_first_article(app, pilot)
        text = reader.text.text.lower() if reader.text else ""
        word = next(w for w in text.split() if len(w) > 5 and w.isalpha() and text.count(w) == 1)
        await pilot.press("ctrl+f", *word, "enter")
        assert len(reader.find_spans) == 1 and reader.has_focus
        assert app._notifications and list(app._notifications)[-1].message.startswith("1 occorrenza ·")
        await pilot.press("greater_than_sign")
        assert reader.find_index == 0  # one match: it stays on it
        await pilot.press("ctrl+f", "escape")
        assert reader.find_spans == [] and reader.has_focus


async def test_filters_unread_feed_slot_and_tag_picker(make_app: AppFactory,
                                                      demo_store: tuple[Store, Config]) -> None:
    _, config = demo_store
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        previews = app.screen.query_one(PreviewList)
        await pilot.press("u", "U")
        await app.workers.wait_for_complete()
        await ready(pilot)
        assert len(previews.previews) == ARTICLES - 1 and all(not p.read for p in previews.previews)
        await pilot.press("U", "2")
        await app.workers.wait_for_complete()
        await ready(pilot)
        second = config.feeds[1].name
        assert {p.feed for p in previews.previews} == {second}
        await pilot.press("t")
        await ready(pilot)
        assert isinstance(app.screen, PickerScreen)
        await pilot.press(*"roma", "enter")
        await app.workers.wait_for_complete()
        await ready(pilot)
        assert main(app).filter.tag == "roma"
        assert previews.previews and all(p.feed == "Cuore Giallorosso" for p in previews.previews)
        await pilot.press("escape")
        await app.workers.wait_for_complete()
        await ready(pilot)
        assert main(app).filter == Filter() and len(previews.previews) == ARTICLES


async def test_help_and_feeds_screens(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("question_mark")
        await ready(pilot)
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)
        await pilot.press("F")
        await app.workers.wait_for_complete()
        await ready(pilot)
        assert isinstance(app.screen, FeedsScreen)
        assert len(app.screen.feeds) == 4
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_o_opens_the_link_and_y_copies_it(make_app: AppFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("BROWSER", raising=False)
    opened: list[str] = []
    monkeypatch.setattr("webbrowser.open", lambda url, new=0: opened.append(url) or True)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        selected = app.screen.query_one(PreviewList).selected
        assert selected is not None
        await pilot.press("o")
        assert opened == [selected.link]
        await pilot.press("y")
        assert app.clipboard == selected.link


async def test_a_narrow_terminal_shows_one_pane_at_a_time(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        screen = main(app)
        assert screen.has_class("-narrow")
        assert not screen.query_one("#reader-column").display or not screen.query_one("#reader-column").region
        await pilot.press("enter")
        await ready(pilot)
        assert screen.query_one("#reader-column").region.width == 80
        assert screen.query_one(ReaderPane).has_focus
        await pilot.press("escape")
        await ready(pilot)
        assert screen.query_one("#list-column").region.width == 80


async def test_list_rows_fit_beside_the_scrollbar_and_the_sidebar_runs_to_the_bottom(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        screen = main(app)
        previews = screen.query_one(PreviewList)
        assert previews.show_vertical_scrollbar and not previews.show_horizontal_scrollbar
        assert previews.text_width == previews.size.width - 1
        # A long title is cut with an ellipsis that shows, not one hidden under the scrollbar.
        title_line = previews.render_line(1).text
        assert len(title_line) == previews.text_width and title_line.rstrip().endswith("…")
        assert screen.query_one("#sidebar").region.height == screen.query_one("#main").region.height


async def test_refresh_fetches_from_a_loopback_server_and_keeps_the_selection(
        tmp_path: Path, served: tuple[Store, Config]) -> None:
    # An empty store with the same feeds: the refresh fills it.
    with Store(tmp_path / "fresh.sqlite") as fresh:
        app = served_app(served, tmp_path, fresh)
        async with app.run_test(size=(120, 40)) as pilot:
            await ready(pilot)
            previews = app.screen.query_one(PreviewList)
            assert previews.previews == []
            await pilot.press("r")
            await app.workers.wait_for_complete()
            await ready(pilot)
            assert len(previews.previews) == ARTICLES
            await pilot.press("j", "j")
            kept = previews.selected
            await pilot.press("r")
            await app.workers.wait_for_complete()
            await ready(pilot)
            assert previews.selected == kept
            assert "aggiornato" in static_text(app, "#topbar")
            await pilot.press("F")
            await app.workers.wait_for_complete()
            await ready(pilot)
            table = app.screen.query_one(DataTable)
            statuses = {str(table.get_cell_at(Coordinate(row, 1))) for row in range(table.row_count)}
            assert statuses == {"invariato"}  # the second refresh was all 304s, said in Italian


async def test_a_failing_feed_is_notified_once_and_listed(tmp_path: Path, demo_store: tuple[Store, Config]) -> None:
    store, config = demo_store
    app = SportReaderApp(config, tmp_path / "data", store=store, refresh_on_start=False, clock=lambda: NOW)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("r")
        await app.workers.wait_for_complete()
        await ready(pilot)
        screen = main(app)
        assert screen.query_one(TopBar).failing == 4
        assert "feed con errori" in static_text(app, "#topbar")
        first_round = len(app._notifications)
        await pilot.press("r")
        await app.workers.wait_for_complete()
        await ready(pilot)
        # Every feed failed again: no new warning per feed (only the offline notice may repeat).
        assert len(app._notifications) <= first_round + 1


async def test_selection_and_filter_are_remembered(make_app: AppFactory, tmp_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("j", "j", "j", "U")
        await app.workers.wait_for_complete()
        selected = app.screen.query_one(PreviewList).selected
        assert selected is not None
    state = load_state(tmp_path / "data")
    assert state.selected == selected.id and state.unread_only
    again = make_app()
    async with again.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await again.workers.wait_for_complete()
        await ready(pilot)
        assert again.screen.query_one(PreviewList).selected == selected
        assert main(again).filter.unread_only


async def test_keys_can_be_remapped_from_the_config(make_app: AppFactory,
                                                   demo_store: tuple[Store, Config]) -> None:
    _, config = demo_store
    app = make_app(replace(config, keys={"cursor_down": "x", "quit": "ctrl+q"}))
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        previews = app.screen.query_one(PreviewList)
        listed = previews.previews
        await pilot.press("x")
        assert previews.selected == listed[1]
        await pilot.press("j")
        assert previews.selected == listed[1]
        await pilot.press("question_mark")
        await ready(pilot)
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        rows = dict((description, keys) for _, group in help_rows(help_screen.keymap) for keys, description, _ in group)
        assert rows["articolo o partita successiva nell'elenco"] == "x" and rows["una riga giù"] == "j ↓"


async def test_markup_and_escapes_in_feed_text_show_literally(tmp_path: Path) -> None:
    from reader.models import FeedSpec, Settings
    from reader.store.records import EntryRecord

    hostile = "[bold]Titolo[/bold] [@click=app.quit]clic[/] \x1b]52;c;ZXZpbA==\x07 \u202efine"
    with Store(tmp_path / "db.sqlite") as store:
        spec = FeedSpec("Feed [red]ostile[/red]", "http://127.0.0.1:9/feed.xml")
        store.sync_feeds([spec])
        from reader.text.sanitize import clean_line

        record = EntryRecord("u1", clean_line(hostile), "http://127.0.0.1:9/a", "", "[link=file:///etc]x[/link]", "",
                             (), NOW, None)
        store.save_entries(spec.name, [record], now=NOW)
        config = Config(path=tmp_path / "f.toml", origin="test", settings=Settings(refresh_minutes=0),
                        feeds=(spec,))
        app = SportReaderApp(config, tmp_path, store=store, refresh_on_start=False, clock=lambda: NOW)
        async with app.run_test(size=(120, 40)) as pilot:
            await ready(pilot)
            await pilot.press("enter")
            await app.workers.wait_for_complete()
            await ready(pilot)
            assert app.is_running  # [@click=app.quit] did nothing
            title = static_text(app, "#article-title")
            assert "[bold]Titolo[/bold]" in title and "[@click=app.quit]" in title
            assert "\x1b" not in title and "\u202e" not in title
            lines = app.screen.query_one(PreviewList).render_line(1).text
            assert "[bold]Titolo[/bold]" in lines


async def test_the_people_panel_lists_the_article_names(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await ready(pilot)
        await pilot.press("i")
        await ready(pilot)
        people = app.screen.query_one("#people", OptionList)
        assert people.display and people.option_count >= 1


async def test_space_pages_the_reader_and_quotes_are_jumped_to(tmp_path: Path,
                                                              served: tuple[Store, Config]) -> None:
    await _page_and_jump(served_app(served, tmp_path))


async def _page_and_jump(app: SportReaderApp) -> None:
    async with app.run_test(size=(100, 24)) as pilot:
        await ready(pilot)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await asyncio.to_thread(app.decorations.ready.wait, 10)
        await ready(pilot)
        reader = app.screen.query_one(ReaderPane)
        assert reader.has_focus
        await pilot.press("space")
        await ready(pilot)
        assert reader.scroll_y > 0
        await pilot.press("b")
        await ready(pilot)
        assert reader.scroll_y == 0
        assert reader.annotation is not None
        assert reader.annotation.quotes  # the demo's match report quotes the coaches
        await pilot.press("right_square_bracket")
        assert reader.quote_index == 0
        await pilot.press("left_square_bracket")
        assert reader.quote_index == len(reader.annotation.quotes) - 1


async def test_f_toggles_the_sidebar_and_S_shows_starred(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        screen = main(app)
        assert screen.query_one("#sidebar").region.width > 0
        await pilot.press("f")
        await ready(pilot)
        assert screen.has_class("-no-sidebar") and screen.query_one("#sidebar").region.width == 0
        await pilot.press("s", "S")
        await app.workers.wait_for_complete()
        await ready(pilot)
        starred = app.screen.query_one(PreviewList).previews
        assert len(starred) == 1 and starred[0].starred


async def test_a_hidden_sidebar_stays_hidden_at_the_next_start_and_the_layout_follows_the_width(
        make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        assert not main(app).has_class("-narrow")
        await pilot.press("f")
        await ready(pilot)
    again = make_app()
    async with again.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        screen = main(again)
        assert screen.has_class("-no-sidebar") and screen.query_one("#sidebar").region.width == 0
        await pilot.resize_terminal(80, 24)
        await ready(pilot)
        assert screen.has_class("-narrow")


async def from_the_palette(pilot: Pilot[None], command: str) -> None:
    """Open the command palette, type, and run the best match."""
    await ready(pilot)
    await pilot.press("ctrl+p")
    await ready(pilot)
    await pilot.press(*command)
    await pilot.pause(0.5)  # the palette searches in a worker
    await pilot.press("enter")
    await ready(pilot)


async def test_the_command_palette_runs_the_app_actions(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await from_the_palette(pilot, "questo aiuto")
        assert isinstance(app.screen, HelpScreen)


async def test_the_palette_changes_the_theme_and_it_is_remembered(make_app: AppFactory, tmp_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await from_the_palette(pilot, "tema nord")
        assert app.theme == "nord"
    assert load_state(tmp_path / "data").theme == "nord"


async def test_q_quits(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running
