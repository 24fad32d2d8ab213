"""The TUI with 20,000 cached articles: first paint, a search's results, `j` keypresses, peak memory, and the
match centre's first paint.

    .venv/bin/python bench/ui.py [--entries 20000] [--runs 5]

First paint is timed as a person waits for it: from the moment a fresh process is launched to its first
paint (the list shown), against a minimal Textual app timed the same way, alternating the two. The clock
stops at the paint, not at the process's exit: tearing down (background threads, the interpreter) is
not something anyone waits for before reading, and it was a quarter of our figure when we counted it.
The match centre is timed the same way, started on it (the view remembered from the last run), on a cache of
its own: 20,000 articles written from bench/matches.py's templates about eight rounds of Serie A moved
to end around today (the calendar of a season under way, the articles of two months of feeds), already
read by the match detector. Its first paint (what it shows while it joins) and the moment its matches
are shown. (The list's cache, bench/search.py's, names a fixture in every title but is no match's
coverage: every pair of teams every hour for two weeks.) Keypresses and search are timed inside a headless app driven by
Pilot. Also checks that the gazetteer, trafilatura and feedparser are not imported before the first paint.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
HEAVY = ("feedparser", "trafilatura", "ahocorasick", "reader.annotate.gazetteer", "reader.annotate.names", "httpx")

MINIMAL_APP = """
import os, sys, time
from textual.app import App
from textual.widgets import Static

class Minimal(App):
    def compose(self):
        yield Static("sportreader")
    def on_mount(self):
        self.call_after_refresh(self.painted)
    def painted(self):
        print(f"PAINT:{time.time() - float(os.environ['BENCH_LAUNCH'])}")
        self.exit()

Minimal().run(headless=True)
"""

OUR_APP = """
import os, sys, time
from pathlib import Path
from reader.settings.config import load_config
from reader.ui.app import SportReaderApp
from reader.ui.widgets.previews import PreviewList

HEAVY = {heavy!r}
loaded_before_paint = []

class FirstPaint(SportReaderApp):
    pass

original = PreviewList.set_rows
def set_rows(self, rows, *, keep=None):
    original(self, rows, keep=keep)
    def done():
        print(f"PAINT:{{time.time() - float(os.environ['BENCH_LAUNCH'])}}")
        loaded_before_paint.extend(m for m in HEAVY if m in sys.modules)
        self.app.exit()
    self.call_after_refresh(done)
PreviewList.set_rows = set_rows

config = load_config(Path({config!r}))
app = FirstPaint(config, Path({data!r}), refresh_on_start=False)
app.run(headless=True)
print("HEAVY:" + ",".join(loaded_before_paint))
"""


MATCHES_APP = """
import os, sys, threading, time
from pathlib import Path
from reader.settings.config import load_config
from reader.ui.app import SportReaderApp
from reader.ui.widgets.centre import CentrePane

HEAVY = {heavy!r}
loaded_before_paint = []

def since_launch():
    return time.time() - float(os.environ['BENCH_LAUNCH'])

mounted = CentrePane.on_mount
def on_mount(self):
    mounted(self)
    def painted():
        print(f"PAINT:{{since_launch()}}")
        loaded_before_paint.extend(m for m in HEAVY if m in sys.modules)
    self.call_after_refresh(painted)
CentrePane.on_mount = on_mount

shown = CentrePane.show_data
def show_data(self, data):
    shown(self, data)
    def done():
        print(f"SHOWN:{{since_launch()}} MATCHES:{{len(data.matches)}}")
        self.app.exit()
    self.call_after_refresh(done)
CentrePane.show_data = show_data

