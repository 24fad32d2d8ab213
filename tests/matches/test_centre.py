"""The match centre's calls over a store: one match by its key or by one of its articles, a team's last and next
match, and new articles read and joined incrementally."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from reader.matches import centre
from reader.matches.reading import detector_version
from reader.store import EntryRecord, Filter, Store
from reader.store import readings as stored_readings
from tests.matches.labelled.evaluate import load, seed

DERBY = "2026-11-29-milan-inter"


@pytest.fixture
def filled(tmp_path: Path) -> Store:
    fixtures, _, articles = load()
    store = Store(tmp_path / "centre.db")
    seed(store, fixtures, articles)
    centre.prepare(store, shipped=False)
    return store


def test_a_match_is_found_by_its_key_or_by_one_of_its_articles(filled: Store) -> None:
    derby = centre.match(filled, DERBY)
    assert derby is not None and derby.fixture is not None and len(derby.entries) == 8
    report = next(e for e in derby.entries if e.title.startswith("Milan-Inter 1-1:"))
    found = centre.match_of(filled, report.id)
    assert found is not None and found.key == DERBY
    mercato = next(int(row[0]) for row in filled._read("SELECT id FROM entries WHERE title LIKE 'Calciomercato M%'"))
    assert centre.match_of(filled, mercato) is None
    assert centre.match(filled, "2026-11-29-juventus-lecce") is not None  # a fixture with no articles
    assert centre.match(filled, "2026-11-29-nobody-here") is None


def test_a_teams_last_and_next_match_around_a_moment(filled: Store) -> None:
    moment = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
    last, upcoming = centre.last_and_next(filled, "Inter", moment)
    assert last is not None and last.key == "2026-11-24-inter-kairat-almaty"
    assert upcoming is not None and upcoming.key == DERBY and upcoming.stories  # its previews are there
    last, upcoming = centre.last_and_next(filled, "Roma", datetime(2026, 12, 1, tzinfo=UTC))
    assert last is not None and last.key == "2026-11-29-torino-roma"
    assert upcoming is not None and upcoming.key == "2026-12-02-roma-torino" and upcoming.fixture is None


def test_new_articles_are_read_once_and_joined_with_the_rest(filled: Store) -> None:
    assert centre.prepare(filled, shipped=False) == 0  # nothing new: nothing read again
    published = datetime(2026, 11, 30, 9, 30, tzinfo=UTC)
    filled.save_entries("Sky Sport", [EntryRecord(
        uid="new", title="Milan-Inter 1-1, le pagelle nerazzurre: Lautaro da 7, Thuram entra bene", link="",
        author="", summary="I voti dell'Inter nel derby.", content="", categories=(), published=published,
        updated=None)], now=published + timedelta(hours=1))
    assert centre.prepare(filled, shipped=False) == 1
    derby = centre.match(filled, DERBY)
    assert derby is not None and len(derby.entries) == 9
    assert stored_readings.count(filled) == filled.count()


def test_reading_reports_its_progress_batch_by_batch(tmp_path: Path) -> None:
    fixtures, _, articles = load()
    with Store(tmp_path / "progress.db") as store:
        seed(store, fixtures, articles)
        total = store.count()
        assert stored_readings.stale_count(store, detector_version()) == total
        seen: list[tuple[int, int]] = []
        assert centre.prepare(store, shipped=False, progress=lambda done, of: seen.append((done, of))) == total
        assert seen[-1] == (total, total) and all(of == total for _, of in seen)
        assert [done for done, _ in seen] == sorted(done for done, _ in seen)
        assert stored_readings.stale_count(store, detector_version()) == 0
        assert centre.prepare(store, shipped=False, progress=lambda done, of: seen.append((done, of))) == 0


def test_the_list_filtered_to_a_team_holds_the_articles_read_as_its_and_those_its_title_names(filled: Store) -> None:
    inter = filled.previews(Filter(team="Inter"))
    titles = {p.title for p in inter}
    assert filled.count(Filter(team="Inter")) == len(inter) > 20
    assert "Milan-Inter 1-1: Pulisic risponde a Lautaro, il derby finisce in parità" in titles  # its fixture
    assert "Chivu: «Il derby si gioca con la testa, non con la pancia»" in titles  # its coach
    # Transfer news and a table name no match, but their title names the team.
    assert any(t.startswith("Calciomercato Inter") for t in titles)
    assert any(t.startswith("Classifica Serie A dopo la 13ª giornata") for t in titles)
    assert not any("Juventus" in t and "Inter" not in t for t in titles)
    assert filled.count(Filter(team="Inter", unread_only=True)) == len(inter)
    assert filled.count(Filter(team="Nessuna Squadra")) == 0


def test_previews_by_id_gives_those_still_stored(filled: Store) -> None:
    first, second = filled.previews(limit=2)
    found = filled.previews_by_id([second.id, first.id, 999_999])
    assert found == {first.id: first, second.id: second}
    assert filled.previews_by_id([]) == {}
