"""The census of a cache's people: counts, kinds, teams, and the names the articles teach."""

from __future__ import annotations

from reader.annotate import annotate
from reader.annotate.model import KnownPerson
from reader.annotate.people import learn_people

ARTICLES = [
    "Chivu ha detto: «Lautaro resta». Lautaro Martínez sorride.",
    "Il Milan segue Emegha, attaccante dello Strasburgo. Il ds Igli Tare: «Ci piace».",
    "Lautaro Martínez segna ancora: doppietta.",
]


def test_each_person_is_counted_once_an_article_with_every_mention() -> None:
    census = learn_people(annotate(text) for text in ARTICLES)
    rows = {row.name: row for row in census.rows()}
    lautaro = rows["Lautaro Martínez"]
    assert (lautaro.kind, lautaro.team, lautaro.articles, lautaro.mentions, lautaro.learned) == (
        "player", "Inter", 2, 3, "")
    assert rows["Cristian Chivu"].kind == "coach"
    assert census.rows()[0].name == "Lautaro Martínez"


def test_the_names_no_list_knew_are_learned_with_how() -> None:
    census = learn_people(annotate(text) for text in ARTICLES)
    rows = {row.name: row for row in census.rows()}
    assert rows["Emegha"].learned == "cue" and rows["Igli Tare"].learned == "speaker"
    assert set(census.known()) >= {KnownPerson("Emegha", "player"), KnownPerson("Igli Tare", "other")}
    assert all(person.name not in ("Lautaro Martínez", "Cristian Chivu") for person in census.known())
