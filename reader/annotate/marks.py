"""The marks of a ratings article (pagelle): "Yildiz 7,5.", "Dybala 6.5:", "Falcone: 6", "All. Cuesta 5,5".

A mark is a number from 1 to 10, whole or with a half (",5" / ".5"), right after a name (after a colon or
"da" at most) and followed by punctuation or a space, never by a minute's prime, a score's dash or a unit.
A text holds marks only when it rates at least three names so: a lone "Inter 2" is no rating. The names
the marks follow are players or coaches even when no list knows them (a 2021 text's retired players).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from reader.annotate.model import Entity, Mark

MIN_RATINGS = 3
_UPPER = r"[A-ZÀ-ÖØ-Þ][\w’'-]*"
_PARTICLE = r"(?:De|Di|Da|de|van|von|der|dos)[^\S\n]+"
# The mark first (cheap to find), then the name that ends right before it.
# A mark ends at punctuation, a line's end, a dash between spaces ("Meret 6,5 – Sicuro") or a lower-case word
# ("Valle 6 spinge"): never before a capital ("Movimento 5 Stelle"), a month ("Martedì 4 dicembre") nor a
# score's other side ("Inter 2 - 1").
_MARK = re.compile(r"(?<=[^\S\n])(?:10|[1-9](?:[,.]5)?)(?![,.]\d)(?=[.,;:)]?(?:$|\n)|[.,;:)]|"
                   r"[^\S\n]+[-–—][^\S\n]+(?!\d)|"  # "Meret 6,5 – Chiamato in causa": a dash, never a score's
                   r"[^\S\n]+(?![A-ZÀ-Þ]|"
                   r"(?:gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|"
                   r"dicembre)\b)[^\W\d])")
_NOT_NAMES = frozenset("lunedì martedì mercoledì giovedì venerdì sabato domenica ore serie under euro giornata "
                       "turno gara legge".split())
_NAME_BEFORE = re.compile(rf"(?P<name>(?:{_PARTICLE})?{_UPPER}(?:[^\S\n]+(?:{_PARTICLE})?{_UPPER}){{0,2}})"
                          r"(?::|[^\S\n]+da)?[^\S\n]+$")
_REACH = 60
COACH_BEFORE = re.compile(r"\b(?:all|allenatore|mister|tecnico)\.?[^\S\n]*$", re.IGNORECASE)


@lru_cache(maxsize=4)
def ratings(text: str) -> tuple[tuple[int, int, int, int], ...]:
    """(name start, name end, mark start, mark end) of every rating in `text`, or none if under MIN_RATINGS."""
    found = []
    for mark in _MARK.finditer(text):
        name = _NAME_BEFORE.search(text, max(0, mark.start() - _REACH), mark.start())
        if name and name.group("name").split()[0].lower() not in _NOT_NAMES:
            found.append((name.start("name"), name.end("name"), mark.start(), mark.end()))
    return tuple(found) if len(found) >= MIN_RATINGS else ()


def find_marks(text: str, entities: Sequence[Entity]) -> list[Mark]:
    """The marks of `text`, each with the canonical name of the player or coach it rates (None if unknown)."""
    by_end = {e.end: e for e in entities if e.kind != "team"}
    marks = []
    for _, name_end, start, end in ratings(text):
        person = by_end.get(name_end)
        marks.append(Mark(start, end, float(text[start:end].replace(",", ".")), person.canonical if person else None))
    return marks
