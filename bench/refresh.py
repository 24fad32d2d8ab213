"""Times `sportreader refresh` over a loopback farm: a cold run, then a warm (all 304) run.

    python bench/refresh.py [--feeds 100] [--items 50] [--latency-ms 0] [--runs 3]

Each run is a fresh `python -m reader refresh` process on a new data dir (cold) or the same one (warm),
so start-up is included. Prints wall seconds, feeds per second, peak RSS and the store's size, and where a
cold run's time goes, from the farm's log of each request: launch to the first request, the fetches (against
their floor: one round of latency per `concurrency` feeds), and the last answer to the process's exit.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from farm import Farm


def write_config(directory: Path, urls: list[str], concurrency: int) -> Path:
    lines = [f"[settings]\nconcurrency = {concurrency}\ntimeout = 60\nretention_days = 36500\n"]
    for n, url in enumerate(urls):
        lines.append(f'[[feeds]]\nname = "Feed {n}"\nurl = "{url}"\n')
    path = directory / "feeds.toml"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def run_refresh(config: Path, data_dir: Path) -> tuple[float, int]:
    """Wall seconds and peak RSS (KiB) of one refresh process."""
    started, ended = run_timed(config, data_dir)
    return ended - started, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss


def run_timed(config: Path, data_dir: Path) -> tuple[float, float]:
    """When one refresh process was launched and when it ended, on time.perf_counter()'s clock."""
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "reader", "--config", str(config), "--data-dir", str(data_dir),
                           "refresh", "--quiet"], capture_output=True, text=True)
    ended = time.perf_counter()
    if done.returncode != 0 or done.stderr.strip():
        raise SystemExit(f"refresh failed ({done.returncode}): {done.stderr[:2000]}")
    return started, ended


def phases(log: list[tuple[float, float]], started: float, ended: float) -> tuple[float, float, float]:
    """(launch -> first request, first request -> last answer, last answer -> exit) of one run, in seconds."""
    mine = [(arrived, answered) for arrived, answered in log if started <= arrived <= ended]
    first = min(arrived for arrived, _ in mine)
    last = max(answered for _, answered in mine)
    return first - started, last - first, ended - last


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--feeds", type=int, default=100)
    parser.add_argument("--items", type=int, default=50)
    parser.add_argument("--latency-ms", type=float, default=0.0)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    from ui import compile_package

    compile_package()  # as installed: bytecode cached, not compiled at every start
    farm = Farm(args.feeds, args.items, args.latency_ms / 1000)
    cold: list[float] = []
    cold_phases: list[tuple[float, float, float]] = []
    warm: list[float] = []
    db_size = 0
    try:
        for _ in range(args.runs):
            with tempfile.TemporaryDirectory() as tmp:
                config = write_config(Path(tmp), farm.urls(), args.concurrency)
                started, ended = run_timed(config, Path(tmp) / "data")
                cold.append(ended - started)
                cold_phases.append(phases(farm.log, started, ended))
                warm.append(run_refresh(config, Path(tmp) / "data")[0])
                db_size = sum(f.stat().st_size for f in (Path(tmp) / "data").iterdir())
    finally:
        farm.stop()
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"farm: {args.feeds} feeds x {args.items} items, {farm.feed_bytes / 1e6:.1f} MB, "
          f"latency {args.latency_ms:g} ms, concurrency {args.concurrency}, {args.runs} runs (medians)")
    for name, times in (("cold", cold), ("warm (304)", warm)):
        median = statistics.median(times)
        print(f"  {name:<11} {median:6.2f} s   {args.feeds / median:7.1f} feeds/s   "
              f"(min {min(times):.2f}, max {max(times):.2f})")
    start, fetches, tail = (statistics.median(p[i] for p in cold_phases) for i in range(3))
    floor = -(-args.feeds // args.concurrency) * args.latency_ms / 1000
    print(f"  cold, where the time goes: launch -> first request {start * 1000:.0f} ms; fetches "
          f"{fetches * 1000:.0f} ms (floor {floor * 1000:.0f} ms: {-(-args.feeds // args.concurrency)} rounds "
          f"of {args.latency_ms:g} ms); last answer -> exit {tail * 1000:.0f} ms")
    print(f"  peak RSS    {peak_mb:6.1f} MB (largest refresh process)")
    print(f"  store       {db_size / 1e6:6.1f} MB = {db_size / farm.feed_bytes:.2f} x the feed bytes")


if __name__ == "__main__":
    main()
