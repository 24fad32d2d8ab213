"""Quotes and speakers, on hand-made texts and hand-made names (no gazetteer)."""

from __future__ import annotations

import re
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.annotate.model import Entity
from reader.annotate.quotes import find_quotes, paragraphs
from reader.annotate.speakers import assign_speakers


def quoted(text: str) -> list[str]:
    return [text[q.start:q.end] for q in find_quotes(text)]


def people(text: str, names: dict[str, str]) -> list[Entity]:
    """Every occurrence of each name as a coach or player entity with the given canonical name."""
    found = [Entity(m.start(), m.end(), m.group(), "coach" if canonical.endswith("*") else "player",
                    canonical.rstrip("*"))
             for name, canonical in names.items() for m in re.finditer(rf"\b{re.escape(name)}\b", text)]
    return sorted(found, key=lambda e: e.start)


def speakers(text: str, names: dict[str, str]) -> list[tuple[str, str | None]]:
    quotes = assign_speakers(text, find_quotes(text), people(text, names))
    return [(text[q.start:q.end], q.speaker) for q in quotes]


@pytest.mark.parametrize(("text", "expected"), [
    ("Chivu ha detto: «Siamo pronti». Poi è andato via.", ["«Siamo pronti»"]),
    ("Chivu: “Siamo pronti”.", ["“Siamo pronti”"]),
    ('Lautaro: "Siamo pronti". E basta.', ['"Siamo pronti"']),
    ("«Mi ha detto “vai” e sono andato. La ‘gita’ è finita», ha raccontato.",
     ["«Mi ha detto “vai” e sono andato. La ‘gita’ è finita»"]),
    ('«Mi ha detto "resta", e sono rimasto», ha detto.', ['«Mi ha detto "resta", e sono rimasto»']),
    ('"Ho sentito ‘bravo’ dalla curva", ha detto.', ['"Ho sentito ‘bravo’ dalla curva"']),
])
def test_every_quotation_convention_and_nesting(text: str, expected: list[str]) -> None:
    assert quoted(text) == expected


def test_a_quote_over_paragraphs_is_one_piece_per_paragraph_sharing_a_group() -> None:
    text = "Conte: «Prima parte del discorso.\n\n«Seconda parte.\n\n«Terza e ultima», ha concluso."
    spans = find_quotes(text)
    assert [text[s.start:s.end] for s in spans] == ["«Prima parte del discorso.", "«Seconda parte.",
                                                     "«Terza e ultima»"]
    assert len({s.group for s in spans}) == 1 and [s.paragraph for s in spans] == [0, 1, 2]


def test_quotes_in_consecutive_paragraphs_that_close_are_separate_groups() -> None:
    spans = find_quotes("«Uno», ha detto.\n\n«Due», ha aggiunto.")
    assert len({s.group for s in spans}) == 2


@pytest.mark.parametrize(("text", "expected"), [
    ("Sarri: «Non cerco alibi, la squadra c'è", ["«Non cerco alibi, la squadra c'è"]),
    ("Sarri: «Non cerco alibi  \n\nAltro paragrafo.", ["«Non cerco alibi"]),
    ("Allegri: «Non possiamo regalare un tempo «Dobbiamo fare noi la partita».",
     ["«Non possiamo regalare un tempo", "«Dobbiamo fare noi la partita»"]),
    ("«Abbiamo sbagliato troppo, ha ammesso Sarri. «Ma la squadra c'è».",
     ["«Abbiamo sbagliato troppo", "«Ma la squadra c'è»"]),
    ("«Non faremo follie, ha detto il presidente.", ["«Non faremo follie"]),
])
def test_a_missing_closing_mark_ends_the_quote_at_the_paragraph_the_next_quote_or_the_attribution(
        text: str, expected: list[str]) -> None:
    assert quoted(text) == expected


@pytest.mark.parametrize("text", [
    "L'Inter al 78' ha segnato, un po' di fortuna e poi l'incornata.",
    "L’Inter al 78’ ha segnato, un po’ di fortuna e poi l’incornata di Bisseck.",
    "Negli anni ‘90 il calcio era diverso, dice qualcuno.",
    "Il portiere è alto 1,90\" e il recupero è di 4'.",
])
def test_apostrophes_are_never_quotes(text: str) -> None:
    assert quoted(text) == []


