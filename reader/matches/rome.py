"""Kick-off times: fixtures are written in Italian time (Europe/Rome, summer time included) and shown in the
user's zone; a fixture whose time is not set yet is placed at noon of its day."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from functools import cache
from zoneinfo import ZoneInfo

NOON = time(12, 0)


@cache
def rome() -> ZoneInfo:
    """The zone fixtures are written in."""
    return ZoneInfo("Europe/Rome")


def kickoff_utc(day: date, clock: str | None) -> datetime:
    """The UTC moment of a local day and 'HH:MM' (noon when the time is not set)."""
    local = time.fromisoformat(clock) if clock else NOON
    return datetime.combine(day, local, tzinfo=rome()).astimezone(UTC)


def in_rome(moment: datetime) -> datetime:
    """The same moment on Italian clocks."""
    return moment.astimezone(rome())


def in_user_zone(moment: datetime) -> datetime:
    """The same moment on the user's clocks (the machine's zone, $TZ)."""
    return moment.astimezone()
