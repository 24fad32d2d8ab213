"""What the store takes in and gives back: frozen rows, independent of SQLite, and how a preview is read."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

SEPARATOR = "\x1f"  # joins tags and categories; sanitised text never contains it
LEAD_CHARS = 240
# The columns preview_of reads, in its order (e: entries, f: feeds).
PREVIEW_COLUMNS = """e.id, f.name, e.title, e.link, e.published, e.read, e.starred,
    substr(e.summary, 1, 400), e.categories"""


@dataclass(frozen=True, slots=True)
class EntryRecord:
    """An entry ready to store: plain, sanitised text."""

    uid: str
    title: str
    link: str
    author: str
    summary: str
    content: str
    categories: tuple[str, ...]
    published: datetime | None
    updated: datetime | None


@dataclass(frozen=True, slots=True)
class Preview:
    """One row of the article list."""

    id: int
    feed: str
    title: str
    link: str
    published: datetime
    read: bool
    starred: bool
    lead: str
    categories: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Article:
    """One stored entry with all its text."""

    preview: Preview
    author: str
    summary: str
    content: str
    full_text: str | None

    @property
    def body(self) -> str:
        """The best text available: the full article, else the feed's content, else its summary."""
        return self.full_text or self.content or self.summary


@dataclass(frozen=True, slots=True)
class FeedState:
    """What a refresh needs to remember about a feed between runs."""

    name: str
    url: str
    etag: str | None
    last_modified: str | None
    body_hash: str | None
    retry_after: float | None


@dataclass(frozen=True, slots=True)
class FeedOverview:
    """A feed with its counts and the outcome of its last refresh."""

    name: str
    url: str
    tags: tuple[str, ...]
    title: str
    entries: int
    unread: int
    status: str | None
    http_status: int | None
    error: str | None
    warning: str | None
    checked: datetime | None


@dataclass(frozen=True, slots=True)
class SearchHit:
    """A search result: the preview, its title and a snippet, each with the matched ranges."""

    preview: Preview
    title_marks: tuple[tuple[int, int], ...]
    snippet: str
    snippet_marks: tuple[tuple[int, int], ...]


def preview_of(row: Sequence[object]) -> Preview:
    """The preview of a row that starts with PREVIEW_COLUMNS."""
    summary = str(row[7])
    lead = summary.split("\n", 1)[0][:LEAD_CHARS]
    return Preview(
        id=int(row[0]),  # type: ignore[call-overload]
        feed=str(row[1]),
        title=str(row[2]),
        link=str(row[3]),
        published=moment(row[4]),
        read=bool(row[5]),
        starred=bool(row[6]),
        lead=lead,
        categories=split(row[8]),
    )


def split(value: object) -> tuple[str, ...]:
    """The parts of a SEPARATOR-joined column."""
    return tuple(v for v in str(value or "").split(SEPARATOR) if v)


def moment(value: object) -> datetime:
    """A stored timestamp as an aware UTC datetime."""
    return datetime.fromtimestamp(float(value), UTC)  # type: ignore[arg-type]
