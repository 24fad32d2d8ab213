"""The match centre's speed: 20,000 cached articles joined to the shipped calendar.

    python bench/matches.py [--articles 20000] [--runs 5]

Builds a store with the shipped calendar (1,329 fixtures, Serie A 2025/26 among them) and N articles written
from templates about its 2025/26 Serie A fixtures, published around each kick-off as the press would publish
them (previews and press conferences before, reports, ratings and interviews after), plus transfer news,
round-ups and training reports about no match, spread over 20 feeds. Then times, medians of --runs:

- first reading: every entry read by the match detector and stored (once per entry, and again only when an
  entry changes or the detector does);
- join: every read entry joined to the calendar, stories merged, timelines built (`centre.matches`): the
  figure the target (<= 1 s) is for, as the fastest of the runs (the least disturbed on a shared
  machine), with the median and the CPU time;
- a week: the matches of seven days (`matches --from --to`), and one match (`match ID`);
- incremental: 100 new articles stored, read and joined again.

It also scores the join on these templated articles (each one's fixture is known): a check that the rules
hold when every team plays every few days, not a measure of quality on real text (bench/matches_eval.py).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from reader.matches import centre  # noqa: E402
from reader.matches.calendar import ensure_shipped  # noqa: E402
from reader.models import FeedSpec  # noqa: E402
from reader.store import EntryRecord, Store  # noqa: E402
from reader.store import calendar as stored  # noqa: E402
from reader.store.calendar import Fixture  # noqa: E402

TARGET_SECONDS = 1.0
FEEDS = 20
HOUR = timedelta(hours=1)
# (hours from the kick-off, title, summary); {h} home, {a} away, {s} the score, {t} one team.
BEFORE = (
    (-30, "{h}-{a}, le probabili formazioni: i dubbi della vigilia",
     "Le ultime dai due ritiri prima della sfida tra {h} e {a}: chi recupera, chi parte dalla panchina."),
    (-50, "Verso {h}-{a}: le ultime dai campi e gli indisponibili",
     "Allenamento a porte chiuse per entrambe: il punto sugli infortunati in vista di {h}-{a}."),
    (-8, "{h}-{a}, dove vederla in tv e in streaming",
     "Orario, canale e probabili formazioni della partita tra {h} e {a}."),
    (-26, "Conferenza stampa alla vigilia di {h}-{a}: «Servirà la partita perfetta»",
     "L'allenatore presenta la sfida: «Rispetto per l'avversario, ma giochiamo per vincere»."),
)
AFTER = (
    (2.2, "{h}-{a} {s}: la cronaca e il tabellino",
     "Il racconto della partita tra {h} e {a}, finita {s}: i gol, le occasioni, i cambi."),
    (2.6, "{h}-{a} {s}, le pagelle: i voti della partita",
     "Migliori e peggiori in campo nella sfida tra {h} e {a}."),
    (3.0, "Dopo {h}-{a}: le parole dei due allenatori",
     "Soddisfazione e rimpianti a fine gara: cosa hanno detto i tecnici di {h} e {a}."),
    (20, "La moviola di {h}-{a}: gli episodi da rivedere",
     "I casi da moviola della partita tra {h} e {a}: i rigori chiesti e il lavoro del VAR."),
)
NOISE = (
    ("Calciomercato {t}, si lavora per gennaio: tre nomi per la difesa",
     "La dirigenza valuta le alternative per rinforzare il reparto arretrato a metà stagione."),
    ("Classifica Serie A: il {t} in risalita dopo l'ultima giornata",
     "Il punto sulla graduatoria dopo il weekend di campionato."),
    ("{t}, la seduta di allenamento: le condizioni degli acciaccati",
     "Lavoro differenziato per tre giocatori, gli altri in gruppo sul campo principale."),
)


def season_fixtures(store: Store) -> list[Fixture]:
    """The 2025/26 Serie A fixtures already played (they have a score to report)."""
    return [f for f in stored.between(store) if f.competition == "it.1" and f.season == "2025-26" and f.score]


def articles(fixtures: list[Fixture], count: int, rng: random.Random) -> list[tuple[EntryRecord, str, str]]:
    """(record, feed, gold fixture key or '') for `count` articles."""
    made: list[tuple[EntryRecord, str, str]] = []
    while len(made) < count:
        fixture = rng.choice(fixtures)
        feed = f"Testata {rng.randrange(FEEDS) + 1:02d}"
        if rng.random() < 0.2:
            title, summary = rng.choice(NOISE)
            team = rng.choice((fixture.home, fixture.away))
            when = fixture.kickoff + rng.uniform(-72, 72) * HOUR
            made.append((_record(len(made), title.format(t=team), summary.format(t=team), when), feed, ""))
            continue
        hours, title, summary = rng.choice(BEFORE + AFTER)
        assert fixture.score is not None
        fields = {"h": fixture.home, "a": fixture.away, "s": f"{fixture.score[0]}-{fixture.score[1]}"}
        when = fixture.kickoff + (hours + rng.uniform(-1.5, 1.5)) * HOUR
        made.append((_record(len(made), title.format(**fields), summary.format(**fields), when), feed, fixture.key))
    return made


def _record(n: int, title: str, summary: str, when: object) -> EntryRecord:
    return EntryRecord(uid=f"a{n}", title=title, link=f"https://example.org/{n}", author="", summary=summary,
                       content="", categories=("Serie A",), published=when, updated=None)  # type: ignore[arg-type]


def fill(store: Store, items: list[tuple[EntryRecord, str, str]]) -> None:
    store.sync_feeds(FeedSpec(f"Testata {i:02d}", f"https://t{i}.example/rss") for i in range(1, FEEDS + 1))
    by_feed: dict[str, list[EntryRecord]] = {}
    for record, feed, _ in items:
        by_feed.setdefault(feed, []).append(record)
    latest = max(r.published for r, _, _ in items if r.published)
    for feed, records in by_feed.items():
        store.save_entries(feed, records, now=latest)


class Timing:
    """Wall and CPU seconds of several runs: the fastest wall time is the one least disturbed by other
    processes on a shared machine, the median CPU time what the work itself costs."""

    def __init__(self, run: Callable[[], object], runs: int) -> None:
        walls, cpus = [], []
        self.result: object = None
        for _ in range(runs):
            wall, cpu = time.perf_counter(), time.process_time()
            self.result = run()
            walls.append(time.perf_counter() - wall)
            cpus.append(time.process_time() - cpu)
        self.fastest, self.median, self.cpu = min(walls), statistics.median(walls), statistics.median(cpus)

    def __str__(self) -> str:
        return f"{self.fastest:6.3f} s   (median {self.median:.3f} s, CPU {self.cpu:.3f} s)"


def accuracy(store: Store, items: list[tuple[EntryRecord, str, str]], views: list[centre.MatchView]) -> str:
    gold = {f"a{i}": key for i, (_, _, key) in enumerate(items)}
    uid = {int(row[0]): str(row[1]) for row in store._read("SELECT id, uid FROM entries")}
    predicted = {uid[e.id]: v.key for v in views for e in v.entries}
    right = sum(1 for u, key in predicted.items() if gold[u] == key)
    wanted = sum(1 for key in gold.values() if key)
    return f"precision {right / max(1, len(predicted)):.3f}, recall {right / max(1, wanted):.3f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    rng = random.Random(14)
    with tempfile.TemporaryDirectory() as directory, Store(Path(directory) / "bench.db") as store:
        ensure_shipped(store)
        fixtures = season_fixtures(store)
        items = articles(fixtures, args.articles, rng)
        fill(store, items)
        reading = Timing(lambda: centre.prepare(store), 1)
        read = reading.result
        assert isinstance(read, int)
        joining = Timing(lambda: centre.matches(store), args.runs)
        views = joining.result
        assert isinstance(views, list)
        week = fixtures[len(fixtures) // 2].kickoff
        a_week = Timing(lambda: centre.matches(store, start=week, end=week + timedelta(days=7)), args.runs)
        one = Timing(lambda: centre.match(store, views[len(views) // 2].key), args.runs)
        more = articles(fixtures, 100, random.Random(15))
        more = [(r.__class__(**{**{f: getattr(r, f) for f in r.__slots__}, "uid": "n" + r.uid}), feed, key)
                for r, feed, key in more]
        fill(store, more)
        incremental = Timing(lambda: (centre.prepare(store), centre.matches(store)), 1)
        print(f"{args.articles:,} articles ({sum(1 for *_, k in items if k):,} about a match), "
              f"{stored.count(store):,} fixtures, {len(views):,} matches found; load average "
              f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        print(f"first reading      {reading}   {read:,} entries, {reading.cpu / max(1, read) * 1e6:.0f} us "
              "of CPU each")
        verdict = "ok" if joining.fastest <= TARGET_SECONDS else "OVER TARGET"
        print(f"join, all          {joining}   target <= {TARGET_SECONDS:.1f} s: {verdict}")
        print(f"join, one week     {a_week}")
        print(f"one match          {one}")
        print(f"100 new + join     {incremental}")
        print(f"templated articles joined: {accuracy(store, items, views)}")
    return 0 if joining.fastest <= TARGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
