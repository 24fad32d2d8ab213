"""sportreader against newsboat on the same loopback farm, side by side, with the targets of issue #6.

    .venv/bin/python bench/compare.py [--runs 5] [--quick] [--no-newsboat]

The farm (bench/farm.py) serves 100 RSS feeds x 50 items of 1-3 KB HTML, a quarter of them ISO-8859-1,
with ETag/Last-Modified, and optionally 50 ms of latency per request. Both programs are timed as real
commands, start-up included:

- newsboat: `newsboat -x reload -c CACHE -u URLS -C CONFIG` with `reload-threads 10` (and the default 1
  for reference), its cache and $HOME in a temp dir; warm = a second reload (all 304);
- sportreader: `python -m reader --config T/feeds.toml --data-dir T refresh -q`, with `concurrency` set to
  newsboat's thread count.

The machine is noisy, so every figure is the median of --runs runs, and the two programs alternate (A B,
then B A) inside each run. Peak memory is the sum of the peak RSS of every process in the command's tree
(parse workers included): an upper bound. newsboat is installed with `apt-get install -y newsboat` when it
is missing; when that fails only sportreader's side runs (as with --no-newsboat).

Search comes from bench/search.py's functions; the UI rows from bench/ui.py's ui_figures() when that file
exists ("n/a" otherwise).
"""

from __future__ import annotations

import argparse
import importlib
import inspect
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))
from farm import Farm  # noqa: E402
from refresh import write_config  # noqa: E402

VENV_PYTHON = ROOT / ".venv" / "bin" / "python"
LATENCY = 0.050
SEARCH_TARGETS = (20.0, 60.0)  # median, p95 in ms
UI_KEYS = ("first_paint_s", "minimal_paint_s", "j_median_ms", "peak_rss_mb", "search_show_ms")


# Measuring one command: wall time, and peak memory and CPU of its whole process tree.

@dataclass
class Measure:
    wall: float
    peak_rss_mb: float  # sum over the tree of each process's peak RSS (VmHWM)
    cpu: float  # user + system seconds over the tree (as last sampled for the descendants)
    processes: int  # how many processes the tree had


def _children(pid: int) -> list[int]:
    found: list[int] = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as f:
                found.extend(int(c) for c in f.read().split())
    except OSError:
        pass
    return found


def _sample(pid: int) -> tuple[int, float] | None:
    """(VmHWM in KiB, CPU seconds) of one process, or None when it is gone."""
    try:
        with open(f"/proc/{pid}/status") as f:
            hwm = next((int(line.split()[1]) for line in f if line.startswith("VmHWM:")), 0)
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return hwm, (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return None


def measure(command: Sequence[str], *, env: dict[str, str] | None = None, cwd: Path | None = None,
            interval: float = 0.02) -> Measure:
    """Run a command to completion, sampling its process tree; raise on failure or on anything on stderr."""
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE)
    seen: dict[int, tuple[int, float]] = {}
    status = None
    while status is None:
        stack = [process.pid]
        while stack:
            pid = stack.pop()
            sample = _sample(pid)
            if sample is not None:
                seen[pid] = (max(sample[0], seen.get(pid, (0, 0.0))[0]), sample[1])
            stack.extend(_children(pid))
        waited, raw_status, usage = os.wait4(process.pid, os.WNOHANG)
        if waited:
            status = os.waitstatus_to_exitcode(raw_status)
            wall = time.perf_counter() - started
            root = (usage.ru_maxrss, usage.ru_utime + usage.ru_stime)
            seen[process.pid] = (max(root[0], seen.get(process.pid, (0, 0.0))[0]), root[1])
        else:
            time.sleep(interval)
    process.returncode = status
    out, err = process.communicate()
    if status != 0 or err.strip():
        raise RuntimeError(f"{command[0]} failed ({status}): {err.decode(errors='replace')[-2000:]}"
                           f"{out.decode(errors='replace')[-500:]}")
    return Measure(wall, sum(hwm for hwm, _ in seen.values()) / 1024, sum(cpu for _, cpu in seen.values()),
                   len(seen))


