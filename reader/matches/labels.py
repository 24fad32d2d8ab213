"""The words shown for a match's competition and round, on the command line and in the app alike."""

from __future__ import annotations

from reader.text.messages import _
from reader.text.sanitize import clean_line


def competition_label(code: str | None) -> str:
    """A competition's name, '' when unknown."""
    if not code:
        return ""
    from reader.matches.competitions import competition_name  # its cue table imports the annotator's folding

    return competition_name(code)


def round_label(round_: str | None) -> str:
    """openfootball's round in the user's words: 'Matchday 13' -> 'Giornata 13'."""
    if not round_:
        return ""
    words = round_.replace("Finals, ", "").replace("League, ", "").replace("Playoffs, ", "")
    number = "".join(ch for ch in words if ch.isdigit())
    if number and ("Matchday" in words or "Round" in words):
        return _("Matchday {n}").format(n=number)
    return clean_line(round_, 40)
