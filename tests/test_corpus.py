"""feedparser's own test corpus (../shared) through parse and store: no file may crash a refresh."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from reader.feeds.ingest import entry_record
from reader.feeds.parse import parse_feed
from reader.models import FeedParseError, FeedSpec
from reader.store import Store
from tests.conftest import shared_path

NOW = datetime(2026, 11, 25, tzinfo=UTC)


def test_every_corpus_feed_is_stored_or_is_a_clean_error(tmp_path: Path) -> None:
    corpus = shared_path("corpora", "feedparser-tests")
    files = sorted(p for p in corpus.rglob("*") if p.is_file() and p.suffix in (".xml", ".json", ".rdf"))
    assert len(files) > 2000
    stored = errors = 0
    with Store(tmp_path / "corpus.db") as store:
        store.sync_feeds([FeedSpec(str(p.relative_to(corpus)), "http://localhost/") for p in files])
        for path in files:
            try:
                feed = parse_feed(path.read_bytes(), now=NOW)
            except FeedParseError as exc:
                assert str(exc)  # every error says why
                errors += 1
                continue
            records = [entry_record(e) for e in feed.entries]
            store.save_entries(str(path.relative_to(corpus)), records, now=NOW)
            stored += 1
        entries = store.count()
        # Everything stored can be listed and searched back.
        assert len(store.previews(limit=entries)) == entries
        store.search("title")
    assert stored > 1500 and entries > 1000
    assert errors < len(files) / 5
