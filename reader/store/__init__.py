"""The SQLite cache: schema and migrations (db), one shared connection (connection), the Store (entries,
state, history), what its errors mean (errors) and whether it must be checked (health); search: query (the
user's words, capped), fold (letters as users type them), search (FTS5 ranking), snippet (the match shown);
and the match centre's tables: the fixtures calendar (calendar), what the match detector read in each entry
(readings), the marks put on a match (marks).

May import: the standard library and reader.models. Never Textual nor any other package of reader.
"""

from reader.store.db import SCHEMA_VERSION
from reader.store.errors import StoreError
from reader.store.query import QueryTooLong
from reader.store.records import Article, EntryRecord, FeedOverview, FeedState, Preview, SearchHit
from reader.store.store import Filter, Store

__all__ = ["SCHEMA_VERSION", "Article", "EntryRecord", "FeedOverview", "FeedState", "Filter", "Preview",
           "QueryTooLong", "SearchHit", "Store", "StoreError"]
