"""Folding letters as users type them: the index's fold is the view's, the full fold keeps its offsets."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.models import FeedSpec
from reader.store import EntryRecord, Store
from reader.store.db import SEARCH_FOLDS, fold_pairs
from reader.store.fold import FoldedText, fold, index_fold
from reader.text import render

LETTERS = "".join(letter for letter, _ in fold_pairs(SEARCH_FOLDS))
# Text that mixes the folded letters with accents, case and the ASCII they fold to.
TEXTS = st.text(alphabet=st.sampled_from(LETTERS + "aeosdlthAEOSDLT éèàÉÇçñ'-\n"), max_size=40)


@pytest.fixture(scope="module")
def view(tmp_path_factory: pytest.TempPathFactory) -> Iterator[sqlite3.Connection]:
    """A store's database, opened bare (no function of ours registered), with one feed."""
    path = tmp_path_factory.mktemp("fold") / "cache.db"
    with Store(path) as store:
        store.sync_feeds([FeedSpec("F", "https://f.it/rss")])
        store.save_entries("F", [EntryRecord("u", "t", "", "", "", "", (), None, None)], now=datetime.now(UTC))
    conn = sqlite3.connect(path, isolation_level=None)
    yield conn
    conn.close()


def view_fold(conn: sqlite3.Connection, text: str) -> str:
    """What the entries_search view makes of a title (set by an UPDATE, which its triggers reindex)."""
    conn.execute("UPDATE entries SET title = ?", (text,))
    return str(conn.execute("SELECT title FROM entries_search").fetchone()[0])


@given(text=TEXTS)
def test_the_index_fold_is_exactly_the_views(view: sqlite3.Connection, text: str) -> None:
    # The store indexes new rows with index_fold and unindexes them with the view's text: they must agree,
    # or a delete would leave words in the index that no row has.
    assert index_fold(text) == view_fold(view, text)


def test_every_letter_of_the_table_folds_in_the_view(view: sqlite3.Connection) -> None:
    for letter, replacement in fold_pairs(SEARCH_FOLDS):
        assert view_fold(view, f"x{letter}y") == f"x{replacement}y"
    view.execute("INSERT INTO entries_fts (entries_fts, rank) VALUES ('integrity-check', 1)")  # still whole


def test_letters_fold_as_users_type_them() -> None:
    assert fold("Bodø/Glimt") == "bodo/glimt"
    assert fold("Straße, Kjær, Œuvre") == "strasse, kjaer, oeuvre"
    assert fold("Łódź, Đoković, Guðmundsson, Þór, Kılıç") == "lodz, djokovic, gudmundsson, thor, kilic"
    assert fold("PERCHÉ İlkay Çalhanoğlu") == "perche ilkay calhanoglu"
    assert index_fold("Bodø è qui") == "Bodo è qui"  # the index keeps case and accents: unicode61 does those


def test_offsets_lead_back_to_the_original_where_one_letter_became_two() -> None:
    folded = FoldedText.of("Straße Bodø")
    assert folded.text == "strasse bodo"
    start = folded.text.index("bodo")
    assert folded.span(start, start + 4) == (7, 11)
    assert folded.span(4, 6) == (4, 5)  # "ss" is the one "ß"
    assert folded.span(5, 6) == (4, 5)  # and half of it still the whole letter


@given(TEXTS, st.data())
def test_find_spans_are_of_the_original_text(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    needle = text[start:data.draw(st.integers(start, len(text)))]
    spans = render.find_spans(text, needle)
    if not needle.strip():
        assert spans == []
        return
    assert spans  # it is in the text: it is found
    for span in spans:  # whole letters of the original, which fold to what was looked for
        assert fold(needle.strip()) in fold(text[span.start:span.end])
