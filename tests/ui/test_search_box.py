"""The app's search box meets the store's caps: a search too long says why, and the app goes on."""

from __future__ import annotations

from reader.ui.widgets.previews import PreviewList
from tests.ui.conftest import AppFactory


async def test_a_search_too_long_says_what_a_search_may_be(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        keys = [key for _ in range(33) for key in ("x", "space")]  # 33 words, one past the cap
        await pilot.press("slash", *keys, "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        previews = app.screen.query_one(PreviewList)
        assert previews.previews == []
        assert previews.empty_message == "Ricerca troppo lunga: al massimo 32 parole e 500 caratteri."
        assert app.is_running  # the worker did not fail, taking the app with it
