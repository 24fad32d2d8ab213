"""Full-text search: rank one page of matches in FTS5, then mark their titles and cut their snippets.

FTS5 runs the query once per search: bm25 over the newest RANK_WINDOW matches in the same pass that finds
them. The marks and snippets are made in Python from the original text (query.marks), never by FTS5's
highlight() and snippet(): those read the folded text the index holds, and asked for a page of rows by id
FTS5 evaluates the whole query again for each row (50 times a prefix's merge: 420 ms of a 450 ms search).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence

from reader.store import query as search_query
from reader.store.records import PREVIEW_COLUMNS, SearchHit, preview_of
from reader.store.snippet import best_snippet

RANK_WINDOW = 2000  # search ranks the newest this many matches
# bm25 weights of title, summary, content and full text; then how much a day of age costs.
WEIGHTS = "8.0, 3.0, 1.0, 1.0"
AGE_PER_DAY = 0.02

Reader = Callable[[str, Sequence[object]], list[sqlite3.Row]]


def search(read: Reader, text: str, *, limit: int, offset: int, now: float) -> list[SearchHit]:
    """The entries matching `text`, best first, with their marks and snippets (raises QueryTooLong)."""
    query = search_query.parse(text)
    if not query.terms:
        return []
    ids = ranked_ids(read, query.match(), limit=limit, offset=offset, now=now)
    if not ids:
        return []
    rows = read(f"SELECT {PREVIEW_COLUMNS}, e.summary, e.content, e.full_text FROM entries e "
                f"JOIN feeds f ON f.id = e.feed_id WHERE e.id IN ({','.join('?' * len(ids))})", ids)
    by_id = {int(row[0]): row for row in rows}
    return [_hit(query, by_id[i]) for i in ids if i in by_id]


def ranked_ids(read: Reader, match: str, *, limit: int, offset: int, now: float) -> list[int]:
    """The ids of one page of results, ranked among the newest RANK_WINDOW matches.

    bm25 reads every match's statistics; for a common word over a large cache that alone costs
    100 ms, so only the most recently stored matches (the ones a news reader wants) are ranked.
    """
    rows = read(
        f"""SELECT id FROM (
                SELECT e.id AS id, e.published AS published, bm25(entries_fts, {WEIGHTS}) AS score
                FROM entries_fts JOIN entries e ON e.id = entries_fts.rowid
                WHERE entries_fts MATCH ? ORDER BY entries_fts.rowid DESC LIMIT ?)
            ORDER BY score + (? - published) / 86400.0 * {AGE_PER_DAY}, id DESC LIMIT ? OFFSET ?""",
        (match, RANK_WINDOW, now, limit, offset),
    )
    return [int(row[0]) for row in rows]


def _hit(query: search_query.Query, row: Sequence[object]) -> SearchHit:
    preview = preview_of(row)
    bodies = [str(text or "") for text in row[-3:]]  # summary, content, full text
    snippet, snippet_marks = best_snippet(query, preview.title, bodies)
    return SearchHit(preview, query.marks(preview.title), snippet, snippet_marks)
