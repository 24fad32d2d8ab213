"""The words of speech, read from data/speech.tsv, and the patterns built from them.

Shared by `quotes` (is a quoted span speech?) and `speakers` (who says it, or which newspaper reports it).
Read on first use and kept; every pattern is compiled once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import NamedTuple

SPEECH_FILE = Path(__file__).with_name("data") / "speech.tsv"
KINDS = ("verb", "label", "noun", "pointer", "source", "unnamed", "event", "work", "banner")
_SOFT = r"[^\S\n]"
# "MERCATO – ", "ORE 13.32 – ", "GAZZETTA DELLO SPORT – ": a live blog's or a conference's topic in capitals.
TOPIC_LABEL = re.compile(r"[^\S\n]*(?P<label>[A-ZÀ-ÖØ-Þ0-9][A-ZÀ-ÖØ-Þ0-9.’'/]*(?:[^\S\n]+[A-ZÀ-ÖØ-Þ0-9.’'/]+){0,4})"
                         r"[^\S\n]+[–—-][^\S\n]+")
# "(...) ", "[…] ": a paragraph going on with a quoted passage after an omission.
ELLIPSIS = re.compile(r"[(\[](?:\.{3}|…)[)\]]")


class SpeechWords(NamedTuple):
    """The words of data/speech.tsv by kind, and the patterns made of them."""

    words: dict[str, frozenset[str]]
    verb: re.Pattern[str]  # a verb of saying, as a whole word
    noun_of: re.Pattern[str]  # "le parole di ", "lo sfogo di ": a noun of speech and its "di", at the end
    pointer: re.Pattern[str]  # "Firmato ", "ecco ", "quelle di ": a pointer at a speaker, at the start
    source: re.Pattern[str]  # a newspaper or a generic source word
    event: re.Pattern[str]  # someone speaks in this article
    work: re.Pattern[str]  # a work's title follows
    banner: re.Pattern[str]  # a banner's or a chant's words follow


def read_words(lines: Iterable[str]) -> dict[str, frozenset[str]]:
    """The entries of the data file's lines, by kind."""
    found: dict[str, set[str]] = {kind: set() for kind in KINDS}
    for line in lines:
        if not line.strip() or line.startswith("#"):
            continue
        kind, _, words = line.rstrip("\n").partition("\t")
        if kind not in found:
            raise ValueError(f"{SPEECH_FILE.name}: unknown kind {kind!r} in {line!r}")
        found[kind].add(words.strip())
    return {kind: frozenset(words) for kind, words in found.items()}


def alternatives(words: Iterable[str]) -> str:
    """A regex matching any of the words, as a trie (d(?:etto|ice)…): an alternation of a hundred words
    costs one test per letter this way, not one per word. A space matches any inline space."""
    root: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _branch(root)


def _branch(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
    parts = [(_SOFT + "+" if char == " " else re.escape(char)) + _branch(child)
             for char, child in sorted(node.items()) if char]
    if not parts:
        return ""
    body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
    return f"(?:{body})?" if "" in node else body


def _capitalised(words: Iterable[str]) -> set[str]:
    """Each word as written, in capitals, and with its first letter (and that of each later word but
    particles) capitalised."""
    found: set[str] = set()
    for word in words:
        found.update((word, word.upper()))
        found.add(word[:1].upper() + word[1:])
        found.add(" ".join(w if w in ("dello", "della", "del", "di", "de") else w[:1].upper() + w[1:]
                           for w in word.split()))
    return found


@cache
def speech_words() -> SpeechWords:
    """The shipped speech words and their patterns."""
    with SPEECH_FILE.open(encoding="utf-8") as handle:
        words = read_words(handle)
    article = rf"(?:(?:il|lo|la|le|i|gli|l[’']|un|una|uno|sue|suo|sua|loro){_SOFT}*)?"
    return SpeechWords(
        words,
        re.compile(rf"\b(?:{alternatives(words['verb'])})\b", re.IGNORECASE),
        re.compile(rf"\b{article}(?:{alternatives(words['noun'])}){_SOFT}+(?:di|del|della|dello|dell[’']){_SOFT}*$",
                   re.IGNORECASE),
        re.compile(rf"{_SOFT}*(?:{alternatives(words['pointer'])})\b{_SOFT}*", re.IGNORECASE),
        # Case-sensitive, each word also capitalised: a third of the cost of IGNORECASE on every article.
        re.compile(rf"(?<!\w)(?:{alternatives(_capitalised(words['source']))})(?!\w)"),
        re.compile(rf"\b(?:{alternatives(words['event'])})\b", re.IGNORECASE),
        re.compile(rf"\b(?:{alternatives(words['work'])})\b", re.IGNORECASE),
        re.compile(rf"\b(?:{alternatives(words['banner'])})\b", re.IGNORECASE),
    )
