"""The match centre's lines, as Rich Text: a match's row, a story's row, a match's heading, the sidebar's words.

Every string from the network is cleaned (clean_line) and placed in Text, never read as markup. A hidden
match's score and its articles' results go through reader.matches.spoilers before any line is made, so a
hidden score is never drawn, not even for a frame.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime

from rich.text import Text

from reader.matches.labels import competition_label, round_label
from reader.matches.model import MatchView, Story
from reader.matches.spoilers import is_hidden, shown_score, shown_title
from reader.matches.stages import stage_name
from reader.settings.appearance import STAGE_STYLES
from reader.store import Preview
from reader.store.marks import MatchMarks
from reader.text import dates
from reader.text.messages import N_, _, ngettext, pgettext
from reader.text.render import STAR_STYLE, UNREAD_STYLE
from reader.text.sanitize import clean_line

SCORE_STYLE = "bold #c98a1b"
WATCHED_STYLE = "#2e9d57"
HIDDEN_STYLE = "italic #c98a1b"
FEED_STYLE = "#5fa0a0"
ALSO_STYLE = "#2e9d57"
__all__ = ["is_hidden", "stage_name"]  # for the lists, which import this module on first use
TIME_WIDTH = 5  # '20:45'
_WEEKDAYS = (N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"))


def stage_badge(stage: str) -> str:
    """A stage in one short word, for a badge ('pagelle' -> 'ratings' / 'pagelle')."""
    words = {
        "vigilia": pgettext("stage badge", "eve"), "formazioni": pgettext("stage badge", "line-ups"),
        "anteprima": pgettext("stage badge", "preview"), "cronaca": pgettext("stage badge", "report"),
        "pagelle": pgettext("stage badge", "ratings"), "interviste": pgettext("stage badge", "interviews"),
        "moviola": pgettext("stage badge", "referee"), "commenti": pgettext("stage badge", "comment"),
    }
    return words.get(stage, stage)


def badges(stages: Iterable[str]) -> Text:
    """The badges of the stages a match's articles cover, in match order."""
    line = Text()
    for stage in stages:
        if line:
            line.append(" ")
        line.append(f" {stage_badge(stage)} ", style=STAGE_STYLES.get(stage, "reverse"))
    return line


def kickoff_label(view: MatchView, *, with_day: bool = False) -> str:
    """'20:45' on the user's clocks ('sab 06/12 20:45' `with_day`); the day alone while the time is not set;
    the day of its first article for a match outside the calendar."""
    local = dates.local(view.when)
    day = f"{_(_WEEKDAYS[local.weekday()])} {local:%d/%m}"
    if view.kickoff is None or not view.timed:
        return day if with_day or view.kickoff is None else ""
    return f"{day} {dates.clock(view.when)}" if with_day else dates.clock(view.when)


def match_state(marks: MatchMarks | None, hidden: bool) -> Text:
    """'✓ watched', 'no spoilers', or nothing."""
    if marks is not None and marks.watched:
        return Text("✓ " + _("watched"), style=WATCHED_STYLE)
    return Text(_("no spoilers"), style=HIDDEN_STYLE) if hidden else Text()


def coverage(view: MatchView) -> str:
    """'4 articles · 2 outlets', or 'no article yet'."""
    if not view.stories:
        return _("no article yet")
    articles = ngettext("{n} article", "{n} articles", len(view.entries)).format(n=len(view.entries))
    outlets = ngettext("{n} outlet", "{n} outlets", len(view.outlets)).format(n=len(view.outlets))
    return f"{articles} · {outlets}"


def match_row(view: MatchView, marks: MatchMarks | None, hidden: bool, *, with_day: bool = False) -> Text:
    """A match in two lines: kick-off, teams, score, coverage and marks; competition, round and badges."""
    when = kickoff_label(view, with_day=with_day)
    width = len(when) if with_day else TIME_WIDTH
    line = Text.assemble((f" {when:>{width}}  ", "bold"), (clean_line(view.label(), 80), "bold"))
    score = shown_score(view, hidden)
    if score:
        line.append(f"  {score}", style=SCORE_STYLE)
    line.append(" · " + coverage(view), style="dim")
    state = match_state(marks, hidden)
    if state:
        line.append("  ")
        line.append_text(state)
    facts = [competition_label(view.competition), round_label(view.round)]
    if view.fixture is None:
        facts.append(_("not in the calendar"))
    second = Text(" " * (width + 3))
    second.append(" · ".join(f for f in facts if f), style="dim")
    if view.stages:
        second.append("  ")
        second.append_text(badges(view.stages))
    return Text("\n").join([line, second])


def story_row(story: Story, preview: Preview | None, view: MatchView, hidden: bool, now: datetime) -> Text:
    """An article of a match's timeline in two lines: its mark and title (bold while unread); its outlet,
    its time and the other outlets that told the same story."""
    entry = story.entry
    read = preview.read if preview is not None else False
    line = Text()  # the mark's style is its own, not the line's
    if preview is not None and preview.starred:
        line.append("★ ", style=STAR_STYLE)
    else:
        line.append("  " if read else "● ", style=UNREAD_STYLE)
    title = clean_line(shown_title(entry.title, story.stage, view, hidden), 300)
    line.append(title, style="" if read else "bold")
    second = Text.assemble("  ", (clean_line(entry.feed, 60), FEED_STYLE),
                           (" · " + dates.when(entry.published, now), "dim"))
    if story.also_in:
        outlets = ", ".join(clean_line(feed, 40) for feed in story.also_in)
        second.append(" · ")
        second.append(_("also in: {outlets}").format(outlets=outlets), style=ALSO_STYLE)
    return Text("\n").join([line, second])


def match_heading(view: MatchView, marks: MatchMarks | None, hidden: bool) -> Text:
    """The two lines above a match's timeline: teams and score; competition, round, kick-off, coverage, marks."""
    line = Text.assemble((clean_line(view.label(), 80), "bold"))
    score = shown_score(view, hidden)
    if score:
        line.append(f"  {score}", style=SCORE_STYLE)
    state = match_state(marks, hidden)
    if state:
        line.append("  ")
        line.append_text(state)
    facts = [competition_label(view.competition), round_label(view.round), kickoff_label(view, with_day=True),
             coverage(view)]
    if view.fixture is None:
        facts.append(_("not in the calendar"))
    return Text("\n").join([line, Text(" · ".join(f for f in facts if f), style="dim")])


def by_day(views: Sequence[MatchView]) -> list[tuple[date, list[MatchView]]]:
    """Matches under each day of their kick-off (or first article) on the user's clocks, in order."""
    groups: list[tuple[date, list[MatchView]]] = []
    for view in views:
        day = dates.local(view.when).date()
        if not groups or groups[-1][0] != day:
            groups.append((day, []))
        groups[-1][1].append(view)
    return groups


def sidebar_match(view: MatchView, hidden: bool, *, past: bool) -> str:
    """A short line for the sidebar: '‹ Inter–Fiorentina 2-1' (last), '› sab 20:45 Como–Inter' (next: the time
    first, so that a name too long for the sidebar is cut rather than the time)."""
    if past:
        score = shown_score(view, hidden)
        return f"‹ {clean_line(view.label(), 40)}" + (f" {score}" if score else "")
    local = dates.local(view.when)
    when = _(_WEEKDAYS[local.weekday()]) + (f" {dates.clock(view.when)}" if view.timed else "")
    return f"› {when} {clean_line(view.label(), 40)}"
