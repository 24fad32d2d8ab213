"""Who speaks, in the structures of real press (issue 13), through annotate() and the real gazetteer.

Each text is ours, in the shape the press writes; the corpus (tests/annotate/corpus) measures the same
structures at scale.
"""

from __future__ import annotations

import pytest

from reader.annotate import annotate


def said(text: str) -> list[tuple[str, str | None]]:
    """(quote, speaker) of every quote of `text`."""
    return [(text[q.start:q.end], q.speaker) for q in annotate(text).quotes]


def speakers(text: str) -> list[str | None]:
    return [who for _, who in said(text)]


def test_answers_after_questions_are_the_interviewees() -> None:
    text = ("Lautaro: «Qui sto bene»\n\nLautaro Martínez ha risposto alle domande dei tifosi.\n\n"
            "Cosa le ha detto Chivu?\n\n«Di stare tranquillo e di segnare.»\n\nE Thuram?\n\n«Un fratello.»")
    assert speakers(text) == ["Lautaro Martínez"] * 3


def test_a_cue_in_the_paragraph_before_ending_with_a_colon() -> None:
    text = "Verso il derby\n\nChivu ha ribadito la linea della società:\n\n«Preferiamo la qualità alla quantità»."
    assert speakers(text) == ["Cristian Chivu"]


def test_topic_labels_give_their_quotes_to_the_conference_speaker() -> None:
    text = ("Conferenza stampa di Chivu\n\nCristian Chivu ha parlato in sala stampa.\n\n"
            "MERCATO – «Non cerchiamo nessuno.»\n\nLAUTARO – «È il nostro capitano.»")
    assert speakers(text) == ["Cristian Chivu", "Cristian Chivu"]


@pytest.mark.parametrize("text", [
    "«Possiamo ancora vincerlo». Parola di Luciano Spalletti, che ci crede.",
    "«Possiamo ancora vincerlo». Tutto fuorché rassegnato, ecco Luciano Spalletti.",
    "Lo sfogo di Spalletti: «Possiamo ancora vincerlo».",
    "«Possiamo ancora vincerlo». Il messaggio di Spalletti arriva chiaro alla squadra.",
])
def test_a_speaker_named_beside_a_quote_without_a_verb(text: str) -> None:
    assert speakers(text) == ["Luciano Spalletti"]


def test_an_attribution_between_dashes_cuts_one_quote_of_one_speaker() -> None:
    text = "«Non dormivo più - ha detto Spalletti in conferenza -. Ora invece sono sereno»."
    assert said(text) == [("«Non dormivo più", "Luciano Spalletti"), ("Ora invece sono sereno»", "Luciano Spalletti")]


@pytest.mark.parametrize(("text", "speaker"), [
    ("Dirà Conte che «può bastare, per oggi».", "Antonio Conte"),
    ("Sul futuro, racconta Barella che «la fascia resta a Lautaro».", "Nicolò Barella"),
])
def test_indirect_cues(text: str, speaker: str) -> None:
    assert speakers(text) == [speaker]


def test_a_quote_inside_a_quote_has_its_own_speaker() -> None:
    text = ("Barella racconta: «Quando sono arrivato, Conte mi ha detto: \"Qui o vinci o vai a casa\". "
            "Da quel giorno corro»")
    assert speakers(text) == ["Nicolò Barella", "Antonio Conte"]


def test_the_object_of_the_sentence_is_not_the_speaker() -> None:
    text = ("Il presidente del Torino Urbano Cairo ha escluso l'ipotesi di esonerare Marco Baroni:\n\n"
            "«Il mister ha la mia fiducia»")
    assert speakers(text) == ["Urbano Cairo"]


def test_a_newspaper_is_the_source_never_the_speaker() -> None:
    text = ('Rassegna stampa, le prime pagine\n\nLa Gazzetta apre sul derby. "L\'Inter cambia passo. Chivu ha '
            'detto: «Mi prendo la responsabilità». Ora tocca all\'Atletico", scrive il quotidiano.')
    assert said(text) == [('"L\'Inter cambia passo. Chivu ha detto: «Mi prendo la responsabilità». Ora tocca '
                           'all\'Atletico"', None), ("«Mi prendo la responsabilità»", "Cristian Chivu")]


def test_a_continuation_after_an_omission_goes_on_with_the_passage() -> None:
    text = ('Il quotidiano scrive: "Conte non ha gradito la ripresa.\n\n(...) Senza Lobotka il centrocampo '
            'non regge", si legge.')
    quotes = said(text)
    assert [q for q, _ in quotes] == ['"Conte non ha gradito la ripresa.', '(...) Senza Lobotka il centrocampo '
                                                                          'non regge"']
    assert {who for _, who in quotes} == {None}


def test_a_forgotten_opening_mark_is_found_from_the_closing_one() -> None:
    text = ("Gasperini ha parlato della squadra:\n\n"
            'Paulo sta meglio, ha fatto tutto l\'allenamento e domani vedremo come sta".')
    assert said(text) == [('Paulo sta meglio, ha fatto tutto l\'allenamento e domani vedremo come sta"',
                           "Gian Piero Gasperini")]


def test_an_attribution_wins_over_a_banner_nearby() -> None:
    text = ("La curva ha esposto lo striscione «Il derby è una fede». Sullo striscione: «Non l'ho visto, ma i "
            "tifosi hanno ragione», ha detto Spalletti.")
    assert said(text) == [("«Non l'ho visto, ma i tifosi hanno ragione»", "Luciano Spalletti")]


def test_mixed_marks_close_the_quote() -> None:
    text = "«Il derby lo vinci con la testa”, ha aggiunto Spalletti, che poi è andato via."
    assert said(text) == [("«Il derby lo vinci con la testa”", "Luciano Spalletti")]


def test_an_unnamed_source_and_a_club_statement_have_no_speaker() -> None:
    text = "Il Genoa ha preso Otoa. In una nota, il club ha spiegato la scelta:\n\n«Un profilo giovane e forte».\n"
    assert speakers(text) == [None]
