"""Search speed over a large cache: 2-word, prefix and phrase queries, first page with marks and snippets.

    python bench/search.py [--articles 50000] [--runs 30]

Builds a store of N articles of ~2 KB of Italian-like sports text (once, kept in /tmp), then times
`Store.search(query, limit=50)` for each query of three groups. Prints each query's median and p95, each
group's over all its runs, and the store's size with the part that is the search index.

The text mixes the words of the queries (sports words, players, teams) with a long tail of invented
words drawn by Zipf's law, as a real vocabulary is: a prefix query then expands to many words, most of
them rare, as it does over real articles.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from itertools import accumulate
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from reader.models import FeedSpec
from reader.store import SCHEMA_VERSION, EntryRecord, Store

TEAMS = ["Inter", "Milan", "Juventus", "Napoli", "Roma", "Lazio", "Atalanta", "Fiorentina", "Bologna", "Torino"]
PLAYERS = ["Lautaro", "Thuram", "Leão", "Pulisic", "Vlahović", "Yildiz", "Lukaku", "McTominay", "Dybala", "Zaccagni",
           "Lookman", "Kean", "Orsolini", "Çalhanoğlu", "Barella", "Dimarco", "Bastoni", "Koné", "Guendouzi", "Retegui"]
FILLER = ("la squadra ha giocato una partita intensa con il pressing alto e le ripartenze veloci mentre il pubblico "
          "dello stadio ha sostenuto i giocatori fino al fischio finale perché la classifica resta corta e ogni "
          "punto pesa nella corsa alla Champions League e allo scudetto").split()
CORE = FILLER + PLAYERS + TEAMS + ["derby", "rigore", "Milano"]
TAIL_WORDS = 60_000  # invented words, drawn by Zipf's law
CORE_PER_ARTICLE, TAIL_PER_ARTICLE = 180, 120
QUERIES = {
    "2 words": ["Lautaro Thuram", "derby Milano", "Çalhanoglu rigore", "squadra partita", "la il",
                "perche classifica", "Vlahovic Yildiz", "Champions scudetto", "pressing ripartenze", "zzz nessuno"],
    "prefix": ["squad*", "Laut*", "Juve*", "ripart*", "cam*", "pre*", "ri*", "sta*", "co*", "zzz*"],
    "phrase": ['"pressing alto"', '"fischio finale"', '"corsa alla Champions"', '"Champions League"',
               '"la squadra"', '"Inter Milan"', '"punto pesa"', '"zzz nessuno"'],
}
TWO_WORDS = QUERIES["2 words"]  # what bench/compare.py reports
ONSETS = ["", "b", "c", "d", "f", "g", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "cr", "pr", "tr", "st",
          "sc", "gi", "ch", "gl", "sp", "qu"]


def tail_vocabulary(rng: random.Random) -> list[str]:
    """TAIL_WORDS distinct invented words of two to four syllables."""
    words: dict[str, None] = {}
    while len(words) < TAIL_WORDS:
        syllables = rng.randint(2, 4)
        words["".join(rng.choice(ONSETS) + rng.choice("aeiou") for _ in range(syllables))] = None
    return list(words)


def build(path: Path, entries: int) -> None:
    """A store of `entries` articles over 20 feeds, newest first a minute apart."""
    rng = random.Random(7)
    tail = tail_vocabulary(rng)
    weights = list(accumulate(1 / (rank + 10) for rank in range(len(tail))))
    now = datetime.now(UTC)
    with Store(path) as store:
        store.sync_feeds([FeedSpec(f"Feed {n}", f"http://127.0.0.1/{n}") for n in range(20)])
        for start in range(0, entries, 1000):
            batch: dict[int, list[EntryRecord]] = {}
            for n in range(start, min(start + 1000, entries)):
                home, away = rng.sample(TEAMS, 2)
                words = (rng.choices(CORE, k=CORE_PER_ARTICLE)
                         + rng.choices(tail, cum_weights=weights, k=TAIL_PER_ARTICLE))
                rng.shuffle(words)
                record = EntryRecord(f"e{n}", f"{home}-{away}, {' '.join(rng.choices(PLAYERS, k=2))} decisivi",
                                     "", "", " ".join(words[:60]), " ".join(words[60:]), (),
                                     now - timedelta(minutes=n), None)
                batch.setdefault(n % 20, []).append(record)
            for feed, records in batch.items():
                store.save_entries(f"Feed {feed}", records, now=now)


def store_path(entries: int) -> Path:
    """The benchmark store of `entries` articles for this schema, built on first use and kept in /tmp."""
    path = Path(f"/tmp/sportreader-bench-search-v2-{entries}-schema{SCHEMA_VERSION}.db")
    if not path.exists():
        started = time.perf_counter()
        partial = path.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        build(partial, entries)
        partial.rename(path)
        print(f"built {entries:,} articles in {time.perf_counter() - started:.1f} s "
              f"({path.stat().st_size / 1e6:.0f} MB)")
    return path


def time_queries(path: Path, runs: int, queries: list[str] = TWO_WORDS) -> dict[str, tuple[int, list[float]]]:
    """Each query's hit count and its `runs` timings in ms (first page, limit 50, with marks and snippets)."""
    timings: dict[str, tuple[int, list[float]]] = {}
    with Store(path) as store:
        for query in queries:
            times = []
            hits = []
            for _ in range(runs):
                started = time.perf_counter()
                hits = store.search(query, limit=50)
                times.append((time.perf_counter() - started) * 1000)
            timings[query] = (len(hits), times)
    return timings


def summary(timings: dict[str, tuple[int, list[float]]]) -> tuple[float, float]:
    """Median and p95 in ms over every query's timings."""
    every = sorted(t for _, times in timings.values() for t in times)
    return statistics.median(every), every[int(len(every) * .95)]


def sizes(path: Path) -> tuple[float, float]:
    """The store's size and its search index's (FTS5's tables), in MB."""
    conn = sqlite3.connect(path)
    try:
        index = conn.execute("SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'entries_fts%'").fetchone()[0]
    finally:
        conn.close()
    return path.stat().st_size / 1e6, index / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", "--entries", dest="articles", type=int, default=50_000,
                        help="articles in the store (default 50,000)")
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    path = store_path(args.articles)
    store_mb, index_mb = sizes(path)
    print(f"{args.articles:,} articles, schema {SCHEMA_VERSION}: store {store_mb:.0f} MB, "
          f"search index {index_mb:.0f} MB")
    print(f"{'query':<24} {'hits':>5} {'median ms':>10} {'p95 ms':>8}")
    groups = {}
    for group, queries in QUERIES.items():
        timings = time_queries(path, args.runs, queries)
        for query, (hits, times) in timings.items():
            times = sorted(times)
            print(f"{query:<24} {hits:>5} {statistics.median(times):>10.1f} {times[int(len(times) * .95)]:>8.1f}")
        groups[group] = summary(timings)
    for group, (median, p95) in groups.items():
        print(f"{'all ' + group:<24} {'':>5} {median:>10.1f} {p95:>8.1f}")
    print("targets: median <= 20 ms and p95 <= 60 ms for 2 words; prefix median <= 100 ms at 200,000 articles")


if __name__ == "__main__":
    main()
