"""Snapshots of the screens where layout matters, on the demo edition at a fixed moment: the list, an open
article, the help, the match centre's matches and one match's timeline, at 80x24 and 120x40, in the default
theme and in a light one.

Update them with `pytest tests/ui/test_snapshots.py --snapshot-update` after a deliberate change, and
look at the SVGs in the report before committing.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from textual.pilot import Pilot

from tests.ui.conftest import AppFactory

SIZES = [(80, 24), (120, 40)]
THEMES = ["textual-dark", "solarized-light"]


async def settled(pilot: Pilot[Any]) -> None:
    """Wait for the list, the sidebar and the annotator, so nothing changes after the shot."""
    app = pilot.app
    await app.workers.wait_for_complete()
    await asyncio.to_thread(app.decorations.ready.wait, 10)  # type: ignore[attr-defined]
    await pilot.pause()
    app.screen.query_one("#previews").redecorate()  # type: ignore[attr-defined]
    await pilot.pause()


async def the_list(pilot: Pilot[Any]) -> None:
    await settled(pilot)
    await pilot.press("j", "u")  # a read row beside the unread ones
    await settled(pilot)


async def an_article(pilot: Pilot[Any]) -> None:
    await settled(pilot)
    await pilot.press("j", "j", "enter")
    await settled(pilot)
    await pilot.pause(0.2)


async def the_help(pilot: Pilot[Any]) -> None:
    await settled(pilot)
    await pilot.press("question_mark")
    await pilot.pause()


async def the_matches(pilot: Pilot[Any]) -> None:
    await settled(pilot)
    await pilot.press("m")
    await settled(pilot)


async def a_match(pilot: Pilot[Any]) -> None:
    await the_matches(pilot)
    await pilot.press("k", "k", "enter")  # from the next match to be played back to Bodø/Glimt-Juventus
    await settled(pilot)
    await pilot.press("j")  # a read row beside the unread ones
    await pilot.press("u")
    await settled(pilot)


SCREENS: dict[str, Callable[[Pilot[Any]], Awaitable[None]]] = {
    "list": the_list, "article": an_article, "help": the_help, "matches": the_matches, "match": a_match,
}


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("screen", list(SCREENS))
def test_screen(snap_compare: Any, make_app: AppFactory, screen: str, size: tuple[int, int], theme: str) -> None:
    app = make_app()
    app.theme = theme
    assert snap_compare(app, terminal_size=size, run_before=SCREENS[screen])


def test_search_result(snap_compare: Any, make_app: AppFactory) -> None:
    async def search(pilot: Pilot[Any]) -> None:
        await settled(pilot)
        await pilot.press("slash", *"chivu", "enter")
        await settled(pilot)

    assert snap_compare(make_app(), terminal_size=(120, 40), run_before=search)
