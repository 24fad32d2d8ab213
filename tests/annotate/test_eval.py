"""The annotator meets its targets on the in-sample corpus (bench/annotate_eval.py prints every figure).

The held-out part is only checked for sound markup here: no test tunes a rule on it.
"""

from __future__ import annotations

import pytest

from reader.annotate import annotate
from tests.annotate.corpus.gold import HELD_OUT, IN_SAMPLE, load_parts, strip_markup
from tests.annotate.corpus.score import Report, evaluate

TARGETS = {"quotes": 0.98, "quote_spans": 0.95, "persons": 0.97, "teams": 0.98}
CLASSES = ("qa", "colon-cue", "topic-label", "verbless", "dash-attribution", "indirect", "wrong-person",
           "press-review", "continuation", "missing-open", "banner", "mixed-marks", "accents", "ambiguous",
           "half-double", "misspelt", "first-name", "unknown-role", "not-names", "older", "marks")
KINDS = ("anteprima", "intervista", "conferenza", "cronaca", "pagelle", "mercato", "rassegna", "altro")


@pytest.fixture(scope="module")
def report() -> Report:
    return evaluate(annotate, load_parts(*IN_SAMPLE))


@pytest.mark.parametrize("part", [IN_SAMPLE, (HELD_OUT,)], ids=["in-sample", "held-out"])
def test_each_part_has_five_documents_of_every_class_and_kind(part: tuple[str, ...]) -> None:
    documents = load_parts(*part)
    for name in CLASSES:
        assert sum(name in doc.classes for doc in documents) >= 5, name
    for kind in KINDS:
        assert sum(doc.fields.get("kind") == kind for doc in documents) >= 5, kind
    assert all(set(doc.classes) <= set(CLASSES) for doc in documents)


def test_the_corpus_markup_is_sound() -> None:
    documents = load_parts()
    assert sum(len(d.paragraphs()) for d in documents) >= 300
    for doc in documents:
        assert not any(mark in doc.text for mark in ("[p:", "[c:", "[t:", "[m:", "{", "}"))
        for start, end, _ in doc.quotes:
            # a mark, or the text resuming after "- ha detto -", "(...)", or a forgotten opening mark
            assert (doc.text[start] in "«“\"‘[(" or doc.text[start].isalnum()) and start < end
        for start, end in (*doc.persons, *doc.teams, *doc.marks):
            assert doc.text[start:end] == doc.text[start:end].strip() and doc.text[start].isalnum()


def test_markup_becomes_plain_text_and_spans() -> None:
    markup = strip_markup("[c:Chivu]: {Cristian Chivu|«Il [t:Kairat] va rispettato»}. {|«Bene!»} "
                          "[p:Ferguson=Evan Ferguson] [m:6,5]; {|\"Scrive: {Conte|«Basta»}\"}")
    text = markup.text
    assert text == "Chivu: «Il Kairat va rispettato». «Bene!» Ferguson 6,5; \"Scrive: «Basta»\""
    assert [(text[s:e], who) for s, e, who in markup.quotes] == [
        ("«Il Kairat va rispettato»", "Cristian Chivu"), ("«Bene!»", None),
        ('"Scrive: «Basta»"', None), ("«Basta»", "Conte")]
    assert [(text[s:e], kind, who) for s, e, kind, who in markup.entities] == [
        ("Chivu", "c", ""), ("Kairat", "t", ""), ("Ferguson", "p", "Evan Ferguson"), ("6,5", "m", "")]


@pytest.mark.parametrize("name", list(TARGETS))
def test_f1_meets_its_target(report: Report, name: str) -> None:
    score = getattr(report, name)
    assert score.f1 >= TARGETS[name], (f"{name} F1 {score.f1:.3f}; missed {score.missed[:10]}; "
                                       f"false {score.false[:10]}")


def test_speakers_kinds_and_matches_are_mostly_right(report: Report) -> None:
    assert report.speaker_rate() >= 0.9
    assert Report.accuracy(report.kinds) >= 0.9
    assert Report.accuracy(report.matches) >= 0.9
    assert report.older.recall >= 0.9
    assert report.marks.f1 >= 0.9
