"""Search as a user meets it: letters typed as on their keyboard, a snippet that shows the match, a cap."""

from __future__ import annotations

import sqlite3
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from reader.models import FeedSpec
from reader.store import SCHEMA_VERSION, EntryRecord, SearchHit, Store, StoreError
from reader.store.db import MIGRATIONS
from reader.store.query import MAX_CHARS, MAX_WORDS, QueryTooLong, parse

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
FILLER = "La squadra ha giocato con ordine e con il pressing alto per tutto il primo tempo. " * 15


def record(uid: str, title: str, summary: str = "", content: str = "", hours_ago: float = 1) -> EntryRecord:
    return EntryRecord(uid, title, f"https://g.it/{uid}", "", summary, content, (),
                       NOW - timedelta(hours=hours_ago), None)


@pytest.fixture
def feed(store: Store) -> Store:
    store.sync_feeds([FeedSpec("Gazzetta", "https://g.it/rss")])
    return store


def marked(text: str, marks: tuple[tuple[int, int], ...]) -> list[str]:
    return [text[start:end] for start, end in marks]


def titles(hits: list[SearchHit]) -> list[str]:
    return [h.preview.title for h in hits]


# Letters as users type them

def test_letters_that_do_not_decompose_are_found_as_users_type_them(feed: Store) -> None:
    feed.save_entries("Gazzetta", [record("a", "Il Bodø/Glimt ferma la Juventus"),
                                   record("b", "Kjær e Ødegaard, la Danimarca", summary="Groß: Łódź in Đoković")],
                      now=NOW)
    assert titles(feed.search("bodo")) == ["Il Bodø/Glimt ferma la Juventus"]
    assert titles(feed.search("BODØ glimt")) == ["Il Bodø/Glimt ferma la Juventus"]
    assert titles(feed.search('"bodo glimt"')) == ["Il Bodø/Glimt ferma la Juventus"]
    for typed in ("kjaer", "odegaard", "gross", "lodz", "djokovic", "odeg*"):
        assert titles(feed.search(typed)) == ["Kjær e Ødegaard, la Danimarca"], typed
    hit = feed.search("bodo")[0]
    assert marked(hit.preview.title, hit.title_marks) == ["Bodø"]  # the mark is on the letters as written


def test_the_full_text_and_edited_entries_are_folded_too(feed: Store) -> None:
    feed.save_entries("Gazzetta", [record("a", "Champions, la serata")], now=NOW)
    entry = feed.previews()[0].id
    feed.set_full_text(entry, "Il gol di Sørloth al novantesimo.")
    assert titles(feed.search("sorloth")) == ["Champions, la serata"]
    feed.save_entries("Gazzetta", [record("a", "Champions, la serata del Bodø")], now=NOW)  # edited
    assert titles(feed.search("bodo")) == ["Champions, la serata del Bodø"]
    assert feed.search("sorloth")  # the full text stays indexed through the edit
    feed.prune(1, NOW + timedelta(days=5))
    assert feed.search("bodo") == [] and feed.search("sorloth") == []


def test_a_user_who_types_the_letter_finds_the_plain_spelling(feed: Store) -> None:
    feed.save_entries("Gazzetta", [record("a", "Bodo, la neve e il sintetico", summary="Djokovic in tribuna")],
                      now=NOW)
    assert len(feed.search("Bodø")) == 1 and len(feed.search("Đoković")) == 1


# The snippet shows why an article matched

def test_a_match_deep_in_the_full_text_is_in_the_snippet_near_its_start(feed: Store) -> None:
    feed.save_entries("Gazzetta", [record("a", "Inter, la vigilia", summary="Le ultime da Appiano.")], now=NOW)
    feed.set_full_text(feed.previews()[0].id, FILLER + "Poi il rigore di Çalhanoğlu al 78'. " + FILLER)
    hit = feed.search("calhanoglu")[0]
    assert marked(hit.snippet, hit.snippet_marks) == ["Çalhanoğlu"]
    assert hit.snippet_marks[0][0] <= 40  # on screen in a narrow list, not cut away at its end
    assert hit.snippet.startswith("…") and hit.snippet.endswith("…") and "\n" not in hit.snippet


def test_a_match_in_the_title_alone_shows_the_summary_not_the_title_again(feed: Store) -> None:
    feed.save_entries("Gazzetta", [
        record("a", "Lautaro, che gol", summary="Una serata da ricordare a San Siro."),
        record("b", "Lautaro titolare", summary="Lautaro titolare. Chivu ha deciso così."),
        record("c", "Lautaro in panchina", summary="Lautaro in panchina")], now=NOW)
    snippets = {h.preview.title: h.snippet for h in feed.search("lautaro")}
    assert snippets["Lautaro, che gol"] == "Una serata da ricordare a San Siro."
    assert snippets["Lautaro titolare"] == "Chivu ha deciso così."  # the copy of the title it began with cut
    assert snippets["Lautaro in panchina"] == ""  # nothing but the title: no repeat of it


def test_the_snippet_comes_from_the_text_with_most_of_the_words(feed: Store) -> None:
    feed.save_entries("Gazzetta", [record("a", "Serie A", summary="Derby in arrivo.",
                                          content="Il derby di Milano: Lautaro contro Leão.")], now=NOW)
    hit = feed.search("derby leao")[0]
    assert hit.snippet == "Il derby di Milano: Lautaro contro Leão."
    assert marked(hit.snippet, hit.snippet_marks) == ["derby", "Leão"]


def test_snippet_marks_stay_on_their_words_when_spaces_are_folded(feed: Store) -> None:
    feed.save_entries("Gazzetta", [record("a", "Serie A", summary="Vigilia  del\n\nderby:\t Thuram   recupera.")],
                      now=NOW)
    hit = feed.search("thuram derby")[0]
    assert hit.snippet == "Vigilia del derby: Thuram recupera."
    assert marked(hit.snippet, hit.snippet_marks) == ["derby", "Thuram"]


