"""The feed flow, feeds.toml → fetch → parse → store: fetch (httpx, conditional GET, caps), tls, parse
(feedparser, with fastparse's checked feedparser-rs path), pool and workers (the parse worker processes),
ingest (the workers' side: parse, sanitise, write), refresh (ties them together), check, opml, and
lookups (name lookups that no exit waits for).

May import: reader.models, reader.settings, reader.text and reader.store. Never Textual, reader.ui,
reader.cli or reader.annotate.
"""

# First: its exit handler must be registered before multiprocessing's (see lookups' docstring).
from reader.feeds import lookups as lookups
