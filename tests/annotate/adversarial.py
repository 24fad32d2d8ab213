"""Inputs that once made the annotator quadratic (issue 16 §3), shared by tests/annotate/test_bounds.py and
bench/annotate_eval.py: (name, text) pairs, built on demand (the largest is 10 MB)."""

from __future__ import annotations

from collections.abc import Iterator

CASES = ("50,000 «", "100 kB of «Sì»", "800 kB of ordinary words", "10 MB on one line")


def adversarial(name: str) -> str:
    """The text of one case."""
    if name == "50,000 «":
        return "«" * 50_000
    if name == "100 kB of «Sì»":
        return "«Sì» " * 20_000
    if name == "800 kB of ordinary words":
        return ("Lautaro ha detto che Chivu resta. " * 24_000)[:800_000]
    if name == "10 MB on one line":
        return "Inter " * 1_700_000
    raise KeyError(name)


def adversarial_cases() -> Iterator[tuple[str, str]]:
    for name in CASES:
        yield name, adversarial(name)
