"""The annotator meets its targets on the gold corpus (bench/annotate_eval.py prints the figures and the errors)."""

from __future__ import annotations

import pytest

from reader.annotate import annotate
from tests.annotate.corpus.gold import Report, evaluate, load, strip_markup

TARGETS = {"quotes": 0.95, "persons": 0.92, "teams": 0.90}


@pytest.fixture(scope="module")
def report() -> Report:
    return evaluate(annotate)


def test_the_corpus_is_large_enough_and_its_markup_is_sound() -> None:
    documents = load()
    assert sum(len(d.paragraphs()) for d in documents) >= 40
    for doc in documents:
        assert not any(mark in doc.text for mark in ("[p:", "[c:", "[t:", "{", "}"))
        for start, end, _ in doc.quotes:
            assert doc.text[start] in "«“\"‘" and start < end
        for start, end in (*doc.persons, *doc.teams):
            assert doc.text[start:end] == doc.text[start:end].strip() and doc.text[start].isalpha()


def test_markup_becomes_plain_text_and_spans() -> None:
    text, quotes, entities = strip_markup("[c:Chivu]: {Cristian Chivu|«Il [t:Kairat] va rispettato»}. {|«Bene!»}")
    assert text == "Chivu: «Il Kairat va rispettato». «Bene!»"
    assert [(text[s:e], who) for s, e, who in quotes] == [("«Il Kairat va rispettato»", "Cristian Chivu"),
                                                          ("«Bene!»", None)]
    assert [(text[s:e], kind) for s, e, kind in entities] == [("Chivu", "c"), ("Kairat", "t")]


@pytest.mark.parametrize("name", list(TARGETS))
def test_f1_meets_its_target(report: Report, name: str) -> None:
    score = getattr(report, name)
    assert score.f1 >= TARGETS[name], (f"{name} F1 {score.f1:.3f}; missed {score.missed[:10]}; "
                                       f"false {score.false[:10]}")


def test_matches_and_kinds_are_mostly_right(report: Report) -> None:
    assert Report.accuracy(report.matches) >= 0.9
    assert Report.accuracy(report.kinds) >= 0.9
