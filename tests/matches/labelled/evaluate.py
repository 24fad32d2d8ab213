"""The match centre scored on the labelled set (set.toml): articles to matches, and stories merged.

The set goes through the real path: its articles are stored as a refresh would store them, its calendar as a
downloaded season, then `centre.prepare` reads them and `centre.matches` joins them. Scores:

- article -> match: precision and recall of (article, match) pairs. A match of the calendar is its label; a
  match formed from articles takes the label most of its articles carry, and one label goes to one match
  only (the one with most of its articles): a match split in two counts the smaller part as wrong.
- stories: precision and recall of the pairs of articles told as one story.
- merged: matches whose articles belong to two labelled matches (must be none).
"""

from __future__ import annotations

import tomllib
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from itertools import combinations
from pathlib import Path
from typing import Any

from reader.matches import centre
from reader.matches.model import MatchView
from reader.matches.openfootball import fixture_key, season_of
from reader.matches.rome import kickoff_utc, rome
from reader.models import FeedSpec
from reader.store import EntryRecord, Store
from reader.store import calendar as stored
from reader.store.calendar import Fixture, FixtureSource

SET_FILE = Path(__file__).with_name("set.toml")
HELD_OUT_FILE = Path(__file__).with_name("heldout.toml")  # written after the rules were settled: not tuned on


@dataclass(frozen=True, slots=True)
class Labelled:
    """One article of the set with its gold labels."""

    feed: str
    published: datetime
    title: str
    summary: str
    categories: tuple[str, ...]
    match: str
    story: str


@dataclass
class Score:
    """Precision and recall of a set of predicted pairs against the gold ones."""

    right: int = 0
    predicted: int = 0
    gold: int = 0
    wrong: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.right / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.right / self.gold if self.gold else 1.0


@dataclass
class Report:
    """The scores of one run over the set."""

    articles: int
    matches: int
    joined: Score
    stories: Score
    merged: list[str]
    views: list[MatchView]


def load(path: Path = SET_FILE) -> tuple[list[Fixture], list[str], list[Labelled]]:
    """The calendar, every match label, and the articles of the set."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    fixtures = [_fixture(item) for item in data["fixtures"] if item["competition"]]
    labels = [item["label"] for item in data["fixtures"]]
    articles = [Labelled(item["feed"], _rome(item["published"]), item["title"], item["summary"],
                         tuple(item.get("categories", ())), item["match"], item.get("story", ""))
                for item in data["articles"]]
    return fixtures, labels, articles


def fixture_labels(path: Path = SET_FILE) -> dict[str, str]:
    """Fixture key -> label."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return {_fixture(item).key: item["label"] for item in data["fixtures"] if item["competition"]}


def seed(store: Store, fixtures: list[Fixture], articles: list[Labelled]) -> None:
    """Store the set: the calendar by competition, the articles by feed (each entry's uid is its index)."""
    for competition in sorted({f.competition for f in fixtures}):
        own = [f for f in fixtures if f.competition == competition]
        stored.replace(store, FixtureSource(competition, own[0].season, "test", "labelled set", "x",
                                            datetime.now(UTC)), own)
    feeds = sorted({a.feed for a in articles})
    store.sync_feeds(FeedSpec(name, f"https://{i}.example/rss") for i, name in enumerate(feeds))
    for name in feeds:
        records = [EntryRecord(uid=str(i), title=a.title, link=f"https://example.org/{i}", author="",
                               summary=a.summary, content="", categories=a.categories, published=a.published,
                               updated=None) for i, a in enumerate(articles) if a.feed == name]
        store.save_entries(name, records, now=max(a.published for a in articles))


def evaluate(directory: Path, path: Path = SET_FILE) -> Report:
    """Run a set through the store and the match centre in `directory`; score it."""
    fixtures, _, articles = load(path)
    labels = fixture_labels(path)
    with Store(directory / "labelled.db") as store:
        seed(store, fixtures, articles)
        centre.prepare(store, shipped=False)
        views = centre.matches(store)
        index = {int(row[0]): int(row[1]) for row in store._read("SELECT id, uid FROM entries")}
    return score(views, labels, articles, index)


def score(views: list[MatchView], labels: dict[str, str], articles: list[Labelled],
          index: dict[int, int]) -> Report:
    """The report for matches whose entries' ids map to the set's articles through `index`."""
    named = _names(views, labels, articles, index)
    joined = Score(gold=sum(1 for a in articles if a.match))
    for view in views:
        for entry in view.entries:
            article = articles[index[entry.id]]
            joined.predicted += 1
            if named[view.key] == article.match and article.match:
                joined.right += 1
            else:
                joined.wrong.append(f"{article.title[:70]!r} -> {view.key} (gold: {article.match or 'none'})")
    found = {index[e.id] for v in views for e in v.entries}
    joined.missed = [f"{a.title[:70]!r} (gold: {a.match})" for i, a in enumerate(articles)
                     if a.match and (i not in found or named.get(_view_of(views, index, i)) != a.match)]
    merged = [f"{v.key}: {sorted(gold)}" for v in views
              if len(gold := {articles[index[e.id]].match for e in v.entries} - {""}) > 1]
    return Report(len(articles), len(views), joined, _stories(views, articles, index), merged, views)


def _names(views: list[MatchView], labels: dict[str, str], articles: list[Labelled],
           index: dict[int, int]) -> dict[str, str]:
    """Each predicted match's label: the fixture's, else the one most of its articles carry, one match each."""
    named: dict[str, str] = {}
    claims: list[tuple[int, str, str]] = []
    for view in views:
        if view.fixture is not None:
            named[view.key] = labels.get(view.key, "")
            continue
        counts = Counter(articles[index[e.id]].match for e in view.entries if articles[index[e.id]].match)
        named[view.key] = ""
        if counts:
            label, count = counts.most_common(1)[0]
            claims.append((count, view.key, label))
    taken = set(named.values())
    for _, key, label in sorted(claims, reverse=True):
        if label not in taken:
            named[key] = label
            taken.add(label)
    return named


def _view_of(views: list[MatchView], index: dict[int, int], article: int) -> str:
    return next((v.key for v in views for e in v.entries if index[e.id] == article), "")


def _stories(views: list[MatchView], articles: list[Labelled], index: dict[int, int]) -> Score:
    gold = {frozenset(pair) for pair in combinations(range(len(articles)), 2)
            if articles[pair[0]].story and articles[pair[0]].story == articles[pair[1]].story}
    predicted = {frozenset((index[a.id], index[b.id])) for v in views for s in v.stories
                 for a, b in combinations(s.entries, 2)}
    result = Score(right=len(gold & predicted), predicted=len(predicted), gold=len(gold))
    result.wrong = [" + ".join(repr(articles[i].title[:50]) for i in sorted(p)) for p in predicted - gold]
    result.missed = [" + ".join(repr(articles[i].title[:50]) for i in sorted(p)) for p in gold - predicted]
    return result


def _rome(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=rome()).astimezone(UTC)


def _fixture(item: dict[str, Any]) -> Fixture:
    local = datetime.fromisoformat(item["kickoff"])
    day, clock = local.date(), local.strftime("%H:%M")
    score = tuple(int(g) for g in item["score"].split("-")) if item.get("score") else None
    return Fixture(key=fixture_key(day, item["home"], item["away"]), competition=item["competition"],
                   season=season_of(date(day.year, day.month, day.day)), round=item["round"], day=day, time=clock,
                   kickoff=kickoff_utc(day, clock), home=item["home"], away=item["away"],
                   score=(score[0], score[1]) if score else None)