@pytest.mark.parametrize("text", [
    'Spalletti pensa a Yildiz nel ruolo di "falso nove" contro il Napoli.',
    "La cosiddetta ‘zona Cesarini’ resta un tabù.",
    "Nello spogliatoio la parola «scudetto» è bandita.",
    "Il “muro” del Napoli regge ancora.",
    'Il "caso" del rigore sbagliato, poi il resto.',
])
def test_scare_quotes_are_not_speech(text: str) -> None:
    assert quoted(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Chivu: «Pronti».", ["«Pronti»"]),
    ("«Pronti», ha detto Chivu.", ["«Pronti»"]),
    ('"Vinciamo", così Allegri.', ['"Vinciamo"']),
    ("«Scudetto?» No.", ["«Scudetto?»"]),
])
def test_a_short_quote_with_a_speech_cue_or_punctuation_is_speech(text: str, expected: list[str]) -> None:
    assert quoted(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ('Poi "Rafa deve fare la differenza. Se non la fa lui, chi la fa?". Fine.',
     ['"Rafa deve fare la differenza. Se non la fa lui, chi la fa?"']),
    ('("Siamo pronti a tutto") e basta.', ['"Siamo pronti a tutto"']),
    ('Lui: "Uno due tre quattro" e lei: "cinque sei sette otto".', ['"Uno due tre quattro"',
                                                                   '"cinque sei sette otto"']),
    ('Poi: "Siamo pronti "Andiamo a vincere stasera".', ['"Siamo pronti', '"Andiamo a vincere stasera"']),
])
def test_a_straight_mark_opens_or_closes_by_its_neighbours(text: str, expected: list[str]) -> None:
    assert quoted(text) == expected


def test_paragraphs_are_split_at_blank_lines_even_with_spaces_or_crlf() -> None:
    text = "uno\n\ndue\n  \ntre\r\n\r\nquattro"
    assert [text[s:e].strip() for s, e in paragraphs(text)] == ["uno", "due", "tre", "quattro"]


CHIVU = {"Cristian Chivu": "Cristian Chivu*", "Chivu": "Cristian Chivu*", "Lautaro": "Lautaro Martínez",
         "Barella": "Nicolò Barella", "Sarri": "Maurizio Sarri*", "Guendouzi": "Matteo Guendouzi",
         "Allegri": "Massimiliano Allegri*", "Leão": "Rafael Leão"}


@pytest.mark.parametrize(("text", "speaker"), [
    ("Chivu ha detto: «Siamo pronti».", "Cristian Chivu"),
    ("«Siamo pronti», ha detto Chivu.", "Cristian Chivu"),
    ("«Siamo pronti», ha spiegato Chivu in conferenza.", "Cristian Chivu"),
    ("«Siamo pronti», così Chivu alla vigilia.", "Cristian Chivu"),
    ("Le parole di Chivu: «Siamo pronti».", "Cristian Chivu"),
    ("Secondo Chivu, «la squadra è pronta».", "Cristian Chivu"),
    ("Chivu in conferenza stampa: «Siamo pronti».", "Cristian Chivu"),
    ("Chivu ha commentato: «Siamo pronti».", "Cristian Chivu"),
    ("Chivu su Lautaro: «È il nostro capitano».", "Cristian Chivu"),
    ("Dopo il gol di Lautaro, Chivu ha dichiarato: «Siamo pronti».", "Cristian Chivu"),
    ("Chivu ha parlato di Lautaro: «È il nostro capitano».", "Cristian Chivu"),
    ("«È il nostro capitano», ha detto Chivu di Lautaro.", "Cristian Chivu"),
    ("Lautaro e Barella ascoltano. «Forza», ha aggiunto Barella.", "Nicolò Barella"),
])
def test_the_speaker_comes_from_the_cue_and_resolves_to_the_full_name(text: str, speaker: str) -> None:
    assert speakers(text, CHIVU)[0][1] == speaker


def test_a_quote_with_no_cue_continues_the_speaker_before_it() -> None:
    text = "«Uno», ha detto Sarri. «Due!».\n\n«Tre!».\n\nAltro.\n\nAncora.\n\n«Quattro!»."
    assert [s for _, s in speakers(text, CHIVU)] == ["Maurizio Sarri"] * 3 + [None]


def test_a_cue_without_a_name_takes_the_role_or_the_subject() -> None:
    text = ("Cristian Chivu ha parlato dopo la gara.\n\nIl tecnico ha poi aggiunto: «Siamo pronti».\n\n"
            "Barella era stanco. Dopo la partita ha scherzato: «Che fatica».")
    assert [s for _, s in speakers(text, CHIVU)] == ["Cristian Chivu", "Nicolò Barella"]