# The query's cost

def test_a_query_past_the_caps_is_refused_with_what_the_caps_are(feed: Store) -> None:
    with pytest.raises(QueryTooLong) as caught:
        feed.search(" ".join(["parola"] * (MAX_WORDS + 1)))
    assert (caught.value.words, caught.value.max_words) == (MAX_WORDS + 1, MAX_WORDS)
    with pytest.raises(QueryTooLong):
        feed.search("x" * (MAX_CHARS + 1))
    feed.search(" ".join(f"w{n}" for n in range(MAX_WORDS)))  # up to the cap it searches


def test_the_same_word_twice_is_one_term() -> None:
    assert parse("Lautaro lautaro LAUTARO Lautaro* lautaro*").match() == '"lautaro" "lautaro"*'


def test_a_query_of_thousands_of_words_costs_no_more_than_reading_it(feed: Store) -> None:
    words = "la squadra ha giocato con ordine e pressing alto".split()
    feed.save_entries("Gazzetta", [record(f"e{n}", f"Partita {n}", summary=FILLER) for n in range(50)], now=NOW)
    text = " ".join(words[n % len(words)] for n in range(5000))  # 5,000 words took over a minute
    started = time.perf_counter()
    with pytest.raises(QueryTooLong):
        feed.search(text)
    assert time.perf_counter() - started < 0.5
    started = time.perf_counter()
    assert len(feed.search(" ".join(words * 3))) == 50  # 27 words, 9 distinct: one term each
    assert time.perf_counter() - started < 0.5


# The cache of an older version

def schema_4_cache(path: Path) -> None:
    """A cache as sportreader left it at schema 4: two entries, marks on one, a full text on the other."""
    conn = sqlite3.connect(path)
    for script in MIGRATIONS[:4]:
        conn.executescript(script)
    conn.execute("INSERT INTO feeds (id, name, url) VALUES (1, 'Gazzetta', 'https://g.it/rss')")
    rows = [(1, "a", "Bodø/Glimt-Inter, le pagelle", "Sommario", None, 1, 1),
            (2, "b", "Juventus, la vigilia", "Tudor in conferenza", "Il ritorno di Ødegaard? No.", 0, 0)]
    for entry_id, uid, title, summary, full_text, read, starred in rows:
        conn.execute("""INSERT INTO entries (id, feed_id, uid, title, summary, full_text, published, first_seen,
                          content_hash, read, starred) VALUES (?, 1, ?, ?, ?, ?, ?, ?, 'h', ?, ?)""",
                     (entry_id, uid, title, summary, full_text, NOW.timestamp(), NOW.timestamp(), read, starred))
        conn.execute("INSERT INTO entries_fts (rowid, title, summary, content, full_text) VALUES (?, ?, ?, '', ?)",
                     (entry_id, title, summary, full_text))
    conn.execute("PRAGMA application_id = 1397772884")
    conn.execute("PRAGMA user_version = 4")
    conn.commit()
    conn.close()


def test_a_schema_4_cache_keeps_every_entry_and_mark_and_is_indexed_folded(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    schema_4_cache(path)
    with Store(path) as store:
        assert [(p.title, p.read, p.starred) for p in store.previews()] == [
            ("Juventus, la vigilia", False, False), ("Bodø/Glimt-Inter, le pagelle", True, True)]
        assert titles(store.search("bodo")) == ["Bodø/Glimt-Inter, le pagelle"]
        assert titles(store.search("odegaard")) == ["Juventus, la vigilia"]  # the full text, reindexed
        assert titles(store.search("pa*")) == ["Bodø/Glimt-Inter, le pagelle"]  # through the prefix index
        assert store.prune(1, NOW + timedelta(days=5)) == 1  # the starred one stays
    conn = sqlite3.connect(path)  # no function of ours: any SQLite reads and checks the index
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    conn.execute("INSERT INTO entries_fts (entries_fts, rank) VALUES ('integrity-check', 1)")
    found = conn.execute("SELECT rowid FROM entries_fts WHERE entries_fts MATCH 'bodo OR odegaard'").fetchall()
    assert found == [(1,)]  # the pruned entry left the index through the view's folded text


def test_a_migration_that_fails_leaves_the_schema_4_cache_with_its_index_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    schema_4_cache(path)
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE entries_search (x)")  # in the way of the view: the migration fails there
    conn.commit()
    conn.close()
    with pytest.raises(StoreError):
        Store(path)
    conn = sqlite3.connect(path)
    # The steps before the folded index's are done; its own is undone whole.
    folding_step = next(n for n, script in enumerate(MIGRATIONS) if "entries_search" in script)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == folding_step
    assert conn.execute("SELECT count(*) FROM entries_fts WHERE entries_fts MATCH 'vigilia'").fetchone()[0] == 1
    conn.execute("INSERT INTO entries_fts (entries_fts, rank) VALUES ('integrity-check', 1)")
    conn.close()


def test_the_command_line_prints_a_snippet_line_only_where_there_is_one(feed: Store) -> None:
    from rich.console import Console

    from reader.cli.console import search_results

    feed.save_entries("Gazzetta", [record("a", "Lautaro in panchina", hours_ago=2),
                                   record("b", "Lautaro titolare", summary="Chivu ha deciso.")], now=NOW)
    console = Console(width=100, record=True)
    console.print(search_results(feed.search("lautaro"), now=NOW))
    lines = console.export_text().splitlines()
    assert len(lines) == 3 and lines[1].strip() == "Chivu ha deciso."
