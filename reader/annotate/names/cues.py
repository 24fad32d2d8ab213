"""Pass 2: the names that cue words introduce, of people the gazetteer may not know.

"il portiere X", "l'allenatore croato X Y", "il difensore del Milan X", "X Y, centrocampista" name a player or
a coach; after "l'arbitro", "il presidente", "il ds"... a name is someone else, marked to be tagged nowhere.
A cue's name takes the place of the gazetteer words inside it. The cue words are data: data/cues.tsv.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import NamedTuple

from reader.annotate.gazetteer import PARTICLES, fold_key, name_parts
from reader.annotate.marks import COACH_BEFORE, ratings
from reader.annotate.names.article import JOINABLE, Article, Mention
from reader.annotate.names.words import FUNCTION_WORDS

CUES_FILE = Path(__file__).parents[1] / "data" / "cues.tsv"
CUE_KINDS = ("player", "coach", "reject")
_MAX_NAME_WORDS = 4
_CLUB_PREPS = frozenset("del dello della dell dei degli di d".split())  # "il tecnico del Milan X"
_BEFORE_ROLE = frozenset("il lo l un uno ex".split())  # "X, l'ex centrocampista"


class CueWords(NamedTuple):
    """The cue words of data/cues.tsv, folded."""

    roles: dict[str, str]  # cue -> what a name next to it is: one of CUE_KINDS
    starts: frozenset[str]  # the first word of every cue
    between: frozenset[str]  # words that may sit between a cue and its name: "croato", "giovane"


def read_cues(lines: Iterable[str]) -> CueWords:
    """CueWords from the data file's lines: a kind (a cue kind, or "between"), a tab, the words."""
    roles: dict[str, str] = {}
    between: set[str] = set()
    for line in lines:
        if not line.strip() or line.startswith("#"):
            continue
        kind, _, words = line.rstrip("\n").partition("\t")
        if kind == "between":
            between.add(words)
        elif kind in CUE_KINDS:
            roles[words] = kind
        else:
            raise ValueError(f"{CUES_FILE.name}: unknown kind {kind!r} in {line!r}")
    return CueWords(roles, frozenset(cue.split()[0] for cue in roles), frozenset(between))


@cache
def cue_words() -> CueWords:
    """The shipped cue words, read on first use and kept."""
    with CUES_FILE.open(encoding="utf-8") as handle:
        return read_cues(handle)


def apply_cues(art: Article, mentions: list[Mention]) -> list[Mention]:
    """Add the names cue words introduce; mark the known ones."""
    by_first = {m.first: m for m in mentions}
    cues: list[Mention] = []
    free = 0
    starts = cue_words().starts
    for i in [i for i, word in enumerate(art.words) if word in starts]:
        cue, length = _cue_at(art, i) if i >= free else ("", 0)
        if not cue:
            continue
        free = i + length
        name = _name_after(art, free, by_first) or _name_before(art, i, by_first)
        if name:
            cues.append(Mention(*name, art.starts[name[0]], art.ends[name[1]], (), cue))
    cues += _rated(art, by_first)
    return _merge(art, mentions, cues) if cues else mentions


def _rated(art: Article, by_first: Mapping[int, Mention]) -> list[Mention]:
    """The names a ratings article gives a mark to ("Ospina 6", "All. Cuesta 5,5"): players or coaches."""
    found = []
    for start, end, _, _ in ratings(art.text):
        first = bisect_left(art.starts, start)
        last = bisect_left(art.ends, end)
        if first >= len(art.starts) or art.starts[first] != start or last >= len(art.ends) or art.ends[last] != end:
            continue
        if (art.sentence_start(first) and art.words[first] in FUNCTION_WORDS) or _is_team(by_first.get(first)):
            continue
        kind = "coach" if COACH_BEFORE.search(art.text, max(0, start - 12), start) else "player"
        found.append(Mention(first, last, start, end, (), kind))
    return found


def _cue_at(art: Article, i: int) -> tuple[str, int]:
    """A cue starting at token i, in lower case unless it starts a sentence ("Arbitra Doveri")."""
    if art.caps[i] and not art.sentence_start(i):
        return "", 0
    roles = cue_words().roles
    for length in range(min(3, len(art.starts) - i), 0, -1):
        cue = roles.get(" ".join(art.words[i:i + length]), "")
        if cue and all(art.gap(k).isspace() for k in range(i, i + length - 1)):
            return cue, length
    return "", 0


