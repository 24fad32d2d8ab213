"""Search as a user meets it: letters typed as on their keyboard, a snippet that shows the match, a cap."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

import pytest

from reader.models import FeedSpec
from reader.store import EntryRecord, SearchHit, Store
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