# The two programs.

def ensure_newsboat() -> str | None:
    """The newsboat binary, installed from Debian's packages if missing; None (and why, printed) if not."""
    found = shutil.which("newsboat")
    if found:
        return found
    if not shutil.which("apt-get"):
        print("newsboat is not installed and there is no apt-get here: running sportreader's side only.")
        return None
    if os.geteuid() != 0:
        print("newsboat is not installed and installing it needs root (apt-get install -y newsboat): "
              "running sportreader's side only.")
        return None
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    last = ""
    for step in (["apt-get", "install", "-y", "newsboat"], ["apt-get", "update"],
                 ["apt-get", "install", "-y", "newsboat"]):
        print(f"installing newsboat: {' '.join(step)}", flush=True)
        try:
            done = subprocess.run(step, env=env, capture_output=True, text=True, timeout=600)
        except subprocess.TimeoutExpired:
            last = f"{' '.join(step)} timed out"
            break
        last = (done.stderr or done.stdout).strip()
        if step[1] == "install" and done.returncode == 0 and shutil.which("newsboat"):
            return shutil.which("newsboat")
    print(f"newsboat could not be installed with apt-get ({str(last)[-300:]}); the package registry may be "
          "unreachable: running sportreader's side only.")
    return None


class Newsboat:
    """One newsboat cache: a cold reload, then warm ones."""

    def __init__(self, binary: str, urls: list[str], threads: int) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="compare-newsboat-"))
        (self.dir / "urls").write_text("\n".join(urls) + "\n", encoding="utf-8")
        (self.dir / "config").write_text(f"reload-threads {threads}\n", encoding="utf-8")
        self.command = [binary, "-x", "reload", "-c", str(self.dir / "cache.db"), "-u", str(self.dir / "urls"),
                        "-C", str(self.dir / "config")]
        # Its own $HOME: newsboat never reads or writes the user's ~/.newsboat.
        self.env = dict(os.environ, HOME=str(self.dir))

    def reload(self) -> Measure:
        return measure(self.command, env=self.env)

    def cache_bytes(self) -> int:
        return sum(p.stat().st_size for p in self.dir.iterdir() if p.name.startswith("cache.db"))

    def close(self) -> None:
        shutil.rmtree(self.dir, ignore_errors=True)


class Ours:
    """One sportreader data dir: `refresh -q` as a fresh process each time."""

    def __init__(self, urls: list[str], concurrency: int) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="compare-sportreader-"))
        config = write_config(self.dir, urls, concurrency)
        python = str(VENV_PYTHON if VENV_PYTHON.exists() else Path(sys.executable))
        self.command = [python, "-m", "reader", "--config", str(config), "--data-dir", str(self.dir / "data"),
                        "refresh", "-q"]

    def reload(self) -> Measure:
        return measure(self.command, cwd=ROOT)

    def store_bytes(self) -> int:
        return sum(p.stat().st_size for p in (self.dir / "data").iterdir() if p.is_file())

    def last_refresh_statuses(self) -> dict[str, int]:
        """How many feeds ended in each status in the last refresh (from the store's history)."""
        db = sqlite3.connect(self.dir / "data" / "sportreader.db")
        try:
            rows = db.execute("SELECT status, count(*) FROM feed_results WHERE refresh_id = "
                              "(SELECT max(id) FROM refreshes) GROUP BY status").fetchall()
        finally:
            db.close()
        return {str(status): int(count) for status, count in rows}

    def close(self) -> None:
        shutil.rmtree(self.dir, ignore_errors=True)


# Scenarios: a cold run and a second (warm) run of each side, alternating sides.

