"""A feed or tag name as the user types it -> the one it means: any case, accents and dashes optional, a
unique prefix enough; a miss names the closest ones."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from reader.cli.context import UsageError
from reader.text.messages import _

_NOT_WORD = re.compile(r"[^\w]+|_+")
SHOWN = 6  # at most this many names in a message


class NoSuchName(UsageError):
    """What was typed matches none of the names, or several: the message says which ones come close."""


def folded(name: str) -> str:
    """A name as it is compared: no accents, no case, words apart ('Gazzetta — Città' -> 'gazzetta citta')."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(_NOT_WORD.sub(" ", plain.casefold()).split())


def choose(typed: str, names: Iterable[str], *, kind: str) -> str:
    """The name among `names` that `typed` means; NoSuchName otherwise.

    Exactly the name first, then the name folded, then the only name it is a prefix of (folded). `kind` is
    "feed" or "tag", for the messages.
    """
    known = list(dict.fromkeys(names))
    if typed in known:
        return typed
    wanted = folded(typed)
    same = [name for name in known if folded(name) == wanted]
    if same and wanted:
        return same[0]
    starting = [name for name in known if wanted and folded(name).startswith(wanted)]
    if len(starting) == 1:
        return starting[0]
    if starting:
        raise NoSuchName(_ambiguous(typed, starting, kind))
    raise NoSuchName(_missing(typed, known, kind))


def _ambiguous(typed: str, matches: list[str], kind: str) -> str:
    message = (_("'{typed}' is the start of several feeds: {names}") if kind == "feed"
               else _("'{typed}' is the start of several tags: {names}"))
    return message.format(typed=typed, names=_listed(matches))


def _missing(typed: str, known: list[str], kind: str) -> str:
    import difflib  # only when there is a miss to explain

    by_fold = {folded(name): name for name in reversed(known)}
    close = [by_fold[f] for f in difflib.get_close_matches(folded(typed), list(by_fold), n=3, cutoff=0.5)]
    if kind == "feed":
        message = _("no feed named '{typed}'; did you mean {names}?") if close else _("no feed named '{typed}'")
    else:
        message = _("no tag named '{typed}'; did you mean {names}?") if close else _("no tag named '{typed}'")
    text = message.format(typed=typed, names=_listed(close, _(" or ")))
    if not close and known:
        text += " " + (_("(the feeds: {names})") if kind == "feed" else _("(the tags: {names})")).format(
            names=_listed(known))
    return text


def _listed(names: list[str], last: str = ", ") -> str:
    shown = [f"'{name}'" for name in names[:SHOWN]]
    if len(names) > SHOWN:
        return ", ".join(shown) + ", …"
    return ", ".join(shown[:-1]) + last + shown[-1] if len(shown) > 1 else "".join(shown)
