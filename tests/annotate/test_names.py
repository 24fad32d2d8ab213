"""Players, coaches and teams: the gazetteer, folding, cue words, surname linking and what is never a name."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Mapping

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.annotate.gazetteer import DATA_FILE, fold, fold_key, gazetteer, name_parts
from reader.annotate.model import Entity
from reader.annotate.names.cues import cue_words, read_cues
from reader.annotate.names.entities import find_entities
from reader.annotate.names.teams import canonical_team
from reader.settings.config import NameSpec


def found(text: str, extra_names: Mapping[str, NameSpec] | None = None) -> list[tuple[str, str, str]]:
    """(text, kind, canonical) of every entity, checking that offsets point at the text."""
    entities = find_entities(text, extra_names=extra_names)
    for e in entities:
        assert text[e.start:e.end] == e.text
    return [(e.text, e.kind, e.canonical) for e in entities]


def texts(text: str) -> list[str]:
    return [t for t, _, _ in found(text)]


# --- folding and the data ------------------------------------------------------------------------------

def test_folding_keeps_every_offset_and_drops_accents_and_case() -> None:
    text = "Çalhanoğlu, Højlund e Martínez: l’İNTER di Bodø/Glimt"
    folded = fold(text)
    assert len(folded) == len(text)
    assert folded.split() == ["calhanoglu", "hojlund", "e", "martinez", "l", "inter", "di", "bodo", "glimt"]


def test_name_parts_keep_particles_with_the_surname() -> None:
    assert name_parts("Virgil van Dijk") == ("Virgil", ("van Dijk",))
    assert name_parts("Giovanni Di Lorenzo") == ("Giovanni", ("Di Lorenzo",))
    assert name_parts("Francesco Pio Esposito") == ("Francesco", ("Esposito", "Pio Esposito"))
    assert name_parts("Pedri") == ("", ("Pedri",))


def test_the_shipped_data_is_small_and_knows_the_current_season() -> None:
    assert DATA_FILE.stat().st_size < 1_000_000
    gaz = gazetteer()
    assert {s.canonical for s in gaz.senses[fold_key("Lautaro Martínez")]} == {"Lautaro Martínez"}
    assert any(s.kind == "coach" and s.team == "Inter" for s in gaz.senses["chivu"])
    assert any(s.kind == "team" for s in gaz.senses["kairat almaty"])


def test_importing_the_annotator_does_not_load_the_gazetteer() -> None:
    code = ("import sys, reader.annotate; "
            "print('reader.annotate.names' in sys.modules, 'reader.annotate.gazetteer' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


# --- full names, accents, capitals, word boundaries ----------------------------------------------------

def test_full_names_match_with_or_without_accents() -> None:
    assert found("Gol di Lautaro Martinez e assist di Hakan Calhanoglu.") == [
        ("Lautaro Martinez", "player", "Lautaro Martínez"), ("Hakan Calhanoglu", "player", "Hakan Çalhanoğlu")]
    assert texts("Rasmus Højlund, Kenan Yıldız e Dušan Vlahović") == ["Rasmus Højlund", "Kenan Yıldız",
                                                                      "Dušan Vlahović"]


def test_all_caps_headlines_are_read_too() -> None:
    assert found("INTER-TORINO 3-1, LAUTARO FA DOPPIETTA") == [
        ("INTER", "team", "Inter"), ("TORINO", "team", "Torino"), ("LAUTARO", "player", "Lautaro Martínez")]


def test_names_are_matched_as_whole_words_only() -> None:
    assert found("Un'intervista romanzesca sul romanzo di Milano: interessante.") == []
    assert texts("L'Inter all'84' e l’Atalanta, dell'Udinese e all’Inter.") == [
        "Inter", "Atalanta", "Udinese", "Inter"]


def test_lower_case_words_are_not_names() -> None:
    assert found("la rosa è corta e il conte ha detto che costa troppo") == []


# --- cue words -----------------------------------------------------------------------------------------

def test_cue_words_introduce_people_the_gazetteer_does_not_know() -> None:
    text = ("Nel Kairat si è messo in mostra il portiere Nurlan Seitkali. Bene anche il terzino Arman "
            "Dzhaksybekov, mentre l'allenatore croato Ivo Babić ha parlato a lungo. Dzhaksybekov ha sorriso.")
    assert found(text) == [
        ("Kairat", "team", "Kairat Almaty"), ("Nurlan Seitkali", "player", "Nurlan Seitkali"),
        ("Arman Dzhaksybekov", "player", "Arman Dzhaksybekov"), ("Ivo Babić", "coach", "Ivo Babić"),
        ("Dzhaksybekov", "player", "Arman Dzhaksybekov")]


def test_a_cue_may_follow_the_name_or_skip_the_club() -> None:
    assert texts("C'è il diciottenne Matteo Brivio, centrocampista della Primavera.") == ["Matteo Brivio"]
    assert found("Il difensore della Roma Ettore Bianchi resta fuori.") == [
        ("Roma", "team", "Roma"), ("Ettore Bianchi", "player", "Ettore Bianchi")]
    assert found("Mister Ettore Bianchi") == [("Ettore Bianchi", "coach", "Ettore Bianchi")]


def test_referees_presidents_and_directors_are_not_tagged() -> None:
    text = ("L'arbitro Marco Guida ha ammonito Barella. Il presidente del Napoli Aurelio De Laurentiis "
            "ha protestato, il ds Giovanni Manna no. Al Var Marco Di Bello. Guida ha poi spiegato.")
    assert texts(text) == ["Barella", "Napoli"]


def test_cue_words_inside_proper_names_are_not_cues() -> None:
    assert found("La Banca Centrale Europea e l'Istituto Tecnico Commerciale Pacini.") == []


def test_the_shipped_cue_words_are_folded_so_each_can_match() -> None:
    cues = cue_words()
    assert cues.roles["portiere"] == "player" and cues.roles["commissario tecnico"] == "coach"
    assert cues.roles["arbitro"] == "reject" and "croato" in cues.between
    assert cues.starts >= {"commissario", "direttore", "portiere"}
    assert all(fold_key(words) == words for words in [*cues.roles, *cues.between])


def test_a_misspelt_cue_kind_is_an_error_not_a_silent_cue() -> None:
    with pytest.raises(ValueError, match="unknown kind 'palyer'"):
        read_cues(["# a comment\n", "player\tportiere\n", "palyer\tterzino\n"])


# --- particles, hyphens --------------------------------------------------------------------------------

def test_particles_stay_with_the_surname() -> None:
    text = "Con Di Lorenzo e De Bruyne il Napoli cambia volto; piacciono van de Ven e De Ligt."
    assert found(text) == [
        ("Di Lorenzo", "player", "Giovanni Di Lorenzo"), ("De Bruyne", "player", "Kevin De Bruyne"),
        ("Napoli", "team", "Napoli"), ("van de Ven", "player", "Micky van de Ven"),
        ("De Ligt", "player", "Matthijs de Ligt")]


def test_a_lower_case_italian_particle_does_not_start_a_surname() -> None:
    assert texts("Il gol di Lorenzo Pellegrini") == ["Lorenzo Pellegrini"]


def test_hyphenated_names_stay_whole_and_hyphenated_pairs_split() -> None:
    assert found("Il Napoli con Zambo-Anguissa e Milinković-Savić")[1:] == [
        ("Zambo-Anguissa", "player", "André-Frank Zambo Anguissa"),
        ("Milinković-Savić", "player", "Vanja Milinković-Savić")]
    assert found("Il contatto Gila-Leao nel derby Roma-Lazio") == [
        ("Gila", "player", "Mario Gila"), ("Leao", "player", "Rafael Leão"),
        ("Roma", "team", "Roma"), ("Lazio", "team", "Lazio")]


# --- surnames and first names --------------------------------------------------------------------------

def test_a_surname_links_to_the_full_name_of_the_article_before_or_after_it() -> None:
    text = "Chivu ritrova Thuram. Marcus Thuram ha smaltito il problema. Thuram e Marcus ci saranno."
    assert found(text) == [
        ("Chivu", "coach", "Cristian Chivu"), ("Thuram", "player", "Marcus Thuram"),
        ("Marcus Thuram", "player", "Marcus Thuram"), ("Thuram", "player", "Marcus Thuram"),
        ("Marcus", "player", "Marcus Thuram")]


def test_a_shared_surname_follows_the_article_else_the_clubs_it_names() -> None:
    assert found("Lisandro Martínez è tornato. Martínez ha giocato tutta la gara.")[1][2] == "Lisandro Martínez"
    assert found("Vince la Juventus: Thuram in mezzo al campo.")[1][2] == "Khéphren Thuram"
    assert found("Vince l'Inter: Thuram in attacco.")[1][2] == "Marcus Thuram"
    assert texts("Ieri sera Martínez ha parlato.") == []  # five current Martínez, no clue: skipped


def test_well_known_one_word_names_and_aliases() -> None:
    assert found("Segna Lautaro, poi Kvara e Pedri.") == [
        ("Lautaro", "player", "Lautaro Martínez"), ("Kvara", "player", "Khvicha Kvaratskhelia"),
        ("Pedri", "player", "Pedri")]


def test_a_known_surname_inside_a_strangers_name_is_not_that_player() -> None:
    assert texts("di Sara Vitale, con Marco Guida e Stefano Chiesa") == []
    assert texts("La Chiesa cattolica e la Suzuki di Calabria") == []


def test_an_everyday_word_starting_a_sentence_needs_more_than_its_capital() -> None:
    assert texts("Più semplice la pista. Sarà dura.") == []
    assert texts("Il Napoli vince. Buongiorno è tornato in gruppo.") == ["Napoli", "Buongiorno"]
    assert texts("Le pagelle. Buongiorno 6,5.") == ["Buongiorno"]


# --- what is never a name ------------------------------------------------------------------------------

def test_stadiums_broadcasters_and_competitions_are_never_names() -> None:
    text = ("Al Maradona, a San Siro e allo stadio Giuseppe Meazza; diretta su Sky Sport, DAZN e Inter TV. "
            "Serie A, Champions League e Coppa Italia. Alla Gewiss Stadium e al Dall'Ara.")
    assert found(text) == []


def test_a_club_named_after_a_city_is_the_city_after_a_place_preposition() -> None:
    text = "La Juventus torna a Torino, la Roma resta a Trigoria: a Roma la tensione è alta. Il Torino perde."
    assert texts(text) == ["Juventus", "Roma", "Torino"]
    assert texts("La moviola di Roma - Lazio") == ["Roma", "Lazio"]


def test_national_teams_need_an_article_and_countries_are_places() -> None:
    assert texts("L'Italia di Gattuso gioca in Norvegia, poi torna in Italia dagli Stati Uniti.") == [
        "Italia", "Gattuso"]


def test_nicknames_are_not_teams() -> None:
    assert found("I nerazzurri e i rossoneri, i Blues e la Dea.") == []


# --- the user's names ----------------------------------------------------------------------------------

def test_extra_names_add_people_teams_and_aliases() -> None:
    extra = {"Ettore Bianchi": NameSpec(kind="player", aliases=("Ettorino",)),
             "Pro Sesto": NameSpec(kind="team"),
             "Nicola Rossetti": NameSpec(kind="coach")}
    text = "La Pro Sesto di Nicola Rossetti batte il Milan: doppietta di Ettorino, poi Bianchi. Rossetti sorride."
    assert found(text, extra_names=extra) == [
        ("Pro Sesto", "team", "Pro Sesto"), ("Nicola Rossetti", "coach", "Nicola Rossetti"),
        ("Milan", "team", "Milan"), ("Ettorino", "player", "Ettore Bianchi"),
        ("Bianchi", "player", "Ettore Bianchi"), ("Rossetti", "coach", "Nicola Rossetti")]
    assert not {"Pro Sesto", "Ettorino", "Bianchi"} & set(texts(text))


def test_extra_names_win_over_the_gazetteer() -> None:
    extra = {"Lautaro": NameSpec(kind="coach")}
    assert found("Lautaro in panchina", extra_names=extra) == [("Lautaro", "coach", "Lautaro")]


# --- canonical_team ------------------------------------------------------------------------------------

def test_canonical_team_knows_names_aliases_and_italian_names() -> None:
    assert canonical_team("inter") == "Inter"
    assert canonical_team("Internazionale") == "Inter"
    assert canonical_team("l'Inter") == "Inter"
    assert canonical_team("JUVE") == "Juventus"
    assert canonical_team("Kairat Almaty") == "Kairat Almaty"
    assert canonical_team("Kairat") == "Kairat Almaty"
    assert canonical_team("Bodo/Glimt") == "Bodø/Glimt"
    assert canonical_team("Qarabag") == "Qarabağ"
    assert canonical_team("Bayern Monaco") == "Bayern Monaco"
    assert canonical_team("PSG") == "Paris Saint-Germain"
    assert canonical_team("Paris Saint-Germain") == "Paris Saint-Germain"


def test_canonical_team_does_not_guess() -> None:
    assert canonical_team("nerazzurri") is None
    assert canonical_team("Lautaro") is None
    assert canonical_team("") is None
    assert canonical_team("Milano") is None


# --- properties ----------------------------------------------------------------------------------------

_WORDS = st.sampled_from([
    "Inter", "Lautaro", "Martínez", "Thuram", "il", "portiere", "arbitro", "Roma", "a", "di", "Di", "Lorenzo",
    "van", "Dijk", "De", "Bruyne", "L'", "dell'", "Zambo-Anguissa", "Bodø/Glimt", "ÇALHANOĞLU", "«", "»", ",",
    ".", "\n", "-", "’", "Serie", "A", "Maradona", "Marcus", "Buongiorno", "mister", "Chivu", "ß", "İ", "ǅ"])


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=300), st.lists(_WORDS, max_size=60).map(" ".join),
                 st.lists(_WORDS, max_size=60).map("".join)))
def test_any_text_gives_sorted_non_overlapping_spans_inside_it(text: str) -> None:
    entities = find_entities(text)
    previous: Entity | None = None
    for e in entities:
        assert 0 <= e.start < e.end <= len(text)
        assert text[e.start:e.end] == e.text
        assert e.kind in ("player", "coach", "team") and e.canonical
        assert previous is None or previous.end <= e.start
        previous = e


@given(st.text(max_size=200))
def test_folding_never_changes_the_length(text: str) -> None:
    assert len(fold(text)) == len(text)