Path({data!r}, "ui-state.json").write_text('{{"view": "matches"}}', encoding="utf-8")
config = load_config(Path({config!r}))
app = SportReaderApp(config, Path({data!r}), refresh_on_start=False)
timer = threading.Timer(120, app.exit)  # never hang the benchmark
timer.daemon = True
timer.start()
app.run(headless=True)
print("HEAVY:" + ",".join(loaded_before_paint))
"""


def build_store(data_dir: Path, entries: int) -> Path:
    """A data dir with `entries` articles (the search benchmark's generator), every one read by the match
    detector (as the match centre leaves them), and a config of its feeds."""
    from bench.search import build
    from reader.matches import centre
    from reader.store import Store

    data_dir.mkdir(parents=True, exist_ok=True)
    build(data_dir / "sportreader.db", entries)
    with Store(data_dir / "sportreader.db") as store:
        centre.prepare(store)
    config = data_dir / "feeds.toml"
    feeds = "".join(f'[[feeds]]\nname = "Feed {n}"\nurl = "http://127.0.0.1/{n}"\n\n' for n in range(20))
    config.write_text("[settings]\nrefresh_minutes = 0\n\n" + feeds, encoding="utf-8")
    return config


def build_matches_store(data_dir: Path, entries: int, rounds: int = 8) -> Path:
    """A data dir for the match centre: the last `rounds` rounds of Serie A 2025/26 moved by whole days so
    that the last one was played two days ago and one more is to come, `entries` templated articles about the
    rounds played (bench/matches.py), all read by the match detector; and a config of its feeds."""
    import random
    from dataclasses import replace
    from datetime import UTC, datetime, timedelta

    from bench.matches import FEEDS, articles, fill
    from reader.matches import centre
    from reader.matches.calendar import ensure_shipped
    from reader.matches.openfootball import fixture_key
    from reader.matches.rome import in_rome
    from reader.store import Store
    from reader.store import calendar as stored
    from reader.store.calendar import FixtureSource

    data_dir.mkdir(parents=True, exist_ok=True)
    now = datetime.now(UTC)
    with Store(data_dir / "sportreader.db") as store:
        ensure_shipped(store)
        season = [f for f in stored.between(store) if f.competition == "it.1" and f.season == "2025-26" and f.score]
        names = list(dict.fromkeys(f.round for f in season))[-(rounds + 1):]
        chosen = [f for f in season if f.round in names]
        last_round = sorted(f.kickoff for f in chosen if f.round == names[-2])
        middle = last_round[len(last_round) // 2]  # a postponed match would not move the round
        shift = timedelta(days=(now - timedelta(days=2) - middle).days)
        moved = []
        for f in chosen:
            kickoff = f.kickoff + shift
            day = in_rome(kickoff).date()
            moved.append(replace(f, key=fixture_key(day, f.home, f.away), season="2026-27", day=day,
                                 kickoff=kickoff, score=f.score if kickoff < now else None))
        stored.replace(store, FixtureSource("it.1", "2026-27", "download", "bench", "bench", now), moved)
        told = [f for f in moved if f.kickoff < now - timedelta(days=1)]  # a day after: no article from tomorrow
        fill(store, articles(told, entries, random.Random(7)))
        centre.prepare(store)
    config = data_dir / "feeds.toml"
    feeds = "".join(f'[[feeds]]\nname = "Testata {n:02d}"\nurl = "https://t{n}.example/rss"\n\n'
                    for n in range(1, FEEDS + 1))
    # A team of mine: the centre joins two months around today, not only the days it lists.
    config.write_text('[settings]\nrefresh_minutes = 0\nteams = ["inter"]\n\n' + feeds, encoding="utf-8")
    return config


def timed_process(code: str) -> tuple[float, str]:
    """Wall time of a fresh interpreter running code, and its output."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    # Output to a file, not a pipe: worker processes inherit a pipe and would hold it open after exit.
    with tempfile.TemporaryFile("w+") as out:
        started = time.perf_counter()
        env["BENCH_LAUNCH"] = repr(time.time())  # the child's clock for "since launch"
        subprocess.run([sys.executable, "-c", code], stdout=out, env=env, check=True)
        elapsed = time.perf_counter() - started
        out.seek(0)
        return elapsed, out.read()


def painted_after(output: str) -> float:
    """Seconds from launch to first paint, as the child printed them."""
    return float(output.split("PAINT:", 1)[1].split()[0])


def first_paints(config: Path, data_dir: Path, runs: int) -> dict[str, Any]:
    """Median first paint of ours and of a minimal Textual app, alternated; modules loaded before ours."""
    ours, minimal, ours_exit, minimal_exit, heavy = [], [], [], [], ""
    code = OUR_APP.format(heavy=HEAVY, config=str(config), data=str(data_dir))
    timed_process(MINIMAL_APP)  # warm the disk cache for both
    for _ in range(runs):
        (data_dir / "ui-state.json").unlink(missing_ok=True)  # the list, as at the first start
        seconds, output = timed_process(code)
        ours.append(painted_after(output))
        ours_exit.append(seconds)
        heavy = output.rsplit("HEAVY:", 1)[-1].strip()
        seconds, output = timed_process(MINIMAL_APP)
        minimal.append(painted_after(output))
        minimal_exit.append(seconds)
    return {"first_paint_s": statistics.median(ours), "minimal_paint_s": statistics.median(minimal),
            "exit_s": statistics.median(ours_exit), "minimal_exit_s": statistics.median(minimal_exit),
            "heavy_before_paint": heavy}


def matches_paints(config: Path, data_dir: Path, runs: int) -> dict[str, Any]:
    """Median first paint of the app started on the match centre, and the moment its matches are shown,
    alternated with a minimal Textual app's first paint."""
    painted, shown, minimal, matches, heavy = [], [], [], 0, ""
    code = MATCHES_APP.format(heavy=HEAVY, config=str(config), data=str(data_dir))
    timed_process(code)  # warm the disk cache, and the match centre's modules' bytecode
    for _ in range(runs):
        _seconds, output = timed_process(code)
        painted.append(painted_after(output))
        shown.append(float(output.split("SHOWN:", 1)[1].split()[0]))
        matches = int(output.split("MATCHES:", 1)[1].split()[0])
        heavy = output.rsplit("HEAVY:", 1)[-1].strip()
        _seconds, output = timed_process(MINIMAL_APP)
        minimal.append(painted_after(output))
    (data_dir / "ui-state.json").unlink(missing_ok=True)
    return {"matches_paint_s": statistics.median(painted), "matches_shown_s": statistics.median(shown),
            "matches_minimal_paint_s": statistics.median(minimal), "matches_listed": matches,
            "matches_heavy_before_paint": heavy}


async def interactive(config_path: Path, data_dir: Path, presses: int = 200) -> dict[str, float]:
    """Inside a headless app: median ms per `j`, ms from a search's enter to its results shown."""
    from reader.settings.config import load_config
    from reader.ui.app import SportReaderApp
    from reader.ui.widgets.previews import PreviewList

    app = SportReaderApp(load_config(config_path), data_dir, refresh_on_start=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        previews = app.screen.query_one(PreviewList)
        listed = len(previews.previews)
        times, work = [], []
        spent = _meter(previews, ("action_cursor_down", "render_line"))
        for _ in range(presses):
            spent[0] = 0.0
            started = time.perf_counter()
            await pilot.press("j")
            times.append(time.perf_counter() - started)
            work.append(spent[0])
        # A Pilot press also waits for the screen to settle; measure that floor with a key nobody binds.
        floor = []
        for _ in range(presses):
            started = time.perf_counter()
            await pilot.press("f12")
            floor.append(time.perf_counter() - started)
        searches = []
        for query in ("Lautaro Thuram", "squadra partita", "Champions scudetto", "derby Milano", "rigore"):
            await pilot.press("slash", *query)
            started = time.perf_counter()
            await pilot.press("enter")
            await app.workers.wait_for_complete()
            await pilot.pause()
            searches.append(time.perf_counter() - started)
            await pilot.press("escape")
            await app.workers.wait_for_complete()
    return {"listed": listed, "j_median_ms": statistics.median(times) * 1000,
            "j_floor_ms": statistics.median(floor) * 1000,
            "j_work_ms": statistics.median(work) * 1000,
            "j_over_floor_ms": max(0.0, (statistics.median(times) - statistics.median(floor)) * 1000),
            "search_show_ms": statistics.median(searches) * 1000}


def _meter(widget: Any, methods: tuple[str, ...]) -> list[float]:
    """Wrap a widget's methods so the time spent in them adds up in the returned one-item list.

    That is the app's own work for a keypress (moving the cursor, rendering the list's lines),
    apart from what Textual's compositor and Pilot cost for any key.
    """
    spent = [0.0]
    for name in methods:
        original = getattr(widget, name)

        def timed(*args: Any, _original: Any = original, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return _original(*args, **kwargs)
            finally:
                spent[0] += time.perf_counter() - started

        setattr(widget, name, timed)
    return spent


def peak_rss(config: Path, data_dir: Path) -> float:
    """Peak RSS in MB of a process that opens the app on the cache and pages through the list."""
    code = f"""
import asyncio, resource, sys
sys.path.insert(0, {str(ROOT)!r})
from bench.ui import interactive
from pathlib import Path
asyncio.run(interactive(Path({str(config)!r}), Path({str(data_dir)!r}), presses=50))
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""
    _, output = timed_process(code)
    return int(output.strip().splitlines()[-1]) / 1024


def compile_package() -> None:
    """Write the package's bytecode, as an install does.

    Where PYTHONDONTWRITEBYTECODE is set (this machine sets it) nothing ever caches it, and every
    start would compile our 4,000 lines again while Textual's came compiled from its wheel.
    """
    import compileall

    compileall.compile_dir(ROOT / "reader", quiet=1)


def ui_figures(entries: int = 20_000, runs: int = 5) -> dict[str, Any]:
    """Every UI figure, for bench/compare.py too."""
    compile_package()
    with tempfile.TemporaryDirectory(prefix="sportreader-ui-") as tmp:
        data_dir = Path(tmp)
        config = build_store(data_dir, entries)
        figures: dict[str, Any] = first_paints(config, data_dir, runs)
        centre_dir = data_dir / "centre"
        figures.update(matches_paints(build_matches_store(centre_dir, entries), centre_dir, runs))
        figures.update(asyncio.run(interactive(config, data_dir)))
        figures["peak_rss_mb"] = peak_rss(config, data_dir)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    figures = ui_figures(args.entries, args.runs)
    if args.json:
        print(json.dumps(figures, indent=2))
        return
    ratio = figures["first_paint_s"] / figures["minimal_paint_s"]
    print(f"cached articles            {args.entries:>10,}  (listed {figures['listed']:,})")
    print(f"first paint, list shown    {figures['first_paint_s'] * 1000:>10.0f} ms")
    print(f"minimal Textual app        {figures['minimal_paint_s'] * 1000:>10.0f} ms   ratio {ratio:.2f} "
          f"(target ≤ 1.30)")
    print(f"  (launch to exit: ours {figures['exit_s'] * 1000:.0f} ms, minimal "
          f"{figures['minimal_exit_s'] * 1000:.0f} ms; not a target)")
    matches_ratio = figures["matches_paint_s"] / figures["matches_minimal_paint_s"]
    print(f"first paint, match centre  {figures['matches_paint_s'] * 1000:>10.0f} ms   ratio {matches_ratio:.2f} "
          f"(target ≤ 1.30; minimal {figures['matches_minimal_paint_s'] * 1000:.0f} ms in the same runs)")
    print(f"  matches shown            {figures['matches_shown_s'] * 1000:>10.0f} ms   "
          f"({figures['matches_listed']:,} matches of the days around today, joined on a thread)")
    print(f"  heavy modules before its paint {figures['matches_heavy_before_paint'] or 'none'}")
    print(f"j keypress, app's work     {figures['j_work_ms']:>10.2f} ms   (target ≤ 5; cursor move + list lines)")
    print(f"j keypress, Pilot round    {figures['j_median_ms']:>10.2f} ms   "
          f"(an unbound key: {figures['j_floor_ms']:.2f} ms; difference {figures['j_over_floor_ms']:.2f} ms, "
          "mostly Textual repainting the screen)")
    print(f"search to results shown   {figures['search_show_ms']:>10.1f} ms")
    print(f"peak RSS                   {figures['peak_rss_mb']:>10.1f} MB   (target ≤ 150)")
    print(f"heavy modules before paint {figures['heavy_before_paint'] or 'none':>10}")


if __name__ == "__main__":
    main()
