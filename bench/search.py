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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--entries", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    path = Path(f"/tmp/sportreader-bench-search-{args.entries}.db")
    if not path.exists():
        started = time.perf_counter()
        build(path, args.entries)
        print(f"built {args.entries} entries in {time.perf_counter() - started:.1f} s "
              f"({path.stat().st_size / 1e6:.0f} MB)")
    all_times: list[float] = []
    with Store(path) as store:
        print(f"{'query':<22} {'hits':>5} {'median ms':>10} {'p95 ms':>8}")
        for query in QUERIES:
            times = []
            for _ in range(args.runs):
                started = time.perf_counter()
                hits = store.search(query, limit=50)
                times.append((time.perf_counter() - started) * 1000)
            all_times.extend(times)
            times.sort()
            print(f"{query:<22} {len(hits):>5} {statistics.median(times):>10.1f} {times[int(len(times) * .95)]:>8.1f}")
    all_times.sort()
    print(f"{'all queries':<22} {'':>5} {statistics.median(all_times):>10.1f} "
          f"{all_times[int(len(all_times) * .95)]:>8.1f}   (targets: median <= 20, p95 <= 60)")


if __name__ == "__main__":
    main()
