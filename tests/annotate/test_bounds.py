"""What one article may cost (issue 16 §3): every pass linear, the text and the quotes capped.

The bounds are generous (the machine is shared): each case takes about a tenth of a second alone.
"""

from __future__ import annotations

import time
import tracemalloc

import pytest

from reader.annotate import MAX_CHARS, annotate
from reader.annotate.quotes import find_quotes
from reader.annotate.quotes.find import MAX_QUOTES
from tests.annotate.adversarial import CASES, adversarial

SECONDS = 10.0
PEAK_BYTES = 200_000_000


@pytest.mark.parametrize("name", CASES)
def test_an_adversarial_text_is_annotated_in_bounded_time_and_memory(name: str) -> None:
    text = adversarial(name)
    annotate("Lautaro")  # the gazetteer's load is not the case's cost
    tracemalloc.start()
    started = time.perf_counter()
    annotation = annotate(text)
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert elapsed < SECONDS, f"{name}: {elapsed:.1f} s"
    assert peak < PEAK_BYTES, f"{name}: {peak / 1e6:.0f} MB"
    assert len(annotation.quotes) <= MAX_QUOTES
    assert all(q.end <= MAX_CHARS for q in annotation.quotes) and all(e.end <= MAX_CHARS for e in annotation.entities)


def test_a_text_past_the_limit_is_annotated_up_to_it() -> None:
    filler = "Una giornata qualunque, senza nomi. " * (MAX_CHARS // 36 + 10)
    text = "Lautaro segna. " + filler + "Thuram segna."
    assert [e.text for e in annotate(text).entities] == ["Lautaro"]


def test_quotes_beyond_the_limit_are_not_read() -> None:
    text = " ".join("«Abbiamo giocato bene, oggi.»" for _ in range(MAX_QUOTES + 50))
    spans = find_quotes(text)
    assert len(spans) == MAX_QUOTES
    assert len(find_quotes(text, limit=10)) == 10


def test_speakers_cost_the_same_per_quote_however_many_quotes_there_are() -> None:
    def seconds(quotes: int) -> float:
        text = "Chivu ha detto: " + " ".join("«Siamo pronti, andiamo.»" for _ in range(quotes))
        best = float("inf")
        for _ in range(3):
            started = time.perf_counter()
            annotate(text)
            best = min(best, time.perf_counter() - started)
        return best
    small, large = seconds(40), seconds(400)
    assert large < small * 40, f"40 quotes {small:.3f} s, 400 quotes {large:.3f} s: more than linear"
