"""Dates and times as the user reads them, in their language and time zone: the app and the command line
both write them here, so that both say "12 nov" of the same moment.

The convention: 'ora', '12 min', '3 h' within six hours or the same day, 'ieri 18:30', then '12 nov' ('12 nov
2024' in another year). Times are in the zone of the `timezone` setting (`set_timezone`, once the config is
read), else the system's.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, tzinfo
from functools import cache

from reader.text.messages import _, current_language, pgettext

AUTO = "auto"
_zone: tzinfo | None = None  # None: the system's zone, as datetime.astimezone() reads it


def set_timezone(name: str | None) -> None:
    """Show times in the IANA zone `name` ("Europe/Rome"); None, "" or "auto": the system's."""
    global _zone
    if not name or name == AUTO:
        _zone = None
        return
    from zoneinfo import ZoneInfo

    _zone = ZoneInfo(name)


def local(moment: datetime) -> datetime:
    """`moment` in the user's zone."""
    return moment.astimezone(_zone)


def when(moment: datetime, now: datetime) -> str:
    """A short time for a list: 'ora', '12 min', '3 h', 'ieri 18:30', '12 nov', '12 nov 2024'."""
    seconds = (now - moment).total_seconds()
    if seconds < 60:
        return _("now")
    if seconds < 3600:
        return _("{n} min").format(n=int(seconds // 60))
    here, today = local(moment), local(now).date()
    if seconds < 6 * 3600 or here.date() == today:
        return _("{n} h").format(n=int(seconds // 3600))
    if here.date() == today - timedelta(days=1):
        return _("yesterday {time}").format(time=clock(moment))
    day = _("{day} {month}").format(day=here.day, month=_names(current_language())[1][here.month - 1])
    return day if here.year == today.year else f"{day} {here.year}"


def ago(moment: datetime | None, now: datetime) -> str:
    """How long since `moment`, as a phrase that stands alone: '12 min fa', 'ieri 18:30'; 'mai' for None."""
    if moment is None:
        return _("never")
    seconds = (now - moment).total_seconds()
    if seconds < 60:
        return _("just now")
    if seconds < 6 * 3600 or local(moment).date() == local(now).date():  # when() counts minutes or hours
        return _("{when} ago").format(when=when(moment, now))
    return when(moment, now)


def day_heading(moment: datetime, now: datetime) -> str:
    """The heading of a day's articles: 'Oggi', 'Ieri', 'martedì 18 novembre' ('… 2024' in another year)."""
    day, today = local(moment).date(), local(now).date()
    if day == today:
        return _("Today")
    if day == today - timedelta(days=1):
        return _("Yesterday")
    months, _short, weekdays = _names(current_language())
    label = _("{weekday} {day} {month}").format(weekday=weekdays[day.weekday()], day=day.day,
                                                  month=months[day.month - 1])
    return label if day.year == today.year else f"{label} {day.year}"


def date_time(moment: datetime) -> str:
    """A moment in full: '17/11/2026 18:30'."""
    return f"{local(moment):%d/%m/%Y %H:%M}"


def clock(moment: datetime) -> str:
    """The time of day: '18:30'."""
    return f"{local(moment):%H:%M}"


def now_utc() -> datetime:
    """The current moment."""
    return datetime.now(UTC)


@cache
def _names(language: str) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """The months, their short forms and the weekdays in `language` (the one in use: the key of the cache)."""
    months = (pgettext("month", "January"), pgettext("month", "February"), pgettext("month", "March"),
              pgettext("month", "April"), pgettext("month", "May"), pgettext("month", "June"),
              pgettext("month", "July"), pgettext("month", "August"), pgettext("month", "September"),
              pgettext("month", "October"), pgettext("month", "November"), pgettext("month", "December"))
    short = (pgettext("short month", "Jan"), pgettext("short month", "Feb"), pgettext("short month", "Mar"),
             pgettext("short month", "Apr"), pgettext("short month", "May"), pgettext("short month", "Jun"),
             pgettext("short month", "Jul"), pgettext("short month", "Aug"), pgettext("short month", "Sep"),
             pgettext("short month", "Oct"), pgettext("short month", "Nov"), pgettext("short month", "Dec"))
    weekdays = (_("Monday"), _("Tuesday"), _("Wednesday"), _("Thursday"), _("Friday"), _("Saturday"),
                _("Sunday"))
    return months, short, weekdays