def _name_after(art: Article, k: int, by_first: Mapping[int, Mention]) -> tuple[int, int] | None:
    """The name after a cue, past adjectives ("croato", "diciottenne") and a club ("del Milan", "del Qarabag,")."""
    between = cue_words().between
    for _ in range(4):
        if k >= len(art.starts) or not _cue_gap(art.gap(k - 1)):
            return None
        word = art.words[k]
        if word in between or word.isdigit() or (word.endswith("enne") and not art.caps[k]):
            k += 1
        elif word in _CLUB_PREPS and _is_team(by_first.get(k + 1)):
            k = by_first[k + 1].last + 1
        else:
            return _name_run(art, k, by_first)
    return None


def _cue_gap(gap: str) -> bool:
    return gap.strip() in ("", ",") and "\n" not in gap


def _name_before(art: Article, cue: int, by_first: Mapping[int, Mention]) -> tuple[int, int] | None:
    """"Matteo Brivio, centrocampista della Primavera", "Emegha, attaccante dello Strasburgo": capitalised
    words (particles inside), a comma, the cue; a lone word only where no sentence starts with it."""
    k = cue - 1
    while k >= 0 and art.words[k] in _BEFORE_ROLE and art.gap(k).isspace():
        k -= 1
    if k < 1 or not (art.gap(k).strip() == "," and _cue_gap(art.gap(k))) or not _letters(art, k):
        return None
    first = k
    while first > 0 and k - first + 1 < _MAX_NAME_WORDS and art.gap(first - 1) in JOINABLE \
            and not art.sentence_start(first) and (_letters(art, first - 1) or (
                art.words[first - 1] in PARTICLES and first > 1 and _letters(art, first - 2))):
        first -= 1
    if any(_is_team(by_first.get(j)) or (by_first.get(j) and by_first[j].senses[0].kind == "block")
           for j in range(first, k + 1)):
        return None
    if first == k and (art.sentence_start(k) or art.words[k] in FUNCTION_WORDS or art.lookup(art.words[k])):
        return None
    return first, k


def _letters(art: Article, k: int) -> bool:
    """A capitalised word starting with a letter: digits ("3-1, il tecnico") are never a name."""
    return art.caps[k] and art.text[art.starts[k]].isalpha()


def _name_run(art: Article, k: int, by_first: Mapping[int, Mention]) -> tuple[int, int] | None:
    """Capitalised words from token k (particles inside), stopping at a club or a lower-case word."""
    if not _letters(art, k) or _is_team(by_first.get(k)) or _initials(art, k) or art.words[k] in FUNCTION_WORDS:
        return None
    last = k
    while last + 1 < len(art.starts) and last - k + 1 < _MAX_NAME_WORDS and art.gap(last) in JOINABLE:
        step = 2 if art.words[last + 1] in PARTICLES and last + 2 < len(art.starts) else 1
        if not _letters(art, last + step) or _is_team(by_first.get(last + step)) \
                or (step == 2 and art.gap(last + 1) not in JOINABLE):
            break
        last += step
    while last > k and len(art.words[last]) == 1:  # "Franco Scoglio L'allenatore": an elided article
        last -= 1
    return k, last


def _initials(art: Article, k: int) -> bool:
    """"AC Siena", "US Lecce": a club's initials, not a first name."""
    word = art.text[art.starts[k]:art.ends[k]]
    return 1 < len(word) <= 3 and word.isupper()


def _is_team(mention: Mention | None) -> bool:
    return mention is not None and bool(mention.senses) and mention.senses[0].kind in ("team", "block")


def _merge(art: Article, mentions: list[Mention], cues: list[Mention]) -> list[Mention]:
    """A cue's name replaces the gazetteer words inside it, unless the gazetteer knows exactly that name;
    it gives way to a club, and to a gazetteer name reaching outside it."""
    at = {k: m for m in mentions for k in range(m.first, m.last + 1)}
    dropped: set[int] = set()  # id() of replaced mentions
    added: list[Mention] = []
    for cue in cues:
        name = art.text[cue.start:cue.end]
        if cue.forced == "reject":
            art.rejected.update({fold_key(name), *(fold_key(s) for s in name_parts(name)[1])})
        overlapping = {id(m): m for k in range(cue.first, cue.last + 1) if (m := at.get(k))}.values()
        exact = [m for m in overlapping if (m.first, m.last) == (cue.first, cue.last) and not _is_team(m)]
        if exact:
            exact[0].forced = cue.forced
        elif not any(_is_team(m) or m.first < cue.first or m.last > cue.last for m in overlapping):
            dropped.update(id(m) for m in overlapping)
            added.append(cue)
    kept = [m for m in mentions if id(m) not in dropped] + added
    return sorted(kept, key=lambda m: m.first) if added else kept
