"""openfootball's club names ("FC Internazionale Milano (ITA)") as the press and the gazetteer say them (Inter).

The table is data/clubs.tsv; a club it lacks (a newly promoted one in a downloaded season) is looked up in
the gazetteer by its name, then without the words every club name carries; when neither knows it, it is
shown without those words ("Calcio Lecco 1912" -> Lecco).
"""

from __future__ import annotations

import re
from functools import cache

from reader.matches.tables import read_table

_COUNTRY = re.compile(r"\s*\([A-Z]{3}\)\s*$")
# Words of official names that no one says: legal forms, "Calcio", foundation years.
_GENERIC = re.compile(r"\b(?:a\.?c\.?f?|a\.?s\.?|s\.?s\.?c?|u\.?s\.?|f\.?c\.?|c\.?f\.?c?|b\.?c\.?|s\.?c\.?|ssd|"
                      r"calcio|club|\d{4})(?=\s|$)", re.IGNORECASE)


def press_name(official: str) -> str:
    """The name the press uses for a club of openfootball's files."""
    name = _COUNTRY.sub("", official).strip()
    known = club_table().get(name)
    if known:
        return known
    from reader.annotate.names.teams import canonical_team

    bare = " ".join(_GENERIC.sub(" ", name).split())
    return canonical_team(name) or (canonical_team(bare) if bare else None) or bare or name


@cache
def club_table() -> dict[str, str]:
    """openfootball name (without the country) -> press name, from data/clubs.tsv."""
    return {row["openfootball"]: row["team"] for row in read_table("clubs.tsv")}
