"""Names beyond the list (issue 13): accents, misspellings, halves, ambiguity, cues, the people the cache
teaches, and what is never a name."""

from __future__ import annotations

import pytest

from reader.annotate import annotate
from reader.annotate.model import KnownPerson
from reader.annotate.names.entities import find_people
from reader.annotate.names.variants import near_first_name, same_final_vowel


def found(text: str, known: tuple[KnownPerson, ...] = ()) -> list[tuple[str, str]]:
    people = find_people(text, known=known)
    for e in people.entities:
        assert text[e.start:e.end] == e.text
    return [(e.text, e.canonical) for e in people.entities if e.kind != "team"]


@pytest.mark.parametrize(("text", "name", "canonical"), [
    ("Il Bologna ritrova Lucumì, tornato dalla squalifica.", "Lucumì", "Jhon Lucumí"),
    ("Al Parma non basta la generosità di Bernabè.", "Bernabè", "Adrián Bernabé"),
    ("La Roma vince: Soulè illumina l'Olimpico.", "Soulè", "Matías Soulé"),
])
def test_a_final_vowel_with_the_other_accent_is_the_same_name(text: str, name: str, canonical: str) -> None:
    assert (name, canonical) in found(text)


def test_an_accent_the_name_does_not_have_still_makes_a_word() -> None:
    assert same_final_vowel("Sarà", "Sara Gama") is False and same_final_vowel("Lucumì", "Jhon Lucumí")


@pytest.mark.parametrize(("text", "name", "canonical"), [
    ("Christian Chivu ha scelto la prudenza.", "Christian Chivu", "Cristian Chivu"),
    ("Giampiero Gasperini ha parlato a Trigoria.", "Giampiero Gasperini", "Gian Piero Gasperini"),
    ("Accanto a Scot McTominay serve un regista.", "Scot McTominay", "Scott McTominay"),
])
def test_a_misspelt_first_name_with_the_surname_is_the_person(text: str, name: str, canonical: str) -> None:
    assert found(text) == [(name, canonical)]


def test_a_first_name_off_by_a_changed_letter_is_another_name() -> None:
    assert near_first_name("Massimilano", "Massimiliano") and not near_first_name("Marco", "Mario")


def test_half_of_a_double_surname_is_the_person_named_in_full() -> None:
    text = "Un palo di Milinkovic nel primo tempo. Poi Vanja Milinković-Savić ha salvato tutto."
    assert found(text)[0] == ("Milinkovic", "Vanja Milinković-Savić")


def test_an_ambiguous_surname_takes_the_club_of_its_sentence() -> None:
    text = ("Il Cagliari di Pisacane si affida a Esposito, ex di turno. Chivu invece conferma Esposito accanto "
            "a Lautaro.")
    assert [c for t, c in found(text) if t == "Esposito"] == ["Sebastiano Esposito", "Francesco Pio Esposito"]


def test_a_first_name_of_someone_the_article_names() -> None:
    text = "Conte ha parlato di Lukaku ed Eriksen. «Romelu sta bene», ha detto."
    assert ("Romelu", "Romelu Lukaku") in found(text)


@pytest.mark.parametrize(("text", "name"), [
    ("Il nome nuovo è quello di Emegha, attaccante dello Strasburgo, undici gol.", "Emegha"),
    ("In alternativa il club segue Holmberg, attaccante svedese del Malmö.", "Holmberg"),
    ("Ludi ha poi parlato di Van der Brempt, terzino belga arrivato in estate.", "Van der Brempt"),
])
def test_an_unknown_player_beside_a_role_cue(text: str, name: str) -> None:
    assert (name, name) in found(text)


@pytest.mark.parametrize("text", [
    "Sul 3-1, il tecnico ha tolto l'attaccante.",
    "Finisce 2-0, il tecnico esulta.",
])
def test_digits_are_never_a_name(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(("text", "teams"), [
    ("La Nazionale è partita per il Belgio, dove giocherà.", []),
    ("Poi partirà per la Francia con la nazionale.", []),
    ("L'Italia batte il Belgio 2-0.", ["Italia", "Belgio"]),
])
def test_a_country_after_a_word_of_travel_is_a_place(text: str, teams: list[str]) -> None:
    assert [e.text for e in annotate(text).entities if e.kind == "team"] == teams


def test_names_rated_in_a_ratings_article_are_players_or_coaches() -> None:
    text = "Ospina 6. Attento. Koulibaly 6,5: un muro. Zielinski 6,5. Insigne 5. All. Gattuso 6."
    annotation = annotate(text)
    assert ("Ospina", "player") in [(e.text, e.kind) for e in annotation.entities]
    assert ("Gattuso", "coach") in [(e.text, e.kind) for e in annotation.entities]
    assert [(text[m.start:m.end], m.value) for m in annotation.marks][:2] == [("6", 6.0), ("6,5", 6.5)]
    assert annotation.marks[0].person == "Ospina"


def test_a_mark_before_a_dash_is_a_mark_and_a_score_is_not() -> None:
    # "Nome voto – giudizio", the commonest layout of the press's pagelle.
    text = ("Meret 6,5 – Chiamato in causa due volte. Rrahmani 7 – Il migliore della difesa. "
            "Olivera 6 — Un po' di ruggine. Finisce Inter 2 - 1 al novantesimo.")
    assert [text[m.start:m.end] for m in annotate(text).marks] == ["6,5", "7", "6"]


def test_a_lone_number_after_a_name_is_no_mark() -> None:
    assert annotate("Inter 2, per ora. Il Milan resta a guardare.").marks == ()


def test_a_slavic_surname_no_list_knows_is_a_person() -> None:
    assert ("Ibrahimović", "Ibrahimović") in found("Il Milan batte il Bologna con Ibrahimović e Leão.")


def test_a_president_is_found_for_the_speakers_but_never_tagged() -> None:
    people = find_people("Il presidente Urbano Cairo ha parlato. Cairo non cambia idea.")
    assert people.entities == []
    assert [(o.text, o.canonical) for o in people.others] == [("Urbano Cairo", "Urbano Cairo"),
                                                             ("Cairo", "Urbano Cairo")]


def test_a_name_one_article_teaches_is_known_in_another() -> None:
    first = annotate("Il Milan segue Emegha, attaccante dello Strasburgo.")
    assert KnownPerson("Emegha", "player") in first.learned
    later = "Emegha ha segnato ancora, e il Milan osserva."
    assert found(later) == []
    assert found(later, first.learned) == [("Emegha", "Emegha")]


def test_a_speaker_no_list_knows_is_learned_as_another_person() -> None:
    annotation = annotate("Il ds Giovanni Manna ha parlato: «Non faremo follie».")
    assert annotation.quotes[0].speaker == "Giovanni Manna"
    assert KnownPerson("Giovanni Manna", "other") in annotation.learned
    text = "Manna: «Lang resta qui»."
    assert annotate(text, known=annotation.learned).quotes[0].speaker == "Giovanni Manna"
