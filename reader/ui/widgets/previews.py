"""The previews pane: a virtual list (Line API) of day headings and three-line previews.

Only the lines on screen are rendered, so 20,000 previews cost a list of rows and an offsets table,
never a widget per row.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from rich.console import Console
from rich.style import Style
from rich.text import Text
from textual import events
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.settings.appearance import KIND_STYLES
from reader.store import Preview
from reader.text import dates, render
from reader.text.kinds import kind_label
from reader.text.messages import _
from reader.ui.bindings import bindings
from reader.ui.widgets.marks import MarkRequested

PREVIEW_HEIGHT = 3
Decorator = Callable[[Preview], tuple[str | None, str | None]]  # -> (match label, kind)


@dataclass(frozen=True, slots=True)
class Row:
    """A day heading (preview is None) or a preview, with search marks when it is a search hit."""

    preview: Preview | None
    heading: str = ""
    title_marks: tuple[tuple[int, int], ...] = ()
    lead: str | None = None
    lead_marks: tuple[tuple[int, int], ...] = ()

    @property
    def height(self) -> int:
        return PREVIEW_HEIGHT if self.preview else 1


def group_by_day(previews: Sequence[Preview], now: datetime) -> list[Row]:
    """Previews under a heading for each day, in the order given (newest first)."""
    rows: list[Row] = []
    current = None
    for preview in previews:
        day = dates.local(preview.published).date()
        if day != current:
            rows.append(Row(None, render.day_heading(preview.published, now)))
            current = day
        rows.append(Row(preview))
    return rows


class PreviewList(ScrollView, can_focus=True, inherit_bindings=False):
    """Headings and previews; a cursor on one preview; `Highlighted` and `Chosen` messages.

    Owns the list's keys: the cursor, paging, opening, and the marks of the selected article and of
    every one shown (sent to the screen as `MarkRequested`).
    """

    COMPONENT_CLASSES = {"preview-list--cursor", "preview-list--heading", "preview-list--empty"}
    BINDINGS = bindings("open", "toggle_read", "star", "cursor_down", "cursor_up", "first", "last", "page_down",
                        "page_up", "mark_all_read")

    class Highlighted(Message):
        """The cursor moved to a preview."""

        def __init__(self, preview: Preview) -> None:
            super().__init__()
            self.preview = preview

    class Chosen(Message):
        """A preview was opened (enter or click)."""

        def __init__(self, preview: Preview) -> None:
            super().__init__()
            self.preview = preview

    def __init__(self, *, clock: Callable[[], datetime] = render.now_utc, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: list[Row] = []
        self._offsets: list[int] = []
        self._index: dict[int, int] = {}  # entry id -> row
        self.cursor: int | None = None
        self.empty_message = _("No articles.")
        self.clock = clock
        self.decorate: Decorator | None = None
        self._cache: dict[int, tuple[Strip, ...]] = {}  # row -> its lines, unstyled
        self._cache_width = 0
        self._styles: tuple[Style, Style] | None = None
        self._now = clock()

    # Content

    def set_rows(self, rows: list[Row], *, keep: int | None = None) -> None:
        """Show rows; the cursor goes to the entry `keep` if listed, else to the first preview."""
        self.rows = rows
        self._offsets, y = [], 0
        for row in rows:
            self._offsets.append(y)
            y += row.height
        self._index = {row.preview.id: i for i, row in enumerate(rows) if row.preview}
        self._cache.clear()
        self._now = self.clock()
        self.virtual_size = Size(self.text_width, y)
        target = self._index.get(keep) if keep is not None else None
        self.cursor = target if target is not None else self._next_preview(-1, 1)
        self.refresh()
        if self.cursor is not None:
            self.call_after_refresh(self._reveal, center=target is not None)
            self.post_message(self.Highlighted(self.rows[self.cursor].preview))  # type: ignore[arg-type]

    def update_preview(self, preview: Preview) -> None:
        """Replace one preview in place (read, star) and repaint its lines."""
        index = self._index.get(preview.id)
        if index is None:
            return
        old = self.rows[index]
        self.rows[index] = Row(preview, old.heading, old.title_marks, old.lead, old.lead_marks)
        self._forget(index)

    def redecorate(self) -> None:
        """Repaint every row (after the match detector became available)."""
        self._cache.clear()
        self.refresh()

    @property
    def previews(self) -> list[Preview]:
        """The previews listed, in order."""
        return [row.preview for row in self.rows if row.preview]

    @property
    def selected(self) -> Preview | None:
        """The preview under the cursor."""
        return self.rows[self.cursor].preview if self.cursor is not None else None

    def index_of(self, entry_id: int) -> int | None:
        """The row of an entry, if listed."""
        return self._index.get(entry_id)

    # Cursor

    def move_to(self, row: int | None) -> None:
        """Put the cursor on a row (a preview) and tell the screen."""
        if row is None or row == self.cursor or not (0 <= row < len(self.rows)) or not self.rows[row].preview:
            return
        previous, self.cursor = self.cursor, row
        if previous is not None:
            self._repaint(previous)
        self._repaint(row)
        self._reveal()
        self.post_message(self.Highlighted(self.rows[row].preview))  # type: ignore[arg-type]

    def step(self, delta: int) -> bool:
        """Move to the next (1) or previous (-1) preview; False at either end."""
        start = self.cursor if self.cursor is not None else -1
        target = self._next_preview(start, delta)
        self.move_to(target)
        return target is not None

    def step_to_unread(self) -> bool:
        """Move to the next unread preview after the cursor; False if there is none."""
        start = self.cursor if self.cursor is not None else -1
        target = next((i for i in range(start + 1, len(self.rows))
                       if (p := self.rows[i].preview) is not None and not p.read), None)
        self.move_to(target)
        return target is not None

    def _next_preview(self, start: int, delta: int) -> int | None:
        i = start + delta
        while 0 <= i < len(self.rows):
            if self.rows[i].preview:
                return i
            i += delta
        return None

    def _reveal(self, center: bool = False) -> None:
        if self.cursor is None:
            return
        top = self._offsets[self.cursor]
        # Keep the day heading above the first preview of a day in view too.
        if self.cursor > 0 and not self.rows[self.cursor - 1].preview:
            top -= 1
        bottom = self._offsets[self.cursor] + PREVIEW_HEIGHT
        height = self.scrollable_content_region.height
        scrolled = int(self.scroll_offset.y)
        # Scroll only when the row is out of view: any scroll call repaints the whole screen.
        if center:
            target = max(0, top - (height - (bottom - top)) // 2)
        elif top < scrolled:
            target = top
        elif bottom > scrolled + height:
            target = bottom - height
        else:
            return
        self.scroll_to(y=target, animate=False, force=True, immediate=True)

    def action_cursor_down(self) -> None:
        self.step(1)

    def action_cursor_up(self) -> None:
        self.step(-1)

    def action_first(self) -> None:
        self.move_to(self._next_preview(-1, 1))

    def action_last(self) -> None:
        self.move_to(self._next_preview(len(self.rows), -1))

    def action_page_down(self) -> None:
        self._page(1)

    def action_page_up(self) -> None:
        self._page(-1)

    def _page(self, delta: int) -> None:
        for _row in range(max(1, self.size.height // PREVIEW_HEIGHT)):
            if not self.step(delta):
                break

    def action_open(self) -> None:
        if self.selected:
            self.post_message(self.Chosen(self.selected))

    def action_toggle_read(self) -> None:
        if self.selected:
            self.post_message(MarkRequested([self.selected], read=not self.selected.read))

    def action_star(self) -> None:
        if self.selected:
            self.post_message(MarkRequested([self.selected], starred=not self.selected.starred))

    def action_mark_all_read(self) -> None:
        unread = [p for p in self.previews if not p.read]
        if not unread:
            self.notify(_("They are all read already."), timeout=2)
            return
        self.post_message(MarkRequested(unread, read=True, every_shown=True))

    def on_click(self, event: events.Click) -> None:
        y = int(self.scroll_offset.y) + event.y
        row = bisect_right(self._offsets, y) - 1
        if 0 <= row < len(self.rows) and self.rows[row].preview:
            if row == self.cursor and event.chain >= 1:
                self.post_message(self.Chosen(self.rows[row].preview))  # type: ignore[arg-type]
            self.move_to(row)

    # Rendering

    def _forget(self, row: int) -> None:
        """Render a row again (its preview changed)."""
        self._cache.pop(row, None)
        self._repaint(row)

    def _repaint(self, row: int) -> None:
        top = self._offsets[row] - int(self.scroll_offset.y)
        self.refresh(Region(0, top, self.size.width, self.rows[row].height))

    @property
    def text_width(self) -> int:
        """Columns a row is cut to: the width less the scrollbar's (so an ellipsis is never under it)."""
        return self.scrollable_content_region.width

    def render_line(self, y: int) -> Strip:
        width = self.text_width
        if width != self._cache_width:
            self._cache.clear()
            self._cache_width = width
        if not self.rows:
            return self._empty_line(y, width)
        absolute = int(self.scroll_offset.y) + y
        row = bisect_right(self._offsets, absolute) - 1
        if row < 0 or absolute >= self._offsets[-1] + self.rows[-1].height:
            return Strip.blank(width, self.rich_style)
        strip = self._row_strips(row, width)[absolute - self._offsets[row]]
        # The cursor is a background over the cached lines: moving it renders no text.
        base, cursor = self._styles or (self.rich_style, self.get_component_rich_style("preview-list--cursor"))
        return strip.apply_style(cursor if row == self.cursor else base)

    def render_lines(self, crop: Region) -> list[Strip]:
        # The styles are looked up once per paint, not once per line.
        self._styles = (self.rich_style, self.get_component_rich_style("preview-list--cursor"))
        try:
            return super().render_lines(crop)
        finally:
            self._styles = None

    def _empty_line(self, y: int, width: int) -> Strip:
        if y != 1:
            return Strip.blank(width, self.rich_style)
        style = self.get_component_rich_style("preview-list--empty")
        return self._strip(Text("  " + self.empty_message), width, style)

    def _row_strips(self, row: int, width: int) -> tuple[Strip, ...]:
        cached = self._cache.get(row)
        if cached is None:
            cached = self._render_row(self.rows[row], width)
            if len(self._cache) > 400:  # a screenful is ~15 rows: keep a few pages
                self._cache.clear()
            self._cache[row] = cached
        return cached

    def _render_row(self, row: Row, width: int) -> tuple[Strip, ...]:
        if row.preview is None:
            style = self.get_component_rich_style("preview-list--heading")
            return (self._strip(Text(" " + row.heading), width, style),)
        match, kind = self.decorate(row.preview) if self.decorate else (None, None)
        badge = kind_label(kind) if kind and kind != "altro" else None
        lines = render.preview_lines(row.preview, self._now, badge=badge, match=match,
                                     title_marks=row.title_marks, lead=row.lead, lead_marks=row.lead_marks,
                                     badge_style=KIND_STYLES.get(kind or "", "reverse"), width=width)
        return tuple(self._strip(line, width, Style()) for line in lines)

    def _strip(self, text: Text, width: int, style: Style) -> Strip:
        text.no_wrap = True
        text.overflow = "ellipsis"
        console: Console = self.app.console
        options = console.options.update_width(max(1, width))
        segments = console.render_lines(text, options, style=style, pad=True, new_lines=False)[0]
        return Strip(segments, width).crop_extend(0, width, style)
