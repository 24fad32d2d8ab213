"""Snapshots of the screens where layout matters, on the demo edition at a fixed moment.

Update them with `pytest tests/ui/test_snapshots.py --snapshot-update` after a deliberate change, and
look at the SVGs in the report before committing.
"""

from __future__ import annotations

import asyncio
from typing import Any

from textual.pilot import Pilot

from tests.ui.conftest import AppFactory


async def settled(pilot: Pilot[Any]) -> None:
    """Wait for the list, the sidebar and the annotator, so nothing changes after the shot."""
    app = pilot.app
    await app.workers.wait_for_complete()
    await asyncio.to_thread(app.decorations.ready.wait, 10)  # type: ignore[attr-defined]
    await pilot.pause()
    app.screen.query_one("#previews").redecorate()  # type: ignore[attr-defined]
    await pilot.pause()


def test_main_screen_wide(snap_compare: Any, make_app: AppFactory) -> None:
    assert snap_compare(make_app(), terminal_size=(120, 40), run_before=settled)


def test_main_screen_narrow(snap_compare: Any, make_app: AppFactory) -> None:
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=settled)


def test_help_screen(snap_compare: Any, make_app: AppFactory) -> None:
    async def open_help(pilot: Pilot[Any]) -> None:
        await settled(pilot)
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=(120, 40), run_before=open_help)


def test_search_result(snap_compare: Any, make_app: AppFactory) -> None:
    async def search(pilot: Pilot[Any]) -> None:
        await settled(pilot)
        await pilot.press("slash", *"chivu", "enter")
        await settled(pilot)

    assert snap_compare(make_app(), terminal_size=(120, 40), run_before=search)


def test_article_open_with_highlights(snap_compare: Any, make_app: AppFactory) -> None:
    async def open_article(pilot: Pilot[Any]) -> None:
        await settled(pilot)
        await pilot.press("j", "j", "enter")
        await settled(pilot)
        await pilot.pause(0.2)

    assert snap_compare(make_app(), terminal_size=(120, 40), run_before=open_article)
