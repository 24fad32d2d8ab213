"""An article's stage in match order, and the same story told by several outlets merged into one."""

from __future__ import annotations

import zlib
from array import array
from datetime import UTC, datetime, timedelta

import pytest

from reader.matches.stages import (
    STAGES,
    effective_kind,
    is_roundup,
    phase_of,
    stage_name,
    stage_of,
    stage_rank,
    title_cue,
)
from reader.matches.stories import containment, shingles, stories
from reader.store.readings import ReadEntry, Reading


@pytest.mark.parametrize(("kind", "title", "after", "stage"), [
    ("anteprima", "Inter-Genoa, le probabili formazioni", False, "formazioni"),
    ("anteprima", "Inter-Genoa, la vigilia", False, "vigilia"),
    ("anteprima", "Verso Inter-Genoa", False, "anteprima"),
    ("intervista", "Chivu in conferenza stampa: «Serve pazienza»", False, "vigilia"),
    ("intervista", "Chivu in conferenza stampa: «Vittoria meritata»", True, "interviste"),
    ("cronaca", "Inter-Genoa 2-0: Lautaro decide", True, "cronaca"),
    ("pagelle", "Inter-Genoa 2-0, le pagelle", True, "pagelle"),
    ("altro", "La moviola di Inter-Genoa", True, "moviola"),
    ("intervista", "Zanetti dopo Lazio-Verona: «L'arbitro ha sbagliato»", True, "interviste"),
    ("altro", "L'editoriale: un derby senza vincitori", True, "commenti"),
    ("altro", "Inter-Genoa, i numeri della sfida", False, "anteprima"),
    ("rassegna", "Le prime pagine dei quotidiani sportivi", True, "commenti"),
    ("a kind nobody knows yet", "Inter-Genoa", True, "commenti"),
    ("a kind nobody knows yet", "Inter-Genoa", False, "anteprima"),
])
def test_the_stage_comes_from_kind_title_and_side_of_the_kickoff(kind: str, title: str, after: bool,
                                                                  stage: str) -> None:
    assert stage_of(effective_kind(kind, title), title_cue(title), after) == stage


def test_stages_are_in_match_order_and_have_names() -> None:
    assert STAGES.index("vigilia") < STAGES.index("formazioni") < STAGES.index("anteprima") < \
        STAGES.index("cronaca") < STAGES.index("pagelle") < STAGES.index("interviste") < STAGES.index("moviola") < \
        STAGES.index("commenti")
    assert stage_rank("something else") == len(STAGES)
    assert stage_name("pagelle") == "pagelle" and stage_name("other") == "other"


def test_phases_and_round_ups() -> None:
    assert phase_of("mercato", None) is None
    assert phase_of("anteprima", None) == "pre" and phase_of("pagelle", None) == "post"
    assert phase_of("intervista", None) == "either" and phase_of("new kind", None) == "either"
    assert phase_of("altro", title_cue("La moviola del derby")) == "post"
    assert effective_kind("intervista", "Chivu: «Serve pazienza»", "Il tecnico in conferenza stampa") == "conferenza"
    assert is_roundup("Serie A, la classifica dopo la 14ª giornata") and not is_roundup("Inter-Genoa 2-0")


NOW = datetime(2026, 11, 23, 14, 0, tzinfo=UTC)


class Told:
    """An article and the summary its shingles were made from."""

    def __init__(self, feed: str, title: str, summary: str, hours: float = 0) -> None:
        self.title, self.summary = title, summary
        self.entry = ReadEntry(id=hash((feed, title)), feed=feed, title=title, link="",
                               published=NOW + timedelta(hours=hours),
                               reading=Reading("Inter", "Kairat Almaty", None, "conferenza",
                                               shingles=shingles(f"{title}\n{summary}")))


def entry(feed: str, title: str, summary: str, hours: float = 0) -> Told:
    return Told(feed, title, summary, hours)


SKY = entry("Sky Sport", "Chivu in conferenza stampa: «Il Kairat non è una gita»",
            "Alla vigilia il tecnico dell'Inter: «Chi pensa che il Kairat sia una gita sbaglia. Lautaro? È il nostro "
            "capitano, non si discute». Thuram recuperato.")
GAZZETTA = entry("Gazzetta", "Chivu: «Il Kairat non è una gita»",
                 "Vigilia di Champions. Chivu: «Chi pensa che il Kairat sia una gita sbaglia di grosso». Su Lautaro: "
                 "«È il nostro capitano, non si discute».", 0.5)
OTHER = entry("Corriere dello Sport", "Inter-Kairat, le probabili formazioni",
              "Stasera a San Siro Chivu ritrova la coppia d'attacco titolare, il Kairat si chiude.", 1)


def test_two_outlets_versions_of_one_press_conference_are_one_story() -> None:
    assert containment(unpacked(SKY), unpacked(GAZZETTA)) > 0.3 > containment(unpacked(SKY), unpacked(OTHER))
    told = stories([(SKY.entry, "vigilia"), (GAZZETTA.entry, "vigilia"), (OTHER.entry, "vigilia")])
    assert [(s.entry.feed, s.also_in) for s in told] == [("Sky Sport", ("Gazzetta",)), ("Corriere dello Sport", ())]


def test_the_same_text_in_two_stages_is_one_story_but_a_similar_one_is_not() -> None:
    assert len(stories([(SKY.entry, "vigilia"), (GAZZETTA.entry, "interviste")])) == 2
    copy = entry("ANSA", "Un altro titolo", SKY.summary, 2)
    assert [s.also_in for s in stories([(SKY.entry, "vigilia"), (copy.entry, "commenti")])] == [("ANSA",)]


def test_the_same_outlet_twice_or_a_day_and_a_half_later_is_another_story() -> None:
    again = entry("Sky Sport", SKY.title + " (aggiornato)", SKY.summary, 1)
    later = entry("Gazzetta", GAZZETTA.title, GAZZETTA.summary, 40)
    assert len(stories([(SKY.entry, "vigilia"), (again.entry, "vigilia"), (later.entry, "vigilia")])) == 3


def unpacked(told: Told) -> set[int]:
    return set(array("I", told.entry.reading.shingles))


def test_shingles_are_the_same_in_every_process_and_fold_accents_and_case() -> None:
    assert shingles("Perché la Juve è qui") == shingles("PERCHE LA JUVE E QUI")
    assert array("I", shingles("uno due tre"))[0] == zlib.crc32(b"uno due tre")
    assert shingles("due parole") == b""
