"""`fixtures update` against a loopback server: conditional GET, the cap, the timeout; a bad file changes nothing."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from reader.matches.calendar import ensure_shipped
from reader.matches.update import current_season, failed, update_fixtures
from reader.models import FixturesSpec, Settings
from reader.store import Store
from reader.store import calendar as stored
from tests.server import FeedServer, Route

NOW = datetime(2026, 8, 1, tzinfo=UTC)
SETTINGS = Settings(timeout=2.0, max_feed_bytes=50_000)


def season_file(*pairs: tuple[str, str], day: str = "2026-08-22", name: str = "Italian Serie A 2026/27") -> bytes:
    matches = [{"round": "Matchday 1", "date": day, "time": "20:45", "team1": home, "team2": away, "score": {}}
               for home, away in pairs]
    return json.dumps({"name": name, "matches": matches}).encode()


def spec(server: FeedServer, *codes: str) -> FixturesSpec:
    return FixturesSpec(url=server.url("/{season}/{code}.json"), competitions=codes)


def test_each_competition_is_stored_or_is_its_own_error(store: Store, feed_server: FeedServer) -> None:
    feed_server.routes["/2026-27/it.1.json"] = Route(season_file(("AC Milan", "US Lecce"), ("AS Roma", "Genoa CFC")))
    feed_server.routes["/2026-27/it.2.json"] = Route(b"<html><body>Pagina non trovata</body></html>",
                                                     headers={"Content-Type": "text/html"})
    results = update_fixtures(store, SETTINGS, spec(feed_server, "it.1", "it.2", "uefa.cl"), "2026-27", now=NOW)
    assert [(r.competition, r.outcome, r.fixtures) for r in results] == [
        ("it.1", "stored", 2), ("it.2", "error", 0), ("uefa.cl", "error", 0)]
    assert results[1].error and results[1].error.startswith("non è un file JSON")
    assert results[2].http_status == 404 and results[2].error == "HTTP 404 Not Found"
    assert [(f.home, f.away) for f in stored.between(store)] == [("Milan", "Lecce"), ("Roma", "Genoa")]
    assert len(failed(results)) == 2


def test_a_second_update_is_a_conditional_get_and_changes_nothing(store: Store, feed_server: FeedServer) -> None:
    feed_server.routes["/2026-27/it.1.json"] = Route(season_file(("AC Milan", "US Lecce")), etag='"v1"')
    update_fixtures(store, SETTINGS, spec(feed_server, "it.1"), "2026-27", now=NOW)
    again = update_fixtures(store, SETTINGS, spec(feed_server, "it.1"), "2026-27", now=NOW)
    assert [(r.outcome, r.http_status, r.fixtures) for r in again] == [("unchanged", 304, 1)]
    assert feed_server.requests[-1][1].get("if-none-match") == '"v1"'


def test_a_bad_or_foreign_file_keeps_the_calendar_already_stored(store: Store, feed_server: FeedServer) -> None:
    route = feed_server.routes["/2026-27/it.1.json"] = Route(season_file(("AC Milan", "US Lecce")))
    update_fixtures(store, SETTINGS, spec(feed_server, "it.1"), "2026-27", now=NOW)
    for body, message in ((season_file(("AC Milan", "US Lecce"), day="2025-08-22", name="Italian Serie A 2025/26"),
                           "il file è di un'altra stagione"),
                          (b'{"matches": "none"}', "non è un calendario"),
                          (b"x" * 60_000, "il contenuto supera il limite")):
        route.body = body
        result = update_fixtures(store, SETTINGS, spec(feed_server, "it.1"), "2026-27", now=NOW)[0]
        assert result.outcome == "error" and result.error and result.error.startswith(message), result.error
        assert [(f.home, f.away) for f in stored.between(store)] == [("Milan", "Lecce")]


def test_a_slow_server_is_cut_off_at_the_timeout(store: Store, feed_server: FeedServer) -> None:
    feed_server.routes["/2026-27/it.1.json"] = Route(season_file(("AC Milan", "US Lecce")), delay=1.5)
    result = update_fixtures(store, Settings(timeout=0.5), spec(feed_server, "it.1"), "2026-27", now=NOW)[0]
    assert result.outcome == "error" and result.error == "nessuna risposta completa entro 0.5 s"


def test_a_downloaded_season_replaces_the_shipped_one_for_good(store: Store, feed_server: FeedServer) -> None:
    ensure_shipped(store, NOW)
    feed_server.routes["/2025-26/it.1.json"] = Route(season_file(("AC Milan", "US Lecce"), day="2025-08-22",
                                                                 name="Italian Serie A 2025/26"))
    update_fixtures(store, SETTINGS, spec(feed_server, "it.1"), "2025-26", now=NOW)
    assert stored.count(store, "it.1", "2025-26") == 1
    assert ensure_shipped(store, NOW) == 0  # the shipped file never comes back over a download
    src = stored.source(store, "it.1", "2025-26")
    assert src is not None and src.origin == "download" and src.url == feed_server.url("/2025-26/it.1.json")


def test_the_current_season_starts_in_july() -> None:
    assert current_season(datetime(2026, 6, 30).date()) == "2025-26"
    assert current_season(datetime(2026, 7, 1).date()) == "2026-27"
