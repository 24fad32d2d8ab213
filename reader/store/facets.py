"""What the cache holds, counted: articles per feed, per tag, and per name (a team, a player) in their text.

For the filter picker, which lists what there is to filter by, most frequent first. Names are counted
with the full-text index: the index's vocabulary (one read) rules out every name with a word no article
has, then each remaining name is counted as a phrase, so thousands of known names cost a few queries.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from reader.store.records import split
from reader.store.store import Store

VOCABULARY = "temp.sportreader_vocabulary"
PHRASES_COUNTED = 300  # names counted exactly, those whose rarest word is commonest first
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Facet:
    """Something to filter by: its kind ('feed', 'tag', or a name's kind), its name, and how many articles."""

    kind: str
    name: str
    articles: int


def feeds_and_tags(store: Store) -> list[Facet]:
    """Every feed and every tag with its number of cached articles, most first (ties by name)."""
    rows = store._read("""SELECT f.name, f.tags, (SELECT count(*) FROM entries e WHERE e.feed_id = f.id)
                          FROM feeds f""")
    tags: dict[str, int] = {}
    facets = []
    for name, joined, articles in rows:
        facets.append(Facet("feed", str(name), int(articles)))
        for tag in split(joined):
            tags[tag] = tags.get(tag, 0) + int(articles)
    facets += [Facet("tag", tag, count) for tag, count in tags.items()]
    return _ranked(f for f in facets if f.articles)


def names_in_articles(store: Store, names: Iterable[tuple[str, str]]) -> list[Facet]:
    """Of these (name, kind), the ones some cached article contains, with how many articles, most first."""
    vocabulary = _vocabulary(store)
    candidates: list[tuple[int, str, str, str]] = []
    for name, kind in names:
        words = index_words(name)
        if words and all(w in vocabulary for w in words):
            candidates.append((min(vocabulary[w] for w in words), name, kind, " ".join(words)))
    candidates.sort(key=lambda c: -c[0])
    found = []
    for _rarest, name, kind, phrase in candidates[:PHRASES_COUNTED]:
        count = store._read("SELECT count(*) FROM entries_fts WHERE entries_fts MATCH ?", (f'"{phrase}"',))
        if count and int(count[0][0]):
            found.append(Facet(kind, name, int(count[0][0])))
    return _ranked(found)


def index_words(text: str) -> list[str]:
    """The words the full-text index keeps of a text: lower case, accents dropped ('Højlund' keeps its ø)."""
    plain = "".join(ch for ch in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(ch))
    return _WORD.findall(plain)


def _vocabulary(store: Store) -> dict[str, int]:
    """Each word of the index and the number of articles that have it (a temporary view of the index)."""
    store._read(f"CREATE VIRTUAL TABLE IF NOT EXISTS {VOCABULARY} USING fts5vocab(main, entries_fts, row)")
    return {str(term): int(docs) for term, docs in store._read(f"SELECT term, doc FROM {VOCABULARY}")}


def _ranked(facets: Iterable[Facet]) -> list[Facet]:
    return sorted(facets, key=lambda f: (-f.articles, f.name.casefold()))
