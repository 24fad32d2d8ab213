"""The SQLite cache: schema and migrations (db), one shared connection (connection), the Store (entries,
state, history), search (FTS5), what its errors mean (errors) and whether it must be checked (health).

May import: the standard library and reader.models. Never Textual nor any other package of reader.
"""

from reader.store.db import SCHEMA_VERSION
from reader.store.errors import StoreError
from reader.store.records import Article, EntryRecord, FeedOverview, FeedState, Preview, SearchHit
from reader.store.store import Filter, Store

__all__ = ["SCHEMA_VERSION", "Article", "EntryRecord", "FeedOverview", "FeedState", "Filter", "Preview",
           "SearchHit", "Store", "StoreError"]
