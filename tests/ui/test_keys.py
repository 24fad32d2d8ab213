"""The keyboard model, pressed as a user presses it: each pane owns its keys; the other's act on it or say why not."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Input

from reader.settings import keymap
from reader.settings.config import Config
from reader.store import Filter, Store
from reader.ui.app import SportReaderApp
from reader.ui.screens.help import HelpScreen
from reader.ui.screens.main import MainScreen
from reader.ui.widgets.keysbar import KeysBar
from reader.ui.widgets.people import PeoplePanel
from reader.ui.widgets.previews import PreviewList
from reader.ui.widgets.reader_pane import ReaderPane
from reader.ui.widgets.sidebar import Sidebar
from tests.ui.conftest import ARTICLES, AppFactory, served_app


async def ready(pilot: Pilot[int]) -> None:
    for _ in range(3):
        await pilot.pause()


async def open_article(app: SportReaderApp, pilot: Pilot[int], *keys: str) -> ReaderPane:
    """Press keys on the list, then enter; wait for the page and the annotation."""
    await ready(pilot)
    await pilot.press(*keys, "enter")
    await app.workers.wait_for_complete()
    await asyncio.to_thread(app.decorations.ready.wait, 10)
    await app.workers.wait_for_complete()
    await ready(pilot)
    return app.screen.query_one(ReaderPane)


def notices(app: SportReaderApp) -> list[str]:
    return [n.message for n in app._notifications]


def main(app: SportReaderApp) -> MainScreen:
    assert isinstance(app.screen, MainScreen)
    return app.screen


@pytest.mark.parametrize("pane", keymap.PANES)
async def test_every_action_of_a_pane_is_bound_while_that_pane_has_the_focus(make_app: AppFactory,
                                                                           pane: str) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_article(app, pilot)
        screen = main(app)
        wanted = {a.id for a in keymap.ACTIONS if pane in a.panes}
        if pane == keymap.MATCHES_PANE:  # the match centre's two lists: the matches, one match's articles
            await pilot.press("m")
            await app.workers.wait_for_complete()
            centre = screen.centre
            assert centre is not None
            targets: list[Widget] = [centre.matches]
            await pilot.press("enter")
            await app.workers.wait_for_complete()
            targets.append(centre.timeline)
        else:
            targets = [screen.previews if pane == keymap.LIST_PANE else screen.reader]
        for target in targets:
            screen.set_focus(target)
            await pilot.pause()
            bound = {active.binding.id for active in screen.active_bindings.values()}
            assert wanted <= bound, (target, wanted - bound)


async def test_after_enter_at_120_columns_j_scrolls_the_article_not_the_list(tmp_path: Path,
                                                                           served: tuple[Store, Config]) -> None:
    app = served_app(served, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        reader = await open_article(app, pilot)
        previews = app.screen.query_one(PreviewList)
        cursor = previews.cursor
        assert reader.has_focus and reader.max_scroll_y > 5
        await pilot.press("j", "j", "down")
        assert reader.scroll_y == 3 and previews.cursor == cursor
        await pilot.press("k", "up")
        assert reader.scroll_y == 1
        await pilot.press("G")
        assert reader.scroll_y == reader.max_scroll_y
        await pilot.press("g")
        assert reader.scroll_y == 0
        await pilot.press("end")
        assert reader.scroll_y == reader.max_scroll_y
        await pilot.press("home", "space")
        page = reader.scroll_y
        assert page > 3
        await pilot.press("pagedown")
        assert reader.scroll_y > page or reader.scroll_y == reader.max_scroll_y
        await pilot.press("b", "pageup")
        assert reader.scroll_y == 0
        assert previews.cursor == cursor


async def test_keys_that_arrive_together_each_scroll(tmp_path: Path, served: tuple[Store, Config]) -> None:
    """Five j typed at once (a held key, a fast terminal) scroll five lines, two spaces two pages."""
    app = served_app(served, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        reader = await open_article(app, pilot)
        for _ in range(5):  # queued before the app handles any of them, as a terminal delivers them
            app.post_message(events.Key("j", "j"))
        await pilot.pause()
        assert reader.scroll_y == 5
        page = reader.scrollable_content_region.height
        for _ in range(2):
            app.post_message(events.Key("space", " "))
        await pilot.pause()
        assert reader.scroll_y == min(5 + 2 * page, reader.max_scroll_y)


async def test_brackets_jump_from_quote_to_quote_and_say_who_speaks(tmp_path: Path,
                                                                    served: tuple[Store, Config]) -> None:
    app = served_app(served, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        reader = await open_article(app, pilot)
        assert reader.annotation is not None and len(reader.annotation.quotes) >= 2
        await pilot.press("right_square_bracket")
        assert reader.quote_index == 0
        await pilot.press("right_square_bracket")
        assert reader.quote_index == 1
        assert "Citazione 2 di" in notices(app)[-1]
        await pilot.press("left_square_bracket")
        assert reader.quote_index == 0


async def test_esc_in_the_people_panel_closes_only_the_panel_and_i_toggles_it_from_inside(
        tmp_path: Path, served: tuple[Store, Config]) -> None:
    app = served_app(served, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        reader = await open_article(app, pilot)
        await pilot.press("i")
        await ready(pilot)
        people = app.screen.query_one(PeoplePanel)
        assert people.display and people.has_focus and people.option_count > 1
        await pilot.press("escape")
        await ready(pilot)
        assert not people.display and reader.has_focus
        assert main(app).reading and reader.preview is not None
        await pilot.press("i")
        await ready(pilot)
        assert people.has_focus
        await pilot.press("i")
        await ready(pilot)
        assert not people.display and reader.has_focus and main(app).reading


async def test_esc_and_h_go_back_to_the_list_with_the_cursor_on_the_article(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        reader = await open_article(app, pilot, "j", "j")
        previews = app.screen.query_one(PreviewList)
        opened = reader.preview
        assert opened is not None and reader.has_focus
        await pilot.press("escape")
        assert previews.has_focus and not main(app).reading
        assert previews.selected is not None and previews.selected.id == opened.id
        await pilot.press("enter")
        await ready(pilot)
        await pilot.press("h")
        assert previews.has_focus and previews.selected.id == opened.id


async def test_n_p_and_N_open_the_next_previous_and_next_unread_article(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        previews = app.screen.query_one(PreviewList)
        listed = previews.previews
        await pilot.press("j", "u", "k")  # the second article is read now
        await app.workers.wait_for_complete()
        reader = await open_article(app, pilot)
        assert reader.preview is not None and reader.preview.id == listed[0].id
        await pilot.press("N")  # skips the read one
        assert reader.preview.id == listed[2].id and reader.has_focus
        await pilot.press("p")
        assert reader.preview.id == listed[1].id
        await pilot.press("n")
        assert reader.preview.id == listed[2].id


async def test_the_article_keys_pressed_in_the_list_act_on_the_open_article_or_say_none_is_open(
        tmp_path: Path, served: tuple[Store, Config]) -> None:
    app = served_app(served, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        for key in ("right_square_bracket", "i", "ctrl+f", "greater_than_sign"):
            before = len(notices(app))
            await pilot.press(key)
            assert len(notices(app)) == before + 1 and "Nessun articolo aperto" in notices(app)[-1], key
        reader = await open_article(app, pilot)
        await pilot.press("tab")
        assert app.screen.query_one(PreviewList).has_focus
        await pilot.press("right_square_bracket")
        assert reader.quote_index == 0


async def test_tab_with_no_article_open_never_opens_one(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("tab")
        assert not main(app).reading and app.screen.query_one(Sidebar).has_focus
        await pilot.press("tab")
        assert app.screen.query_one(PreviewList).has_focus and not main(app).reading
    narrow = make_app()
    async with narrow.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("tab")
        assert not main(narrow).reading and "Nessun articolo aperto" in notices(narrow)[-1]


async def test_find_has_keys_of_its_own_and_counts_in_the_text_with_the_right_plural(
        tmp_path: Path, served: tuple[Store, Config]) -> None:
    app = served_app(served, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        reader = await open_article(app, pilot)
        assert reader.text is not None
        word = "maradona"
        expected = reader.text.text.lower().count(word)
        assert expected >= 2
        await pilot.press("ctrl+f", *word, "enter")
        assert len(reader.find_spans) == expected and reader.has_focus
        assert f"{expected} occorrenze" in notices(app)[-1]
        await pilot.press("greater_than_sign")
        assert reader.find_index == 1
        await pilot.press("less_than_sign", "less_than_sign")
        assert reader.find_index == expected - 1
        await pilot.press("f3")
        assert reader.find_index == 0
        article = reader.preview
        await pilot.press("n")  # n is the next article, whatever find holds
        assert reader.preview != article
        await pilot.press("ctrl+f", *"stadio azzurro zzz", "enter")
        assert "Nessuna occorrenza" in notices(app)[-1]


async def test_mark_all_read_says_which_key_undoes_it_and_z_does(make_app: AppFactory,
                                                                demo_store: tuple[Store, Config]) -> None:
    store, _ = demo_store
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("a")
        await app.workers.wait_for_complete()
        assert store.count(Filter(unread_only=True)) == 0
        assert f"{ARTICLES} articoli segnati come letti" in notices(app)[-1] and "z annulla" in notices(app)[-1]
        await pilot.press("z")
        await app.workers.wait_for_complete()
        await ready(pilot)
        assert store.count(Filter(unread_only=True)) == ARTICLES
        assert all(not p.read for p in app.screen.query_one(PreviewList).previews)
        await pilot.press("z")
        assert "Niente da annullare" in notices(app)[-1]


async def test_a_refresh_that_finds_nothing_new_says_so(tmp_path: Path, served: tuple[Store, Config]) -> None:
    app = served_app(served, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("r")
        await app.workers.wait_for_complete()
        await ready(pilot)
        assert "niente di nuovo" in notices(app)[-1]


async def test_help_scrolls_with_j_k_and_space(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("question_mark")
        await ready(pilot)
        assert isinstance(app.screen, HelpScreen)
        body = app.screen.body
        assert body.max_scroll_y > 0
        await pilot.press("j", "j")
        assert body.scroll_y == 2
        await pilot.press("k")
        assert body.scroll_y == 1
        await pilot.press("space")
        assert body.scroll_y > 2
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_the_key_bar_always_ends_with_help_and_quit(make_app: AppFactory, size: tuple[int, int]) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        for _ in range(2):  # the list, then the reader
            bar = str(app.screen.query_one(KeysBar).render())
            assert len(bar) <= size[0], bar
            assert " ?  aiuto " in bar and " q  esci " in bar, bar
            await open_article(app, pilot)
        assert " esc  elenco " in bar  # the reader's own keys come first


async def test_under_100_columns_f_shows_the_sidebar_for_a_choice(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        sidebar = app.screen.query_one(Sidebar)
        assert sidebar.region.width == 0
        await pilot.press("f")
        await ready(pilot)
        assert sidebar.region.width > 0 and sidebar.has_focus
        await pilot.press("j", "enter")  # the first row after "All": starred
        await app.workers.wait_for_complete()
        await ready(pilot)
        assert sidebar.region.width == 0 and main(app).filter.starred_only
        await open_article(app, pilot, "escape")
        await pilot.press("f")
        assert "torna all'elenco" in notices(app)[-1]


async def test_the_digit_keys_say_which_feed_they_picked(make_app: AppFactory,
                                                        demo_store: tuple[Store, Config]) -> None:
    _, config = demo_store
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await app.workers.wait_for_complete()
        await pilot.press("2")
        await app.workers.wait_for_complete()
        assert main(app).filter.feed == config.feeds[1].name
        assert config.feeds[1].name in notices(app)[-1]
        await pilot.press("9")
        assert "Nessun feed numero 9" in notices(app)[-1]


async def test_the_search_box_still_takes_the_keys_typed_into_it(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("slash", *"j]i", "escape")
        assert app.screen.query_one("#search", Input).value == "j]i"
        assert not main(app).reading


async def test_a_remapped_key_of_the_article_moves_on_every_pane_that_binds_it(
        tmp_path: Path, served: tuple[Store, Config]) -> None:
    from dataclasses import replace

    store, config = served
    app = SportReaderApp(replace(config, keys={"next_quote": "x", "scroll_down": "ctrl+e"}), tmp_path, store=store,
                         refresh_on_start=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("x")  # in the list: the forwarder has the new key too
        assert "Nessun articolo aperto" in notices(app)[-1]
        reader = await open_article(app, pilot)
        await pilot.press("right_square_bracket")
        assert reader.quote_index == -1
        await pilot.press("x")
        assert reader.quote_index == 0
        await pilot.press("g", "ctrl+e", "ctrl+e")
        assert reader.scroll_y == 2
