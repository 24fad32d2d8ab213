"""The match centre, pressed as a user presses it: the matches, a match's timeline, the reader from it, and back."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import OptionList, Static

from reader.models import Settings
from reader.store import Filter
from reader.store.marks import MatchMarks
from reader.ui.app import SportReaderApp
from reader.ui.screens.main import MainScreen
from reader.ui.widgets.centre import CentrePane
from reader.ui.widgets.keysbar import KeysBar
from reader.ui.widgets.matchlists import MatchList, Timeline
from reader.ui.widgets.previews import PreviewList
from reader.ui.widgets.reader_pane import ReaderPane
from tests.ui.conftest import AppFactory

ROMA_LECCE = "2026-11-23-roma-lecce"
INTER_KAIRAT = "2026-11-26-inter-kairat-almaty"


async def settled(app: SportReaderApp, pilot: Pilot[int]) -> None:
    await app.workers.wait_for_complete()
    for _ in range(3):
        await pilot.pause()


async def centre_of(app: SportReaderApp, pilot: Pilot[int]) -> CentrePane:
    """Start, wait for the match centre's data, press m."""
    await settled(app, pilot)
    await pilot.press("m")
    await settled(app, pilot)
    pane = main(app).centre
    assert pane is not None and pane.data is not None
    return pane


def main(app: SportReaderApp) -> MainScreen:
    assert isinstance(app.screen, MainScreen)
    return app.screen


def rows(options: OptionList) -> list[str]:
    """Every row's text, headings too, each on one line."""
    return [str(options.get_option_at_index(i).prompt).replace("\n", " | ") for i in range(options.option_count)]


def selected_row(options: OptionList) -> str:
    assert options.highlighted is not None
    return rows(options)[options.highlighted]


def notices(app: SportReaderApp) -> list[str]:
    return [n.message for n in app._notifications]


async def go_to(pilot: Pilot[int], options: MatchList, key: str) -> None:
    """Move the cursor with j and k (as a user does) to a match."""
    target = options.get_option_index(f"day:{key}")
    while options.highlighted != target:
        await pilot.press("j" if (options.highlighted or 0) < target else "k")