@dataclass
class Samples:
    cold: list[Measure] = field(default_factory=list)
    warm: list[Measure] = field(default_factory=list)
    size: list[int] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def run_pair(make: Callable[[], Newsboat | Ours], samples: Samples) -> None:
    side = make()
    try:
        samples.cold.append(side.reload())
        samples.size.append(side.cache_bytes() if isinstance(side, Newsboat) else side.store_bytes())
        samples.warm.append(side.reload())
        if isinstance(side, Ours):
            statuses = side.last_refresh_statuses()
            samples.notes.append(", ".join(f"{n} {s}" for s, n in sorted(statuses.items())))
    finally:
        side.close()


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


# The table.

@dataclass
class Row:
    scenario: str
    newsboat: str
    ours: str
    ratio: str
    target: str
    result: str  # PASS, FAIL, info, n/a


def verdict(ok: bool | None) -> str:
    return "n/a" if ok is None else ("PASS" if ok else "FAIL")


def refresh_row(name: str, nb: Samples | None, ours: Samples, warm: bool, limit: float | None) -> Row:
    mine = median([m.wall for m in (ours.warm if warm else ours.cold)])
    if nb is None or not (nb.warm if warm else nb.cold):
        return Row(name, "—", f"{mine:.2f} s", "—", f"≤ {limit:.2f} × nb" if limit else "—",
                   "n/a" if limit else "info")
    theirs = median([m.wall for m in (nb.warm if warm else nb.cold)])
    ratio = mine / theirs
    return Row(name, f"{theirs:.2f} s", f"{mine:.2f} s", f"{ratio:.2f} × nb", f"≤ {limit:.2f} × nb" if limit else "—",
               verdict(ratio <= limit) if limit else "info")


def print_table(rows: list[Row]) -> None:
    headers = Row("scenario", "newsboat", "sportreader", "ratio", "target", "result")
    table = [headers, *rows]
    widths = [max(len(getattr(r, f)) for r in table) for f in ("scenario", "newsboat", "ours", "ratio", "target")]

    def line(r: Row) -> str:
        cells = (r.scenario, r.newsboat, r.ours, r.ratio, r.target)
        return "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths,
                                                                                               strict=True))) \
            + "  " + r.result

    print(line(headers))
    print("-" * (sum(widths) + 2 * len(widths) + 6))
    for r in rows:
        print(line(r))


def search_rows(entries: int, runs: int) -> list[Row]:
    import search

    path = search.store_path(entries)
    median_ms, p95_ms = search.summary(search.time_queries(path, runs))
    return [Row(f"search {entries:,} articles, 2 words, page 1 (median)", "—", f"{median_ms:.1f} ms", "—",
                f"≤ {SEARCH_TARGETS[0]:g} ms", verdict(median_ms <= SEARCH_TARGETS[0])),
            Row(f"search {entries:,} articles, 2 words, page 1 (p95)", "—", f"{p95_ms:.1f} ms", "—",
                f"≤ {SEARCH_TARGETS[1]:g} ms", verdict(p95_ms <= SEARCH_TARGETS[1]))]


