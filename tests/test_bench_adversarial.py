"""bench/adversarial.py: every case of issue 16 §3 is there; the sanitiser's and the store's stay bounded."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import REPO


def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_adversarial", REPO / "bench" / "adversarial.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_the_benchmark_has_every_adversarial_input_of_the_issue(tmp_path: Path) -> None:
    names = {case.name for case in bench().cases(tmp_path)}
    assert {"list -n -1", "list -n 10^20", "show 2^63", "search 200 words", "search 5000 words", "annotate 50k «",
            "annotate 25k «a»", "annotate 800 kB words", "annotate 10 MB line"} <= names


# Bounds with room for a busy 2-core machine: each takes well under a second alone.
@pytest.mark.parametrize("name", ["clean 200k 8-bit OSC", "clean 100k ESC ]", "clean 1 MB mixed", "html 100k &#27;",
                                  "display 1 MB", "store 5000 x 1 kB"])
def test_the_sanitiser_and_the_store_stay_bounded_on_hostile_input(name: str, tmp_path: Path) -> None:
    module = bench()
    case = next(c for c in module.cases(tmp_path) if c.name == name)
    outcome = module.measure(case, timeout=10.0, memory_mb=1000)
    assert outcome.result == "exit 0"
    assert outcome.seconds < 5.0 and outcome.peak_mb < 300, outcome
