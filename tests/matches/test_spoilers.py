"""No spoilers: score and ratings hidden in the row and the titles of an unwatched match, shown once watched."""

from __future__ import annotations

import pytest

from reader.matches.model import MatchView
from reader.matches.spoilers import is_hidden, mask_results, shown_score, shown_title
from reader.store.marks import MatchMarks

VIEW = MatchView(key="2026-11-21-juventus-napoli", home="Juventus", away="Napoli", competition="it.1", round=None,
                 kickoff=None, timed=False, score=(1, 2), stories=())


@pytest.mark.parametrize(("marks", "setting", "hidden"), [
    (None, False, False),
    (None, True, True),
    (MatchMarks(no_spoilers=True), False, True),
    (MatchMarks(watched=True), True, False),
    (MatchMarks(watched=True, no_spoilers=True), False, False),
])
def test_a_match_is_hidden_until_watched_when_no_spoilers_is_on_for_it(marks: MatchMarks | None, setting: bool,
                                                                        hidden: bool) -> None:
    assert is_hidden(marks, setting) is hidden


def test_the_row_hides_the_score_and_a_title_after_the_kickoff_is_replaced_whole() -> None:
    assert shown_score(VIEW, True) == "–" and shown_score(VIEW, False) == "1-2"
    report = "Juventus-Napoli 1-2: McTominay e Hojlund ribaltano Yildiz, Conte espugna lo Stadium"
    assert shown_title(report, "cronaca", VIEW, True) == "Juventus–Napoli: cronaca"
    assert shown_title(report, "cronaca", VIEW, False) == report
    assert shown_title("Juventus-Napoli, le probabili formazioni", "formazioni", VIEW, True) == (
        "Juventus-Napoli, le probabili formazioni")


@pytest.mark.parametrize(("text", "masked"), [
    ("Inter-Genoa 2-0, le pagelle: Dimarco da 7,5, Lautaro voto 8",
     "Inter-Genoa –, le pagelle: Dimarco da –, Lautaro voto –"),
    ("Dopo il 3 - 1 dell'andata", "Dopo il – dell'andata"),
    ("Milan - Lazio 1-1: Zaccagni illude Sarri", "Milan - Lazio –: Zaccagni illude Sarri"),
    ("Alle 20.45, il 3-5-2 di Allegri e la 14ª giornata del 2026-27",
     "Alle 20.45, il 3-5-2 di Allegri e la 14ª giornata del 2026-27"),
])
def test_scores_and_marks_are_masked_and_nothing_else(text: str, masked: str) -> None:
    assert mask_results(text) == masked
