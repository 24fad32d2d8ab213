"""The match, with a hand-made team resolver (no gazetteer); the title and the lead of a text."""

from __future__ import annotations

import pytest

from reader.annotate import title_and_lead
from reader.annotate.match import find_match
from reader.annotate.model import Match

TEAMS = {"inter": "Inter", "kairat almaty": "Kairat Almaty", "kairat": "Kairat Almaty", "milan": "Milan",
         "lazio": "Lazio", "juventus": "Juventus", "juve": "Juventus", "napoli": "Napoli", "torino": "Torino",
         "qarabag": "Qarabag", "roma": "Roma", "lecce": "Lecce", "bodø/glimt": "Bodø/Glimt",
         "paris saint-germain": "Paris Saint-Germain", "real madrid": "Real Madrid", "bologna": "Bologna",
         "como": "Como"}


def resolve(name: str) -> str | None:
    return TEAMS.get(name.casefold())


@pytest.mark.parametrize(("title", "expected"), [
    ("Inter-Kairat Almaty, la vigilia: Chivu ritrova Thuram", Match("Inter", "Kairat Almaty")),
    ("La moviola di Milan - Lazio: giusto annullare il gol", Match("Milan", "Lazio")),
    ("Juventus vs Napoli, Spalletti e Conte tra Champions e big match", Match("Juventus", "Napoli")),
    ("Juventus-Torino 1-0, decide Vlahovic", Match("Juventus", "Torino", "1-0")),
    ("Napoli-Qarabag 2-0, le pagelle: McTominay comanda", Match("Napoli", "Qarabag", "2-0")),
    ("Bologna – Como 0 - 2: Nico Paz incanta", Match("Bologna", "Como", "0-2")),
    ("INTER-KAIRAT ALMATY 3-1, LAUTARO SHOW", Match("Inter", "Kairat Almaty", "3-1")),
    ("Gasperini dopo Roma-Lecce: \"Vittoria da squadra vera\"", Match("Roma", "Lecce")),
    ("Bodø/Glimt-Juventus, Spalletti: «Nessun alibi»", Match("Bodø/Glimt", "Juventus")),
    ("Paris Saint-Germain - Real Madrid stasera in tv", Match("Paris Saint-Germain", "Real Madrid")),
    ("Milan vs. Inter: il derby", Match("Milan", "Inter")),
])
def test_the_fixture_in_a_title(title: str, expected: Match) -> None:
    assert find_match((title, ""), resolve) == expected


@pytest.mark.parametrize("title", [
    "Dybala, lesione al flessore: tre settimane di stop",
    "La moviola: dubbi sul contatto Gila-Leao in area",
    "Calciomercato, il 2-1 di ieri non basta",
    "",
])
def test_no_fixture_without_two_teams_side_by_side(title: str) -> None:
    assert find_match((title, ""), resolve) is None


def test_the_lead_names_the_fixture_when_the_title_does_not() -> None:
    lead = "La sfida tra la Juventus e il Napoli si avvicina e le due panchine sorridono a metà."
    assert find_match(("Verso il big match: Spalletti ritrova Bremer", lead), resolve) == Match("Juventus", "Napoli")


def test_the_title_is_a_short_first_paragraph_unless_given() -> None:
    text = "Inter-Milan, le pagelle\n\nLautaro 7. Decisivo.\n\nAltro."
    assert title_and_lead(text) == ("Inter-Milan, le pagelle", "Lautaro 7. Decisivo.")
    assert title_and_lead(text, "Titolo") == ("Titolo", "Inter-Milan, le pagelle")
    assert title_and_lead("Un solo paragrafo.") == ("", "Un solo paragrafo.")
    assert title_and_lead(("x" * 300) + "\n\nSecondo.") == ("", "x" * 300)
