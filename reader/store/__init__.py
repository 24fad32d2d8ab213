"""The SQLite cache: schema and migrations (db), the Store (entries, state, history), search (FTS5), and the
match centre's tables: the fixtures calendar (calendar), what the match detector read in each entry
(readings), the marks put on a match (marks).

May import: the standard library and reader.models. Never Textual nor any other package of reader.
"""

from reader.store.db import SCHEMA_VERSION, StoreError
from reader.store.records import Article, EntryRecord, FeedOverview, FeedState, Preview, SearchHit
from reader.store.store import Filter, Store

__all__ = ["SCHEMA_VERSION", "Article", "EntryRecord", "FeedOverview", "FeedState", "Filter", "Preview",
           "SearchHit", "Store", "StoreError"]
