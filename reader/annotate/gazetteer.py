"""The names gazetteer: folding, name parts, and the shipped data loaded once on first use.

Folding maps every character to exactly one character (lower case, accents dropped, anything that
is not a letter or digit becomes a space), so an offset in folded text is an offset in the original.
Keys are folded names with single spaces between words; the text is matched word by word against
them, so a key can never match inside a word ("Inter" in "intervista", "Roma" in "romanzo").
The data file is written, already folded, by scripts/build_gazetteer.py; this module only reads it.
"""

from __future__ import annotations

import gzip
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Literal, NamedTuple

DATA_FILE = Path(__file__).with_name("data") / "gazetteer.tsv.gz"

Role = Literal["full", "short", "nick"]
SenseKind = Literal["player", "coach", "team", "block"]
PersonKind = Literal["player", "coach"]

# Lower-case name particles: "van Dijk", "De Bruyne", "Di Lorenzo", "El Shaarawy", "ter Stegen".
PARTICLES = frozenset(
    "de di da del della dei degli van von der den dos das do du le la el al ter ten bin ben mac".split())

# Letters that do not decompose under NFKD but have an obvious plain form.
_SPECIAL = {"ø": "o", "đ": "d", "ł": "l", "ß": "s", "þ": "t", "ð": "d", "æ": "a", "œ": "o", "ı": "i", "ħ": "h"}


class _FoldTable(dict[int, str]):
    """str.translate table computed per character on first sight."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        folded = " "
        if char.isalnum():
            lower = char.lower()[0]
            base = _SPECIAL.get(lower) or unicodedata.normalize("NFKD", lower)[0]
            folded = base if len(base) == 1 and base.isalnum() else lower
        self[code] = folded
        return folded


_FOLD = _FoldTable()


def fold(text: str) -> str:
    """Lower case, no accents, punctuation as spaces; always the same length as `text`."""
    return text.translate(_FOLD)


@lru_cache(maxsize=16_384)  # the same names come back in every article
def fold_key(name: str) -> str:
    """The lookup key of a name: folded, with runs of spaces squeezed."""
    return " ".join(fold(name).split())


@lru_cache(maxsize=16_384)
def name_parts(name: str) -> tuple[str, tuple[str, ...]]:
    """(first name, short forms) of a person's full name.

    Short forms are the surname with its particles ("van Dijk"), and for names of three or more words
    also the last two words ("Pio Esposito"). A one-word name has no first name and is its own short form.
    """
    words = name.split()
    if len(words) < 2:
        return "", tuple(words)
    start = len(words) - 1
    while start > 1 and fold_key(words[start - 1]) in PARTICLES:
        start -= 1
    shorts = [" ".join(words[start:])]
    if start >= 2 and len(words) >= 3:
        shorts.append(" ".join(words[start - 1:]))
    first = words[0] if fold_key(words[0]) not in PARTICLES else ""
    return first, tuple(shorts)


class Sense(NamedTuple):
    """One thing a folded key can name."""

    kind: SenseKind
    canonical: str
    role: Role
    tier: int = 0  # 3 hand-checked 2025/26, 2 recent squads, 1 older lists
    team: str = ""  # a person's club (canonical team name), or ""


@dataclass(slots=True)
class Gazetteer:
    """Folded keys -> senses, how many words a key starting with a word can span, and word lists."""

    senses: dict[str, tuple[Sense, ...]] = field(default_factory=dict)
    reach: dict[str, int] = field(default_factory=dict)  # first word of a key -> most words in such a key
    places: frozenset[str] = frozenset()  # club names that are also cities
    countries: frozenset[str] = frozenset()  # national teams' names
    common: frozenset[str] = frozenset()  # surnames that are also everyday words (doubtful starting a sentence)
    not_players: frozenset[str] = frozenset()  # surnames of well-known non-players (referees, presidents...)
    weak: frozenset[str] = frozenset()  # surnames that alone are more often a place or a first name
    firsts: dict[str, tuple[Sense, ...]] = field(default_factory=dict)  # first name -> current people

    def add(self, key: str, sense: Sense) -> None:
        """Index `sense` under a folded key."""
        if not key:
            return
        old = self.senses.get(key)
        if old is None:
            self.senses[key] = (sense,)
        elif sense not in old:
            self.senses[key] = (*old, sense)
        first, space, _ = key.partition(" ")
        words = key.count(" ") + 1 if space else 1
        if words > self.reach.get(first, 0):
            self.reach[first] = words

    def add_all(self, keys: str, sense: Sense) -> None:
        """Index `sense` under "|"-separated folded keys."""
        if keys:
            for key in keys.split("|"):
                self.add(key, sense)

    def add_person(self, canonical: str, kind: PersonKind, *, tier: int, team: str = "",
                   names: Iterable[str] = (), shorts: Iterable[str] = ()) -> None:
        """Index a person under folded full names and short forms.

        One-word names ("Pedri", "Lautaro") act as short forms: the article's context decides them.
        """
        for key in names:
            self.add(key, Sense(kind, canonical, "full" if " " in key else "short", tier, team))
        for key in shorts:
            self.add(key, Sense(kind, canonical, "short", tier, team))


def parse(lines: Iterable[str]) -> Gazetteer:
    """A Gazetteer from the data file's tab-separated lines (see scripts/build_gazetteer.py)."""
    gaz = Gazetteer()
    words: dict[str, set[str]] = {k: set() for k in ("place", "country", "common", "notplayer", "weak")}
    for line in lines:
        fields = line.rstrip("\n").split("\t")
        kind = fields[0]
        if kind in ("player", "coach"):
            _read_person(gaz, fields)
        elif kind == "team":
            gaz.add_all(fields[3], Sense("team", fields[1], "full", int(fields[2])))
            gaz.add_all(fields[4], Sense("team", fields[1], "nick", int(fields[2])))
        elif kind == "block":
            gaz.add_all(fields[2], Sense("block", fields[1], "full"))
        elif kind in words:
            words[kind].add(fields[1])
    gaz.places, gaz.countries = frozenset(words["place"]), frozenset(words["country"])
    gaz.common, gaz.not_players = frozenset(words["common"]), frozenset(words["notplayer"])
    gaz.weak = frozenset(words["weak"])
    return gaz


def _read_person(gaz: Gazetteer, fields: list[str]) -> None:
    kind: PersonKind = "player" if fields[0] == "player" else "coach"
    canonical, tier, team = fields[1], int(fields[2]), fields[3]
    for key in fields[4].split("|"):
        gaz.add(key, Sense(kind, canonical, "full" if " " in key else "short", tier, team))
    gaz.add_all(fields[5], Sense(kind, canonical, "short", tier, team))
    if fields[6]:
        gaz.firsts[fields[6]] = (*gaz.firsts.get(fields[6], ()), Sense(kind, canonical, "short", tier, team))


@cache
def gazetteer() -> Gazetteer:
    """The shipped gazetteer, read on first use and kept."""
    with gzip.open(DATA_FILE, "rt", encoding="utf-8") as handle:
        return parse(handle)

