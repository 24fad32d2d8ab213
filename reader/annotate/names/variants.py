"""How the press misspells a name that is still the same name: a first name off by a letter ("Christian
Chivu", "Giampiero Gasperini", "Scot McTominay") or a final vowel with the other accent ("Lucumì" for
Lucumí, "Soulè" for Soulé)."""

from __future__ import annotations

import re

from reader.annotate.gazetteer import fold_key

_ACCENTED = frozenset("àèéìíòóùú")
_BASE = str.maketrans("àèéìíòóùú", "aeeiioouu")
# Spellings of one sound: Christian/Cristian, Mathias/Matías, Khéphren/Kephren, Gian Piero/Giampiero.
_SOUNDS = ((re.compile(r"ph"), "f"), (re.compile(r"(?<=[ctgkrs])h|h(?=[aeiou]|$)"), ""), (re.compile(r"y"), "i"),
           (re.compile(r"k"), "c"), (re.compile(r"mp"), "np"), (re.compile(r"(.)\1"), r"\1"))
_MIN_LENGTH = 4
_MIN_CHANGED = 7


def same_final_vowel(word: str, name: str) -> bool:
    """Whether `word` ends with the accented vowel that ends `name`, perhaps with the other accent."""
    if not word or word[-1] not in _ACCENTED:
        return True
    return bool(name) and name[-1] in _ACCENTED and word[-1].translate(_BASE) == name[-1].translate(_BASE)


def near_first_name(word: str, first: str) -> bool:
    """Whether `word` is `first` misspelt: the same once spelled by its sound, or one letter off."""
    a, b = sound(word), sound(first)
    if a == b:
        return True
    return min(len(a), len(b)) >= _MIN_LENGTH and a[0] == b[0] and _one_edit(a, b)


def sound(name: str) -> str:
    """A name folded and spelled by its sound, spaces dropped ("Gian Piero" and "Giampiero" meet)."""
    folded = fold_key(name).replace(" ", "")
    for pattern, replacement in _SOUNDS:
        folded = pattern.sub(replacement, folded)
    return folded


def _one_edit(a: str, b: str) -> bool:
    """One letter inserted, dropped, changed, or two neighbours swapped."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):  # a changed letter only in long names: Marco and Mario are two names
        diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        return (len(diff) == 1 and len(a) >= _MIN_CHANGED) or (
            len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long = (a, b) if len(a) < len(b) else (b, a)
    i = next((k for k, (x, y) in enumerate(zip(short, long, strict=False)) if x != y), len(short))
    return short[i:] == long[i + 1:]
