"""Search speed over a large cache: 2-word queries, first page with highlighted snippets.

    python bench/search.py [--entries 50000] [--runs 30]

Builds a store of N entries of ~2 KB of Italian sports text (once, cached in /tmp), then times
`Store.search(query, limit=50)` for rare, common and very common word pairs. Prints median and p95.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from reader.models import FeedSpec
from reader.store import EntryRecord, Store

TEAMS = ["Inter", "Milan", "Juventus", "Napoli", "Roma", "Lazio", "Atalanta", "Fiorentina", "Bologna", "Torino"]
PLAYERS = ["Lautaro", "Thuram", "Leão", "Pulisic", "Vlahović", "Yildiz", "Lukaku", "McTominay", "Dybala", "Zaccagni",
           "Lookman", "Kean", "Orsolini", "Çalhanoğlu", "Barella", "Dimarco", "Bastoni", "Koné", "Guendouzi", "Retegui"]
FILLER = ("la squadra ha giocato una partita intensa con il pressing alto e le ripartenze veloci mentre il pubblico "
          "dello stadio ha sostenuto i giocatori fino al fischio finale perché la classifica resta corta e ogni "
          "punto pesa nella corsa alla Champions League e allo scudetto").split()
QUERIES = ["Lautaro Thuram", "derby Milano", "Çalhanoglu rigore", "squadra partita", "la il", "perche classifica",
           "Vlahovic Yildiz", "Champions scudetto", "pressing ripartenze", "zzz nessuno"]


def build(path: Path, entries: int) -> None:
    rng = random.Random(7)
    now = datetime.now(UTC)
    with Store(path) as store:
        store.sync_feeds([FeedSpec(f"Feed {n}", f"http://127.0.0.1/{n}") for n in range(20)])
        for start in range(0, entries, 1000):
            batch: dict[int, list[EntryRecord]] = {}
            for n in range(start, min(start + 1000, entries)):
                home, away = rng.sample(TEAMS, 2)
                words = rng.choices(FILLER + PLAYERS + TEAMS + ["derby", "rigore", "Milano"], k=300)
                record = EntryRecord(f"e{n}", f"{home}-{away}, {' '.join(rng.choices(PLAYERS, k=2))} decisivi",
                                     "", "", " ".join(words[:60]), " ".join(words[60:]), (),
                                     now - timedelta(minutes=n), None)
                batch.setdefault(n % 20, []).append(record)
            for feed, records in batch.items():
                store.save_entries(f"Feed {feed}", records, now=now)


def store_path(entries: int) -> Path:
    """The benchmark store of `entries` articles, built on first use and kept in /tmp."""
    path = Path(f"/tmp/sportreader-bench-search-{entries}.db")
    if not path.exists():
        started = time.perf_counter()
        partial = path.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        build(partial, entries)
        partial.rename(path)
        print(f"built {entries} entries in {time.perf_counter() - started:.1f} s "
              f"({path.stat().st_size / 1e6:.0f} MB)")
    return path


def time_queries(path: Path, runs: int) -> dict[str, tuple[int, list[float]]]:
    """Each query's hit count and its `runs` timings in ms (first page, limit 50, with highlights)."""
    timings: dict[str, tuple[int, list[float]]] = {}
    with Store(path) as store:
        for query in QUERIES:
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--entries", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    timings = time_queries(store_path(args.entries), args.runs)
    print(f"{'query':<22} {'hits':>5} {'median ms':>10} {'p95 ms':>8}")
    for query, (hits, times) in timings.items():
        times = sorted(times)
        print(f"{query:<22} {hits:>5} {statistics.median(times):>10.1f} {times[int(len(times) * .95)]:>8.1f}")
    median, p95 = summary(timings)
    print(f"{'all queries':<22} {'':>5} {median:>10.1f} {p95:>8.1f}   (targets: median <= 20, p95 <= 60)")


if __name__ == "__main__":
    main()
