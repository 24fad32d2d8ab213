"""The match centre's commands: `fixtures update`, `matches` and `match`. main.py registers them.

Exit codes as main's: 0 done, 1 the work failed (nothing found, every download failed), 2 a usage error.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from reader.cli.context import EXIT_FAILED, EXIT_OK, EXIT_USAGE
from reader.cli.jsonout import print_json
from reader.text.messages import _

if TYPE_CHECKING:
    from reader.cli.context import Context
    from reader.store import Store

AROUND_TODAY = (timedelta(days=-3), timedelta(days=7))  # the calendar's days `matches --all` shows by default


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The three commands and their options."""
    fixtures = sub.add_parser("fixtures", help=_("the fixtures calendar"))
    fixtures_sub = fixtures.add_subparsers(dest="fixtures_command", metavar=_("ACTION"), required=True)
    update = fixtures_sub.add_parser(
        "update", help=_("download the current season's fixtures ([fixtures] in feeds.toml)"))
    update.add_argument("--season", metavar="SEASON", help=_("another season, like 2026-27"))
    matches = sub.add_parser("matches", help=_("matches with their articles, earliest first"))
    matches.add_argument("--team", metavar="TEAM", help=_("only this team's matches"))
    matches.add_argument("--from", dest="start", type=_day, metavar="DATE", help=_("from this day (YYYY-MM-DD)"))
    matches.add_argument("--to", dest="end", type=_day, metavar="DATE", help=_("up to this day (YYYY-MM-DD)"))
    matches.add_argument("--all", action="store_true", help=_("the calendar's matches without articles too"))
    matches.add_argument("--json", action="store_true")
    match = sub.add_parser("match", help=_("one match's timeline: its articles in match order"))
    match.add_argument("id", metavar="ID", help=_("a match id, as `matches` lists them"))
    watched = match.add_mutually_exclusive_group()
    watched.add_argument("--watched", action="store_const", const=True, help=_("mark the match as watched"))
    watched.add_argument("--unwatched", dest="watched", action="store_const", const=False,
                         help=_("take the watched mark off"))
    spoilers = match.add_mutually_exclusive_group()
    spoilers.add_argument("--no-spoilers", dest="no_spoilers", action="store_const", const=True,
                          help=_("hide this match's score and ratings until it is watched"))
    spoilers.add_argument("--spoilers", dest="no_spoilers", action="store_const", const=False,
                          help=_("show them again"))
    match.add_argument("--json", action="store_true")


def cmd_fixtures(ctx: Context) -> int:
    from reader.cli.matchview import update_line
    from reader.matches.update import failed, update_fixtures
    from reader.text.messages import _

    config = ctx.config()
    try:
        with ctx.store() as store:
            results = update_fixtures(store, config.settings, config.fixtures, ctx.args.season)
    except ValueError as exc:  # a season written wrong
        ctx.err.print(f"sportreader: {exc}", markup=False, style="red")
        return EXIT_USAGE
    for result in results:
        ctx.out.print(update_line(result))
    bad = failed(results)
    ctx.out.print(_("{done} of {n} competitions updated").format(done=len(results) - len(bad), n=len(results)),
                  markup=False)
    return EXIT_FAILED if results and len(bad) == len(results) else EXIT_OK


def cmd_matches(ctx: Context) -> int:
    from reader.cli.matchview import matches_json, matches_table
    from reader.matches import centre
    from reader.store.marks import marks
    from reader.text.messages import _

    team = _team(ctx, ctx.args.team)
    if team == "":
        return EXIT_USAGE
    start, end = _range(ctx.args.start, ctx.args.end, ctx.args.all)
    config = ctx.config()
    with ctx.store() as store:
        _prepare(ctx, store)
        views = centre.matches(store, team=team, start=start, end=end, with_fixtures=ctx.args.all)
        marked = marks(store, [v.key for v in views])
    if ctx.args.json:
        return print_json(matches_json(views))
    if not views:
        ctx.err.print(_("No match found: the matches are those of the cached articles (`sportreader refresh`), "
                        "--all adds the calendar's."), markup=False)
        return EXIT_OK
    ctx.out.print(matches_table(views, marked, config.settings.no_spoilers))
    return EXIT_OK


def cmd_match(ctx: Context) -> int:
    from reader.cli.matchview import match_timeline, matches_json
    from reader.matches import centre
    from reader.store.marks import marks, set_marks
    from reader.text.messages import _

    config = ctx.config()
    with ctx.store() as store:
        _prepare(ctx, store)
        view = centre.match(store, ctx.args.id)
        if view is None:
            ctx.err.print(_("No match with id {id} (see `sportreader matches`)").format(id=ctx.args.id), markup=False)
            return EXIT_FAILED
        if ctx.args.watched is not None or ctx.args.no_spoilers is not None:
            set_marks(store, view.key, watched=ctx.args.watched, no_spoilers=ctx.args.no_spoilers)
        marked = marks(store, [view.key]).get(view.key)
    if ctx.args.json:
        return print_json(matches_json([view]))
    ctx.out.print(match_timeline(view, marked, config.settings.no_spoilers))
    return EXIT_OK


def _prepare(ctx: Context, store: Store) -> None:
    """The calendar (the demo edition's own, or the shipped one) and the articles not read yet."""
    from reader.matches import centre

    centre.prepare(store, demo=ctx.demo_fixtures)


def _team(ctx: Context, name: str | None) -> str | None:
    """The team asked for, as the gazetteer names it; '' (and the error printed) for an unknown one."""
    if not name:
        return None
    from reader.annotate.names.teams import canonical_team, team_names
    from reader.settings.values import close_matches
    from reader.text.messages import _

    team = canonical_team(name)
    if team:
        return team
    hint = close_matches(name, team_names())
    ctx.err.print("sportreader: " + _("unknown team '{name}'").format(name=name)
                  + (_("; did you mean '{team}'?").format(team=hint[0]) if hint else ""), markup=False, style="red")
    return ""


def _range(first: date | None, last: date | None, everything: bool) -> tuple[datetime | None, datetime | None]:
    """[start, end) for the days asked for; the days around today for --all alone."""
    from reader.matches.centre import days

    if first is None and last is None and everything:
        today = datetime.now().astimezone().date()
        first, last = today + AROUND_TODAY[0], today + AROUND_TODAY[1]
    start = days(first, first)[0] if first else None
    end = days(last, last)[1] if last else None
    return start, end


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_("not a day like 2026-11-29: '{text}'").format(text=text)) from None


COMMANDS: dict[str, Callable[[Context], int]] = {"fixtures": cmd_fixtures, "matches": cmd_matches,
                                                 "match": cmd_match}
