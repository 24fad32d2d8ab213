"""bench/compare.py keeps working: its farm and our side of the refresh, on a small farm (loopback only)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_compare_runs_our_side_on_a_small_farm() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "compare.py"), "--quick", "--no-newsboat", "--feeds", "5",
         "--items", "3", "--search-entries", "0", "--ui-entries", "0"],
        capture_output=True, text=True, timeout=60, cwd=ROOT, stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr[-3000:]
    rows = {line.split("  ")[0]: line for line in done.stdout.splitlines()}
    assert "newsboat not run" in done.stdout
    for scenario in ("refresh cold, 50 ms latency", "refresh cold, 0 ms", "refresh warm (all 304), 50 ms",
                     "store size after a cold refresh"):
        assert " s " in rows[scenario] or "MB" in rows[scenario], rows[scenario]
    # A server without validators that sends the same bytes: the second refresh parses and writes nothing.
    assert rows["no validators, same bytes: 2nd refresh, 50 ms"].rstrip().endswith("PASS")
    assert rows["peak RSS of a cold refresh (whole process tree)"].rstrip().endswith("PASS")
