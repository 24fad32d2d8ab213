"""The store: dedupe, state kept across re-fetches, search, retention, history, migrations, refusals."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from reader.models import FeedResult, FeedSpec, FeedStatus, RefreshReport
from reader.store import SCHEMA_VERSION, EntryRecord, Filter, Store, StoreError
from reader.store.db import MIGRATIONS
from reader.store.query import parse

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
FEEDS = [FeedSpec("Gazzetta", "https://g.it/rss", ("calcio", "serie-a")), FeedSpec("Tuttosport", "https://t.it/rss")]


def record(uid: str, title: str = "Titolo", *, summary: str = "Sommario", hours_ago: float = 1,
           **extra: object) -> EntryRecord:
    fields: dict[str, object] = dict(uid=uid, title=title, link=f"https://g.it/{uid}", author="", summary=summary,
                                     content="", categories=(), published=NOW - timedelta(hours=hours_ago),
                                     updated=None)
    fields.update(extra)
    return EntryRecord(**fields)  # type: ignore[arg-type]


@pytest.fixture
def filled(store: Store) -> Store:
    store.sync_feeds(FEEDS)
    store.save_entries("Gazzetta", [record("a", "Inter, perché Lautaro segna sempre", hours_ago=3),
                                    record("b", "Milan-Lazio, probabili formazioni", hours_ago=1)], now=NOW)
    store.save_entries("Tuttosport", [record("c", "Juventus, la città aspetta", hours_ago=2)], now=NOW)
    return store


def test_new_entries_are_counted_and_listed_newest_first(filled: Store) -> None:
    assert [p.title for p in filled.previews()] == [
        "Milan-Lazio, probabili formazioni", "Juventus, la città aspetta", "Inter, perché Lautaro segna sempre"]
    assert filled.count() == 3


def test_a_refetched_entry_is_not_duplicated_and_keeps_its_state(filled: Store) -> None:
    first = filled.previews(Filter(feed="Gazzetta"))[0]
    filled.set_read([first.id])
    filled.set_starred([first.id])
    saved = filled.save_entries("Gazzetta", [record("b", "Milan-Lazio, le formazioni ufficiali")], now=NOW)
    assert (saved.new, saved.updated) == (0, 1)
    again = filled.previews(Filter(feed="Gazzetta"))[0]
    assert again.id == first.id and again.read and again.starred
    assert again.title == "Milan-Lazio, le formazioni ufficiali"
    assert filled.count() == 3


def test_an_unchanged_entry_is_not_counted_as_updated(filled: Store) -> None:
    assert filled.save_entries("Gazzetta", [record("b", "Milan-Lazio, probabili formazioni", hours_ago=1)],
                               now=NOW) == (0, 0, 0)


def test_the_same_id_twice_in_one_feed_is_stored_once(store: Store) -> None:
    store.sync_feeds(FEEDS)
    assert store.save_entries("Gazzetta", [record("x"), record("x", "Altro")] * 500, now=NOW) == (1, 0, 0)


def test_the_same_id_in_two_feeds_is_two_entries(filled: Store) -> None:
    assert filled.save_entries("Tuttosport", [record("a")], now=NOW) == (1, 0, 0)


def test_filters_by_feed_tag_unread_and_starred(filled: Store) -> None:
    assert filled.count(Filter(tag="serie-a")) == 2
    assert filled.count(Filter(tag="serie")) == 0
    target = filled.previews(Filter(feed="Tuttosport"))[0]
    filled.set_read([target.id])
    assert filled.count(Filter(unread_only=True)) == 2
    filled.set_starred([target.id])
    assert [p.id for p in filled.previews(Filter(starred_only=True))] == [target.id]
    filled.set_read([target.id], False)
    assert filled.count(Filter(unread_only=True)) == 3


def test_an_article_has_its_whole_text(filled: Store) -> None:
    preview = filled.previews()[0]
    article = filled.article(preview.id)
    assert article is not None and article.summary == "Sommario" and article.body == "Sommario"
    filled.set_full_text(preview.id, "Il testo completo")
    assert filled.article(preview.id).body == "Il testo completo"  # type: ignore[union-attr]
    assert filled.article(99999) is None


def test_search_ignores_accents_both_ways(filled: Store) -> None:
    assert [h.preview.title for h in filled.search("perche")] == ["Inter, perché Lautaro segna sempre"]
    assert [h.preview.title for h in filled.search("citta")] == ["Juventus, la città aspetta"]
    assert [h.preview.title for h in filled.search("città")] == ["Juventus, la città aspetta"]


def test_search_supports_prefixes_and_phrases(filled: Store) -> None:
    assert len(filled.search("Laut*")) == 1
    assert len(filled.search('"probabili formazioni"')) == 1
    assert filled.search('"formazioni probabili"') == []


def test_search_marks_the_matched_words(filled: Store) -> None:
    hit = filled.search("lautaro")[0]
    start, end = hit.title_marks[0]
    assert hit.preview.title[start:end] == "Lautaro"


def test_search_finds_the_full_text_once_it_is_cached(filled: Store) -> None:
    target = filled.previews()[0]
    assert filled.search("Calhanoglu") == []
    filled.set_full_text(target.id, "Poi il rigore di Çalhanoğlu al 78'.")
    hits = filled.search("calhanoglu")
    assert [h.preview.id for h in hits] == [target.id]
    assert "Çalhanoğlu" in hits[0].snippet


def test_search_prefers_recent_entries_among_equals(store: Store) -> None:
    store.sync_feeds(FEEDS)
    store.save_entries("Gazzetta", [record("old", "Derby oggi", hours_ago=24 * 40),
                                    record("new", "Derby oggi", hours_ago=2)], now=NOW)
    assert [h.preview.link for h in store.search("derby", now=NOW)] == ["https://g.it/new", "https://g.it/old"]


@pytest.mark.parametrize("query", ['"', "AND OR NOT", "a:b", "(", "*", "NEAR(a b)", "-x", "^"])
def test_search_never_fails_on_fts_syntax(filled: Store, query: str) -> None:
    filled.search(query)


def test_a_query_quotes_every_word() -> None:
    assert parse('inter "probabili formazioni" laut*').match() == '"inter" "probabili formazioni" "laut"*'
    assert parse("l'Inter").match() == '"l" "inter"'
    assert parse("  ").match() == ""


def fts_consistent(store: Store) -> bool:
    """FTS5's own check that the index holds exactly the entries table's text."""
    conn = sqlite3.connect(store.path)
    try:
        conn.execute("INSERT INTO entries_fts (entries_fts, rank) VALUES ('integrity-check', 1)")
        return True
    except sqlite3.DatabaseError:
        return False
    finally:
        conn.close()


def test_the_search_index_follows_every_insert_update_and_prune(store: Store) -> None:
    store.sync_feeds(FEEDS)
    store.save_entries("Gazzetta", [record("a", "Bastoni al centro"), record("old", "Vecchio", hours_ago=24 * 90)],
                       now=NOW)
    store.save_entries("Gazzetta", [record("a", "Bastoni a sinistra"), record("b", "Dimarco titolare")], now=NOW)
    store.prune(60, NOW)
    assert fts_consistent(store)
    assert [h.preview.title for h in store.search("sinistra")] == ["Bastoni a sinistra"]
    assert store.search("centro") == [] and store.search("vecchio") == []
    assert [h.preview.title for h in store.search("dimarco")] == ["Dimarco titolare"]


def test_a_stale_search_index_is_caught_by_the_check(store: Store) -> None:
    store.sync_feeds(FEEDS)
    store.save_entries("Gazzetta", [record("a", "Bastoni al centro")], now=NOW)
    conn = sqlite3.connect(store.path)
    conn.execute("UPDATE entries SET title = 'altro' WHERE uid = 'a'")  # the triggers keep the index right...
    conn.execute("DROP TRIGGER entries_fts_reindex")
    conn.execute("UPDATE entries SET title = 'diverso' WHERE uid = 'a'")  # ...and without one it drifts
    conn.commit()
    conn.close()
    assert not fts_consistent(store)


def test_new_feeds_are_told_apart_from_stored_and_failing_ones(store: Store) -> None:
    store.sync_feeds(FEEDS)
    assert store.any_new_feed(["Gazzetta", "Tuttosport"])
    store.save_feed_state("Gazzetta", etag=None, last_modified=None, body_hash="h", retry_after=None)
    assert store.any_new_feed(["Gazzetta", "Tuttosport"]) and store.any_new_feed(["Nuovo"])
    assert not store.any_new_feed(["Gazzetta"]) and not store.any_new_feed([])

    def refreshed(status: FeedStatus) -> RefreshReport:
        return RefreshReport(started=NOW, finished=NOW, results=(FeedResult("Tuttosport", status),))

    store.record_refresh(refreshed(FeedStatus.ERROR))  # never stored, failing: not worth starting workers for
    assert not store.any_new_feed(["Gazzetta", "Tuttosport"])
    store.record_refresh(refreshed(FeedStatus.NOT_MODIFIED))  # its last try did not fail: it may parse
    assert store.any_new_feed(["Tuttosport"])


def test_writes_inside_a_transaction_are_stored_together_or_not_at_all(store: Store) -> None:
    store.sync_feeds(FEEDS)
    with pytest.raises(RuntimeError), store.transaction():
        store.save_entries("Gazzetta", [record("a")], now=NOW)
        store.save_feed_state("Gazzetta", etag='"e1"', last_modified=None, body_hash="h", retry_after=None)
        raise RuntimeError("the worker died here")
    assert store.previews() == [] and store.feed_state("Gazzetta").etag is None  # type: ignore[union-attr]
    with store.transaction():
        store.save_entries("Gazzetta", [record("a")], now=NOW)
        store.save_feed_state("Gazzetta", etag='"e1"', last_modified=None, body_hash="h", retry_after=None)
    assert len(store.previews()) == 1 and store.feed_state("Gazzetta").etag == '"e1"'  # type: ignore[union-attr]


def test_retention_prunes_old_unstarred_entries(store: Store) -> None:
    store.sync_feeds(FEEDS)
    store.save_entries("Gazzetta", [record("old", hours_ago=24 * 90), record("kept", hours_ago=24 * 90),
                                    record("new")], now=NOW)
    store.set_starred([p.id for p in store.previews() if p.link.endswith("kept")])
    assert store.prune(60, NOW) == 1
    assert sorted(p.link[-4:] for p in store.previews()) == ["/new", "kept"]


def test_an_entry_older_than_retention_is_not_stored_again(store: Store) -> None:
    store.sync_feeds(FEEDS)
    assert store.save_entries("Gazzetta", [record("old", hours_ago=24 * 90)], now=NOW, retention_days=60) == (0, 0, 1)


def test_feed_state_survives_and_a_new_url_forgets_validators(store: Store) -> None:
    store.sync_feeds(FEEDS)
    store.save_feed_state("Gazzetta", etag='"1"', last_modified="x", body_hash="h", retry_after=None)
    store.sync_feeds(FEEDS)
    assert store.feed_state("Gazzetta").etag == '"1"'  # type: ignore[union-attr]
    store.sync_feeds([FeedSpec("Gazzetta", "https://g.it/nuovo")])
    state = store.feed_state("Gazzetta")
    assert state is not None and state.etag is None and state.body_hash is None
    assert store.feed_state("Nessuno") is None


def test_refresh_history_gives_each_feeds_last_status(filled: Store) -> None:
    filled.record_refresh(RefreshReport(NOW, NOW, (FeedResult("Gazzetta", FeedStatus.OK, 200, new=2),
                                                   FeedResult("Tuttosport", FeedStatus.ERROR, 500, "HTTP 500"))))
    later = NOW + timedelta(minutes=5)
    filled.record_refresh(RefreshReport(later, later, (FeedResult("Tuttosport", FeedStatus.NOT_MODIFIED, 304),)))
    overview = {f.name: f for f in filled.feeds_overview()}
    assert overview["Gazzetta"].status == "ok" and overview["Gazzetta"].entries == 2
    assert overview["Tuttosport"].status == "not modified" and overview["Tuttosport"].checked == later
    assert overview["Gazzetta"].tags == ("calcio", "serie-a")
    assert filled.last_refresh() == later


def test_a_database_of_an_older_schema_is_migrated(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.executescript(MIGRATIONS[0])
    conn.execute("INSERT INTO feeds (name, url) VALUES ('Gazzetta', 'https://g.it/rss')")
    conn.execute("""INSERT INTO entries (feed_id, uid, title, summary, published, first_seen, content_hash, read)
                    VALUES (1, 'a', 'Vecchio articolo su Lautaro', '', 0, 0, 'h', 1)""")
    conn.execute("PRAGMA application_id = 1397772884")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    with Store(path) as store:
        assert [h.preview.title for h in store.search("lautaro")] == ["Vecchio articolo su Lautaro"]
        assert store.previews()[0].read
        assert store.feeds_overview()[0].status is None
        store.save_entries("Gazzetta", [record("b", "Nuovo articolo su Lautaro")], now=NOW)  # indexed once
        assert len(store.search("lautaro")) == 2
        assert fts_consistent(store)
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_a_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StoreError, match="newer than this sportreader knows"):
        Store(path)


def test_a_foreign_database_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="another program"):
        Store(path)
    assert path.read_bytes() == before


def test_a_corrupt_file_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "corrupt.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="left untouched"):
        Store(path)
    assert path.read_bytes() == b"this is not sqlite" * 100


def test_with_more_matches_than_the_rank_window_the_newest_are_ranked(store: Store,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    import reader.store.search as search_module

    monkeypatch.setattr(search_module, "RANK_WINDOW", 5)
    store.sync_feeds(FEEDS)
    store.save_entries("Gazzetta", [record(f"n{n}", f"Derby numero {n}", hours_ago=20 - n) for n in range(20)],
                       now=NOW)
    hits = store.search("derby", limit=50, now=NOW)
    assert sorted(h.preview.title for h in hits) == sorted(f"Derby numero {n}" for n in range(15, 20))
    assert hits[0].preview.title == "Derby numero 19"  # equal scores: the newest first
