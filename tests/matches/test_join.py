"""Articles joined to fixtures by teams, kind, time, competition and score; the rest form matches of their own."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from reader.matches.join import Joined, join
from reader.store.calendar import Fixture
from reader.store.readings import ReadEntry, Reading

KICKOFF = datetime(2026, 11, 29, 19, 45, tzinfo=UTC)
_ids = iter(range(1, 10_000))


def fixture(home: str, away: str, days: float = 0, competition: str = "it.1",
            score: tuple[int, int] | None = None) -> Fixture:
    kickoff = KICKOFF + timedelta(days=days)
    return Fixture(key=f"{kickoff.date()}-{home}-{away}".lower(), competition=competition, season="2026-27",
                   round="", day=kickoff.date(), time="20:45", kickoff=kickoff, home=home, away=away, score=score)


def entry(title: str, hours: float, kind: str, home: str | None = None, away: str | None = None, *,
          score: str | None = None, teams: tuple[str, ...] = (), competition: str | None = None,
          feed: str = "Gazzetta") -> ReadEntry:
    return ReadEntry(id=next(_ids), feed=feed, title=title, link="", published=KICKOFF + timedelta(hours=hours),
                     reading=Reading(home, away, score, kind, teams, competition))


def keys(joined: list[Joined]) -> dict[str, list[str]]:
    return {m.key: [e.title for e, _ in m.entries] for m in joined}


def test_a_preview_joins_the_next_fixture_and_a_report_the_last_of_the_same_two_teams() -> None:
    league, cup = fixture("Roma", "Torino"), fixture("Roma", "Torino", 4, competition="uefa.el")
    found = keys(join([entry("pagelle", 30, "pagelle", "Roma", "Torino"),
                       entry("anteprima", 40, "anteprima", "Roma", "Torino")], [league, cup]))
    assert found == {league.key: ["pagelle"], cup.key: ["anteprima"]}


def test_an_article_outside_its_kinds_window_or_of_transfer_news_never_joins_the_fixture() -> None:
    derby = fixture("Inter", "Milan")
    found = join([entry("troppo presto", -24 * 7, "anteprima", "Inter", "Milan"),
                  entry("un risultato prima", -5, "cronaca", "Inter", "Milan", score="1-0"),
                  entry("mercato", 10, "mercato", "Inter", "Milan")], [derby])
    assert all(m.fixture is None for m in found)
    assert sorted(keys(found)) == ["2026-11-22-inter-milan", "2026-11-29-inter-milan-bis"]  # never the fixture's key


def test_a_cup_named_in_the_title_never_joins_a_league_fixture_of_the_same_teams() -> None:
    league = fixture("Roma", "Torino")
    found = join([entry("Coppa Italia, Roma-Torino", 24 * 3, "anteprima", "Roma", "Torino", competition="it.cup"),
                  entry("Roma-Torino 2-1", 24 * 4 + 2, "cronaca", "Roma", "Torino", score="2-1")], [league])
    assert [m.fixture for m in found] == [None] and found[0].competition == "it.cup" and found[0].score == (2, 1)
    assert found[0].key == "2026-12-02-roma-torino"


def test_a_score_other_than_the_fixtures_rules_it_out() -> None:
    found = join([entry("Roma-Torino 2-1", 3, "cronaca", "Roma", "Torino", score="2-1")],
                 [fixture("Roma", "Torino", score=(0, 1))])
    assert found[0].fixture is None
    same = join([entry("Torino-Roma 1-0", 3, "cronaca", "Torino", "Roma", score="1-0")],
                [fixture("Roma", "Torino", score=(0, 1))])
    assert same[0].fixture is not None  # the teams written the other way round, the score with them


def test_the_competition_named_picks_between_two_fixtures_of_the_same_teams() -> None:
    league, europe = fixture("Inter", "Milan", -1), fixture("Inter", "Milan", 1, competition="uefa.cl")
    found = keys(join([entry("Champions, Inter-Milan", -2, "intervista", "Inter", "Milan", competition="uefa.cl")],
                      [league, europe]))
    assert found == {europe.key: ["Champions, Inter-Milan"]}


def test_a_press_conference_naming_one_team_joins_its_next_fixture() -> None:
    before, after = fixture("Inter", "Genoa", -3), fixture("Kairat Almaty", "Inter", 0, competition="uefa.cl")
    found = keys(join([entry("Chivu in conferenza stampa", -20, "conferenza", teams=("Inter",)),
                       entry("Chivu, un'intervista", -20, "intervista", teams=("Inter",))], [before, after]))
    assert found == {after.key: ["Chivu in conferenza stampa"]}


def test_a_round_up_naming_many_teams_joins_nothing_but_two_named_teams_may() -> None:
    fixtures = [fixture("Napoli", "Juventus"), fixture("Inter", "Milan")]
    found = keys(join([entry("Notte di gol", 3, "altro", teams=("Inter", "Napoli", "Juventus")),
                       entry("Multa all'Inter", 30, "altro", teams=("Inter", "Milan"))], fixtures))
    assert found == {fixtures[1].key: ["Multa all'Inter"]}


def test_without_a_fixture_articles_form_a_match_split_where_another_begins() -> None:
    found = join([entry("Parma-Sassuolo, si gioca domani", -20, "anteprima", "Parma", "Sassuolo"),
                  entry("Parma-Sassuolo 2-2", 3, "cronaca", "Parma", "Sassuolo", score="2-2"),
                  entry("Sassuolo-Parma, le pagelle", 4, "pagelle", "Sassuolo", "Parma", score="2-2", feed="Sky"),
                  entry("Parma-Sassuolo, il ritorno", 24 * 3, "anteprima", "Parma", "Sassuolo"),
                  entry("Parma-Sassuolo 1-0", 24 * 3 + 5, "cronaca", "Parma", "Sassuolo", score="1-0")], [])
    matches = sorted(found, key=lambda m: m.key)
    assert [len(m.entries) for m in matches] == [3, 2]
    assert [(m.home, m.away, m.score) for m in matches] == [("Parma", "Sassuolo", (2, 2)),
                                                             ("Parma", "Sassuolo", (1, 0))]
    assert [after for _, after in matches[0].entries] == [False, True, True]


def test_a_formed_match_takes_a_press_conference_that_names_its_teams_first() -> None:
    found = join([entry("Inter-Kairat, la vigilia", -10, "anteprima", "Inter", "Kairat Almaty"),
                  entry("Chivu in conferenza", -20, "conferenza", teams=("Inter", "Kairat Almaty", "Milan")),
                  entry("Spalletti in conferenza", -20, "conferenza", teams=("Juventus", "Kairat Almaty", "Inter"))],
                 [])
    assert keys(found) == {"2026-11-29-inter-kairat-almaty": ["Chivu in conferenza", "Inter-Kairat, la vigilia"]}