async def test_m_shows_the_matches_of_the_days_around_today_by_day_and_m_again_the_list(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        pane = await centre_of(app, pilot)
        screen = main(app)
        matches = pane.matches
        assert screen.in_matches and matches.has_focus and not screen.list_pane.display
        shown = rows(matches)
        assert shown[0] == " domenica 22 novembre" and " Oggi" in shown and " Ieri" in shown
        roma = next(r for r in shown if "Roma–Lecce" in r)
        # kick-off on the user's clocks, the score, the coverage, then competition, round and the stages' badges
        assert roma.startswith(" 02:30  Roma–Lecce  3-0 · 4 articoli · 2 testate")
        assert "Serie A · Giornata 13" in roma and roma.endswith(" cronaca   pagelle   interviste ")
        assert "Atalanta–Eintracht Francoforte · ancora nessun articolo" in " ".join(shown)
        assert "Inter–Kairat Almaty · 4 articoli" in " ".join(shown)  # to come: no score
        # The cursor starts on the first match still to be played (now is 12:00 of the 25th).
        assert "Atalanta–Eintracht" in selected_row(matches)
        status = str(pane.query_one("#centre-status", Static).render())
        assert status.startswith("Partite · 12 partite, 8 con articoli")
        assert app.state.view == "matches"
        await pilot.press("m")
        assert not screen.in_matches and screen.previews.has_focus and app.state.view == "list"


async def test_the_list_keys_move_through_the_matches_without_wrapping(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        matches = (await centre_of(app, pilot)).matches
        await pilot.press("g")
        assert "Inter–Fiorentina" in selected_row(matches)  # the day's heading is stepped over
        await pilot.press("k")
        assert "Inter–Fiorentina" in selected_row(matches)
        await pilot.press("j")
        assert "Roma–Lecce" in selected_row(matches)
        await pilot.press("down", "up")
        assert "Roma–Lecce" in selected_row(matches)
        await pilot.press("G")
        assert "Lazio–Roma" in selected_row(matches)
        await pilot.press("j")
        assert "Lazio–Roma" in selected_row(matches)
        await pilot.press("home", "space")
        assert "Inter–Fiorentina" not in selected_row(matches)
        await pilot.press("b")
        assert "Inter–Fiorentina" in selected_row(matches)
        await pilot.press("end", "n")  # n opens the next match: there is none after the last
        assert "Nessun'altra partita in questo elenco." in notices(app)
        await pilot.press("u")  # a key about an article says what to do instead
        assert "Questo tasto agisce su un articolo: invio apre gli articoli della partita." in notices(app)


async def test_enter_opens_a_matchs_timeline_in_match_order_with_its_outlets(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        pane = await centre_of(app, pilot)
        await go_to(pilot, pane.matches, ROMA_LECCE)
        await pilot.press("enter")
        await settled(app, pilot)
        timeline = pane.timeline
        assert pane.showing_match and timeline.has_focus and not pane.matches.display
        shown = rows(timeline)
        assert [r for r in shown if r.isupper()] == [" CRONACA", " PAGELLE", " INTERVISTE POST-PARTITA"]
        assert shown[1].startswith("● Roma-Lecce 3-0: Soulé, Dybala e Ferguson") and (
            "|   Il Gazzettino del Pallone · 23 nov" in shown[1])
        assert "Cuore Giallorosso" in shown[3]
        heading = str(pane.query_one("#match-heading", Static).render())
        assert heading.startswith("Roma–Lecce  3-0\nSerie A · Giornata 13 · lun 23/11 02:30 · 4 articoli · 2 testate")
        assert "Roma-Lecce 3-0: Soulé" in selected_row(timeline)
        await pilot.press("escape")
        assert not pane.showing_match and pane.matches.has_focus and "Roma–Lecce" in selected_row(pane.matches)
        await pilot.press("escape")
        assert not main(app).in_matches and main(app).previews.has_focus


async def test_the_same_story_told_elsewhere_says_so(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        pane = await centre_of(app, pilot)
        await go_to(pilot, pane.matches, INTER_KAIRAT)
        await pilot.press("l")  # enter's other key
        await settled(app, pilot)
        shown = rows(pane.timeline)
        assert shown[0] == " VIGILIA" and "Chivu in conferenza stampa" in shown[1]
        assert shown[1].endswith("· anche su: Il Gazzettino del Pallone")
        assert shown[2] == " PROBABILI FORMAZIONI"


async def test_an_article_of_the_timeline_opens_in_the_reader_and_n_p_esc_go_on_from_the_timeline(
        make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        pane = await centre_of(app, pilot)
        screen = main(app)
        await go_to(pilot, pane.matches, ROMA_LECCE)
        await pilot.press("enter")
        await settled(app, pilot)
        await pilot.press("enter")
        await settled(app, pilot)
        reader = screen.query_one(ReaderPane)
        assert screen.reading and reader.has_focus and reader.preview is not None
        assert reader.preview.title.startswith("Roma-Lecce 3-0: Soulé")
        assert rows(pane.timeline)[1].startswith("  Roma-Lecce 3-0")  # marked read: no ● any more
        assert app.store.previews_by_id([reader.preview.id])[reader.preview.id].read
        await pilot.press("n")
        await settled(app, pilot)
        assert reader.preview.title.startswith("Roma-Lecce 3-0, le pagelle")  # the timeline's next, not the list's
        await pilot.press("n", "n")
        await settled(app, pilot)
        assert reader.preview.title.startswith("Mancini:")
        await pilot.press("n")
        assert "Non ci sono altri articoli in questo elenco." in notices(app)
        await pilot.press("p")
        await settled(app, pilot)
        assert reader.preview.title.startswith("Gasperini dopo Roma-Lecce")
        await pilot.press("tab")
        assert pane.timeline.has_focus
        await pilot.press("tab")
        assert reader.has_focus
        await pilot.press("escape")
        assert not screen.reading and pane.timeline.has_focus
        assert "Gasperini dopo Roma-Lecce" in selected_row(pane.timeline)


async def test_the_timelines_marks_are_the_lists_u_s_a_z_and_the_link_keys(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        pane = await centre_of(app, pilot)
        await go_to(pilot, pane.matches, ROMA_LECCE)
        await pilot.press("enter")
        await settled(app, pilot)
        timeline = pane.timeline
        first = timeline.selected
        assert first is not None and not first.read
        await pilot.press("u")
        await settled(app, pilot)
        assert app.store.previews_by_id([first.id])[first.id].read and rows(timeline)[1].startswith("  ")
        await pilot.press("s")
        await settled(app, pilot)
        assert app.store.previews_by_id([first.id])[first.id].starred and rows(timeline)[1].startswith("★ ")
        # The article list shows the same marks.
        assert main(app).previews.rows[main(app).previews.index_of(first.id)].preview.starred  # type: ignore
        await pilot.press("a")
        await settled(app, pilot)
        assert all(p.read for p in app.store.previews_by_id(p.id for p in timeline.shown).values())
        assert any(n.startswith("3 articoli segnati come letti.") for n in notices(app))  # u read the first
        await pilot.press("z")
        await settled(app, pilot)
        unread = [p for p in app.store.previews_by_id(p.id for p in timeline.shown).values() if not p.read]
        assert len(unread) == 3  # as they were before a: the first was read already
        await pilot.press("j", "y")
        second = timeline.selected
        assert second is not None and app.clipboard == second.link
        await pilot.press("o")
        assert app.opened_urls == [second.link]


async def test_no_spoilers_hides_the_score_and_the_results_until_the_match_is_watched(make_app: AppFactory,
                                                                                   demo_store: tuple) -> None:
    _, config = demo_store
    app = make_app(replace(config, settings=Settings(refresh_minutes=0, no_spoilers=True)))
    drawn: list[str] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await settled(app, pilot)
        original = OptionList.render_line

        def seen(self: OptionList, y: int):  # type: ignore[no-untyped-def]
            strip = original(self, y)
            if isinstance(self, (MatchList, Timeline)):
                drawn.append(strip.text)
            return strip

        OptionList.render_line = seen  # type: ignore[method-assign]
        try:
            pane = await centre_of(app, pilot)
            await go_to(pilot, pane.matches, ROMA_LECCE)
            assert "Roma–Lecce  – · 4 articoli · 2 testate  niente spoiler" in selected_row(pane.matches)
            await pilot.press("enter")
            await settled(app, pilot)
            shown = rows(pane.timeline)
            assert shown[1].startswith("● Roma–Lecce: cronaca") and "Roma–Lecce: pagelle" in shown[3]
            heading = str(pane.query_one("#match-heading", Static).render())
            assert heading.startswith("Roma–Lecce  –  niente spoiler")
            assert not any("3-0" in line for line in drawn), "a hidden score was drawn"
            await pilot.press("w")
            await settled(app, pilot)
            assert rows(pane.timeline)[1].startswith("● Roma-Lecce 3-0: Soulé")
            assert str(pane.query_one("#match-heading", Static).render()).startswith("Roma–Lecce  3-0  ✓ vista")
        finally:
            OptionList.render_line = original  # type: ignore[method-assign]
        from reader.store.marks import marks
        assert marks(app.store)[ROMA_LECCE].watched
        await pilot.press("escape")
        assert "Roma–Lecce  3-0 · 4 articoli · 2 testate  ✓ vista" in selected_row(pane.matches)
        await pilot.press("w")  # not watched again: hidden again at once, before the store is written
        assert "Roma–Lecce  – · 4 articoli · 2 testate  niente spoiler" in selected_row(pane.matches)


async def test_c_hides_one_matchs_score_and_says_how_to_show_it(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        pane = await centre_of(app, pilot)
        await go_to(pilot, pane.matches, ROMA_LECCE)
        assert "Roma–Lecce  3-0" in selected_row(pane.matches)
        await pilot.press("c")
        assert "Roma–Lecce  – · 4 articoli · 2 testate  niente spoiler" in selected_row(pane.matches)
        assert notices(app)[-1].startswith("Roma–Lecce: niente spoiler") and "(w)" in notices(app)[-1]
        await settled(app, pilot)
        from reader.store.marks import marks
        assert marks(app.store)[ROMA_LECCE].no_spoilers
        assert "Milan–Lazio  1-1" in " ".join(rows(pane.matches))  # the others are as they were
        await pilot.press("c")
        assert "Roma–Lecce  3-0" in selected_row(pane.matches)
        await pilot.press("w")
        assert "Roma–Lecce  3-0 · 4 articoli · 2 testate  ✓ vista" in selected_row(pane.matches)
        await pilot.press("c")  # no spoilers asked for a watched match: hidden now, not watched any more
        assert "Roma–Lecce  – · 4 articoli · 2 testate  niente spoiler" in selected_row(pane.matches)
        await settled(app, pilot)
        assert marks(app.store)[ROMA_LECCE] == MatchMarks(watched=False, no_spoilers=True)


async def test_M_opens_the_match_of_the_selected_article_or_says_it_has_none(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settled(app, pilot)
        screen = main(app)
        previews = screen.previews
        while not (previews.selected and previews.selected.title.startswith("Roma-Lecce 3-0, le pagelle")):
            await pilot.press("j")
        await pilot.press("M")
        await settled(app, pilot)
        pane = screen.centre
        assert pane is not None and screen.in_matches and pane.showing_match and pane.timeline.has_focus
        assert pane.match is not None and pane.match.view.key == ROMA_LECCE
        assert "Roma-Lecce 3-0, le pagelle" in selected_row(pane.timeline)  # the cursor on the article
        await pilot.press("escape", "escape")
        assert previews.has_focus
        while not (previews.selected and previews.selected.title.startswith("Calciomercato")):
            await pilot.press("j")
        await pilot.press("M")
        await settled(app, pilot)
        assert "Questo articolo non appartiene a nessuna partita." in notices(app)
        assert not screen.in_matches and previews.has_focus


async def test_my_team_opens_the_centre_and_the_sidebar_on_its_last_and_next_and_T_filters_the_list(
        make_app: AppFactory, demo_store: tuple) -> None:
    _, config = demo_store
    app = make_app(replace(config, settings=Settings(refresh_minutes=0, teams=("inter",))))
    async with app.run_test(size=(120, 40)) as pilot:
        await settled(app, pilot)
        screen = main(app)
        sidebar = [str(screen.query_one("#sidebar", OptionList).get_option_at_index(i).prompt)
                   for i in range(screen.query_one("#sidebar", OptionList).option_count)]
        assert sidebar[2:7] == ["Partite", "Centro partite", "Inter", "  ‹ Inter–Fiorentina 2-0",
                                "  › gio 08:30 Inter–Kairat…"]  # the name cut, not the time
        pane = await centre_of(app, pilot)
        shown = rows(pane.matches)
        assert shown[0] == " Inter" and "dom 22/11 05:30  Inter–Fiorentina  2-0" in shown[1]
        assert "gio 26/11 08:30  Inter–Kairat Almaty" in shown[2]
        assert "Inter–Kairat Almaty" in selected_row(pane.matches) and pane.matches.highlighted == 2  # its next
        await pilot.press("T")
        await settled(app, pilot)
        assert not screen.in_matches and screen.filter == Filter(team="Inter")
        listed = screen.previews.previews
        assert listed and len(listed) == app.store.count(Filter(team="Inter")) < app.store.count()
        assert str(screen.query_one("#list-status", Static).render()).startswith("Inter · ")
        assert app.state.team == "Inter"
        await pilot.press("T")  # one team only: again, every article
        await settled(app, pilot)
        assert screen.filter == Filter() and len(screen.previews.previews) == app.store.count()


async def test_the_palette_sets_my_team_and_the_sidebar_follows(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settled(app, pilot)
        await pilot.press("T")
        assert notices(app)[-1].startswith("Nessuna squadra tua")
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"squadra: roma")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settled(app, pilot)
        assert app.state.teams == ["Roma"]
        sidebar = main(app).query_one("#sidebar", OptionList)
        labels = [str(sidebar.get_option_at_index(i).prompt) for i in range(sidebar.option_count)]
        assert "Roma" in labels and "  ‹ Roma–Lecce 3-0" in labels and "  › lun 08:15 Lazio–Roma" in labels
        sidebar.focus()
        sidebar.highlighted = labels.index("  › lun 08:15 Lazio–Roma")
        await pilot.press("enter")
        await settled(app, pilot)
        pane = main(app).centre
        assert pane is not None and pane.match is not None and pane.match.view.key == "2026-11-30-lazio-roma"
        assert rows(pane.timeline) == ["  Ancora nessun articolo su questa partita."]


async def test_the_centre_never_blocks_the_ui_while_it_reads_and_says_how_far_it_is(make_app: AppFactory,
                                                                                  monkeypatch) -> None:
    import threading

    from reader.ui import matchdata

    release = threading.Event()
    real = matchdata.load_centre

    def slow(store, now, teams, *, demo=None, progress=None):  # type: ignore[no-untyped-def]
        assert progress is not None
        progress(7, 28)
        release.wait(10)
        return real(store, now, teams, demo=demo, progress=progress)

    monkeypatch.setattr(matchdata, "load_centre", slow)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(5):
            await pilot.pause()
        await pilot.press("m")
        await pilot.pause(0.2)
        pane = main(app).centre
        assert pane is not None and pane.data is None
        assert rows(pane.matches) == ["  ⟳ Lettura degli articoli per il centro partite: 7 di 28…"]
        await pilot.press("m", "j")  # the keys still work meanwhile
        assert main(app).previews.has_focus and main(app).previews.cursor == 2
        release.set()
        await settled(app, pilot)
        await pilot.press("m")
        assert "Roma–Lecce" in " ".join(rows(pane.matches))


async def test_the_view_is_remembered_and_paints_first_at_the_next_start(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await centre_of(app, pilot)
    app = make_app()
    assert app.state.view == "matches"
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = main(app)
        assert screen.in_matches and screen.centre is not None and screen.centre.matches.has_focus
        await settled(app, pilot)
        assert "Roma–Lecce" in " ".join(rows(screen.centre.matches))


async def test_at_80_columns_the_centre_takes_the_width_and_the_reader_then_takes_it(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        pane = await centre_of(app, pilot)
        screen = main(app)
        assert pane.region.width == 80
        await go_to(pilot, pane.matches, ROMA_LECCE)
        await pilot.press("enter")
        await settled(app, pilot)
        await pilot.press("enter")
        await settled(app, pilot)
        assert screen.reading and pane.region.width == 0 and screen.query_one(ReaderPane).region.width > 70
        await pilot.press("escape")
        assert pane.region.width == 80 and pane.timeline.has_focus


async def test_the_key_bar_shows_the_centres_keys_first(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await centre_of(app, pilot)
        bar = str(main(app).query_one(KeysBar).render())
        assert bar.startswith(" invio  apri  n  succ.  p  prec.  w  vista  c  spoiler  esc  indietro ")
        assert " u  letto" not in bar  # keys that act on an article are not offered on the matches


async def test_the_list_keeps_working_beside_the_centre(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await centre_of(app, pilot)
        await pilot.press("slash")  # a search goes back to the list, and the keys typed go to its box
        await pilot.press(*"chivu", "enter")
        await settled(app, pilot)
        screen = main(app)
        assert not screen.in_matches and screen.query_text == "chivu"
        found = screen.query_one(PreviewList).previews
        assert found and any(p.title.startswith("Chivu in conferenza stampa") for p in found)


async def test_reading_the_centre_again_keeps_the_cursor_and_the_open_match(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        pane = await centre_of(app, pilot)
        screen = main(app)
        await go_to(pilot, pane.matches, "2026-11-23-milan-lazio")
        screen.load_centre()  # as after a refresh that brought articles
        screen.load_centre()  # asked again meanwhile: once more after it, never two at once
        await settled(app, pilot)
        assert "Milan–Lazio" in selected_row(pane.matches) and not screen.centre_loading
        await pilot.press("enter")
        await settled(app, pilot)
        await pilot.press("j")
        screen.load_centre()
        await settled(app, pilot)
        assert pane.showing_match and pane.timeline.has_focus
        assert "Milan - Lazio 1-1, le pagelle" in selected_row(pane.timeline)


def test_the_remembered_team_view_and_teams_survive_a_bad_file(tmp_path: Path) -> None:
    from reader.ui.state import STATE_FILE, UIState, load_state, save_state

    save_state(tmp_path, UIState(team="Inter", view="matches", teams=["Roma"]))
    state = load_state(tmp_path)
    assert (state.team, state.view, state.teams) == ("Inter", "matches", ["Roma"])
    assert state.filter() == Filter(team="Inter")
    (tmp_path / STATE_FILE).write_text('{"teams": [1, 2], "view": 3, "team": "Roma"}', encoding="utf-8")
    state = load_state(tmp_path)
    assert (state.team, state.view, state.teams) == ("Roma", "list", None)  # the bad values, and only they, left
