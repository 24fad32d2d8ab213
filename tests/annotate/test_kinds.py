"""The kind of an article from the whole of it: the title's words first, then the lead, the body and its shape."""

from __future__ import annotations

import pytest

from reader.annotate import annotate
from reader.annotate.kinds import KINDS_FILE, article_kind, read_kinds
from reader.annotate.model import Match
from reader.annotate.quotes import find_quotes


def kind_of(title: str, lead: str = "", body: str = "", **shape: object) -> str:
    text = "\n\n".join(p for p in (title, lead, body) if p)
    return article_kind(title, lead, text, quotes=find_quotes(text), **shape)  # type: ignore[arg-type]


@pytest.mark.parametrize(("title", "lead", "kind"), [
    ("Inter-Kairat Almaty, la vigilia: le probabili formazioni", "", "anteprima"),
    ("Verso Juventus-Napoli: Spalletti ritrova Bremer", "", "anteprima"),
    ("Chivu in conferenza stampa: «Il Kairat non è una gita»", "", "conferenza"),
    ("Barella: «Chivu ci ha ridato fame»", "", "intervista"),
    ("Intervista a Barella: il Mondiale e l'Inter", "", "intervista"),
    ("Juventus-Torino 2-1, le pagelle: Yildiz fa il fenomeno", "", "pagelle"),
    ("Roma, i voti di Soulé e Dybala", "", "pagelle"),
    ("Calciomercato Napoli, Manna cerca un centrocampista", "", "mercato"),
    ("Ufficiale: Zirkzee è della Roma", "", "mercato"),
    ("Rassegna stampa, le prime pagine dei quotidiani di oggi", "", "rassegna"),
    ("L'Inter batte il Kairat e vola agli ottavi", "", "cronaca"),
    # "dopo il pari": the match is over and someone talks about it, the result word reports no match.
    ("Spalletti dopo il pari di Bodø: «Abbiamo smesso di giocare»", "Il tecnico non cerca alibi dopo il 2-2.",
     "intervista"),
    ("Gasperini dopo il ko di Verona: «Serve più coraggio»", "", "intervista"),
    ("Dybala, lesione di basso grado al flessore", "Gli esami svolti ieri hanno confermato i timori.", "altro"),
    ("Notizie dal ritiro", "Alla vigilia della sfida, le probabili formazioni.", "anteprima"),
    ("Notizie dal ritiro", "Nessun indizio qui.", "altro"),
])
def test_the_kind_from_the_title_then_the_lead(title: str, lead: str, kind: str) -> None:
    assert kind_of(title, lead) == kind


def test_a_score_in_the_title_makes_a_match_report() -> None:
    assert kind_of("Milan - Lazio 1-1: Zaccagni illude Sarri", match=Match("Milan", "Lazio", "1-1")) == "cronaca"


def test_a_match_report_is_told_by_its_body_when_its_title_says_nothing() -> None:
    body = ("Apre Orsolini al 12', pareggia Vitinha nel primo tempo. Nella ripresa il Bologna raddoppia di testa "
            "e nel finale chiude i conti su rigore: doppietta per Castro.")
    assert kind_of("Orsolini show al Dall'Ara", "", body) == "cronaca"


def test_answers_after_questions_make_an_interview() -> None:
    body = "Il rinnovo?\n\n«Ne parleremo a fine stagione.»\n\nLa Nazionale?\n\n«Un sogno, non lo nascondo.»"
    assert kind_of("Lautaro, il capitano dei record", "Lautaro ha parlato a lungo.", body) == "intervista"


def test_topic_labels_before_quotes_make_a_press_conference() -> None:
    body = "MERCATO – «Non cerchiamo nessuno.»\n\nLAUTARO – «È il nostro capitano.»\n\nDERBY – «Siamo pronti.»"
    assert kind_of("Chivu alla vigilia del derby", "", body) == "conferenza"


def test_labels_naming_newspapers_make_a_press_review() -> None:
    body = ("GAZZETTA DELLO SPORT – «L'Inter vola.»\n\nTUTTOSPORT – «Juve, così non va.»\n\n"
            "CORRIERE DELLO SPORT – «Il Napoli frena.»")
    assert kind_of("Il derby d'Italia e il resto", "", body) == "rassegna"


def test_marks_after_names_make_a_ratings_article() -> None:
    text = "Juventus, che serata\n\nYildiz 7,5. Decisivo. Vlahovic 7: il gol. Locatelli 6. Ordinato. Kalulu 6,5."
    assert annotate(text).kind == "pagelle"


def test_the_data_file_is_read_and_a_bad_line_is_refused() -> None:
    with KINDS_FILE.open(encoding="utf-8") as handle:
        patterns = read_kinds(handle)
    assert {kind for part in patterns.values() for kind, _, _ in part} >= {"rassegna", "conferenza", "cronaca"}
    with pytest.raises(ValueError, match="unknown kind"):
        read_kinds(["sconosciuto\ttitle\t3\tparola\n"])


def test_a_preview_with_pagelle_in_its_title_is_ratings_even_with_a_score_and_a_verb() -> None:
    from reader.annotate import headline

    match, kind = headline("Juventus-Torino 2-1, le pagelle: Yildiz fa il fenomeno, Vlahovic decide il derby",
                           "Yildiz trascina la Juve, Vlahovic segna il gol della vittoria al 78'.")
    assert match is not None and match.score == "2-1" and kind == "pagelle"
