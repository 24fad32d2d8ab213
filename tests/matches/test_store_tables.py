"""The store's match-centre tables: the calendar replaced whole per source, readings kept until stale, marks."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from reader.models import FeedSpec
from reader.store import EntryRecord, Store, calendar, marks, readings
from reader.store.calendar import CalendarConflict, Fixture, FixtureSource
from reader.store.readings import Reading

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def fixture(home: str, away: str, days: float = 0, competition: str = "it.1", score: tuple[int, int] | None = None,
            ) -> Fixture:
    kickoff = NOW + timedelta(days=days)
    return Fixture(key=f"{kickoff.date()}-{home}-{away}".lower(), competition=competition, season="2025-26",
                   round="Matchday 27", day=kickoff.date(), time="20:45", kickoff=kickoff, home=home, away=away,
                   score=score)


def source(competition: str = "it.1", origin: str = "shipped", digest: str = "a") -> FixtureSource:
    return FixtureSource(competition=competition, season="2025-26", origin=origin, name="Serie A", digest=digest,
                         stored=NOW)


def test_a_source_is_replaced_whole_and_others_are_left_alone(store: Store) -> None:
    calendar.replace(store, source(), [fixture("Inter", "Genoa"), fixture("Milan", "Lazio", 1, score=(1, 1))])
    calendar.replace(store, source("uefa.cl"), [fixture("Inter", "Kairat", 3, "uefa.cl")])
    calendar.replace(store, source(digest="b"), [fixture("Roma", "Lecce", 2)])
    assert [f.home for f in calendar.between(store)] == ["Roma", "Inter"]
    assert {(s.competition, s.digest) for s in calendar.sources(store)} == {("it.1", "b"), ("uefa.cl", "a")}
    assert calendar.by_key(store, fixture("Roma", "Lecce", 2).key) == fixture("Roma", "Lecce", 2)


def test_a_fixture_keeps_its_score_day_time_and_utc_kickoff(store: Store) -> None:
    calendar.replace(store, source(), [fixture("Milan", "Lazio", 1, score=(2, 0))])
    stored = calendar.between(store, NOW, NOW + timedelta(days=2))[0]
    assert stored.score == (2, 0) and stored.day == date(2026, 3, 2) and stored.time == "20:45"
    assert stored.kickoff == NOW + timedelta(days=1) and stored.kickoff.tzinfo is UTC
    assert calendar.between(store, NOW + timedelta(days=2)) == []


def test_a_key_held_by_another_source_refuses_the_new_file_and_keeps_the_old(store: Store) -> None:
    calendar.replace(store, source(), [fixture("Inter", "Genoa")])
    with pytest.raises(CalendarConflict):
        calendar.replace(store, source("uefa.cl"), [fixture("Inter", "Genoa"), fixture("Inter", "Kairat", 3)])
    assert calendar.count(store) == 1 and [s.competition for s in calendar.sources(store)] == ["it.1"]


def test_touch_keeps_the_fixtures_and_updates_the_validators(store: Store) -> None:
    calendar.replace(store, source(origin="download"), [fixture("Inter", "Genoa")])
    calendar.touch(store, "it.1", "2025-26", etag='"v2"', last_modified=None, stored=NOW + timedelta(hours=1))
    src = calendar.source(store, "it.1", "2025-26")
    assert src is not None and src.etag == '"v2"' and src.stored == NOW + timedelta(hours=1)
    assert calendar.count(store) == 1
    calendar.remove(store, "it.1", "2025-26")
    assert calendar.count(store) == 0 and calendar.sources(store) == []


def entry(uid: str, title: str, hours_ago: float = 1) -> EntryRecord:
    return EntryRecord(uid=uid, title=title, link=f"https://g.it/{uid}", author="", summary=f"Sommario {uid}",
                       content="", categories=("Serie A",), published=NOW - timedelta(hours=hours_ago), updated=None)


def test_a_reading_is_kept_until_its_entry_changes_or_the_detector_does(store: Store) -> None:
    store.sync_feeds([FeedSpec("Gazzetta", "https://g.it/rss")])
    store.save_entries("Gazzetta", [entry("a", "Milan-Lazio 1-1"), entry("b", "Calciomercato")], now=NOW)
    pending = readings.stale(store, "v1")
    assert [e.title for e in pending] == ["Milan-Lazio 1-1", "Calciomercato"] and pending[0].categories == ("Serie A",)
    readings.save(store, "v1", [(pending[0], Reading("Milan", "Lazio", "1-1", "cronaca")),
                                (pending[1], Reading(None, None, None, "mercato"))])
    assert readings.stale(store, "v1") == []
    assert [e.title for e in readings.stale(store, "v2")] == ["Milan-Lazio 1-1", "Calciomercato"]
    store.save_entries("Gazzetta", [entry("a", "Milan-Lazio 1-1, la cronaca")], now=NOW)
    assert [e.title for e in readings.stale(store, "v1")] == ["Milan-Lazio 1-1, la cronaca"]


def test_joinable_entries_are_those_naming_a_team_oldest_first_and_go_with_their_entry(store: Store) -> None:
    store.sync_feeds([FeedSpec("Gazzetta", "https://g.it/rss")])
    store.save_entries("Gazzetta", [entry("a", "Milan-Lazio", 5), entry("b", "Mercato", 3), entry("c", "Inter", 1)],
                       now=NOW)
    pending = {e.title: e for e in readings.stale(store, "v1")}
    readings.save(store, "v1", [(pending["Milan-Lazio"], Reading("Milan", "Lazio", None, "anteprima")),
                                (pending["Mercato"], Reading(None, None, None, "mercato")),
                                (pending["Inter"], Reading(None, None, None, "intervista", ("Inter", "Genoa"),
                                                           cue="vigilia", shingles=b"\x01\x00\x00\x00"))])
    joinable = readings.joinable(store)
    assert [(e.title, e.reading.teams) for e in joinable] == [("Milan-Lazio", ()), ("Inter", ("Inter", "Genoa"))]
    assert joinable[0].feed == "Gazzetta" and joinable[1].reading.cue == "vigilia"
    assert joinable[1].reading.shingles == b"\x01\x00\x00\x00"
    assert [e.title for e in readings.joinable(store, start=NOW - timedelta(hours=2))] == ["Inter"]
    assert [e.title for e in readings.joinable(store, ids=[pending["Mercato"].id])] == ["Mercato"]
    store.prune(1, NOW + timedelta(days=1))
    assert readings.count(store) == 0


def test_marks_are_kept_per_match_and_forgotten_when_both_are_off(store: Store) -> None:
    assert marks.marks(store) == {} and marks.marks(store, []) == {}
    assert marks.set_marks(store, "2026-03-01-inter-genoa", no_spoilers=True) == marks.MatchMarks(False, True)
    assert marks.set_marks(store, "2026-03-01-inter-genoa", watched=True) == marks.MatchMarks(True, True)
    assert marks.marks(store, ["2026-03-01-inter-genoa", "x"]) == {
        "2026-03-01-inter-genoa": marks.MatchMarks(True, True)}
    marks.set_marks(store, "2026-03-01-inter-genoa", watched=False, no_spoilers=False)
    assert marks.marks(store) == {}
