"""Times `sportreader refresh` over a loopback farm: a cold run, then a warm (all 304) run.

    python bench/refresh.py [--feeds 100] [--items 50] [--latency-ms 0] [--runs 3]

Each run is a fresh `python -m reader refresh` process on a new data dir (cold) or the same one (warm),
so start-up is included. Prints wall seconds, feeds per second, peak RSS and the store's size.
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
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "reader", "--config", str(config), "--data-dir", str(data_dir),
                           "refresh", "--quiet"], capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if done.returncode != 0 or done.stderr.strip():
        raise SystemExit(f"refresh failed ({done.returncode}): {done.stderr[:2000]}")
    return elapsed, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss


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
    warm: list[float] = []
    db_size = 0
    try:
        for _ in range(args.runs):
            with tempfile.TemporaryDirectory() as tmp:
                config = write_config(Path(tmp), farm.urls(), args.concurrency)
                seconds, _ = run_refresh(config, Path(tmp) / "data")
                cold.append(seconds)
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
    print(f"  peak RSS    {peak_mb:6.1f} MB (largest refresh process)")
    print(f"  store       {db_size / 1e6:6.1f} MB = {db_size / farm.feed_bytes:.2f} x the feed bytes")


if __name__ == "__main__":
    main()
