"""The match centre on the command line: the matches table, a match's timeline, the fixtures update lines, and
the JSON object both commands print.

Every string from the network is placed in Text objects, never in markup, and cleaned once more.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from rich.console import Group
from rich.table import Table
from rich.text import Text

from reader.matches.labels import competition_label, round_label
from reader.matches.model import MatchView, Story
from reader.matches.rome import in_rome, in_user_zone
from reader.matches.spoilers import is_hidden, shown_score, shown_title
from reader.matches.stages import stage_name
from reader.matches.update import UpdateResult
from reader.store.marks import MatchMarks
from reader.text.messages import N_, _, ngettext
from reader.text.sanitize import clean_line

Marks = Mapping[str, MatchMarks]


def kickoff_text(view: MatchView) -> str:
    """'sab 21/11 18:00' on the user's clocks; the day alone while the time is not set; '' for a formed match."""
    if view.kickoff is None:
        return ""
    if not view.timed:
        return in_rome(view.kickoff).strftime("%d/%m")
    local = in_user_zone(view.kickoff)
    return f"{_weekday(local)} {local:%d/%m %H:%M}"


def matches_table(views: Sequence[MatchView], marks: Marks, no_spoilers: bool) -> Table:
    """One row per match: id, competition, kick-off, teams, score, articles, outlets, stages covered."""
    table = Table(box=None, pad_edge=False, header_style="bold")
    for column, justify in (("id", "left"), (_("competition"), "left"), (_("kick-off"), "left"),
                            (_("match"), "left"), (_("score"), "left"), (_("articles"), "right"),
                            (_("outlets"), "right"), (_("coverage"), "left")):
        table.add_column(column, justify=justify, no_wrap=column != _("coverage"))  # type: ignore[arg-type]
    for view in views:
        hidden = is_hidden(marks.get(view.key), no_spoilers)
        table.add_row(Text(view.key, style="dim"), competition_label(view.competition), kickoff_text(view),
                      Text(clean_line(view.label(), 80), style="bold"), Text(shown_score(view, hidden) or ""),
                      str(len(view.entries)), str(len(view.outlets)),
                      Text(", ".join(stage_name(s) for s in view.stages), style="cyan"))
    return table


def match_timeline(view: MatchView, marks: MatchMarks | None, no_spoilers: bool) -> Group:
    """A match's heading, then its stories stage by stage, each with its outlet and the others that told it."""
    hidden = is_hidden(marks, no_spoilers)
    score = shown_score(view, hidden)
    head = Text.assemble((clean_line(view.label(), 80), "bold"), (f"  {score}" if score else "", "bold"))
    facts = [competition_label(view.competition), round_label(view.round), kickoff_text(view)]
    if view.fixture is None:
        facts.append(_("not in the calendar"))
    if marks and marks.watched:
        facts.append(_("watched"))
    elif hidden:
        facts.append(_("no spoilers"))
    parts: list[Text] = [head, Text(" · ".join(f for f in facts if f), style="dim")]
    stage = None
    for story in view.stories:
        if story.stage != stage:
            stage = story.stage
            parts.extend([Text(""), Text(stage_name(stage).upper(), style="bold cyan")])
        parts.append(_story_line(view, story, hidden))
    if not view.stories:
        parts.extend([Text(""), Text(_("No article about this match yet."), style="dim")])
    return Group(*parts)


def _story_line(view: MatchView, story: Story, hidden: bool) -> Text:
    entry = story.entry
    line = Text.assemble((f"{entry.id:>6} ", "dim"), (f"{in_user_zone(entry.published):%d/%m %H:%M}  ", "dim"),
                         (clean_line(entry.feed, 40), "cyan"), "  ",
                         clean_line(shown_title(entry.title, story.stage, view, hidden), 300))
    if story.also_in:
        line.append("  " + _("also in: {outlets}").format(outlets=", ".join(clean_line(f, 40) for f in story.also_in)),
                    style="green")
    return line


def update_line(result: UpdateResult) -> Text:
    """One line per competition updated."""
    where = Text.assemble((f"{result.competition:<8}", "bold"), f" {result.season}  ")
    if result.outcome == "error":
        hint = _(" (not published yet?)") if result.http_status == 404 else ""
        return where + Text(_("error: {error}").format(error=clean_line(result.error or "", 300)) + hint, style="red")
    count = ngettext("{n} fixture", "{n} fixtures", result.fixtures).format(n=result.fixtures)
    word = _("stored") if result.outcome == "stored" else _("unchanged")
    return where + Text(f"{word}: {count}", style="green" if result.outcome == "stored" else "dim")


def matches_json(views: Sequence[MatchView]) -> dict[str, Any]:
    """The object `matches --json` and `match --json` print: {"matches": [...]}."""
    return {"matches": [match_json(v) for v in views]}


def match_json(view: MatchView) -> dict[str, Any]:
    """One match: id, competition, home, away, kickoff (ISO 8601, a day alone when the time is not set,
    or null), score (or null) and its timeline's articles, each with also_in."""
    return {
        "id": view.key,
        "competition": competition_label(view.competition) or None,
        "home": view.home,
        "away": view.away,
        "kickoff": _kickoff_iso(view),
        "score": view.score_text(),
        "articles": [{"id": s.entry.id, "feed": s.entry.feed, "title": s.entry.title, "link": s.entry.link,
                      "kind": s.stage, "published": s.entry.published.isoformat(), "also_in": list(s.also_in)}
                     for s in view.stories],
    }


def _kickoff_iso(view: MatchView) -> str | None:
    if view.kickoff is None:
        return None
    local = in_rome(view.kickoff)
    return local.isoformat() if view.timed else local.date().isoformat()


_WEEKDAYS = (N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"))


def _weekday(moment: datetime) -> str:
    return _(_WEEKDAYS[moment.weekday()])