def test_a_quote_over_paragraphs_has_one_speaker() -> None:
    text = "Barella dice: «Prima.\n\n«Seconda.\n\n«Terza», ha concluso il centrocampista."
    assert [s for _, s in speakers(text, CHIVU)] == ["Nicolò Barella"] * 3


def test_a_colon_cue_picks_the_subject_not_a_name_after_a_preposition() -> None:
    text = "Poi, parlando di Guendouzi, Sarri: «È un ragazzo generoso, a volte troppo»."
    assert speakers(text, CHIVU)[0][1] == "Maurizio Sarri"


def test_a_speaker_the_gazetteer_does_not_know_is_the_name_at_the_cue() -> None:
    text = ("Il presidente Aurelio De Laurentiis ha frenato gli entusiasmi. «Non faremo follie», ha detto "
            "De Laurentiis a margine di un evento.")
    assert speakers(text, {}) == [("«Non faremo follie»", "Aurelio De Laurentiis")]


def test_a_surname_speaker_takes_the_full_name_used_elsewhere() -> None:
    text = "Arman Dzhaksybekov ha giocato bene. «Un sogno», ha raccontato Dzhaksybekov."
    names = {"Arman Dzhaksybekov": "Arman Dzhaksybekov", "Dzhaksybekov": "Dzhaksybekov"}
    assert speakers(text, names)[0][1] == "Arman Dzhaksybekov"


def test_an_unnamed_source_has_no_speaker() -> None:
    text = ("Chivu ha parlato a lungo. «Lautaro non è sul mercato», ha detto a Sky una fonte vicina al club.\n\n"
            "«Siamo pronti a tutto», ha detto in conferenza stampa il capitano del Kairat.")
    entities = [*people(text, CHIVU), Entity(text.index("Kairat"), text.index("Kairat") + 6, "Kairat", "team",
                                             "Kairat Almaty")]
    quotes = assign_speakers(text, find_quotes(text), sorted(entities, key=lambda e: e.start))
    assert [q.speaker for q in quotes] == [None, None]


def test_a_described_subject_is_the_person_the_paragraph_is_about() -> None:
    text = "Barella ha raccontato il clima del gruppo. «Siamo pronti a tutto», ha detto il sardo."
    assert speakers(text, CHIVU)[0][1] == "Nicolò Barella"


@pytest.mark.parametrize("text", [
    "Dalla Lazio la lettura è opposta: per Sarri «Leão prende il pallone in maniera netta».",
    "Secondo Sarri, «Leão prende il pallone in maniera netta».",
])
def test_per_or_secondo_a_name_right_before_the_quote(text: str) -> None:
    assert speakers(text, CHIVU)[0][1] == "Maurizio Sarri"


def test_names_joined_to_one_after_a_preposition_are_not_the_subject() -> None:
    text = ("«Uno», ha detto Chivu. Nessuna indicazione sul ballottaggio tra Barella e Lautaro: "
            "«Ho undici posti e ventitré giocatori».")
    assert [s for _, s in speakers(text, CHIVU)][1] == "Cristian Chivu"


def test_a_capitalised_word_at_a_sentence_start_is_not_a_speaker() -> None:
    text = "Nessuna indicazione sul ballottaggio: «Ho undici posti e ventitré giocatori»."
    assert speakers(text, {})[0][1] is None


def test_a_label_after_definito_is_not_speech() -> None:
    assert quoted("Un primo contatto, definito “interlocutorio” da chi era presente.") == []


def test_names_inside_a_quote_never_speak_it() -> None:
    text = "Poi il commento: «Lautaro è il nostro capitano»."
    assert speakers(text, CHIVU)[0][1] is None


QUOTE_CHARS = "«»“”„\"‘’' .,:;!?\n"


@given(st.text(alphabet=st.sampled_from(list(QUOTE_CHARS) + list("abc ÈA-")), max_size=200))
def test_quotes_lie_inside_the_text_in_order_apart_or_nested(text: str) -> None:
    spans = find_quotes(text)
    for span in spans:
        assert 0 <= span.start < span.end <= len(text)
        # a mark, or the speech after a forgotten opening mark or an attribution between dashes
        assert text[span.start] in "«“„\"‘”(" or text[span.start].isalnum()
    for first, second in pairwise(spans):
        assert first.start <= second.start
        assert first.end <= second.start or (second.depth > first.depth and second.end <= first.end)
