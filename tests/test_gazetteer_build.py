"""scripts/build_gazetteer.py --check: the shipped gazetteer is what the facts and the players corpus build."""

from __future__ import annotations

import gzip
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO, shared_path

SCRIPT = REPO / "scripts" / "build_gazetteer.py"
FACTS = REPO / "scripts" / "gazetteer"
SHIPPED = REPO / "reader" / "annotate" / "data" / "gazetteer.tsv.gz"


def run_check(*extra: str) -> subprocess.CompletedProcess[str]:
    """The build in --check mode against the shared players corpus (skipping when it is absent)."""
    players = shared_path("corpora", "players")
    return subprocess.run([sys.executable, str(SCRIPT), "--check", "--players", str(players), *extra],
                          capture_output=True, text=True, timeout=60, cwd=REPO, check=False)


def test_shipped_gazetteer_is_what_the_facts_build() -> None:
    result = run_check()
    assert result.returncode == 0, result.stderr
    assert "up to date" in result.stdout


def test_check_fails_on_one_altered_fact_and_names_its_line(tmp_path: Path) -> None:
    facts = tmp_path / "gazetteer"
    shutil.copytree(FACTS, facts)
    table = facts / "other_players.tsv"
    text = table.read_text(encoding="utf-8")
    assert "\nNeymar\tSantos\n" in text
    table.write_text(text.replace("\nNeymar\tSantos\n", "\nNeymar\tFlamengo\n"), encoding="utf-8")
    shipped = gzip.decompress(SHIPPED.read_bytes()).decode("utf-8").splitlines()
    number = next(i for i, line in enumerate(shipped, start=1) if line.startswith("player\tNeymar\t"))

    result = run_check("--facts", str(facts))

    assert result.returncode == 1
    assert f"differs from the build at line {number}:" in result.stderr
    assert "Neymar\\t3\\tFlamengo" in result.stderr
    assert "Neymar\\t3\\tSantos" in result.stderr


def test_check_writes_nothing(tmp_path: Path) -> None:
    missing = tmp_path / "gazetteer.tsv.gz"
    result = run_check("--output", str(missing))
    assert result.returncode == 1
    assert "missing" in result.stderr
    assert not missing.exists()
