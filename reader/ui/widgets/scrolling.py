"""Scrolling by keys, applied at once: Textual's scroll_relative and scroll_page_down defer the move until
after the next refresh and compute it from the position before it, so keys that arrive together (a held
`j`, keys typed fast over ssh or tmux) each moved to the same place and five `j` scrolled one line."""

from __future__ import annotations

from textual.widget import Widget


def scroll_lines(widget: Widget, lines: int) -> None:
    """Move `widget`'s view `lines` down (up when negative), now."""
    widget.scroll_to(y=widget.scroll_y + lines, animate=False, immediate=True)


def scroll_pages(widget: Widget, pages: int) -> None:
    """Move `widget`'s view `pages` pages down (up when negative), now."""
    scroll_lines(widget, pages * max(1, widget.scrollable_content_region.height))