def ui_rows(entries: int, runs: int) -> list[Row]:
    names = (f"UI first paint, {entries:,} cached", "UI `j` keypress (median)", f"UI peak RSS, {entries:,} cached",
             "UI search to results shown")
    figures: dict[str, Any] | None = None
    why = "bench/ui.py missing"
    if (BENCH / "ui.py").exists():
        try:
            ui = importlib.import_module("ui")
            kwargs = {"runs": runs} if "runs" in inspect.signature(ui.ui_figures).parameters else {}
            figures = ui.ui_figures(entries, **kwargs)
            missing = [k for k in UI_KEYS if k not in figures]
            if missing:
                why, figures = f"ui_figures() lacks {', '.join(missing)}", None
        except Exception as exc:  # the lead's module may be mid-change: a row says so, the table still prints
            why = f"bench/ui.py failed: {type(exc).__name__}: {str(exc)[:80]}"
    if figures is None:
        print(f"UI rows: n/a ({why})")
        return [Row(n, "—", "n/a", "—", t, "n/a") for n, t in
                zip(names, ("≤ 1.30 × minimal", "≤ 5 ms", "≤ 150 MB", "—"), strict=True)]
    paint = figures["first_paint_s"] / figures["minimal_paint_s"]
    return [
        Row(names[0], "—", f"{figures['first_paint_s'] * 1000:.0f} ms",
            f"{paint:.2f} × minimal ({figures['minimal_paint_s'] * 1000:.0f} ms)", "≤ 1.30 × minimal",
            verdict(paint <= 1.30)),
        # bench/ui.py separates the app's own work from Pilot's round trip (j_work_ms) when it can.
        Row(names[1], "—", f"{figures.get('j_work_ms', figures['j_median_ms']):.2f} ms",
            f"Pilot round {figures['j_median_ms']:.2f} ms" if "j_work_ms" in figures else "—", "≤ 5 ms",
            verdict(figures.get("j_work_ms", figures["j_median_ms"]) <= 5)),
        Row(names[2], "—", f"{figures['peak_rss_mb']:.0f} MB", "—", "≤ 150 MB", verdict(figures["peak_rss_mb"] <= 150)),
        Row(names[3], "—", f"{figures['search_show_ms']:.1f} ms", "—", "—", "info"),
    ]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5, help="runs per scenario (medians are quoted)")
    parser.add_argument("--quick", action="store_true", help="one run, no 1-thread reference: a smoke run")
    parser.add_argument("--no-newsboat", action="store_true", help="run sportreader's side only")
    parser.add_argument("--feeds", type=int, default=100)
    parser.add_argument("--items", type=int, default=50)
    parser.add_argument("--threads", type=int, default=10, help="newsboat's reload-threads = our concurrency")
    parser.add_argument("--search-entries", type=int, default=50_000, help="0 skips the search rows")
    parser.add_argument("--ui-entries", type=int, default=20_000, help="0 skips the UI rows")
    args = parser.parse_args(argv)
    from ui import compile_package

    compile_package()  # as installed: bytecode cached, not compiled at every start
    runs = 1 if args.quick else args.runs
    newsboat = None if args.no_newsboat else ensure_newsboat()

    farm = Farm(args.feeds, args.items)
    plain = Farm(args.feeds, args.items, validators=False)  # same bytes, no ETag / Last-Modified
    scenarios: dict[str, tuple[Farm, float, str]] = {  # name -> farm, latency, which side(s)
        "50ms": (farm, LATENCY, "both"),
        "0ms": (farm, 0.0, "both"),
        "plain50ms": (plain, LATENCY, "both"),
    }
    if not args.quick:
        scenarios["50ms-1thread"] = (farm, LATENCY, "newsboat")
    nb: dict[str, Samples] = {name: Samples() for name in scenarios}
    ours: dict[str, Samples] = {name: Samples() for name in scenarios}
    print(f"farm: {args.feeds} feeds x {args.items} items, {farm.feed_bytes / 1e6:.1f} MB; "
          f"newsboat {'reload-threads ' + str(args.threads) if newsboat else 'not run'}, "
          f"sportreader concurrency {args.threads}; {runs} run(s), sides alternating", flush=True)
    started = time.perf_counter()
    try:
        for run in range(runs):
            for name, (source, latency, sides) in scenarios.items():
                source.latency = latency
                jobs: list[Callable[[], None]] = []
                if newsboat:
                    threads = 1 if name.endswith("1thread") else args.threads
                    jobs.append(lambda s=source, t=threads, n=name: run_pair(
                        lambda: Newsboat(newsboat, s.urls(), t), nb[n]))
                if sides == "both":
                    jobs.append(lambda s=source, n=name: run_pair(
                        lambda: Ours(s.urls(), args.threads), ours[n]))
                for job in (jobs if run % 2 == 0 else jobs[::-1]):
                    job()
            print(f"  run {run + 1}/{runs} done ({time.perf_counter() - started:.0f} s)", flush=True)
    finally:
        farm.stop()
        plain.stop()

    def nb_or_none(name: str) -> Samples | None:
        return nb[name] if newsboat else None

    rows = [
        refresh_row("refresh cold, 50 ms latency", nb_or_none("50ms"), ours["50ms"], False, 0.5),
        refresh_row("refresh cold, 0 ms", nb_or_none("0ms"), ours["0ms"], False, 1.0),
        refresh_row("refresh warm (all 304), 50 ms", nb_or_none("50ms"), ours["50ms"], True, 0.5),
        refresh_row("refresh warm (all 304), 0 ms", nb_or_none("0ms"), ours["0ms"], True, None),
    ]
    if newsboat and "50ms-1thread" in nb:
        one = nb["50ms-1thread"]
        for warm in (False, True):
            theirs = median([m.wall for m in (one.warm if warm else one.cold)])
            mine = median([m.wall for m in (ours["50ms"].warm if warm else ours["50ms"].cold)])
            rows.append(Row(f"  reference: {'warm' if warm else 'cold'} 50 ms vs reload-threads 1",
                            f"{theirs:.2f} s", f"{mine:.2f} s", f"{mine / theirs:.2f} × nb", "—", "info"))
    # No validators, same bytes: the second refresh must find every body unchanged by its hash.
    plain_ours = ours["plain50ms"]
    unchanged = all(note == f"{args.feeds} not modified" for note in plain_ours.notes)
    second = median([m.wall for m in plain_ours.warm])
    second_nb = median([m.wall for m in nb["plain50ms"].warm]) if newsboat else None
    rows.append(Row("no validators, same bytes: 2nd refresh, 50 ms",
                    f"{second_nb:.2f} s" if second_nb else "—", f"{second:.2f} s",
                    f"{second / second_nb:.2f} × nb" if second_nb else "—",
                    "no parse, no write", verdict(unchanged and all(m.processes == 1 for m in plain_ours.warm))))
    cold_runs = ours["50ms"].cold + ours["0ms"].cold
    nb_cold = (nb["50ms"].cold + nb["0ms"].cold) if newsboat else []
    peak = max(m.peak_rss_mb for m in cold_runs)
    rows.append(Row("peak RSS of a cold refresh (whole process tree)",
                    f"{max(m.peak_rss_mb for m in nb_cold):.0f} MB" if nb_cold else "—", f"{peak:.0f} MB",
                    f"{peak / max(m.peak_rss_mb for m in nb_cold):.2f} × nb" if nb_cold else "—", "≤ 250 MB",
                    verdict(peak <= 250)))
    cpu = median([m.cpu for m in cold_runs])
    rows.append(Row("CPU of a cold refresh (user+sys, whole tree)",
                    f"{median([m.cpu for m in nb_cold]):.2f} s" if nb_cold else "—", f"{cpu:.2f} s",
                    f"{cpu / median([m.cpu for m in nb_cold]):.2f} × nb" if nb_cold else "—", "—", "info"))
    size = median(ours["50ms"].size + ours["0ms"].size)
    nb_size = median(nb["50ms"].size + nb["0ms"].size) if newsboat else None
    rows.append(Row("store size after a cold refresh", f"{nb_size / 1e6:.1f} MB" if nb_size else "—",
                    f"{size / 1e6:.1f} MB", f"{size / farm.feed_bytes:.2f} × feed", "≤ 1.50 × feed",
                    verdict(size <= 1.5 * farm.feed_bytes)))
    if args.search_entries:
        rows.extend(search_rows(args.search_entries, 5 if args.quick else 30))
    if args.ui_entries:
        rows.extend(ui_rows(args.ui_entries, 2 if args.quick else args.runs))
    print()
    print_table(rows)
    if plain_ours.notes and not unchanged:
        print(f"no-validators second refresh: {plain_ours.notes}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
